import Foundation
import XCTest
@testable import ITAKit

/// What must never reach a final document unnoticed: blanks the form prints, a year typo, a level
/// that is no level, a list folded into one text.
final class FinalCopyChecksTests: XCTestCase {
    private static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Examples")

    private func example(_ name: String) throws -> String {
        try String(contentsOf: Self.examples.appendingPathComponent(name), encoding: .utf8)
    }

    private func load(_ text: String) -> ReportLoader.Result { ReportLoader.load(text: text, file: "t.yaml") }

    private func gaps(_ text: String) -> [CompletenessGap] {
        let loaded = load(text)
        XCTAssertFalse(loaded.hasErrors, loaded.diagnostics.map(\.description).joined(separator: "\n"))
        return loaded.data.map { CompletenessChecker.check($0, catalog: loaded.catalog) } ?? []
    }

    private func errors(_ r: ReportLoader.Result, at path: String) -> [Diagnostic] {
        r.diagnostics.filter { $0.severity == .error && $0.path == path }
    }

    /// `text` with `old` replaced once; fails when `old` is not there (the example changed).
    private func replacing(_ text: String, _ old: String, _ new: String) -> String {
        XCTAssertTrue(text.contains(old), "the example no longer has \(old)")
        guard let r = text.range(of: old) else { return text }
        return text.replacingCharacters(in: r, with: new)
    }

    // MARK: Question scores the O34 prints

    func testAMissingQuestionScoreOfThe2567O34IsAGapNamingTheCode() throws {
        let full = try example("sisaket-2568.yaml")
        XCTAssertEqual(gaps(full), [])
        let text = replacing(full, "    i2: 99.50\n", "")
        let found = gaps(text)
        let gap = try XCTUnwrap(found.first { $0.path == "assessment.questions" }, "\(found)")
        XCTAssertTrue(gap.field.contains("i2"), gap.field)
        XCTAssertFalse(gap.field.contains("i1,") || gap.field.hasPrefix("i1"), gap.field)
        // validate names it too, at its place.
        let reminders = FillReminders.diagnostics(for: load(text), file: "t.yaml")
        XCTAssertTrue(reminders.contains { $0.path == "assessment.questions" && $0.message.contains("i2") && $0.line != nil },
                      reminders.map(\.description).joined(separator: "\n"))
    }

    func testRolledScoresWithoutQuestionScoresLeaveTheO34ADraft() throws {
        let loaded = load(try example("sisaket-2568.yaml"))
        let rolled = try YearRollover.roll(try XCTUnwrap(loaded.data), to: 2569)
        let next = try XCTUnwrap(rolled.first { $0.document == .o34 })
        let filled = next.text.replacingOccurrences(
            of: "indicators: {1: , 2: , 3: , 4: , 5: , 6: , 7: , 8: , 9: , 10: }",
            with: "indicators: {1: 99.1, 2: 98.2, 3: 97.3, 4: 96.4, 5: 95.5, 6: 94.6, 7: 93.7, 8: 92.8, 9: 91.9, 10: 90}")
        XCTAssertNotEqual(filled, next.text, "the rolled file's score line changed")
        let found = gaps(filled)
        let gap = try XCTUnwrap(found.first { $0.path == "assessment.questions" }, "\(found)")
        XCTAssertTrue(gap.field.contains("i1") && gap.field.contains("o"), gap.field)
    }

    func testTheEarlyO34FormPrintsNoQuestionsAndAsksForNone() throws {
        XCTAssertEqual(gaps(try example("khlongsaensaep-2564.yaml")).filter { $0.path == "assessment.questions" }, [])
    }

    // MARK: Organisation

    func testAMissingNameIsAnError() throws {
        let text = replacing(try example("sisaket-2568.yaml"), "  name: เทศบาลเมืองศรีสะเกษ\n", "")
        let r = load(text)
        let e = try XCTUnwrap(errors(r, at: "organization.name").first, r.diagnostics.map(\.description).joined(separator: "\n"))
        XCTAssertNotNil(e.line)
        XCTAssertTrue(e.hint?.contains("name:") == true, e.hint ?? "")
        XCTAssertFalse(FillReminders.diagnostics(for: r, file: "t.yaml").contains { $0.path == "organization.name" }, "said once")
    }

