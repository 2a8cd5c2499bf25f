/// The data with every missing narrative filled in, and a record of what was filled.
public struct FilledReport: Sendable, Equatable {
    /// The data as documents should print it: what the user wrote, plus generated text where they wrote nothing.
    public var data: ReportData
    /// The narratives the tool wrote, in document order.
    public var generated: [GeneratedNarrative]

    public init(data: ReportData, generated: [GeneratedNarrative]) {
        self.data = data
        self.generated = generated
    }

    /// Whether the field at `path` was written by the tool.
    public func isGenerated(_ path: String) -> Bool { generated.contains { $0.path == path } }
}
