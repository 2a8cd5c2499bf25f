import Foundation
import OfficePackage
import TemplateEngine

/// A report-sized template and its data, built in code for `itareport bench`: a few hundred paragraphs
/// of Thai text, an indicator table with tens of rows and merged tool cells, nested loops, conditions.
enum BenchDocument {
    static let sentence = "องค์กรปกครองส่วนท้องถิ่นได้ดำเนินการเผยแพร่ข้อมูลต่อสาธารณะผ่านเว็บไซต์ของหน่วยงานอย่างครบถ้วน และเปิดโอกาสให้ประชาชนมีส่วนร่วมในการตรวจสอบการดำเนินงาน"

    /// Body paragraphs and tables, described once and written in either dialect.
    enum Block {
        case paragraph(String, bold: Bool = false)
        case table(header: [String], rows: [[String]])
    }

    static var blocks: [Block] {
        var b: [Block] = [.paragraph("รายงานการวิเคราะห์ผลการประเมิน {{org.name}} ประจำปีงบประมาณ {{year}}", bold: true),
                          .paragraph("คะแนนรวม {{total | number:2}} คะแนน ระดับ {{level}} ณ วันที่ {{date | date:long}}")]
        for i in 1...120 {
            b.append(.paragraph("\(i). \(sentence) {{org.short}} ปี {{year}} (\(i * 7 % 100).\(i % 10)%)"))
        }
        b += [.paragraph("{{#each sections}}"), .paragraph("{{@number}}. {{title}}", bold: true), .paragraph("{{#each points}}"),
              .paragraph("- {{this}}"), .paragraph("{{/each}}"), .paragraph("{{#if note}}"), .paragraph("หมายเหตุ: {{note}}"),
              .paragraph("{{/if}}"), .paragraph("{{/each}}")]
        b.append(.table(header: ["ลำดับ", "เครื่องมือ", "ตัวชี้วัด", "คะแนน", "ผล"],
                        rows: [["{{#each indicators}}{{@number}}", "{{merge tool}}", "{{name}}", "{{score | number:2}}", "{{#if pass}}ผ่าน{{else}}ไม่ผ่าน{{/if}}{{/each}}"]]))
        for i in 1...100 { b.append(.paragraph("ข้อเสนอแนะที่ \(i): \(sentence)")) }
        b.append(.table(header: ["มาตรการ", "ขั้นตอน", "ผู้รับผิดชอบ"],
                        rows: [["{{#each measures}}{{merge group}}", "{{#each steps}}{{this}}{{#unless @last}}, {{/unless}}{{/each}}", "{{owner}}{{/each}}"]]))
        b.append(.paragraph("ลงชื่อ {{signer.name}} ตำแหน่ง {{signer.title}}"))
        return b
    }

    static var data: TemplateValue {
        let tools = ["IIT", "EIT", "OIT"]
        let indicators: [TemplateValue] = (0..<45).map { i in
            ["tool": .string(tools[i * 3 / 45]), "name": .string("ตัวชี้วัดที่ \(i + 1) การปฏิบัติหน้าที่ด้านความโปร่งใส"),
             "score": .number(Decimal(string: "\(60 + i % 40).\(i * 37 % 1000)")!), "pass": .bool(i % 3 != 0)]
        }
        let sections: [TemplateValue] = (1...12).map { i in
            ["title": .string("ประเด็นที่ \(i) การเปิดเผยข้อมูล"), "points": .list((1...5).map { .string("ข้อค้นพบ \($0): \(sentence)") }),
             "note": i % 2 == 0 ? .string("ควรปรับปรุง") : .null]
        }
        let measures: [TemplateValue] = (1...30).map { i in
            ["group": .string("กลุ่ม \((i - 1) / 5 + 1)"), "steps": ["วางแผน", "ดำเนินการ", "ติดตามผล"], "owner": .string("สำนักปลัด \(i)")]
        }
        return ["org": ["name": "องค์การบริหารส่วนตำบลหนองบัว", "short": "อบต.หนองบัว"], "year": 2568, "total": 87.456,
                "level": "B", "date": "2025-03-15", "indicators": .list(indicators), "sections": .list(sections),
                "measures": .list(measures), "signer": ["name": "นายตัวอย่าง ทดสอบ", "title": "นายกองค์การบริหารส่วนตำบล"]]
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
    }

    // MARK: DOCX

    static func docxParagraph(_ text: String, bold: Bool) -> String {
        // Split the text in two runs, as editors do around language changes, so tags cross runs.
        let chars = Array(text)
        let cut = chars.count / 3
        let rPr = bold ? "<w:rPr><w:b/><w:lang w:bidi=\"th-TH\"/></w:rPr>" : "<w:rPr><w:lang w:bidi=\"th-TH\"/></w:rPr>"
        return "<w:p><w:r>\(rPr)<w:t xml:space=\"preserve\">\(escape(String(chars[..<cut])))</w:t></w:r>"
            + "<w:r><w:rPr><w:cs/></w:rPr><w:t xml:space=\"preserve\">\(escape(String(chars[cut...])))</w:t></w:r></w:p>"
    }

