import Foundation
import OfficePackage
import ThaiFormat
import XCTest
@testable import ITAReports

/// Across the page and in wide cells a long organisation's name is joined in its top parts
/// (องค์การบริหารส่วนตำบล · วังทอง), and in finer parts (องค์การบริหาร · ส่วนตำบล · วังทอง) only in cells
/// narrower than 7 cm, where LibreOffice cuts a long joined stretch after its first letter.
final class LineKeepingPassTests: XCTestCase {
    let organisation = "องค์การบริหารส่วนตำบลวังทอง"
    let words = ["องค์การบริหาร", "ส่วนตำบล", "องค์การบริหารส่วนตำบล"]
    var pass: LineKeepingPass {
        LineKeepingPass(keeper: ThaiLineKeeper(words: words, names: [organisation]),
                        cellKeeper: ThaiLineKeeper(words: words, names: [organisation], inCells: true))
    }
    let text = "ขององค์การบริหารส่วนตำบลวังทองได้"

    /// The zero width spaces of each paragraph text, in document order.
    func breaks(_ xml: String, tag: String) -> [Int] {
        xml.components(separatedBy: "<\(tag)").dropFirst().compactMap { p -> Int? in
            guard p.contains("ของ") else { return nil }
            return p.unicodeScalars.filter { $0 == "\u{200B}" }.count
        }
    }

    func testDOCXNameIsInPartsOnlyInNarrowCells() throws {
        let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
        func cell(_ twips: Int?) -> String {
            let width = twips.map { "<w:tcPr><w:tcW w:w=\"\($0)\" w:type=\"dxa\"/></w:tcPr>" } ?? ""
            return "<w:tc>\(width)<w:p><w:r><w:t>\(text)</w:t></w:r></w:p></w:tc>"
        }
        let xml = """
        <w:document xmlns:w="\(w)"><w:body><w:p><w:r><w:t>\(text)</w:t></w:r></w:p>
        <w:tbl><w:tr>\(cell(2438))\(cell(6463))\(cell(nil))</w:tr></w:tbl></w:body></w:document>
        """
        var changes = PackageChanges()
        changes.replaced["word/document.xml"] = Data(xml.utf8)
        try pass.apply(to: &changes, kind: .docx)
        let out = String(decoding: try XCTUnwrap(changes.replaced["word/document.xml"]), as: UTF8.self)
        // Page, 4.3 cm cell, 11.4 cm cell, a cell of unknown width (taken as narrow).
        XCTAssertEqual(breaks(out, tag: "w:p>"), [3, 4, 3, 4], out)
    }

    func testODTNameIsInPartsOnlyInNarrowCells() throws {
        let xml = """
        <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
        xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" \
        xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:automatic-styles>
        <style:style style:name="C1" style:family="table-column"><style:table-column-properties style:column-width="4.3cm"/></style:style>
        <style:style style:name="C2" style:family="table-column"><style:table-column-properties style:column-width="11.4cm"/></style:style>
        </office:automatic-styles><office:body><office:text><text:p>\(text)</text:p>
        <table:table><table:table-column table:style-name="C1" table:number-columns-repeated="2"/><table:table-column table:style-name="C2"/>
        <table:table-row><table:table-cell><text:p>\(text)</text:p></table:table-cell>
        <table:covered-table-cell/><table:table-cell><text:p>\(text)</text:p></table:table-cell></table:table-row>
        <table:table-row><table:table-cell table:number-columns-spanned="2"><text:p>\(text)</text:p></table:table-cell><table:covered-table-cell/>
        <table:table-cell><text:p>\(text)</text:p></table:table-cell></table:table-row>
        </table:table></office:text></office:body></office:document-content>
        """
        var changes = PackageChanges()
        changes.replaced["content.xml"] = Data(xml.utf8)
        try pass.apply(to: &changes, kind: .odt)
        let out = String(decoding: try XCTUnwrap(changes.replaced["content.xml"]), as: UTF8.self)
        // Page; 4.3 cm; 11.4 cm (third column, after a covered cell); two 4.3 cm columns spanned
        // (8.6 cm, wide); 11.4 cm.
        XCTAssertEqual(breaks(out, tag: "text:p>"), [3, 4, 3, 3, 3], out)
    }
}
