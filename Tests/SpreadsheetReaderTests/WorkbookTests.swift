import Foundation
import OfficePackage
@testable import SpreadsheetReader
import XCTest

final class WorkbookTests: XCTestCase {
    func testCellTypesAndPlaces() throws {
        let shared = ["<si><t>ชื่อหน่วยงาน</t></si>",
                      "<si><r><rPr><b/></rPr><t>เทศบาล</t></r><r><t xml:space=\"preserve\">ตำบล ก</t></r><rPh sb=\"0\" eb=\"1\"><t>ignored</t></rPh></si>",
                      "<si><t>ind1</t></si>"]
        let rows = """
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>2</v></c></row>
            <row r="3" spans="1:6"><c r="A3" t="s"><v>1</v></c><c r="B3" t="inlineStr"><is><r><t>อำเภอ</t></r><r><t>เมือง</t></r></is></c>\
            <c r="C3"><v>98.97000000000001</v></c><c r="D3" t="n"><v>1E-3</v></c><c r="E3" t="b"><v>1</v></c>\
            <c r="F3" t="str"><f>A1</f><v>จากสูตร</v></c><c r="G3" t="e"><v>#DIV/0!</v></c><c r="H3" s="4"/></row>
            <row><c><v>100</v></c><c/><c t="inlineStr"><is><t>ค</t></is></c></row>
            <row r="9"><c r="B9"><v>0.30000000000000004</v></c></row>
            <row r="10"><c r="A10" s="2"/><c r="B10" t="s"/></row>
            """
        let url = try WorkbookFixture.write(self, WorkbookFixture.parts(sheets: [("คะแนน", rows)], shared: shared))
        let book = try Workbook(contentsOf: url)
        XCTAssertEqual(book.sheets.map(\.name), ["คะแนน"])
        let read = try book.rows(of: book.sheet(named: nil))
        XCTAssertEqual(read, [
            SheetRow(number: 1, cells: ["ชื่อหน่วยงาน", "", "ind1"]),
            SheetRow(number: 3, cells: ["เทศบาลตำบล ก", "อำเภอเมือง", "98.97", "0.001", "TRUE", "จากสูตร", "#DIV/0!"]),
            SheetRow(number: 4, cells: ["100", "", "ค"]),
            SheetRow(number: 9, cells: ["", "0.3"]),
        ])
    }

