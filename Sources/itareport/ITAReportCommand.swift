import ArgumentParser
import Foundation
import ITAKit

/// The `itareport` command: fills office templates and produces the yearly ITA documents.
@main
struct ITAReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "itareport",
        abstract: "Produce the ITA documents (O34, O35, analysis report) as DOCX, ODT and PDF.",
        version: Version.current,
        subcommands: [
            GenerateCommand.self,
            FillCommand.self,
            TemplateCommand.self,
            ScoreCommand.self,
            ValidateCommand.self,
            CheckCommand.self,
            NarrativesCommand.self,
            InitCommand.self,
            BenchCommand.self,
            RolloverCommand.self,
            BatchCommand.self,
            BundleCommand.self,
            ServeCommand.self,
        ]
    )

    /// Runs the command; an error of ours is shown in the run's language (`--lang`, else the locale).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if Console.language == .th, let e = error as? CataloguedError {
                Console.err(Message("cli.error", ["text": .message(e.catalogueMessage)]))
                Foundation.exit(EXIT_FAILURE)
            }
            exit(withError: error)
        }
    }
}
