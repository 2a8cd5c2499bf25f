import Foundation
import Synchronization
import Yams

/// Loads the framework catalogs shipped as package resources, each once per process: validation,
/// narratives and completeness checks ask for them per data file, and a batch holds thousands.
public enum CatalogStore {
    /// Why a catalog could not be loaded.
    public enum CatalogError: CataloguedError, CustomStringConvertible {
        case notFound(year: Int, available: [Int])
        case unreadable(year: Int, reason: String)

        public var catalogueMessage: Message {
            switch self {
            case let .notFound(year, available):
                let list = available.map(String.init).joined(separator: ", ")
                return Message("catalog.not-found", ["year": "\(year)", "years": "\(list)"])
            case let .unreadable(year, reason):
                return Message("catalog.unreadable", ["year": "\(year)", "reason": "\(reason)"])
            }
        }

        public var description: String { catalogueMessage.text(in: .en) }
    }

    /// The years with a catalog.
    public static let availableYears: [Int] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: catalogDirectory.path)) ?? []
        return names.compactMap { name -> Int? in
            guard name.hasSuffix(".yaml") else { return nil }
            return Int(name.dropLast(5))
        }.sorted()
    }()

    /// The catalog of ITA year `year` (BE).
    public static func catalog(for year: Int) throws -> FrameworkCatalog {
        try cache.value(for: year) { read(year) }.get()
    }

    private static func read(_ year: Int) -> Result<FrameworkCatalog, CatalogError> {
        let url = catalogDirectory.appendingPathComponent("\(year).yaml")
        guard FileManager.default.fileExists(atPath: url.path) else {
            return .failure(.notFound(year: year, available: availableYears))
        }
        do {
            let text = try String(contentsOf: url, encoding: .utf8)
            return .success(try YAMLDecoder().decode(FrameworkCatalog.self, from: text))
        } catch {
            return .failure(.unreadable(year: year, reason: "\(error)"))
        }
    }

    /// Each year's outcome, read on first use; shared by the threads of a batch.
    private static let cache = Cache()

    private final class Cache: Sendable {
        private let results = Mutex<[Int: Result<FrameworkCatalog, CatalogError>]>([:])

        func value(for year: Int, _ read: () -> Result<FrameworkCatalog, CatalogError>) -> Result<FrameworkCatalog, CatalogError> {
            results.withLock { results in
                if let r = results[year] { return r }
                let r = read()
                results[year] = r
                return r
            }
        }
    }

    /// The catalog of `year`, or of the nearest year that has one (for years outside 2563–2568).
    public static func nearestCatalog(for year: Int) -> FrameworkCatalog? {
        if let c = try? catalog(for: year) { return c }
        guard let nearest = availableYears.min(by: { abs($0 - year) < abs($1 - year) }) else { return nil }
        return try? catalog(for: nearest)
    }

    static var catalogDirectory: URL {
        ResourceLocator.url("catalog")
    }
}
