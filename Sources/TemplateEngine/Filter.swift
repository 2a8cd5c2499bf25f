import Foundation

/// A filter after `|` in a tag: `number:2`, `default:"-"`, `join:", "`, or one a caller registers
/// (`FilterSet`). Reading a tag only splits the name from its argument; the template checks both
/// against the filters it was given.
public struct Filter: Equatable, Sendable {
    public let name: String
    public let argument: String?

    static func parse(_ text: String) throws -> Filter {
        let kv = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map { String($0).trimmingCharacters(in: .whitespaces) }
        var arg = kv.count > 1 ? kv[1] : nil
        if let a = arg, a.hasPrefix("\""), a.hasSuffix("\""), a.count >= 2 { arg = String(a.dropFirst().dropLast()) }
        return Filter(name: kv.first ?? "", argument: arg, text: text)
    }

    /// The filter as written, for messages.
    let text: String

    init(name: String, argument: String?, text: String? = nil) {
        self.name = name
        self.argument = argument
        self.text = text ?? (argument.map { "\(name):\($0)" } ?? name)
    }

    public static func == (a: Filter, b: Filter) -> Bool { a.name == b.name && a.argument == b.argument }
}

/// A filter that could not apply to its value.
public struct FilterFailure: Error, Sendable {
    public let message: String
    public init(_ m: String) { message = m }
}

/// What a filter does: checks its argument when a template is read (nil: fine, else the message),
/// then turns a value (nil: no value) into another.
public struct FilterDefinition: Sendable {
    public let name: String
    public let check: @Sendable (_ argument: String?) -> String?
    public let apply: @Sendable (_ value: TemplateValue?, _ argument: String?) -> Result<TemplateValue?, FilterFailure>

    public init(name: String, check: @escaping @Sendable (String?) -> String? = { _ in nil },
                apply: @escaping @Sendable (TemplateValue?, String?) -> Result<TemplateValue?, FilterFailure>) {
        self.name = name
        self.check = check
        self.apply = apply
    }
}

/// The filters a template may use: the engine's own (`number`, `default`, `join`) and those a caller adds.
public struct FilterSet: Sendable {
    public let definitions: [FilterDefinition]

    public init(_ definitions: [FilterDefinition]) { self.definitions = definitions }

    /// The filters of any template.
    public static let standard = FilterSet([number, defaultValue, join])

    /// These filters and `more` (a later one replaces an earlier one of the same name).
    public func adding(_ more: [FilterDefinition]) -> FilterSet {
        let names = Set(more.map(\.name))
        return FilterSet(definitions.filter { !names.contains($0.name) } + more)
    }

    func definition(_ name: String) -> FilterDefinition? { definitions.first { $0.name == name } }

    /// Why `filter` cannot be used, or nil.
    func problem(with filter: Filter) -> String? {
        guard let d = definition(filter.name) else {
            return "unknown filter '\(filter.text)': the filters are \(definitions.map(\.name).joined(separator: ", "))"
        }
        return d.check(filter.argument)
    }

    /// Applies `filter` (checked when the template was read).
    func apply(_ filter: Filter, to value: TemplateValue?) -> Result<TemplateValue?, FilterFailure> {
        guard let d = definition(filter.name) else { return .failure(FilterFailure("unknown filter '\(filter.text)'")) }
        return d.apply(value, filter.argument)
    }

    static let number = FilterDefinition(name: "number", check: { arg in
        guard let a = arg, numberFormat(a) == nil else { return nil }
        return "number:\(a): the number of decimals must be 0 to 10, and ,group adds thousands separators: number:2 gives 15000.00, number:2,group gives 15,000.00"
    }, apply: { value, arg in
        guard let v = value, v != .null else { return .success(value) }
        guard let d = decimal(v) else { return .failure(FilterFailure("'\(v.text)' is not a number")) }
        let format = numberFormat(arg ?? "2") ?? (2, false)
        return .success(.string(DecimalText.fixed(d, places: format.places, grouping: format.group)))
    })

