import Foundation
import ITAKit
@testable import ITAReports
import OfficePackage
import TemplateEngine
import XCTest

/// What the clerk writes is what the documents say: each field reaches the shipped templates, in DOCX and ODT.
final class ContractDocumentsTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws { dir = try BatchFixture.temporaryFolder(self, "contract") }

    private let header = """
    organization: {name: เทศบาลตำบลทดลองสัญญา, district: เมือง, province: ชัยภูมิ}
    signatory: {name: นายทดลอง ใจดี, position: นายกเทศมนตรี, date: 2568-09-30}

    """

    private let ten = "{1: 99.39, 2: 97.71, 3: 97.65, 4: 98.21, 5: 98.82, 6: 98.97, 7: 99.09, 8: 96.60, 9: 93.25, 10: 100}"

    /// Writes `yaml`, generates `kinds` in both formats, and returns the outputs with their text (body and header).
    private func generate(_ yaml: String, _ kinds: [ReportKind], name: String = "data.yaml") throws
        -> (loaded: ReportLoader.Result, outputs: [(output: ReportGenerator.Output, text: String, header: String)]) {
        let url = dir.appendingPathComponent(name)
        try yaml.write(to: url, atomically: true, encoding: .utf8)
        let loaded = ReportLoader.load(path: url.path)
        XCTAssertFalse(loaded.hasErrors, loaded.diagnostics.map(\.description).joined(separator: "\n"))
        let out = dir.appendingPathComponent("out-\(UUID().uuidString.prefix(6))")
        let result = try ReportGenerator(templateDirectory: BatchFixture.templates).generate(
            loaded: loaded, dataURL: url, kinds: kinds, formats: [.docx, .odt], outputDirectory: out)
        XCTAssertEqual(result.outputs.count, kinds.count * 2)
        return (loaded, try result.outputs.map { o in
            let pkg = try OfficePackage(contentsOf: o.url)
            let headerPart = pkg.kind == .docx ? "word/header1.xml" : "styles.xml"
            let xml = String(decoding: try pkg.read(headerPart), as: UTF8.self)
            let headerText = pkg.kind == .docx
                ? xml.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
                : (xml.range(of: #"<style:header>.*?</style:header>"#, options: .regularExpression).map { String(xml[$0]) } ?? "")
                    .replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
            // Read as a search sees it: word joiners (which keep words whole) out, no-break spaces as spaces.
            let body = try DocumentText(o.url).all + "\n" + (try DocumentText(o.url).tables.flatMap { $0.flatMap { $0 } }.joined(separator: "\n"))
            return (o, body.unicodeScalars.filter { $0 != "\u{2060}" && $0 != "\u{200B}" }.map(String.init).joined().replacingOccurrences(of: "\u{00A0}", with: " "), headerText)
        })
    }

    func testTheAnalysisReportPrintsTheOrganisationsOwnTextsAndEachMeasuresIndicator() throws {
        let yaml = "fiscal_year: 2568\ndocument: analysis\n" + header + """
        assessment: {year: 2567, indicators: \(ten)}
        analysis:
          rationale: |
            ย่อหน้าแรกของหลักการ MARK-RATIONALE-1
            ต่อบรรทัดเดียวกัน

            ย่อหน้าที่สอง MARK-RATIONALE-2
          overview: ภาพรวม MARK-OVERVIEW
          strengths: จุดแข็ง MARK-STRENGTHS
          weaknesses: จุดอ่อน MARK-WEAKNESSES
        measures:
          - indicators: [9]
            title: เรื่องที่หนึ่ง
            analysis: วิเคราะห์ของมาตรการเอง MARK-MEASURE-ANALYSIS
            steps: [ขั้นหนึ่ง]
            owners: [สำนักปลัด]
            period: {from: 2568-10-01, to: 2569-09-30}
          - questions: [i4]
            title: เรื่องที่สอง MARK-BY-QUESTION
            steps: [ขั้นหนึ่ง]
            owners: [กองคลัง]
            period: ตลอดปีงบประมาณ
          - issue: 4
            title: เรื่องที่สาม MARK-BY-ISSUE
            steps: [ขั้นหนึ่ง]
            owners: [กองช่าง]
            period: ตลอดปีงบประมาณ

        """
        let (loaded, outputs) = try generate(yaml, [.analysis])
        XCTAssertFalse(loaded.diagnostics.contains { $0.kind == .periodOutsideFiscalYear },
                       "the analysis report's measures run in the next fiscal year: \(loaded.diagnostics)")
        for o in outputs {
            let t = o.text
            let name = o.output.url.lastPathComponent
            for mark in ["MARK-RATIONALE-1 ต่อบรรทัดเดียวกัน", "MARK-RATIONALE-2", "MARK-OVERVIEW", "MARK-STRENGTHS",
                         "MARK-WEAKNESSES", "MARK-MEASURE-ANALYSIS"] {
                XCTAssertTrue(t.contains(mark), "\(name): \(mark)")
            }
            XCTAssertFalse(t.contains("เป็นเครื่องมือที่สำนักงาน ป.ป.ช. ใช้วัดระดับ"), "no fixed wording in place of the rationale")
            // The ตัวชี้วัด column: from the question code (i4 → 2) and from the issue (4 → indicator 4).
            XCTAssertTrue(t.contains("ตัวชี้วัดที่ 2 การใช้งบประมาณ"), name)
            XCTAssertTrue(t.contains("ตัวชี้วัดที่ 4 การใช้ทรัพย์สินของราชการ"), name)
            // The 2568 form prints days, as the real reports do; the second date starts its own line.
            XCTAssertTrue(t.contains("1 ตุลาคม 2568 ถึง"), name)
            XCTAssertTrue(t.contains("30 กันยายน 2569"), name)
            XCTAssertFalse(t.contains("ถึง 30 กันยายน"), "\(name): the second date on its own line")
        }
        let grid = try XCTUnwrap(outputs.first { $0.output.format == .docx })
        let rows = try DocumentText(grid.output.url).tables.last?.filter { $0.contains { $0.contains("MARK-BY-QUESTION") || $0.contains("MARK-BY-ISSUE") } } ?? []
        XCTAssertEqual(rows.count, 2)
        XCTAssertFalse(rows.contains { $0.first == "-" }, "never '-' when the data says which indicator: \(rows)")
    }

    func testWithoutItsOwnTextTheAnalysisReportPrintsWrittenOnes() throws {
        let yaml = "fiscal_year: 2568\ndocument: analysis\n" + header + """
        assessment: {year: 2567, indicators: \(ten)}
        measures:
          - indicators: [9]
            title: เรื่องที่หนึ่ง
            steps: [ขั้นหนึ่ง]
            owners: [สำนักปลัด]
            period: ตลอดปีงบประมาณ

        """
        let url = dir.appendingPathComponent("bare.yaml")
        try yaml.write(to: url, atomically: true, encoding: .utf8)
        let loaded = ReportLoader.load(path: url.path)
        let filled = try XCTUnwrap(try loaded.filled())
        let (_, outputs) = try generate(yaml, [.analysis], name: "bare.yaml")
        for path in ["analysis.rationale", "analysis.overview", "analysis.strengths", "analysis.weaknesses"] {
            let text = try XCTUnwrap(filled.generated.first { $0.path == path }?.text, path)
            let first = try XCTUnwrap(ReportViewBuilder.paragraphTexts(text).first)
            for o in outputs { XCTAssertTrue(o.text.contains(String(first.prefix(40))), "\(o.output.url.lastPathComponent): \(path)") }
        }
    }

    private func o35(formYear: Int) -> String {
        // The shared header signs on 2568-09-30: the 2564 document is signed at the end of its own year.
        "fiscal_year: \(formYear == 2564 ? 2564 : 2568)\ndocument: o35\n"
            + header.replacingOccurrences(of: "date: 2568-09-30", with: "date: \(formYear == 2564 ? 2564 : 2568)-09-30") + """
        assessment: {year: \(formYear == 2564 ? 2563 : 2567), indicators: {4: 95.61}}
        options: {form_year: \(formYear)}
        measures:
          - title: มาตรการ ก
            steps: [แผนที่วางไว้ MARK-PLANNED-A]
            owners: [สำนักปลัด]
            period: ตลอดปีงบประมาณ
            details: [ทำข้อหนึ่ง MARK-DETAIL-A1, ทำข้อสอง MARK-DETAIL-A2]
            summary: สรุปรวม MARK-SUMMARY-A
            outcome: ผลที่ได้ MARK-OUTCOME-A
            dates: [\(formYear == 2564 ? 2564 : 2568)-05-10]
            suggestion: ควรทำต่อ MARK-SUGGESTION-A
          - title: มาตรการ ข
            steps: [แผนที่วางไว้ MARK-PLANNED-B]
            owners: [กองคลัง]
            period: ตลอดปีงบประมาณ
            summary: สรุปสิ่งที่ทำ MARK-SUMMARY-B
            citations: [{indicator: 4}, {question: e9}]
            dates: [\(formYear == 2564 ? 2564 : 2568)-06-01]
            suggestion: ควรขยายผล MARK-SUGGESTION-B

        """
    }

    func testO35BothFormsPrintWhatWasDoneAndWhatCameOfItInTheirOwnColumns() throws {
        for form in [2567, 2564] {
            let (_, outputs) = try generate(o35(formYear: form), [.o35], name: "o35-\(form).yaml")
            for o in outputs {
                let name = "\(form) \(o.output.url.pathExtension)"
                let t = o.text
                for mark in ["MARK-DETAIL-A1", "MARK-DETAIL-A2", "MARK-SUMMARY-A", "MARK-OUTCOME-A", "MARK-SUMMARY-B"] {
                    XCTAssertTrue(t.contains(mark), "\(name): \(mark)")
                }
                // B's outcome is written from its citations; the cited score is quoted; e9 has none.
                XCTAssertTrue(t.contains("95.61"), name)
                XCTAssertTrue(t.contains("ข้อ e9"), name)
                XCTAssertFalse(t.contains("ได้คะแนน )") || t.contains("ได้คะแนน)"), "\(name): no empty score")
                if form == 2567 {
                    XCTAssertFalse(t.contains("MARK-PLANNED"), "\(name): planned steps are never printed as what was done")
                    XCTAssertFalse(t.contains("MARK-SUGGESTION"), name)
                } else {
                    for mark in ["MARK-SUGGESTION-A", "MARK-SUGGESTION-B", "MARK-PLANNED-A"] {
                        XCTAssertTrue(t.contains(mark), "\(name): \(mark)")
                    }
                    XCTAssertTrue(t.contains("10 พ.ค. 64"), "\(name): the days of the activities")
                }
                // Both columns of the 2567 grid: what was done and what came of it are separate cells.
                if form == 2567, o.output.format == .docx {
                    let row = try XCTUnwrap(try DocumentText(o.output.url).tables.last?.first { $0.contains { $0.contains("MARK-SUMMARY-B") } })
                    let done = try XCTUnwrap(row.firstIndex { $0.contains("MARK-SUMMARY-B") })
                    XCTAssertFalse(row[done].contains("95.61"))
                    XCTAssertTrue(row[done + 1].contains("95.61"), "\(row)")
                    // A measure with both: the details and the summary share the cell of what was done.
                    let rowA = try XCTUnwrap(try DocumentText(o.output.url).tables.last?.first { $0.contains { $0.contains("MARK-DETAIL-A1") } })
                    XCTAssertTrue(rowA.contains { $0.contains("MARK-DETAIL-A2") && $0.contains("MARK-SUMMARY-A") && !$0.contains("MARK-OUTCOME-A") }, "\(rowA)")
                }
            }
        }
    }

    /// An O35 with no assessment, its scores given in the citations: indicators and questions are named
    /// from the year's catalog (never "ตัวชี้วัดที่ 1 ตัวชี้วัดที่ 1"), and the outcome is written from the
    /// citations, so `check` does not ask for it.
    func testAnO35WithoutAnAssessmentNamesItsCitationsAndWritesTheirOutcome() throws {
        let yaml = """
        fiscal_year: 2568
        document: o35
        \(header)measures:
          - title: มาตรการให้บริการตามคู่มือ
            summary: ใช้คู่มือบริการทุกจุดบริการ MARK-DONE
            citations: [{indicator: 1, score: 90.50}, {question: e9, score: 84.51}]

        """
        let (loaded, outputs) = try generate(yaml, [.o35], name: "o35-no-assessment.yaml")
        XCTAssertNotNil(loaded.catalog, "the catalog of the year before the fiscal year")
        XCTAssertEqual(CompletenessChecker.check(try XCTUnwrap(loaded.data), catalog: loaded.catalog), [])
        for o in outputs {
            let t = o.text
            XCTAssertTrue(t.contains("MARK-DONE"), o.output.url.lastPathComponent)
            XCTAssertTrue(t.contains("ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่"), t)
            XCTAssertFalse(t.contains("ตัวชี้วัดที่ 1 ตัวชี้วัดที่ 1"), t)
            XCTAssertTrue(t.contains("90.50") && t.contains("84.51"), t)
            XCTAssertFalse(o.output.url.lastPathComponent.contains("ร่าง"), "complete: no draft")
        }
    }

    func testADraftIsMarkedInItsHeaderAndFileNameUntilComplete() throws {
        let complete = o35(formYear: 2567)
        let draft = complete.replacingOccurrences(of: "    summary: สรุปสิ่งที่ทำ MARK-SUMMARY-B\n", with: "")
        let (_, drafts) = try generate(draft, [.o35], name: "draft.yaml")
        for o in drafts {
            XCTAssertTrue(o.output.draft)
            XCTAssertTrue(o.output.url.deletingPathExtension().lastPathComponent.hasSuffix("_ร่าง"), o.output.url.lastPathComponent)
            XCTAssertTrue(o.header.contains("ร่าง"), "\(o.output.url.lastPathComponent): \(o.header)")
        }
        let (_, finals) = try generate(complete, [.o35], name: "final.yaml")
        for o in finals {
            XCTAssertFalse(o.output.draft)
            XCTAssertEqual(o.output.url.deletingPathExtension().lastPathComponent, "O35_เทศบาลตำบลทดลองสัญญา_2568")
            XCTAssertFalse(o.header.contains("ร่าง"), o.header)
        }
    }

    /// Blanks the form would print (a question score of the issue tables, the district, the 2564 form's text for a
    /// weak indicator) make the document a draft.
    func testPrintedBlanksMakeTheO34ADraft() throws {
        let sisaket = try String(contentsOf: BatchFixture.example("sisaket-2568.yaml"), encoding: .utf8)
        XCTAssertTrue(sisaket.contains("    i2: 99.50\n") && sisaket.contains("  district: เมืองศรีสะเกษ\n"))
        for (name, text) in [("noi2.yaml", sisaket.replacingOccurrences(of: "    i2: 99.50\n", with: "")),
                             ("nodistrict.yaml", sisaket.replacingOccurrences(of: "  district: เมืองศรีสะเกษ\n", with: ""))] {
            let url = dir.appendingPathComponent(name)
            try text.write(to: url, atomically: true, encoding: .utf8)
            let loaded = ReportLoader.load(path: url.path)
            XCTAssertFalse(loaded.hasErrors, loaded.diagnostics.map(\.description).joined(separator: "\n"))
            let result = try ReportGenerator(templateDirectory: BatchFixture.templates).generate(
                loaded: loaded, dataURL: url, kinds: [.o34], formats: [.docx], outputDirectory: dir.appendingPathComponent("out-\(name)"))
            for o in result.outputs {
                XCTAssertTrue(o.draft, name)
                XCTAssertTrue(o.url.deletingPathExtension().lastPathComponent.hasSuffix("_ร่าง"), o.url.lastPathComponent)
            }
        }
        let early = try String(contentsOf: BatchFixture.example("khlongsaensaep-2564.yaml"), encoding: .utf8)
        let a = try XCTUnwrap(early.range(of: "analysis:\n")), m = try XCTUnwrap(early.range(of: "measures:\n"))
        let (_, outputs) = try generate(early.replacingCharacters(in: a.lowerBound..<m.lowerBound, with: ""), [.o34, .analysis],
                                        name: "k64.yaml")
        let o34 = outputs.filter { $0.output.kind == .o34 }
        XCTAssertFalse(o34.isEmpty)
        for o in o34 { XCTAssertTrue(o.output.draft, "a weak indicator's column would print a dash: \(o.output.url.lastPathComponent)") }
    }

    /// A provincial administrative organisation has no district: no form prints "อำเภอ" before an empty
    /// one, and an organisation with a district still has it printed.
    func testAnOrganisationWithoutADistrictPrintsNoEmptyDistrict() throws {
        let sisaket = try String(contentsOf: BatchFixture.example("sisaket-2568.yaml"), encoding: .utf8)
        let provincial = sisaket.replacingOccurrences(of: "  district: เมืองศรีสะเกษ\n", with: "")
            .replacingOccurrences(of: "name: เทศบาลเมืองศรีสะเกษ", with: "name: องค์การบริหารส่วนจังหวัดศรีสะเกษ")
        XCTAssertNotEqual(provincial, sisaket)
        XCTAssertFalse(provincial.contains("district:"))
        let (_, outputs) = try generate(provincial, [.o34, .analysis], name: "pao.yaml")
        for o in outputs {
            XCTAssertFalse(o.text.contains("อำเภอ"), "\(o.output.url.lastPathComponent) prints an empty district")
            XCTAssertTrue(o.text.contains("จังหวัดศรีสะเกษ"), o.output.url.lastPathComponent)
        }
        let (_, withDistrict) = try generate(sisaket, [.o34, .analysis], name: "sisaket.yaml")
        for o in withDistrict { XCTAssertTrue(o.text.contains("อำเภอเมืองศรีสะเกษ"), o.output.url.lastPathComponent) }
    }

    func testPeriodsPrintTheirDaysWhenAsked() throws {
        let base = "fiscal_year: 2568\ndocument: o34\n" + header + """
        assessment: {year: 2567, indicators: \(ten)}
        measures:
          - issue: 1
            title: มาตรการ
            steps: [ขั้น]
            owners: [สำนักปลัด]
            period: {from: 2567-10-15, to: 2567-10-20}

        """
        let (_, months) = try generate(base, [.o34], name: "months.yaml")
        let (_, days) = try generate(base + "options: {period_days: true}\n", [.o34], name: "days.yaml")
        for o in months {
            XCTAssertTrue(o.text.contains("ตุลาคม 2567 ถึง ตุลาคม 2567"), o.output.url.lastPathComponent)
            XCTAssertFalse(o.text.contains("15 ตุลาคม"), "O34 prints months unless asked")
        }
        for o in days { XCTAssertTrue(o.text.contains("15 ตุลาคม 2567 ถึง 20 ตุลาคม 2567"), o.output.url.lastPathComponent) }
    }

    func testExtraOrganisationFieldsReachTheView() throws {
        let loaded = ReportLoader.load(text: "fiscal_year: 2568\norganization:\n  name: ทดลอง\n  address: 99 หมู่ 1\n  email: a@b.go.th\n  phone: \"044-000-000\"\n  provnce: ชัยภูมิ\n", file: "t.yaml")
        let typo = loaded.diagnostics.first { $0.path == "organization.provnce" }
        XCTAssertEqual(typo?.severity, .error)
        XCTAssertEqual(typo?.hint, "did you mean 'province'?")
        let data = try XCTUnwrap(loaded.data)
        XCTAssertEqual(data.organization?.extra, ["email": "a@b.go.th", "phone": "044-000-000"])
        let view = ReportViewBuilder(data: data, scores: nil, catalog: nil, baseDirectory: dir).view(for: ReportForm(kind: .o35, year: 2567))
        XCTAssertEqual(view["org"]?["email"], "a@b.go.th")
        XCTAssertEqual(view["org"]?["address"], "99 หมู่ 1")
        XCTAssertEqual(view["org"]?["phone"], "044-000-000")
    }
}
