import Foundation
import ITAKit
@testable import ITAReports
import OfficePackage
import OfficeXML
import XCTest

/// Rows kept whole when they surely fit on a page, left free to split when they may not (a row that may
/// not split and is taller than its page loses text in LibreOffice).
final class RowKeepingTests: XCTestCase {
    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    /// A paragraph of about `lines` lines in a 5 cm cell at 12 pt.
    static func text(lines: Int) -> String { String(repeating: "ข้อความทดสอบ", count: max(1, lines * 2)) }

    func docx(rows: String) -> String {
        """
        <w:document xmlns:w="\(Self.w)"><w:body>
        <w:tbl><w:tblPr><w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr>
        <w:tblGrid><w:gridCol w:w="2835"/><w:gridCol w:w="2835"/></w:tblGrid>\(rows)</w:tbl>
        <w:p/><w:sectPr><w:pgSz w:w="16838" w:h="11906"/><w:pgMar w:top="1418" w:bottom="1134" w:left="1701" w:right="1134"/></w:sectPr>
        </w:body></w:document>
        """
    }

    func row(_ a: String, _ b: String, props: String = "", merge: String = "") -> String {
        "<w:tr>\(props.isEmpty ? "" : "<w:trPr>\(props)</w:trPr>")<w:tc><w:tcPr>\(merge)</w:tcPr><w:p><w:r><w:t>\(a)</w:t></w:r></w:p></w:tc>"
            + "<w:tc><w:p><w:r><w:t>\(b)</w:t></w:r></w:p></w:tc></w:tr>"
    }

    func cantSplit(_ xml: String) throws -> [Bool] {
        let doc = try XMLDocument(data: Data(xml.utf8), name: "word/document.xml")
        RowKeeping().apply(to: doc, part: "word/document.xml", kind: .docx)
        let out = String(decoding: try doc.serialize(), as: UTF8.self)
        return out.components(separatedBy: "<w:tr>").dropFirst().map { $0.contains("<w:cantSplit/>") }
    }

    func testDOCXKeepsShortRowsWholeAndLeavesRowsTallerThanAPageFree() throws {
        let xml = docx(rows: row("หัว", "ตาราง", props: "<w:tblHeader/>") + row("สั้น", Self.text(lines: 3))
                       + row("ยาว", Self.text(lines: 60)) + row("ไม่แยก", "แล้ว", props: "<w:cantSplit/>"))
        XCTAssertEqual(try cantSplit(xml), [false, true, false, true])
    }

    func testARowIsKeptWithinItsShareOfThePageUnderTheHeader() {
        func row(_ h: Double, kept: Bool = false, header: Bool = false, merges: [(rows: Int, height: Double)] = [], known: Bool = true) -> RowKeeping.RowEstimate {
            .init(height: h, kept: kept, header: header, merges: merges, known: known)
        }
        // 500 pt of page, 50 of header: 427.5 pt for a row.
        let rows = [row(50, header: true), row(427), row(428), row(100, kept: true), row(100, known: false), row(10)]
        XCTAssertEqual(RowKeeping.rowsToKeep(rows, pageHeight: 500, share: 0.95), [1, 5])
        XCTAssertEqual(RowKeeping.rowsToKeep(rows, pageHeight: nil, share: 0.95), [])
        // A merged cell taller than the rows it spans leaves them free; one shorter does not.
        XCTAssertEqual(RowKeeping.rowsToKeep([row(100, merges: [(2, 250)]), row(100), row(100)], pageHeight: 500, share: 0.95), [2])
        XCTAssertEqual(RowKeeping.rowsToKeep([row(100, merges: [(2, 150)]), row(100), row(100)], pageHeight: 500, share: 0.95), [0, 1, 2])
    }

    /// Each table is judged against its own section's page: a row of about 26 lines fits a portrait
    /// page (25.2 cm) but not a landscape one (16.5 cm).
    func testDOCXTablesAreJudgedByTheirOwnSection() throws {
        let table = "<w:tbl><w:tblGrid><w:gridCol w:w=\"2835\"/><w:gridCol w:w=\"2835\"/></w:tblGrid>\(row("ก", Self.text(lines: 20)))</w:tbl>"
        let xml = """
        <w:document xmlns:w="\(Self.w)"><w:body>\(table)
        <w:p><w:pPr><w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1418" w:bottom="1134"/></w:sectPr></w:pPr></w:p>
        \(table)<w:p/><w:sectPr><w:pgSz w:w="16838" w:h="11906"/><w:pgMar w:top="1418" w:bottom="1134"/></w:sectPr>
        </w:body></w:document>
        """
        XCTAssertEqual(try cantSplit(xml), [true, false])
    }

