import ArgumentParser
import Foundation
import ITAKit

/// `itareport narratives DATA`: the narratives the tool writes because the data file leaves them out.
struct NarrativesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "narratives",
        abstract: "Show the narratives written from the scores, each with the field it fills.",
        discussion: """
        Only fields the data file leaves out are written; to change a text, copy it into the \
        data file at the path shown and edit it there.
        """
    )

    @Argument(help: "The data file (YAML or JSON).")
    var data: String

    @Option(help: "The document to write for: o34, o35 or analysis (default: the file's 'document', else all).")
    var document: DocumentKind?

    @OptionGroup var language: LanguageOption

    func run() throws {
        language.apply()
        let (loaded, _) = try DataFileLoading.load(data, warnings: false, consequence: Message("cli.consequence.no-narrative"))
        // The narratives quote the level and call indicators strengths or weaknesses.
        DataFileLoading.showProvisionalRubrics(loaded)
        let filled: FilledReport?
        do { filled = try loaded.filled(for: document.map { [$0] }) } catch {
            Console.err(Console.text(error))
            throw ExitCode.failure
        }
        guard let filled else {
            Console.err(Message("cli.narratives.no-scores", ["file": "\(data)"]))
            throw ExitCode.failure
        }
        if filled.generated.isEmpty {
            Console.out(Message("cli.narratives.none", ["file": "\(data)"]))
            return
        }
        for g in filled.generated {
            print("\(g.path):")
            print("  \(g.text)")
        }
        Console.out(Message("cli.narratives.count", ["count": "\(filled.generated.count)"]))
    }
}