    static let defaultValue = FilterDefinition(name: "default", check: { arg in
        arg == nil ? "default needs a value, e.g. default:\"-\"" : nil
    }, apply: { value, arg in
        if let v = value, v.isTruthy { return .success(v) }
        return .success(.string(arg ?? ""))
    })

    static let join = FilterDefinition(name: "join", apply: { value, arg in
        guard let v = value else { return .success(nil) }
        if case let .list(l) = v { return .success(.string(l.map(\.text).joined(separator: arg ?? ", "))) }
        return .success(v)
    })

    /// `N`, `N,group` or `group` (two decimals): the decimals (half-up) and whether to group thousands.
    static func numberFormat(_ argument: String) -> (places: Int, group: Bool)? {
        let parts = argument.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        switch parts.count {
        case 1 where parts[0] == "group": return (2, true)
        case 1: return Int(parts[0]).flatMap { (0...10).contains($0) ? ($0, false) : nil }
        case 2 where parts[1] == "group": return Int(parts[0]).flatMap { (0...10).contains($0) ? ($0, true) : nil }
        default: return nil
        }
    }

    /// A number, or text of one: digits of any script (Thai ๕ reads as 5), thousands commas left out.
    public static func decimal(_ v: TemplateValue) -> Decimal? {
        switch v {
        case let .number(d): return d
        case let .string(s):
            var ascii = ""
            for u in s.unicodeScalars {
                if u.properties.numericType == .decimal, let d = u.properties.numericValue, !u.isASCII {
                    ascii.unicodeScalars.append(Unicode.Scalar(UInt8(0x30 + Int(d))))
                } else if u != "," {
                    ascii.unicodeScalars.append(u)
                }
            }
            let t = ascii.trimmingCharacters(in: .whitespaces)
            guard !t.isEmpty, t.allSatisfy({ "0123456789.-".contains($0) }) else { return nil }
            return Decimal(string: t)
        default: return nil
        }
    }
}

/// Decimal numbers written with a fixed number of decimals, half-up (94.125 → 94.13 exactly).
enum DecimalText {
    static func fixed(_ value: Decimal, places: Int, grouping: Bool) -> String {
        let places = max(0, places)
        var input = value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &input, places, .plain)
        var text = rounded.description
        var negative = false
        if text.hasPrefix("-") { negative = true; text.removeFirst() }
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            // Exponent notation, should a platform write it: the digits in full.
            let mantissa = text[..<e].split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
            let exponent = Int(text[text.index(after: e)...]) ?? 0
            let intDigits = String(mantissa[0]), fracDigits = mantissa.count > 1 ? String(mantissa[1]) : ""
            var all = intDigits + fracDigits
            var point = intDigits.count + exponent
            if point <= 0 { all = String(repeating: "0", count: 1 - point) + all; point = 1 }
            if point >= all.count {
                text = all + String(repeating: "0", count: point - all.count)
            } else {
                let idx = all.index(all.startIndex, offsetBy: point)
                text = String(all[..<idx]) + "." + String(all[idx...])
            }
        }
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        var integer = String(parts[0])
        if integer.isEmpty { integer = "0" }
        var frac = parts.count > 1 ? String(parts[1]) : ""
        if frac.count < places { frac += String(repeating: "0", count: places - frac.count) }
        if frac.count > places { frac = String(frac.prefix(places)) }
        var intPart = integer
        if grouping {
            var out: [Character] = []
            for (i, c) in integer.reversed().enumerated() {
                if i > 0, i % 3 == 0 { out.append(",") }
                out.append(c)
            }
            intPart = String(out.reversed())
        }
        let isZero = integer.allSatisfy { $0 == "0" } && frac.allSatisfy { $0 == "0" }
        let sign = negative && !isZero ? "-" : ""
        return places > 0 ? "\(sign)\(intPart).\(frac)" : "\(sign)\(intPart)"
    }
}
