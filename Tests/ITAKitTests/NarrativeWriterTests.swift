import Foundation
import ThaiFormat
import XCTest
@testable import ITAKit

final class NarrativeWriterTests: XCTestCase {
    private static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Examples")

    private let bareYAML = """
    fiscal_year: 2568
    organization:
      name: เทศบาลตำบลทดลอง
    assessment:
      indicators: {1: 99.39, 2: 97.71, 3: 97.65, 4: 98.21, 5: 98.82, 6: 98.97, 7: 99.09, 8: 96.60, 9: 100, 10: 82.40}
    """

    private func load(_ text: String) throws -> ReportLoader.Result {
        let loaded = ReportLoader.load(text: text, file: "test.yaml")
        XCTAssertFalse(loaded.hasErrors, loaded.diagnostics.map(\.description).joined(separator: "\n"))
        return loaded
    }

    private func fill(_ loaded: ReportLoader.Result, for kinds: Set<DocumentKind>? = nil) throws -> FilledReport {
        try XCTUnwrap(try loaded.filled(for: kinds))
    }

    private func example(_ name: String) throws -> ReportLoader.Result {
        let loaded = ReportLoader.load(path: Self.examples.appendingPathComponent(name).path)
        XCTAssertFalse(loaded.hasErrors)
        return loaded
    }

    // MARK: Only the organisation and ten scores

    func testBareFileGetsEveryNarrative() throws {
        let loaded = try load(bareYAML)
        let filled = try fill(loaded)
        let a = try XCTUnwrap(filled.data.analysis)
        XCTAssertNotNil(a.rationale)
        XCTAssertNotNil(a.overview)
        XCTAssertNotNil(a.strengths)
        XCTAssertNotNil(a.weaknesses)
        XCTAssertEqual(a.indicators?.count, 10)
        let issues = try XCTUnwrap(a.issues)
        XCTAssertEqual(issues.map(\.issue), [1, 2, 3, 4, 5, 6, 7])
        for issue in issues {
            XCTAssertFalse(issue.deficiencies?.isEmpty ?? true, "issue \(issue.issue!) deficiencies")
            XCTAssertFalse(issue.toDevelop?.isEmpty ?? true, "issue \(issue.issue!) to_develop")
            XCTAssertFalse(issue.maintain?.isEmpty ?? true, "issue \(issue.issue!) maintain")
        }
        // 4 summaries + 10 indicators + 7 × 3 issue blocks.
        XCTAssertEqual(filled.generated.count, 4 + 10 + 21)
        for g in filled.generated {
            XCTAssertFalse(g.text.contains("{"), "unfilled placeholder in \(g.path): \(g.text)")
            XCTAssertFalse(g.text.contains("  "), "double space in \(g.path)")
        }
    }

    func testIndicatorParagraphsQuoteTheirScoreAndClass() throws {
        let loaded = try load(bareYAML)
        let filled = try fill(loaded)
        let card = try XCTUnwrap(loaded.scoreCard)
        let texts = try XCTUnwrap(filled.data.analysis?.indicators)
        for (n, score) in card.indicators {
            let text = try XCTUnwrap(texts[n])
            XCTAssertTrue(text.hasPrefix("ตัวชี้วัดที่ \(n) "), text)
            XCTAssertTrue(text.contains(ThaiNumberFormat.fixed(score, places: 2)), "indicator \(n): \(text)")
            XCTAssertTrue(text.contains(loaded.catalog!.indicator(n)!.name), text)
            if card.strengths.contains(n) {
                XCTAssertTrue(text.contains("จุดแข็ง") && !text.contains("จุดอ่อน"), text)
            } else {
                XCTAssertTrue(text.contains("จุดอ่อน"), text)
            }
        }
        // 82.40 is below the pass mark as well.
        XCTAssertTrue(texts[10]!.contains("85"), texts[10]!)
    }

    func testSummariesCountStrengthsAndWeaknesses() throws {
        let filled = try fill(try load(bareYAML))
        let a = try XCTUnwrap(filled.data.analysis)
        XCTAssertTrue(a.strengths!.hasPrefix("จุดแข็ง จำนวน 9 ตัวชี้วัด"), a.strengths!)
        XCTAssertTrue(a.weaknesses!.contains("จำนวน 1 ตัวชี้วัด"), a.weaknesses!)
        XCTAssertTrue(a.weaknesses!.contains("ตัวชี้วัดที่ 10 การป้องกันการทุจริต (82.40 คะแนน)"), a.weaknesses!)
        XCTAssertTrue(a.overview!.contains("95.45"), a.overview!)
        XCTAssertTrue(a.overview!.contains("ผ่านดีเยี่ยม"), a.overview!)
        XCTAssertTrue(a.overview!.contains("จุดแข็ง 9 ตัวชี้วัด"), a.overview!)
    }

