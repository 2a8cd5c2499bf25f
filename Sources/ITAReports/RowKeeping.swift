import Foundation
import OfficePackage
import OfficeXML

/// Keeps table rows whole across pages when they surely fit on one, in a filled document.
///
/// The shipped grids let their measure rows split (DOCX: no `w:cantSplit`; ODT: no
/// `fo:keep-together`): a row may hold more than a page, and LibreOffice clips a row that may not
/// split and is taller than its page, so its text is lost. Most rows are far shorter, and a row cut in
/// two by a page end is hard to read and sign. Here each row that may split gets its height estimated
/// from its text (advance widths of TH SarabunPSK, metric-compatible Laksaman, at the paragraph's size),
/// its cells' widths and paddings and its pictures; a row whose estimate, with room for Thai line
/// breaking, stays within `share` of the page's text height under the header rows repeated above it
/// is kept whole. A row under a vertically merged cell taller than the rows it spans is left alone, as
/// is every row whose page or widths cannot be read. The estimate errs on the tall side: a row kept
/// whole that did not fit would lose text, one left free only splits as before.
struct RowKeeping: Sendable {
    /// Paragraph styles: size (pt), space before and after (pt), left indent (pt), by style name.
    struct Style: Sendable, Equatable {
        var size: Double?
        var before: Double?
        var after: Double?
        var indent: Double?
        var parent: String?
    }

    /// Named paragraph styles of the template (DOCX word/styles.xml, ODT styles.xml).
    var styles: [String: Style] = [:]
    /// Style used when a paragraph names none (DOCX docDefaults, ODT default paragraph style).
    var defaultStyle = Style(size: 12, before: 0, after: 0, indent: 0)
    /// ODT: text height (pt) of each master page, by name; the first master is "Standard" unless named.
    var masterHeights: [String: Double] = [:]
    /// Share of the page's text height under the repeated header rows that a row may be estimated at
    /// and still be kept whole (the estimate itself errs on the tall side: 7 to 15 % in the examples).
    var share = 0.95

    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let wp = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
    static let office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    static let style = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
    static let text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    static let table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    static let fo = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
    static let svg = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
    static let draw = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"

    /// A line of text is this many times its font size high (TH SarabunPSK / Laksaman in LibreOffice: 1.72).
    static let lineHeight = 1.75
    /// What a wrapped line leaves empty at its end, in em: Thai lines break between words, and the
    /// word that does not fit goes to the next line (about a short word).
    static let lineLoss = 1.0

    init() {}

    /// The template's styles and pages, read once per template.
    init(package: OfficePackage, kind: PackageKind) throws {
        switch kind {
        case .docx:
            if package.contains("word/styles.xml") { try readDOCXStyles(try package.xmlDocument("word/styles.xml")) }
        case .odt:
            if package.contains("styles.xml") { try readODTStyles(try package.xmlDocument("styles.xml")) }
        }
    }

    // MARK: applying

    /// Marks the rows that surely fit on a page in the document's main part (DOCX word/document.xml,
    /// ODT content.xml); other parts are left alone. Returns the number of rows marked.
    @discardableResult
    func apply(to doc: XMLDocument, part name: String, kind: PackageKind) -> Int {
        guard let root = doc.root else { return 0 }
        switch kind {
        case .docx: return name == "word/document.xml" ? applyDOCX(root, doc) : 0
        case .odt: return name == "content.xml" ? applyODT(root, doc) : 0
        }
    }

    /// One row as estimated: its height (pt), whether it already keeps whole, whether it repeats as a
    /// header, and the merged cells (rows spanned, height) that start in it.
    struct RowEstimate {
        var height: Double
        var kept: Bool
        var header: Bool
        var merges: [(rows: Int, height: Double)]
        var known: Bool
    }

    /// Which rows of a table to keep whole, given their estimates and the page's text height.
    static func rowsToKeep(_ rows: [RowEstimate], pageHeight: Double?, share: Double) -> [Int] {
        guard let pageHeight, pageHeight > 0 else { return [] }
        let headers = rows.filter(\.header).reduce(0) { $0 + $1.height }
        let room = (pageHeight - headers) * share
        var unsure = Set<Int>()
        for (i, r) in rows.enumerated() {
            if !r.known { unsure.insert(i) }
            for m in r.merges {
                let end = min(rows.count, i + m.rows)
                let own = rows[i..<end].reduce(0) { $0 + $1.height }
                if m.height > own { unsure.formUnion(i..<end) }
            }
        }
        return rows.indices.filter { i in
            !rows[i].kept && !rows[i].header && !unsure.contains(i) && rows[i].height <= room
        }
    }

