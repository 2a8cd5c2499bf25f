import Foundation

/// Finds the package's data files (`Sources/ITAKit/Resources`, copied into the resource bundle).
enum ResourceLocator {
    /// The copied `Resources` directory.
    static let directory: URL = {
        let bundle = Bundle.module
        let candidates = [bundle.resourceURL, bundle.bundleURL].compactMap { $0 }
            .map { $0.appendingPathComponent("Resources") }
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) } ?? candidates[0]
    }()

    /// A file inside `Resources`.
    static func url(_ relativePath: String) -> URL { directory.appendingPathComponent(relativePath) }
}
