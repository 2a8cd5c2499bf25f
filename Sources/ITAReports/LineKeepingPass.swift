import Foundation
import Synchronization
import OfficePackage
import OfficeXML
import ThaiFormat

/// Keeps numbers, dates, listed Thai words and the organisation's name whole at line ends in a filled
/// document: every text of its body, headers and footers goes through a `ThaiLineKeeper`, after the
/// template is filled, so values, filter output (`number:2`, `date:long`, Thai digits) and the
/// template's own words ("พ.ศ. {{fiscal_year}}") are all covered.
struct LineKeepingPass: Sendable {
    let keeper: ThaiLineKeeper
    /// The keeper of paragraphs inside table cells narrower than `narrowCell` (long names joined in
    /// parts: LibreOffice cuts a long joined stretch anywhere in a narrow cell).
    var cellKeeper: ThaiLineKeeper? = nil
    /// Paragraphs already kept by keepers of the same words, shared by the documents of a batch.
    var memo: Memo? = nil
    /// Cells narrower than this (cm) use `cellKeeper`; so do cells whose width is not written.
    static let narrowCell = 7.0
    private static let tableNS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    private static let styleNS = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"

    private static let wordNS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    private static let textNS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"

    /// Rewrites the text parts among `changes.replaced` (each read, rewritten and written again).
    func apply(to changes: inout PackageChanges, kind: PackageKind) throws {
        for name in changes.replaced.keys.sorted() where Self.isTextPart(name, kind: kind) {
            guard let data = changes.replaced[name] else { continue }
            let doc = try XMLDocument(data: data, name: name)
            try apply(to: doc, part: name, kind: kind)
            changes.replaced[name] = try doc.serialize()
        }
    }

