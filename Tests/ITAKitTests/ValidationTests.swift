import Foundation
import XCTest
@testable import ITAKit

final class ValidationTests: XCTestCase {
    private let base = """
    fiscal_year: 2568
    organization:
      name: เทศบาลเมืองศรีสะเกษ
      district: เมืองศรีสะเกษ
      province: ศรีสะเกษ
    assessment:
      year: 2567
      indicators: {1: 99.39, 2: 97.71, 3: 97.65, 4: 98.21, 5: 98.82, 6: 98.97, 7: 99.09, 8: 96.60, 9: 100, 10: 100}
      official: {total: 98.97, level: ผ่านดีเยี่ยม}

    """

    private func load(_ text: String) -> ReportLoader.Result { ReportLoader.load(text: text, file: "t.yaml") }
    /// The kinds found, without the notice that the base file's ITA 2567 strengths split is provisional
    /// (ProvisionalRubricTests covers it), so each test sees what it is about.
    private func kinds(_ r: ReportLoader.Result) -> [Diagnostic.Kind] { r.diagnostics.map(\.kind).filter { $0 != .provisionalRubric } }

    func testAMessageAboutTheWholeFileNamesNoField() {
        let whole = Diagnostic(.error, .syntax, file: "a.yaml", line: 3, column: 1, path: "", message: "YAML syntax error", hint: "check line 3")
        XCTAssertEqual(whole.description, "a.yaml:3:1: error: YAML syntax error (check line 3)")
        let field = Diagnostic(.warning, .unknownKey, file: "a.yaml", line: 2, column: 1, path: "organisation", message: "unknown field")
        XCTAssertEqual(field.description, "a.yaml:2:1: warning: organisation: unknown field")
    }

