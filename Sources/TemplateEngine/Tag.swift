import Foundation

/// A parsed `{{…}}` tag.
public enum Tag: Equatable, Sendable {
    /// The three block kinds.
    public enum Block: String, Sendable { case each, `if`, unless }

    case value(Expression)
    case open(Block, Path)
    case elseTag
    case close(Block)
    /// `{{image path width=6cm height=4cm}}`; width/height are lengths or paths to lengths.
    case image(Path, width: LengthSpec?, height: LengthSpec?)
    /// `{{merge path}}`: a cell that merges down over consecutive rows with the same value.
    case merge(Expression)

    /// A dotted path such as `org.name`, `this`, `@number`.
    public struct Path: Equatable, Sendable, CustomStringConvertible {
        public let segments: [String]
        public var description: String { segments.joined(separator: ".") }
    }

    /// A value with its filters: `score | number:2 | thai`.
    public struct Expression: Equatable, Sendable {
        public let path: Path?
        public let literal: String?
        public let filters: [Filter]
    }

    /// A length literal (`6cm`) or a path to one.
    public enum LengthSpec: Equatable, Sendable {
        case literal(Length)
        case path(Path)
    }
}

/// Why a tag could not be parsed.
struct TagSyntaxError: Error {
    let message: String
}

extension Tag {
    /// Parses the text between `{{` and `}}`.
    static func parse(_ raw: String) throws -> Tag {
        let text = raw.replacingOccurrences(of: "\u{201C}", with: "\"").replacingOccurrences(of: "\u{201D}", with: "\"")
            .replacingOccurrences(of: "\u{00A0}", with: " ").trimmingCharacters(in: .whitespaces)
        if text.isEmpty { throw TagSyntaxError(message: "empty tag {{}}") }
        if text == "else" { return .elseTag }
        if text.hasPrefix("#") {
            let parts = text.dropFirst().split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
            guard let kw = parts.first, let block = Block(rawValue: String(kw)) else {
                throw TagSyntaxError(message: "unknown block '{{\(text)}}': use {{#each list}}, {{#if value}} or {{#unless value}}")
            }
            guard parts.count == 2 else { throw TagSyntaxError(message: "'{{#\(kw)}}' needs a name, e.g. {{#\(kw) measures}}") }
            return .open(block, try parsePath(String(parts[1]).trimmingCharacters(in: .whitespaces)))
        }
        if text.hasPrefix("/") {
            let kw = text.dropFirst().trimmingCharacters(in: .whitespaces)
            guard let block = Block(rawValue: kw) else {
                throw TagSyntaxError(message: "unknown closing tag '{{\(text)}}': use {{/each}}, {{/if}} or {{/unless}}")
            }
            return .close(block)
        }
        let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        if words.first == "image" {
            guard words.count >= 2 else { throw TagSyntaxError(message: "'{{image}}' needs a name, e.g. {{image org.logo width=3cm}}") }
            let path = try parsePath(words[1])
            var width: LengthSpec?, height: LengthSpec?
            for w in words.dropFirst(2) {
                let kv = w.split(separator: "=", maxSplits: 1).map(String.init)
                guard kv.count == 2, ["width", "height"].contains(kv[0]) else {
                    throw TagSyntaxError(message: "'\(w)' in {{\(text)}}: an image takes width=… and height=… (e.g. width=6cm)")
                }
                let spec: LengthSpec
                if let l = Length(kv[1]) { spec = .literal(l) } else { spec = .path(try parsePath(kv[1])) }
                if kv[0] == "width" { width = spec } else { height = spec }
            }
            return .image(path, width: width, height: height)
        }
        if words.first == "merge" {
            guard words.count >= 2 else { throw TagSyntaxError(message: "'{{merge}}' needs a name, e.g. {{merge tool}}") }
            return .merge(try parseExpression(String(text.dropFirst(5))))
        }
        return .value(try parseExpression(text))
    }

    static func parseExpression(_ text: String) throws -> Expression {
        let parts = splitOutsideQuotes(text, on: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let head = parts.first, !head.isEmpty else { throw TagSyntaxError(message: "missing name before '|' in {{\(text)}}") }
        var path: Path?
        var literal: String?
        if head.hasPrefix("\""), head.hasSuffix("\""), head.count >= 2 {
            literal = String(head.dropFirst().dropLast())
        } else {
            path = try parsePath(head)
        }
        let filters = try parts.dropFirst().map { try Filter.parse($0) }
        return Expression(path: path, literal: literal, filters: filters)
    }

    static func parsePath(_ text: String) throws -> Path {
        if text == "this" || text == "." { return Path(segments: ["this"]) }
        let segs = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        for s in segs {
            if s.isEmpty || s.contains(where: { " {}|\"'=".contains($0) }) {
                throw TagSyntaxError(message: "'\(text)' is not a valid name: use letters, digits and _ separated by dots, e.g. org.name")
            }
            if s.hasPrefix("@"), !["@index", "@number", "@first", "@last"].contains(s) {
                throw TagSyntaxError(message: "unknown loop variable '\(s)': use @index, @number, @first or @last")
            }
        }
        return Path(segments: segs)
    }

    static func splitOutsideQuotes(_ s: String, on sep: Character) -> [String] {
        var out: [String] = [], cur = "", inQuote = false
        for c in s {
            if c == "\"" { inQuote.toggle() }
            if c == sep && !inQuote { out.append(cur); cur = "" } else { cur.append(c) }
        }
        out.append(cur)
        return out
    }
}
