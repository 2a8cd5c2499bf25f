/// Why a text is not a `CalendarDate`: the shape is wrong, or the shape is right and the day
/// does not exist ("2568-02-29": February 2025 has 28 days). Messages say which, and what to write.
public enum DateProblem: Equatable, Sendable, CustomStringConvertible {
    /// Not `YYYY-MM-DD` (Arabic or Thai digits).
    case notADate(String)
    /// The month is not 1–12.
    case noSuchMonth(String, month: Int)
    /// The day is not in the month: `days` is how many it has in that year.
    case noSuchDay(String, day: Int, month: Int, beYear: Int, days: Int)
    /// The year is outside what a date can hold (0001–9999 CE).
    case noSuchYear(String)

    /// The problem with `text`, or nil when it is a valid date.
    public static func of(_ text: String) -> DateProblem? {
        if CalendarDate(iso: text) != nil { return nil }
        let clean = ThaiNumerals.toArabic(text.trimmingWhitespace())
        let parts = clean.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4,
              (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return .notADate(text) }
        guard (1...12).contains(m) else { return .noSuchMonth(text, month: m) }
        let ce = y >= 2400 ? y - CalendarDate.beOffset : y
        guard (1...9999).contains(ce) else { return .noSuchYear(text) }
        return .noSuchDay(text, day: d, month: m, beYear: ce + CalendarDate.beOffset,
                          days: CalendarDate.daysIn(month: m, year: ce))
    }

    public var description: String {
        switch self {
        case let .notADate(text):
            return "'\(text)' is not a date: write it as YYYY-MM-DD, e.g. 2568-03-15"
        case let .noSuchMonth(text, month):
            return "'\(text)' has no month \(month): months are 01 to 12 (write YYYY-MM-DD)"
        case let .noSuchDay(text, _, month, beYear, days):
            let name = ThaiDateFormat.monthNames[month - 1]
            let leap = month == 2 && days == 28 ? " (\(beYear) is not a leap year)" : ""
            return "'\(text)': the day does not exist, \(name) \(beYear) has \(days) days\(leap); check the day and the month"
        case let .noSuchYear(text):
            return "'\(text)' has a year no calendar date can have: write a BE year such as 2568 (or the CE year)"
        }
    }
}
