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
        Give the year's O34 data file and its O35 data file (the one 'rollover' wrote, filled in): \
        itareport bundle my-o34-2568.yaml my-o35-2568.yaml --output Submission/2568. Each file gives the \
        document it names ('document:'), exactly as 'generate' writes it from that file; a file that names \
        none gives every report it can fill. The files must be of one organisation and fiscal year and give the same \
        ITA results (each differing score is named and nothing is written); an O35 measure whose title is none of \
        the O34's is a warning. \
        DIR becomes one folder holding those documents (add others with --report) in each --format, and manifest.json \
        listing every file with its path, ITA item code (o34, o35; analysis for the analysis report), \
        fiscal_year, bytes and sha256, with the organisation's name and the time of generation. Nothing is put in \
        place unless every document was written. Only the files an earlier manifest.json in DIR lists are replaced \
        (or removed when this bundle no longer has them); any other file there (a signed scan, say) is left alone \
        and named in the manifest's other_files.
        """
    )

    @Argument(help: "The data files (YAML or JSON) of one organisation and fiscal year: the O34 file and the O35 file.")
    var data: [String]

    @Option(name: .shortAndLong, help: "The bundle folder to write.")
    var output: String

    @Option(help: "Reports to add to O34 and O35, comma-separated (e.g. analysis).")
    var report: String?

    @Option(help: "Formats, comma-separated: docx, odt, pdf (pdf needs LibreOffice).")
    var format: String = "docx,odt,pdf"

    @Option(help: ArgumentHelp("Your own templates: a folder (the shipped template is used for any it lacks) or one .docx or .odt file for one report.", valueName: "folder-or-file"))
    var template: String?

    @OptionGroup var pdf: PDFOptions

    @OptionGroup var language: LanguageOption

    func run() throws {
        language.apply()
        let formats: [ExportFormat]
        var extra: [ReportKind] = []
        do {
            formats = try ExportFormat.parseList(format)
            if let report, case let .only(kinds) = try ReportSelection.parse(report) { extra = kinds }
        } catch { throw ValidationError(Console.text(error)) }
        let converter = try pdf.converter(for: formats)

        var loadedFiles: [(path: String, loaded: ReportLoader.Result, data: ReportData)] = []
        for path in data {
            let (loaded, reportData) = try DataFileLoading.load(path, warnings: true, consequence: Message("cli.consequence.nothing-written"))
            loadedFiles.append((path, loaded, reportData))
        }
        let names = data.joined(separator: " ")
        do {
            var parts: [SubmissionBundle.Part] = []
            var remaining = extra
            for file in loadedFiles {
                // An extra report comes from the first file that can fill it.
                let possible = ReportGenerator.possibleReportReasons(file.data)
                let own = try SubmissionBundle.kinds(for: file.data)
                let mine = remaining.filter { !own.contains($0) && possible[$0] == .some(nil) }
                remaining.removeAll { mine.contains($0) || own.contains($0) }
                parts.append(SubmissionBundle.Part(loaded: file.loaded, dataURL: URL(fileURLWithPath: file.path), kinds: own + mine))
            }
            if let k = remaining.first, let file = loadedFiles.first {
                throw GenerateError.reportNotPossible(kind: k, reason: (ReportGenerator.possibleReportReasons(file.data)[k] ?? nil)
                    ?? Message("cli.bundle.no-file-gives"))
            }
            // Checked before the slow part; printed once the bundle is written.
            let warnings = SubmissionBundle.warnings(parts)
            let custom = try template.map { try TemplateSet.custom(path: $0, kinds: parts.flatMap(\.kinds), own: nil) }
            let generator = ReportGenerator(templates: TemplateSet(custom: custom))
            defer { for note in generator.templateNotes { Console.err(Message("cli.note", ["text": "\(note)"])) } }
            let exporter = ReportExporter(generator: generator, converter: converter)
            let folder = URL(fileURLWithPath: output)
            let manifest = try SubmissionBundle(exporter: exporter).write(parts: parts, formats: formats, into: folder)
            for f in manifest.files { print(folder.appendingPathComponent(f.path).path) }
            print(folder.appendingPathComponent("manifest.json").path)
            let bundled = Set(parts.flatMap(\.kinds))
            for k in SubmissionBundle.defaultKinds where !bundled.contains(k) {
                Console.err(Message("cli.bundle.missing-report", ["report": "\(k.filePrefix)"]))
            }
            for w in warnings { Console.err(Message("cli.warning", ["text": .message(w)])) }
            for f in manifest.files where f.path.contains(ReportGenerator.draftSuffix + ".") {
                Console.err(Message("cli.bundle.draft", ["path": "\(f.path)"]))
            }
        } catch {
            throw CLIError(Message("cli.file-error", ["file": "\(names)", "error": .message(Message(error))]))
        }
    }
}
