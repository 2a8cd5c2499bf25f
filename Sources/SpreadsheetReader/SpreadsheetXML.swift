import OfficeXML

/// Helpers for SpreadsheetML parts, matched by local name so that both the transitional and the
/// strict namespaces are read.
extension XMLNode {
    /// Element children with this local name, in order.
    func elements(_ localName: String) -> [XMLNode] {
        var out: [XMLNode] = []
        var c = firstChild
        while let n = c {
            if n.isElement, n.localName == localName { out.append(n) }
            c = n.next
        }
        return out
    }

    /// The first element child with this local name.
    func element(_ localName: String) -> XMLNode? {
        var c = firstChild
        while let n = c {
            if n.isElement, n.localName == localName { return n }
            c = n.next
        }
        return nil
    }

    /// The text of a shared-string item or inline string: its `t`, or its rich-text runs' `t`
    /// joined; phonetic guides (`rPh`) are not part of the text.
    var richText: String {
        var out = ""
        var c = firstChild
        while let n = c {
            if n.isElement {
                if n.localName == "t" { out += n.text }
                else if n.localName == "r", let t = n.element("t") { out += t.text }
            }
            c = n.next
        }
        return out
    }
}
