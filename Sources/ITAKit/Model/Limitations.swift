/// The organisation's limitations in the ITA work (`limitations`).
public struct Limitations: Codable, Equatable, Sendable {
    /// `problems`: ปัญหา/อุปสรรค.
    public var problems: [String]?
    /// `suggestions`: ข้อเสนอแนะ.
    public var suggestions: [String]?

    public init(problems: [String]? = nil, suggestions: [String]? = nil) {
        self.problems = problems
        self.suggestions = suggestions
    }
}
