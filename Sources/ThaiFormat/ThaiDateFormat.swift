/// Thai date formatting with Buddhist Era years, as government documents write them.
///
/// All output uses Arabic digits; pass it through `ThaiNumerals.toThai` for
/// documents that use Thai digits throughout.
public enum ThaiDateFormat {
    /// Full month names, January first.
    public static let monthNames = [
        "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
        "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
    ]
    /// Month abbreviations, January first.
    public static let monthAbbreviations = [
        "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
        "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
    ]

    /// "15 มีนาคม 2568".
    public static func long(_ d: CalendarDate) -> String {
        "\(d.day) \(monthName(d.month)) \(d.beYear)"
    }

    /// "15 มี.ค. 68" (two-digit BE year).
    public static func short(_ d: CalendarDate) -> String {
        "\(d.day) \(monthAbbreviation(d.month)) \(twoDigitYear(d.beYear))"
    }

    /// "มีนาคม 2568".
    public static func monthYear(_ d: CalendarDate) -> String {
        "\(monthName(d.month)) \(d.beYear)"
    }

    /// "มี.ค. 68".
    public static func shortMonthYear(_ d: CalendarDate) -> String {
        "\(monthAbbreviation(d.month)) \(twoDigitYear(d.beYear))"
    }

    /// The full name of month `m` (1–12); an empty string outside that range.
    public static func monthName(_ m: Int) -> String {
        (1...12).contains(m) ? monthNames[m - 1] : ""
    }

    /// The abbreviation of month `m` (1–12); an empty string outside that range.
    public static func monthAbbreviation(_ m: Int) -> String {
        (1...12).contains(m) ? monthAbbreviations[m - 1] : ""
    }

    /// The month number (1–12) of a Thai month name or abbreviation, or nil.
    public static func month(named name: String) -> Int? {
        let n = name.trimmingWhitespace()
        if let i = monthNames.firstIndex(of: n) { return i + 1 }
        if let i = monthAbbreviations.firstIndex(of: n) { return i + 1 }
        let bare = n.replacingDots()
        if let i = monthAbbreviations.firstIndex(where: { $0.replacingDots() == bare }) { return i + 1 }
        return nil
    }

    /// A span of months: `.long` "เมษายน 2568 ถึง กันยายน 2568", `.short` "ต.ค. 67 – มี.ค. 68";
    /// with `days`, "1 ตุลาคม 2568 ถึง 30 กันยายน 2569" and "1 ต.ค. 68 – 30 ก.ย. 69" (the analysis report's way).
    public static func period(from: CalendarDate, to: CalendarDate, style: PeriodStyle, days: Bool = false) -> String {
        switch (style, days) {
        case (.long, false): return "\(monthYear(from)) ถึง \(monthYear(to))"
        case (.short, false): return "\(shortMonthYear(from)) – \(shortMonthYear(to))"
        case (.long, true): return "\(long(from)) ถึง \(long(to))"
        case (.short, true): return "\(short(from)) – \(short(to))"
        }
    }

    /// The fiscal year `beYear` as a range of days: "1 ตุลาคม 2567 – 30 กันยายน 2568".
    public static func fiscalYearRange(_ beYear: Int) -> String {
        "1 \(monthNames[9]) \(beYear - 1) – 30 \(monthNames[8]) \(beYear)"
    }

    /// The last two digits of a BE year, zero-padded ("68", "05").
    public static func twoDigitYear(_ beYear: Int) -> String {
        let r = ((beYear % 100) + 100) % 100
        return r < 10 ? "0\(r)" : "\(r)"
    }
}

extension String {
    func replacingDots() -> String { String(filter { $0 != "." && $0 != " " }) }
}