    // MARK: estimating text

    /// Advance widths (em) of U+0E01–U+0E5B in Laksaman (metric-compatible with TH SarabunPSK);
    /// 0 for marks above and below the line.
    static let thaiWidths: [Double] = [
        0.580, 0.568, 0.574, 0.591, 0.591, 0.613, 0.442, 0.552, 0.567, 0.568, 0.574, 0.780, 0.780, 0.639, 0.639,
        0.515, 0.693, 0.800, 0.816, 0.588, 0.588, 0.568, 0.646, 0.503, 0.631, 0.643, 0.643, 0.573, 0.573, 0.672,
        0.672, 0.639, 0.601, 0.564, 0.484, 0.568, 0.573, 0.639, 0.503, 0.591, 0.658, 0.573, 0.642, 0.682, 0.582,
        0.559, 0.588, 0.536, 0.000, 0.475, 0.475, 0.000, 0.000, 0.000, 0.000, 0.000, 0.000, 0.000, 1.040, 1.040,
        1.040, 1.040, 0.618, 0.305, 0.567, 0.356, 0.364, 0.367, 0.308, 0.600, 0.000, 0.000, 0.000, 0.000, 0.000,
        0.000, 0.000, 0.000, 0.676, 0.675, 0.675, 0.675, 0.675, 0.675, 0.675, 0.675, 0.675, 0.675, 0.675, 0.785,
        1.048,
    ]

    /// Width of `s` in em at regular weight (bold text is taken 6 % wider by the caller).
    static func ems(_ s: some StringProtocol) -> Double {
        var total = 0.0
        for u in s.unicodeScalars {
            let v = u.value
            switch v {
            case 0x0E01...0x0E5B: total += thaiWidths[Int(v - 0x0E01)]
            case 0x200B, 0x2060, 0x200C, 0x200D, 0xFEFF: break
            case 0x20, 0xA0: total += 0.324
            case 0x30...0x39: total += 0.544
            case 0x21...0x7E: total += 0.62
            case 0x0300...0x036F: break
            default: total += 1.0
            }
        }
        return total
    }

    /// Height (pt) of a paragraph of `lines` (its text split at explicit line breaks) at `size` pt in a
    /// column `width` pt wide.
    static func paragraphHeight(lines: [String], size: Double, bold: Bool, width: Double, before: Double, after: Double) -> Double {
        // The share of the width a line fills: less in a narrow column, never more than 95 %.
        let fill = min(0.95, max(0.6, 1 - lineLoss * size / max(width, size)))
        let usable = max(width, size) * fill
        var count = 0
        for line in lines {
            let em = ems(line) * (bold ? 1.06 : 1.0)
            // A line that fits the whole width is not broken, so nothing is lost at its end.
            count += em * size <= width ? 1 : max(2, Int((em * size / usable).rounded(.up)))
        }
        return Double(max(count, 1)) * size * lineHeight + before + after
    }

    // MARK: DOCX

    private mutating func readDOCXStyles(_ doc: XMLDocument) throws {
        guard let root = doc.root else { return }
        let w = Self.w
        if let pPr = root.child("docDefaults", w)?.child("pPrDefault", w)?.child("pPr", w) { merge(docxParagraph: pPr, into: &defaultStyle) }
        if let rPr = root.child("docDefaults", w)?.child("rPrDefault", w)?.child("rPr", w), let s = Self.docxSize(rPr) { defaultStyle.size = s }
        for s in root.elementChildren where s.is("style", w) && s.attribute("type", w) == "paragraph" {
            guard let id = s.attribute("styleId", w) else { continue }
            var st = Style(parent: s.child("basedOn", w)?.attribute("val", w))
            if let pPr = s.child("pPr", w) { merge(docxParagraph: pPr, into: &st) }
            if let rPr = s.child("rPr", w), let size = Self.docxSize(rPr) { st.size = size }
            styles[id] = st
        }
    }

