import Foundation
import ITAKit
import OfficePackage

/// Writes reports in any of DOCX, ODT and PDF: fills the templates through a shared
/// `ReportGenerator`, then converts the ODT to PDF (from a temporary ODT when ODT itself
/// was not asked for). Safe to use from several threads at once.
public final class ReportExporter: Sendable {
    /// One file written.
    public struct File: Sendable {
        public let kind: ReportKind
        public let format: ExportFormat
        public let url: URL
        public let warnings: [String]
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
    public func export(loaded: ReportLoader.Result, dataURL: URL, kinds: [ReportKind], formats: [ExportFormat],
                       outputDirectory: URL, formYear: Int? = nil) throws -> (files: [File], generated: [GeneratedNarrative]) {
        let wantsPDF = formats.contains(.pdf)
        guard !wantsPDF || converter != nil else { throw PDFConversionError.notInstalled }
        guard loaded.data != nil else {
            throw GenerateError.invalidData(path: dataURL.path, messages: loaded.diagnostics.map { "\($0)" })
        }
        let packages = formats.compactMap(\.packageKind)
        var files: [File] = []
        var generated: [GeneratedNarrative] = []
        if !packages.isEmpty {
            let result = try generator.generate(loaded: loaded, dataURL: dataURL, kinds: kinds, formats: packages,
                                                outputDirectory: outputDirectory, formYear: formYear)
            files += result.outputs.map { File(kind: $0.kind, format: ExportFormat(rawValue: $0.format.rawValue) ?? .odt, url: $0.url, warnings: $0.warnings) }
            generated = result.generated
        }
        guard wantsPDF, let converter else { return (files, generated) }
        var scratch: URL?
        defer { if let scratch { try? FileManager.default.removeItem(at: scratch) } }
        var sources: [(kind: ReportKind, url: URL, warnings: [String])] = files.filter { $0.format == .odt }.map { ($0.kind, $0.url, $0.warnings) }
        if !packages.contains(.odt) {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("itareport-odt-\(UUID().uuidString)")
            scratch = dir
            let result = try generator.generate(loaded: loaded, dataURL: dataURL, kinds: kinds, formats: [.odt],
                                                outputDirectory: dir, formYear: formYear)
            sources = result.outputs.map { ($0.kind, $0.url, $0.warnings) }
            generated = result.generated
        }
        try OutputFolder.create(outputDirectory)
        for source in sources {
            let pdf = outputDirectory.appendingPathComponent(source.url.deletingPathExtension().lastPathComponent + ".pdf")
            try converter.convert(source.url, to: pdf)
            files.append(File(kind: source.kind, format: .pdf, url: pdf, warnings: packages.contains(.odt) ? [] : source.warnings))
        }
        return (files.sorted { ($0.kind, $0.format) < ($1.kind, $1.format) }, generated)
    }

    /// The file name of a report in `format`, e.g. `O34_เทศบาลเมืองศรีสะเกษ_2568.pdf`.
    public static func fileName(kind: ReportKind, data: ReportData, format: ExportFormat) -> String {
        let odt = ReportGenerator.fileName(kind: kind, data: data, format: .odt)
        return String(odt.dropLast(3)) + format.fileExtension
    }
}
