import Foundation
import ITAKit

/// A submission bundle: one folder with an organisation's documents of one year in each format
/// and `manifest.json` describing them. Nothing is put in place unless every document was written.
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

    /// Writes the bundle into `folder`. Only files the folder's earlier `manifest.json` lists are replaced
    /// (and removed when this bundle no longer has them); any other file there is left alone and named in
    /// the manifest's `other_files`, and a file of the same name as one of the bundle's stops the bundle
    /// before anything is written. Returns the manifest written.
    public func write(loaded: ReportLoader.Result, dataURL: URL, kinds: [ReportKind],
                      formats: [ExportFormat] = ExportFormat.allCases, into folder: URL,
                      formYear: Int? = nil, now: Date = Date()) throws -> BundleManifest {
        guard loaded.data != nil else {
            throw GenerateError.invalidData(path: dataURL.path, messages: loaded.diagnostics.map { "\($0)" })
        }
        let target = folder.standardizedFileURL
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: target.path, isDirectory: &isDir), !isDir.boolValue {
            throw BundleError.notAFolder(path: target.path)
        }
        try OutputFolder.create(target.deletingLastPathComponent())
        let staged = try exporter.stage(loaded: loaded, dataURL: dataURL, kinds: kinds, formats: formats,
                                        outputDirectory: target, formYear: formYear)
        defer { staged.discard() }
        // Refused before the slow part: the PDFs.
        _ = try ManagedFolder(target).check(writing: staged.names)
        if let failure = exporter.convertPDFs([staged], profile: try PDFProfile())[0] { throw failure }
        return try Self.place(staged, now: now)
    }

    /// Puts staged files in their folder as a managed folder (see `ManagedFolder`), writes its manifest and
    /// removes the scratch folder.
    public static func place(_ staged: ReportExporter.Staged, now: Date = Date()) throws -> BundleManifest {
        let data = staged.data
        let entries = try staged.files.map { f -> BundleManifest.Entry in
            let size = (try? FileManager.default.attributesOfItem(atPath: f.url.path)[.size] as? NSNumber)?.intValue ?? 0
            return BundleManifest.Entry(path: f.url.lastPathComponent, item: f.kind.itemCode ?? f.kind.rawValue,
                                        fiscalYear: data.fiscalYear ?? 0, format: f.format.rawValue, bytes: size,
                                        sha256: try SHA256.hex(fileAt: f.url))
        }
        let folder = ManagedFolder(staged.folder)
        let (_, others) = try folder.place(staged.files.map { ($0.url, $0.url.lastPathComponent) })
        let stamp = ISO8601DateFormatter()
        stamp.formatOptions = [.withInternetDateTime]
        let manifest = BundleManifest(organization: data.organization?.name ?? "", district: data.organization?.district,
                                      province: data.organization?.province, fiscalYear: data.fiscalYear ?? 0,
                                      generatedAt: stamp.string(from: now), generator: "itareport", files: entries,
                                      otherFiles: others)
        try folder.writeManifest(try manifest.json())
        staged.discard()
        return manifest
    }
}

/// Why a bundle could not be written, worded for the user.
public enum BundleError: Error, CustomStringConvertible {
    case notAFolder(path: String)

    public var description: String {
        switch self {
        case let .notAFolder(path):
            return "\(path) is a file; give --output a folder for the bundle"
        }
    }
}
