/// A user-facing message as data: the id of its entry in the message catalogue
/// (`Resources/messages.yaml`) and the values of the entry's named parameters.
///
/// ```swift
/// let m = Message("score.out-of-range", ["score": "101.00"])
/// MessageCatalogue.shipped.render(m, in: .th)
/// ```
///
/// An argument is a text printed as it is (a score, a code, a name) or another message,
/// rendered in the same language (a phrase such as "a list" that has its own Thai).
public struct Message: Sendable, Hashable, CustomStringConvertible {
    public enum Argument: Sendable, Hashable, ExpressibleByStringInterpolation {
        /// Printed as it is, in every language.
        case text(String)
        /// Rendered from the catalogue in the language of the enclosing message.
        case message(Message)
        /// Each rendered in turn, joined by ", ".
        case list([Argument])
        /// Each rendered in turn, joined by the separator.
        case joined([Argument], String)
        /// Each rendered on its own line, indented by two spaces.
        case lines([Argument])
        /// A diagnostic's whole line.
        case diagnostic(Diagnostic)

        public init(stringLiteral value: String) { self = .text(value) }
    }

    /// The catalogue entry, e.g. `score.out-of-range`.
    public var id: String
    /// Parameter name → value.
    public var arguments: [String: Argument]

    public init(_ id: String, _ arguments: [String: Argument] = [:]) {
        self.id = id
        self.arguments = arguments
    }

    /// A text shown as it is in every language: what another layer (the YAML parser, the file
    /// system) reports in its own words.
    public static func verbatim(_ text: String) -> Message { Message("verbatim", ["text": .text(text)]) }

    /// An error as a message: its own when it is catalogued, else its description as it is.
    public init(_ error: Error) {
        self = (error as? CataloguedError)?.catalogueMessage ?? .verbatim("\(error)")
    }

    /// The English text, from the shipped catalogue.
    public var description: String { MessageCatalogue.shipped.render(self, in: .en) }

    /// The text in `language`, from the shipped catalogue.
    public func text(in language: MessageLanguage) -> String { MessageCatalogue.shipped.render(self, in: language) }
}

/// An error whose text comes from the message catalogue, so it can be shown in either language.
public protocol CataloguedError: Error {
    /// What went wrong and what to do, as a catalogue message.
    var catalogueMessage: Message { get }
}

extension CataloguedError {
    /// The error's text in `language`.
    public func text(in language: MessageLanguage) -> String { catalogueMessage.text(in: language) }
}

/// The text of any error in `language`: from the catalogue when the error is a `CataloguedError`,
/// else its own description.
public func errorText(_ error: Error, in language: MessageLanguage) -> String {
    if let e = error as? CataloguedError { return e.text(in: language) }
    return "\(error)"
}