    private func merge(docxParagraph pPr: XMLNode, into st: inout Style) {
        let w = Self.w
        if let sp = pPr.child("spacing", w) {
            if let b = sp.attribute("before", w).flatMap(Double.init) { st.before = b / 20 }
            if let a = sp.attribute("after", w).flatMap(Double.init) { st.after = a / 20 }
        }
        if let ind = pPr.child("ind", w), let l = (ind.attribute("left", w) ?? ind.attribute("start", w)).flatMap(Double.init) { st.indent = l / 20 }
    }

    private static func docxSize(_ rPr: XMLNode) -> Double? {
        (rPr.child("szCs", w) ?? rPr.child("sz", w))?.attribute("val", w).flatMap(Double.init).map { $0 / 2 }
    }

    /// A style's value with its parents' and the default's filling what it leaves out.
    private func resolved(_ name: String?) -> Style {
        var out = Style()
        var seen = Set<String>()
        var next = name
        while let n = next, !seen.contains(n), let s = styles[n] {
            seen.insert(n)
            out.size = out.size ?? s.size
            out.before = out.before ?? s.before
            out.after = out.after ?? s.after
            out.indent = out.indent ?? s.indent
            next = s.parent
        }
        return Style(size: out.size ?? defaultStyle.size ?? 12, before: out.before ?? defaultStyle.before ?? 0,
                     after: out.after ?? defaultStyle.after ?? 0, indent: out.indent ?? defaultStyle.indent ?? 0)
    }

    private func applyDOCX(_ root: XMLNode, _ doc: XMLDocument) -> Int {
        let w = Self.w
        var tables: [XMLNode] = []
        root.walk { n in
            guard n.isElement else { return false }
            if n.is("tbl", w) { tables.append(n) }
            return true
        }
        var marked = 0
        let sections = Self.docxSectionHeights(root)
        for tbl in tables {
            let grid = (tbl.child("tblGrid", w)?.elementChildren ?? []).filter { $0.is("gridCol", w) }
                .map { $0.attribute("w", w).flatMap(Double.init).map { $0 / 20 } }
            guard !grid.isEmpty, !grid.contains(where: { $0 == nil }) else { continue }
            let cols = grid.map { $0! }
            let mar = tbl.child("tblPr", w)?.child("tblCellMar", w)
            func margin(_ side: String, _ alt: String, _ fallback: Double) -> Double {
                (mar?.child(side, w) ?? mar?.child(alt, w))?.attribute("w", w).flatMap(Double.init).map { $0 / 20 } ?? fallback
            }
            let pad = (left: margin("left", "start", 5.4), right: margin("right", "end", 5.4),
                       top: margin("top", "top", 0), bottom: margin("bottom", "bottom", 0))
            let rows = tbl.elementChildren.filter { $0.is("tr", w) }
            var estimates: [RowEstimate] = []
            // Vertical merges open in each grid column: (row it starts in, rows so far, its height).
            var running: [Int: (row: Int, count: Int, height: Double)] = [:]
            var merges: [(row: Int, rows: Int, height: Double)] = []
            for (r, tr) in rows.enumerated() {
                let trPr = tr.child("trPr", w)
                let cant = trPr?.child("cantSplit", w).map { c in c.attribute("val", w).map { $0 != "0" && $0 != "false" } ?? true } ?? false
                var est = RowEstimate(height: 0, kept: cant, header: trPr?.child("tblHeader", w) != nil, merges: [], known: true)
                var col = trPr?.child("gridBefore", w)?.attribute("val", w).flatMap(Int.init) ?? 0
                var seen = Set<Int>()
                for tc in tr.elementChildren where tc.is("tc", w) {
                    let tcPr = tc.child("tcPr", w)
                    let span = tcPr?.child("gridSpan", w)?.attribute("val", w).flatMap(Int.init) ?? 1
                    guard col + span <= cols.count else { est.known = false; break }
                    seen.insert(col)
                    let width = cols[col..<(col + span)].reduce(0, +) - pad.left - pad.right
                    if let v = tcPr?.child("vMerge", w) {
                        if v.attribute("val", w) == "restart" {
                            if let o = running[col] { merges.append((o.row, o.count, o.height)) }
                            running[col] = (r, 1, docxCellHeight(tc, width: width) + pad.top + pad.bottom)
                        } else if var o = running[col] {
                            o.count += 1
                            running[col] = o
                        }
                    } else {
                        if let o = running[col] { merges.append((o.row, o.count, o.height)); running[col] = nil }
                        est.height = max(est.height, docxCellHeight(tc, width: width) + pad.top + pad.bottom)
                    }
                    col += span
                }
                for (c, o) in running where !seen.contains(c) { merges.append((o.row, o.count, o.height)); running[c] = nil }
                estimates.append(est)
            }
            for (_, o) in running { merges.append((o.row, o.count, o.height)) }
            for m in merges { estimates[m.row].merges.append((m.rows, m.height)) }
            let page = Self.docxPageHeight(of: tbl, in: sections)
            for i in Self.rowsToKeep(estimates, pageHeight: page, share: share) {
                Self.docxCantSplit(rows[i], doc)
                marked += 1
            }
        }
        return marked
    }