    func testNoTwoIndicatorParagraphsAlike() throws {
        // Ten equal scores make every indicator take the same branch: only the variants differ.
        let yaml = """
        fiscal_year: 2568
        organization: {name: อบต.ทดลอง}
        assessment:
          indicators: {1: 97, 2: 97, 3: 97, 4: 97, 5: 97, 6: 97, 7: 97, 8: 97, 9: 97, 10: 97}
        """
        let loaded = try load(yaml)
        let filled = try fill(loaded, for: [.analysis])
        let phrases = try PhraseBank.thai()
        let texts = try XCTUnwrap(filled.data.analysis?.indicators)
        XCTAssertEqual(Set(texts.values).count, 10)
        // With the indicator's own words taken out, the sentence frames still differ.
        var frames: Set<String> = []
        for (n, text) in texts {
            var frame = text
            let words = phrases.indicators[n]!
            for part in [words.about, words.keep, words.improve, loaded.catalog!.indicator(n)!.name, "ที่ \(n) "] {
                frame = frame.replacingOccurrences(of: part, with: "")
            }
            frames.insert(frame)
        }
        XCTAssertEqual(frames.count, 10, frames.sorted().joined(separator: "\n"))
    }

    func testSameInputSameText() throws {
        let a = try fill(try load(bareYAML))
        let b = try fill(try load(bareYAML))
        XCTAssertEqual(a, b)
        XCTAssertEqual(PhraseBank.index(slot: "indicator.opening", seed: 2567 + 3, count: 5),
                       PhraseBank.index(slot: "indicator.opening", seed: 2567 + 3, count: 5))
    }

    // MARK: What the user wrote wins

    func testUserTextWins() throws {
        let loaded = try example("nongbua-2568.yaml")
        let filled = try fill(loaded)
        let a = try XCTUnwrap(filled.data.analysis)
        XCTAssertEqual(a.rationale, loaded.data!.analysis!.rationale)
        XCTAssertEqual(a.indicators?[9], loaded.data!.analysis!.indicators![9])
        XCTAssertEqual(a.indicators?[10], loaded.data!.analysis!.indicators![10])
        XCTAssertFalse(filled.isGenerated("analysis.rationale"))
        XCTAssertFalse(filled.isGenerated("analysis.indicators.9"))
        XCTAssertTrue(filled.isGenerated("analysis.indicators.1"))
        XCTAssertEqual(a.indicators?.count, 10)
    }

    func testEmptyStringStaysEmpty() throws {
        let loaded = try load(bareYAML + "\nanalysis:\n  overview: \"\"\n  indicators: {3: \"\"}\n")
        let filled = try fill(loaded)
        XCTAssertEqual(filled.data.analysis?.overview, "")
        XCTAssertEqual(filled.data.analysis?.indicators?[3], "")
        XCTAssertFalse(filled.isGenerated("analysis.overview"))
    }

    // MARK: Seeds

    func testSisaketIssuesFollowQuestionScores() throws {
        var loaded = try example("sisaket-2568.yaml")
        loaded.data!.analysis = nil
        // The O34 prints the issue blocks only; the summaries are the analysis report's.
        XCTAssertNil(try fill(loaded).data.analysis?.strengths, "nothing is written that the O34 does not print")
        let filled = try fill(loaded, for: [.o34, .analysis])
        let a = try XCTUnwrap(filled.data.analysis)
        XCTAssertTrue(a.strengths!.hasPrefix("จุดแข็ง จำนวน 10 ตัวชี้วัด"), a.strengths!)
        XCTAssertFalse(a.weaknesses!.contains("จำนวน"), a.weaknesses!)
        let issues = try XCTUnwrap(a.issues)
        // Issue 2: e9 (84.51) is the lowest; o11–o14 scored full marks.
        let two = issues[1]
        XCTAssertTrue(two.deficiencies!.contains("ข้อ e9"), two.deficiencies!)
        XCTAssertTrue(two.deficiencies!.contains("84.51"), two.deficiencies!)
        XCTAssertTrue(two.toDevelop!.contains("ข้อ e9"), two.toDevelop!)
        for code in ["o11", "o12", "o13", "o14"] { XCTAssertTrue(two.maintain!.contains("ข้อ \(code) "), code) }
        XCTAssertFalse(two.maintain!.contains("e9"))
        // Issue 5: i5 (94.96) is the lowest.
        XCTAssertTrue(issues[4].deficiencies!.contains("ข้อ i5"), issues[4].deficiencies!)
        XCTAssertTrue(issues[4].deficiencies!.contains("94.96"))
        // Issue 4: nothing at full marks; what is kept is not what is lacking.
        let four = issues[3]
        XCTAssertTrue(four.deficiencies!.contains("ข้อ i10"), four.deficiencies!)
        XCTAssertFalse(four.maintain!.contains("i10"), four.maintain!)
        XCTAssertTrue(four.maintain!.contains("i12"), four.maintain!)
        // Every issue block names only questions of its own issue.
        let catalog = loaded.catalog!
        for issue in issues {
            let own = Set(catalog.issue(issue.issue!)!.questions)
            for block in [issue.deficiencies!, issue.maintain!] {
                for code in Self.codes(in: block) { XCTAssertTrue(own.contains(code), "\(code) in issue \(issue.issue!)") }
            }
        }
    }

