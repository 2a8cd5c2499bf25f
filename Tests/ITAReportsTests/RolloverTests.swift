import Foundation
@testable import ITAKit
import ITAReports
import XCTest

final class RolloverTests: XCTestCase {
    private func rolled() throws -> (o35: YearRollover.RolledFile, o34: YearRollover.RolledFile, source: ReportData) {
        let source = try XCTUnwrap(ReportLoader.load(path: BatchFixture.example("sisaket-2568.yaml").path).data)
        let files = try YearRollover.roll(source, to: 2569)
        XCTAssertEqual(files.map(\.document), [.o35, .o34])
        return (files[0], files[1], source)
    }

    func testO35OfThisYearCarriesTheMeasuresWithResultsToFill() throws {
        let (o35, _, source) = try rolled()
        XCTAssertEqual(o35.suggestedName(from: "sisaket-2568"), "sisaket-o35-2568.yaml")
        XCTAssertTrue(o35.text.hasPrefix("# "), "a comment at the top says what was carried")
        XCTAssertTrue(o35.text.contains(DataFileWriter.fillMarker))

        let loaded = ReportLoader.load(text: o35.text, file: "sisaket-o35-2568.yaml")
        XCTAssertFalse(loaded.hasErrors, "\(loaded.diagnostics.errors)")
        let data = try XCTUnwrap(loaded.data)
        XCTAssertEqual(data.fiscalYear, 2568)
        XCTAssertEqual(data.document, .o35)
        XCTAssertEqual(data.organization, source.organization)
        XCTAssertEqual(data.assessment, source.assessment)
        let measures = try XCTUnwrap(data.measures)
        XCTAssertEqual(measures.count, source.measures?.count)
        for (m, s) in zip(measures, source.measures ?? []) {
            XCTAssertEqual(m.title, s.title)
            // The 2567 form prints no plan: the steps stay beside the measure as a comment, not as data
            // that the form would leave out.
            XCTAssertNil(m.steps); XCTAssertNil(m.owners); XCTAssertNil(m.period)
            XCTAssertTrue(o35.text.contains("# แผน: " + (s.steps ?? []).joined(separator: " / ")))
            XCTAssertNil(m.summary); XCTAssertNil(m.details); XCTAssertNil(m.outcome); XCTAssertNil(m.dates)
        }
        XCTAssertFalse(loaded.diagnostics.contains { $0.kind == .notPrinted }, "\(loaded.diagnostics)")
        // Every measure's results the form prints are marked to fill, and the checker lists them as missing.
        for field in ["summary", "details", "outcome", "citations"] {
            XCTAssertEqual(o35.toFill.keys.filter { $0.hasSuffix(".\(field)") }.count, measures.count, field)
        }
        XCTAssertFalse(o35.toFill.keys.contains { $0.hasSuffix(".suggestion") || $0.hasSuffix(".dates") }, "the 2567 form prints neither")
        let gaps = CompletenessChecker.check(data, catalog: loaded.catalog)
        XCTAssertEqual(gaps.filter { $0.path.hasSuffix(".details") }.count, measures.count, "\(gaps)")
        // With results still empty, O35 cannot be written, and generate says why.
        XCTAssertNotNil(ReportGenerator.possibleReports(data)[.o35] ?? nil)
    }