    /// Height (pt) of a DOCX cell's content (nested tables count as their text).
    private func docxCellHeight(_ tc: XMLNode, width: Double) -> Double {
        let w = Self.w
        var total = 0.0
        tc.walk { n in
            guard n.isElement else { return false }
            guard n.is("p", w) else { return true }
            total += docxParagraphHeight(n, width: width)
            return false
        }
        return total
    }

    private func docxParagraphHeight(_ p: XMLNode, width: Double) -> Double {
        let w = Self.w
        let pPr = p.child("pPr", w)
        var st = resolved(pPr?.child("pStyle", w)?.attribute("val", w))
        if let pPr { merge(docxParagraph: pPr, into: &st) }
        var indent = st.indent ?? 0
        if pPr?.child("numPr", w) != nil, indent < 28 { indent = 28 }
        var lines = [""]
        var size = 0.0
        var bold = false
        var pictures = 0.0
        p.walk { n in
            guard n.isElement else { return false }
            if n.is("r", w), let rPr = n.child("rPr", w) {
                if let s = Self.docxSize(rPr) { size = max(size, s) }
                if rPr.child("b", w) != nil || rPr.child("bCs", w) != nil { bold = true }
            }
            if n.is("t", w) { lines[lines.count - 1] += n.text }
            else if n.is("tab", w) { lines[lines.count - 1] += "    " }
            else if n.is("br", w) || n.is("cr", w) { lines.append("") }
            else if n.is("extent", Self.wp), let cy = n.attribute("cy").flatMap(Double.init) { pictures += cy / 12700 }
            return true
        }
        let fontSize = size > 0 ? size : (st.size ?? 12)
        let textHeight = Self.paragraphHeight(lines: lines, size: fontSize, bold: bold, width: width - indent,
                                              before: st.before ?? 0, after: st.after ?? 0)
        return textHeight + pictures
    }

    /// The text height (pt) of the section each child of the body is in: the first section break at or
    /// after it (one backward pass over the body, so many tables cost no more than one).
    private static func docxSectionHeights(_ root: XMLNode) -> [XMLNode: Double] {
        guard let body = root.child("body", w) else { return [:] }
        var out: [XMLNode: Double] = [:]
        var current: Double?
        for c in body.elementChildren.reversed() {
            if c.is("sectPr", w) { current = docxTextHeight(c) }
            else if c.is("p", w), let s = c.child("pPr", w)?.child("sectPr", w) { current = docxTextHeight(s) }
            if let current { out[c] = current }
        }
        return out
    }

    /// The section height of a table: that of the body child holding it.
    private static func docxPageHeight(of tbl: XMLNode, in heights: [XMLNode: Double]) -> Double? {
        var node: XMLNode? = tbl
        while let n = node, let parent = n.parent, !parent.is("body", w) { node = parent }
        return node.flatMap { heights[$0] }
    }

    private static func docxTextHeight(_ sectPr: XMLNode) -> Double? {
        guard let h = sectPr.child("pgSz", w)?.attribute("h", w).flatMap(Double.init),
              let mar = sectPr.child("pgMar", w) else { return nil }
        let top = abs(mar.attribute("top", w).flatMap(Double.init) ?? 1440)
        let bottom = abs(mar.attribute("bottom", w).flatMap(Double.init) ?? 1440)
        return (h - top - bottom) / 20
    }

