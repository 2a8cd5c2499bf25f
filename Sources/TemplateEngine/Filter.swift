import Foundation
import ThaiFormat

/// A filter after `|` in a tag: `number:2`, `number:2,group`, `thai`, `date:long`, `date:short`, `bahttext`,
/// `default:"-"`, `join:", "`.
public struct Filter: Equatable, Sendable {
    public enum Name: String, Sendable, CaseIterable { case number, thai, date, bahttext, `default`, join }
    public let name: Name
    public let argument: String?

    static func parse(_ text: String) throws -> Filter {
        let kv = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map { String($0).trimmingCharacters(in: .whitespaces) }
        guard let n = kv.first, let name = Name(rawValue: n) else {
            let known = Name.allCases.map(\.rawValue).joined(separator: ", ")
            throw TagSyntaxError(message: "unknown filter '\(text)': the filters are \(known)")
        }
        var arg = kv.count > 1 ? kv[1] : nil
        if let a = arg, a.hasPrefix("\""), a.hasSuffix("\""), a.count >= 2 { arg = String(a.dropFirst().dropLast()) }
        switch name {
        case .number:
            if let a = arg, numberFormat(a) == nil {
                throw TagSyntaxError(message: "number:\(a): the number of decimals must be 0 to 10, and ,group adds thousands separators: number:2 gives 15000.00, number:2,group gives 15,000.00")
            }
        case .date:
            guard let a = arg, ["long", "short"].contains(a) else {
                throw TagSyntaxError(message: "date needs long or short: date:long gives 15 มีนาคม 2568, date:short gives 15 มี.ค. 68")
            }
        case .default:
            guard arg != nil else { throw TagSyntaxError(message: "default needs a value, e.g. default:\"-\"") }
        case .thai, .bahttext, .join:
            break
        }
        return Filter(name: name, argument: arg)
    }

    /// Applies the filter; returns nil with a message when the value does not fit.
    func apply(_ value: TemplateValue?) -> Result<TemplateValue?, FilterFailure> {
        switch name {
        case .default:
            if let v = value, v.isTruthy { return .success(v) }
            return .success(.string(argument ?? ""))
        case .number:
            guard let v = value, v != .null else { return .success(value) }
            guard let d = Self.decimal(v) else { return .failure(FilterFailure("'\(v.text)' is not a number")) }
            let format = Self.numberFormat(argument ?? "2") ?? (2, false)
            return .success(.string(ThaiNumberFormat.fixed(d, places: format.places, grouping: format.group)))
        case .thai:
            guard let v = value else { return .success(nil) }
            if case let .list(l) = v { return .success(.list(l.map { .string(ThaiNumerals.toThai($0.text)) })) }
            return .success(.string(ThaiNumerals.toThai(v.text)))
        case .date:
            guard let v = value, v != .null, v.text != "" else { return .success(value) }
            guard let d = CalendarDate(iso: v.text) else {
                return .failure(FilterFailure(DateProblem.of(v.text)?.description ?? "'\(v.text)' is not a date: write it as YYYY-MM-DD, e.g. 2025-03-15"))
            }
            return .success(.string(argument == "short" ? ThaiDateFormat.short(d) : ThaiDateFormat.long(d)))
        case .bahttext:
            guard let v = value, v != .null else { return .success(value) }
            guard let d = Self.decimal(v), let s = BahtText.spell(d) else {
                return .failure(FilterFailure("'\(v.text)' is not an amount of baht"))
            }
            return .success(.string(s))
        case .join:
            guard let v = value else { return .success(nil) }
            if case let .list(l) = v { return .success(.string(l.map(\.text).joined(separator: argument ?? ", "))) }
            return .success(v)
        }
    }

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

    static func decimal(_ v: TemplateValue) -> Decimal? {
        switch v {
        case let .number(d): return d
        case let .string(s):
            let t = ThaiNumerals.toArabic(s).replacingOccurrences(of: ",", with: "").trimmingCharacters(in: .whitespaces)
            guard !t.isEmpty, t.allSatisfy({ "0123456789.-".contains($0) }) else { return nil }
            return Decimal(string: t)
        default: return nil
        }
    }
}

/// A filter that could not apply to its value.
struct FilterFailure: Error {
    let message: String
    init(_ m: String) { message = m }
}
