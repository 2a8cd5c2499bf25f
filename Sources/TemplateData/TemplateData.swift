import Foundation
import TemplateEngine
import YAMLLimits
import Yams

/// The values of a JSON or YAML data file, converted for filling a template. Conversion is bounded: YAML
/// aliases may not multiply the data past `maxValues` (an alias bomb ate all memory), and NaN or infinite
/// numbers are refused with their place, since no document can print them.
public enum TemplateData {
    /// Largest number of values a data file may expand to (a yearly report has a few thousand).
    public static let maxValues = 200_000

    /// Why a data file cannot be used; the message names the file and the place in it.
    public struct Problem: Error, CustomStringConvertible, Sendable {
        public let description: String
        init(_ d: String) { description = d }
    }

    /// Converts the bytes of a data file: JSON when `json` is true, YAML otherwise. `file` names it in messages.
    public static func values(_ data: Data, json: Bool, file: String) throws -> TemplateValue {
        var budget = maxValues
        if json {
            let value: TemplateValue
            do { value = try TemplateValue.json(data) } catch {
                throw jsonError(error, in: data, path: file)
            }
            try checkJSON(value, at: "", file: file, budget: &budget)
            return value
        }
        let text = String(decoding: data, as: UTF8.self)
        do {
            try YAMLExpansion.check(text, limit: maxValues)
            guard let node = try Yams.compose(yaml: text) else { return .object([:]) }
            return try convert(node, at: "", file: file, budget: &budget)
        } catch let e as YAMLExpansion.TooLarge {
            throw tooBig(file, place: ":\(e.line):\(e.column)")
        } catch let e as YamlError {
            throw Problem("\(file): the YAML is not valid: \(shortened("\(e)"))")
        }
    }

    /// Libyaml's message quotes the line in error whole; a line of megabytes is cut to its first characters.
    static func shortened(_ message: String) -> String {
        message.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.count > 160 ? $0.prefix(157) + "…" : $0 }.joined(separator: "\n")
    }

    /// `parent.key`, or `parent[3]`, as a user reads a place in the data.
    static func child(_ parent: String, key: String) -> String { parent.isEmpty ? key : "\(parent).\(key)" }
    static func child(_ parent: String, index: Int) -> String { "\(parent)[\(index)]" }

    static func tooBig(_ file: String, place: String = "") -> Problem {
        Problem("\(file)\(place): the data expands to more than \(maxValues) values (YAML aliases such as *name repeat what &name holds, and here they repeat it without end). A yearly report needs a few thousand: remove the repeated aliases.")
    }

    /// The parser's reason, placed by line and column (in characters, as editors and the YAML messages count them).
    static func jsonError(_ error: Error, in data: Data, path: String) -> Problem {
        let reason = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? error.localizedDescription
        let hint = "Check the quotes, commas and brackets there and just before."
        guard let range = reason.range(of: #"character (\d+)"#, options: .regularExpression),
              let offset = Int(reason[range].dropFirst("character ".count)), offset <= data.count else {
            return Problem("\(path): the JSON is not valid: \(reason) \(hint)")
        }
        let before = data.prefix(offset)
        let line = before.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? before.startIndex
        let column = String(decoding: before[lineStart...], as: UTF8.self).unicodeScalars.count + 1
        return Problem("\(path):\(line):\(column): the JSON is not valid: \(reason) \(hint)")
    }

    static func convert(_ node: Node, at path: String, file: String, budget: inout Int) throws -> TemplateValue {
        budget -= 1
        if budget < 0 { throw tooBig(file) }
        switch node {
        case let .scalar(s):
            if s.style == .plain {
                if node.null != nil { return .null }
                if let b = node.bool { return .bool(b) }
                if let f = node.float, !f.isFinite {
                    let place = s.mark.map { ":\($0.line):\($0.column)" } ?? ""
                    throw Problem("\(file)\(place): \(path.isEmpty ? "the value" : path) is \(s.string), \(f.isNaN ? "not a number" : "an infinite number"); a document cannot print it. Write a number, or leave the value empty (~).")
                }
                if node.int != nil || node.float != nil, let d = Decimal(string: s.string.replacingOccurrences(of: "_", with: "")) {
                    return .number(d)
                }
            }
            return .string(s.string)
        case let .sequence(seq):
            var out: [TemplateValue] = []
            out.reserveCapacity(seq.count)
            for (i, item) in seq.enumerated() { out.append(try convert(item, at: child(path, index: i), file: file, budget: &budget)) }
            return .list(out)
        case let .mapping(m):
            var o: [String: TemplateValue] = [:]
            for (k, v) in m {
                let key = k.string ?? "\(k)"
                o[key] = try convert(v, at: child(path, key: key), file: file, budget: &budget)
            }
            return .object(o)
        case let .alias(a):
            return .string("\(a)")
        }
    }

    /// JSON cannot write NaN or infinity, but a number too large for a double reads as infinity.
    static func checkJSON(_ value: TemplateValue, at path: String, file: String, budget: inout Int) throws {
        budget -= 1
        if budget < 0 { throw tooBig(file) }
        switch value {
        case let .number(d) where d.isNaN || !NSDecimalNumber(decimal: d).doubleValue.isFinite:
            throw Problem("\(file): \(path.isEmpty ? "the value" : path) is not a finite number; a document cannot print it. Write a number, or null.")
        case let .list(l):
            for (i, v) in l.enumerated() { try checkJSON(v, at: child(path, index: i), file: file, budget: &budget) }
        case let .object(o):
            for (k, v) in o { try checkJSON(v, at: child(path, key: k), file: file, budget: &budget) }
        default:
            break
        }
    }
}
