import Foundation
import ThaiFormat

/// Computes tool scores, the total and the level from indicator scores.
///
/// total = Σ weight(tool) × sum(indicators of the tool) / count, kept exact (`ExactFraction`) and
/// rounded half-up to two decimals once, at the end: 84.995 becomes 85.00 even when a mean
/// is a non-terminating third. Tool scores are their exact means rounded the same way. Levels
/// come from the rounded total, the one documents print.
public enum Scorer {
    /// Scores `assessment` with the framework of `catalog`. `strengthThreshold`, when the data file
    /// gives one (`options.strength_threshold`), replaces the catalog's for the strengths/weaknesses split.
    public static func score(_ assessment: Assessment, catalog: FrameworkCatalog, strengthThreshold: Decimal? = nil) -> ScoreCard {
        let indicators = assessment.indicators ?? [:]
        var tools: [String: Decimal] = [:]
        var total = ExactFraction.zero
        var complete = true
        for tool in catalog.tools {
            let values = tool.indicators.compactMap { indicators[$0] }
            guard values.count == tool.indicators.count, !values.isEmpty else {
                complete = false
                continue
            }
            let mean = ExactFraction(values.reduce(Decimal(0), +), over: values.count)
            tools[tool.code] = mean.roundedHalfUp(places: 2)
            total += mean * tool.weight
        }
        let computed = complete ? total.roundedHalfUp(places: 2) : nil
        // Announced totals are printed with two decimals; the level is the printed figure's.
        let official = assessment.official?.total.map { ThaiNumberFormat.roundHalfUp($0, places: 2) }
        let threshold = strengthThreshold ?? catalog.strengthThreshold
        let numbers = indicators.keys.filter { (1...10).contains($0) }.sorted()
        var parts: [Decimal] = []
        if let p1 = assessment.tools?.eitPart1 { parts.append(p1) }
        if let p2 = assessment.tools?.eitPart2 { parts.append(p2) }
        return ScoreCard(
            year: assessment.year ?? catalog.fiscalYear,
            indicators: indicators,
            tools: tools,
            eitParts: parts,
            computedTotal: computed,
            computedLevel: computed.flatMap { catalog.levels.level(for: $0) },
            officialTotal: official,
            officialLevel: assessment.official?.level,
            strengths: numbers.filter { indicators[$0]! >= threshold },
            weaknesses: numbers.filter { indicators[$0]! < threshold },
            strengthThreshold: threshold,
            levelRubricConfirmed: catalog.levels.confirmed,
            strengthRubricConfirmed: strengthThreshold != nil || catalog.strengths.confirmed,
            levelOfOfficialTotal: official.flatMap { catalog.levels.level(for: $0) }
        )
    }

    /// The total of ten indicator scores with the standard weights (0.30 IIT 1–5,
    /// 0.30 EIT 6–8, 0.40 OIT 9–10), rounded half-up to two places.
    public static func total(indicators: [Int: Decimal], catalog: FrameworkCatalog) -> Decimal? {
        score(Assessment(indicators: indicators), catalog: catalog).computedTotal
    }
}
