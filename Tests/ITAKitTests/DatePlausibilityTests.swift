import Foundation
import XCTest
@testable import ITAKit
import ThaiFormat

/// Dates that parse but are unlikely for the document, and dates that parse as a shape but do not exist.
final class DatePlausibilityTests: XCTestCase {
    private func data(document: String = "o34", assessed: Int = 2567, signed: String?) -> String {
        """
        fiscal_year: 2568
        document: \(document)
        assessment:
          year: \(assessed)
          indicators: {1: 99.39, 2: 97.71, 3: 97.65, 4: 98.21, 5: 98.82, 6: 98.97, 7: 99.09, 8: 96.60, 9: 100, 10: 100}
          official: {total: 98.97, level: ผ่านดีเยี่ยม}
        """ + (signed.map { "\nsignatory:\n  name: นายทดสอบ\n  date: \($0)\n" } ?? "\n")
    }

    private func findings(_ text: String, _ kind: Diagnostic.Kind) -> [Diagnostic] {
        ReportLoader.load(text: text, file: "t.yaml").diagnostics.filter { $0.kind == kind }
    }

    func testSigningDateAfterTheFiscalYearWarns() throws {
        let found = findings(data(signed: "2569-03-31"), .dateOutsideFiscalYear)
        XCTAssertEqual(found.count, 1)
        let d = try XCTUnwrap(found.first)
        XCTAssertEqual(d.severity, .warning)
        XCTAssertEqual(d.path, "signatory.date")
        XCTAssertEqual(d.line, 9)
        XCTAssertTrue(d.message.contains("31 มีนาคม 2569"), d.message)
        XCTAssertTrue(d.message.contains("after that fiscal year ended (30 กันยายน 2568)"), d.message)
    }

    func testSigningDateYearsAfterTheFiscalYearIsAnError() throws {
        let d = try XCTUnwrap(findings(data(signed: "2668-03-31"), .dateOutsideFiscalYear).first)
        XCTAssertEqual(d.severity, .error)
        XCTAssertEqual(d.line, 9)
        XCTAssertNotNil(d.hint)
    }

    func testSigningDateLongBeforeTheFiscalYearWarns() {
        let found = findings(data(signed: "2567-06-30"), .dateOutsideFiscalYear)
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found.first?.message.contains("more than 3 months before that fiscal year starts (1 ตุลาคม 2567)") == true,
                      found.first?.message ?? "")
    }

    func testSigningDateWithinTheYearOrTheGraceIsQuiet() {
        // The grace starts on 1 July of the year before; the fiscal year ends on 30 September.
        for day in ["2567-07-01", "2567-09-15", "2567-10-01", "2568-03-31", "2568-09-30", "2025-03-31"] {
            XCTAssertEqual(findings(data(signed: day), .dateOutsideFiscalYear), [], day)
        }
        XCTAssertEqual(findings(data(signed: "2568-10-01"), .dateOutsideFiscalYear).count, 1)
    }

    func testBEWrittenTwiceIsNamed() {
        // 3111 reads as BE 3111 = CE 2568: the BE year was converted twice.
        let found = findings(data(signed: "3111-03-31"), .dateOutsideFiscalYear)
        XCTAssertTrue(found.first?.hint?.contains("BE written twice") == true, "\(found)")
    }

    func testO34MustAnalyseTheYearBefore() throws {
        for year in [2568, 2566, 2565] {
            let found = findings(data(assessed: year, signed: nil), .implausibleYear)
            XCTAssertEqual(found.count, 1, "\(year): \(found)")
            let d = try XCTUnwrap(found.first)
            XCTAssertEqual(d.severity, .warning)
            XCTAssertEqual(d.path, "assessment.year")
            XCTAssertTrue(d.message.contains("analyses the ITA of 2567, but assessment.year is \(year)"), d.message)
        }
        XCTAssertEqual(findings(data(assessed: 2567, signed: nil), .implausibleYear), [])
        // The analysis report of 2568 analyses the ITA of 2568 itself, and an O35 reports on its own year.
        XCTAssertEqual(findings(data(document: "analysis", assessed: 2568, signed: nil), .implausibleYear), [])
        XCTAssertEqual(findings(data(document: "o35", assessed: 2568, signed: nil), .implausibleYear), [])
    }

    func testAWellFormedDayThatDoesNotExistSaysSo() throws {
        let found = findings(data(signed: "2568-02-29"), .invalidDate)
        let d = try XCTUnwrap(found.first)
        XCTAssertEqual(d.severity, .error)
        XCTAssertEqual(d.line, 9)
        XCTAssertTrue(d.message.contains("the day does not exist, กุมภาพันธ์ 2568 has 28 days (2568 is not a leap year)"), d.message)
        // 2567 (CE 2024) is a leap year: 29 February exists.
        XCTAssertEqual(findings(data(signed: "2567-02-29"), .invalidDate), [])
    }

    func testDateProblemsAreTold() {
        XCTAssertNil(DateProblem.of("2568-03-15"))
        XCTAssertEqual(DateProblem.of("15/03/2568"), .notADate("15/03/2568"))
        XCTAssertEqual(DateProblem.of("2568-13-01"), .noSuchMonth("2568-13-01", month: 13))
        XCTAssertEqual(DateProblem.of("2568-04-31"), .noSuchDay("2568-04-31", day: 31, month: 4, beYear: 2568, days: 30))
        XCTAssertEqual(DateProblem.of("๒๕๖๘-๐๒-๒๙"), .noSuchDay("๒๕๖๘-๐๒-๒๙", day: 29, month: 2, beYear: 2568, days: 28))
        XCTAssertEqual(DateProblem.of("2025-02-29")?.description,
                       "'2025-02-29': the day does not exist, กุมภาพันธ์ 2568 has 28 days (2568 is not a leap year); check the day and the month")
        XCTAssertTrue(DateProblem.of("2568-3-x")?.description.contains("write it as YYYY-MM-DD") == true)
    }
}
