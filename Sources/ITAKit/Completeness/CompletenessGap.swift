/// One thing the NACC content requirements ask for that the data does not give.
public struct CompletenessGap: Sendable, Equatable, CustomStringConvertible {
    /// The item it belongs to, as the document names it: "ประเด็นที่ 3", "มาตรการที่ 2", "ข้อจำกัด".
    public var item: String
    /// The field that is missing, in the requirement's words: "ผู้รับผิดชอบ (owners)".
    public var field: String
    /// Where in the data it belongs: `measures[1].owners`, `limitations.problems`.
    public var path: String
    /// What to add.
    public var hint: String

    public init(item: String, field: String, path: String, hint: String) {
        self.item = item
        self.field = field
        self.path = path
        self.hint = hint
    }

    public var description: String { "\(item): \(field) is missing at \(path) (\(hint))" }

    /// The gap as one line in `language`: the item, the missing field, its data path and what to add.
    public func text(in language: MessageLanguage) -> String { description }
}