    func testContractFileIsClean() {
        let r = load(base)
        XCTAssertEqual(kinds(r), [], r.diagnostics.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(r.diagnostics.map(\.path), ["assessment.indicators"], "only the provisional strengths split is noted")
        XCTAssertEqual(r.data?.organization?.district, "เมืองศรีสะเกษ")
        XCTAssertEqual(r.scoreCard?.total, Decimal(string: "98.97"))
    }

    func testAllProblemsAtOnceWithPositions() {
        let r = load("""
        fiscal_year: 2025
        organisation:
          name: x
        assessment:
          year: 2567
          indicators: {1: 120, 11: 50}
          questions: {i99: 50}

        """)
        XCTAssertTrue(r.hasErrors)
        let ce = r.diagnostics.first { $0.kind == .ceYear }
        XCTAssertEqual(ce?.line, 1)
        XCTAssertEqual(ce?.column, 14)
        XCTAssertTrue(ce?.description.contains("2568") ?? false)
        XCTAssertTrue(ce?.description.hasPrefix("t.yaml:1:14: error: fiscal_year:") ?? false, ce?.description ?? "")
        let unknown = r.diagnostics.first { $0.kind == .unknownKey }
        XCTAssertEqual(unknown?.line, 2)
        XCTAssertEqual(unknown?.hint, "did you mean 'organization'?")
        let range = r.diagnostics.first { $0.kind == .scoreOutOfRange }
        XCTAssertEqual(range?.path, "assessment.indicators.1")
        XCTAssertEqual(range?.line, 6)
        XCTAssertTrue(kinds(r).contains(.indicatorOutOfRange))
        let q = r.diagnostics.first { $0.kind == .unknownQuestion }
        XCTAssertEqual(q?.severity, .error)
        XCTAssertEqual(q?.path, "assessment.questions.i99")
    }

    func testImplausibleYear() {
        let r = load("fiscal_year: 1234\n")
        XCTAssertEqual(kinds(r), [.implausibleYear])
    }

    func testMissingFiscalYear() {
        XCTAssertEqual(kinds(load("organization: {name: x}\n")), [.missingField])
    }

    func testSyntaxErrorHasLine() {
        let r = load("fiscal_year: 2568\norganization:\n  name: [x\n")
        XCTAssertEqual(kinds(r), [.syntax])
        XCTAssertNotNil(r.diagnostics.first?.line)
        XCTAssertNil(r.data)
    }

    func testGuidanceTextIsAnError() {
        let r = load(base + """
        measures:
          - title: จัดประชุมประจำเดือน
            period: ระบุ วันที่ หรือ เดือน หรือ ไตรมาส หรือครึ่งปี หรือปี หรือมากกว่าปี ที่ดำเนินการ (เริ่มต้น-สิ้นสุด)

        """)
        let g = r.diagnostics.first { $0.kind == .guidanceText }
        XCTAssertEqual(g?.severity, .error)
        XCTAssertEqual(g?.path, "measures[0].period")
        XCTAssertEqual(g?.line, 12)
    }

    func testPlaceholderDotsAreGuidance() {
        let r = load(base + "signatory: {name: .........}\n")
        XCTAssertEqual(kinds(r), [.guidanceText])
    }

    func testDamagedThaiIsMendedWithWarning() {
        let r = load(base + "limitations: {problems: [\"ข้อมูลบางส่วนไม่ครบเพราะเจ้าหน้าที่ประจ\u{0E4D}\u{0E32}มีน้อย\"]}\n")
        XCTAssertEqual(kinds(r), [.mendedText])
        XCTAssertEqual(r.diagnostics.first?.severity, .warning)
        XCTAssertEqual(r.data?.limitations?.problems?.first, "ข้อมูลบางส่วนไม่ครบเพราะเจ้าหน้าที่ประจำมีน้อย")
    }

    func testInvalidDateAndReversedPeriod() {
        let r = load(base + """
        measures:
          - title: ก
            period: {from: 2568-02-30, to: 2568-09-30}
          - title: ข
            period: {from: 2568-09-01, to: 2568-04-01}

        """)
        XCTAssertTrue(kinds(r).contains(.invalidDate))
        XCTAssertTrue(kinds(r).contains(.periodReversed))
    }

    func testPeriodFarOutsideFiscalYearWarns() {
        let r = load(base + "measures:\n  - title: ก\n    period: {from: 2569-03-01, to: 2569-03-31}\n")
        XCTAssertEqual(Set(kinds(r)), [.periodOutsideFiscalYear])
        XCTAssertFalse(r.hasErrors)
        // More than a year away is a typo, not a late plan.
        let far = load(base + "measures:\n  - title: ก\n    period: {from: 2568-04-01, to: 2668-09-30}\n")
        XCTAssertEqual(far.diagnostics.first { $0.path == "measures[0].period.to" }?.severity, .error)
    }

    func testOfficialDiffersWarnsNamingBoth() {
        let text = base.replacingOccurrences(of: "official: {total: 98.97, level: ผ่านดีเยี่ยม}",
                                             with: "official: {total: 97.50, level: ผ่านดี}")
        let r = load(text)
        let total = r.diagnostics.first { $0.kind == .officialTotalDiffers }
        XCTAssertTrue(total?.message.contains("97.50") ?? false)
        XCTAssertTrue(total?.message.contains("98.97") ?? false)
        let level = r.diagnostics.first { $0.kind == .officialLevelDiffers }
        XCTAssertNotNil(level)
        XCTAssertEqual(r.scoreCard?.total, Decimal(string: "97.50"))
        XCTAssertEqual(r.scoreCard?.level, "ผ่านดี")
        XCTAssertFalse(r.hasErrors)
    }

    func testWrongTypesAndValues() {
        let r = load(base + """
        options: {digits: thia, form_year: abc}
        measures: {title: x}
        analysis:
          issues:
            - issue: 9

        """)
        XCTAssertTrue(kinds(r).contains(.invalidValue))
        XCTAssertEqual(r.diagnostics.first { $0.kind == .invalidValue }?.hint, "did you mean 'thai'?")
        XCTAssertEqual(kinds(r).filter { $0 == .wrongType }.count, 2)
        XCTAssertTrue(kinds(r).contains(.issueOutOfRange))
    }

    func testDuplicateKey() {
        let r = load(base + "signatory:\n  name: ก\n  name: ข\n")
        XCTAssertEqual(kinds(r), [.duplicateKey])
        XCTAssertNotNil(r.diagnostics.first?.line)
    }

    func testThaiDigitsAndAbsentVersusEmpty() {
        let r = load("""
        fiscal_year: ๒๕๖๔
        assessment:
          year: ๒๕๖๓
          indicators: {๑: ๙๖.๐๘}
        analysis:
          issues:
            - issue: 1
              deficiencies: ""

        """)
        XCTAssertEqual(r.data?.fiscalYear, 2564)
        XCTAssertEqual(r.data?.assessment?.indicators?[1], Decimal(string: "96.08"))
        let issue = r.data?.analysis?.issues?.first
        XCTAssertEqual(issue?.deficiencies, "")
        XCTAssertNil(issue?.toDevelop)
        XCTAssertTrue(kinds(r).contains(.missingIndicators))
    }

    func testJSONIsAccepted() {
        let r = load("{\"fiscal_year\": 2568, \"assessment\": {\"year\": 2567, \"indicators\": {\"1\": 101}}}")
        XCTAssertEqual(r.diagnostics.first { $0.kind == .scoreOutOfRange }?.line, 1)
    }

    func testExamplesValidate() throws {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Examples")
        let expected = ["sisaket-2568.yaml": "98.97", "khlongsaensaep-2564.yaml": "59.76",
                        "nongbua-2568.yaml": "97.28", "wangthong-2567.yaml": "93.50"]
        for (name, total) in expected {
            let r = ReportLoader.load(path: dir.appendingPathComponent(name).path)
            XCTAssertFalse(r.hasErrors, "\(name): \(r.diagnostics)")
            XCTAssertEqual(r.scoreCard?.total, Decimal(string: total), name)
        }
    }

    func testStarterFileLoads() throws {
        let text = try StarterFile.text(organization: "องค์การบริหารส่วนตำบลหนองบัว", fiscalYear: 2568)
        let r = load(text)
        XCTAssertNotNil(r.data)
        XCTAssertEqual(r.data?.fiscalYear, 2568)
        XCTAssertEqual(r.data?.assessment?.year, 2567)
        XCTAssertFalse(r.diagnostics.contains { $0.kind == .unknownKey || $0.kind == .syntax }, "\(r.diagnostics)")
    }

    func testKeySuggester() {
        XCTAssertEqual(KeySuggester.nearest(to: "provnce", in: DataFileReader.organizationKeys), "province")
        XCTAssertNil(KeySuggester.nearest(to: "zzzzzz", in: DataFileReader.organizationKeys))
    }
}

extension ValidationTests {
    /// Organisation fields no shipped form prints are named with the form and how to print them;
    /// the head is printed (as the signatory's position) when the signatory gives no other position.
    func testOrganisationFieldsNoFormPrintsAreNamed() throws {
        let base = "fiscal_year: 2568\ndocument: o35\norganization:\n  name: เทศบาลตำบลทดลอง\n  district: เมือง\n  province: ชัยภูมิ\n"
            + "  kind: เทศบาลตำบล\n  website: https://example.go.th\n  phone: \"044-000-000\"\n  head: นายกเทศมนตรีตำบลทดลอง\n"
        func notPrinted(_ text: String) -> [String: Diagnostic] {
            Dictionary(ReportLoader.load(text: text, file: "t.yaml").diagnostics.filter { $0.kind == .notPrinted }.map { ($0.path, $0) },
                       uniquingKeysWith: { a, _ in a })
        }
        let found = notPrinted(base)
        XCTAssertEqual(Set(found.keys), ["organization.kind", "organization.website", "organization.phone"], "\(found)")
        let kind = try XCTUnwrap(found["organization.kind"])
        XCTAssertEqual(kind.severity, .warning)
        XCTAssertTrue(kind.message.contains("the o35-2567 form does not print it"), kind.message)
        XCTAssertTrue(kind.hint?.contains("{{org.kind}}") == true, kind.hint ?? "")
        XCTAssertEqual(kind.line, 7)
        XCTAssertEqual(Set(notPrinted(base + "signatory:\n  position: นายกเทศมนตรีตำบลทดลอง\n").keys),
                       ["organization.kind", "organization.website", "organization.phone"], "the same position: the head signs")
        XCTAssertEqual(Set(notPrinted(base + "signatory:\n  position: ปลัดเทศบาล\n").keys),
                       ["organization.kind", "organization.website", "organization.phone", "organization.head"], "another position signs")
    }
}

extension ValidationTests {
    /// Citations in an O34 (whose forms print none) draw one warning for the measure's citations, not one
    /// per citation field, and no word about a score the document would not print anyway.
    func testCitationsAFormDoesNotPrintAreNamedOnce() {
        let text = "fiscal_year: 2568\ndocument: o34\nmeasures:\n  - title: ก\n    citations: [{question: e9}, {indicator: 4, text: ข}]\n"
        let found = ReportLoader.load(text: text, file: "t.yaml").diagnostics
        XCTAssertEqual(found.filter { $0.kind == .notPrinted }.map(\.path), ["measures[0].citations"], "\(found)")
        XCTAssertEqual(found.filter { $0.kind == .citationWithoutScore }, [])
        let o35 = ReportLoader.load(text: text.replacingOccurrences(of: "o34", with: "o35"), file: "t.yaml").diagnostics
        XCTAssertEqual(o35.filter { $0.kind == .citationWithoutScore }.map(\.path), ["measures[0].citations[0]", "measures[0].citations[1]"])
        XCTAssertEqual(o35.filter { $0.kind == .notPrinted }, [])
    }
}
