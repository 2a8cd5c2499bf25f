import Foundation
import Yams

/// Loads the framework catalogs shipped as package resources.
public enum CatalogStore {
    /// Why a catalog could not be loaded.
    public enum CatalogError: Error, CustomStringConvertible {
        case notFound(year: Int, available: [Int])
        case unreadable(year: Int, reason: String)

        public var description: String {
            switch self {
            case let .notFound(year, available):
                let list = available.map(String.init).joined(separator: ", ")
                return "no ITA framework catalog for year \(year) (catalogs exist for \(list))"
            case let .unreadable(year, reason):
                return "the framework catalog for \(year) cannot be read: \(reason)"
            }
        }
    }

    /// The years with a catalog.
    public static var availableYears: [Int] {
        let dir = catalogDirectory
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.compactMap { name -> Int? in
            guard name.hasSuffix(".yaml") else { return nil }
            return Int(name.dropLast(5))
        }.sorted()
    }

    /// The catalog of ITA year `year` (BE).
    public static func catalog(for year: Int) throws -> FrameworkCatalog {
        let url = catalogDirectory.appendingPathComponent("\(year).yaml")
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw CatalogError.notFound(year: year, available: availableYears)
        }
        do {
            let text = try String(contentsOf: url, encoding: .utf8)
            return try YAMLDecoder().decode(FrameworkCatalog.self, from: text)
        } catch {
            throw CatalogError.unreadable(year: year, reason: "\(error)")
        }
    }

    /// The catalog of `year`, or of the nearest year that has one (for years outside 2563–2568).
    public static func nearestCatalog(for year: Int) -> FrameworkCatalog? {
        if let c = try? catalog(for: year) { return c }
        let years = availableYears
        guard let nearest = years.min(by: { abs($0 - year) < abs($1 - year) }) else { return nil }
        return try? catalog(for: nearest)
    }

    static var catalogDirectory: URL {
        ResourceLocator.url("catalog")
    }
}
