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

    func run() throws {
        let (loaded, report) = try DataFileLoading.load(data, warnings: false, consequence: "the check needs a file without errors")
        guard let kind = document ?? report.document else {
            FileHandle.standardError.write(Data(
                "\(data): the file does not say which document it is for (add 'document: o34' or use --document)\n".utf8))
            throw ExitCode.failure
        }
        // Every weakness needs a measure: which indicators are weaknesses depends on the threshold.
        DataFileLoading.showProvisionalRubrics(loaded)
        let gaps = CompletenessChecker.check(report, document: kind, catalog: loaded.catalog)
        for gap in gaps {
            var place = data
            if let p = loaded.sourceMap.position(of: gap.path) { place += ":\(p.line):\(p.column)" }
            print("\(place): missing: \(gap.item): \(gap.field) at \(gap.path) (\(gap.hint))")
        }
        if !gaps.isEmpty {
            FileHandle.standardError.write(Data("\(data): \(gaps.count) item(s) missing for \(kind.rawValue)\n".utf8))
            throw ExitCode.failure
        }
        print("\(data): complete for \(kind.rawValue)")
    }
}
