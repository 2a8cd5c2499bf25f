import Foundation
import ITAReports
import OfficePackage
import OfficeXML
@_spi(Fuzzing) import TemplateEngine

/// What the fuzz targets share: a package built in memory from lines of text, the data every fill uses,
/// and the checks on a fill: its changed parts are well-formed XML, and the compiled programs and the
/// document tree fill alike (the same bytes, warnings or error).
public enum FuzzSupport {
    /// The language of ITA templates: the engine's filters with the Thai ones, and Thai digits.
    public static let language = ThaiTemplateLanguage.language

    /// A zip of `parts`, every part stored (not deflated), so that mutated bytes land in the XML.
    public static func storedZip(_ parts: [(name: String, data: Data)]) -> Data {
        var out = Data()
        var central = Data()
        func le16(_ v: Int, _ d: inout Data) { d.append(UInt8(v & 0xFF)); d.append(UInt8((v >> 8) & 0xFF)) }
        func le32(_ v: UInt32, _ d: inout Data) { for s in [0, 8, 16, 24] { d.append(UInt8((v >> UInt32(s)) & 0xFF)) } }
        for (name, data) in parts {
            let n = Data(name.utf8)
            let crc = crc32(data)
            let offset = UInt32(out.count)
            le32(0x0403_4B50, &out); le16(20, &out); le16(0, &out); le16(0, &out); le16(0, &out); le16(0x21, &out)
            le32(crc, &out); le32(UInt32(data.count), &out); le32(UInt32(data.count), &out); le16(n.count, &out); le16(0, &out)
            out.append(n); out.append(data)
            le32(0x0201_4B50, &central); le16(20, &central); le16(20, &central); le16(0, &central); le16(0, &central)
            le16(0, &central); le16(0x21, &central); le32(crc, &central); le32(UInt32(data.count), &central)
            le32(UInt32(data.count), &central); le16(n.count, &central); le16(0, &central); le16(0, &central)
            le16(0, &central); le16(0, &central); le32(0, &central); le32(offset, &central); central.append(n)
        }
        let cdOffset = UInt32(out.count)
        out.append(central)
        le32(0x0605_4B50, &out); le16(0, &out); le16(0, &out); le16(parts.count, &out); le16(parts.count, &out)
        le32(UInt32(central.count), &out); le32(cdOffset, &out); le16(0, &out)
        return out
    }

    /// The bytes of a zip with the CRC of every stored entry set to match its bytes, in its local header
    /// and in the central directory: mutations inside the XML of a stored part then reach the XML parser
    /// and the engine instead of stopping at the CRC check. Nil when nothing changed.
    public static func repairingStoredCRCs(_ input: Data) -> Data? {
        var d = [UInt8](input)
        func le16(_ i: Int) -> Int { Int(d[i]) | Int(d[i + 1]) << 8 }
        func le32(_ i: Int) -> Int { le16(i) | le16(i + 2) << 16 }
        func put32(_ v: UInt32, _ i: Int) { for k in 0..<4 { d[i + k] = UInt8((v >> UInt32(8 * k)) & 0xFF) } }
        var crcAt: [Int: UInt32] = [:]
        var i = 0
        while i + 30 <= d.count {
            if d[i] == 0x50, d[i + 1] == 0x4B, d[i + 2] == 3, d[i + 3] == 4, le16(i + 8) == 0 {
                let size = le32(i + 18), start = i + 30 + le16(i + 26) + le16(i + 28)
                if size == le32(i + 22), start + size <= d.count {
                    let crc = crc32(Data(d[start..<(start + size)]))
                    put32(crc, i + 14)
                    crcAt[i] = crc
                }
            }
            i += 1
        }
        i = 0
        while i + 46 <= d.count {
            if d[i] == 0x50, d[i + 1] == 0x4B, d[i + 2] == 1, d[i + 3] == 2, let crc = crcAt[le32(i + 42)] { put32(crc, i + 16) }
            i += 1
        }
        let out = Data(d)
        return out == input ? nil : out
    }