    func testAMissingDistrictOrProvinceIsAGapButAnAbjHasNoDistrict() throws {
        let full = try example("sisaket-2568.yaml")
        XCTAssertEqual(gaps(replacing(full, "  district: เมืองศรีสะเกษ\n", "")).map(\.path), ["organization.district"])
        XCTAssertEqual(gaps(replacing(full, "  province: ศรีสะเกษ\n", "")).map(\.path), ["organization.province"])
        let abj = replacing(replacing(full, "  district: เมืองศรีสะเกษ\n", ""),
                            "  name: เทศบาลเมืองศรีสะเกษ\n", "  name: องค์การบริหารส่วนจังหวัดศรีสะเกษ\n")
        XCTAssertEqual(gaps(abj), [])
    }

    // MARK: Years and levels

    func testADateAHundredYearsOffIsAnErrorWithTheFix() throws {
        let full = try example("sisaket-2568.yaml")
        let signed = load(replacing(full, "  date: 2568-03-31", "  date: 2668-03-31"))
        let e = try XCTUnwrap(errors(signed, at: "signatory.date").first, signed.diagnostics.map(\.description).joined(separator: "\n"))
        XCTAssertNotNil(e.line)
        XCTAssertNotNil(e.hint)
        let period = load(replacing(full, "period: {from: 2568-04-01, to: 2568-09-30}", "period: {from: 2568-04-01, to: 2668-09-30}"))
        XCTAssertTrue(period.diagnostics.contains { $0.severity == .error && $0.path.hasSuffix(".period.to") },
                      period.diagnostics.map(\.description).joined(separator: "\n"))
        // A few weeks late is still only worth a look.
        let late = load(replacing(full, "  date: 2568-03-31", "  date: 2568-10-20"))
        XCTAssertFalse(late.hasErrors, late.diagnostics.map(\.description).joined(separator: "\n"))
        XCTAssertTrue(late.diagnostics.contains { $0.path == "signatory.date" && $0.severity == .warning })
    }

    func testAMisspeltLevelIsAnErrorSuggestingTheNearest() throws {
        let full = try example("sisaket-2568.yaml")
        let r = load(replacing(full, "level: ผ่านดีเยี่ยม", "level: ผ่านดีเยียม"))
        let e = try XCTUnwrap(errors(r, at: "assessment.official.level").first, r.diagnostics.map(\.description).joined(separator: "\n"))
        XCTAssertTrue(e.hint?.contains("'ผ่านดีเยี่ยม'") == true, e.hint ?? "")
        let latin = load(replacing(full, "level: ผ่านดีเยี่ยม", "level: AA"))
        XCTAssertFalse(errors(latin, at: "assessment.official.level").isEmpty, "AA is no level of a named-level year")
        // Bands no source confirms may lack an announced name: a name that is no near miss is only questioned.
        let other = load(replacing(full, "level: ผ่านดีเยี่ยม", "level: ผ่าน"))
        XCTAssertTrue(errors(other, at: "assessment.official.level").isEmpty)
        XCTAssertTrue(other.diagnostics.contains { $0.path == "assessment.official.level" && $0.severity == .warning })
        let prefixed = load(replacing(try example("khlongsaensaep-2564.yaml"), "level: D}", "level: \"ระดับ D\"}"))
        let p = try XCTUnwrap(errors(prefixed, at: "assessment.official.level").first)
        XCTAssertTrue(p.hint?.contains("level: D") == true, p.hint ?? "")
    }