    /// The 2564 form prints the plan, the results, the days and a suggestion: rollover carries the plan as
    /// data and marks each result field, and check asks for each of them.
    func testO35OfThe2564FormAsksForResultsDaysAndSuggestions() throws {
        let source = try XCTUnwrap(ReportLoader.load(path: BatchFixture.example("khlongsaensaep-2564.yaml").path).data)
        let o35 = try XCTUnwrap(try YearRollover.roll(source, to: 2565).first)
        let loaded = ReportLoader.load(text: o35.text, file: "o35.yaml")
        XCTAssertFalse(loaded.hasErrors, "\(loaded.diagnostics.errors)")
        let data = try XCTUnwrap(loaded.data)
        XCTAssertEqual(data.measures?.first?.steps, source.measures?.first?.steps, "the 2564 form prints the plan")
        XCTAssertEqual(data.measures?.map(\.indicators), source.measures?.map(\.indicators))
        XCTAssertTrue(o35.text.contains("  - indicators: [9]\n"), "indicator numbers are written as numbers, not quoted texts")
        XCTAssertFalse(o35.text.contains("indicators: [\""))
        let n = data.measures?.count ?? 0
        for field in ["summary", "details", "outcome", "citations", "dates", "suggestion"] {
            XCTAssertEqual(o35.toFill.keys.filter { $0.hasSuffix(".\(field)") }.count, n, field)
        }
        XCTAssertTrue(o35.text.contains("suggestion:   # \(DataFileWriter.fillMarker)"))
        let gaps = CompletenessChecker.check(data, catalog: loaded.catalog)
        XCTAssertEqual(gaps.filter { $0.path.hasSuffix(".suggestion") }.count, n, "\(gaps)")
        XCTAssertEqual(gaps.filter { $0.path.hasSuffix(".dates") }.count, n)
        // Filled in, nothing is missing.
        var filled = data
        filled.measures = data.measures?.map { m in
            var m = m
            m.summary = "ทำแล้ว"; m.outcome = "ได้ผล"; m.dates = [CalendarDateValue(beYear: 2564, month: 5, day: 10)!]
            m.suggestion = "ทำต่อเนื่อง"
            return m
        }
        XCTAssertEqual(CompletenessChecker.check(filled, catalog: loaded.catalog), [])
    }

    func testDraftO34OfNextYearMovesPeriodsAndEmptiesTheScores() throws {
        let (_, o34, source) = try rolled()
        XCTAssertEqual(o34.suggestedName(from: "sisaket-2568"), "sisaket-o34-2569.yaml")
        let loaded = ReportLoader.load(text: o34.text, file: "sisaket-o34-2569.yaml")
        XCTAssertFalse(loaded.hasErrors, "\(loaded.diagnostics.errors)")
        XCTAssertFalse(loaded.diagnostics.contains { $0.kind == .periodOutsideFiscalYear }, "\(loaded.diagnostics)")
        let data = try XCTUnwrap(loaded.data)
        XCTAssertEqual(data.fiscalYear, 2569)
        XCTAssertEqual(data.document, .o34)
        XCTAssertEqual(data.assessment?.year, 2568)
        XCTAssertTrue((data.assessment?.indicators ?? [:]).isEmpty)
        XCTAssertNil(data.assessment?.official?.total)
        XCTAssertNil(data.analysis?.issues, "last year's analysis is not carried")
        XCTAssertEqual(data.limitations, source.limitations)
        let first = try XCTUnwrap(data.measures?.first?.period)
        XCTAssertEqual(first.from, CalendarDateValue(beYear: 2569, month: 4, day: 1))
        XCTAssertEqual(first.to, CalendarDateValue(beYear: 2569, month: 9, day: 30))
        XCTAssertEqual(data.measures?.map(\.title), source.measures?.map(\.title))
        XCTAssertNotNil(ReportGenerator.possibleReports(data)[.o34] ?? nil, "no scores yet: O34 cannot be written")
    }

