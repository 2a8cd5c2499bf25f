import OfficePackage
import OfficeXML
import ITAReports
import TemplateEngine
import XCTest

/// Headers and footers are filled like the body; Thai digits reach every part and the page numbers.
final class HeaderFooterTests: XCTestCase {
    static func footer(_ kind: PackageKind) -> String {
        switch kind {
        case .docx:
            return """
            <w:p><w:r><w:t xml:space="preserve">หน้า </w:t></w:r><w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>\
            <w:r><w:t xml:space="preserve"> {{org.code}} ปี 2568</w:t></w:r></w:p>
            """
        case .odt:
            return #"<text:p>หน้า <text:page-number text:select-page="current">1</text:page-number> {{org.code}} ปี 2568</text:p>"#
        }
    }

    let data: TemplateValue = ["org": ["name": "เทศบาลตำบลตัวอย่าง", "code": "T-07"], "title": "รายงาน", "year": 2568, "score": 98.5]

    func testHeadersAndFootersAreFilled() throws {
        let wb = try Workbench(name)
        for kind in [PackageKind.docx, .odt] {
            let b = Body(kind)
            let header = b.p([.bold("{{org.name}}"), .plain(" — {{title}}")]) + b.ps("{{#if org.code}}", "Code {{org.code}}", "{{/if}}")
            let t = try wb.template(kind, body: b.p("{{title}} {{year}}"), header: header, footer: Self.footer(kind))
            let out = try wb.fill(t, data)
            XCTAssertEqual(try out.paragraphs(), ["รายงาน 2568"])
            XCTAssertEqual(try out.headerFooterParagraphs(), ["เทศบาลตำบลตัวอย่าง — รายงาน", "Code T-07", "หน้า 1 T-07 ปี 2568"], "\(kind)")
        }
        wb.checkWithRealClients()
    }

    func testThaiDigitsEverywhereAndThaiPageNumbers() throws {
        let wb = try Workbench(name)
        for kind in [PackageKind.docx, .odt] {
            let b = Body(kind)
            let body = b.p("ปี {{year}} คะแนน {{score | number:2}} ข้อ 12") + b.table([["1", "{{year}}"]])
            let t = try wb.template(kind, body: body, header: b.p("{{org.code}} 2568"), footer: Self.footer(kind))
            let out = try wb.fill(t, data, options: RenderOptions(digits: .thai))
            XCTAssertEqual(try out.paragraphs(), ["ปี ๒๕๖๘ คะแนน ๙๘.๕๐ ข้อ ๑๒", "๑", "๒๕๖๘"], "\(kind)")
            XCTAssertEqual(try out.headerFooterParagraphs(), ["T-๐๗ ๒๕๖๘", "หน้า ๑ T-๐๗ ปี ๒๕๖๘"], "\(kind)")
            switch kind {
            case .docx:
                XCTAssertEqual(try out.select("//w:sectPr/w:pgNumType/@w:fmt").map(\.text), ["thaiNumbers"])
                XCTAssertEqual(try out.select("//w:sectPr/*").map(\.localName), ["headerReference", "footerReference", "pgSz", "pgMar", "pgNumType"], "schema order")
                XCTAssertEqual(try out.select("//w:fldSimple/@w:instr", part: "word/footer1.xml").map(\.text), [" PAGE "], "field codes keep their digits and names")
            case .odt:
                XCTAssertEqual(try out.select("//style:page-layout-properties/@style:num-format", part: "styles.xml").map(\.text), ["Native Numbering"])
            }
        }
        wb.checkWithRealClients()
    }
}