    static func docxTable(header: [String], rows: [[String]]) -> String {
        let cell = { (t: String) in "<w:tc><w:tcPr><w:tcW w:w=\"\(9000 / header.count)\" w:type=\"dxa\"/></w:tcPr>\(docxParagraph(t, bold: false))</w:tc>" }
        let grid = String(repeating: "<w:gridCol w:w=\"\(9000 / header.count)\"/>", count: header.count)
        return "<w:tbl><w:tblPr><w:tblW w:w=\"9000\" w:type=\"dxa\"/></w:tblPr><w:tblGrid>\(grid)</w:tblGrid>"
            + "<w:tr>\(header.map(cell).joined())</w:tr>" + rows.map { "<w:tr>\($0.map(cell).joined())</w:tr>" }.joined() + "</w:tbl>"
    }

    static func writeDOCX(to url: URL) throws {
        let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
        let body = blocks.map { b -> String in
            switch b {
            case let .paragraph(t, bold): return docxParagraph(t, bold: bold)
            case let .table(h, r): return docxTable(header: h, rows: r)
            }
        }.joined()
        let decl = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let ct = "application/vnd.openxmlformats-officedocument.wordprocessingml"
        let parts: [(name: String, data: Data)] = [
            ("[Content_Types].xml", decl + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"\(ct).document.main+xml\"/><Override PartName=\"/word/footer1.xml\" ContentType=\"\(ct).footer+xml\"/></Types>"),
            ("_rels/.rels", decl + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"\(rel)/officeDocument\" Target=\"word/document.xml\"/></Relationships>"),
            ("word/_rels/document.xml.rels", decl + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"\(rel)/footer\" Target=\"footer1.xml\"/></Relationships>"),
            ("word/document.xml", decl + "<w:document \(w)><w:body>\(body)<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rId1\"/><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1440\" w:right=\"1440\" w:bottom=\"1440\" w:left=\"1440\" w:header=\"708\" w:footer=\"708\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>"),
            ("word/footer1.xml", decl + "<w:ftr \(w)>\(docxParagraph("{{org.name}} ปี {{year}}", bold: false))</w:ftr>"),
        ].map { ($0.0, Data($0.1.utf8)) }
        try OfficePackage.create(at: url, parts: parts)
    }

    // MARK: ODT

    static func odtParagraph(_ text: String, bold: Bool) -> String {
        let chars = Array(text)
        let cut = chars.count / 3
        return "<text:p text:style-name=\"\(bold ? "PB" : "Standard")\">\(escape(String(chars[..<cut])))<text:span text:style-name=\"T1\">\(escape(String(chars[cut...])))</text:span></text:p>"
    }

    static func writeODT(to url: URL) throws {
        let ns = "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\" office:version=\"1.3\""
        var tableCount = 0
        let body = blocks.map { b -> String in
            switch b {
            case let .paragraph(t, bold): return odtParagraph(t, bold: bold)
            case let .table(h, rows):
                tableCount += 1
                let row = { (r: [String]) in "<table:table-row>" + r.map { "<table:table-cell office:value-type=\"string\">\(odtParagraph($0, bold: false))</table:table-cell>" }.joined() + "</table:table-row>" }
                return "<table:table table:name=\"Table\(tableCount)\"><table:table-column table:number-columns-repeated=\"\(h.count)\"/>\(row(h))\(rows.map(row).joined())</table:table>"
            }
        }.joined()
        let decl = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        let parts: [(name: String, data: Data)] = [
            ("mimetype", "application/vnd.oasis.opendocument.text"),
            ("META-INF/manifest.xml", decl + "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.3\"><manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.3\" manifest:media-type=\"application/vnd.oasis.opendocument.text\"/><manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/><manifest:file-entry manifest:full-path=\"styles.xml\" manifest:media-type=\"text/xml\"/></manifest:manifest>"),
            ("content.xml", decl + "<office:document-content \(ns)><office:automatic-styles><style:style style:name=\"T1\" style:family=\"text\"><style:text-properties style:language-complex=\"th\" style:country-complex=\"TH\"/></style:style><style:style style:name=\"PB\" style:family=\"paragraph\" style:parent-style-name=\"Standard\"><style:text-properties fo:font-weight=\"bold\"/></style:style></office:automatic-styles><office:body><office:text>\(body)</office:text></office:body></office:document-content>"),
            ("styles.xml", decl + "<office:document-styles \(ns)><office:styles><style:style style:name=\"Standard\" style:family=\"paragraph\"/></office:styles><office:automatic-styles><style:page-layout style:name=\"pm1\"><style:page-layout-properties fo:page-width=\"21cm\" fo:page-height=\"29.7cm\" style:num-format=\"1\"/><style:footer-style/></style:page-layout></office:automatic-styles><office:master-styles><style:master-page style:name=\"Standard\" style:page-layout-name=\"pm1\"><style:footer>\(odtParagraph("{{org.name}} ปี {{year}}", bold: false))</style:footer></style:master-page></office:master-styles></office:document-styles>"),
        ].map { ($0.0, Data($0.1.utf8)) }
        try OfficePackage.create(at: url, parts: parts)
    }
}
