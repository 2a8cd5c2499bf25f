import Foundation

/// The data a template is filled with: JSON-like values, plus images supplied by a program.
public enum TemplateValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Decimal)
    case string(String)
    case list([TemplateValue])
    case object([String: TemplateValue])
    /// Image bytes (PNG or JPEG) supplied directly rather than by file path.
    case image(Data)

    /// Convenience for a number given as a Double (via its shortest decimal text, so 98.97 stays 98.97).
    /// NaN and the infinities (which `Decimal` cannot hold: converting one traps) become a NaN Decimal, which
    /// a fill refuses by name.
    public static func number(_ d: Double) -> TemplateValue {
        guard d.isFinite else { return .number(Decimal.nan) }
        return .number(Decimal(string: "\(d)") ?? Decimal(d))
    }

    /// Looks up a key of an object.
    public subscript(key: String) -> TemplateValue? {
        if case let .object(o) = self { return o[key] }
        if case let .list(l) = self, let i = Int(key), l.indices.contains(i) { return l[i] }
        return nil
    }

    /// Handlebars-like truth: false, null, "", [] and {} are false; everything else (0 included) is true.
    public var isTruthy: Bool {
        switch self {
        case .null: return false
        case let .bool(b): return b
        case let .string(s): return !s.isEmpty
        case let .list(l): return !l.isEmpty
        case let .object(o): return !o.isEmpty
        case .number, .image: return true
        }
    }

    /// The text a value prints as.
    public var text: String {
        switch self {
        case .null: return ""
        case let .bool(b): return b ? "true" : "false"
        case let .number(n): return NSDecimalNumber(decimal: n).stringValue
        case let .string(s): return s
        case let .list(l): return l.map(\.text).joined(separator: "\n")
        case .object: return ""
        case .image: return ""
        }
    }

    /// Parses JSON text into a value.
    public static func json(_ data: Data) throws -> TemplateValue {
        let any = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        return from(any: any)
    }

    /// Converts Foundation JSON objects (NSNumber, NSString, arrays, dictionaries).
    public static func from(any: Any) -> TemplateValue {
        switch any {
        case is NSNull: return .null
        case let s as String: return .string(s)
        case let n as NSNumber:
            // JSON booleans arrive as a boolean NSNumber (objCType "c"); 1 and 0 stay numbers.
            if String(cString: n.objCType) == "c" || "\(type(of: n))".contains("Boolean") { return .bool(n.boolValue) }
            return .number(Decimal(string: n.stringValue) ?? n.decimalValue)
        case let a as [Any]: return .list(a.map(from(any:)))
        case let d as [String: Any]: return .object(d.mapValues(from(any:)))
        default: return .string("\(any)")
        }
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .number(Decimal(value)) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, b in b }))
    }
    public init(nilLiteral: ()) { self = .null }
}
