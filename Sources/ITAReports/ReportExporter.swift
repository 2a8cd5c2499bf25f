import Foundation
import ITAKit
import OfficePackage

/// Writes reports in any of DOCX, ODT and PDF: fills the templates through a shared
/// `ReportGenerator`, then converts the ODT to PDF (from a temporary ODT when ODT itself
/// was not asked for). Safe to use from several threads at once.
///
/// Writing goes in three steps, so that many organisations' PDFs can share one LibreOffice run:
/// `stage` fills every document into a scratch folder inside the output folder, `convertPDFs`
/// converts the staged documents' PDFs (of one or many data files at once), and `publish` moves the
/// finished files into place. `export` does all three for one data file.
public final class ReportExporter: Sendable {
    /// One file written.
    public struct File: Sendable {
        public let kind: ReportKind
        public let format: ExportFormat
        public let url: URL
        public let warnings: [String]
    }

    /// A data file's documents filled into a scratch folder inside `folder`, waiting for their PDFs and to
    /// be put in place. `discard` removes whatever is left of it.
    public final class Staged {
        public let data: ReportData
        /// The folder the files are for.
        public let folder: URL
        /// The scratch folder holding them meanwhile.
        public let staging: URL
        /// The files ready so far, in the scratch folder, by kind and format.
        public internal(set) var files: [File] = []
        /// The narratives written because the data left them out.
        public internal(set) var generated: [GeneratedNarrative] = []
        /// PDFs still to convert: the job, its report, and the warnings of its source.
        var pendingPDFs: [(job: PDFConverter.Job, kind: ReportKind, warnings: [String])] = []
        /// The folder did not exist before: it is removed again if nothing ends up in it.
        let createdFolder: Bool

        init(data: ReportData, folder: URL, staging: URL, createdFolder: Bool) {
            self.data = data
            self.folder = folder
            self.staging = staging
            self.createdFolder = createdFolder
        }

        /// The name each file will have in `folder`.
        public var names: [String] { files.map(\.url.lastPathComponent) + pendingPDFs.map(\.job.destination.lastPathComponent) }

        /// Removes the scratch folder (and the output folder when this made it and it is still empty).
        public func discard() {
            try? FileManager.default.removeItem(at: staging)
            if createdFolder { rmdir(folder.path) }
        }
    }

    public let generator: ReportGenerator
    /// The PDF converter; nil when PDF is not wanted (asking for PDF without one is an error).
    public let converter: PDFConverter?

    public init(generator: ReportGenerator, converter: PDFConverter? = nil) {
        self.generator = generator
        self.converter = converter
    }

    /// Writes `kinds` × `formats` of a loaded data file into `outputDirectory`, named as
    /// `ReportGenerator.fileName` names them; narratives the data leaves out are written first.
    /// Nothing is written unless every file is: a failure leaves the folder as it was.
    public func export(loaded: ReportLoader.Result, dataURL: URL, kinds: [ReportKind], formats: [ExportFormat],
                       outputDirectory: URL, formYear: Int? = nil) throws -> (files: [File], generated: [GeneratedNarrative]) {
        let staged = try stage(loaded: loaded, dataURL: dataURL, kinds: kinds, formats: formats,
                               outputDirectory: outputDirectory, formYear: formYear)
        defer { staged.discard() }
        if !staged.pendingPDFs.isEmpty, let failure = convertPDFs([staged], profile: try PDFProfile())[0] { throw failure }
        return (try publish(staged), staged.generated)
    }

