import Foundation
import XCTest
@testable import ITAKit

/// The scorer against an exact reference written here in whole numbers, from the published formula
/// (0.30 × mean of 1–5 + 0.30 × mean of 6–8 + 0.40 × mean of 9–10, half-up once at the end),
/// over tens of thousands of seeded random score sets and generated half-way cases.
final class ExactScoringTests: XCTestCase {
    /// SplitMix64: a small seeded generator, so every run draws the same cases.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Scores in ten-thousandths (92.8125 → 928125), so cases with more than two decimals fit too.
    typealias Scores = [Int]

    /// The exact total in hundredths is `numerator / 30000`: each tool contributes
    /// weight/10 × sum/count, and 10 × 30 × 100 clears every denominator.
    static func referenceNumerator(_ s: Scores) -> Int {
        let iit = s[0..<5].reduce(0, +), eit = s[5..<8].reduce(0, +), oit = s[8..<10].reduce(0, +)
        return 3 * iit * 6 + 3 * eit * 10 + 4 * oit * 15
    }

    /// Half-up to hundredths of a non-negative numerator/denominator: ⌊(2n + d) / 2d⌋.
    static func halfUp(_ n: Int, over d: Int) -> Int { (2 * n + d) / (2 * d) }

    /// The reference total in hundredths.
    static func referenceTotal(_ s: Scores) -> Int { halfUp(referenceNumerator(s), over: 30000) }

    /// A tool's mean in hundredths: sum (ten-thousandths) / count / 100.
    static func referenceMean(_ s: Scores, _ range: Range<Int>) -> Int { halfUp(s[range].reduce(0, +), over: 100 * range.count) }

    static func decimal(tenThousandths v: Int) -> Decimal { Decimal(v) / 10000 }
    static func decimal(hundredths v: Int) -> Decimal { Decimal(v) / 100 }

    static func randomScores(_ rng: inout SeededGenerator, places: Int) -> Scores {
        let unit = places == 2 ? 100 : 1
        return (0..<10).map { _ in
            let r = Int.random(in: 0..<100, using: &rng)
            if r < 15 { return 1_000_000 }
            let low = r < 25 ? 0 : 700_000
            return Int.random(in: low...1_000_000, using: &rng) / unit * unit
        }
    }

    /// Random two-decimal scores with indicator 1 moved by up to ±0.60 so that the exact total ends in …5.
    static func halfwayScores(_ rng: inout SeededGenerator) -> Scores {
        while true {
            var s = randomScores(&rng, places: 2)
            let first = s[0]
            for step in (-60...60).shuffled(using: &rng) {
                let v = first + step * 100
                guard (0...1_000_000).contains(v) else { continue }
                s[0] = v
                if referenceNumerator(s) % 30000 == 15000 { return s }
            }
        }
    }

    private func check(_ s: Scores, _ catalog: FrameworkCatalog, wrong: inout Int, shown: inout Int,
                       file: StaticString = #filePath, line: UInt = #line) {
        let indicators = Dictionary(uniqueKeysWithValues: s.enumerated().map { ($0.offset + 1, Self.decimal(tenThousandths: $0.element)) })
        let card = Scorer.score(Assessment(indicators: indicators), catalog: catalog)
        let total = Self.decimal(hundredths: Self.referenceTotal(s))
        let tools = ["IIT": 0..<5, "EIT": 5..<8, "OIT": 8..<10].mapValues { Self.decimal(hundredths: Self.referenceMean(s, $0)) }
        let level = catalog.levels.level(for: total)
        if card.computedTotal != total || card.tools != tools || card.computedLevel != level {
            wrong += 1
            if shown < 5 {
                shown += 1
                XCTFail("scores \(indicators.sorted { $0.key < $1.key }.map { "\($0.value)" }): total \(card.computedTotal.map { "\($0)" } ?? "nil") "
                        + "(reference \(total)), tools \(card.tools) (reference \(tools)), level \(card.computedLevel ?? "nil") (reference \(level ?? "nil"))",
                        file: file, line: line)
            }
        }
    }

    func testRandomAndHalfwayScoreSetsMatchTheExactReference() throws {
        let catalogs = try (2563...2568).map { try CatalogStore.catalog(for: $0) }
        var rng = SeededGenerator(state: 10)
        var wrong = (random: 0, halfway: 0, fine: 0)
        var shown = 0
        var halfwayThirds = 0
        let n = 20_000
        for i in 0..<n {
            let catalog = catalogs[i % catalogs.count]
            check(Self.randomScores(&rng, places: 2), catalog, wrong: &wrong.random, shown: &shown)
            check(Self.randomScores(&rng, places: 4), catalog, wrong: &wrong.fine, shown: &shown)
            let h = Self.halfwayScores(&rng)
            if h[5..<8].reduce(0, +) / 100 % 3 != 0 { halfwayThirds += 1 }
            check(h, catalog, wrong: &wrong.halfway, shown: &shown)
        }
        // The generator must really produce the cases a mean-first scorer gets wrong.
        XCTAssertGreaterThan(halfwayThirds, n / 2)
        print("exact scoring: \(wrong.random) of \(n) random two-decimal sets wrong, \(wrong.fine) of \(n) four-decimal sets, "
              + "\(wrong.halfway) of \(n) half-way sets (\(halfwayThirds) with an EIT sum not divisible by 3)")
        XCTAssertEqual(wrong.random, 0)
        XCTAssertEqual(wrong.fine, 0)
        XCTAssertEqual(wrong.halfway, 0)
    }