    /// A number shown as a percentage (Excel stores 0.9939 for 99.39%) reads as the percentage shown,
    /// by the cell's style: built-in formats 9 and 10, or a custom format with a `%` that is not quoted text.
    func testPercentCellsReadAsThePercentageShown() throws {
        let styles = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <styleSheet xmlns="\(WorkbookFixture.main)"><numFmts count="3"><numFmt numFmtId="164" formatCode="0.00%"/>\
            <numFmt numFmtId="165" formatCode="0.0&quot;%&quot;"/><numFmt numFmtId="166" formatCode="#,##0.00\\%"/></numFmts>\
            <cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="10"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="9"/><xf numFmtId="166"/></cellXfs></styleSheet>
            """
        let rows = """
            <row r="2"><c r="A2" s="1"><v>0.99390000000000001</v></c><c r="B2" s="2" t="n"><v>0.9771</v></c><c r="C2" s="3"><v>97.65</v></c>\
            <c r="D2" s="4"><v>1</v></c><c r="E2" s="0"><v>0.5</v></c><c r="F2"><v>0.25</v></c><c r="G2" s="5"><v>98.21</v></c>\
            <c r="H2" s="2" t="inlineStr"><is><t>0.5</t></is></c><c r="I2" s="1"><v>0</v></c></row>
            """
        var parts = WorkbookFixture.parts(sheets: [("คะแนน", rows)])
        parts.append(("xl/styles.xml", Data(styles.utf8)))
        let relsAt = try XCTUnwrap(parts.firstIndex { $0.name == "xl/_rels/workbook.xml.rels" })
        let rels = String(decoding: parts[relsAt].data, as: UTF8.self).replacingOccurrences(
            of: "</Relationships>", with: "<Relationship Id=\"rId98\" Type=\"\(WorkbookFixture.rel)/styles\" Target=\"styles.xml\"/></Relationships>")
        parts[relsAt].data = Data(rels.utf8)
        let book = try Workbook(contentsOf: try WorkbookFixture.write(self, parts))
        XCTAssertEqual(try book.rows(of: book.sheet(named: nil)),
                       [SheetRow(number: 2, cells: ["99.39", "97.71", "97.65", "100", "0.5", "0.25", "98.21", "0.5", "0"])],
                       "percent formats ×100; a quoted or escaped % is text, not a percentage; a text cell is as typed")
        XCTAssertEqual(CellStyles.isPercent(code: "0.00%"), true)
        XCTAssertEqual(CellStyles.isPercent(code: "[Red]0%;-0%"), true)
        XCTAssertEqual(CellStyles.isPercent(code: "0.0\"%\""), false)
        XCTAssertEqual(CellStyles.isPercent(code: "0.0\\%"), false)
        XCTAssertEqual(CellNumber.percent("0.9939"), "99.39")
        XCTAssertEqual(CellNumber.percent("1"), "100")
        XCTAssertEqual(CellNumber.percent("0.989700000000001"), "98.9700000000001")
    }

    func testNumbersReadToFifteenSignificantDigits() {
        XCTAssertEqual(CellNumber.text(stored: "98.97000000000001"), "98.97")
        XCTAssertEqual(CellNumber.text(stored: "93.249999999999986"), "93.25")
        XCTAssertEqual(CellNumber.text(stored: "87.5"), "87.5")
        XCTAssertEqual(CellNumber.text(stored: "100"), "100")
        XCTAssertEqual(CellNumber.text(stored: "-0"), "0")
        XCTAssertEqual(CellNumber.text(stored: "9.8970000000000013E1"), "98.97")
        XCTAssertEqual(CellNumber.text(stored: "1.5E-7"), "0.00000015")
        XCTAssertEqual(CellNumber.text(stored: "12345678901234567"), "12345678901234600")
        XCTAssertEqual(CellNumber.text(stored: "98.50"), "98.5")
        XCTAssertEqual(CellNumber.text(stored: "0.000"), "0")
        XCTAssertEqual(CellNumber.text(stored: "-12.5"), "-12.5")
        XCTAssertEqual(CellNumber.text(stored: "007"), "7")
        XCTAssertEqual(CellNumber.text(stored: "0.05"), "0.05")
        XCTAssertEqual(CellNumber.text(stored: "123456789012345.6"), "123456789012346")
        XCTAssertNil(CellNumber.text(stored: "abc"))
        XCTAssertNil(CellNumber.text(stored: "1.2.3"))
        XCTAssertNil(CellNumber.text(stored: "inf"))
    }

    func testReferences() {
        XCTAssertEqual(CellReference.letters(ofColumn: 0), "A")
        XCTAssertEqual(CellReference.letters(ofColumn: 25), "Z")
        XCTAssertEqual(CellReference.letters(ofColumn: 26), "AA")
        XCTAssertEqual(CellReference.letters(ofColumn: 16_383), "XFD")
        XCTAssertEqual(CellReference.parse("D7")?.column, 3)
        XCTAssertEqual(CellReference.parse("$AB$12")?.row, 12)
        XCTAssertEqual(CellReference.parse("XFD1048576")?.column, 16_383)
        XCTAssertNil(CellReference.parse("XFE1"))
        XCTAssertNil(CellReference.parse("A1048577"))
        XCTAssertNil(CellReference.parse("A0"))
        XCTAssertNil(CellReference.parse("7D"))
        XCTAssertNil(CellReference.parse(""))
    }

    func testSheetChoice() throws {
        let url = try WorkbookFixture.write(self, WorkbookFixture.parts(sheets: [
            ("ซ่อน", "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>hidden</t></is></c></row>"),
            ("ปี 2568", "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>first visible</t></is></c></row>"),
            ("Scores", "<row r=\"2\"><c r=\"B2\"><v>5</v></c></row>"),
        ], hidden: ["ซ่อน"]))
        let book = try Workbook(contentsOf: url)
        XCTAssertEqual(try book.rows(of: book.sheet(named: nil)).first?.cells, ["first visible"])
        XCTAssertEqual(try book.rows(of: book.sheet(named: "Scores")).first?.cells, ["", "5"])
        XCTAssertEqual(try book.sheet(named: " scores ").name, "Scores")
        XCTAssertThrowsError(try book.sheet(named: "คะแนน")) { error in
            XCTAssertEqual("\(error)", "\(url.path): there is no sheet named 'คะแนน'; the sheets are 'ซ่อน', 'ปี 2568', 'Scores'. Give one of them with --sheet.")
        }
    }

    func testAZipThatIsNotAWorkbook() throws {
        let dir = try WorkbookFixture.folder(self)
        let docx = dir.appendingPathComponent("report.xlsx")
        try OfficePackage.create(at: docx, parts: [("[Content_Types].xml", Data("<Types/>".utf8)), ("word/document.xml", Data("<w/>".utf8))])
        XCTAssertThrowsError(try Workbook(contentsOf: docx)) {
            XCTAssertEqual($0 as? SpreadsheetError, .notAWorkbook(path: docx.path, found: "a Word document"))
            XCTAssertTrue("\($0)".contains("save it as Excel Workbook (.xlsx)"), "\($0)")
        }
        let ods = dir.appendingPathComponent("scores.ods")
        try OfficePackage.create(at: ods, parts: [("mimetype", Data("application/vnd.oasis.opendocument.spreadsheet".utf8)), ("content.xml", Data("<x/>".utf8))])
        XCTAssertThrowsError(try Workbook(contentsOf: ods)) {
            XCTAssertEqual($0 as? SpreadsheetError, .notAWorkbook(path: ods.path, found: "an OpenDocument spreadsheet (.ods)"))
        }
        let text = dir.appendingPathComponent("scores-csv.xlsx")
        try Data("name,1,2\n".utf8).write(to: text)
        XCTAssertThrowsError(try Workbook(contentsOf: text)) {
            guard case .notAZip = $0 as? SpreadsheetError else { return XCTFail("\($0)") }
        }
        let xls = dir.appendingPathComponent("old.xls")
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]).write(to: xls)
        XCTAssertThrowsError(try Workbook(contentsOf: xls)) {
            XCTAssertEqual($0 as? SpreadsheetError, .legacyExcel(path: xls.path))
        }
    }

    func testDamagedSheets() throws {
        func error(_ rows: String, shared: [String]? = nil) throws -> SpreadsheetError? {
            let url = try WorkbookFixture.write(self, WorkbookFixture.parts(sheets: [("S", rows)], shared: shared))
            let book = try Workbook(contentsOf: url)
            do { _ = try book.rows(of: book.sheet(named: nil)); return nil } catch { return error as? SpreadsheetError }
        }
        let outOfRange = try error("<row r=\"7\"><c r=\"D7\" t=\"s\"><v>5</v></c></row>", shared: ["<si><t>a</t></si>"])
        XCTAssertEqual(outOfRange.map { "\($0)".contains("sheet 'S', cell D7: the cell points to shared text number 5, but the workbook has 1") }, true)
        let noTable = try error("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>")
        guard case .sharedStringOutOfRange(_, _, "A1", "0", 0)? = noTable else { return XCTFail("\(String(describing: noTable))") }
        guard case .badReference(_, "S", "D8", 7)? = try error("<row r=\"7\"><c r=\"D8\"><v>1</v></c></row>") else { return XCTFail() }
        guard case .badReference? = try error("<row r=\"7\"><c r=\"XFE7\"><v>1</v></c></row>") else { return XCTFail() }
        guard case .outOfOrder? = try error("<row r=\"7\"><c><v>1</v></c></row><row r=\"3\"><c><v>1</v></c></row>") else { return XCTFail() }
        guard case .outOfOrder? = try error("<row r=\"7\"><c r=\"C7\"><v>1</v></c><c r=\"B7\"><v>1</v></c></row>") else { return XCTFail() }
        guard case .tooFarRight(_, _, "XFD2", "IV")? = try error("<row r=\"2\"><c r=\"XFD2\"><v>1</v></c></row>") else { return XCTFail() }
        guard case .brokenPart? = try error("<row r=\"1\"><c r=\"A1\"><v>1</v></row>") else { return XCTFail() }
    }

    /// A sheet formatted far down (a million styled empty cells, a dimension claiming the whole
    /// grid, an empty row at its last row) reads its one value; what is refused is refused by a
    /// limit with a message.
    func testAMillionEmptyCells() throws {
        let cells = (0..<16).map { Array("<c r=\"\(CellReference.letters(ofColumn: $0))".utf8) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24_000_000)
        for r in 1...62_500 {
            let number = Array(String(r).utf8)
            bytes += Array("<row r=\"\(r)\" spans=\"1:16\">".utf8)
            for c in cells { bytes += c; bytes += number; bytes += Array("\" s=\"1\"/>".utf8) }
            bytes += Array("</row>".utf8)
        }
        var rows = String(decoding: bytes, as: UTF8.self)
        rows += "<row r=\"62501\"><c r=\"P62501\"><v>42</v></c></row><row r=\"1048576\" s=\"3\"/>"
        let url = try WorkbookFixture.write(self, WorkbookFixture.parts(sheets: [("S", rows)], dimension: "A1:XFD1048576"))
        let book = try Workbook(contentsOf: url)
        let read = try book.rows(of: book.sheet(named: nil))
        XCTAssertEqual(read, [SheetRow(number: 62_501, cells: Array(repeating: "", count: 15) + ["42"])])

        // The same sheet's cells without references cannot be left out before parsing: refused by size.
        let unplaced = String(repeating: "<row><c/><c/><c/><c/><c/><c/><c/><c/></row>", count: 500_000)
        let big = try WorkbookFixture.write(self, WorkbookFixture.parts(sheets: [("S", unplaced)]), name: "big.xlsx")
        let bigBook = try Workbook(contentsOf: big)
        XCTAssertThrowsError(try bigBook.rows(of: bigBook.sheet(named: nil))) {
            guard case .partTooLarge(_, "xl/worksheets/sheet1.xml", _, _)? = $0 as? SpreadsheetError else { return XCTFail("\($0)") }
        }
        // Many values: refused by the cell budget.
        let small = SpreadsheetLimits(maxCells: 1000)
        let many = try WorkbookFixture.write(self, WorkbookFixture.parts(sheets: [("S", String(repeating: "<row><c><v>1</v></c><c><v>2</v></c></row>", count: 600))]), name: "many.xlsx")
        let manyBook = try Workbook(contentsOf: many, limits: small)
        XCTAssertThrowsError(try manyBook.rows(of: manyBook.sheet(named: nil))) {
            XCTAssertEqual($0 as? SpreadsheetError, .tooManyCells(path: many.path, sheet: "S", limit: 1000))
        }
    }

    func testEmptyCellFilterKeepsWhatItCannotPlace() {
        let xml = #"<row r="1"><c r="A1" s="1"/><c s="1"/><c r="C1"><v>1</v></c><c r='D1' t="s" /><c r="E1" a=">"/></row><row r="2"/><row/><rowx r="3"/>"#
        let out = String(decoding: EmptyCellFilter.strip(Data(xml.utf8)), as: UTF8.self)
        XCTAssertEqual(out, #"<row r="1"><c s="1"/><c r="C1"><v>1</v></c></row><row/><rowx r="3"/>"#)
        let text = #"<c r="A1" t="inlineStr"><is><t><![CDATA[<c r="B1"/>]]></t></is></c><!-- <c r="C1"/> --><c r="D1"/>"#
        XCTAssertEqual(String(decoding: EmptyCellFilter.strip(Data(text.utf8)), as: UTF8.self),
                       #"<c r="A1" t="inlineStr"><is><t><![CDATA[<c r="B1"/>]]></t></is></c><!-- <c r="C1"/> -->"#)
    }

    func testStrictNamespaceAndRelativeTargets() throws {
        var parts = WorkbookFixture.parts(sheets: [("S", "<row r=\"1\"><c r=\"A1\"><v>7</v></c></row>")])
        parts = parts.map { p in
            var text = String(decoding: p.data, as: UTF8.self)
            text = text.replacingOccurrences(of: WorkbookFixture.main, with: "http://purl.oclc.org/ooxml/spreadsheetml/main")
                .replacingOccurrences(of: "xmlns:r=\"\(WorkbookFixture.rel)\"", with: "xmlns:r=\"http://purl.oclc.org/ooxml/officeDocument/relationships\"")
                .replacingOccurrences(of: "Target=\"worksheets/sheet1.xml\"", with: "Target=\"./worksheets/../worksheets/sheet1.xml\"")
            return (p.name, Data(text.utf8))
        }
        let book = try Workbook(contentsOf: WorkbookFixture.write(self, parts))
        XCTAssertEqual(try book.rows(of: book.sheet(named: "S")), [SheetRow(number: 1, cells: ["7"])])
    }
}
