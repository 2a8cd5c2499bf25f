import Foundation

/// Which data file each document in an output folder was written from, kept in the folder as
/// `.itareport-sources.json`, so that writing over a document made from another data file is said
/// out loud (the O35 file of the year generated with `--report o34` would replace the O34).
public struct OutputProvenance: Sendable {
    public static let fileName = ".itareport-sources.json"

    public let folder: URL
    /// Output file name → the absolute path of the data file it was written from.
    public private(set) var sources: [String: String]

    /// The record of `folder` (empty when there is none or it cannot be read).
    public init(folder: URL) {
        self.folder = folder
        let url = folder.appendingPathComponent(Self.fileName)
        if let data = try? Data(contentsOf: url),
           let map = try? JSONSerialization.jsonObject(with: data) as? [String: String] {
            sources = map
        } else {
            sources = [:]
        }
    }

    /// The data file `name` was written from, when it was another one than `dataFile`.
    public func otherSource(of name: String, than dataFile: URL) -> String? {
        guard let recorded = sources[name], recorded != dataFile.standardizedFileURL.path else { return nil }
        return recorded
    }

    /// Records that `names` were written from `dataFile`, and saves the record (best effort: a folder
    /// that cannot hold it only loses the warning).
    public mutating func record(_ names: [String], from dataFile: URL) {
        for n in names { sources[n] = dataFile.standardizedFileURL.path }
        if let data = try? JSONSerialization.data(withJSONObject: sources, options: [.prettyPrinted, .sortedKeys]) {
            try? data.write(to: folder.appendingPathComponent(Self.fileName), options: .atomic)
        }
    }
}
