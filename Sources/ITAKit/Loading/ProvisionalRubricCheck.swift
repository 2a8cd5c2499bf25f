import Foundation
import ThaiFormat

/// Says, once per data file, when what documents will print comes from a rubric no source
/// confirms: a level from provisional thresholds (no official level given), or a strengths and
/// weaknesses split at a threshold the year's catalog only supposes.
enum ProvisionalRubricCheck {
    static func findings(in data: ReportData, catalog: FrameworkCatalog?) -> [ValidationFinding] {
        var out: [ValidationFinding] = []
        let given = data.options?.strengthThreshold
        if let given, given < 0 || given > 100 {
            out.append(ValidationFinding(
                severity: .error, kind: .scoreOutOfRange, path: "options.strength_threshold",
                message: Message("check.strength-threshold-range", ["score": "\(fmt(given))"]),
                hint: Message("check.strength-threshold-range.hint")))
        }
        guard let a = data.assessment, let catalog else { return out }
        let card = Scorer.score(a, catalog: catalog, strengthThreshold: given)
        let year = catalog.fiscalYear
        // The O35 forms print neither the level nor the split (its written outcomes only compare scores).
        let printsLevel = data.document != .o35
        if printsLevel, card.levelIsProvisional, let level = card.level, let total = card.total {
            let bands = catalog.levels.bands.sorted { $0.min > $1.min }.filter { $0.min > 0 }
                .map { Message.Argument.message(Message("check.level-band", ["level": "\($0.name)", "score": "\(fmt($0.min))"])) }
            out.append(ValidationFinding(
                severity: .warning, kind: .provisionalRubric,
                path: a.official?.total != nil ? "assessment.official.total" : "assessment",
                message: Message("check.provisional-level", ["level": "\(level)", "total": "\(fmt(total))", "year": "\(year)",
                                                             "bands": .list(bands)]),
                hint: Message("check.provisional-level.hint")))
        }
        let printsSplit = restsOnSplit(data, catalog: catalog) && !(card.strengths.isEmpty && card.weaknesses.isEmpty)
        if printsSplit, !card.strengthRubricConfirmed, let threshold = card.strengthThreshold {
            out.append(ValidationFinding(
                severity: .warning, kind: .provisionalRubric, path: "assessment.indicators",
                message: Message("check.provisional-split", ["threshold": "\(fmt(threshold))", "strengths": "\(card.strengths.count)",
                                                             "weaknesses": "\(card.weaknesses.count)", "year": "\(year)"]),
                hint: Message("check.provisional-split.hint")))
        }
        return out
    }

    /// Whether the data's document prints anything the strengths split decides: the analysis report's
    /// strengths and weaknesses (also any file naming no document); an O34 whose form prints the seven
    /// issues only when an issue's text is left for the tool to write (it says what to keep and improve
    /// by the split). The 2564 O34 prints only the clerk's own notes, the O35 no split at all.
    static func restsOnSplit(_ data: ReportData, catalog: FrameworkCatalog) -> Bool {
        switch data.document {
        case nil, .analysis?: return true
        case .o35?: return false
        case .o34?:
            guard FormCatalog.shipped.form(of: data)?.prints("analysis.issues") ?? true else { return false }
            let written = data.analysis?.issues ?? []
            func given(_ s: String?) -> Bool { !(s ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
            return catalog.issues.contains { issue in
                !written.contains { $0.issue == issue.number && given($0.deficiencies) && given($0.toDevelop) && given($0.maintain) }
            }
        }
    }

    private static func fmt(_ d: Decimal) -> String { ThaiNumberFormat.fixed(d, places: 2) }
}
