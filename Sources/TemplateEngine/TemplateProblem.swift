/// Where a tag sits: the part, the paragraph's ordinal in it and the paragraph's text.
public struct TagLocation: Sendable, Hashable, CustomStringConvertible {
    public let part: String
    public let paragraph: Int
    public let context: String

    public var description: String { "\(part), paragraph \(paragraph) (\"\(context)\")" }
}

/// One problem found in a template or while filling it.
public struct TemplateProblem: Sendable, Hashable, CustomStringConvertible {
    public let location: TagLocation
    public let tag: String
    public let message: String

    public var description: String { "\(location): {{\(tag)}}: \(message)" }
}
