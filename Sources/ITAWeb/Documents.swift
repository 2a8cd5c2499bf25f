import Foundation
import ITAKit
import ITAReports
import OfficePackage

/// Writes the documents of the folder's data files into `Output/` inside the folder, one document set at a
/// time, and what the pages need of them: files to download, preview pages, the year's bundle as a zip.
final class Documents: @unchecked Sendable {
    let folder: DataFolder
    let converter: PDFConverter?
    private let lock = NSLock()

    init(folder: DataFolder, converter: PDFConverter?) {
        self.folder = folder
        self.converter = converter
    }

    /// `pdftoppm` (poppler), which turns a PDF into page pictures for the preview.
    static let pdftoppm: URL? = ["/usr/bin/pdftoppm", "/usr/local/bin/pdftoppm", "/opt/homebrew/bin/pdftoppm"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }.map { URL(fileURLWithPath: $0) }

    /// The folder a data file's documents go to: `Output/<data file name without its ending>`.
    func outputFolder(for entry: Entry) -> URL {
        let stem = SafeFileName.from((entry.name as NSString).deletingPathExtension)
        return folder.output.appendingPathComponent(stem.isEmpty ? "documents" : stem)
    }

    /// Writes one report of a data file in one format and returns the file.
    func generate(_ entry: Entry, kind: ReportKind, format: ExportFormat) throws -> URL {
        lock.lock(); defer { lock.unlock() }
        try makeOutput()
        if DataFolder.isLink(outputFolder(for: entry).path) { throw WebError.cannotWrite(outputFolder(for: entry).path, "it is a link") }
        let exporter = ReportExporter(generator: ReportGenerator(templates: TemplateSet(custom: nil)), converter: converter)
        let result = try exporter.export(loaded: entry.loaded, dataURL: entry.url, kinds: [kind], formats: [format],
                                         outputDirectory: outputFolder(for: entry))
        guard let file = result.files.first(where: { $0.kind == kind && $0.format == format }) else {
            throw GenerateError.cannotWrite(path: outputFolder(for: entry).path, reason: "no file was written")
        }
        return file.url
    }

    private func makeOutput() throws {
        let out = folder.output
        if DataFolder.isLink(out.path) { throw WebError.cannotWrite(out.path, "it is a link") }
        try OutputFolder.create(out)
    }

    /// The page pictures of a report (PNG), made from its PDF once per version of the data file.
    func previewPages(_ entry: Entry, kind: ReportKind) throws -> [URL] {
        let dir = previewFolder(entry, kind: kind)
        if let pages = existingPages(dir), !pages.isEmpty { return pages }
        let pdf = try generate(entry, kind: kind, format: .pdf)
        guard let pdftoppm = Self.pdftoppm else { return [] }
        lock.lock(); defer { lock.unlock() }
        let scratch = dir.deletingLastPathComponent().appendingPathComponent(".\(dir.lastPathComponent)-\(UUID().uuidString.prefix(6))")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let p = Process()
        p.executableURL = pdftoppm
        p.arguments = ["-png", "-r", "70", "-l", "30", pdf.path, scratch.appendingPathComponent("page").path]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw GenerateError.cannotWrite(path: scratch.path, reason: "pdftoppm failed") }
        // Pictures of earlier versions of the data are of no more use.
        let parent = dir.deletingLastPathComponent()
        for old in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        where old.hasPrefix(".preview-\(kind.rawValue)-") && old != dir.lastPathComponent {
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(old))
        }
        try? FileManager.default.removeItem(at: dir)
        try FileManager.default.moveItem(at: scratch, to: dir)
        return existingPages(dir) ?? []
    }

    func previewFolder(_ entry: Entry, kind: ReportKind) -> URL {
        outputFolder(for: entry).appendingPathComponent(".preview-\(kind.rawValue)-\(entry.version)")
    }

    /// The page pictures in `dir`, in page order.
    func existingPages(_ dir: URL) -> [URL]? {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { return nil }
        return names.filter { $0.hasPrefix("page-") && $0.hasSuffix(".png") }
            .sorted { (Int($0.dropFirst(5).dropLast(4)) ?? 0) < (Int($1.dropFirst(5).dropLast(4)) ?? 0) }
            .map { dir.appendingPathComponent($0) }
    }

    /// The data files that make up `entry`'s year: the same organisation and fiscal year, each giving its
    /// own documents (O34, O35); `entry` first.
    func yearParts(of entry: Entry, among entries: [Entry]) -> [Entry] {
        guard entry.data != nil, !entry.organization.isEmpty, let fy = entry.fiscalYear else { return [] }
        var parts: [Entry] = []
        var taken = Set<ReportKind>()
        for e in [entry] + entries.filter({ $0.name != entry.name }) {
            guard e.data != nil, e.organization == entry.organization, e.fiscalYear == fy,
                  let kinds = try? SubmissionBundle.kinds(for: e.data!), !kinds.isEmpty else { continue }
            let mine = kinds.filter { SubmissionBundle.defaultKinds.contains($0) && !taken.contains($0) }
            guard !mine.isEmpty, mine.count == kinds.filter({ SubmissionBundle.defaultKinds.contains($0) }).count else { continue }
            taken.formUnion(mine)
            parts.append(e)
        }
        return parts
    }

    /// The year's bundle of `parts` written into `Output/`, then packed as a zip (its documents and
    /// manifest.json). Returns the zip's name and bytes.
    func bundle(_ parts: [Entry]) throws -> (name: String, data: Data) {
        guard let first = parts.first, let data = first.data else { throw WebError.noSuchFile("") }
        lock.lock(); defer { lock.unlock() }
        try makeOutput()
        let stem = SafeFileName.fit(SafeFileName.from("ชุดเอกสาร_\(first.organization)_\(data.fiscalYear ?? 0)"), maxBytes: 200)
        let target = folder.output.appendingPathComponent(stem)
        var formats: [ExportFormat] = [.docx, .odt]
        if converter != nil { formats.append(.pdf) }
        let exporter = ReportExporter(generator: ReportGenerator(templates: TemplateSet(custom: nil)), converter: converter)
        let bundleParts = try parts.map { e in
            SubmissionBundle.Part(loaded: e.loaded, dataURL: e.url,
                                  kinds: try SubmissionBundle.kinds(for: e.data!).filter { SubmissionBundle.defaultKinds.contains($0) })
        }
        let manifest = try SubmissionBundle(exporter: exporter).write(parts: bundleParts, formats: formats, into: target)
        var zipParts: [(name: String, data: Data)] = []
        for f in manifest.files {
            zipParts.append(("\(stem)/\(f.path)", try Data(contentsOf: target.appendingPathComponent(f.path))))
        }
        zipParts.append(("\(stem)/manifest.json", try Data(contentsOf: target.appendingPathComponent("manifest.json"))))
        let zip = folder.output.appendingPathComponent(".\(stem)-\(UUID().uuidString.prefix(6)).zip")
        defer { try? FileManager.default.removeItem(at: zip) }
        try OfficePackage.create(at: zip, parts: zipParts)
        return (stem + ".zip", try Data(contentsOf: zip))
    }
}
