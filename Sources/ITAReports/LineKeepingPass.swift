import Foundation
import OfficePackage
import OfficeXML
import ThaiFormat

/// Keeps numbers, dates, listed Thai words and the organisation's name whole at line ends in a filled
/// document: every text of its body, headers and footers goes through a `ThaiLineKeeper`, after the
/// template is filled, so values, filter output (`number:2`, `date:long`, Thai digits) and the
/// template's own words ("พ.ศ. {{fiscal_year}}") are all covered.
struct LineKeepingPass: Sendable {
    let keeper: ThaiLineKeeper

    private static let wordNS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    private static let textNS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"

    /// Rewrites one filled part's tree, when it is a text part (body, header, footer; ODT content and
    /// styles); other parts are left alone. Used while the template is filled (`RenderOptions.finishPart`),
    /// so the part is not read again.
    func apply(to doc: XMLDocument, part name: String, kind: PackageKind) throws {
        guard Self.isTextPart(name, kind: kind), let root = doc.root else { return }
        var paragraphs: [XMLNode] = []
        root.walk { node in
            guard node.isElement else { return false }
            if Self.isParagraph(node, kind: kind) { paragraphs.append(node) }
            return true
        }
        for paragraph in paragraphs {
            // The paragraph's own text nodes in order; spaces, tabs and breaks written as elements
            // count as a space between them. Nested paragraphs (text boxes) are handled on their own.
            var pieces: [(node: XMLNode?, text: String)] = []
            paragraph.walk { node in
                if node != paragraph, node.isElement, Self.isParagraph(node, kind: kind) { return false }
                if node.isText, let parent = node.parent, Self.holdsText(parent, kind: kind) {
                    pieces.append((node, node.text))
                } else if node.isElement, Self.isSpacer(node, kind: kind) {
                    pieces.append((nil, " "))
                }
                return true
            }
            guard pieces.contains(where: { $0.node != nil }) else { continue }
            let kept = keeper.keep(segments: pieces.map(\.text))
            for (piece, new) in zip(pieces, kept) where piece.node != nil && new != piece.text {
                piece.node?.text = new
            }
        }
        // Numbers into English-language runs: LibreOffice's Thai line breaking ignores the joiners
        // between digits (see NumberRuns).
        if kind == .docx { try NumberRuns.applyDOCX(doc) } else { try NumberRuns.applyODT(doc) }
    }

    static func isTextPart(_ name: String, kind: PackageKind) -> Bool {
        switch kind {
        case .docx:
            guard name.hasPrefix("word/"), name.hasSuffix(".xml"), !name.dropFirst(5).contains("/") else { return false }
            let base = name.dropFirst(5)
            return base == "document.xml" || base.hasPrefix("header") || base.hasPrefix("footer")
                || base == "footnotes.xml" || base == "endnotes.xml"
        case .odt:
            return name == "content.xml" || name == "styles.xml"
        }
    }

    private static func isParagraph(_ element: XMLNode, kind: PackageKind) -> Bool {
        switch kind {
        case .docx: return element.is("p", wordNS)
        case .odt: return element.namespaceURI == textNS && (element.localName == "p" || element.localName == "h")
        }
    }

    private static func isSpacer(_ element: XMLNode, kind: PackageKind) -> Bool {
        switch kind {
        case .docx: return element.namespaceURI == wordNS && ["tab", "br", "cr"].contains(element.localName)
        case .odt: return element.namespaceURI == textNS && ["s", "tab", "line-break"].contains(element.localName)
        }
    }

    private static func holdsText(_ element: XMLNode, kind: PackageKind) -> Bool {
        switch kind {
        case .docx: return element.is("t", wordNS)
        case .odt:
            return element.namespaceURI == textNS
                && ["p", "h", "span", "a"].contains(element.localName)
        }
    }
}