    func testSeedBStrengthsNineWeaknessOne() throws {
        var loaded = try example("nongbua-2568.yaml")
        loaded.data!.analysis = nil
        let a = try XCTUnwrap(try fill(loaded).data.analysis)
        XCTAssertTrue(a.strengths!.hasPrefix("จุดแข็ง จำนวน 9 ตัวชี้วัด"), a.strengths!)
        XCTAssertTrue(a.weaknesses!.contains("จำนวน 1 ตัวชี้วัด"), a.weaknesses!)
        XCTAssertTrue(a.weaknesses!.contains("93.25"), a.weaknesses!)
        XCTAssertTrue(a.overview!.contains("97.28"), a.overview!)
        XCTAssertTrue(a.overview!.contains("ระดับผ่านดี"), a.overview!)
        XCTAssertTrue(a.indicators![10]!.contains("จุดแข็ง"), "95.00 is at the threshold: a strength")
    }

    func testThaiDigitsThroughout() throws {
        var loaded = try example("khlongsaensaep-2564.yaml")
        loaded.data!.analysis = nil
        let filled = try fill(loaded, for: [.o34, .analysis])
        XCTAssertFalse(filled.generated.isEmpty)
        for g in filled.generated {
            XCTAssertFalse(g.text.contains { $0.isASCII && $0.isNumber }, "\(g.path): \(g.text)")
        }
        let a = try XCTUnwrap(filled.data.analysis)
        XCTAssertTrue(a.overview!.contains("๕๙.๗๖"), a.overview!)
        XCTAssertTrue(a.overview!.contains("ระดับ D"), a.overview!)
        XCTAssertTrue(a.indicators![10]!.contains("๐.๐๐"), a.indicators![10]!)
        // Before 2566 there are no seven issues.
        XCTAssertNil(a.issues)
    }

    func testO35OutcomesCiteTheirFigures() throws {
        var loaded = try example("wangthong-2567.yaml")
        for i in loaded.data!.measures!.indices { loaded.data!.measures![i].outcome = nil }
        let filled = try fill(loaded)
        let measures = try XCTUnwrap(filled.data.measures)
        XCTAssertEqual(filled.generated.map(\.kind), Array(repeating: .outcome, count: measures.count))
        // Measure 5 cites indicator 4 at 95.61.
        let five = try XCTUnwrap(measures[4].outcome)
        XCTAssertTrue(five.contains("ตัวชี้วัดที่ ๔ การใช้ทรัพย์สินของราชการ"), five)
        XCTAssertTrue(five.contains("๙๕.๖๑"), five)
        // Measure 3 cites e7 by code and text, with its score.
        XCTAssertTrue(measures[2].outcome!.contains("ข้อ e๗ “หน่วยงานมีการเปิดโอกาส"), measures[2].outcome!)
        XCTAssertTrue(measures[2].outcome!.contains("๘๕.๘๖"), measures[2].outcome!)
        // Only O35 gets outcomes; an O34 leaves measure outcomes alone.
        let o34 = try fill(loaded, for: [.o34])
        XCTAssertFalse(o34.generated.contains { $0.kind == .outcome })
    }

    /// The indicators and questions a measure was planned for are not what came of it: with no outcome and
    /// no citations nothing is written for it, and `check` asks for the outcome.
    func testNoOutcomeIsWrittenForAMeasureThatCitesNothing() throws {
        var loaded = try example("wangthong-2567.yaml")
        for i in loaded.data!.measures!.indices {
            loaded.data!.measures![i].outcome = nil
            loaded.data!.measures![i].citations = nil
        }
        XCTAssertFalse(loaded.data!.measures!.allSatisfy { ($0.indicators ?? []).isEmpty && ($0.questions ?? []).isEmpty },
                       "the measures name indicators and questions with scores")
        let filled = try fill(loaded)
        XCTAssertEqual(filled.generated, [])
        let gaps = CompletenessChecker.check(loaded.data!, catalog: loaded.catalog)
        XCTAssertEqual(gaps.filter { $0.path.hasSuffix(".outcome") }.count, loaded.data!.measures!.count, "\(gaps)")
    }

    func testWrittenOutcomesAreKept() throws {
        let loaded = try example("wangthong-2567.yaml")
        XCTAssertTrue(try fill(loaded).generated.isEmpty)
    }

    func testPhraseBankRejectsMissingSlot() {
        XCTAssertThrowsError(try PhraseBank.load(yaml: "pass_mark: 85\nindicators: {}\nissues: {}\nslots: {}\n")) { error in
            XCTAssertEqual(error as? PhraseBank.PhraseBankError, .missingSlot(file: "<phrases>", slot: "indicator.opening"))
        }
    }

    func testFillReplacesKnownPlaceholdersOnly() {
        XCTAssertEqual(PhraseBank.fill("ได้ {score} คะแนน {x}", ["score": "95.00"]), "ได้ 95.00 คะแนน {x}")
    }

    /// Question codes ("i10", "o7") written in a text.
    private static func codes(in text: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: "ข้อ ([ieo][0-9]+)")
        let ns = text as NSString
        return pattern.matches(in: text, range: NSRange(location: 0, length: ns.length)).map {
            ns.substring(with: $0.range(at: 1))
        }
    }
}