    func testDOCXRowsUnderAMergedCellTallerThanThemStayFree() throws {
        let merged = docx(rows: row(Self.text(lines: 30), "หนึ่ง", merge: "<w:vMerge w:val=\"restart\"/>")
                          + row("", "สอง", merge: "<w:vMerge/>") + row("สาม", "สี่"))
        XCTAssertEqual(try cantSplit(merged), [false, false, true])
        let short = docx(rows: row("สั้น", "หนึ่ง", merge: "<w:vMerge w:val=\"restart\"/>") + row("", "สอง", merge: "<w:vMerge/>"))
        XCTAssertEqual(try cantSplit(short), [true, true])
    }

    func testODTKeepsShortRowsTogetherWithAStyleOfItsOwn() throws {
        let ns = """
        xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" \
        xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" \
        xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
        """
        func r(_ t: String) -> String { "<table:table-row><table:table-cell><text:p>\(t)</text:p></table:table-cell><table:table-cell><text:p>ก</text:p></table:table-cell></table:table-row>" }
        let xml = """
        <office:document-content \(ns)><office:automatic-styles>
        <style:style style:name="C" style:family="table-column"><style:table-column-properties style:column-width="5cm"/></style:style>
        </office:automatic-styles><office:body><office:text><text:p>ก่อน</text:p>
        <table:table><table:table-column table:style-name="C" table:number-columns-repeated="2"/>
        <table:table-header-rows>\(r("หัว"))</table:table-header-rows>\(r(Self.text(lines: 3)))\(r(Self.text(lines: 60)))</table:table>
        </office:text></office:body></office:document-content>
        """
        var keeping = RowKeeping()
        keeping.masterHeights = ["Standard": 467]
        let doc = try XMLDocument(data: Data(xml.utf8), name: "content.xml")
        XCTAssertEqual(keeping.apply(to: doc, part: "content.xml", kind: .odt), 1)
        let out = String(decoding: try doc.serialize(), as: UTF8.self)
        let rows = out.components(separatedBy: "<table:table-row").dropFirst()
        XCTAssertEqual(rows.map { $0.hasPrefix(" table:style-name=\"ITARowKeep\"") }, [false, true, false])
        XCTAssertTrue(out.contains("<style:style style:family=\"table-row\" style:name=\"ITARowKeep\"><style:table-row-properties fo:keep-together=\"always\"/>")
                      || out.contains("style:name=\"ITARowKeep\" style:family=\"table-row\""), out)
        // Without a known page nothing is kept.
        let again = try XMLDocument(data: Data(xml.utf8), name: "content.xml")
        XCTAssertEqual(RowKeeping().apply(to: again, part: "content.xml", kind: .odt), 0)
    }

    func testTheEstimateGrowsWithTextAndNarrowsWithWidth() {
        let text = Self.text(lines: 5)
        let wide = RowKeeping.paragraphHeight(lines: [text], size: 14, bold: false, width: 400, before: 0, after: 0)
        let narrow = RowKeeping.paragraphHeight(lines: [text], size: 14, bold: false, width: 100, before: 0, after: 0)
        XCTAssertGreaterThan(narrow, wide * 3)
        XCTAssertEqual(RowKeeping.paragraphHeight(lines: ["", ""], size: 10, bold: false, width: 100, before: 2, after: 3), 2 * 17.5 + 5, accuracy: 0.01)
        // A text as wide as its column is one line; a little wider, two.
        let one = RowKeeping.ems("ระยะเวลา") * 14
        XCTAssertEqual(RowKeeping.paragraphHeight(lines: ["ระยะเวลา"], size: 14, bold: false, width: one, before: 0, after: 0), 14 * 1.75, accuracy: 0.01)
        XCTAssertEqual(RowKeeping.paragraphHeight(lines: ["ระยะเวลา"], size: 14, bold: false, width: one - 1, before: 0, after: 0), 2 * 14 * 1.75, accuracy: 0.01)
        // Marks above and below the line take no width; joiners none.
        XCTAssertEqual(RowKeeping.ems("กิ่"), RowKeeping.ems("ก"))
        XCTAssertEqual(RowKeeping.ems("ก\u{2060}ข\u{200B}"), RowKeeping.ems("กข"))
    }

