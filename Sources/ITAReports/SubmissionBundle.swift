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
        let possible = ReportGenerator.possibleReportReasons(data)
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

    /// Writes the bundle of one data file into `folder` (see `write(parts:)`). Returns the manifest written.
    public func write(loaded: ReportLoader.Result, dataURL: URL, kinds: [ReportKind],
                      formats: [ExportFormat] = ExportFormat.allCases, into folder: URL,
                      formYear: Int? = nil, now: Date = Date()) throws -> BundleManifest {
        try write(parts: [Part(loaded: loaded, dataURL: dataURL, kinds: kinds)], formats: formats, into: folder,
                  formYear: formYear, now: now)
    }

    /// Writes the year's submission from several data files (the O34 file and the O35 file, say), each
    /// giving its own reports, into `folder`. The files must be of one organisation and one fiscal year,
    /// and no report may come from two of them.
    ///
    /// Only files the folder's earlier `manifest.json` lists are replaced (and removed when this bundle no
    /// longer has them); any other file there is left alone and named in the manifest's `other_files`, and
    /// a file of the same name as one of the bundle's stops the bundle before anything is written.
    public func write(parts: [Part], formats: [ExportFormat] = ExportFormat.allCases, into folder: URL,
                      formYear: Int? = nil, now: Date = Date()) throws -> BundleManifest {
        for part in parts where part.loaded.data == nil {
            throw GenerateError.invalidData(path: part.dataURL.path, diagnostics: part.loaded.diagnostics)
        }
        try Self.checkOneSubmission(parts)
        guard !parts.isEmpty else { throw ReportSelectionError.nothingPossible(reasons: [Message("bundle.no-data-file")]) }
        let target = folder.standardizedFileURL
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: target.path, isDirectory: &isDir), !isDir.boolValue {
            throw BundleError.notAFolder(path: target.path)
        }
        try OutputFolder.create(target.deletingLastPathComponent())
        var staged: [ReportExporter.Staged] = []
        defer { for s in staged.reversed() { s.discard() } }
        for part in parts {
            staged.append(try exporter.stage(loaded: part.loaded, dataURL: part.dataURL, kinds: part.kinds, formats: formats,
                                             outputDirectory: target, formYear: formYear))
        }
        // Refused before the slow part: the PDFs.
        _ = try ManagedFolder(target).check(writing: staged.flatMap(\.names))
        if staged.contains(where: { !$0.pendingPDFs.isEmpty }),
           let failure = exporter.convertPDFs(staged, profile: try PDFProfile()).sorted(by: { $0.key < $1.key }).first?.value {
            throw failure
        }
        return try Self.place(staged, now: now)
    }

    /// Puts the staged files of one folder (one data file's or several) in place as a managed folder (see
    /// `ManagedFolder`), writes its manifest and removes the scratch folders. The manifest names the
    /// organisation and year of the first.
    public static func place(_ staged: [ReportExporter.Staged], now: Date = Date()) throws -> BundleManifest {
        guard let first = staged.first else { throw ReportSelectionError.nothingPossible(reasons: [Message("bundle.no-data-file")]) }
        let data = first.data
        let files = staged.flatMap(\.files)
        let entries = try files.map { f -> BundleManifest.Entry in
            let size = (try? FileManager.default.attributesOfItem(atPath: f.url.path)[.size] as? NSNumber)?.intValue ?? 0
            return BundleManifest.Entry(path: f.url.lastPathComponent, item: f.kind.itemCode ?? f.kind.rawValue,
                                        fiscalYear: data.fiscalYear ?? 0, format: f.format.rawValue, bytes: size,
                                        sha256: try SHA256.hex(fileAt: f.url))
        }
        let folder = ManagedFolder(first.folder)
        let (_, others) = try folder.place(files.map { ($0.url, $0.url.lastPathComponent) })
        let stamp = ISO8601DateFormatter()
        stamp.formatOptions = [.withInternetDateTime]
        let manifest = BundleManifest(organization: data.organization?.name ?? "", district: data.organization?.district,
                                      province: data.organization?.province, fiscalYear: data.fiscalYear ?? 0,
                                      generatedAt: stamp.string(from: now), generator: "itareport", files: entries,
                                      otherFiles: others)
        try folder.writeManifest(try manifest.json())
        for s in staged { s.discard() }
        return manifest
    }

    /// The parts must be of one organisation and one fiscal year, each report from one file only, and
    /// give the same ITA results (see `scoreDifferences`).
    public static func checkOneSubmission(_ parts: [Part]) throws {
        guard let first = parts.first, let d0 = first.loaded.data else { return }
        var from: [ReportKind: String] = [:]
        for part in parts {
            guard let d = part.loaded.data else { continue }
            let name = { (x: ReportData) in x.organization?.name?.trimmingCharacters(in: .whitespaces) ?? "" }
            if name(d) != name(d0) {
                throw BundleError.differentSubmissions(first: first.dataURL.path, other: part.dataURL.path,
                                                       what: Message("bundle.differ.organisation", ["first": "\(name(d0))", "other": "\(name(d))"]))
            }
            if d.fiscalYear != d0.fiscalYear {
                throw BundleError.differentSubmissions(first: first.dataURL.path, other: part.dataURL.path,
                                                       what: Message("bundle.differ.year", ["first": "\(d0.fiscalYear ?? 0)", "other": "\(d.fiscalYear ?? 0)"]))
            }
            for k in part.kinds {
                if let earlier = from[k] {
                    throw BundleError.reportTwice(kind: k, first: earlier, other: part.dataURL.path)
                }
                from[k] = part.dataURL.path
            }
            let differences = scoreDifferences(d0.assessment, d.assessment)
            if !differences.isEmpty {
                throw BundleError.differentScores(first: first.dataURL.path, other: part.dataURL.path,
                                                  year: "\(d0.assessedYear ?? d.assessedYear ?? 0)", differences: differences)
            }
        }
    }

    /// Where two files' ITA results disagree: the assessed year, each indicator score, each question
    /// score and the official total and level, wherever both files give a value. Empty when they agree.
    static func scoreDifferences(_ a: Assessment?, _ b: Assessment?) -> [Message] {
        guard let a, let b else { return [] }
        var out: [Message] = []
        func differ(_ what: Message, _ x: String, _ y: String) {
            out.append(Message("bundle.score-differs", ["what": .message(what), "first": "\(x)", "other": "\(y)"]))
        }
        if let x = a.year, let y = b.year, x != y { differ(Message("bundle.score.year"), "\(x)", "\(y)") }
        // As the files write them: 99.494 and 99.49 differ even though both print 99.49.
        let score = { (v: Decimal) in "\(v)" }
        let order = { (c: String) in QuestionCode.split(c).map { ($0.prefix, $0.number) } ?? (c, 0) }
        for n in 1...10 {
            if let x = a.indicators?[n], let y = b.indicators?[n], x != y {
                differ(Message("bundle.score.indicator", ["n": "\(n)"]), score(x), score(y))
            }
        }
        for code in Set((a.questions ?? [:]).keys).intersection((b.questions ?? [:]).keys).sorted(by: { order($0) < order($1) }) {
            if let x = a.questions?[code], let y = b.questions?[code], x != y {
                differ(Message("bundle.score.question", ["code": "\(code)"]), score(x), score(y))
            }
        }
        if let x = a.official?.total, let y = b.official?.total, x != y {
            differ(Message("bundle.score.total"), score(x), score(y))
        }
        let level = { (s: String?) in s?.trimmingCharacters(in: .whitespacesAndNewlines) }
        if let x = level(a.official?.level), let y = level(b.official?.level), !x.isEmpty, !y.isEmpty, x != y {
            differ(Message("bundle.score.level"), x, y)
        }
        return out
    }

    /// What the bundle of `parts` is written with but should be looked at: each O35 measure whose title
    /// matches no measure of the O34 file of the bundle (titles compared with spacing, case and
    /// invisible characters set aside) — a measure the year's O34 never planned, or a title mistyped.
    public static func warnings(_ parts: [Part]) -> [Message] {
        guard let o34 = parts.first(where: { $0.kinds.contains(.o34) }), let plan = o34.loaded.data?.measures else { return [] }
        let planned = Set(plan.compactMap { $0.title.map(normalisedTitle) })
        var out: [Message] = []
        for part in parts where part.kinds.contains(.o35) && part.dataURL != o34.dataURL {
            for (i, m) in (part.loaded.data?.measures ?? []).enumerated() {
                guard let title = m.title, !normalisedTitle(title).isEmpty, !planned.contains(normalisedTitle(title)) else { continue }
                out.append(Message("bundle.measure-not-planned", ["file": "\(part.dataURL.path)", "n": "\(i + 1)",
                                                                  "title": "\(title)", "o34": "\(o34.dataURL.path)"]))
            }
        }
        return out
    }

    /// A measure title as compared between the O34 and the O35: Unicode composed, zero-width characters
    /// dropped, runs of spaces made one, letter case folded.
    static func normalisedTitle(_ title: String) -> String {
        let invisible: Set<Unicode.Scalar> = ["\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}", "\u{00AD}"]
        let kept = String(String.UnicodeScalarView(title.precomposedStringWithCanonicalMapping.unicodeScalars.filter { !invisible.contains($0) }))
        return kept.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ").lowercased()
    }
}

/// Why a bundle could not be written, worded for the user.
public enum BundleError: CataloguedError, CustomStringConvertible {
    case notAFolder(path: String)
    case differentSubmissions(first: String, other: String, what: Message)
    case reportTwice(kind: ReportKind, first: String, other: String)
    case differentScores(first: String, other: String, year: String, differences: [Message])

    public var catalogueMessage: Message {
        switch self {
        case let .notAFolder(path):
            return Message("bundle.not-a-folder", ["path": "\(path)"])
        case let .differentSubmissions(first, other, what):
            return Message("bundle.different", ["first": "\(first)", "other": "\(other)", "what": .message(what)])
        case let .reportTwice(kind, first, other):
            return Message("bundle.report-twice", ["first": "\(first)", "other": "\(other)", "report": "\(kind.filePrefix)"])
        case let .differentScores(first, other, year, differences):
            return Message("bundle.scores-differ", ["first": "\(first)", "other": "\(other)", "year": "\(year)",
                                                    "differences": .lines(differences.map { .message($0) })])
        }
    }

    public var description: String { catalogueMessage.text(in: .en) }
}
