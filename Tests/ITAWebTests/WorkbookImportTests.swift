import Foundation
import Hummingbird
import HummingbirdTesting
import HTTPTypes
import ITAKit
@testable import ITAWeb
import NIOCore
import OfficePackage
import XCTest

/// A province's workbook of scores imported through the home page: one data file per organisation.
final class WorkbookImportTests: XCTestCase {
    /// A workbook as Excel lays one out, with inline strings: a ลำดับ column, Thai headers, one row a score typed with a comma.
    static func workbook(rows: [[String]]) throws -> Data {
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        func col(_ i: Int) -> String { String(UnicodeScalar(65 + i)!) }
        let sheetRows = rows.enumerated().map { r, cells in
            "<row r=\"\(r + 1)\">" + cells.enumerated().map { c, v in
                Double(v) != nil ? "<c r=\"\(col(c))\(r + 1)\"><v>\(v)</v></c>"
                    : "<c r=\"\(col(c))\(r + 1)\" t=\"inlineStr\"><is><t>\(v)</t></is></c>"
            }.joined() + "</row>"
        }.joined()
        let parts: [(name: String, data: Data)] = [
            ("[Content_Types].xml", Data("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>".utf8)),
            ("_rels/.rels", Data("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"\(rel)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>".utf8)),
            ("xl/workbook.xml", Data("<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"\(main)\" xmlns:r=\"\(rel)\"><sheets><sheet name=\"คะแนน ITA\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>".utf8)),
            ("xl/_rels/workbook.xml.rels", Data("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"\(rel)/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>".utf8)),
            ("xl/worksheets/sheet1.xml", Data("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"\(main)\"><sheetData>\(sheetRows)</sheetData></worksheet>".utf8)),
        ]
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("import-\(UUID().uuidString.prefix(8)).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        try OfficePackage.create(at: url, parts: parts)
        return try Data(contentsOf: url)
    }

    func testWorkbookOfAProvinceMakesOneDataFilePerOrganisation() async throws {
        let fx = try WebFixture()
        defer { fx.remove() }
        let numbers: [String] = (1...10).map { (n: Int) -> String in "ตัวชี้วัดที่ \(n)" }
        let header: [String] = ["ลำดับ", "ชื่อหน่วยงาน", "อำเภอ", "จังหวัด"] + numbers
        let scores1: [String] = (1...10).map { (n: Int) -> String in "\(90 + n / 2).5" }
        let good1: [String] = ["1", "เทศบาลตำบลหนึ่ง", "เมือง", "ศรีสะเกษ"] + scores1
        let good2: [String] = ["2", "องค์การบริหารส่วนตำบลสอง", "กันทรลักษ์", "ศรีสะเกษ"] + [String](repeating: "88.25", count: 10)
        let bad: [String] = ["3", "เทศบาลตำบลสาม", "ราษีไศล", "ศรีสะเกษ", "98,5"] + [String](repeating: "90", count: 9)
        let xlsx = try Self.workbook(rows: [header, good1, good2, bad])
        let before = Set(fx.web.folder.names())
        try await fx.test { client in
            try await client.execute(uri: "/", method: .get) { r in XCTAssertTrue(r.text.contains("id=\"import-form\"")) }
            let (h, body) = WebFixture.multipart([("token", WebFixture.token), ("base", "sisaket-2568.yaml"), ("sheet", "")],
                                                 file: ("workbook", "จังหวัด.xlsx", xlsx))
            try await client.execute(uri: "/import", method: .post, headers: h, body: body) { r in
                XCTAssertEqual(r.status, .ok)
                XCTAssertTrue(r.text.contains("สร้างไฟล์ข้อมูล 2 ไฟล์ จาก 3 แถว"), r.text)
                XCTAssertTrue(r.text.contains("เทศบาลตำบลสาม"), "the bad row is named")
            }
            // Importing again writes over nothing.
            try await client.execute(uri: "/import", method: .post, headers: h, body: body) { r in
                XCTAssertTrue(r.text.contains("สร้างไฟล์ข้อมูล 0 ไฟล์"))
                XCTAssertTrue(r.text.contains("อยู่แล้ว"))
            }
            let (h2, notXlsx) = WebFixture.multipart([("token", WebFixture.token), ("base", "sisaket-2568.yaml")],
                                                     file: ("workbook", "scores.xlsx", Data("name,1,2\n".utf8)))
            try await client.execute(uri: "/import", method: .post, headers: h2, body: notXlsx) { XCTAssertEqual($0.status, .unsupportedMediaType) }
            let (h3, noBase) = WebFixture.multipart([("token", WebFixture.token), ("base", "../sisaket-2568.yaml")], file: ("workbook", "a.xlsx", xlsx))
            try await client.execute(uri: "/import", method: .post, headers: h3, body: noBase) { XCTAssertEqual($0.status, .badRequest) }
        }
        let made = Set(fx.web.folder.names()).subtracting(before)
        XCTAssertEqual(made.count, 2, "\(made)")
        let one = try XCTUnwrap(made.first { $0.hasPrefix("เทศบาลตำบลหนึ่ง") })
        let data = try XCTUnwrap(fx.load(one).data)
        XCTAssertEqual(data.organization?.name, "เทศบาลตำบลหนึ่ง")
        XCTAssertEqual(data.organization?.province, "ศรีสะเกษ")
        XCTAssertEqual(data.assessment?.indicators?[10], Decimal(string: "95.5"))
        XCTAssertEqual(data.fiscalYear, 2568)
        XCTAssertEqual(data.measures?.count, fx.load("sisaket-2568.yaml").data?.measures?.count, "the base gives the measures")
    }
}