    /// Adds `<w:cantSplit/>` to the row's properties (made when missing, before its first cell).
    private static func docxCantSplit(_ tr: XMLNode, _ doc: XMLDocument) {
        let trPr: XMLNode
        if let existing = tr.child("trPr", w) {
            trPr = existing
        } else {
            trPr = doc.createElement("trPr", namespace: w, prefixHint: "w", context: tr)
            if let first = tr.elementChildren.first(where: { $0.is("tc", w) || $0.is("sdt", w) || $0.is("customXml", w) }) {
                first.insertBefore(trPr)
            } else { tr.append(trPr) }
        }
        if let c = trPr.child("cantSplit", w) { c.removeAttribute("val", w); return }
        trPr.prepend(doc.createElement("cantSplit", namespace: w, prefixHint: "w", context: trPr))
    }

    // MARK: ODT

    private mutating func readODTStyles(_ doc: XMLDocument) throws {
        guard let root = doc.root else { return }
        var layouts: [String: Double] = [:]
        var firstMaster: String?
        root.walk { n in
            guard n.isElement else { return false }
            if n.is("default-style", Self.style), n.attribute("family", Self.style) == "paragraph" {
                defaultStyle = Self.odtStyle(n, fallback: defaultStyle)
                return false
            }
            if n.is("style", Self.style), n.attribute("family", Self.style) == "paragraph", let name = n.attribute("name", Self.style) {
                styles[name] = Self.odtStyle(n, fallback: Style(parent: n.attribute("parent-style-name", Self.style)))
                return false
            }
            if n.is("page-layout", Self.style), let name = n.attribute("name", Self.style),
               let props = n.child("page-layout-properties", Self.style),
               let h = props.attribute("page-height", Self.fo).flatMap(Self.points) {
                let top = props.attribute("margin-top", Self.fo).flatMap(Self.points) ?? 0
                let bottom = props.attribute("margin-bottom", Self.fo).flatMap(Self.points) ?? 0
                var extra = 0.0
                // A header or footer of fixed height (svg:height) takes that much, its spacing included
                // (as LibreOffice lays it out); one of a least height, that height and its spacing.
                for part in ["header-style", "footer-style"] {
                    guard let hf = n.child(part, Self.style)?.child("header-footer-properties", Self.style) else { continue }
                    if let fixed = hf.attribute("height", Self.svg).flatMap(Self.points) {
                        extra += fixed
                    } else {
                        extra += (hf.attribute("min-height", Self.fo).flatMap(Self.points) ?? 0)
                            + (hf.attribute("margin-bottom", Self.fo).flatMap(Self.points) ?? 0)
                            + (hf.attribute("margin-top", Self.fo).flatMap(Self.points) ?? 0)
                    }
                }
                layouts[name] = h - top - bottom - extra
                return false
            }
            if n.is("master-page", Self.style), let name = n.attribute("name", Self.style) {
                if let l = n.attribute("page-layout-name", Self.style), let h = layouts[l] { masterHeights[name] = h }
                firstMaster = firstMaster ?? name
                return false
            }
            return true
        }
        if masterHeights["Standard"] == nil, let f = firstMaster, let h = masterHeights[f] { masterHeights["Standard"] = h }
    }

    private static func odtStyle(_ n: XMLNode, fallback: Style) -> Style {
        var st = fallback
        if let t = n.child("text-properties", style) {
            if let s = (t.attribute("font-size-complex", style) ?? t.attribute("font-size", fo)), s.hasSuffix("pt") { st.size = points(s) }
        }
        if let p = n.child("paragraph-properties", style) {
            if let b = p.attribute("margin-top", fo).flatMap(points) { st.before = b }
            if let a = p.attribute("margin-bottom", fo).flatMap(points) { st.after = a }
            if let l = p.attribute("margin-left", fo).flatMap(points) { st.indent = l }
        }
        return st
    }

    /// "1.5cm", "15mm", "0.5in", "12pt" in points.
    static func points(_ length: String) -> Double? {
        for (unit, factor) in [("cm", 72 / 2.54), ("mm", 7.2 / 2.54), ("in", 72.0), ("pt", 1.0), ("pc", 12.0)] where length.hasSuffix(unit) {
            return Double(length.dropLast(unit.count)).map { $0 * factor }
        }
        return nil
    }

