import ThaiFormat

/// A photo for the ประมวลภาพ section (`photos[]`).
public struct Photo: Codable, Equatable, Sendable {
    /// `file`: image path, relative to the data file.
    public var file: String?
    /// `caption`.
    public var caption: String?
    /// `date`: when it was taken.
    public var date: CalendarDate?

    public init(file: String? = nil, caption: String? = nil, date: CalendarDate? = nil) {
        self.file = file
        self.caption = caption
        self.date = date
    }
}
