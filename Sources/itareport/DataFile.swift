import Foundation
import ITAReports
import TemplateEngine
import TemplateData

/// Reads a JSON or YAML data file into template values for `fill` (conversion and its bounds: `TemplateData`).
enum DataFile {
    static func load(_ url: URL) throws -> TemplateValue {
        do { try RegularFile.check(url.path, role: "data file") } catch { throw CLIError("\(error)") }
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw CLIError("\(url.path): cannot read the data file (\(error.localizedDescription)).")
        }
        do { return try TemplateData.values(data, json: url.pathExtension.lowercased() == "json", file: url.path) } catch {
            throw CLIError("\(error)")
        }
    }
}

/// An error whose message is meant for the user as it is.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}
