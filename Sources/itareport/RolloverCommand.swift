import ArgumentParser
import Foundation
import ITAKit
import ITAReports

/// `itareport rollover DATA --to YEAR`: next year's data files from this year's O34 data.
struct RolloverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollover",
        abstract: "Start the next year's data files from this year's O34 data file.",
        discussion: """
        Writes two files beside DATA (or into --output): the O35 of DATA's fiscal year, with this year's \
        measures and their results left to fill, and a draft O34 of --to, with the measures carried forward \
        (periods moved on) and the new year's scores left to fill. Fields to fill are empty and marked \
        'กรอก:'; 'itareport validate' lists them. Existing files are never overwritten.
        """
    )

    @Argument(help: "This year's O34 data file (YAML or JSON).")
    var data: String

    @Option(help: "The fiscal year (BE) of the new O34, normally the data file's fiscal year + 1.")
    var to: Int

    @Option(name: .shortAndLong, help: "Folder to write into (default: the data file's folder).")
    var output: String?

    @OptionGroup var language: LanguageOption

    func validate() throws {
        language.apply()
        try BuddhistEraYear.validate(to, option: "--to", example: 2569)
    }

    func run() throws {
        language.apply()
        let (_, report) = try DataFileLoading.load(data, warnings: false, consequence: Message("cli.consequence.nothing-rolled"))
        let files: [YearRollover.RolledFile]
        do { files = try YearRollover.roll(report, to: to) } catch {
            throw CLIError(Message("cli.file-error", ["file": "\(data)", "error": .message(Message(error))]))
        }

        let source = URL(fileURLWithPath: data)
        let dir = output.map { URL(fileURLWithPath: $0) } ?? source.deletingLastPathComponent()
        let stem = source.deletingPathExtension().lastPathComponent
        let targets = files.map { dir.appendingPathComponent($0.suggestedName(from: stem)) }
        let existing = targets.filter { FileManager.default.fileExists(atPath: $0.path) }
        if !existing.isEmpty {
            let names = existing.map(\.path).joined(separator: ", ")
            throw CLIError(existing.count == 1 ? Message("cli.rollover.exists", ["file": "\(names)"])
                : Message("cli.rollover.exist", ["files": "\(names)"]))
        }
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            var written: [URL] = []
            for (file, url) in zip(files, targets) {
                do {
                    // withoutOverwriting: a file that appeared since the check above is still not replaced.
                    try Data(file.text.utf8).write(to: url, options: [.withoutOverwriting])
                    written.append(url)
                } catch {
                    for w in written { try? FileManager.default.removeItem(at: w) }
                    throw error
                }
            }
        } catch {
            throw CLIError(Message("cli.rollover.cannot-write", ["folder": "\(dir.path)", "reason": "\(OutputFolder.reason(error))"]))
        }
        for (file, url) in zip(files, targets) {
            print(url.path)
            Console.err(Message("cli.rollover.to-fill", ["document": "\(file.document.rawValue.uppercased())", "year": "\(file.fiscalYear)",
                                                         "count": "\(file.toFill.count)", "marker": "\(DataFileWriter.fillMarker)"]))
        }
    }
}