    static let table: [UInt32] = (0..<256).map { i in
        var c = UInt32(i)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func crc32(_ data: Data) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in data { c = table[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }

    /// Text as XML character data: markup escaped, characters XML cannot hold dropped.
    static func escape(_ s: Substring) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\t", "\n", "\r": out.unicodeScalars.append(u)
            default:
                if u.value < 0x20 || u.value == 0xFFFE || u.value == 0xFFFF { continue }
                out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// The body of a document from lines of text: a line is a paragraph whose runs are split at `~`; lines
    /// starting with `|` are the rows of one table, their cells split at `|`.
    static func body(_ text: String, docx: Bool) -> String {
        func paragraph(_ line: Substring) -> String {
            let runs = line.split(separator: "~", omittingEmptySubsequences: false).map(escape)
            return docx ? "<w:p>" + runs.map { "<w:r><w:t xml:space=\"preserve\">\($0)</w:t></w:r>" }.joined() + "</w:p>"
                : "<text:p text:style-name=\"P1\">" + runs.map { "<text:span>\($0)</text:span>" }.joined() + "</text:p>"
        }
        var out = ""
        var rows: [[Substring]] = []
        func flush() {
            guard !rows.isEmpty else { return }
            let columns = rows.map(\.count).max() ?? 1
            if docx {
                out += "<w:tbl><w:tblGrid>" + String(repeating: "<w:gridCol w:w=\"1000\"/>", count: columns) + "</w:tblGrid>"
                for r in rows { out += "<w:tr>" + r.map { "<w:tc>\(paragraph($0))</w:tc>" }.joined() + "</w:tr>" }
                out += "</w:tbl>"
            } else {
                out += "<table:table table:name=\"T\(out.count)\"><table:table-column table:number-columns-repeated=\"\(columns)\"/>"
                for r in rows { out += "<table:table-row>" + r.map { "<table:table-cell office:value-type=\"string\">\(paragraph($0))</table:table-cell>" }.joined() + "</table:table-row>" }
                out += "</table:table>"
            }
            rows = []
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("|") {
                rows.append(line.dropFirst().split(separator: "|", omittingEmptySubsequences: false))
            } else {
                flush()
                out += paragraph(line)
            }
        }
        flush()
        return out
    }

    static let docxNamespaces = #"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture""#
    static let odfNamespaces = #"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0""#

    /// The parts of a DOCX or ODT whose body holds `text` (see `body`) and whose header holds `header`.
    public static func parts(text: String, header: String = "", docx: Bool) -> [(name: String, data: Data)] {
        let decl = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        if docx {
            return [
                ("[Content_Types].xml", Data((decl + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/></Types>"#).utf8)),
                ("_rels/.rels", Data((decl + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#).utf8)),
                ("word/_rels/document.xml.rels", Data((decl + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/></Relationships>"#).utf8)),
                ("word/document.xml", Data((decl + "<w:document \(docxNamespaces)><w:body>\(body(text, docx: true))<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId2\"/><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1440\" w:right=\"1440\" w:bottom=\"1440\" w:left=\"1440\" w:header=\"708\" w:footer=\"708\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>").utf8)),
                ("word/header1.xml", Data((decl + "<w:hdr \(docxNamespaces)>\(body(header, docx: true))</w:hdr>").utf8)),
            ]
        }
        return [
            ("mimetype", Data("application/vnd.oasis.opendocument.text".utf8)),
            ("META-INF/manifest.xml", Data((decl + #"<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/></manifest:manifest>"#).utf8)),
            ("content.xml", Data((decl + "<office:document-content \(odfNamespaces) office:version=\"1.3\"><office:automatic-styles><style:style style:name=\"P1\" style:family=\"paragraph\"/></office:automatic-styles><office:body><office:text>\(body(text, docx: false))</office:text></office:body></office:document-content>").utf8)),
            ("styles.xml", Data((decl + "<office:document-styles \(odfNamespaces) office:version=\"1.3\"><office:automatic-styles><style:page-layout style:name=\"pm1\"><style:page-layout-properties fo:page-width=\"21cm\" fo:page-height=\"29.7cm\"/></style:page-layout></office:automatic-styles><office:master-styles><style:master-page style:name=\"Standard\" style:page-layout-name=\"pm1\"><style:header>\(body(header, docx: false))</style:header></style:master-page></office:master-styles></office:document-styles>").utf8)),
        ]
    }

    /// Values of every kind a template may meet: text, numbers, truth values, dates, lists of records.
    public static let data: TemplateValue = [
        "a": "ก ข\tค\nง", "n": 1234.5, "neg": -3, "big": .number(Decimal(string: "1e30")!), "flag": true, "off": false,
        "empty": "", "nul": .null, "d": "2024-02-29", "bad": "2024-02-30", "w": "3cm", "org": ["name": "เทศบาลตำบล"],
        "xs": [["a": "x1", "n": 1, "ys": ["p", "q"]], ["a": "x1", "n": 2, "ys": []], ["a": "x2", "n": 3, "ys": ["r"]]],
        "ys": [], "list": ["1", "2", "3"],
    ]

    /// Fills `template` with `data`, strictly and then leniently. A fill that succeeds must give parts that
    /// are well-formed XML (a crash here is a finding); a fill that fails must say why in words.
    public static func fill(_ template: Template, _ data: TemplateValue) {
        // Strict with Arabic digits; lenient with Thai digits (the digit pass and its own programs).
        for lenient in [false, true] {
            let options = RenderOptions(lenient: lenient, digits: lenient ? .thai : .arabic)
            let compiled = Result { try template.render(data, options: options, compiled: true) }
            switch compiled {
            case let .success((changes, _)):
                for (name, bytes) in changes.replaced where name.hasSuffix(".xml") {
                    do { _ = try XMLDocument(data: bytes, name: name) } catch {
                        fatalError("a fill wrote \(name), which is not well-formed XML: \(error)")
                    }
                }
            case let .failure(error):
                if "\(error)".isEmpty { fatalError("an error without a message: \(type(of: error))") }
            }
            // The document-tree path must end alike: the same bytes, or the same error.
            let tree = Result { try template.render(data, options: options, compiled: false) }
            switch (compiled, tree) {
            case let (.success(a), .success(b)):
                for (name, bytes) in a.changes.replaced where b.changes.replaced[name] != bytes {
                    fatalError("the compiled and the tree fill differ in \(name) (lenient \(lenient)):\n\(String(decoding: bytes, as: UTF8.self))\n---\n\(String(decoding: b.changes.replaced[name] ?? Data(), as: UTF8.self))")
                }
                if Set(a.changes.replaced.keys) != Set(b.changes.replaced.keys) || a.changes.added.map(\.name) != b.changes.added.map(\.name)
                    || a.changes.added.map(\.data) != b.changes.added.map(\.data) {
                    fatalError("the compiled and the tree fill change other parts: \(a.changes.replaced.keys.sorted()) \(b.changes.replaced.keys.sorted())")
                }
                if a.report.warnings != b.report.warnings {
                    fatalError("the compiled and the tree fill warn differently:\n\(a.report.warnings)\n---\n\(b.report.warnings)")
                }
            case let (.failure(a), .failure(b)):
                if "\(a)" != "\(b)" { fatalError("the compiled and the tree fill fail differently:\n\(a)\n---\n\(b)") }
            case let (.success, .failure(b)):
                fatalError("only the tree fill fails: \(b)")
            case let (.failure(a), .success):
                fatalError("only the compiled fill fails: \(a)")
            }
        }
    }
}