    /// Once the marked fields are filled in, both files generate.
    func testBothGenerateOnceFilled() throws {
        let (o35, o34, _) = try rolled()
        let dir = try BatchFixture.temporaryFolder(self, "rollover")
        let marker = "   # \(DataFileWriter.fillMarker)"
        func fill(_ text: String, _ values: [String: String]) -> String {
            text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
                guard let r = line.range(of: marker) else { return String(line) }
                let key = line[..<r.lowerBound].trimmingCharacters(in: .whitespaces)
                guard let value = values[key] else { return String(line) }
                return String(line[..<r.lowerBound]) + " " + value
            }.joined(separator: "\n")
        }
        let filled35 = fill(o35.text, ["summary:": "จัดทำแล้วเสร็จตามแผน", "outcome:": "บุคลากรปฏิบัติตามแนวทางครบทุกส่วนงาน",
                                       "dates:": "[2568-05-10]"])
        let filled34 = fill(o34.text, ["total:": "97.28", "level:": "ผ่านดี"])
            .replacingOccurrences(of: "indicators: {1: , 2: , 3: , 4: , 5: , 6: , 7: , 8: , 9: , 10: }",
                                  with: "indicators: {1: 100, 2: 100, 3: 100, 4: 100, 5: 100, 6: 98.71, 7: 98.81, 8: 98.76, 9: 93.25, 10: 95.00}")
        let exporter = BatchFixture.exporter()
        for (name, text, kind) in [("o35.yaml", filled35, ReportKind.o35), ("o34.yaml", filled34, .o34)] {
            let url = dir.appendingPathComponent(name)
            try text.write(to: url, atomically: true, encoding: .utf8)
            let loaded = ReportLoader.load(path: url.path)
            XCTAssertFalse(loaded.hasErrors, "\(name): \(loaded.diagnostics.errors)")
            XCTAssertNil(ReportGenerator.possibleReports(try XCTUnwrap(loaded.data))[kind] ?? nil, name)
            let files = try exporter.export(loaded: loaded, dataURL: url, kinds: [kind], formats: [.docx, .odt],
                                            outputDirectory: dir.appendingPathComponent("out")).files
            XCTAssertEqual(files.count, 2)
            for f in files {
                let body = try BatchFixture.documentText(f.url)
                XCTAssertTrue(body.contains("เทศบาลเมืองศรีสะเกษ"), f.url.lastPathComponent)
                XCTAssertFalse(body.contains("{{"), f.url.lastPathComponent)
            }
        }
    }

    /// The analysis report pairs its fiscal year with the ITA year it analyses: a rolled file analyses the next
    /// ITA year, and last year's rationale (which speaks of last year's results) is not carried.
    func testAnAnalysisReportRollsItsITAYearAndLeavesTheOldRationale() throws {
        let source = try XCTUnwrap(ReportLoader.load(path: BatchFixture.example("nongbua-2568.yaml").path).data)
        let oldRationale = try XCTUnwrap(source.analysis?.rationale)
        XCTAssertEqual(source.assessment?.year, 2568)
        let next = try XCTUnwrap(try YearRollover.roll(source, to: 2569).first { $0.fiscalYear == 2569 })
        let data = try XCTUnwrap(ReportLoader.load(text: next.text, file: "next.yaml").data)
        XCTAssertEqual(data.assessment?.year, 2569)
        XCTAssertNil(data.analysis?.rationale)
        XCTAssertFalse(next.text.contains(oldRationale.split(separator: "\n").first.map(String.init) ?? oldRationale))
        XCTAssertTrue(next.text.contains("analysis.rationale"), "the header says the rationale was not carried")
        XCTAssertTrue(next.text.hasPrefix("# รายงานการวิเคราะห์ผลการประเมิน ITA"), "the header names the analysis report, not O34")
        XCTAssertTrue(next.toFill["assessment.indicators"]?.contains("2569") == true, "\(next.toFill)")
        // An O34 keeps analysing the year before its own.
        let o34 = try XCTUnwrap(ReportLoader.load(path: BatchFixture.example("sisaket-2568.yaml").path).data)
        XCTAssertEqual(try YearRollover.roll(o34, to: 2569).last?.data.assessment?.year, 2568)
    }

    func testRefusesAnO35AndYearsNotAfter() throws {
        let source = try XCTUnwrap(ReportLoader.load(path: BatchFixture.example("sisaket-2568.yaml").path).data)
        XCTAssertThrowsError(try YearRollover.roll(source, to: 2568)) { XCTAssertTrue("\($0)".contains("--to 2569")) }
        var report = source
        report.document = .o35
        XCTAssertThrowsError(try YearRollover.roll(report, to: 2569))
    }

    func testFreeTextPeriodsMoveTheirYears() {
        XCTAssertEqual(YearRollover.moveYears(in: "ตุลาคม 2567 ถึง กันยายน 2568", by: 1), "ตุลาคม 2568 ถึง กันยายน 2569")
        XCTAssertEqual(YearRollover.moveYears(in: "ธ.ค.๒๕๖๓-มี.ค. ๒๕๖๔", by: 1), "ธ.ค.๒๕๖๔-มี.ค. ๒๕๖๕")
        XCTAssertEqual(YearRollover.moveYears(in: "ตลอดปีงบประมาณ", by: 1), "ตลอดปีงบประมาณ")
    }
}
