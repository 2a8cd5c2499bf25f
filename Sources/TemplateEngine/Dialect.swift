import Foundation
import OfficePackage
import OfficeXML

/// What differs between WordprocessingML and ODF text for the engine: element names and how text,
/// breaks, runs, cells and merges are written.
struct Dialect: Sendable {
    let kind: PackageKind

    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let wp = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
    static let a = "http://schemas.openxmlformats.org/drawingml/2006/main"
    static let pic = "http://schemas.openxmlformats.org/drawingml/2006/picture"
    static let text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    static let table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    static let office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    static let style = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
    static let draw = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
    static let fo = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
    static let xlink = "http://www.w3.org/1999/xlink"
    static let svg = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
    static let xml = "http://www.w3.org/XML/1998/namespace"
    static let w14 = "http://schemas.microsoft.com/office/word/2010/wordml"

    var namespaces: [String: String] {
        kind == .docx ? ["w": Self.w] : ["text": Self.text, "office": Self.office, "style": Self.style, "table": Self.table]
    }

    /// XPath of the paragraphs to scan in a part.
    func paragraphXPath(part: String) -> String {
        switch kind {
        case .docx: return "//w:p"
        case .odt: return part == "styles.xml" ? "//office:master-styles//text:p | //office:master-styles//text:h" : "//office:body//text:p | //office:body//text:h"
        }
    }

    func isParagraph(_ n: XMLNode) -> Bool {
        kind == .docx ? n.is("p", Self.w) : (n.is("p", Self.text) || n.is("h", Self.text))
    }
    func isRow(_ n: XMLNode) -> Bool { kind == .docx ? n.is("tr", Self.w) : n.is("table-row", Self.table) }
    func isCell(_ n: XMLNode) -> Bool {
        kind == .docx ? n.is("tc", Self.w) : (n.is("table-cell", Self.table) || n.is("covered-table-cell", Self.table))
    }
    func isTable(_ n: XMLNode) -> Bool { kind == .docx ? n.is("tbl", Self.w) : n.is("table", Self.table) }
    /// Elements that group rows inside a table (ODF header rows and row groups).
    func isRowGroup(_ n: XMLNode) -> Bool {
        kind == .odt && (n.is("table-header-rows", Self.table) || n.is("table-rows", Self.table) || n.is("table-row-group", Self.table))
    }

    /// Elements whose text is not part of the paragraph's own text (drawings, notes, deleted text, properties).
    func skipsText(_ n: XMLNode) -> Bool {
        guard n.isElement else { return false }
        switch kind {
        case .docx:
            guard n.namespaceURI == Self.w else { return n.localName == "AlternateContent" }
            return ["pPr", "rPr", "del", "drawing", "pict", "object", "instrText", "delText", "fldData", "sdtPr", "sdtEndPr", "txbxContent"].contains(n.localName)
        case .odt:
            if n.namespaceURI == Self.draw || n.namespaceURI == Self.office { return true }
            return n.namespaceURI == Self.text && ["note", "ruby-text", "tracked-changes", "bookmark-ref"].contains(n.localName)
        }
    }

    /// Elements skipped without a trace in the paragraph's text: properties, deleted text, field codes.
    func isSilent(_ n: XMLNode) -> Bool {
        guard n.isElement else { return false }
        switch kind {
        case .docx: return n.namespaceURI == Self.w && ["pPr", "rPr", "del", "instrText", "delText", "fldData", "sdtPr", "sdtEndPr", "proofErr", "bookmarkStart", "bookmarkEnd"].contains(n.localName)
        case .odt: return (n.namespaceURI == Self.office && n.localName == "annotation-end") || (n.namespaceURI == Self.text && ["bookmark", "bookmark-start", "bookmark-end", "tracked-changes", "change", "change-start", "change-end"].contains(n.localName))
        }
    }

    /// Elements that stand for a character in the paragraph's text but cannot be part of a tag.
    func isBarrier(_ n: XMLNode) -> Bool {
        guard n.isElement, !isSilent(n) else { return false }
        switch kind {
        case .docx: return (n.namespaceURI == Self.w && ["tab", "br", "cr", "sym", "noBreakHyphen", "softHyphen", "ptab"].contains(n.localName)) || skipsText(n)
        case .odt: return (n.namespaceURI == Self.text && ["tab", "line-break", "soft-page-break"].contains(n.localName)) || skipsText(n)
        }
    }

    /// The text holder inside which text nodes count (DOCX: only `w:t`; ODF: any text node of the paragraph).
    func countsText(_ textNode: XMLNode) -> Bool {
        switch kind {
        case .docx: return textNode.parent?.is("t", Self.w) == true
        case .odt: return true
        }
    }

    /// Children that carry an element's formatting and must be copied when the element is split.
    /// They lead their parent's children, so only the leading ones are looked at.
    func propertyChildren(of n: XMLNode) -> [XMLNode] {
        guard kind == .docx else { return [] }
        var out: [XMLNode] = []
        var c = n.firstChild
        while let cc = c, isPropertyChild(cc) {
            out.append(cc)
            c = cc.next
        }
        return out
    }

    /// True for an element that carries its parent's formatting (`w:rPr`, `w:sdtPr`, …).
    func isPropertyChild(_ n: XMLNode) -> Bool {
        kind == .docx && n.isElement && n.namespaceURI == Self.w && ["rPr", "smartTagPr", "sdtPr", "sdtEndPr"].contains(n.localName)
    }

    /// Removes elements left empty by splitting (runs with only properties, empty spans and text).
    func isEmptyLeftover(_ n: XMLNode) -> Bool {
        if n.isText { return n.text.isEmpty }
        switch kind {
        case .docx:
            if n.is("t", Self.w) { return n.text.isEmpty }
            if n.is("r", Self.w) { return n.elementChildren.allSatisfy { $0.is("rPr", Self.w) } && n.children.allSatisfy { $0.isElement } }
            return false
        case .odt:
            if n.is("span", Self.text) { return n.children.isEmpty }
            return false
        }
    }
}
