import Foundation
import OfficePackage

/// Builds minimal, valid DOCX and ODT templates from body XML, by hand, for the tests.
enum Fixture {
    static let wNS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let rNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    static let docxNamespaces = """
    xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \
    xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" \
    xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" \
    xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" \
    xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"
    """

    static let odfNamespaces = """
    xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
    xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" \
    xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
    xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" \
    xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" \
    xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" \
    xmlns:xlink="http://www.w3.org/1999/xlink" \
    xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" \
    xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:0.9"
    """

    // MARK: DOCX

    /// The parts of a DOCX whose body, header and footer are the given WordprocessingML fragments.
    static func docxParts(body: String, header: String, footer: String) -> [(name: String, data: Data)] {
        let decl = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        let contentTypes = decl + """
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
        <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
        <Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>\
        <Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>\
        </Types>
        """
        let rels = decl + """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
        </Relationships>
        """
        let docRels = decl + """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>\
        <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>\
        </Relationships>
        """
        let document = decl + """
        <w:document \(docxNamespaces)><w:body>\(body)\
        <w:sectPr><w:headerReference w:type="default" r:id="rId2"/><w:footerReference w:type="default" r:id="rId3"/>\
        <w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/>\
        </w:sectPr></w:body></w:document>
        """
        let styles = decl + """
        <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
        <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="TH Sarabun New" w:hAnsi="TH Sarabun New" w:cs="TH Sarabun New"/>\
        <w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="en-US" w:bidi="th-TH"/></w:rPr></w:rPrDefault></w:docDefaults>\
        <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>\
        <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:rPr><w:b/><w:sz w:val="36"/></w:rPr></w:style>\
        <w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:basedOn w:val="Normal"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:style>\
        <w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:tblPr><w:tblBorders>\
        <w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/>\
        <w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/>\
        <w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/>\
        </w:tblBorders></w:tblPr></w:style>\
        </w:styles>
        """
        let hdr = decl + "<w:hdr \(docxNamespaces)>\(header)</w:hdr>"
        let ftr = decl + "<w:ftr \(docxNamespaces)>\(footer)</w:ftr>"
        return [
            ("[Content_Types].xml", Data(contentTypes.utf8)),
            ("_rels/.rels", Data(rels.utf8)),
            ("word/document.xml", Data(document.utf8)),
            ("word/_rels/document.xml.rels", Data(docRels.utf8)),
            ("word/styles.xml", Data(styles.utf8)),
            ("word/header1.xml", Data(hdr.utf8)),
            ("word/footer1.xml", Data(ftr.utf8)),
        ]
    }

    // MARK: ODT

    /// Automatic styles the ODT bodies may use: T1 bold, T2 italic, T3 underlined, P1 a list paragraph, Tbl a table.
    static let odtAutomaticStyles = """
    <style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>\
    <style:style style:name="T2" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>\
    <style:style style:name="T3" style:family="text"><style:text-properties style:text-underline-style="solid" style:text-underline-width="auto" style:text-underline-color="font-color"/></style:style>\
    <style:style style:name="P1" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-left="1cm"/></style:style>\
    <style:style style:name="Tbl" style:family="table"><style:table-properties style:width="16cm" table:align="left"/></style:style>\
    <style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #000000" fo:padding="0.1cm"/></style:style>
    """

    /// The parts of an ODT whose body, header and footer are the given ODF text fragments.
    static func odtParts(body: String, header: String, footer: String) -> [(name: String, data: Data)] {
        let decl = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        let content = decl + """
        <office:document-content \(odfNamespaces) office:version="1.3">\
        <office:font-face-decls/><office:automatic-styles>\(odtAutomaticStyles)</office:automatic-styles>\
        <office:body><office:text>\(body)</office:text></office:body></office:document-content>
        """
        let styles = decl + """
        <office:document-styles \(odfNamespaces) office:version="1.3">\
        <office:styles>\
        <style:default-style style:family="paragraph"><style:text-properties style:font-name-complex="Loma" fo:font-size="12pt"/></style:default-style>\
        <style:style style:name="Standard" style:family="paragraph" style:class="text"/>\
        <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Standard" style:class="text"><style:text-properties fo:font-size="16pt" fo:font-weight="bold"/></style:style>\
        <style:style style:name="List_20_Bullet" style:display-name="List Bullet" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-left="1cm"/></style:style>\
        </office:styles>\
        <office:automatic-styles><style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" \
        style:num-format="1" style:print-orientation="portrait" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2cm" fo:margin-right="2cm"/>\
        <style:header-style><style:header-footer-properties fo:min-height="0.6cm"/></style:header-style>\
        <style:footer-style><style:header-footer-properties fo:min-height="0.6cm"/></style:footer-style></style:page-layout></office:automatic-styles>\
        <office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">\
        <style:header>\(header)</style:header><style:footer>\(footer)</style:footer></style:master-page></office:master-styles>\
        </office:document-styles>
        """
        let meta = decl + """
        <office:document-meta \(odfNamespaces) office:version="1.3"><office:meta><meta:generator>itareport tests</meta:generator></office:meta></office:document-meta>
        """
        let manifest = decl + """
        <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">\
        <manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="application/vnd.oasis.opendocument.text"/>\
        <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>\
        <manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>\
        <manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>\
        </manifest:manifest>
        """
        return [
            ("mimetype", Data("application/vnd.oasis.opendocument.text".utf8)),
            ("META-INF/manifest.xml", Data(manifest.utf8)),
            ("content.xml", Data(content.utf8)),
            ("styles.xml", Data(styles.utf8)),
            ("meta.xml", Data(meta.utf8)),
        ]
    }

