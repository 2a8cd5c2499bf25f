import Foundation
import OfficePackage
import OfficeXML

/// Keeps a signature block on the page of the table it signs, in a filled document. The shipped
/// templates set the signature as the last row of the table before it (borderless, never split); here
/// the row right above it, the table's last filled row, keeps with the next one: its paragraphs keep
/// with the next paragraph. Word keeps such a row with the row after it, and so does LibreOffice (in an
/// ODT with the TableRowKeep setting of the shipped templates, and in a DOCX), moving the last row to
/// the signature's page rather than leave the signature alone there. Only the filled document knows
/// which row is last: the template has one row for all the measures, and a mark on it would keep every
/// measure with the next one.
enum SignatureKeeping {
    /// Paragraph styles of the shipped templates' signature blocks.
    static let signatureStyles: Set<String> = ["Signature", "SignatureWide"]
    private static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    private static let text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    private static let table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    private static let office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    private static let style = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
    private static let fo = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"

    /// Marks the rows above signature rows in `doc` when it is the document's main part (DOCX
    /// word/document.xml, ODT content.xml); other parts are left alone. Returns the rows marked.
    @discardableResult
    static func apply(to doc: XMLDocument, part name: String, kind: PackageKind) -> Int {
        guard let root = doc.root else { return 0 }
        switch kind {
        case .docx:
            guard name == "word/document.xml" else { return 0 }
            var marked = 0
            for row in rowsAboveSignatures(root, paragraph: ("p", w), row: ("tr", w), isSignature: docxIsSignature) {
                for p in paragraphs(in: row, ("p", w)) { docxKeepWithNext(p, in: doc) }
                marked += 1
            }
            return marked
        case .odt:
            guard name == "content.xml" else { return 0 }
            let rows = rowsAboveSignatures(root, paragraph: ("p", text), row: ("table-row", table)) { p in
                signatureStyles.contains(odtParagraphStyle(p, root: root) ?? "")
            }
            guard !rows.isEmpty else { return 0 }
            let styles = OdtKeepStyles(root: root, doc: doc)
            for row in rows {
                for p in paragraphs(in: row, ("p", text)) + paragraphs(in: row, ("h", text)) {
                    guard let current = p.attribute("style-name", text) else { continue }
                    if let kept = styles.keeping(current) { p.setAttribute("style-name", text, value: kept) }
                }
            }
            return rows.count
        }
    }

    /// The rows right above the table rows that hold a signature paragraph (nested tables included).
    private static func rowsAboveSignatures(_ root: XMLNode, paragraph: (String, String), row: (String, String),
                                            isSignature: (XMLNode) -> Bool) -> [XMLNode] {
        var out: [XMLNode] = []
        root.walk { node in
            guard node.isElement else { return false }
            guard node.is(paragraph.0, paragraph.1) else { return true }
            if isSignature(node), let signatureRow = node.ancestors.first(where: { $0.is(row.0, row.1) }) {
                var above = signatureRow.previous
                while let a = above, !(a.isElement && a.is(row.0, row.1)) { above = a.previous }
                if let a = above, !out.contains(a) { out.append(a) }
            }
            return false
        }
        return out
    }

    private static func paragraphs(in node: XMLNode, _ name: (String, String)) -> [XMLNode] {
        var out: [XMLNode] = []
        node.walk { n in
            guard n.isElement else { return false }
            if n.is(name.0, name.1) { out.append(n); return false }
            return true
        }
        return out
    }

    // MARK: DOCX

    private static func docxIsSignature(_ p: XMLNode) -> Bool {
        guard let style = p.child("pPr", w)?.child("pStyle", w)?.attribute("val", w) else { return false }
        return signatureStyles.contains(style)
    }

    /// Adds `<w:keepNext/>` to the paragraph's properties, in its schema place (right after pStyle).
    private static func docxKeepWithNext(_ p: XMLNode, in doc: XMLDocument) {
        let pPr: XMLNode
        if let existing = p.child("pPr", w) {
            pPr = existing
        } else {
            pPr = doc.createElement("pPr", namespace: w, prefixHint: "w", context: p)
            p.prepend(pPr)
        }
        guard pPr.child("keepNext", w) == nil else { return }
        let keep = doc.createElement("keepNext", namespace: w, prefixHint: "w", context: pPr)
        if let style = pPr.child("pStyle", w) { style.insertAfter(keep) } else { pPr.prepend(keep) }
    }

    // MARK: ODT

    /// The named style of an ODT paragraph: its own style, or the parent of its automatic style.
    private static func odtParagraphStyle(_ p: XMLNode, root: XMLNode) -> String? {
        guard let name = p.attribute("style-name", text) else { return nil }
        if let auto = automaticStyles(root)?.elementChildren.first(where: {
            $0.is("style", style) && $0.attribute("name", style) == name && $0.attribute("family", style) == "paragraph"
        }) {
            return auto.attribute("parent-style-name", style) ?? name
        }
        return name
    }

    private static func automaticStyles(_ root: XMLNode) -> XMLNode? {
        root.child("automatic-styles", office)
    }

    /// Automatic paragraph styles that keep with the next paragraph, one per style they stand for: a
    /// copy of an automatic style with the keep added, or a new one whose parent is the named style.
    private final class OdtKeepStyles {
        let root: XMLNode
        let doc: XMLDocument
        let autos: XMLNode
        var made: [String: String] = [:]
        var taken: Set<String>

        init(root: XMLNode, doc: XMLDocument) {
            self.root = root
            self.doc = doc
            if let a = SignatureKeeping.automaticStyles(root) {
                autos = a
            } else {
                autos = doc.createElement("automatic-styles", namespace: office, prefixHint: "office", context: root)
                if let body = root.child("body", office) { body.insertBefore(autos) } else { root.append(autos) }
            }
            taken = Set(autos.elementChildren.compactMap { $0.attribute("name", style) })
        }

        func keeping(_ name: String) -> String? {
            if let m = made[name] { return m }
            var fresh = "ITAKeep_" + name
            var n = 1
            while taken.contains(fresh) { n += 1; fresh = "ITAKeep\(n)_" + name }
            let def: XMLNode
            if let auto = autos.elementChildren.first(where: {
                $0.is("style", style) && $0.attribute("name", style) == name && $0.attribute("family", style) == "paragraph"
            }) {
                def = auto.clone(deep: true, for: autos)
            } else {
                def = doc.createElement("style", namespace: style, prefixHint: "style", context: autos)
                def.setAttribute("family", style, value: "paragraph", prefixHint: "style")
                def.setAttribute("parent-style-name", style, value: name, prefixHint: "style")
            }
            def.setAttribute("name", style, value: fresh, prefixHint: "style")
            let props: XMLNode
            if let p = def.child("paragraph-properties", style) {
                props = p
            } else {
                props = doc.createElement("paragraph-properties", namespace: style, prefixHint: "style", context: def)
                // Paragraph properties come before text properties in a style.
                if let first = def.elementChildren.first { first.insertBefore(props) } else { def.append(props) }
            }
            props.setAttribute("keep-with-next", SignatureKeeping.fo, value: "always", prefixHint: "fo")
            autos.append(def)
            taken.insert(fresh)
            made[name] = fresh
            return fresh
        }
    }
}