    /// Rewrites one filled part's tree, when it is a text part (body, header, footer; ODT content and
    /// styles); other parts are left alone. Used while the template is filled (`RenderOptions.finishPart`),
    /// so the part is not read again. `numbers: false` leaves numbers in the runs they are in.
    func apply(to doc: XMLDocument, part name: String, kind: PackageKind, numbers: Bool = true) throws {
        guard Self.isTextPart(name, kind: kind), let root = doc.root else { return }
        var paragraphs: [XMLNode] = []
        root.walk { node in
            guard node.isElement else { return false }
            if Self.isParagraph(node, kind: kind) { paragraphs.append(node) }
            return true
        }
        let columns = kind == .odt ? Self.columnWidths(root) : [:]
        // What holds a number afterwards: DOCX runs, ODT text nodes with their text.
        var numberRuns: [XMLNode] = []
        var seenRuns = Set<XMLNode>()
        var numberTexts: [(node: XMLNode, text: String)] = []
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
            let inCell = cellKeeper != nil && Self.isInNarrowCell(paragraph, kind: kind, columns: columns)
            let kept = keep(pieces.map(\.text), with: inCell ? cellKeeper! : keeper)
            for (piece, new) in zip(pieces, kept) {
                guard let node = piece.node else { continue }
                if new != piece.text { node.text = new }
                guard NumberRuns.mayHoldEnglish(new) else { continue }
                if kind == .odt {
                    numberTexts.append((node, new))
                } else if let run = node.parent?.parent, run.is("r", Self.wordNS), seenRuns.insert(run).inserted {
                    numberRuns.append(run)
                }
            }
        }
        // Numbers into English-language runs: LibreOffice's Thai line breaking ignores the joiners
        // between digits (see NumberRuns).
        guard numbers else { return }
        if kind == .docx { NumberRuns.applyDOCX(runs: numberRuns, doc) } else { NumberRuns.applyODT(texts: numberTexts, doc) }
    }

    /// One paragraph's pieces kept, through the memo when the result cannot depend on the names.
    private func keep(_ segments: [String], with keeper: ThaiLineKeeper) -> [String] {
        guard let memo, keeper.resultIgnoresNames(segments) else { return keeper.keep(segments: segments) }
        if let known = memo.value(for: segments, inCells: keeper.inCells) { return known }
        let kept = keeper.keep(segments: segments)
        memo.store(kept, for: segments, inCells: keeper.inCells)
        return kept
    }

    /// Kept paragraphs by their pieces (and whether they were kept for a table cell), for up to
    /// `capacity` paragraphs (then forgotten all at once, so memory stays bounded), safe to use from
    /// several threads. Valid for keepers of one word list only.
    final class Memo: Sendable {
        private let values = Mutex<[[UInt8]: [String]]>([:])
        private let capacity: Int

        init(capacity: Int = 16_384) { self.capacity = capacity }

        /// The pieces' bytes, each ended by 0xFF (never in UTF-8): strings that compare equal but
        /// differ in bytes (the two orders of a Thai vowel and tone mark) get different keys.
        private static func key(_ segments: [String], _ inCells: Bool) -> [UInt8] {
            var key: [UInt8] = [inCells ? 1 : 0]
            for s in segments {
                key.append(contentsOf: s.utf8)
                key.append(0xFF)
            }
            return key
        }

        func value(for segments: [String], inCells: Bool = false) -> [String]? {
            let key = Self.key(segments, inCells)
            return values.withLock { $0[key] }
        }

        func store(_ kept: [String], for segments: [String], inCells: Bool = false) {
            let key = Self.key(segments, inCells)
            values.withLock { values in
                if values.count >= capacity { values.removeAll(keepingCapacity: true) }
                values[key] = kept
            }
        }
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

    /// ODT: the width (cm) of each table-column style of the part.
    static func columnWidths(_ root: XMLNode) -> [String: Double] {
        var out: [String: Double] = [:]
        root.walk { node in
            guard node.isElement else { return false }
            if node.is("table-column-properties", styleNS), let style = node.parent,
               let name = style.attribute("name", styleNS), let w = node.attribute("column-width", styleNS),
               let cm = centimetres(w) {
                out[name] = cm
            }
            return true
        }
        return out
    }

    /// "4.6cm", "46mm", "1.8in", "130pt" in cm.
    static func centimetres(_ length: String) -> Double? {
        for (unit, factor) in [("cm", 1.0), ("mm", 0.1), ("in", 2.54), ("pt", 2.54 / 72)] where length.hasSuffix(unit) {
            return Double(length.dropLast(unit.count)).map { $0 * factor }
        }
        return nil
    }

    /// Whether the paragraph is in a table cell narrower than `narrowCell` (or of unknown width).
    private static func isInNarrowCell(_ paragraph: XMLNode, kind: PackageKind, columns: [String: Double]) -> Bool {
        var node = paragraph.parent
        while let n = node {
            switch kind {
            case .docx:
                if n.is("tc", wordNS) {
                    guard let w = n.child("tcPr", wordNS)?.child("tcW", wordNS),
                          w.attribute("type", wordNS) == "dxa", let twips = w.attribute("w", wordNS).flatMap(Double.init) else { return true }
                    return twips / 567 < narrowCell
                }
            case .odt:
                if n.is("table-cell", tableNS) { return odtCellWidth(n, columns: columns).map { $0 < narrowCell } ?? true }
            }
            node = n.parent
        }
        return false
    }

    /// ODT: the width of a cell, from the columns it spans.
    private static func odtCellWidth(_ cell: XMLNode, columns: [String: Double]) -> Double? {
        var index = 0
        var sibling = cell.previous
        while let s = sibling {
            if s.is("table-cell", tableNS) || s.is("covered-table-cell", tableNS) {
                index += Int(s.attribute("number-columns-repeated", tableNS) ?? "") ?? 1
            }
            sibling = s.previous
        }
        let span = Int(cell.attribute("number-columns-spanned", tableNS) ?? "") ?? 1
        guard let table = cell.ancestors.first(where: { $0.is("table", tableNS) }) else { return nil }
        var widths: [Double?] = []
        table.walk { node in
            guard node.isElement else { return false }
            if node == table { return true }
            if node.is("table-columns", tableNS) || node.is("table-header-columns", tableNS) { return true }
            if node.is("table-column", tableNS) {
                let w = node.attribute("style-name", tableNS).flatMap { columns[$0] }
                widths += Array(repeating: w, count: Int(node.attribute("number-columns-repeated", tableNS) ?? "") ?? 1)
            }
            return false
        }
        guard index + span <= widths.count else { return nil }
        var total = 0.0
        for w in widths[index..<(index + span)] { guard let w else { return nil }; total += w }
        return total
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
