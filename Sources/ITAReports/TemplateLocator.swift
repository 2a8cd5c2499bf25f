import Foundation

/// Finds the shipped templates: beside the program's own file (its real path, symlinks resolved, not
/// the name it was called by), then the folder named by `ITAREPORT_TEMPLATES`.
///
/// Beside the program means `share/itareport/Templates` above it (what `make install` writes), then
/// `Templates` in its folder or one above (the source tree, where the program is `.build/release/itareport`).
public enum TemplateLocator {
    /// The environment variable naming a templates folder.
    public static let variable = "ITAREPORT_TEMPLATES"
    /// A folder is a templates folder when it holds this file.
    static let marker = "o34-2567.docx"
    /// How many folders above the program's are searched for `Templates`.
    static let levelsAbove = 4

    /// The shipped templates folder for this process.
    public static func defaultDirectory() throws -> URL {
        try locate(executable: executableURL(), environment: ProcessInfo.processInfo.environment)
    }

    /// The templates folder found from `executable` (the program's real path) and `environment`.
    public static func locate(executable: URL?, environment: [String: String]) throws -> URL {
        let fm = FileManager.default
        let places = candidates(executable: executable)
        for c in places where fm.fileExists(atPath: c.appendingPathComponent(marker).path) { return c }
        let named = environment[variable].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0).standardizedFileURL }
        if let named, fm.fileExists(atPath: named.appendingPathComponent(marker).path) { return named }
        throw GenerateError.templatesNotFound(searched: places.map(\.path), variable: variable, variableValue: named?.path)
    }

    /// The folders beside `executable`, each once, in the order they are tried: `share/itareport/Templates`
    /// one and two levels up (`PREFIX/bin/itareport`, `PREFIX/lib/itareport/itareport`), then `Templates`
    /// in the program's folder and up to `levelsAbove` folders above it.
    static func candidates(executable: URL?) -> [URL] {
        guard let executable else { return [] }
        var ancestors = [executable.deletingLastPathComponent().standardizedFileURL]
        while ancestors.count <= levelsAbove, ancestors.last!.path != "/" {
            ancestors.append(ancestors.last!.deletingLastPathComponent().standardizedFileURL)
        }
        var out = ancestors.dropFirst().prefix(2).map { $0.appendingPathComponent("share/itareport/Templates") }
        out += ancestors.map { $0.appendingPathComponent("Templates") }
        var seen = Set<String>()
        return out.filter { seen.insert($0.path).inserted }
    }

    /// The real path of the running program: `/proc/self/exe` where there is one, else `argv[0]`
    /// found through the current folder or `PATH`; symlinks resolved either way.
    public static func executableURL(arguments: [String] = CommandLine.arguments,
                                     environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        if let real = realPath("/proc/self/exe") { return URL(fileURLWithPath: real) }
        return resolve(argument0: arguments.first ?? "", environment: environment)
    }

    /// The real path of the program called as `first` (argv[0]): a path with a `/` from the current
    /// folder, a bare name through `PATH`; symlinks resolved.
    static func resolve(argument0 first: String, environment: [String: String]) -> URL? {
        guard !first.isEmpty else { return nil }
        if first.contains("/") { return realPath(first).map { URL(fileURLWithPath: $0) } }
        for dir in (environment["PATH"] ?? "").split(separator: ":") where !dir.isEmpty {
            let candidate = "\(dir)/\(first)"
            if FileManager.default.isExecutableFile(atPath: candidate), let real = realPath(candidate) {
                return URL(fileURLWithPath: real)
            }
        }
        return nil
    }

    /// `realpath(3)`: the absolute path with every symlink resolved; nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
