/// One problem found in a data file: where it is, what is wrong and what to do.
///
/// Printed as `file:line:column: severity: path: message (what to do)`, the form
/// editors and terminals recognise.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// Errors stop a document from being produced; warnings do not.
    public enum Severity: String, Sendable, Comparable {
        case warning
        case error

        public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
    }

    /// A stable name for the kind of problem, for tests and tools.
    public enum Kind: String, Sendable {
        case syntax, unreadable, wrongType, unknownKey, duplicateKey, missingField
        case scoreOutOfRange, indicatorOutOfRange, unknownQuestion, issueOutOfRange
        case implausibleYear, ceYear, invalidDate, periodOutsideFiscalYear, periodReversed, dateOutsideFiscalYear
        case guidanceText, mendedText, invalidValue, commentCut, placePrefix, citationWithoutScore, notPrinted
        case officialTotalDiffers, officialLevelDiffers, toolScoreDiffers, missingIndicators, unknownYear, provisionalRubric
    }

    public var severity: Severity
    public var kind: Kind
    /// The file as the user named it.
    public var file: String
    /// 1-based line, when known.
    public var line: Int?
    /// 1-based column, when known.
    public var column: Int?
    /// The field's path, e.g. `assessment.indicators.9` or `measures[2].period.from`: where a form
    /// shows the message.
    public var path: String
    /// What is wrong, as a catalogue message (either language).
    public var problem: Message
    /// What to do about it, as a catalogue message.
    public var remedy: Message?

    public init(_ severity: Severity, _ kind: Kind, file: String, line: Int? = nil, column: Int? = nil,
                path: String, problem: Message, remedy: Message? = nil) {
        self.severity = severity
        self.kind = kind
        self.file = file
        self.line = line
        self.column = column
        self.path = path
        self.problem = problem
        self.remedy = remedy
    }

    /// A diagnostic with English text only (its Thai is the same English text).
    public init(_ severity: Severity, _ kind: Kind, file: String, line: Int? = nil, column: Int? = nil,
                path: String, message: String, hint: String? = nil) {
        self.init(severity, kind, file: file, line: line, column: column, path: path,
                  problem: .verbatim(message), remedy: hint.map { .verbatim($0) })
    }

    /// What is wrong, in English.
    public var message: String { problem.text(in: .en) }
    /// What to do about it, in English.
    public var hint: String? { remedy?.text(in: .en) }

    /// What is wrong in `language`.
    public func message(in language: MessageLanguage) -> String { problem.text(in: language) }
    /// What to do in `language`.
    public func hint(in language: MessageLanguage) -> String? { remedy?.text(in: language) }
    /// The message and, in parentheses, what to do, in `language`; without file, place or path.
    public func text(in language: MessageLanguage) -> String { MessageCatalogue.shipped.text(self, in: language) }

    /// `file:line:column`, as far as known.
    public var place: String {
        var place = file
        if let line {
            place += ":\(line)"
            if let column { place += ":\(column)" }
        }
        return place
    }

    /// The whole line in `language`: `file:line:column: severity: path: message (what to do)`.
    public func description(in language: MessageLanguage) -> String {
        let severityText = (severity == .error ? Message("severity.error") : Message("severity.warning")).text(in: language)
        return "\(place): \(severityText): " + (path.isEmpty ? "" : "\(path): ") + text(in: language)
    }

    public var description: String { description(in: .en) }
}

extension Array where Element == Diagnostic {
    /// True when at least one diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }
    /// Only the errors.
    public var errors: [Diagnostic] { filter { $0.severity == .error } }
    /// Only the warnings.
    public var warnings: [Diagnostic] { filter { $0.severity == .warning } }
}
