import Foundation
import XCTest
@testable import ITAKit

/// Levels and strengths/weaknesses splits from rubrics no source confirms are said once per data
/// file, naming the year and what to do; strength thresholds are per-year catalog data.
final class ProvisionalRubricTests: XCTestCase {
    private func file(year: Int, document: String = "o34", official: String? = nil, options: String? = nil,
                      scores: String = "{1: 100, 2: 100, 3: 100, 4: 100, 5: 100, 6: 98.71, 7: 98.81, 8: 98.76, 9: 93.25, 10: 95.00}") -> String {
        var text = "fiscal_year: \(year + 1)\ndocument: \(document)\nassessment:\n  year: \(year)\n  indicators: \(scores)\n"
        if let official { text += "  official: \(official)\n" }
        if let options { text += "options: \(options)\n" }
        return text
    }

    private func notices(_ text: String) -> [Diagnostic] {
        ReportLoader.load(text: text, file: "t.yaml").diagnostics.filter { $0.kind == .provisionalRubric }
    }

    func testALevelFromProvisionalThresholdsIsSaidOnceWithWhatToDo() throws {
        // ITA 2567, no official level: the level printed comes from the unconfirmed 2567 bands.
        let found = notices(file(year: 2567, document: "o34", options: "{strength_threshold: 95}"))
        XCTAssertEqual(found.count, 1, "\(found)")
        let d = try XCTUnwrap(found.first)
        XCTAssertEqual(d.severity, .warning)
        XCTAssertEqual(d.path, "assessment")
        XCTAssertTrue(d.message.contains("the level 'ผ่านดีเยี่ยม' for 97.28 from the ITA 2567 level thresholds"), d.message)
        XCTAssertTrue(d.message.contains("ผ่านดีเยี่ยม from 95.00, ผ่านดี from 85.00"), d.message)
        XCTAssertEqual(d.hint, "give the level the national ITA system announced, as 'official: {level: …}' under assessment")
    }

    func testAnOfficialLevelOrAConfirmedRubricIsQuiet() {
        XCTAssertEqual(notices(file(year: 2567, official: "{level: ผ่านดีเยี่ยม}", options: "{strength_threshold: 95}")), [])
        // 2563's AA–F bands are confirmed (seed 003).
        XCTAssertEqual(notices(file(year: 2563, options: "{strength_threshold: 85}")), [])
    }

    func testTheLevelOfATypedOfficialTotalIsTheRoundedOnesAndSaidProvisional() throws {
        let found = notices(file(year: 2566, official: "{total: 94.995}", options: "{strength_threshold: 95}"))
        let d = try XCTUnwrap(found.first)
        XCTAssertEqual(d.path, "assessment.official.total")
        XCTAssertTrue(d.message.contains("'ผ่านดีเยี่ยม' for 95.00 from the ITA 2566"), d.message)
    }

    func testTheSplitOfAnUnconfirmedYearIsSaid() throws {
        let found = notices(file(year: 2566, official: "{level: ผ่านดี}"))
        XCTAssertEqual(found.count, 1)
        let d = try XCTUnwrap(found.first)
        XCTAssertEqual(d.path, "assessment.indicators")
        XCTAssertTrue(d.message.contains("split at 95.00 (9 strengths, 1 weaknesses), a threshold no source confirms for the ITA of 2566"), d.message)
        XCTAssertTrue(d.hint?.contains("options: {strength_threshold: …}") == true)
    }

    func testTheSplitOf2568IsConfirmedAndAGivenThresholdWins() throws {
        XCTAssertEqual(notices(file(year: 2568, document: "analysis", official: "{level: ผ่านดี}")), [])
        let given = ReportLoader.load(text: file(year: 2566, official: "{level: ผ่านดี}", options: "{strength_threshold: 98.75}"), file: "t.yaml")
        XCTAssertEqual(given.diagnostics.filter { $0.kind == .provisionalRubric }, [])
        let card = try XCTUnwrap(given.scoreCard)
        XCTAssertEqual(card.weaknesses, [6, 9, 10])
        XCTAssertTrue(card.strengthRubricConfirmed)
    }

    func testAnO35PrintsNoSplitAndIsNotWarnedAboutOne() {
        XCTAssertEqual(notices(file(year: 2566, document: "o35", official: "{level: ผ่านดี}")), [])
    }

    func testAThresholdOutsideTheScaleIsAnError() {
        let r = ReportLoader.load(text: file(year: 2568, official: "{level: ผ่านดี}", options: "{strength_threshold: 950}"), file: "t.yaml")
        XCTAssertEqual(r.diagnostics.first { $0.path == "options.strength_threshold" }?.severity, .error)
    }

