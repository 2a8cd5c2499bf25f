import ArgumentParser
import Foundation
import ITAKit

/// `itareport check DATA`: what the NACC content requirements ask for that the data does not give.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a data file for completeness against the NACC content requirements before publishing.",
        discussion: """
        O34 (2566+): each of the seven issues needs a measure ('issue: N') with title, owners, steps \
        and period, and 'limitations' needs problems and suggestions. O35: each measure needs what \
        was done (summary or details) and an outcome. Narratives written from the scores are not gaps.
        """
    )

    @Argument(help: "The data file (YAML or JSON).")
    var data: String

    @Option(help: "The document to check for: o34, o35 or analysis (default: the file's 'document').")
    var document: DocumentKind?

    @OptionGroup var language: LanguageOption

    func run() throws {
        language.apply()
        let (loaded, report) = try DataFileLoading.load(data, warnings: false, consequence: Message("cli.consequence.check"))
        guard let kind = document ?? report.document else {
            Console.err(Message("cli.check.no-document", ["file": "\(data)"]))
            throw ExitCode.failure
        }
        // Every weakness needs a measure: which indicators are weaknesses depends on the threshold.
        DataFileLoading.showProvisionalRubrics(loaded)
        let gaps = CompletenessChecker.check(report, document: kind, catalog: loaded.catalog)
        for gap in gaps {
            var place = data
            if let p = loaded.sourceMap.position(of: gap.path) { place += ":\(p.line):\(p.column)" }
            print("\(place): " + Console.text(Message("gap.missing", ["item": "\(gap.item)", "field": .message(gap.fieldMessage),
                                                                     "path": "\(gap.path)", "hint": .message(gap.remedy)])))
        }
        if !gaps.isEmpty {
            Console.err(Message("cli.check.missing-count", ["file": "\(data)", "count": "\(gaps.count)", "document": "\(kind.rawValue)"]))
            throw ExitCode.failure
        }
        Console.out(Message("cli.check.complete", ["file": "\(data)", "document": "\(kind.rawValue)"]))
    }
}
