import Foundation
import XCTest
@testable import ITAKit

final class ScoringTests: XCTestCase {
    private func d(_ s: String) -> Decimal { Decimal(string: s)! }
    private func indicators(_ values: [String]) -> [Int: Decimal] {
        Dictionary(uniqueKeysWithValues: values.enumerated().map { ($0.offset + 1, d($0.element)) })
    }

    func testSeed003Total2563() throws {
        let catalog = try CatalogStore.catalog(for: 2563)
        let a = Assessment(year: 2563, indicators: indicators(
            ["96.08", "88.45", "92.28", "83.63", "93.45", "91.40", "92.72", "92.52", "24.32", "0"]))
        let card = Scorer.score(a, catalog: catalog)
        XCTAssertEqual(card.computedTotal, d("59.76"))
        XCTAssertEqual(card.computedLevel, "D")
        XCTAssertEqual(card.tools["OIT"], d("12.16"))
    }

    func testSeed000Total2567() throws {
        let catalog = try CatalogStore.catalog(for: 2567)
        let a = Assessment(year: 2567, indicators: indicators(
            ["99.39", "97.71", "97.65", "98.21", "98.82", "98.97", "99.09", "96.60", "100", "100"]))
        let card = Scorer.score(a, catalog: catalog)
        XCTAssertEqual(card.computedTotal, d("98.97"))
        XCTAssertEqual(card.computedLevel, "ผ่านดีเยี่ยม")
        XCTAssertEqual(card.tools["IIT"], d("98.36"))
    }

    func testSeedBTotal2568WithStrengths() throws {
        let catalog = try CatalogStore.catalog(for: 2568)
        let a = Assessment(year: 2568, indicators: indicators(
            ["100", "100", "100", "100", "100", "98.71", "98.81", "98.76", "93.25", "95.00"]))
        let card = Scorer.score(a, catalog: catalog)
        XCTAssertEqual(card.computedTotal, d("97.28"))
        XCTAssertEqual(card.computedLevel, "ผ่านดี")
        XCTAssertEqual(card.tools["EIT"], d("98.76"))
        XCTAssertEqual(card.strengths.count, 9)
        XCTAssertEqual(card.weaknesses, [9])
    }

    func testHalfUpAtTheEndOnly() throws {
        // 0.3×95 + 0.3×95 + 0.4×92.8125 = 94.125 exactly: half-up gives 94.13.
        let catalog = try CatalogStore.catalog(for: 2567)
        let a = Assessment(indicators: indicators(
            ["95", "95", "95", "95", "95", "95", "95", "95", "92.8125", "92.8125"]))
        XCTAssertEqual(Scorer.score(a, catalog: catalog).computedTotal, d("94.13"))
    }

    func testMissingIndicatorsGiveNoTotal() throws {
        let catalog = try CatalogStore.catalog(for: 2567)
        let card = Scorer.score(Assessment(indicators: [1: 90]), catalog: catalog)
        XCTAssertNil(card.computedTotal)
        XCTAssertNil(card.total)
    }

    func testOfficialWins() throws {
        let catalog = try CatalogStore.catalog(for: 2567)
        let a = Assessment(indicators: indicators(Array(repeating: "90", count: 10)),
                           official: OfficialResult(total: d("91.00"), level: "ผ่านดี"))
        let card = Scorer.score(a, catalog: catalog)
        XCTAssertEqual(card.total, d("91.00"))
        XCTAssertEqual(card.computedTotal, d("90"))
        XCTAssertEqual(card.level, "ผ่านดี")
    }

    func testCatalogsForAllYears() throws {
        XCTAssertEqual(CatalogStore.availableYears, [2563, 2564, 2565, 2566, 2567, 2568])
        for year in 2563...2568 {
            let c = try CatalogStore.catalog(for: year)
            XCTAssertEqual(c.fiscalYear, year)
            XCTAssertEqual(c.indicators.count, 10)
            XCTAssertEqual(c.tools.map(\.weight).reduce(0, +), 1)
            XCTAssertEqual(c.issues.count, year >= 2566 ? 7 : 0)
            for q in c.questions { XCTAssertNotNil(c.sources[q.source], "\(year) \(q.code)") }
        }
        let c67 = try CatalogStore.catalog(for: 2567)
        XCTAssertEqual(c67.question("E9")?.text, "ท่านเคยใช้งานระบบการให้บริการออนไลน์ (E-Service) ของหน่วยงานหรือไม่")
        XCTAssertTrue(c67.hasQuestion("o35"))
        XCTAssertFalse(c67.hasQuestion("o36"))
        XCTAssertEqual(c67.issue(4)?.questions, ["i10", "i11", "i12"])
    }

    func testScoreJSON() throws {
        let catalog = try CatalogStore.catalog(for: 2567)
        let a = Assessment(indicators: indicators(
            ["99.39", "97.71", "97.65", "98.21", "98.82", "98.97", "99.09", "96.60", "100", "100"]))
        let json = ScoreJSON.render(Scorer.score(a, catalog: catalog))
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        XCTAssertEqual((object?["total"] as? NSNumber)?.doubleValue, 98.97)
        XCTAssertEqual(object?["level"] as? String, "ผ่านดีเยี่ยม")
        XCTAssertNotNil((object?["tools"] as? [String: Any])?["EIT"])
        XCTAssertEqual((object?["indicators"] as? [String: Any])?.count, 10)
    }
}