    private func applyODT(_ root: XMLNode, _ doc: XMLDocument) -> Int {
        let autos = root.child("automatic-styles", Self.office)
        var auto: [String: XMLNode] = [:]
        for s in autos?.elementChildren ?? [] where s.is("style", Self.style) {
            if let n = s.attribute("name", Self.style) { auto[n] = s }
        }
        guard let body = root.child("body", Self.office)?.child("text", Self.office) else { return 0 }
        let columns = LineKeepingPass.columnWidths(root).mapValues { $0 * 72 / 2.54 }
        var master = "Standard"
        var marked = 0
        var keepStyles: [String: String] = [:]
        var taken = Set(auto.keys)
        func walk(_ node: XMLNode) {
            for c in node.elementChildren {
                if (c.is("p", Self.text) || c.is("h", Self.text)), let s = c.attribute("style-name", Self.text),
                   let m = auto[s]?.attribute("master-page-name", Self.style), !m.isEmpty {
                    master = m
                } else if c.is("table", Self.table) {
                    marked += odtTable(c, doc: doc, autos: autos, auto: auto, columns: columns, page: masterHeights[master],
                                       keepStyles: &keepStyles, taken: &taken)
                } else if c.is("section", Self.text) || c.is("list", Self.text) || c.is("list-item", Self.text) {
                    walk(c)
                }
            }
        }
        walk(body)
        return marked
    }

    private func odtTable(_ table: XMLNode, doc: XMLDocument, autos: XMLNode?, auto: [String: XMLNode], columns: [String: Double],
                          page: Double?, keepStyles: inout [String: String], taken: inout Set<String>) -> Int {
        var widths: [Double?] = []
        var rows: [(node: XMLNode, header: Bool)] = []
        func collect(_ node: XMLNode, header: Bool) {
            for c in node.elementChildren {
                if c.is("table-column", Self.table) {
                    let w = c.attribute("style-name", Self.table).flatMap { columns[$0] }
                    widths += Array(repeating: w, count: Int(c.attribute("number-columns-repeated", Self.table) ?? "") ?? 1)
                } else if c.is("table-columns", Self.table) || c.is("table-header-columns", Self.table) || c.is("table-rows", Self.table) {
                    collect(c, header: header)
                } else if c.is("table-header-rows", Self.table) {
                    collect(c, header: true)
                } else if c.is("table-row", Self.table) {
                    rows.append((c, header))
                }
            }
        }
        collect(table, header: false)
        guard !widths.isEmpty, !widths.contains(where: { $0 == nil }) else { return 0 }
        let cols = widths.map { $0! }
        var estimates: [RowEstimate] = []
        for (tr, header) in rows {
            var est = RowEstimate(height: 0, kept: false, header: header, merges: [], known: true)
            if let s = tr.attribute("style-name", Self.table),
               auto[s]?.child("table-row-properties", Self.style)?.attribute("keep-together", Self.fo) == "always" {
                est.kept = true
            }
            var col = 0
            for cell in tr.elementChildren {
                if cell.is("covered-table-cell", Self.table) {
                    col += Int(cell.attribute("number-columns-repeated", Self.table) ?? "") ?? 1
                    continue
                }
                guard cell.is("table-cell", Self.table) else { continue }
                let span = Int(cell.attribute("number-columns-spanned", Self.table) ?? "") ?? 1
                let repeated = Int(cell.attribute("number-columns-repeated", Self.table) ?? "") ?? 1
                guard col + span * repeated <= cols.count else { est.known = false; break }
                let props = cell.attribute("style-name", Self.table).flatMap { auto[$0] }?.child("table-cell-properties", Self.style)
                func pad(_ side: String) -> Double {
                    (props?.attribute("padding-\(side)", Self.fo) ?? props?.attribute("padding", Self.fo)).flatMap(Self.points) ?? 0
                }
                let width = cols[col..<(col + span)].reduce(0, +) - pad("left") - pad("right")
                let h = odtCellHeight(cell, width: width, auto: auto) + pad("top") + pad("bottom")
                let down = Int(cell.attribute("number-rows-spanned", Self.table) ?? "") ?? 1
                if down > 1 { est.merges.append((down, h)) } else { est.height = max(est.height, h) }
                col += span * repeated
            }
            estimates.append(est)
        }
        var marked = 0
        for i in Self.rowsToKeep(estimates, pageHeight: page, share: share) {
            let tr = rows[i].node
            let current = tr.attribute("style-name", Self.table)
            let key = current ?? ""
            if keepStyles[key] == nil, let autos {
                var fresh = "ITARowKeep" + (current.map { "_" + $0 } ?? "")
                var n = 1
                while taken.contains(fresh) { n += 1; fresh = "ITARowKeep\(n)" + (current.map { "_" + $0 } ?? "") }
                let def: XMLNode
                if let current, let existing = auto[current] {
                    def = existing.clone(deep: true, for: autos)
                } else {
                    def = doc.createElement("style", namespace: Self.style, prefixHint: "style", context: autos)
                    def.setAttribute("family", Self.style, value: "table-row", prefixHint: "style")
                }
                def.setAttribute("name", Self.style, value: fresh, prefixHint: "style")
                let props: XMLNode
                if let p = def.child("table-row-properties", Self.style) { props = p } else {
                    props = doc.createElement("table-row-properties", namespace: Self.style, prefixHint: "style", context: def)
                    def.append(props)
                }
                props.setAttribute("keep-together", Self.fo, value: "always", prefixHint: "fo")
                autos.append(def)
                taken.insert(fresh)
                keepStyles[key] = fresh
            }
            guard let kept = keepStyles[key] else { continue }
            tr.setAttribute("style-name", Self.table, value: kept, prefixHint: "table")
            marked += 1
        }
        return marked
    }

