import ArgumentParser
import Foundation
import ITAKit
import ITAReports

/// `itareport batch SOURCE --output DIR`: the documents of many organisations at once.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Write the documents of many organisations: a folder of data files, or a table of scores (Excel .xlsx or CSV) with a base data file.",
        discussion: """
        SOURCE is a folder (every .yaml, .yml and .json file in it is one organisation) or a table of \
        scores, one organisation a row, used with --base: an Excel workbook (.xlsx; its first visible sheet, or \
        --sheet NAME) or a CSV file. Columns, in this order when there is no header row: \
        name, district, province, the scores of indicators 1 to 10, then optionally total and level (as \
        announced). A header row may name the columns in any order, in English or Thai (ชื่อหน่วยงาน, \
        อำเภอ, จังหวัด, ตัวชี้วัดที่ 1 …, คะแนนรวม, ระดับ), and add kind, head, signatory and position; a \
        row-number column (ลำดับ, ที่, no, #) is ignored. The base data file gives everything else (fiscal year, measures, limitations, options); \
        its own scores, narratives, photos and signatory are not carried to other organisations.

        Each organisation's files go to its own subfolder of --output (named after the data file, or the \
        organisation for a CSV). An organisation that fails leaves no files; the others are written. The \
        exit status is non-zero when any organisation failed. Each progress line counts the organisation's \
        warnings; all of them, with their lines and columns, are written to itareport-batch.log in --output, \
        and the run ends with a summary of them.
        """
    )

    @Argument(help: "A folder of data files, or a table of scores, .xlsx or CSV (with --base).")
    var source: String

    @Option(help: "The sheet of an .xlsx workbook that holds the scores (default: its first visible sheet).")
    var sheet: String?

    @Option(name: .shortAndLong, help: "Folder to write into; one subfolder per organisation.")
    var output: String

    @Option(help: "The base data file for a CSV of scores: fiscal year, measures, limitations, options.")
    var base: String?

    @Option(help: "Formats, comma-separated: docx, odt, pdf.")
    var format: String = "docx,odt"

    @Option(help: "Which reports: all (every report each data file can fill) or o34, o35, analysis, comma-separated.")
    var report: String = "all"

    @Option(help: "How many organisations to work on at once (default: the number of processor cores).")
    var jobs: Int?

    @Option(help: ArgumentHelp("Your own templates: a folder (the shipped template is used for any it lacks) or one .docx or .odt file for one report.", valueName: "folder-or-file"))
    var template: String?

    @OptionGroup var pdf: PDFOptions

    @OptionGroup var language: LanguageOption

    func validate() throws {
        language.apply()
        if let jobs, jobs < 1 { throw ValidationError(Console.text(Message("cli.batch.jobs"))) }
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: source, isDirectory: &isDir) {
            if isDir.boolValue, base != nil {
                throw ValidationError(Console.text(Message("cli.batch.base-with-folder")))
            }
            if !isDir.boolValue, base == nil {
                throw ValidationError(Console.text(Message("cli.batch.needs-base", ["file": "\(source)"])))
            }
            if isDir.boolValue, sheet != nil {
                throw ValidationError(Console.text(Message("cli.batch.sheet-with-folder")))
            }
        }
        do {
            _ = try ExportFormat.parseList(format)
            _ = try ReportSelection.parse(report)
        } catch { throw ValidationError(Console.text(error)) }
    }

    func run() throws {
        language.apply()
        let formats: [ExportFormat]
        let selection: ReportSelection
        do {
            formats = try ExportFormat.parseList(format)
            selection = try ReportSelection.parse(report)
        } catch { throw ValidationError(Console.text(error)) }
        let converter = try pdf.converter(for: formats)
        let custom: TemplateSet.Custom?
        do {
            var kinds: [ReportKind] = []
            if case let .only(k) = selection { kinds = k }
            custom = try template.map { try TemplateSet.custom(path: $0, kinds: kinds, own: nil) }
        } catch { throw CLIError(error) }
        let batchJobs = try makeJobs()
        guard !batchJobs.isEmpty else {
            throw CLIError(Message("cli.batch.no-data-files", ["folder": "\(source)"]))
        }

        let generator = ReportGenerator(templates: TemplateSet(custom: custom))
        defer { for note in generator.templateNotes { Console.err(Message("cli.note", ["text": "\(note)"])) } }
        let exporter = ReportExporter(generator: generator, converter: converter)
        let workers = jobs ?? ProcessInfo.processInfo.activeProcessorCount
        let runner = BatchRunner(exporter: exporter, formats: formats, selection: selection,
                                 outputDirectory: URL(fileURLWithPath: output), workers: workers)
        let display = ProgressDisplay(total: batchJobs.count, language: Console.language)
        let start = Date()
        let outcomes: [BatchRunner.Outcome]
        // Warnings of every organisation, which the progress lines only count, go to a log beside the
        // documents, written as the organisations finish: the batch keeps only their counts in memory.
        let outputURL = URL(fileURLWithPath: output)
        let logStream: BatchLog.Stream?
        do {
            try OutputFolder.create(outputURL)
            logStream = try BatchLog.Stream(directory: outputURL, in: Console.language)
        } catch {
            Console.err(Message("cli.batch.log-not-written", ["folder": "\(output)", "reason": "\(Console.text(error))"]))
            logStream = nil
        }
        let counts = Counts()
        do {
            // The runner calls this one outcome at a time.
            outcomes = try runner.run(batchJobs, keepDetails: false) { p in
                display.update(p)
                if let logStream { logStream.add(p.index, p.last) } else { counts.tally.add(p.index, p.last) }
            }
        } catch {
            throw CLIError(error)
        }
        display.finish()
        let seconds = Date().timeIntervalSince(start)
        let tally = logStream?.tally ?? counts.tally

        let failures = outcomes.filter { !$0.succeeded }
        Console.out(Message("cli.batch.done", ["count": "\(outcomes.count)", "written": "\(outcomes.count - failures.count)", "files": "\(tally.files)",
                                               "failed": "\(failures.count)", "seconds": "\(String(format: "%.1f", seconds))",
                                               "workers": "\(min(workers, outcomes.count))"]))
        Console.out(Message("cli.batch.output", ["folder": "\(outputURL.path)"]))
        var log: URL?
        do {
            log = try logStream?.finish()
        } catch {
            Console.err(Message("cli.batch.log-not-written", ["folder": "\(output)", "reason": "\(Console.text(error))"]))
        }
        for line in tally.summary(log: log, in: Console.language) { print(line) }
        if !failures.isEmpty {
            Console.out(Message("cli.batch.failed"))
            for f in failures { print("  \(f.name): \(f.failure(in: Console.language) ?? "")") }
            throw ExitCode.failure
        }
    }

    /// The counts of a batch whose log could not be started.
    private final class Counts: @unchecked Sendable {
        var tally = BatchLog.Tally()
    }

    // MARK: Jobs

    private func makeJobs() throws -> [BatchRunner.Job] {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source, isDirectory: &isDir) else {
            throw CLIError(Message("cli.batch.no-source", ["path": "\(source)"]))
        }
        if isDir.boolValue { return try folderJobs() }
        guard let base else { throw CLIError(Message("cli.batch.needs-base", ["file": "\(source)"])) }
        return try csvJobs(base: base)
    }

    private func folderJobs() throws -> [BatchRunner.Job] {
        let dir = URL(fileURLWithPath: source)
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: dir.path) } catch {
            throw CLIError(Message("cli.batch.cannot-list", ["folder": "\(source)", "reason": "\(error.localizedDescription)"]))
        }
        var folders = FolderNames()
        return names.filter { ["yaml", "yml", "json"].contains(($0 as NSString).pathExtension.lowercased()) && !$0.hasPrefix(".") }
            .sorted()
            .map { name in
                let url = dir.appendingPathComponent(name)
                return BatchRunner.Job(name: name, folder: folders.unique(url.deletingPathExtension().lastPathComponent)) {
                    try RegularFile.check(url.path, role: .dataFile)
                    return (ReportLoader.load(path: url.path), url)
                }
            }
    }

    private func csvJobs(base: String) throws -> [BatchRunner.Job] {
        do {
            try RegularFile.check(source, role: .scoreTable)
            try RegularFile.check(base, role: .baseDataFile)
        } catch { throw CLIError(error) }
        let baseLoaded = ReportLoader.load(path: base)
        guard let baseData = baseLoaded.data, !baseLoaded.hasErrors else {
            for d in baseLoaded.diagnostics.errors { Console.err(d) }
            throw CLIError(Message("cli.batch.base-errors", ["file": "\(base)"]))
        }
        let sheet = try ScoreTable.load(path: source, sheet: self.sheet, baseKind: baseData.organization?.kind)
        let baseURL = URL(fileURLWithPath: base)
        let csvName = URL(fileURLWithPath: source).lastPathComponent
        var folders = FolderNames()
        return sheet.rows.map { row in
            let place = sheet.sheet.map { Console.text(Message("cli.batch.row.sheet", ["file": "\(csvName)", "sheet": "\($0)", "row": "\(row.line)"])) }
                ?? "\(csvName):\(row.line)"
            let name = "\(place) (\(row.name.isEmpty ? Console.text(Message("cli.batch.row.no-name")) : row.name))"
            return BatchRunner.Job(name: name, folder: folders.unique(row.name.isEmpty ? "row-\(row.line)" : row.name)) {
                if let problem = row.problemMessage { throw CLIError(problem) }
                // Through the data file text, so each row is checked exactly as a data file would be.
                let text = DataFileWriter().text(for: ScoreSheet.data(for: row, base: baseData))
                var loaded = ReportLoader.load(text: text, file: name)
                // Lines and columns of the text made from the row mean nothing to the user; the row and the field do.
                loaded.diagnostics = loaded.diagnostics.map { d in
                    var d = d
                    d.line = nil
                    d.column = nil
                    return d
                }
                return (loaded, baseURL)
            }
        }
    }
}

/// Subfolder names for a batch: file-system safe and unique.
struct FolderNames {
    private var used: Set<String> = []

    mutating func unique(_ raw: String) -> String {
        var name = SafeFileName.from(raw)
        if name.isEmpty || name.hasPrefix(".") { name = "org" + name }
        // Room for "-NN" when two organisations share a name.
        name = SafeFileName.fit(name, maxBytes: SafeFileName.defaultLimit - 6)
        var candidate = name
        var n = 2
        while used.contains(candidate.lowercased()) { candidate = "\(name)-\(n)"; n += 1 }
        used.insert(candidate.lowercased())
        return candidate
    }
}
