import ThaiFormat

/// When a measure runs (`period`): either a range of days or free text such as "ตลอดปีงบประมาณ".
///
/// In the data file: `period: {from: 2025-04-01, to: 2025-09-30}` or `period: ตลอดปีงบประมาณ`.
public struct Period: Codable, Equatable, Sendable {
    /// `from`.
    public var from: CalendarDate?
    /// `to`.
    public var to: CalendarDate?
    /// Free text, when the period is not a range of days.
    public var text: String?

    public init(from: CalendarDate? = nil, to: CalendarDate? = nil, text: String? = nil) {
        self.from = from
        self.to = to
        self.text = text
    }

    /// The period as documents print it: the free text, or "เมษายน 2568 ถึง กันยายน 2568"; with `days`,
    /// "15 ตุลาคม 2567 ถึง 20 ตุลาคม 2567".
    public func formatted(style: PeriodStyle = .long, days: Bool = false) -> String? {
        if let text { return text }
        func one(_ d: CalendarDate) -> String {
            switch (style, days) {
            case (.long, false): return ThaiDateFormat.monthYear(d)
            case (.short, false): return ThaiDateFormat.shortMonthYear(d)
            case (.long, true): return ThaiDateFormat.long(d)
            case (.short, true): return ThaiDateFormat.short(d)
            }
        }
        switch (from, to) {
        case let (f?, t?): return ThaiDateFormat.period(from: f, to: t, style: style, days: days)
        case let (f?, nil): return one(f)
        case let (nil, t?): return one(t)
        default: return nil
        }
    }
}
