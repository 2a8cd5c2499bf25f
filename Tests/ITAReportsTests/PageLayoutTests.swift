import Foundation
import ITAKit
import ITAReports
import OfficePackage
import XCTest

/// Pagination as LibreOffice prints it, for every shipped example and every report it can fill: the
/// signature block has the document above it on its page, no heading ends a page, DOCX and ODT have
/// the same number of pages (within one page or 10 %), covers break where real covers do.
final class PageLayoutTests: XCTestCase {
    static let root = GeneratedReportsTests.root
    var out: URL!

    override func setUpWithError() throws {
        out = FileManager.default.temporaryDirectory.appendingPathComponent("itareport-pages-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: out) }

    struct Rendered {
        let name: String
        let docx: URL
        let docxPDF: URL
        let odtPDF: URL
    }

    /// Every report of every example, both formats, converted by LibreOffice in two runs.
    func renderExamples() throws -> [Rendered] {
        let examples = try FileManager.default.contentsOfDirectory(at: Self.root.appendingPathComponent("Examples"), includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "yaml" }.sorted { $0.path < $1.path }
        XCTAssertFalse(examples.isEmpty)
        var docx: [URL] = [], odt: [URL] = []
        for url in examples {
            let loaded = ReportLoader.load(path: url.path)
            let data = try XCTUnwrap(loaded.data, "\(url.lastPathComponent) does not load")
            let kinds = ReportGenerator.possibleReports(data).filter { $0.value == nil }.map(\.key).sorted { $0.rawValue < $1.rawValue }
            let dir = out.appendingPathComponent(url.deletingPathExtension().lastPathComponent)
            let (outputs, _) = try ReportGenerator(templateDirectory: GeneratedReportsTests.templates)
                .generate(loaded: loaded, dataURL: url, kinds: kinds, formats: [.docx, .odt], outputDirectory: dir)
            docx += outputs.filter { $0.format == .docx }.map(\.url)
            odt += outputs.filter { $0.format == .odt }.map(\.url)
        }
        let docxPDFs = try OfficeClients.convertToPDF(docx, into: out.appendingPathComponent("pdf-docx"))
        let odtPDFs = try OfficeClients.convertToPDF(odt, into: out.appendingPathComponent("pdf-odt"))
        return docx.compactMap { d in
            let base = d.deletingPathExtension().lastPathComponent
            guard let a = docxPDFs.first(where: { $0.deletingPathExtension().lastPathComponent == base }),
                  let b = odtPDFs.first(where: { $0.deletingPathExtension().lastPathComponent == base }) else { return nil }
            return Rendered(name: base, docx: d, docxPDF: a, odtPDF: b)
        }
    }

    func testExamplesPaginateForSigning() throws {
        try OfficeClients.require("soffice")
        let rendered = try renderExamples()
        XCTAssertGreaterThanOrEqual(rendered.count, 5, "every example's reports: \(rendered.map(\.name))")
        var report: [String] = []
        var problems: [String] = []
        for r in rendered {
            let headings = try PageLayoutCheck.headings(ofDOCX: r.docx)
            var counts: [String: Int] = [:]
            for (format, pdf) in [("DOCX", r.docxPDF), ("ODT", r.odtPDF)] {
                let check = try PageLayoutCheck(pdf: pdf)
                counts[format] = check.pages.count
                for p in check.signatureAlonePages() {
                    problems.append("\(r.name) \(format): the signature is alone on page \(p)")
                }
                for (p, h) in check.headingAtFootPages(headings) {
                    problems.append("\(r.name) \(format): heading '\(h)' ends page \(p)")
                }
            }
            let a = counts["DOCX"] ?? 0, b = counts["ODT"] ?? 0
            report.append("\(r.name): DOCX \(a) pages, ODT \(b) pages")
            if !PageLayoutCheck.pageCountsAgree(a, b) { problems.append("\(r.name): DOCX has \(a) pages, ODT \(b)") }
        }
        print(report.joined(separator: "\n"))
        XCTAssertEqual(problems, [], "\n" + problems.joined(separator: "\n"))
    }

    func testCoverLinesBreakWhereRealCoversDo() throws {
        try OfficeClients.require("soffice")
        let url = Self.root.appendingPathComponent("Examples/sisaket-2568.yaml")
        let loaded = ReportLoader.load(path: url.path)
        let (outputs, _) = try ReportGenerator(templateDirectory: GeneratedReportsTests.templates)
            .generate(loaded: loaded, dataURL: url, kinds: [.o34], formats: [.odt], outputDirectory: out)
        let pdfs = try OfficeClients.convertToPDF(outputs.map(\.url), into: out.appendingPathComponent("pdf"))
        let pdf = try XCTUnwrap(pdfs.first)
        let cover = try XCTUnwrap(PageLayoutCheck(pdf: pdf).pages.first).body.map { PageLayoutCheck.squeezed($0.text) }
        // Each on a line of its own, whole: the title's two parts, the year with its "พ.ศ.", the organisation.
        for line in ["มาตรการส่งเสริมคุณธรรมและความโปร่งใส", "ภายในหน่วยงาน", "ประจำปีงบประมาณพ.ศ.2568",
                     "การวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส", "ในการดำเนินงานของหน่วยงานภาครัฐ",
                     "ประจำปีงบประมาณพ.ศ.2567", "เทศบาลเมืองศรีสะเกษ", "อำเภอเมืองศรีสะเกษจังหวัดศรีสะเกษ"] {
            XCTAssertTrue(cover.contains(PageLayoutCheck.squeezed(line)), "cover line '\(line)' is not a line of its own: \(cover)")
        }
    }

    /// The development grid prints an indicator and its analysis once per run of the indicator's measures,
    /// in full-width rows above them, and never lets one analysis stand for the next indicator's measures,
    /// even when both read "-"; a measure with an analysis of its own gets it printed.
    func testAnalysisGridPrintsEachIndicatorsAnalysisOnceAboveItsMeasures() throws {
        let yaml = """
        fiscal_year: 2568
        document: analysis
        organization: {name: องค์การบริหารส่วนตำบลทดสอบ, district: เมือง, province: ชัยภูมิ}
        assessment:
          year: 2568
          indicators: {1: 100, 2: 100, 3: 100, 4: 100, 5: 100, 6: 98.71, 7: 98.81, 8: 98.76, 9: 93.25, 10: 95.00}
        analysis:
          rationale: หน่วยงานใช้ผลการประเมินปรับปรุงงาน
          indicators:
            8: ตัวชี้วัดที่ 8 ได้ 98.76 ควรรักษาระดับ
        measures:
          - {indicators: [8], title: กิจกรรมก, steps: [ขั้นที่หนึ่ง], owners: [สำนักปลัด], period: ตลอดปีงบประมาณ}
          - {indicators: [8], title: กิจกรรมข, steps: [ขั้นที่หนึ่ง], owners: [สำนักปลัด], period: ตลอดปีงบประมาณ}
          - {indicators: [8], title: กิจกรรมค, analysis: วิเคราะห์ของกิจกรรมคเอง, steps: [ขั้นที่หนึ่ง], owners: [สำนักปลัด], period: ตลอดปีงบประมาณ}
          - {indicators: [9], title: กิจกรรมง, steps: [ขั้นที่หนึ่ง], owners: [สำนักปลัด], period: ตลอดปีงบประมาณ}
          - {indicators: [10], title: กิจกรรมจ, steps: [ขั้นที่หนึ่ง], owners: [สำนักปลัด], period: ตลอดปีงบประมาณ}
          - {indicators: [10], title: กิจกรรมฉ, steps: [ขั้นที่หนึ่ง], owners: [สำนักปลัด], period: ตลอดปีงบประมาณ}
        signatory: {name: นายทดสอบ ระบบ, position: นายกองค์การบริหารส่วนตำบลทดสอบ, date: 2568-03-20}
        """
        let url = out.appendingPathComponent("groups.yaml")
        try yaml.write(to: url, atomically: true, encoding: .utf8)
        let loaded = ReportLoader.load(path: url.path)
        XCTAssertNotNil(loaded.data, loaded.diagnostics.map { "\($0)" }.joined(separator: "\n"))
        let (outputs, _) = try ReportGenerator(templateDirectory: GeneratedReportsTests.templates)
            .generate(loaded: loaded, dataURL: url, kinds: [.analysis], formats: [.docx, .odt], outputDirectory: out.appendingPathComponent("out"))
        for o in outputs {
            let pkg = try OfficePackage(contentsOf: o.url)
            // The grid's rows after its header, each as its text (joiners out) and whether it spans the table.
            var rows: [(wide: Bool, text: String)] = []
            @Sendable func plain(_ s: String) -> String {
                s.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
                    .unicodeScalars.filter { $0 != "\u{2060}" && $0 != "\u{200B}" }.map(String.init).joined()
            }
            if o.format == .docx {
                let xml = String(decoding: try pkg.read("word/document.xml"), as: UTF8.self)
                let grid = try XCTUnwrap(xml.components(separatedBy: "<w:tbl>").last(where: { plain($0).contains("กิจกรรมก") })?
                    .components(separatedBy: "</w:tbl>").first)
                for row in grid.components(separatedBy: "<w:tr>").dropFirst(2) where !row.contains("ลงชื่อ") {
                    rows.append((row.contains("<w:gridSpan w:val=\"4\"/>"), plain(row)))
                }
            } else {
                let xml = String(decoding: try pkg.read("content.xml"), as: UTF8.self)
                let grid = try XCTUnwrap(xml.components(separatedBy: "<table:table ").last(where: { plain($0).contains("กิจกรรมก") })?
                    .components(separatedBy: "</table:table>").first)
                let body = try XCTUnwrap(grid.components(separatedBy: "</table:table-header-rows>").last)
                for row in body.components(separatedBy: "<table:table-row").dropFirst() where !row.contains("ลงชื่อ") {
                    rows.append((row.contains("table:number-columns-spanned=\"4\""), plain("<" + row)))
                }
            }
            let layout = rows.map { r in r.wide ? (r.text.contains("ผลการวิเคราะห์") ? "A" : "I") : "M" }.joined()
            XCTAssertEqual(layout, "IAMMIAMIAMIAMM", "\(o.format): indicator, analysis, then its measures: \(rows.map(\.text))")
            let texts = rows.map(\.text)
            XCTAssertEqual(texts.filter { $0.contains("ควรรักษาระดับ") }.count, 1, "\(o.format): indicator 8's analysis once")
            XCTAssertTrue(texts[4].contains("ตัวชี้วัดที่ 8") && texts[5].contains("วิเคราะห์ของกิจกรรมคเอง"), "\(o.format): \(texts)")
            XCTAssertTrue(texts[7].contains("ตัวชี้วัดที่ 9") && texts[10].contains("ตัวชี้วัดที่ 10"), "\(o.format): \(texts)")
            XCTAssertFalse(texts.contains { !$0.contains("ผลการวิเคราะห์") && $0.contains("ควรรักษาระดับ") }, "no analysis repeated in a measure row")
        }
    }

    /// The analysis report's closing paragraph and signature are the grid's last row, and the last measure
    /// keeps with it: the page signed holds a measure of the grid (it once held the closing lines alone).
    func testAnalysisGridEndsWithItsClosingAndSignatureKeptWithTheLastMeasure() throws {
        let url = Self.root.appendingPathComponent("Examples/nongbua-2568.yaml")
        let loaded = ReportLoader.load(path: url.path)
        let (outputs, _) = try ReportGenerator(templateDirectory: GeneratedReportsTests.templates)
            .generate(loaded: loaded, dataURL: url, kinds: [.analysis], formats: [.docx, .odt], outputDirectory: out)
        func plain(_ s: String) -> String {
            s.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
                .unicodeScalars.filter { $0 != "\u{2060}" && $0 != "\u{200B}" }.map(String.init).joined()
        }
        for o in outputs {
            let pkg = try OfficePackage(contentsOf: o.url)
            let rows: [String]
            if o.format == .docx {
                let xml = String(decoding: try pkg.read("word/document.xml"), as: UTF8.self)
                let grid = try XCTUnwrap(xml.components(separatedBy: "<w:tbl>").first(where: { plain($0).contains("ลงชื่อ") })?
                    .components(separatedBy: "</w:tbl>").first)
                rows = grid.components(separatedBy: "<w:tr>").dropFirst().map { $0 }
                XCTAssertTrue(try XCTUnwrap(rows.dropLast().last).contains("<w:keepNext/>"), "the last measure keeps with the signature row")
            } else {
                let xml = String(decoding: try pkg.read("content.xml"), as: UTF8.self)
                let grid = try XCTUnwrap(xml.components(separatedBy: "<table:table ").first(where: { plain($0).contains("ลงชื่อ") })?
                    .components(separatedBy: "</table:table>").first)
                rows = grid.components(separatedBy: "<table:table-row").dropFirst().map { $0 }
                XCTAssertTrue(try XCTUnwrap(rows.dropLast().last).contains("ITAKeep_"), "the last measure keeps with the signature row")
            }
            let last = plain("<" + (rows.last ?? ""))
            XCTAssertTrue(last.contains("จะติดตามความก้าวหน้าของโครงการและกิจกรรมข้างต้น") && last.contains("ลงชื่อ"), "\(o.format): \(last)")
            XCTAssertTrue(plain("<" + (rows.dropLast().last ?? "")).contains("จัดกิจกรรมสร้างวัฒนธรรม"), "\(o.format): the last measure above it")
        }
    }

    /// A list's label fits "๑๐." (0.9 cm in TH SarabunPSK 16 pt) in both formats.
    func testListLabelsFitTwoThaiDigits() throws {
        for name in ["o34-2567", "analysis-2568"] {
            let docx = String(decoding: try OfficePackage(contentsOf: GeneratedReportsTests.templates.appendingPathComponent("\(name).docx")).read("word/numbering.xml"), as: UTF8.self)
            let hanging = docx.components(separatedBy: "w:hanging=\"").dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }
            XCTAssertFalse(hanging.isEmpty)
            for h in hanging { XCTAssertGreaterThanOrEqual(Double(h) / 567, 0.95, "\(name).docx: a hanging indent of \(h) twips is narrower than ๑๐.") }
            let odt = String(decoding: try OfficePackage(contentsOf: GeneratedReportsTests.templates.appendingPathComponent("\(name).odt")).read("styles.xml"), as: UTF8.self)
            let indents = odt.components(separatedBy: "fo:text-indent=\"-").dropFirst().compactMap { Double($0.prefix { $0.isNumber || $0 == "." }) }
            XCTAssertFalse(indents.isEmpty)
            for i in indents { XCTAssertGreaterThanOrEqual(i, 0.95, "\(name).odt: a list label of \(i) cm is narrower than ๑๐.") }
        }
    }

    // MARK: the check itself

    func testCheckFindsASignatureAloneAndAHeadingAtTheFoot() {
        let header = "level\tpage_num\tpar_num\tblock_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
        func word(_ page: Int, _ line: Int, _ top: Int, _ text: String) -> String { "5\t\(page)\t0\t\(line)\t0\t0\t100\t\(top)\t50\t20\t100\t\(text)\n" }
        let tsv = header
            + "1\t1\t0\t0\t0\t0\t0\t0\t595\t842\t-1\t###PAGE###\n" + word(1, 1, 100, "ข้อความ") + word(1, 2, 700, "ประเด็นที่ 4") + word(1, 3, 800, "1")
            + "1\t2\t0\t0\t0\t0\t0\t0\t595\t842\t-1\t###PAGE###\n" + word(2, 1, 100, "ประกาศ ณ วันที่ 1 มกราคม 2568") + word(2, 2, 130, "ลงชื่อ ....") + word(2, 3, 800, "2")
            + "1\t3\t0\t0\t0\t0\t0\t0\t595\t842\t-1\t###PAGE###\n" + word(3, 1, 100, "แถวสุดท้าย") + word(3, 2, 130, "ประกาศ ณ วันที่ 1 มกราคม 2568") + word(3, 3, 160, "ลงชื่อ ....")
        let check = PageLayoutCheck(pages: PageLayoutCheck.parse(tsv: tsv))
        XCTAssertEqual(check.pages.count, 3)
        XCTAssertEqual(check.signatureAlonePages(), [2])
        XCTAssertEqual(check.headingAtFootPages(["ประเด็นที่ 4"]).map(\.page), [1])
        XCTAssertEqual(check.headingAtFootPages(["ข้อความ"]).map(\.page), [])
        XCTAssertTrue(PageLayoutCheck.pageCountsAgree(25, 24))
        XCTAssertTrue(PageLayoutCheck.pageCountsAgree(20, 18))
        XCTAssertFalse(PageLayoutCheck.pageCountsAgree(25, 31))
    }
}
