import Foundation
import ITAKit

/// What a data file still leaves to fill for the document it names, as warnings for `validate`:
/// the year's scores (O34, analysis report) and the content the NACC requirements ask for
/// (see `CompletenessChecker`). Files written by `rollover` rely on these to list their blanks.
enum FillReminders {
    static func diagnostics(for loaded: ReportLoader.Result, file: String) -> [Diagnostic] {
        guard let data = loaded.data, let kind = data.document else { return [] }
        var out: [Diagnostic] = []
        func add(_ path: String, _ message: String, _ hint: String) {
            let p = loaded.sourceMap.position(of: path)
            out.append(Diagnostic(.warning, .missingField, file: file, line: p?.line, column: p?.column,
                                  path: path, message: "not filled yet: \(message)", hint: hint))
        }
        if kind != .o35, let a = data.assessment, (a.indicators ?? [:]).isEmpty {
            add("assessment.indicators",
                "the scores of ITA \(a.year.map(String.init) ?? "") (\(kind == .o34 ? "O34" : "the analysis report") needs all ten)",
                "write the ten indicator scores the national ITA system announced, e.g. {1: 99.39, 2: 97.71, …}")
        }
        for gap in CompletenessChecker.check(data, document: kind, catalog: loaded.catalog) {
            add(gap.path, "\(gap.item): \(gap.field)", gap.hint)
        }
        return out
    }
}
