import ThaiFormat

/// Who signs the document (`signatory`).
public struct Signatory: Codable, Equatable, Sendable {
    /// `name`.
    public var name: String?
    /// `position`: "นายกเทศมนตรีเมืองศรีสะเกษ".
    public var position: String?
    /// `date`: the day of signing.
    public var date: CalendarDate?

    public init(name: String? = nil, position: String? = nil, date: CalendarDate? = nil) {
        self.name = name
        self.position = position
        self.date = date
    }
}