    func testALevelContradictingConfirmedBandsIsAnError() throws {
        let r = load(replacing(try example("khlongsaensaep-2564.yaml"), "level: D}", "level: A}"))
        let e = try XCTUnwrap(errors(r, at: "assessment.official.level").first, r.diagnostics.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(e.kind, .officialLevelDiffers)
        XCTAssertTrue(e.hint?.contains("level: D") == true, e.hint ?? "")
        XCTAssertFalse(load(try example("khlongsaensaep-2564.yaml")).hasErrors)
    }

    func testALevelFromUnconfirmedBandsIsAGapUntilTheAnnouncedOneIsGiven() throws {
        let full = try example("sisaket-2568.yaml")
        let found = gaps(replacing(full, "  official: {total: 98.97, level: ผ่านดีเยี่ยม}\n", ""))
        let gap = try XCTUnwrap(found.first { $0.path == "assessment.official.level" }, "\(found)")
        XCTAssertTrue(gap.hint.contains("ผ่านดีเยี่ยม"), gap.hint)
        // Confirmed bands (2563) print the computed level: nothing to ask.
        let early = try example("khlongsaensaep-2564.yaml")
        XCTAssertEqual(gaps(replacing(early, "  official: {total: ๕๙.๗๖, level: D}\n", "")).filter { $0.path.hasPrefix("assessment.official") }, [])
    }

    // MARK: The 2564 O34's column of what to fix

    func testAWeakIndicatorWithoutWrittenTextLeavesThe2564O34ADraft() throws {
        let full = try example("khlongsaensaep-2564.yaml")
        XCTAssertEqual(gaps(full), [])
        let start = try XCTUnwrap(full.range(of: "analysis:\n")), end = try XCTUnwrap(full.range(of: "measures:\n"))
        let bare = full.replacingCharacters(in: start.lowerBound..<end.lowerBound, with: "")
        let paths = gaps(bare).map(\.path)
        XCTAssertTrue(paths.contains("analysis.indicators.9") && paths.contains("analysis.indicators.10"), "\(paths)")
        XCTAssertFalse(paths.contains("analysis.indicators.1"), "a strength needs nothing: \(paths)")
    }

    // MARK: Decimals

    func testAScoreWithMoreThanTwoDecimalsIsAnErrorAtItsPlace() throws {
        let full = try example("nongbua-2568.yaml")
        let r = load(replacing(full, "9: 93.25, 10: 95.00}", "9: 93.25, 10: 94.995}"))
        let e = try XCTUnwrap(errors(r, at: "assessment.indicators.10").first, r.diagnostics.map(\.description).joined(separator: "\n"))
        XCTAssertNotNil(e.line)
        XCTAssertTrue(e.message.contains("94.995") && e.hint?.contains("95.00") == true, e.description)
        XCTAssertFalse(load(full).hasErrors)
    }

    // MARK: Lists and comments

    func testAListWithNoSpaceAfterItsDashIsAnErrorWithTheFix() throws {
        let text = replacing(try example("sisaket-2568.yaml"), "      - แต่งตั้งคณะทำงานจัดทำคู่มือการปฏิบัติงาน",
                             "      -แต่งตั้งคณะทำงานจัดทำคู่มือการปฏิบัติงาน")
        let r = load(text)
        let e = try XCTUnwrap(r.diagnostics.first { $0.severity == .error && $0.path == "measures[0].steps" },
                              r.diagnostics.map(\.description).joined(separator: "\n"))
        XCTAssertTrue(e.hint?.contains("- แต่งตั้ง") == true, e.hint ?? "")
        XCTAssertNotNil(e.line)
    }

    func testATitleCutByACommentIsAnError() throws {
        let text = replacing(try example("sisaket-2568.yaml"), "    title: จัดทำคู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่",
                             "    title: จัดทำคู่มือ #1 ของเจ้าหน้าที่")
        let r = load(text)
        XCTAssertTrue(r.diagnostics.contains { $0.severity == .error && $0.kind == .commentCut },
                      r.diagnostics.map(\.description).joined(separator: "\n"))
    }

    // MARK: Dates things were done on

    /// An activity of an O35 or a photo dated after the signing, or a year away from the fiscal year
    /// (2664 for 2564), is an error at its place; a date just outside the year is a warning.
    func testActivityAndPhotoDatesAreCheckedAgainstTheYearAndTheSigning() throws {
        let o35 = try example("khlongsaensaep-o35-2564.yaml")
        XCTAssertFalse(load(o35).hasErrors)
        let after = load(replacing(o35, "dates: [2564-01-18, 2564-02-05]", "dates: [2565-01-18, 2564-02-05]"))
        XCTAssertEqual(errors(after, at: "measures[0].dates[0]").count, 1, after.diagnostics.map(\.description).joined(separator: "\n"))
        XCTAssertTrue(errors(after, at: "measures[0].dates[0]").first?.description.contains("after the document is signed") == true)
        let typo = load(replacing(replacing(o35, "dates: [2564-01-18, 2564-02-05]", "dates: [2564-01-18, 2664-02-05]"),
                                  "  date: 2564-09-24", "  date: 2664-09-24"))
        XCTAssertFalse(errors(typo, at: "measures[0].dates[1]").isEmpty, "a date a century off is an error")
        let near = load(replacing(o35, "dates: [2564-01-18, 2564-02-05]", "dates: [2563-09-20, 2564-02-05]"))
        XCTAssertTrue(errors(near, at: "measures[0].dates[0]").isEmpty)
        XCTAssertTrue(near.diagnostics.contains { $0.severity == .warning && $0.path == "measures[0].dates[0]" },
                      "a date days before the fiscal year is a warning")
        let photos = try example("nongbua-2568.yaml")
        XCTAssertFalse(load(photos).hasErrors)
        let late = load(replacing(photos, "    date: 2568-03-12", "    date: 2568-04-10"))
        XCTAssertEqual(errors(late, at: "photos[2].date").count, 1, late.diagnostics.map(\.description).joined(separator: "\n"))
    }
}
