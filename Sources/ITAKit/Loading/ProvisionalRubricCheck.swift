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
                message: "the strength threshold \(fmt(given)) is outside 0–100",
                hint: "give the score from which an indicator counts as a strength, e.g. 95"))
        }
        guard let a = data.assessment, let catalog else { return out }
        let card = Scorer.score(a, catalog: catalog, strengthThreshold: given)
        let year = catalog.fiscalYear
        if card.levelIsProvisional, let level = card.level, let total = card.total {
            let bands = catalog.levels.bands.sorted { $0.min > $1.min }.filter { $0.min > 0 }
                .map { "\($0.name) from \(fmt($0.min))" }.joined(separator: ", ")
            out.append(ValidationFinding(
                severity: .warning, kind: .provisionalRubric,
                path: a.official?.total != nil ? "assessment.official.total" : "assessment",
                message: "documents will print the level '\(level)' for \(fmt(total)) from the ITA \(year) level thresholds (\(bands)), which no source confirms",
                hint: "give the level the national ITA system announced, as 'official: {level: …}' under assessment"))
        }
        let printsSplit = data.document != .o35 && !(card.strengths.isEmpty && card.weaknesses.isEmpty)
        if printsSplit, !card.strengthRubricConfirmed, let threshold = card.strengthThreshold {
            out.append(ValidationFinding(
                severity: .warning, kind: .provisionalRubric, path: "assessment.indicators",
                message: "strengths and weaknesses are split at \(fmt(threshold)) (\(card.strengths.count) strengths, \(card.weaknesses.count) weaknesses), "
                    + "a threshold no source confirms for the ITA of \(year)",
                hint: "check the split against your organisation's analysis and give the score it counts strengths from as 'options: {strength_threshold: …}'"))
        }
        return out
    }

    private static func fmt(_ d: Decimal) -> String { ThaiNumberFormat.fixed(d, places: 2) }
}
