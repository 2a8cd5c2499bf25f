import Foundation
import OfficeXML

extension PartRenderer {
    /// Removes the ODF automatic styles that nothing refers to any more (their only text was a tag, or
    /// the rows and paragraphs using them were removed): LibreOffice drops them on save, and checkers
    /// flag them as declared but never used.
    func pruneAutomaticStyles(root: XMLNode) {
        guard let auto = root.child("automatic-styles", Dialect.office) else { return }
        let candidates = auto.elementChildren.filter { $0.is("style", Dialect.style) || $0.is("list-style", Dialect.text) }
        guard !candidates.isEmpty else { return }
        var referenced = Set<String>()
        root.walk { n in
            guard n.isElement else { return false }
            let isDeclaration = n.parent == auto
            for a in n.attributes where !(isDeclaration && a.name == "name") {
                referenced.insert(a.value)
                if a.value.contains(" ") { for v in a.value.split(separator: " ") { referenced.insert(String(v)) } }
            }
            return true
        }
        for s in candidates {
            let name = s.attribute("name", Dialect.style) ?? ""
            if !name.isEmpty, !referenced.contains(name) { s.remove() }
        }
    }
}
