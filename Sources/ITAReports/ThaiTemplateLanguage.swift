import Foundation
import TemplateEngine
import ThaiFormat

/// What ITA templates add to the template language: the Thai filters (`thai`, `date:long`,
/// `date:short`, `bahttext`) and Thai digits for a whole document.
public enum ThaiTemplateLanguage {
    /// `thai`: the value's digits as Thai digits (each item of a list).
    static let thai = FilterDefinition(name: "thai") { value, _ in
        guard let v = value else { return .success(nil) }
        if case let .list(l) = v { return .success(.list(l.map { .string(ThaiNumerals.toThai($0.text)) })) }
        return .success(.string(ThaiNumerals.toThai(v.text)))
    }

    /// `date:long` (15 มีนาคม 2568) and `date:short` (15 มี.ค. 68) of an ISO date.
    static let date = FilterDefinition(name: "date", check: { arg in
        guard let a = arg, ["long", "short"].contains(a) else {
            return "date needs long or short: date:long gives 15 มีนาคม 2568, date:short gives 15 มี.ค. 68"
        }
        return nil
    }, apply: { value, arg in
        guard let v = value, v != .null, v.text != "" else { return .success(value) }
        guard let d = CalendarDate(iso: v.text) else {
            return .failure(FilterFailure(DateProblem.of(v.text)?.description ?? "'\(v.text)' is not a date: write it as YYYY-MM-DD, e.g. 2025-03-15"))
        }
        return .success(.string(arg == "short" ? ThaiDateFormat.short(d) : ThaiDateFormat.long(d)))
    })

    /// `bahttext`: an amount spelt out in Thai words.
    static let bahttext = FilterDefinition(name: "bahttext") { value, _ in
        guard let v = value, v != .null else { return .success(value) }
        guard let d = FilterSet.decimal(v), let s = BahtText.spell(d) else {
            return .failure(FilterFailure("'\(v.text)' is not an amount of baht"))
        }
        return .success(.string(s))
    }

    /// The engine's filters with the Thai ones.
    public static let filters = FilterSet.standard.adding([thai, date, bahttext])

    /// Filters and Thai digits, for every ITA template.
    public static let language = TemplateLanguage(filters: filters, digitScripts: [.thai])
}

extension DigitScript {
    /// Thai digits (๐–๙) everywhere: text, values, page numbers (`thaiNumbers`, `Native Numbering`).
    public static let thai = DigitScript(name: "thai", convert: { ThaiNumerals.toThai($0) }, wordNumberFormat: "thaiNumbers", odfNumberFormat: "Native Numbering")

    /// `arabic` or `thai`.
    public static func named(_ name: String) -> DigitScript? {
        switch name {
        case "arabic": return .arabic
        case "thai": return .thai
        default: return nil
        }
    }
}