    static func write(_ kind: PackageKind, body: String, header: String? = nil, footer: String? = nil, to url: URL) throws {
        let b = Body(kind)
        let parts: [(name: String, data: Data)]
        switch kind {
        case .docx: parts = docxParts(body: body, header: header ?? b.p("Header"), footer: footer ?? b.p("Footer"))
        case .odt: parts = odtParts(body: body, header: header ?? b.p("Header"), footer: footer ?? b.p("Footer"))
        }
        try OfficePackage.create(at: url, parts: parts)
    }
}

/// A run of template text with its formatting.
struct Run {
    enum Format { case plain, bold, italic, underline }
    let text: String
    let format: Format
    static func plain(_ t: String) -> Run { Run(text: t, format: .plain) }
    static func bold(_ t: String) -> Run { Run(text: t, format: .bold) }
    static func italic(_ t: String) -> Run { Run(text: t, format: .italic) }
    static func underline(_ t: String) -> Run { Run(text: t, format: .underline) }
}

/// Writes body XML (paragraphs and tables) in either dialect from the same description.
struct Body {
    let kind: PackageKind
    init(_ kind: PackageKind) { self.kind = kind }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    func run(_ r: Run) -> String {
        let t = Self.escape(r.text)
        switch kind {
        case .docx:
            let rPr: String
            switch r.format {
            case .plain: rPr = ""
            case .bold: rPr = "<w:rPr><w:b/></w:rPr>"
            case .italic: rPr = "<w:rPr><w:i/></w:rPr>"
            case .underline: rPr = "<w:rPr><w:u w:val=\"single\"/></w:rPr>"
            }
            return "<w:r>\(rPr)<w:t xml:space=\"preserve\">\(t)</w:t></w:r>"
        case .odt:
            switch r.format {
            case .plain: return t
            case .bold: return "<text:span text:style-name=\"T1\">\(t)</text:span>"
            case .italic: return "<text:span text:style-name=\"T2\">\(t)</text:span>"
            case .underline: return "<text:span text:style-name=\"T3\">\(t)</text:span>"
            }
        }
    }

    /// A paragraph of runs; `style` is a style id (DOCX) / name (ODT).
    func p(_ runs: [Run], style: String? = nil) -> String {
        let inner = runs.map(run).joined()
        switch kind {
        case .docx:
            let pPr = style.map { "<w:pPr><w:pStyle w:val=\"\($0)\"/></w:pPr>" } ?? ""
            return "<w:p>\(pPr)\(inner)</w:p>"
        case .odt:
            return "<text:p text:style-name=\"\(style ?? "Standard")\">\(inner)</text:p>"
        }
    }

    /// A paragraph of one plain run.
    func p(_ text: String, style: String? = nil) -> String { p([.plain(text)], style: style) }

    /// Paragraphs, one per text.
    func ps(_ texts: String...) -> String { texts.map { p($0) }.joined() }

    /// A table; each cell holds the given paragraph XML (use `p(…)`), or a plain text for a one-paragraph cell.
    func table(_ rows: [[String]]) -> String {
        let cols = rows.map(\.count).max() ?? 1
        func cellXML(_ c: String) -> String { c.hasPrefix("<") ? c : p(c) }
        switch kind {
        case .docx:
            let grid = String(repeating: "<w:gridCol w:w=\"\(9000 / cols)\"/>", count: cols)
            let trs = rows.map { r in
                "<w:tr>" + r.map { "<w:tc><w:tcPr><w:tcW w:w=\"\(9000 / cols)\" w:type=\"dxa\"/></w:tcPr>\(cellXML($0))</w:tc>" }.joined() + "</w:tr>"
            }.joined()
            return "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"9000\" w:type=\"dxa\"/></w:tblPr><w:tblGrid>\(grid)</w:tblGrid>\(trs)</w:tbl>"
        case .odt:
            let trs = rows.map { r in
                "<table:table-row>" + r.map { "<table:table-cell table:style-name=\"Cell\" office:value-type=\"string\">\(cellXML($0))</table:table-cell>" }.joined() + "</table:table-row>"
            }.joined()
            return "<table:table table:name=\"Table\(trs.utf8.count)\" table:style-name=\"Tbl\"><table:table-column table:number-columns-repeated=\"\(cols)\"/>\(trs)</table:table>"
        }
    }
}
