import Foundation

/// What a data file still leaves to fill for the document it names, as warnings for `validate`:
/// the year's scores (O34, analysis report: see `CompletenessChecker`) and the content the NACC requirements ask for
/// (see `CompletenessChecker`). Files written by `rollover` rely on these to list their blanks.
public enum FillReminders {
    /// One `not filled yet` warning per gap, placed where the field is (or its nearest enclosing field).
    public static func diagnostics(for loaded: ReportLoader.Result, file: String) -> [Diagnostic] {
        guard let data = loaded.data, let kind = data.document else { return [] }
        var out: [Diagnostic] = []
        // A missing name is already an error of a file that names its document: said once.
        for gap in CompletenessChecker.check(data, document: kind, catalog: loaded.catalog) where gap.path != "organization.name" {
            let p = loaded.sourceMap.position(of: gap.path)
            out.append(Diagnostic(.warning, .missingField, file: file, line: p?.line, column: p?.column, path: gap.path,
                                  problem: Message("gap.not-filled", ["item": "\(gap.item)", "field": .message(gap.fieldMessage)]),
                                  remedy: gap.remedy))
        }
        return out
    }
}