    /// The shipped templates' pages and styles as read: the ODT's text height (page less margins, header and
    /// footer) is the DOCX's, as LibreOffice lays both out (16.5 cm landscape, 25.2 cm portrait).
    func testTheTemplatesPagesAndStylesAreReadAlikeInBothFormats() throws {
        let odt = try RowKeeping(package: try OfficePackage(contentsOf: BatchFixture.templates.appendingPathComponent("o35-2564.odt")), kind: .odt)
        XCTAssertEqual(try XCTUnwrap(odt.masterHeights["Landscape"]), 16.5 * 72 / 2.54, accuracy: 1)
        XCTAssertEqual(try XCTUnwrap(odt.masterHeights["Standard"]), 25.2 * 72 / 2.54, accuracy: 1)
        XCTAssertEqual(odt.styles["GridText"]?.size, 14)
        let docx = try RowKeeping(package: try OfficePackage(contentsOf: BatchFixture.templates.appendingPathComponent("o35-2564.docx")), kind: .docx)
        XCTAssertEqual(docx.styles["GridText"]?.size, 14)
        XCTAssertEqual(docx.styles["Body"]?.after, 6)
    }

    // MARK: generated documents

    /// The shipped templates: the O35 grid's measure rows (which may split) come out kept whole when they
    /// fit a page; one whose text runs over a page stays free to split, and in LibreOffice its last words print.
    func testGeneratedGridKeepsItsRowsButNotOneTallerThanAPage() throws {
        let url = BatchFixture.example("wangthong-2567.yaml")
        let loaded = ReportLoader.load(path: url.path)
        let data = try XCTUnwrap(loaded.data)
        let dir = try BatchFixture.temporaryFolder(self, "rows")
        /// Per format, whether each measure row is kept whole.
        func kept(_ data: ReportData, _ name: String) throws -> (outputs: [ReportGenerator.Output], rows: [PackageKind: [Bool]]) {
            let outputs = try ReportGenerator(templateDirectory: BatchFixture.templates).generate(
                data: data, scores: loaded.scoreCard, catalog: loaded.catalog, dataDirectory: url.deletingLastPathComponent(),
                kinds: [.o35], formats: [.docx, .odt], outputDirectory: dir.appendingPathComponent(name))
            var rows: [PackageKind: [Bool]] = [:]
            for o in outputs {
                let pkg = try OfficePackage(contentsOf: o.url)
                if o.format == .docx {
                    let xml = String(decoding: try pkg.read("word/document.xml"), as: UTF8.self)
                    let grid = try XCTUnwrap(xml.components(separatedBy: "<w:tbl>").last?.components(separatedBy: "</w:tbl>").first)
                    rows[.docx] = grid.components(separatedBy: "<w:tr>").dropFirst()
                        .filter { !$0.contains("<w:tblHeader/>") && !$0.contains("Signature") }.map { $0.contains("<w:cantSplit/>") }
                } else {
                    let xml = String(decoding: try pkg.read("content.xml"), as: UTF8.self)
                    let body = try XCTUnwrap(xml.components(separatedBy: "</table:table-header-rows>").last?.components(separatedBy: "</table:table>").first)
                    rows[.odt] = body.components(separatedBy: "<table:table-row").dropFirst().dropLast()
                        .map { $0.hasPrefix(" table:style-name=\"ITARowKeep") }
                }
            }
            return (outputs, rows)
        }
        let before = try kept(data, "before")
        var long = data
        var measures = try XCTUnwrap(data.measures)
        measures[0].details = Array(repeating: "ขั้นตอนของงานที่ยาวมากเพื่อทดสอบการแบ่งแถวข้ามหน้ากระดาษ", count: 59) + ["ขั้นตอนสุดท้าย LASTSTEP"]
        long.measures = measures
        let after = try kept(long, "after")
        for format in [PackageKind.docx, .odt] {
            let a = try XCTUnwrap(before.rows[format]), b = try XCTUnwrap(after.rows[format])
            XCTAssertEqual(a.count, measures.count, "\(format): one row per measure")
            XCTAssertGreaterThanOrEqual(a.filter { $0 }.count, measures.count - 1, "\(format): the example's measures stay whole: \(a)")
            XCTAssertTrue(a[0], "\(format): the first measure fits a page")
            XCTAssertFalse(b[0], "\(format): the first measure, now over a page long, may split")
            XCTAssertEqual(Array(a.dropFirst()), Array(b.dropFirst()), "\(format): the other rows as before")
        }
        let outputs = after.outputs
        let pdfs = try outputs.flatMap { try OfficeClients.convertToPDF([$0.url], into: dir.appendingPathComponent("pdf-\($0.format.fileExtension)")) }
        for pdf in pdfs {
            let text = PageLayoutCheck.squeezed(try OfficeClients.pdfText(pdf))
            XCTAssertTrue(text.contains("LASTSTEP"), "\(pdf.lastPathComponent): the long row's last step is lost")
            let check = try PageLayoutCheck(pdf: pdf)
            XCTAssertGreaterThan(check.pages.count, 2)
        }
    }
}
