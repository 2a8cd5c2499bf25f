import OfficeXML

/// The number formats of a workbook's cell styles (`xl/styles.xml`), as far as reading values needs
/// them: which styles show a number as a percentage.
///
/// A cell's `s` is an index into `cellXfs`; each `xf` names a number format by `numFmtId`. The
/// built-in formats 9 (`0%`) and 10 (`0.00%`) are percentages; a custom format (`numFmts`) is one
/// when its code has a `%` outside quoted text and not escaped with a backslash.
enum CellStyles {
    static func percentStyles(_ document: XMLDocument) -> Set<Int> {
        guard let root = document.root else { return [] }
        var percentFormats: Set<Int> = [9, 10]
        for f in root.element("numFmts")?.elements("numFmt") ?? [] {
            guard let id = f.attribute("numFmtId").flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) else { continue }
            if isPercent(code: f.attribute("formatCode") ?? "") { percentFormats.insert(id) } else { percentFormats.remove(id) }
        }
        var styles: Set<Int> = []
        for (i, xf) in (root.element("cellXfs")?.elements("xf") ?? []).enumerated() {
            if let id = xf.attribute("numFmtId").flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }), percentFormats.contains(id) {
                styles.insert(i)
            }
        }
        return styles
    }

    /// Whether a number format code shows its number as a percentage: a `%` that is not quoted text
    /// (`"%"`) or an escaped character (`\%`).
    static func isPercent(code: String) -> Bool {
        var quoted = false
        var escaped = false
        for ch in code {
            if escaped { escaped = false; continue }
            if quoted { if ch == "\"" { quoted = false }; continue }
            switch ch {
            case "\\": escaped = true
            case "\"": quoted = true
            case "%": return true
            default: continue
            }
        }
        return false
    }
}