    func testAnO35PrintsNoLevelAndIsNotWarnedAboutOne() {
        XCTAssertEqual(notices(file(year: 2567, document: "o35")), [])
        XCTAssertEqual(notices(file(year: 2567, document: "o34", options: "{strength_threshold: 95}")).count, 1, "the O34 prints it")
    }

    /// The 2567 O34 form prints the split only through the issue texts the tool writes: once the clerk
    /// wrote all seven issues' three texts, nothing printed rests on it.
    func testAnO34WithEveryIssueWrittenIsNotWarnedAboutTheSplit() {
        let official = "{level: ผ่านดี}"
        XCTAssertEqual(notices(file(year: 2567, document: "o34", official: official)).count, 1, "issues left to write")
        var text = file(year: 2567, document: "o34", official: official) + "analysis:\n  issues:\n"
        for n in 1...6 { text += "    - {issue: \(n), deficiencies: ก, to_develop: ข, maintain: ค}\n" }
        XCTAssertEqual(notices(text + "    - {issue: 7, deficiencies: ก, to_develop: ข}\n").count, 1, "issue 7 keeps nothing written")
        XCTAssertEqual(notices(text + "    - {issue: 7, deficiencies: ก, to_develop: ข, maintain: ค}\n"), [])
        // The 2564 form prints only what the clerk wrote for each indicator.
        XCTAssertEqual(notices(file(year: 2563, document: "o34", official: "{level: A}", options: "{form_year: 2564}")), [])
        XCTAssertEqual(notices(file(year: 2563, document: "analysis", official: "{level: A}")).count, 1, "the analysis report prints it")
    }

    /// The 2564 O34 example (ITA 2563): the organisation's own document flagged indicators 9 and 10
    /// (24.32 and 0.00) and none of 83.63–96.08; the pass-mark rule adds only 83.63, below the pass mark.
    /// The 2564 form prints only the organisation's own notes per indicator, so the split draws no warning.
    func testThe2564ExampleSplitsPlausibly() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Examples/khlongsaensaep-2564.yaml").path
        let r = ReportLoader.load(path: path)
        let card = try XCTUnwrap(r.scoreCard)
        XCTAssertEqual(card.weaknesses, [4, 9, 10])
        XCTAssertEqual(card.strengths, [1, 2, 3, 5, 6, 7, 8])
        XCTAssertEqual(r.diagnostics.filter { $0.kind == .provisionalRubric }, [])
        // As an analysis report, the same data prints the split and is warned about it.
        let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "document: o34", with: "document: analysis")
        let found = notices(text)
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found.first?.message.contains("split at 85.00 (7 strengths, 3 weaknesses), a threshold no source confirms for the ITA of 2563") == true,
                      found.first?.message ?? "")
    }

    func testStrengthThresholdsArePerYearDataWithTheirSource() throws {
        for year in 2563...2568 {
            let c = try CatalogStore.catalog(for: year)
            XCTAssertNotNil(c.sources[c.strengths.source], "\(year): source '\(c.strengths.source)' is not among the catalog's sources")
            XCTAssertNotNil(c.strengths.note, "\(year)")
            XCTAssertEqual(c.strengths.confirmed, year == 2568, "\(year)")
            XCTAssertEqual(c.strengthThreshold, year <= 2565 ? 85 : 95, "\(year)")
        }
    }

    func testAGivenThresholdSurvivesWritingTheDataFileAgain() throws {
        let r = ReportLoader.load(text: file(year: 2566, official: "{level: ผ่านดี}", options: "{strength_threshold: 92.5}"), file: "t.yaml")
        let data = try XCTUnwrap(r.data)
        XCTAssertEqual(data.options?.strengthThreshold, Decimal(string: "92.5"))
        let again = ReportLoader.load(text: DataFileWriter().text(for: data), file: "again.yaml")
        XCTAssertEqual(again.data?.options?.strengthThreshold, Decimal(string: "92.5"))
        XCTAssertEqual(again.scoreCard?.weaknesses, r.scoreCard?.weaknesses)
    }

    func testScoreJSONSaysWhatIsProvisional() throws {
        let r = ReportLoader.load(text: file(year: 2567), file: "t.yaml")
        let json = ScoreJSON.render(try XCTUnwrap(r.scoreCard))
        XCTAssertTrue(json.contains("\"level_provisional\": true"), json)
        XCTAssertTrue(json.contains("\"strength_rubric_confirmed\": false"), json)
    }
}
