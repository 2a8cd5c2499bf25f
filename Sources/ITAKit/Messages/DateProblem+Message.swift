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
            let arguments: [String: Message.Argument] = ["text": "\(text)", "month": "\(ThaiDateFormat.monthNames[month - 1])",
                                                         "year": "\(beYear)", "days": "\(days)"]
            return month == 2 && days == 28 ? Message("date.no-such-day.not-leap", arguments)
                : Message("date.no-such-day", arguments)
        case let .noSuchYear(text):
            return Message("date.no-such-year", ["text": "\(text)"])
        }
    }
}
