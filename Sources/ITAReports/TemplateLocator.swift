import Foundation

/// Finds the shipped templates: `$ITAREPORT_TEMPLATES`, `./Templates`, or a `Templates` folder above the executable.
public enum TemplateLocator {
    static let marker = "o34-2567.docx"

    public static func defaultDirectory() throws -> URL {
        var candidates: [URL] = []
        if let env = ProcessInfo.processInfo.environment["ITAREPORT_TEMPLATES"], !env.isEmpty {
            candidates.append(URL(fileURLWithPath: env))
        }
        candidates.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Templates"))
        var dir = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(dir.appendingPathComponent("Templates"))
            candidates.append(dir.appendingPathComponent("share/itareport/Templates"))
            dir = dir.deletingLastPathComponent()
        }
        for c in candidates where FileManager.default.fileExists(atPath: c.appendingPathComponent(marker).path) { return c }
        throw GenerateError.templatesNotFound(searched: candidates.prefix(3).map(\.path))
    }
}
