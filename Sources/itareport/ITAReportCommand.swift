import ArgumentParser

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
}
