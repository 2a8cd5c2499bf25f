import Foundation
import Yams

/// The texts of every user-facing message, in English and Thai, keyed by message id
/// (`Resources/messages.yaml`). A text names its parameters in braces: `{score}`; any other
/// brace is printed as it is (`{1: 99.39}`).
public struct MessageCatalogue: Sendable {
    /// One message in both languages.
    public struct Entry: Sendable, Equatable {
        public var en: String
        public var th: String

        public func text(in language: MessageLanguage) -> String { language == .th ? th : en }
    }

    public private(set) var entries: [String: Entry]

    public init(entries: [String: Entry]) { self.entries = entries }

    /// Reads a catalogue: a YAML mapping of id → `{en: …, th: …}`.
    public init(yaml: String) throws {
        guard let root = try Yams.load(yaml: yaml) as? [String: Any] else {
            throw MessageCatalogueError(problem: "the catalogue is not a mapping of message ids")
        }
        var entries: [String: Entry] = [:]
        for (id, value) in root {
            guard let fields = value as? [String: Any], let en = fields["en"] as? String, let th = fields["th"] as? String else {
                throw MessageCatalogueError(problem: "message '\(id)' needs an 'en' and a 'th' text")
            }
            entries[id] = Entry(en: en, th: th)
        }
        self.entries = entries
    }

    /// The shipped catalogue (empty when the resource cannot be read: messages then print their ids).
    public static let shipped: MessageCatalogue = {
        guard let text = try? String(contentsOf: ResourceLocator.url("messages.yaml"), encoding: .utf8),
              let catalogue = try? MessageCatalogue(yaml: text) else { return MessageCatalogue(entries: [:]) }
        return catalogue
    }()

    /// `message` in `language`. An id the catalogue lacks prints as the id with its arguments,
    /// and a parameter without an argument as `{name}`, so a slip is visible rather than silent.
    public func render(_ message: Message, in language: MessageLanguage) -> String {
        guard let entry = entries[message.id] else {
            let args = message.arguments.sorted { $0.key < $1.key }.map { "\($0.key)=\(argument($0.value, language))" }
            return ([message.id] + args).joined(separator: " ")
        }
        return Self.fill(entry.text(in: language)) { name in
            message.arguments[name].map { argument($0, language) }
        }
    }

    private func argument(_ a: Message.Argument, _ language: MessageLanguage) -> String {
        switch a {
        case let .text(s): return s
        case let .message(m): return render(m, in: language)
        case let .list(items): return items.map { argument($0, language) }.joined(separator: ", ")
        case let .joined(items, separator): return items.map { argument($0, language) }.joined(separator: separator)
        case let .lines(items): return items.map { "  " + argument($0, language) }.joined(separator: "\n")
        case let .diagnostic(d): return d.description(in: language)
        }
    }

    /// The parameter names of a text: each `{name}` where name is a lowercase letter or `_`, then letters,
    /// digits or `_`.
    public static func parameters(of text: String) -> Set<String> {
        var names: Set<String> = []
        _ = fill(text) { names.insert($0); return nil }
        return names
    }

    /// `text` with each `{name}` replaced by `value(name)` (kept as it is when that is nil).
    static func fill(_ text: String, _ value: (String) -> String?) -> String {
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "}") {
                let name = after[..<close]
                if let first = name.first, first == "_" || ("a"..."z").contains(first),
                   name.allSatisfy({ $0 == "_" || ("a"..."z").contains($0) || ("0"..."9").contains($0) }) {
                    out += value(String(name)) ?? "{\(name)}"
                    rest = after[after.index(after: close)...]
                    continue
                }
            }
            out += "{"
            rest = after
        }
        return out + rest
    }

    // MARK: Diagnostics

    /// The diagnostic's message and, in parentheses, what to do — without file, place or field path,
    /// for a form that shows it next to the field (`diagnostic.path`).
    public func text(_ diagnostic: Diagnostic, in language: MessageLanguage) -> String {
        var text = render(diagnostic.problem, in: language)
        if let remedy = diagnostic.remedy {
            let hint = render(remedy, in: language)
            if !hint.isEmpty { text += " (\(hint))" }
        }
        return text
    }
}

/// A catalogue that cannot be read.
public struct MessageCatalogueError: Error, CustomStringConvertible {
    public var problem: String
    public var description: String { "message catalogue: \(problem)" }
}
