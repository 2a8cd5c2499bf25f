import Foundation
import OfficeXML

/// Writes a part in a digit script: its text, its page numbers and its numbered lists.
enum DigitsPass {
    static func apply(root: XMLNode, document: XMLDocument, dialect: Dialect, script: DigitScript) {
        guard let convert = script.convert else { return }
        root.walk { n in
            if n.isText {
                if dialect.countsText(n) || dialect.kind == .odt {
                    let t = n.text
                    if t.contains(where: { $0.isASCII && $0.isNumber }) { n.text = convert(t) }
                }
                return false
            }
            if dialect.kind == .docx, n.is("instrText", Dialect.w) { return false }
            if dialect.kind == .docx, n.is("sectPr", Dialect.w), let format = script.wordNumberFormat {
                let pg = n.child("pgNumType", Dialect.w) ?? {
                    let e = document.createElement("pgNumType", namespace: Dialect.w, context: n)
                    // Schema order: … pgSz, pgMar, paperSrc, pgBorders, lnNumType, pgNumType, cols …
                    if let after = n.elementChildren.last(where: { ["headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar", "paperSrc", "pgBorders", "lnNumType"].contains($0.localName) }) {
                        after.insertAfter(e)
                    } else { n.prepend(e) }
                    return e
                }()
                pg.setAttribute("fmt", Dialect.w, value: format)
                return false
            }
            if dialect.kind == .odt, n.namespaceURI == Dialect.office, n.localName == "annotation" { return false }
            if dialect.kind == .odt, let format = script.odfNumberFormat, n.is("list-level-style-number", Dialect.text), n.attribute("num-format", Dialect.style) == "1" {
                n.setAttribute("num-format", Dialect.style, value: format)
            }
            if dialect.kind == .odt, let format = script.odfNumberFormat, n.is("page-layout-properties", Dialect.style) || n.is("page-number", Dialect.text) {
                // LibreOffice writes the locale's own digits for "Native Numbering": the paragraphs' language.
                if n.attribute("num-format", Dialect.style) == "1" || n.is("page-layout-properties", Dialect.style) {
                    n.setAttribute("num-format", Dialect.style, value: format)
                }
            }
            return true
        }
    }
}
