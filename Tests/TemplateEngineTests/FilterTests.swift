import OfficePackage
import TemplateEngine
import XCTest

/// Filters, alone and chained, in both formats.
final class FilterTests: XCTestCase {
    func testFilters() throws {
        let wb = try Workbench(name)
        let data: TemplateValue = [
            "score": .number(Decimal(string: "94.125")!), "tricky": .number(Decimal(string: "2.675")!), "big": 1234567.5,
            "text": "88.5", "names": ["ก", "ข", "ค"], "d": "2025-03-15", "amount": 315, "n": "ปี 2568", "blank": "",
            "neg": -15000, "grouped": "1,234.56",
        ]
        let lines = [
            "{{score | number:2}}", "{{score | number:0}}", "{{tricky | number:2}}", "{{big | number:2}}", "{{text | number:1}}",
            "{{score | number:2 | thai}}", "{{missing | default:\"-\"}}", "{{blank | default:\"ไม่มี\"}}", "{{names | join:\", \"}}",
            "{{d | date:long}}", "{{d | date:short}}", "{{d | date:long | thai}}", "{{amount | bahttext}}", "{{n | thai}}",
            "{{missing | default:\"12.345\" | number:2}}",
            "{{big | number:2,group}}", "{{big | number:0,group}}", "{{amount | number:group}}", "{{score | number:2, group}}",
            "{{neg | number:2,group}}", "{{grouped | number:1,group | thai}}",
        ]
        var results: [PackageKind: [String]] = [:]
        for kind in [PackageKind.docx, .odt] {
            let b = Body(kind)
            let out = try wb.fill(try wb.template(kind, body: lines.map { b.p($0) }.joined()), data)
            results[kind] = try out.paragraphs()
        }
        let expected = [
            "94.13", "94", "2.68", "1234567.50", "88.5",
            "๙๔.๑๓", "-", "ไม่มี", "ก, ข, ค",
            "15 มีนาคม 2568", "15 มี.ค. 68", "๑๕ มีนาคม ๒๕๖๘", "สามร้อยสิบห้าบาทถ้วน", "ปี ๒๕๖๘",
            "12.35",
            "1,234,567.50", "1,234,568", "315.00", "94.13",
            "-15,000.00", "๑,๒๓๔.๖",
        ]
        XCTAssertEqual(results[.docx], expected)
        XCTAssertEqual(results[.odt], expected)
        wb.checkWithRealClients()
    }

    func testBadNumberFormatsAreTemplateErrors() throws {
        let wb = try Workbench(name)
        for arg in ["2,grp", "11", "x,group", "2,group,group", ""] {
            let url = try wb.template(.docx, body: Body(.docx).p("{{a | number:\(arg)}}"))
            XCTAssertThrowsError(try Template(contentsOf: url), arg) { error in
                XCTAssertTrue("\(error)".contains("number:2,group gives 15,000.00"), "\(arg): \(error)")
            }
        }
    }

    func testFilterThatDoesNotFitItsValueIsReported() throws {
        let wb = try Workbench(name)
        for kind in [PackageKind.docx, .odt] {
            let t = try wb.template(kind, body: Body(kind).ps("{{name | number:2}}", "{{when | date:long}}"))
            XCTAssertThrowsError(try wb.fill(t, ["name": "abc", "when": "15/03/2025"])) { error in
                let text = "\(error)"
                XCTAssertTrue(text.contains("'abc' is not a number"), text)
                XCTAssertTrue(text.contains("YYYY-MM-DD"), text)
                XCTAssertTrue(text.contains("paragraph 2"), text)
            }
        }
    }
}
