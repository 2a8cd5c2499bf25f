import Foundation
import ITAKit
@testable import ITAReports
import OfficePackage
import OfficeXML
import XCTest

/// The signature block is the last row of the table it signs, and only the filled table's last measure
/// row keeps with it: marking the template's loop row would keep every measure with the next one.
final class SignatureKeepingTests: XCTestCase {
    var out: URL!

    override func setUpWithError() throws {
        out = FileManager.default.temporaryDirectory.appendingPathComponent("itareport-sign-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: out) }

    /// Rows of the table holding the signature, as (keeps with next, is the signature row), header rows left out.
    private func signedTableRows(_ url: URL, _ format: PackageKind) throws -> [(keeps: Bool, signature: Bool)] {
        let pkg = try OfficePackage(contentsOf: url)
        if format == .docx {
            let xml = String(decoding: try pkg.read("word/document.xml"), as: UTF8.self)
            let table = try XCTUnwrap(xml.components(separatedBy: "<w:tbl>").last(where: { $0.contains("SignatureWide") }))
            return table.components(separatedBy: "<w:tr>").dropFirst().filter { !$0.contains("<w:tblHeader/>") }.map { row in
                let paragraphs = row.components(separatedBy: "<w:p>").dropFirst()
                return (!paragraphs.isEmpty && paragraphs.allSatisfy { $0.contains("<w:keepNext/>") }, row.contains("SignatureWide"))
            }
        }
        let xml = String(decoding: try pkg.read("content.xml"), as: UTF8.self)
        // Paragraph styles that keep with the next paragraph.
        let keeping = Set(xml.components(separatedBy: "<style:style ").dropFirst().filter { $0.prefix(while: { $0 != ">" }).contains("family=\"paragraph\"") && $0.components(separatedBy: "</style:style>")[0].contains("fo:keep-with-next=\"always\"") }
            .compactMap { s -> String? in s.components(separatedBy: "style:name=\"").dropFirst().first?.components(separatedBy: "\"").first })
        let table = try XCTUnwrap(xml.components(separatedBy: "<table:table ").last(where: { $0.contains("SignatureWide") }))
        let body = try XCTUnwrap(table.components(separatedBy: "</table:table-header-rows>").last)
        return body.components(separatedBy: "<table:table-row").dropFirst().map { row in
            let styles = row.components(separatedBy: "<text:p text:style-name=\"").dropFirst().compactMap { $0.components(separatedBy: "\"").first }
            return (!styles.isEmpty && styles.allSatisfy(keeping.contains), row.contains("SignatureWide"))
        }
    }

    func testOnlyTheLastFilledRowKeepsWithTheSignatureRow() throws {
        let url = GeneratedReportsTests.root.appendingPathComponent("Examples/sisaket-o35-2568.yaml")
        let loaded = ReportLoader.load(path: url.path)
        let (outputs, _) = try ReportGenerator(templateDirectory: GeneratedReportsTests.templates)
            .generate(loaded: loaded, dataURL: url, kinds: [.o35, .o34], formats: [.docx, .odt], outputDirectory: out)
        XCTAssertEqual(outputs.count, 4)
        for o in outputs {
            let rows = try signedTableRows(o.url, o.format)
            XCTAssertGreaterThan(rows.count, 3, "\(o.url.lastPathComponent): measure rows and the signature row")
            XCTAssertEqual(rows.last?.signature, true, "\(o.url.lastPathComponent): the signature is the table's last row")
            XCTAssertEqual(rows.dropLast().map(\.signature), Array(repeating: false, count: rows.count - 1))
            // Only the row right above the signature keeps with the next row.
            XCTAssertEqual(rows.dropLast().map(\.keeps), Array(repeating: false, count: rows.count - 2) + [true],
                           "\(o.url.lastPathComponent)")
        }
    }

    /// The pass on a bare DOCX body: paragraph properties made where missing, keepNext right after the
    /// style, nothing marked without a signature row.
    func testDOCXMarksInSchemaOrder() throws {
        let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
        func doc(_ sig: String) -> String {
            "<w:document \(w)><w:body><w:tbl><w:tr><w:tc><w:p><w:pPr><w:pStyle w:val=\"GridText\"/><w:numPr/></w:pPr></w:p><w:p/></w:tc></w:tr>"
                + "<w:tr><w:tc><w:p><w:pPr><w:pStyle w:val=\"\(sig)\"/></w:pPr></w:p></w:tc></w:tr></w:tbl></w:body></w:document>"
        }
        let signed = try XMLDocument(data: Data(doc("SignatureWide").utf8), name: "word/document.xml")
        XCTAssertEqual(SignatureKeeping.apply(to: signed, part: "word/document.xml", kind: .docx), 1)
        let xml = String(decoding: try signed.serialize(), as: UTF8.self)
        XCTAssertTrue(xml.contains("<w:pStyle w:val=\"GridText\"/><w:keepNext/><w:numPr/>"), xml)
        XCTAssertTrue(xml.contains("<w:p><w:pPr><w:keepNext/></w:pPr></w:p>"), xml)
        let unsigned = try XMLDocument(data: Data(doc("GridText").utf8), name: "word/document.xml")
        XCTAssertEqual(SignatureKeeping.apply(to: unsigned, part: "word/document.xml", kind: .docx), 0)
        XCTAssertFalse(String(decoding: try unsigned.serialize(), as: UTF8.self).contains("keepNext"))
    }
}

/// The analysis grid's period column: each whole date of a span on a line of its own.
final class PeriodLinesTests: XCTestCase {
    func testSecondDateOfASpanStartsItsOwnLine() {
        XCTAssertEqual(ReportViewBuilder.secondDateOnItsLine("1 ธันวาคม\u{00A0}2563 ถึง\u{00A0}31 มีนาคม\u{00A0}2564"),
                       "1 ธันวาคม\u{00A0}2563 ถึง\n31 มีนาคม\u{00A0}2564")
        XCTAssertEqual(ReportViewBuilder.secondDateOnItsLine("๑ ธันวาคม ๒๕๖๓ ถึง ๓๑ มีนาคม ๒๕๖๔"), "๑ ธันวาคม ๒๕๖๓ ถึง\n๓๑ มีนาคม ๒๕๖๔")
        // Without days the span fits the column as it is.
        XCTAssertEqual(ReportViewBuilder.secondDateOnItsLine("เมษายน 2568 ถึง กันยายน 2568"), "เมษายน 2568 ถึง กันยายน 2568")
        XCTAssertEqual(ReportViewBuilder.secondDateOnItsLine("ตลอดปีงบประมาณ"), "ตลอดปีงบประมาณ")
    }
}
