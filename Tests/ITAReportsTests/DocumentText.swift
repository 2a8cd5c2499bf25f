import Foundation
import OfficePackage
import OfficeXML

/// The text of a generated document, read back from its XML: one string per paragraph, and the cells of each table.
/// Read as a search finds it: word joiners (which only stop line breaks) left out, no-break spaces as spaces.
struct DocumentText {
    static func plain(_ s: String) -> String {
        s.unicodeScalars.filter { $0 != "\u{2060}" && $0 != "\u{200B}" }.map(String.init).joined().replacingOccurrences(of: "\u{00A0}", with: " ")
    }

    let paragraphs: [String]
    let tables: [[[String]]]
    var all: String { paragraphs.joined(separator: "\n") }

    init(_ url: URL) throws {
        let pkg = try OfficePackage(contentsOf: url)
        let isWord = pkg.kind == .docx
        let doc = try XMLDocument(data: pkg.read(isWord ? "word/document.xml" : "content.xml"), name: "body")
        let ns = ["w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                  "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
                  "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0"]
        paragraphs = try doc.select(isWord ? "//w:p" : "//text:p | //text:h", namespaces: ns).map { p in
            Self.plain(isWord ? (try doc.select(".//w:t", from: p, namespaces: ns)).map(\.text).joined() : p.text)
        }
        tables = try doc.select(isWord ? "//w:tbl[not(ancestor::w:tbl)]" : "//table:table[not(ancestor::table:table)]", namespaces: ns).map { t in
            try doc.select(isWord ? "./w:tr" : ".//table:table-row", from: t, namespaces: ns).map { row in
                try doc.select(isWord ? "./w:tc" : "./table:table-cell | ./table:covered-table-cell", from: row, namespaces: ns).map { c in
                    Self.plain(isWord ? (try doc.select(".//w:t", from: c, namespaces: ns)).map(\.text).joined() : c.text)
                }
            }
        }
    }
}
