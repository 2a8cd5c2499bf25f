/// One thing the NACC content requirements ask for that the data does not give.
public struct CompletenessGap: Sendable, Equatable, CustomStringConvertible {
    /// The item it belongs to, as the document names it: "ประเด็นที่ 3", "มาตรการที่ 2", "ข้อจำกัด".
    public var item: String
    /// The field that is missing, in the requirement's words with its data key: "ผู้รับผิดชอบ (owners)".
    public var fieldMessage: Message
    /// Where in the data it belongs: `measures[1].owners`, `limitations.problems`.
    public var path: String
    /// What to add.
    public var remedy: Message

    public init(item: String, field: Message, path: String, remedy: Message) {
        self.item = item
        self.fieldMessage = field
        self.path = path
        self.remedy = remedy
    }

    /// The missing field, in English.
    public var field: String { fieldMessage.text(in: .en) }
    /// What to add, in English.
    public var hint: String { remedy.text(in: .en) }

    /// The missing field in `language`.
    public func field(in language: MessageLanguage) -> String { fieldMessage.text(in: language) }
    /// What to add in `language`.
    public func hint(in language: MessageLanguage) -> String { remedy.text(in: language) }

    /// The gap as one line: the item, the missing field, its data path and what to add.
    public var message: Message {
        Message("gap.line", ["item": "\(item)", "field": .message(fieldMessage), "path": "\(path)", "hint": .message(remedy)])
    }

    public var description: String { text(in: .en) }

    /// The gap as one line in `language`.
    public func text(in language: MessageLanguage) -> String { message.text(in: language) }
}
