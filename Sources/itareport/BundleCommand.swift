import ArgumentParser
import Foundation
import ITAKit
import ITAReports

/// `itareport bundle DATA --output DIR`: the submission folder of one organisation and year.
struct BundleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bundle",
        abstract: "Write a submission bundle: O34 and O35 as DOCX, ODT and PDF, with manifest.json.",
        discussion: """
        DIR becomes one folder holding the organisation's documents of the data file's fiscal year: O34 and \
        O35, whichever the data supports (add others with --report), in each --format, and manifest.json \
        listing every file with its path, ITA item code (o34, o35; analysis for the analysis report), \
        fiscal_year, bytes and sha256, with the organisation's name and the time of generation. Nothing is put in \
        place unless every document was written. Only the files an earlier manifest.json in DIR lists are replaced \
        (or removed when this bundle no longer has them); any other file there (a signed scan, say) is left alone \
        and named in the manifest's other_files.
        """
    )

    @Argument(help: "The data file (YAML or JSON).")
    var data: String

    @Option(name: .shortAndLong, help: "The bundle folder to write.")
    var output: String

    @Option(help: "Reports to add to O34 and O35, comma-separated (e.g. analysis).")
    var report: String?

    @Option(help: "Formats, comma-separated: docx, odt, pdf (pdf needs LibreOffice).")
    var format: String = "docx,odt,pdf"

    @Option(help: ArgumentHelp("Your own templates: a folder (the shipped template is used for any it lacks) or one .docx or .odt file for one report.", valueName: "folder-or-file"))
    var template: String?

    @OptionGroup var pdf: PDFOptions

    func run() throws {
        let formats: [ExportFormat]
        var extra: [ReportKind] = []
        do {
            formats = try ExportFormat.parseList(format)
            if let report, case let .only(kinds) = try ReportSelection.parse(report) { extra = kinds }
        } catch { throw ValidationError("\(error)") }
        let converter = try pdf.converter(for: formats)

        let (loaded, reportData) = try DataFileLoading.load(data, warnings: true, consequence: "nothing was written")
        do {
            let kinds = try SubmissionBundle.kinds(for: reportData, extra: extra)
            let custom = try template.map { try TemplateSet.custom(path: $0, kinds: kinds, own: nil) }
            let generator = ReportGenerator(templates: TemplateSet(custom: custom))
            defer { for note in generator.templateNotes { FileHandle.standardError.write(Data("note: \(note)\n".utf8)) } }
            let exporter = ReportExporter(generator: generator, converter: converter)
            let folder = URL(fileURLWithPath: output)
            let manifest = try SubmissionBundle(exporter: exporter).write(
                loaded: loaded, dataURL: URL(fileURLWithPath: data), kinds: kinds, formats: formats, into: folder)
            for f in manifest.files { print(folder.appendingPathComponent(f.path).path) }
            print(folder.appendingPathComponent("manifest.json").path)
            let reasons = ReportGenerator.possibleReports(reportData)
            for k in SubmissionBundle.defaultKinds where !kinds.contains(k) {
                FileHandle.standardError.write(Data("note: \(k.filePrefix) is not in the bundle: \((reasons[k] ?? nil) ?? "")\n".utf8))
            }
        } catch {
            throw CLIError("\(data): \(error)")
        }
    }
}
