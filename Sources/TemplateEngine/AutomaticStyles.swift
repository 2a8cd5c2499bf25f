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
        // Only the candidates' names matter, and only attributes that name styles (…style-name,
        // …page-name, class-names, leader-text-style) can refer to them; the walk stops looking once
        // every candidate is found in use.
        var unused = Set(candidates.compactMap { $0.attribute("name", Dialect.style) }.filter { !$0.isEmpty })
        let needles = ["name", "style"]
        root.walk { n in
            guard !unused.isEmpty, n.isElement else { return false }
            let isDeclaration = n.parent == auto
            for v in n.attributeValues(whereNameContains: needles) where !(isDeclaration && v == n.attribute("name", Dialect.style)) {
                unused.remove(v)
                if v.contains(" ") { for part in v.split(separator: " ") { unused.remove(String(part)) } }
            }
            return true
        }
        for s in candidates {
            if let name = s.attribute("name", Dialect.style), unused.contains(name) { s.remove() }
        }
    }
}
