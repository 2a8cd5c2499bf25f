import ArgumentParser
import Foundation
import ITAKit
import ITAReports
import OfficePackage

/// `itareport generate DATA`: the yearly documents of one organisation.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write the ITA documents of a data file (O34, O35, analysis report) as DOCX, ODT and PDF.",
        discussion: """
        A data file that names its 'document' writes that document (as a draft, named ..._ร่าง, while it has \
        blanks); others only when --report asks. A file without 'document' writes every report it can fill. \
        Files go, in both formats, into Output/, named by item, organisation and year \
        (e.g. O34_เทศบาลเมืองศรีสะเกษ_2568.docx). The form matching the fiscal year is chosen unless the data \
        file's options.form_year or --form says otherwise.
        """
    )

    @Argument(help: "The data file (YAML or JSON).")
    var data: String

    @Option(help: "Which report: o34, o35, analysis or all (all: every report the data can fill). Default: the data file's own 'document', else all.")
    var report: String?

    @Option(help: "Formats, comma-separated: docx, odt, pdf (pdf is converted from the ODT by LibreOffice).")
    var format: String = "docx,odt"

    @Option(name: .shortAndLong, help: "Folder to write into.")
    var output: String = "Output"

    @Option(help: ArgumentHelp("Your own templates: a folder of files named like the shipped ones (o34-2567.docx; the shipped one is used for any it lacks), or one .docx or .odt file for one report (o34, o35 or analysis in its name, else the report being written).", valueName: "folder-or-file"))
    var template: String?

    @Flag(help: "Leave names your template uses but the data lacks empty (each one a warning) instead of failing.")
    var lenient = false

    @Option(help: "Form year to use (2564 or 2567 for O34/O35), overriding the data file.")
    var form: Int?

    @Flag(help: "List the narratives the tool wrote because the data file left them out.")
    var showGenerated = false

    @OptionGroup var pdf: PDFOptions

    @OptionGroup var language: LanguageOption

    func validate() throws {
        language.apply()
        do { _ = try ExportFormat.parseList(format) } catch { throw ValidationError(Console.text(error)) }
        if let report, report != "all", ReportKind(rawValue: report.lowercased()) == nil {
            throw ValidationError(Console.text(Message("cli.generate.report-option", ["value": "\(report)"])))
        }
    }

    func run() throws {
        language.apply()
        let formats: [ExportFormat]
        do { formats = try ExportFormat.parseList(format) } catch { throw ValidationError(Console.text(error)) }
        let converter = try pdf.converter(for: formats)
        // Warnings are shown once the templates are known: a field your own template prints is not lost.
        let (loaded, reportData) = try DataFileLoading.load(data, warnings: false, consequence: Message("cli.consequence.nothing-written"))
        let possible = ReportGenerator.possibleReportReasons(reportData)
        var kinds: [ReportKind]
        let own = reportData.document.flatMap { ReportKind(rawValue: $0.rawValue) }
        let report = self.report ?? (own?.rawValue ?? "all")
        if report == "all" {
            // Every report the data fills completely, and the data's own document even when it is still a draft.
            kinds = ReportKind.allCases.filter { possible[$0] == .some(nil) || $0 == own }
            if kinds.isEmpty {
                for d in loaded.diagnostics where d.severity == .warning { Console.err(d) }
                let reasons = ReportKind.allCases.compactMap { possible[$0] ?? nil }
                throw CLIError(Message("cli.file-error", ["file": "\(data)",
                                                          "error": .message(ReportSelectionError.nothingPossible(reasons: reasons).catalogueMessage)]))
            }
        } else {
            guard let k = ReportKind(rawValue: report.lowercased()) else {
                throw ValidationError(Console.text(Message("cli.generate.report-option", ["value": "\(report)"])))
            }
            kinds = [k]
        }
        let custom: TemplateSet.Custom?
        do {
            custom = try template.map { try TemplateSet.custom(path: $0, kinds: kinds, own: reportData.document.flatMap { ReportKind(rawValue: $0.rawValue) }) }
        } catch { throw CLIError(error) }
        let templates = TemplateSet(custom: custom)
        let printedByOwn = custom == nil ? [] : templates.organizationFieldsInOwnTemplates()
        for d in loaded.diagnostics where d.severity == .warning {
            if d.kind == .notPrinted, d.path.hasPrefix("organization."), printedByOwn.contains(String(d.path.dropFirst("organization.".count))) {
                continue
            }
            Console.err(d)
        }
        for k in kinds {
            if let reason = possible[k] ?? nil {
                Console.err(Message("cli.generate.draft", ["report": "\(k.filePrefix)", "reason": .message(reason)]))
            }
        }
        let dataURL = URL(fileURLWithPath: data)
        let generator = ReportGenerator(templates: templates, lenient: lenient)
        defer { for note in generator.templateNotes { Console.err(Message("cli.note", ["text": "\(note)"])) } }
        do {
            let exporter = ReportExporter(generator: generator, converter: converter)
            let result = try exporter.export(
                loaded: loaded, dataURL: dataURL, kinds: kinds, formats: formats,
                outputDirectory: URL(fileURLWithPath: output), formYear: form)
            if showGenerated {
                for g in result.generated { Console.err(Message("cli.generate.generated", ["path": "\(g.path)"])) }
            }
            // A document written earlier from another data file is replaced only with a word about it.
            var provenance = OutputProvenance(folder: URL(fileURLWithPath: output))
            for o in result.files {
                if let other = provenance.otherSource(of: o.url.lastPathComponent, than: dataURL) {
                    Console.err(Message("cli.generate.replaced", ["path": "\(o.url.path)", "other": "\(other)", "report": "\(o.kind.filePrefix)",
                                                                 "file": "\(data)"]))
                }
            }
            provenance.record(result.files.map { $0.url.lastPathComponent }, from: dataURL)
            for o in result.files {
                for w in o.warnings { Console.err(Message("cli.warning", ["text": "\(w)"])) }
                print(o.url.path)
            }
        } catch {
            throw CLIError(error)
        }
    }
}

