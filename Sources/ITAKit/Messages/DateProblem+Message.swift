import ThaiFormat

extension DateProblem {
    /// The problem as a catalogue message (its English is `description`).
    public var message: Message {
        switch self {
        case let .notADate(text):
            return Message("date.not-a-date", ["text": "\(text)"])
        case let .noSuchMonth(text, month):
            return Message("date.no-such-month", ["text": "\(text)", "month": "\(month)"])
        case let .noSuchDay(text, _, month, beYear, days):
            let name = ThaiDateFormat.monthNames[month - 1]
            return month == 2 && days == 28
                ? Message("date.no-such-day.not-leap", ["text": "\(text)", "month": "\(name)", "year": "\(beYear)", "days": "\(days)"])
                : Message("date.no-such-day", ["text": "\(text)", "month": "\(name)", "year": "\(beYear)", "days": "\(days)"])
        case let .noSuchYear(text):
            return Message("date.no-such-year", ["text": "\(text)"])
        }
    }
}
