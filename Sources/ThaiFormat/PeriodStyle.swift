/// How `ThaiDateFormat.period` writes a span of months.
public enum PeriodStyle: String, Sendable, Codable, CaseIterable {
    /// Full month names and four-digit BE years: "เมษายน 2568 ถึง กันยายน 2568".
    case long
    /// Abbreviated months and two-digit BE years: "ต.ค. 67 – มี.ค. 68".
    case short
}
