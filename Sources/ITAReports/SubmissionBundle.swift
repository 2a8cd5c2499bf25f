import Foundation
import ITAKit

/// A submission bundle: one folder with an organisation's documents of one year in each format
/// and `manifest.json` describing them. The folder appears complete or not at all.
public struct SubmissionBundle: Sendable {
    /// The reports a bundle holds by default: the ITA evidence items.
    public static let defaultKinds: [ReportKind] = [.o34, .o35]

    public let exporter: ReportExporter

    public init(exporter: ReportExporter) {
        self.exporter = exporter
    }

    /// The reports to bundle: O34 and O35 where the data supports them, plus `extra`
    /// (which must be possible). Fails when there is nothing to bundle.
    public static func kinds(for data: ReportData, extra: [ReportKind] = []) throws -> [ReportKind] {
        let possible = ReportGenerator.possibleReports(data)
        for k in extra { if let reason = possible[k] ?? nil { throw GenerateError.reportNotPossible(kind: k, reason: reason) } }
        let kinds = Set(defaultKinds.filter { possible[$0] == .some(nil) } + extra).sorted()
        guard !kinds.isEmpty else {
            throw ReportSelectionError.nothingPossible(reasons: defaultKinds.compactMap { possible[$0] ?? nil })
        }
        return kinds
    }

    /// Writes the bundle into `folder` (replacing a previous bundle there; refusing a folder with other files).
    /// Returns the manifest written.
    public func write(loaded: ReportLoader.Result, dataURL: URL, kinds: [ReportKind],
                      formats: [ExportFormat] = ExportFormat.allCases, into folder: URL,
                      formYear: Int? = nil, now: Date = Date()) throws -> BundleManifest {
        guard let data = loaded.data else {
            throw GenerateError.invalidData(path: dataURL.path, messages: loaded.diagnostics.map { "\($0)" })
        }
        let fm = FileManager.default
        let target = folder.standardizedFileURL
        try Self.checkReplaceable(target)
        let parent = target.deletingLastPathComponent()
        try OutputFolder.create(parent)
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString.prefix(8)).tmp")
        defer { try? fm.removeItem(at: staging) }

        let files = try exporter.export(loaded: loaded, dataURL: dataURL, kinds: kinds, formats: formats,
                                        outputDirectory: staging, formYear: formYear).files
        let entries = try files.map { f -> BundleManifest.Entry in
            let size = (try fm.attributesOfItem(atPath: f.url.path)[.size] as? NSNumber)?.intValue ?? 0
            return BundleManifest.Entry(path: f.url.lastPathComponent, item: f.kind.itemCode ?? f.kind.rawValue,
                                        fiscalYear: data.fiscalYear ?? 0, format: f.format.rawValue, bytes: size,
                                        sha256: try SHA256.hex(fileAt: f.url))
        }
        let stamp = ISO8601DateFormatter()
        stamp.formatOptions = [.withInternetDateTime]
        let manifest = BundleManifest(organization: data.organization?.name ?? "", district: data.organization?.district,
                                      province: data.organization?.province, fiscalYear: data.fiscalYear ?? 0,
                                      generatedAt: stamp.string(from: now), generator: "itareport", files: entries)
        try manifest.json().write(to: staging.appendingPathComponent("manifest.json"))

        // Swap the finished folder in: the old bundle (if any) is set aside first, removed after.
        var old: URL?
        if fm.fileExists(atPath: target.path) {
            let aside = parent.appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString.prefix(8)).old")
            if rename(target.path, aside.path) != 0 { throw BundleError.cannotReplace(path: target.path, reason: String(cString: strerror(errno))) }
            old = aside
        }
        if rename(staging.path, target.path) != 0 {
            let reason = String(cString: strerror(errno))
            if let old { _ = rename(old.path, target.path) }
            throw BundleError.cannotReplace(path: target.path, reason: reason)
        }
        if let old { try? fm.removeItem(at: old) }
        return manifest
    }

    /// A folder may be (re)written when it does not exist, is empty, or holds a previous bundle.
    static func checkReplaceable(_ folder: URL) throws {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: folder.path, isDirectory: &isDir) else { return }
        guard isDir.boolValue else { throw BundleError.notAFolder(path: folder.path) }
        let contents = (try? fm.contentsOfDirectory(atPath: folder.path)) ?? []
        if !contents.isEmpty && !contents.contains("manifest.json") { throw BundleError.folderInUse(path: folder.path) }
    }
}

/// Why a bundle could not be written, worded for the user.
public enum BundleError: Error, CustomStringConvertible {
    case notAFolder(path: String)
    case folderInUse(path: String)
    case cannotReplace(path: String, reason: String)

    public var description: String {
        switch self {
        case let .notAFolder(path):
            return "\(path) is a file; give --output a folder for the bundle"
        case let .folderInUse(path):
            return "\(path) holds other files and no manifest.json, so it is not a bundle folder; choose a new or empty --output folder"
        case let .cannotReplace(path, reason):
            return "\(path): cannot put the bundle in place (\(reason)); check the folder is writable and not open elsewhere"
        }
    }
}