    func testTheReferenceItselfOnHandWorkedCases() {
        // 0.3×85 + 0.3×(85+85+84.95)/3 + 0.4×85 = 25.5 + 25.495 + 34 = 84.995 → 85.00.
        let s = [85, 85, 85, 85, 85, 85, 85, 84.95, 85, 85].map { Int(($0 * 10000).rounded()) }
        XCTAssertEqual(Self.referenceNumerator(s), 254_985_000)
        XCTAssertEqual(Self.referenceTotal(s), 8500)
        XCTAssertEqual(Self.referenceMean(s, 5..<8), 8498)
    }

    private func d(_ s: String) -> Decimal { Decimal(string: s)! }
    private func scores(_ values: [String]) -> [Int: Decimal] {
        Dictionary(uniqueKeysWithValues: values.enumerated().map { ($0.offset + 1, d($0.element)) })
    }

    func testPublishedTotalsAndTheHalfwayCase() throws {
        let cases: [(Int, [String], String, String)] = [
            (2563, ["96.08", "88.45", "92.28", "83.63", "93.45", "91.40", "92.72", "92.52", "24.32", "0"], "59.76", "D"),
            (2567, ["99.39", "97.71", "97.65", "98.21", "98.82", "98.97", "99.09", "96.60", "100", "100"], "98.97", "ผ่านดีเยี่ยม"),
            (2568, ["100", "100", "100", "100", "100", "98.71", "98.81", "98.76", "93.25", "95.00"], "97.28", "ผ่านดี"),
            (2567, ["85", "85", "85", "85", "85", "85", "85", "84.95", "85", "85"], "85.00", "ผ่านดี"),
        ]
        for (year, values, total, level) in cases {
            let card = Scorer.score(Assessment(year: year, indicators: scores(values)), catalog: try CatalogStore.catalog(for: year))
            XCTAssertEqual(card.computedTotal, d(total), "\(year) \(values)")
            XCTAssertEqual(card.computedLevel, level, "\(year) \(values)")
        }
    }

    func testTheLevelOfAnOfficialTotalIsThatOfTheRoundedTotal() throws {
        // Typed as 94.995, the total prints as 95.00, which is AA (2563) or ผ่านดีเยี่ยม (2567), not A / ผ่านดี.
        for (year, level) in [(2563, "AA"), (2567, "ผ่านดีเยี่ยม")] {
            let a = Assessment(year: year, official: OfficialResult(total: d("94.995")))
            let card = Scorer.score(a, catalog: try CatalogStore.catalog(for: year))
            XCTAssertEqual(card.totalText, "95.00")
            XCTAssertEqual(card.officialTotal, d("95.00"))
            XCTAssertEqual(card.level, level)
        }
    }

    /// The announced 85.00 of indicators whose exact total is 84.995 is right: no "differs" warning.
    func testACorrectOfficialTotalDrawsNoDiffersWarning() {
        let r = ReportLoader.load(text: """
            fiscal_year: 2568
            assessment:
              year: 2567
              indicators: {1: 85, 2: 85, 3: 85, 4: 85, 5: 85, 6: 85, 7: 85, 8: 84.95, 9: 85, 10: 85}
              official: {total: 85.00, level: ผ่านดี}
            """, file: "t.yaml")
        XCTAssertEqual(r.diagnostics.filter { $0.kind == .officialTotalDiffers || $0.kind == .officialLevelDiffers }, [])
        XCTAssertEqual(r.scoreCard?.computedTotal, d("85.00"))
    }

    func testExactFractionRoundsOnceAndExactly() {
        XCTAssertEqual(ExactFraction(d("254.95"), over: 3).roundedHalfUp(places: 2), d("84.98"))
        XCTAssertEqual((ExactFraction(d("254.95"), over: 3) * d("0.3")).roundedHalfUp(places: 3), d("25.495"))
        let total = ExactFraction(d("425"), over: 5) * d("0.3") + ExactFraction(d("254.95"), over: 3) * d("0.3")
            + ExactFraction(d("170"), over: 2) * d("0.4")
        XCTAssertEqual(total.roundedHalfUp(places: 2), d("85.00"))
        XCTAssertEqual(ExactFraction(d("0.0049999"), over: 1).roundedHalfUp(places: 2), d("0.00"))
        XCTAssertEqual(ExactFraction(d("0.005"), over: 1).roundedHalfUp(places: 2), d("0.01"))
        XCTAssertEqual(ExactFraction(d("2"), over: 3).roundedHalfUp(places: 0), d("1"))
        XCTAssertEqual(ExactFraction(d("1"), over: 3).roundedHalfUp(places: 4), d("0.3333"))
    }
}