    private func odtParagraphStyle(_ p: XMLNode, auto: [String: XMLNode]) -> Style {
        guard let name = p.attribute("style-name", Self.text) else { return resolved(nil) }
        if let a = auto[name] {
            let own = Self.odtStyle(a, fallback: Style())
            let base = resolved(a.attribute("parent-style-name", Self.style))
            return Style(size: own.size ?? base.size, before: own.before ?? base.before, after: own.after ?? base.after,
                         indent: own.indent ?? base.indent)
        }
        return resolved(name)
    }

    private func odtCellHeight(_ cell: XMLNode, width: Double, auto: [String: XMLNode]) -> Double {
        var total = 0.0
        func visit(_ node: XMLNode, listDepth: Int) {
            for c in node.elementChildren {
                if c.is("p", Self.text) || c.is("h", Self.text) {
                    total += odtParagraphHeight(c, width: width - Double(listDepth) * 28, auto: auto)
                } else if c.is("list", Self.text) {
                    visit(c, listDepth: listDepth + 1)
                } else {
                    visit(c, listDepth: listDepth)
                }
            }
        }
        visit(cell, listDepth: 0)
        return total
    }

    private func odtParagraphHeight(_ p: XMLNode, width: Double, auto: [String: XMLNode]) -> Double {
        let st = odtParagraphStyle(p, auto: auto)
        var size = st.size ?? 12
        var bold = false
        if let a = p.attribute("style-name", Self.text).flatMap({ auto[$0] }),
           a.child("text-properties", Self.style)?.attribute("font-weight", Self.fo) == "bold" { bold = true }
        var lines = [""]
        var pictures = 0.0
        func visit(_ node: XMLNode) {
            for c in node.children {
                if c.isText { lines[lines.count - 1] += c.text; continue }
                guard c.isElement else { continue }
                if c.is("line-break", Self.text) { lines.append("") }
                else if c.is("tab", Self.text) { lines[lines.count - 1] += "    " }
                else if c.is("s", Self.text) { lines[lines.count - 1] += String(repeating: " ", count: Int(c.attribute("c", Self.text) ?? "") ?? 1) }
                else if c.is("frame", Self.draw) { pictures += c.attribute("height", Self.svg).flatMap(Self.points) ?? 0 }
                else if c.is("span", Self.text) {
                    if let t = c.attribute("style-name", Self.text).flatMap({ auto[$0] })?.child("text-properties", Self.style) {
                        if let s = (t.attribute("font-size-complex", Self.style) ?? t.attribute("font-size", Self.fo)).flatMap(Self.points) { size = max(size, s) }
                        if t.attribute("font-weight", Self.fo) == "bold" || t.attribute("font-weight-complex", Self.style) == "bold" { bold = true }
                    }
                    visit(c)
                } else { visit(c) }
            }
        }
        visit(p)
        return Self.paragraphHeight(lines: lines, size: size, bold: bold, width: width - (st.indent ?? 0),
                                    before: st.before ?? 0, after: st.after ?? 0) + pictures
    }
}
