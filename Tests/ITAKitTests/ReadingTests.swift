import Foundation
import XCTest
@testable import ITAKit

/// What the clerk typed is read as typed, or the place is named with what to type instead.
final class ReadingTests: XCTestCase {
    private func load(_ text: String) -> ReportLoader.Result { ReportLoader.load(text: text, file: "t.yaml") }

    private func header(document: String = "o34") -> String {
        """
        fiscal_year: 2568
        document: \(document)
        organization: {name: เทศบาลตำบลทดลอง, district: เมือง, province: ชัยภูมิ}

        """
    }

    private let ten = "{1: 99.39, 2: 97.71, 3: 97.65, 4: 98.21, 5: 98.82, 6: 98.97, 7: 99.09, 8: 96.60, 9: 100, 10: 100}"

    private func diagnostic(_ r: ReportLoader.Result, _ path: String) -> Diagnostic? {
        r.diagnostics.first { $0.path == path }
    }

    func testACommaDecimalInAOneLineMapIsAnErrorNotTwoEntries() {
        let r = load(header() + "assessment:\n  indicators: {1: 98,50, 2: 97.71}\n")
        let d = diagnostic(r, "assessment.indicators.1")
        XCTAssertEqual(d?.severity, .error, r.diagnostics.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(d?.hint, "use a point, not a comma: 98.50")
        XCTAssertEqual(d?.line, 5)
        XCTAssertNil(r.data?.assessment?.indicators?[50], "no stray entry 50")
        XCTAssertFalse(r.diagnostics.contains { $0.path == "assessment.indicators.50" }, "one message, not two")
    }

    /// The same comma in every one-line map that holds a score: question scores, the official total and a
    /// citation's score each get the comma message at their own field, not "not a question code" or
    /// "unknown field '97'".
    func testACommaDecimalInAnyOneLineMapSaysToUseAPoint() {
        let r = load(header(document: "o35") + """
        assessment:
          year: 2567
          indicators: \(ten)
          questions: {i1: 98,5, e9: 84.51}
          official: {total: 98,97, level: ผ่านดีเยี่ยม}
        measures:
          - title: มาตรการหนึ่ง
            summary: ทำแล้ว
            citations: [{indicator: 1, score: 99,39}]

        """)
        for (path, hint, line) in [("assessment.questions.i1", "use a point, not a comma: 98.5", 7),
                                   ("assessment.official.total", "use a point, not a comma: 98.97", 8),
                                   ("measures[0].citations[0].score", "use a point, not a comma: 99.39", 12)] {
            let d = r.diagnostics.first { $0.path == path && $0.severity == .error }
            XCTAssertEqual(d?.hint, hint, path)
            XCTAssertEqual(d?.line, line, path)
        }
        XCTAssertFalse(r.diagnostics.contains { $0.kind == .unknownKey || $0.kind == .unknownQuestion },
                       r.diagnostics.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(r.diagnostics.filter { $0.severity == .error }.count, 3, "one message per number")
        XCTAssertNil(r.data?.assessment?.official?.total, "98 is not the total typed")
        XCTAssertNil(r.data?.assessment?.questions?["i1"])
        XCTAssertFalse(r.diagnostics.contains { $0.path == "assessment.official.total" && $0.severity == .warning },
                       "no second message about a total that differs")
    }

    func testScoresThatAreNotPlainDecimalsAreErrors() {
        let r = load(header(document: "o35") + """
        assessment:
          indicators:
            1: 98,50
            2: 98.7.1
            3: 9-8
            4: +-98
            5: '9,5'
            6: 97.50
            7: ๙๘.๕๐

        """)
        for n in 1...5 {
            let d = diagnostic(r, "assessment.indicators.\(n)")
            XCTAssertEqual(d?.severity, .error, "indicator \(n): \(r.diagnostics.map(\.description))")
            XCTAssertEqual(d?.line, 5 + n, "indicator \(n) is placed on its line")
            XCTAssertNil(r.data?.assessment?.indicators?[n], "indicator \(n) is not read as a number")
        }
        XCTAssertEqual(diagnostic(r, "assessment.indicators.1")?.hint, "use a point, not a comma: 98.50")
        XCTAssertEqual(diagnostic(r, "assessment.indicators.5")?.hint, "use a point, not a comma: 9.5")
        XCTAssertEqual(r.data?.assessment?.indicators?[6], Decimal(string: "97.50"))
        XCTAssertEqual(r.data?.assessment?.indicators?[7], Decimal(string: "98.50"), "Thai digits are read")
    }

    func testEmptyEntriesAndNumbersOutsideOneToTenAreErrors() {
        let r = load(header(document: "o35") + "assessment:\n  indicators: {1: 98.50, 2: , 11: 90, 0: 80}\n")
        XCTAssertEqual(diagnostic(r, "assessment.indicators.2")?.severity, .error)
        XCTAssertTrue(diagnostic(r, "assessment.indicators.2")?.message.contains("no score") ?? false)
        XCTAssertEqual(diagnostic(r, "assessment.indicators.11")?.kind, .indicatorOutOfRange)
        XCTAssertEqual(diagnostic(r, "assessment.indicators.0")?.kind, .indicatorOutOfRange)
        // A key out of range with no value is not dropped silently either.
        let empty = load(header(document: "o35") + "assessment:\n  indicators: {1: 98.50, 12: }\n")
        XCTAssertEqual(diagnostic(empty, "assessment.indicators.12")?.kind, .indicatorOutOfRange)
        // The starter's all-empty map is a form not filled yet, not ten errors.
        let starter = load(header() + "assessment:\n  indicators: {1: , 2: , 3: , 4: , 5: , 6: , 7: , 8: , 9: , 10: }\n")
        XCTAssertFalse(starter.hasErrors, starter.diagnostics.map(\.description).joined(separator: "\n"))
    }

    func testAMissingIndicatorIsAnErrorForO34AndTheAnalysisReportOnly() {
        let nine = "{1: 99.39, 2: 97.71, 3: 97.65, 4: 98.21, 5: 98.82, 6: 98.97, 7: 99.09, 8: 96.60, 9: 100}"
        for document in ["o34", "analysis"] {
            let r = load(header(document: document) + "assessment:\n  indicators: \(nine)\n")
            let d = r.diagnostics.first { $0.kind == .missingIndicators }
            XCTAssertEqual(d?.severity, .error, document)
            XCTAssertTrue(d?.message.contains("indicator 10 is missing") ?? false, d?.message ?? "")
            let data = r.data!
            let gaps = CompletenessChecker.check(data, document: DocumentKind(rawValue: document), catalog: r.catalog)
            XCTAssertTrue(gaps.contains { $0.path == "assessment.indicators" && $0.field.contains("10") }, "\(gaps)")
        }
        let o35 = load(header(document: "o35") + "assessment:\n  indicators: {1: 98.38, 4: 95.61}\n")
        XCTAssertFalse(o35.hasErrors, "an O35 cites only some indicators")
        let complete = load(header() + "assessment:\n  indicators: \(ten)\n")
        XCTAssertFalse(CompletenessChecker.check(complete.data!, catalog: complete.catalog).contains { $0.path == "assessment.indicators" })
    }

    func testTextCutByACommentIsWarnedWithTheFix() {
        let r = load(header(document: "o35") + """
        measures:
          - title: ตรวจเอกสาร #2 ทุกเดือน
            summary: "ประชุม #3 แล้ว"
            outcome:   # ยังไม่มีผล

        """)
        let d = diagnostic(r, "measures[0].title")
        XCTAssertEqual(d?.kind, .commentCut)
        XCTAssertEqual(d?.line, 5)
        XCTAssertEqual(d?.hint, "put the whole text in quotes: title: \"ตรวจเอกสาร #2 ทุกเดือน\"")
        XCTAssertNil(diagnostic(r, "measures[0].summary"), "a quoted text keeps its #")
        XCTAssertEqual(r.data?.measures?[0].summary, "ประชุม #3 แล้ว")
        XCTAssertNil(diagnostic(r, "measures[0].outcome"), "a comment after an empty field is a comment")
    }

    func testSyntaxErrorsNameWhereTheBracketOrQuoteOpened() {
        let quote = load("fiscal_year: 2568\norganization:\n  name: \"เทศบาล\n  district: x\n")
        let q = quote.diagnostics.first
        XCTAssertEqual(q?.kind, .syntax)
        XCTAssertTrue(q?.message.contains("quote opened at line 3, column 9") ?? false, q?.description ?? "")
        let brace = load("fiscal_year: 2568\nassessment:\n  indicators: {1: 98.5, 2: 97\nmeasures:\n  - title: x\n")
        XCTAssertTrue(brace.diagnostics.first?.message.contains("brace '{' opened at line 3, column 15") ?? false,
                      brace.diagnostics.first?.description ?? "")
        let colon = load("fiscal_year: 2568\nmeasures:\n  - title: มาตรการที่ 1: ส่งเสริมความโปร่งใส\n")
        XCTAssertTrue(colon.diagnostics.first?.hint?.contains("put the whole text in quotes") ?? false,
                      colon.diagnostics.first?.description ?? "")
    }

    /// A colon and a space inside an unquoted list item or field text makes YAML read a field: the error
    /// gives the text back as typed and says to quote it; a real group of fields keeps the plain message.
    func testAColonInsideUnquotedTextInAListGetsTheQuoteHint() {
        let r = load(header(document: "o34") + """
        measures:
          - title: มาตรการหนึ่ง
            steps:
              - ขั้นที่ 1: แต่งตั้งคณะทำงาน
              - ประชุมชี้แจง
            owners: [กองคลัง: งานพัสดุ]
            follow_up:
              รายงาน: ทุกไตรมาส
              ผู้รายงาน: ปลัด

        """)
        let step = diagnostic(r, "measures[0].steps[0]")
        XCTAssertEqual(step?.severity, .error)
        XCTAssertEqual(step?.line, 7)
        XCTAssertEqual(step?.hint, "put the whole text in quotes: \"ขั้นที่ 1: แต่งตั้งคณะทำงาน\"")
        XCTAssertTrue(step?.message.contains("'ขั้นที่ 1: แต่งตั้งคณะทำงาน' was read as a field") ?? false, step?.description ?? "")
        XCTAssertEqual(diagnostic(r, "measures[0].owners[0]")?.hint, "put the whole text in quotes: \"กองคลัง: งานพัสดุ\"")
        XCTAssertEqual(diagnostic(r, "measures[0].follow_up")?.hint, "write the text on the same line after the colon, or use '|' for several lines",
                       "two fields are not one text split at a colon")
        let quoted = load(header(document: "o34") + "measures:\n  - title: มาตรการหนึ่ง\n    steps: [\"ขั้นที่ 1: แต่งตั้งคณะทำงาน\"]\n")
        XCTAssertNil(diagnostic(quoted, "measures[0].steps[0]"))
        XCTAssertEqual(quoted.data?.measures?[0].steps, ["ขั้นที่ 1: แต่งตั้งคณะทำงาน"])
    }

    func testPlaceWordsTypedBeforeTheNameAreRemovedWithAWarning() {
        let r = load("fiscal_year: 2568\norganization:\n  name: เทศบาลตำบลทดลอง\n  district: อำเภอหนองบัวแดง\n  province: จังหวัด ชัยภูมิ\n")
        XCTAssertEqual(r.data?.organization?.district, "หนองบัวแดง")
        XCTAssertEqual(r.data?.organization?.province, "ชัยภูมิ")
        XCTAssertEqual(diagnostic(r, "organization.district")?.kind, .placePrefix)
        XCTAssertEqual(diagnostic(r, "organization.province")?.severity, .warning)
        let plain = load("fiscal_year: 2568\norganization:\n  district: เมืองศรีสะเกษ\n  province: ศรีสะเกษ\n")
        XCTAssertEqual(plain.diagnostics, [])
        XCTAssertEqual(plain.data?.organization?.district, "เมืองศรีสะเกษ")
    }

    func testACitationWithoutAnyScoreIsWarnedNamingTheMeasure() {
        let r = load(header(document: "o35") + """
        assessment:
          indicators: {1: 98.38}
        measures:
          - title: มาตรการบริการออนไลน์
            citations: [{indicator: 1}, {question: e9}]

        """)
        let d = r.diagnostics.first { $0.kind == .citationWithoutScore }
        XCTAssertEqual(d?.path, "measures[0].citations[1]")
        XCTAssertTrue(d?.message.contains("มาตรการบริการออนไลน์") ?? false)
        XCTAssertEqual(r.diagnostics.filter { $0.kind == .citationWithoutScore }.count, 1, "indicator 1's score comes from the assessment")
    }

    /// Each repair fires on its own damage in otherwise clean text (clean text is returned without a pass
    /// per repair), and text with none of it comes back unchanged with no repair named.
    func testEveryKindOfDamageIsFoundAndCleanTextIsLeftAlone() {
        for repair in ThaiTextMender.repairs {
            let mended = ThaiTextMender.mend("ทำงาน" + repair.damaged + "ดี")
            XCTAssertEqual(mended.text, "ทำงาน" + repair.mended + "ดี", repair.name)
            XCTAssertEqual(mended.repairs, [repair.name])
        }
        for clean in ["", "การทำงานของเจ้าหน้าที่", "ทำ ทำ", "a\u{0E33}", "ปี 2568 คะแนน 99.09"] {
            let mended = ThaiTextMender.mend(clean)
            XCTAssertEqual(mended.text, clean)
            XCTAssertEqual(mended.repairs, [])
        }
        // A guidance phrase is found the same way however often the same text is read.
        let phrase = GuidanceText.phrases.first ?? ""
        for _ in 0..<3 { XCTAssertEqual(GuidanceText.match(in: "ก่อน \(phrase) หลัง"), phrase) }
        XCTAssertNil(GuidanceText.match(in: "การทำงานของเจ้าหน้าที่"))
        XCTAssertNil(GuidanceText.match(in: "การทำงานของเจ้าหน้าที่"))
    }

    func testThaiDamagedByPDFCopyingIsMended() {
        let damaged = "การท \u{0E33}งาน" + "ผู้\u{F70B}" + "ที\u{F70A}"
        let mended = ThaiTextMender.mend(damaged)
        XCTAssertEqual(mended.text, "การทำงาน" + "ผู้\u{0E49}" + "ที\u{0E48}")
        XCTAssertEqual(mended.repairs.count, 2)
        let r = load("fiscal_year: 2568\norganization:\n  name: \"เทศบาลต \u{0E33}บล\u{F70B}\"\n")
        XCTAssertEqual(r.data?.organization?.name, "เทศบาลตำบล\u{0E49}")
        XCTAssertEqual(diagnostic(r, "organization.name")?.kind, .mendedText)
    }
}

/// YAML aliases that multiply a data file without end are refused before the file is built: an alias
/// bomb behind a mapping key hung the YAML parser itself (it hashes keys whole).
final class AliasBombReadingTests: XCTestCase {
    func testAliasBombsAreRefusedWithTheirPlace() {
        var bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for (prev, name) in zip("abcdefgh", "bcdefghi") { bomb += "\(name): &\(name) [" + Array(repeating: "*\(prev)", count: 10).joined(separator: ", ") + "]\n" }
        for tail in ["", "? *i\n: 1\n", "org: {*i : 1}\n"] {
            let loaded = ReportLoader.load(text: bomb + tail, file: "bomb.yaml")
            XCTAssertNil(loaded.data)
            XCTAssertEqual(loaded.diagnostics.count, 1)
            let d = loaded.diagnostics.first
            XCTAssertTrue(d?.message.contains("more than 200000 values") == true, "\(String(describing: d))")
            XCTAssertNotNil(d?.line)
        }
    }
}