    /// Fills the documents into a scratch folder inside `outputDirectory` (made if need be, and cleared of
    /// what killed runs left there). PDFs are only prepared: convert them with `convertPDFs`.
    public func stage(loaded: ReportLoader.Result, dataURL: URL, kinds: [ReportKind], formats: [ExportFormat],
                      outputDirectory: URL, formYear: Int? = nil) throws -> Staged {
        let wantsPDF = formats.contains(.pdf)
        guard !wantsPDF || converter != nil else { throw PDFConversionError.notInstalled }
        guard let data = loaded.data else {
            throw GenerateError.invalidData(path: dataURL.path, diagnostics: loaded.diagnostics)
        }
        let fm = FileManager.default
        let existed = fm.fileExists(atPath: outputDirectory.path)
        try OutputFolder.create(outputDirectory)
        ScratchFiles.removeAbandoned(in: outputDirectory)
        let staging = ScratchFiles.url(in: outputDirectory)
        try OutputFolder.create(staging)
        let staged = Staged(data: data, folder: outputDirectory, staging: staging, createdFolder: !existed)
        do {
            let packages = formats.compactMap(\.packageKind)
            if !packages.isEmpty {
                let result = try generator.generate(loaded: loaded, dataURL: dataURL, kinds: kinds, formats: packages,
                                                    outputDirectory: staging, formYear: formYear)
                staged.files = result.outputs.map { File(kind: $0.kind, format: ExportFormat(rawValue: $0.format.rawValue) ?? .odt, url: $0.url, warnings: $0.warnings) }
                staged.generated = result.generated
            }
            if wantsPDF {
                var sources = staged.files.filter { $0.format == .odt }.map { (kind: $0.kind, url: $0.url, warnings: [String]()) }
                if !packages.contains(.odt) {
                    let result = try generator.generate(loaded: loaded, dataURL: dataURL, kinds: kinds, formats: [.odt],
                                                        outputDirectory: staging.appendingPathComponent("odt"), formYear: formYear)
                    sources = result.outputs.map { ($0.kind, $0.url, $0.warnings) }
                    staged.generated = result.generated
                }
                // Each PDF is named as its ODT is (a draft's name says so; a long name is cut the same way).
                staged.pendingPDFs = sources.map { source in
                    let pdf = staging.appendingPathComponent(source.url.deletingPathExtension().lastPathComponent + ".pdf")
                    return (PDFConverter.Job(source: source.url, destination: pdf), source.kind, source.warnings)
                }
            }
        } catch let GenerateError.cannotWrite(path, reason) where path.hasPrefix(staging.path + "/") {
            // Name the file asked for, not the one in the scratch folder.
            staged.discard()
            let name = URL(fileURLWithPath: path).lastPathComponent
            let asked = path.hasSuffix(".odt") && path.hasPrefix(staging.appendingPathComponent("odt").path + "/")
                ? String(name.dropLast(3)) + "pdf" : name
            throw GenerateError.cannotWrite(path: outputDirectory.appendingPathComponent(asked).path, reason: reason)
        } catch {
            staged.discard()
            throw error
        }
        return staged
    }

    /// Converts the pending PDFs of every staged data file with one LibreOffice run in `profile` (a worker's
    /// own). Returns, by index in `batch`, the first failure of each data file that has one; the PDFs of
    /// the others join their files.
    public func convertPDFs(_ batch: [Staged], profile: PDFProfile) -> [Int: Error] {
        var jobs: [PDFConverter.Job] = []
        var owners: [(staged: Int, pdf: Int)] = []
        for (i, s) in batch.enumerated() {
            for (j, p) in s.pendingPDFs.enumerated() { jobs.append(p.job); owners.append((i, j)) }
        }
        guard !jobs.isEmpty else { return [:] }
        guard let converter else { return Dictionary(uniqueKeysWithValues: batch.indices.map { ($0, PDFConversionError.notInstalled as Error) }) }
        let failures = converter.convert(jobs, profile: profile)
        var out: [Int: Error] = [:]
        for (n, owner) in owners.enumerated() {
            let s = batch[owner.staged], p = s.pendingPDFs[owner.pdf]
            if let failure = failures[n] {
                // Name the file asked for, not the one in the scratch folder.
                let asked = s.folder.appendingPathComponent(p.job.destination.lastPathComponent).path
                if out[owner.staged] == nil { out[owner.staged] = failure.naming(asked) }
            } else {
                s.files.append(File(kind: p.kind, format: .pdf, url: p.job.destination, warnings: p.warnings))
            }
        }
        for s in batch {
            s.pendingPDFs = []
            s.files.sort { ($0.kind, $0.format) < ($1.kind, $1.format) }
            try? FileManager.default.removeItem(at: s.staging.appendingPathComponent("odt"))
        }
        return out
    }

    /// Moves the staged files into their folder, replacing files of the same names, and removes the scratch folder.
    public func publish(_ staged: Staged) throws -> [File] {
        var out: [File] = []
        for f in staged.files {
            let target = staged.folder.appendingPathComponent(f.url.lastPathComponent)
            if rename(f.url.path, target.path) != 0 {
                throw GenerateError.cannotWrite(path: target.path, reason: String(cString: strerror(errno)))
            }
            out.append(File(kind: f.kind, format: f.format, url: target, warnings: f.warnings))
        }
        staged.discard()
        return out
    }

    /// The file name of a report in `format`, e.g. `O34_เทศบาลเมืองศรีสะเกษ_2568.pdf`.
    public static func fileName(kind: ReportKind, data: ReportData, format: ExportFormat, maxBytes: Int = SafeFileName.defaultLimit) -> String {
        let odt = ReportGenerator.fileName(kind: kind, data: data, format: .odt, maxBytes: maxBytes)
        return String(odt.dropLast(3)) + format.fileExtension
    }
}
