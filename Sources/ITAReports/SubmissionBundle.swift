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

    /// One data file's part of a bundle: the reports written from it.
    public struct Part: Sendable {
        public var loaded: ReportLoader.Result
        public var dataURL: URL
        public var kinds: [ReportKind]

        public init(loaded: ReportLoader.Result, dataURL: URL, kinds: [ReportKind]) {
            self.loaded = loaded
            self.dataURL = dataURL
            self.kinds = kinds
        }
    }

    /// The reports to bundle from one data file: the document it names (`document:`), else O34 and O35
    /// where the data supports them; plus `extra` (which must be possible). A data file that names its
    /// document never writes the year's other item: an O35 file's measures are not the O34's text.
    public static func kinds(for data: ReportData, extra: [ReportKind] = []) throws -> [ReportKind] {
        let possible = ReportGenerator.possibleReports(data)
        for k in extra { if let reason = possible[k] ?? nil { throw GenerateError.reportNotPossible(kind: k, reason: reason) } }
        if let own = data.document.flatMap({ ReportKind(rawValue: $0.rawValue) }) {
            return Set([own] + extra).sorted()
        }
        let kinds = Set(defaultKinds.filter { possible[$0] == .some(nil) } + extra).sorted()
        guard !kinds.isEmpty else {
            throw ReportSelectionError.nothingPossible(reasons: defaultKinds.compactMap { possible[$0] ?? nil })
        }
        return kinds
    }

    /// Writes the bundle of one data file into `folder` (replacing a previous bundle there; refusing a folder
    /// with other files). Returns the manifest written.
    public func write(loaded: ReportLoader.Result, dataURL: URL, kinds: [ReportKind],
                      formats: [ExportFormat] = ExportFormat.allCases, into folder: URL,
                      formYear: Int? = nil, now: Date = Date()) throws -> BundleManifest {
        try write(parts: [Part(loaded: loaded, dataURL: dataURL, kinds: kinds)], formats: formats, into: folder,
                  formYear: formYear, now: now)
    }

    /// Writes the year's submission from several data files (the O34 file and the O35 file, say), each
    /// giving its own reports, into `folder`. The files must be of one organisation and one fiscal year,
    /// and no report may come from two of them.
    public func write(parts: [Part], formats: [ExportFormat] = ExportFormat.allCases, into folder: URL,
                      formYear: Int? = nil, now: Date = Date()) throws -> BundleManifest {
        var datas: [ReportData] = []
        for part in parts {
            guard let d = part.loaded.data else {
                throw GenerateError.invalidData(path: part.dataURL.path, messages: part.loaded.diagnostics.map { "\($0)" })
            }
            datas.append(d)
        }
        try Self.checkOneSubmission(parts)
        guard let data = datas.first else { throw ReportSelectionError.nothingPossible(reasons: ["no data file was given"]) }
        let fm = FileManager.default
        let target = folder.standardizedFileURL
        try Self.checkReplaceable(target)
        let parent = target.deletingLastPathComponent()
        try OutputFolder.create(parent)
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString.prefix(8)).tmp")
        defer { try? fm.removeItem(at: staging) }

        var files: [ReportExporter.File] = []
        for part in parts {
            files += try exporter.export(loaded: part.loaded, dataURL: part.dataURL, kinds: part.kinds, formats: formats,
                                         outputDirectory: staging, formYear: formYear).files
        }
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

    /// The parts must be of one organisation and one fiscal year, each report from one file only.
    static func checkOneSubmission(_ parts: [Part]) throws {
        guard let first = parts.first, let d0 = first.loaded.data else { return }
        var from: [ReportKind: String] = [:]
        for part in parts {
            guard let d = part.loaded.data else { continue }
            let name = { (x: ReportData) in x.organization?.name?.trimmingCharacters(in: .whitespaces) ?? "" }
            if name(d) != name(d0) {
                throw BundleError.differentSubmissions(first: first.dataURL.path, other: part.dataURL.path,
                                                       what: "organisation ('\(name(d0))' and '\(name(d))')")
            }
            if d.fiscalYear != d0.fiscalYear {
                throw BundleError.differentSubmissions(first: first.dataURL.path, other: part.dataURL.path,
                                                       what: "fiscal year (\(d0.fiscalYear ?? 0) and \(d.fiscalYear ?? 0))")
            }
            for k in part.kinds {
                if let earlier = from[k] {
                    throw BundleError.reportTwice(kind: k, first: earlier, other: part.dataURL.path)
                }
                from[k] = part.dataURL.path
            }
        }
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
    case differentSubmissions(first: String, other: String, what: String)
    case reportTwice(kind: ReportKind, first: String, other: String)

    public var description: String {
        switch self {
        case let .notAFolder(path):
            return "\(path) is a file; give --output a folder for the bundle"
        case let .folderInUse(path):
            return "\(path) holds other files and no manifest.json, so it is not a bundle folder; choose a new or empty --output folder"
        case let .differentSubmissions(first, other, what):
            return "\(first) and \(other) differ in \(what); a bundle holds one organisation's documents of one fiscal year: give the O34 and O35 data files of the same year"
        case let .reportTwice(kind, first, other):
            return "both \(first) and \(other) give the \(kind.filePrefix) report; give one data file per document (set 'document:' in each)"
        case let .cannotReplace(path, reason):
            return "\(path): cannot put the bundle in place (\(reason)); check the folder is writable and not open elsewhere"
        }
    }
}
