import Foundation
import OfficeXML

enum AutomaticStyles {
    /// Removes the ODF automatic styles that nothing refers to any more (their only text was a tag, or
    /// the rows and paragraphs using them were removed): LibreOffice drops them on save, and checkers
    /// flag them as declared but never used.
    static func prune(root: XMLNode, dialect: any Dialect) {
        guard let auto = dialect.automaticStyles(in: root) else { return }
        let candidates = auto.elementChildren.filter(dialect.isPrunableStyle)
        guard !candidates.isEmpty else { return }
        // Only the candidates' names matter, and only attributes that name styles (…style-name,
        // …page-name, class-names, leader-text-style) can refer to them; the walk stops looking once
        // every candidate is found in use.
        var unused = Set(candidates.compactMap(dialect.declaredStyleName).filter { !$0.isEmpty })
        let needles = ["name", "style"]
        root.walk { n in
            guard !unused.isEmpty, n.isElement else { return false }
            let isDeclaration = n.parent == auto
            for v in n.attributeValues(whereNameContains: needles) where !(isDeclaration && v == dialect.declaredStyleName(n)) {
                unused.remove(v)
                if v.contains(" ") { for part in v.split(separator: " ") { unused.remove(String(part)) } }
            }
            return true
        }
        for s in candidates {
            if let name = dialect.declaredStyleName(s), unused.contains(name) { s.remove() }
        }
    }
}
