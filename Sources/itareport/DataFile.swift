import Foundation
import ITAKit
import ITAReports
import TemplateEngine
import TemplateData

/// Reads a JSON or YAML data file into template values for `fill` (conversion and its bounds: `TemplateData`).
enum DataFile {
    static func load(_ url: URL) throws -> TemplateValue {
        do { try RegularFile.check(url.path, role: .dataFile) } catch { throw CLIError("\(error)") }
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw CLIError("\(url.path): cannot read the data file (\(error.localizedDescription)).")
        }
        do { return try TemplateData.values(data, json: url.pathExtension.lowercased() == "json", file: url.path) } catch {
            throw CLIError("\(error)")
        }
    }
}

/// An error whose message is meant for the user: a catalogue message, shown in the run's language, or
/// a text shown as it is.
struct CLIError: CataloguedError, CustomStringConvertible {
    let catalogueMessage: Message
    init(_ message: Message) { catalogueMessage = message }
    init(_ d: String) { catalogueMessage = .verbatim(d) }
    /// The text of another layer's error, translated when it is catalogued.
    init(_ error: Error) {
        catalogueMessage = (error as? CataloguedError)?.catalogueMessage ?? .verbatim("\(error)")
    }
    var description: String { Console.text(catalogueMessage) }
}
