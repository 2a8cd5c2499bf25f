import ArgumentParser
import Foundation
import ITAKit
import ITAReports

/// `itareport validate DATA`: every problem in a data file, non-zero exit on errors.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a data file and report every problem with its line and column."
    )

    @Argument(help: "The data file (YAML or JSON).")
    var data: String

    @OptionGroup var language: LanguageOption

    func run() throws {
        language.apply()
        do { try RegularFile.check(data, role: .dataFile) } catch { throw CLIError(error) }
        let loaded = ReportLoader.load(path: data)
        let diagnostics = (loaded.diagnostics + FillReminders.diagnostics(for: loaded, file: data))
            .sorted { ($0.line ?? 0, $0.column ?? 0) < ($1.line ?? 0, $1.column ?? 0) }
        for d in diagnostics { print(Console.text(d)) }
        let errors = diagnostics.errors.count
        let warnings = diagnostics.warnings.count
        if errors > 0 {
            Console.err(Message("cli.validate.errors", ["file": "\(data)", "errors": "\(errors)", "warnings": "\(warnings)"]))
            throw ExitCode.failure
        }
        Console.out(warnings > 0 ? Message("cli.validate.ok-warnings", ["file": "\(data)", "warnings": "\(warnings)"])
                        : Message("cli.validate.ok", ["file": "\(data)"]))
    }
}
