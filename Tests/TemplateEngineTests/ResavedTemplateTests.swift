import OfficePackage
import TemplateEngine
import XCTest

/// What users' templates look like: written by a program, then opened and saved again in LibreOffice,
/// which splits and merges runs, adds bookmarks and styles, and turns DOCX into ODT. They must fill
/// to the same text as the originals.
final class ResavedTemplateTests: XCTestCase {
    static func body(_ kind: PackageKind) -> String {
        let b = Body(kind)
        return b.p([.bold("รายงานผล {{or"), .italic("g.na"), .plain("me}} ปี {{year}}")], style: kind == .docx ? "Heading1" : "Heading_20_1")
            + b.p([.plain("คะแนนรวม {{total | number:2}} ("), .bold("{{total | number:2 | thai}}"), .plain(") วันที่ {{date | date:long}}")])
            + b.ps("{{#each measures}}", "มาตรการที่ {{@number}}: {{title}}", "{{#if done}}", "ดำเนินการแล้ว", "{{else}}", "ยังไม่ดำเนินการ", "{{/if}}", "{{/each}}")
            + b.table([["ลำดับ", "เครื่องมือ", "ตัวชี้วัด", "คะแนน"],
                       ["{{#each rows}}{{@number}}", "{{merge tool}}", "{{name}}", "{{score | number:2}}{{/each}}"]])
            + b.p("{{#unless missing}}ไม่มีข้อขาด{{/unless}} {{note | default:\"-\"}}")
            + b.p("ข้อความ: {{multi}}")
    }

    static let data: TemplateValue = [
        "org": ["name": "องค์การบริหารส่วนตำบลหนองบัว"], "year": 2568, "total": .number(Decimal(string: "87.456")!), "date": "2025-03-15",
        "measures": [["title": "เผยแพร่ข้อมูล", "done": true], ["title": "ป้องกันการทุจริต", "done": false]],
        "rows": [["tool": "IIT", "name": "ตัวชี้วัดที่ 1", "score": 90], ["tool": "IIT", "name": "ตัวชี้วัดที่ 2", "score": 85.5],
                 ["tool": "EIT", "name": "ตัวชี้วัดที่ 6", "score": 77.125]],
        "multi": "บรรทัดหนึ่ง\nบรรทัดสอง", "missing": false,
    ]

    func testTemplatesResavedByLibreOfficeFillLikeTheOriginals() throws {
        if RealClients.skipped { throw XCTSkip("ITAREPORT_SKIP_OFFICE=1") }
        guard RealClients.available() else { return }
        let wb = try Workbench(name)
        var originals: [PackageKind: URL] = [:]
        var expected: [PackageKind: (body: [String], headers: [String])] = [:]
        for kind in [PackageKind.docx, .odt] {
            let b = Body(kind)
            let t = try wb.template(kind, body: Self.body(kind), header: b.p([.bold("{{org.name}}"), .plain(" ปี {{year}}")]), name: "orig")
            originals[kind] = t
            let out = try wb.fill(t, Self.data)
            expected[kind] = (try out.paragraphs().filter { !$0.isEmpty }, try out.headerFooterParagraphs().filter { !$0.isEmpty })
        }
        // The engine writes the same text from both formats.
        XCTAssertEqual(expected[.docx]?.body, expected[.odt]?.body)

        let docxToDocx = RealClients.convert([originals[.docx]!], to: "docx:MS Word 2007 XML", extension: "docx", into: wb.folder.appendingPathComponent("docx-docx"))
        let odtToOdt = RealClients.convert([originals[.odt]!], to: "odt", extension: "odt", into: wb.folder.appendingPathComponent("odt-odt"))
        let docxToOdt = RealClients.convert([originals[.docx]!], to: "odt", extension: "odt", into: wb.folder.appendingPathComponent("docx-odt"))
        for (label, resaved, original) in [("docx → docx", docxToDocx, PackageKind.docx), ("odt → odt", odtToOdt, .odt), ("docx → odt", docxToOdt, .docx)] {
            guard let url = resaved.first, FileManager.default.fileExists(atPath: url.path) else { continue }
            let copy = wb.folder.appendingPathComponent("resaved-\(label.replacingOccurrences(of: " → ", with: "-to-"))-template.\(url.pathExtension)")
            try? FileManager.default.removeItem(at: copy)
            try FileManager.default.copyItem(at: url, to: copy)
            let t = try Template(contentsOf: copy)
            let out = try wb.fill(t, Self.data)
            XCTAssertEqual(try out.paragraphs().filter { !$0.isEmpty }, expected[original]?.body, label)
            XCTAssertEqual(try out.headerFooterParagraphs().filter { !$0.isEmpty }, expected[original]?.headers, label)
        }
        wb.checkWithRealClients()
    }
}
