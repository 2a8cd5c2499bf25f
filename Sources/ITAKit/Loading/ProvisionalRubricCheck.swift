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
        if card.levelIsProvisional, let level = card.level, let total = card.total {
            let bands = catalog.levels.bands.sorted { $0.min > $1.min }.filter { $0.min > 0 }
                .map { Message.Argument.message(Message("check.level-band", ["level": "\($0.name)", "score": "\(fmt($0.min))"])) }
            out.append(ValidationFinding(
                severity: .warning, kind: .provisionalRubric,
                path: a.official?.total != nil ? "assessment.official.total" : "assessment",
                message: Message("check.provisional-level", ["level": "\(level)", "total": "\(fmt(total))", "year": "\(year)",
                                                             "bands": .list(bands)]),
                hint: Message("check.provisional-level.hint")))
        }
        let printsSplit = data.document != .o35 && !(card.strengths.isEmpty && card.weaknesses.isEmpty)
        if printsSplit, !card.strengthRubricConfirmed, let threshold = card.strengthThreshold {
            out.append(ValidationFinding(
                severity: .warning, kind: .provisionalRubric, path: "assessment.indicators",
                message: Message("check.provisional-split", ["threshold": "\(fmt(threshold))", "strengths": "\(card.strengths.count)",
                                                             "weaknesses": "\(card.weaknesses.count)", "year": "\(year)"]),
                hint: Message("check.provisional-split.hint")))
        }
        return out
    }

    private static func fmt(_ d: Decimal) -> String { ThaiNumberFormat.fixed(d, places: 2) }
}
