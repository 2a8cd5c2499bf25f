/// A calendar day (Gregorian), stored with its year in the Common Era.
///
/// Thai documents print Buddhist Era years (`beYear` = CE + 543); the date itself
/// carries no time or time zone, so it compares and hashes as a plain day.
public struct CalendarDate: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// Offset between the Buddhist Era and the Common Era.
    public static let beOffset = 543

    /// The year in the Common Era (CE).
    public let year: Int
    /// The month, 1–12.
    public let month: Int
    /// The day of the month, 1–31.
    public let day: Int

    /// Creates a date from a CE year, month and day; `nil` if the day does not exist.
    public init?(year: Int, month: Int, day: Int) {
        guard year >= 1, year <= 9999, (1...12).contains(month),
              day >= 1, day <= CalendarDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Creates a date from a Buddhist Era year, month and day.
    public init?(beYear: Int, month: Int, day: Int) {
        self.init(year: beYear - CalendarDate.beOffset, month: month, day: day)
    }

    /// Parses `YYYY-MM-DD` (Arabic or Thai digits). A year of 2400 or more is
    /// read as a Buddhist Era year and converted ("2568-03-15" is 15 March 2025).
    public init?(iso: String) {
        let text = ThaiNumerals.toArabic(iso.trimmingWhitespace())
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4,
              (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              var y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        if y >= 2400 { y -= CalendarDate.beOffset }
        self.init(year: y, month: m, day: d)
    }

    /// The year in the Buddhist Era (พ.ศ.).
    public var beYear: Int { year + CalendarDate.beOffset }

    /// The Thai fiscal year (BE) this day belongs to: October starts the next one.
    public var fiscalYear: Int { month >= 10 ? beYear + 1 : beYear }

    /// The date as `YYYY-MM-DD` with a CE year.
    public var isoString: String {
        func pad(_ n: Int, _ w: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, w - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public var description: String { isoString }

    /// Days since 0001-01-01 (proleptic Gregorian); used to measure distances.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let m = month <= 2 ? month + 9 : month - 3
        return 365 * y + y / 4 - y / 100 + y / 400 + (153 * m + 2) / 5 + day - 1
    }

    /// Whole days from `self` to `other` (positive when `other` is later).
    public func days(to other: CalendarDate) -> Int { other.dayNumber - dayNumber }

    /// The last day of this date's month.
    public var endOfMonth: CalendarDate {
        CalendarDate(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year)) ?? self
    }

    /// The first day of the fiscal year `beYear` (1 October of the year before).
    public static func fiscalYearStart(_ beYear: Int) -> CalendarDate? {
        CalendarDate(year: beYear - beOffset - 1, month: 10, day: 1)
    }

    /// The last day of the fiscal year `beYear` (30 September).
    public static func fiscalYearEnd(_ beYear: Int) -> CalendarDate? {
        CalendarDate(year: beYear - beOffset, month: 9, day: 30)
    }

    /// True for Gregorian leap years.
    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Number of days in a month of a CE year.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    // Codable as the ISO string, which is what data files and JSON carry.
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CalendarDate(iso: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: DateProblem.of(text)?.description ?? "'\(text)' is not a date; write YYYY-MM-DD")
        }
        self = date
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(isoString)
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

extension String {
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
