import Foundation
import ITAReports
import TemplateEngine
import Yams

/// Reads a JSON or YAML data file into template values for `fill`.
enum DataFile {
    static func load(_ url: URL) throws -> TemplateValue {
        do { try RegularFile.check(url.path, role: "data file") } catch { throw CLIError("\(error)") }
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw CLIError("\(url.path): cannot read the data file (\(error.localizedDescription)).")
        }
        if url.pathExtension.lowercased() == "json" {
            do { return try TemplateValue.json(data) } catch {
                throw jsonError(error, in: data, path: url.path)
            }
        }
        let text = String(decoding: data, as: UTF8.self)
        do {
            guard let node = try Yams.compose(yaml: text) else { return .object([:]) }
            return convert(node)
        } catch let e as YamlError {
            throw CLIError("\(url.path): the YAML is not valid: \(e)")
        }
    }

    /// The parser's reason, placed by line and column (in characters, as editors and the YAML messages count them).
    static func jsonError(_ error: Error, in data: Data, path: String) -> CLIError {
        let reason = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? error.localizedDescription
        let hint = "Check the quotes, commas and brackets there and just before."
        guard let range = reason.range(of: #"character (\d+)"#, options: .regularExpression),
              let offset = Int(reason[range].dropFirst("character ".count)), offset <= data.count else {
            return CLIError("\(path): the JSON is not valid: \(reason) \(hint)")
        }
        let before = data.prefix(offset)
        let line = before.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? before.startIndex
        let column = String(decoding: before[lineStart...], as: UTF8.self).unicodeScalars.count + 1
        return CLIError("\(path):\(line):\(column): the JSON is not valid: \(reason) \(hint)")
    }

    static func convert(_ node: Node) -> TemplateValue {
        switch node {
        case let .scalar(s):
            if s.style == .plain {
                if node.null != nil { return .null }
                if let b = node.bool { return .bool(b) }
                if node.int != nil || node.float != nil, let d = Decimal(string: s.string.replacingOccurrences(of: "_", with: "")) {
                    return .number(d)
                }
            }
            return .string(s.string)
        case let .sequence(seq):
            return .list(seq.map(convert))
        case let .mapping(m):
            var o: [String: TemplateValue] = [:]
            for (k, v) in m { o[k.string ?? "\(k)"] = convert(v) }
            return .object(o)
        case let .alias(a):
            return .string("\(a)")
        }
    }
}

/// An error whose message is meant for the user as it is.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}
