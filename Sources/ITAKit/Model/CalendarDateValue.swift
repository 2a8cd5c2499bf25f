import ThaiFormat

/// A date as a data file carries it: always a valid `CalendarDate`.
/// (An alias keeps the model readable and lets ITAKit users avoid importing ThaiFormat.)
public typealias CalendarDateValue = CalendarDate
