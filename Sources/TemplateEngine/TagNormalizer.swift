import Foundation
import OfficeXML

/// Finds `{{…}}` tags in the text of each paragraph, whatever runs or spans the text is split into,
/// and replaces each with one anchor element (`tpl-tag`) placed directly in the paragraph. The anchor
/// keeps the formatting of the run where the tag starts; every other run is left as it was.
struct TagNormalizer {
    static let anchorName = "tpl-tag"
    let dialect: Dialect
    let document: XMLDocument
    let part: String

    private struct Piece {
        let node: XMLNode?   // nil: a barrier (tab, break, drawing) that no tag may cross
        let bytes: [UInt8]
        let start: Int
        var end: Int { start + bytes.count }
    }

    /// Normalises every paragraph; returns tag syntax problems (`{{` without `}}`, bad tags are still anchored).
    func run(startingId: inout Int) throws -> [TemplateProblem] {
        var problems: [TemplateProblem] = []
        let paragraphs = try document.select(dialect.paragraphXPath(part: part), namespaces: dialect.namespaces)
        for (i, p) in paragraphs.enumerated() {
            problems += normalize(paragraph: p, ordinal: i + 1, nextId: &startingId)
        }
        return problems
    }

    private func pieces(of p: XMLNode) -> [Piece] {
        var out: [Piece] = []
        var offset = 0
        p.walk { n in
            if n != p && dialect.isParagraph(n) { return false }
            if n.isText {
                if dialect.countsText(n) {
                    let b = Array(n.text.utf8)
                    out.append(Piece(node: n, bytes: b, start: offset))
                    offset += b.count
                }
                return false
            }
            if n.localName == Self.anchorName && n.namespaceURI == nil { return false }
            if dialect.isSilent(n) { return false }
            if dialect.kind == .odt, n.is("s", Dialect.text) {
                // LibreOffice writes a second space as <text:s/>: spaces typed inside a tag must not break it.
                let b = Array(String(repeating: " ", count: max(1, Int(n.attribute("c", Dialect.text) ?? "1") ?? 1)).utf8)
                out.append(Piece(node: n, bytes: b, start: offset))
                offset += b.count
                return false
            }
            if dialect.isBarrier(n) {
                let b = Array("\u{FFFC}".utf8)
                out.append(Piece(node: nil, bytes: b, start: offset))
                offset += b.count
                return false
            }
            return true
        }
        return out
    }

    private func normalize(paragraph p: XMLNode, ordinal: Int, nextId: inout Int) -> [TemplateProblem] {
        let ps = pieces(of: p)
        let all = ps.flatMap(\.bytes)
        guard all.count >= 4, all.contains(UInt8(ascii: "{")) else { return [] }
        let paraText = String(decoding: all, as: UTF8.self).replacingOccurrences(of: "\u{FFFC}", with: " ")
        let snippet = paraText.count > 70 ? String(paraText.prefix(67)) + "…" : paraText
        let location = TagLocation(part: part, paragraph: ordinal, context: snippet)
        var problems: [TemplateProblem] = []

        // Find tags: "{{" up to the next "}}"; a second "{{" first means the first was never closed.
        var tags: [(start: Int, end: Int, text: String)] = []
        var i = 0
        let open: [UInt8] = [123, 123], close: [UInt8] = [125, 125]
        func at(_ k: Int, _ pat: [UInt8]) -> Bool { k + 1 < all.count && all[k] == pat[0] && all[k + 1] == pat[1] }
        while i < all.count - 1 {
            guard at(i, open) else { i += 1; continue }
            var j = i + 2
            // "{{{" : the tag starts at the last brace pair.
            while j < all.count, all[j] == 123 { j += 1; i += 1 }
            var k = j
            var found = false
            while k < all.count - 1 {
                if at(k, close) { found = true; break }
                if at(k, open) { break }
                k += 1
            }
            if !found {
                let rest = String(decoding: all[i..<min(all.count, i + 30)], as: UTF8.self)
                problems.append(TemplateProblem(location: location, tag: rest.replacingOccurrences(of: "{{", with: ""),
                                                message: "'{{' is not closed by '}}' in this paragraph"))
                i = k
                continue
            }
            let inner = String(decoding: all[(i + 2)..<k], as: UTF8.self)
            if inner.contains("\u{FFFC}") {
                problems.append(TemplateProblem(location: location, tag: inner.replacingOccurrences(of: "\u{FFFC}", with: " "),
                                                message: "a tab, line break or picture sits inside this tag; retype the tag in one piece"))
            } else {
                tags.append((i, k + 2, inner))
            }
            i = k + 2
        }
        guard !tags.isEmpty else { return problems }

        for t in tags.reversed() {
            guard let endRef = boundary(in: p, pieces: ps, offset: t.end, isEnd: true) else { continue }
            let startPiece = ps.firstIndex { $0.node != nil && $0.start <= t.start && t.start < $0.end }
            let format = startPiece.map { formatting(of: ps[$0].node!, in: p) }
            guard let startRef = boundary(in: p, pieces: ps, offset: t.start, isEnd: false) ?? nil else { continue }
            let anchor = document.createElement(Self.anchorName, namespace: nil)
            anchor.setAttribute("e", value: t.text)
            anchor.setAttribute("id", value: String(nextId))
            anchor.setAttribute("p", value: String(ordinal))
            anchor.setAttribute("ctx", value: snippet)
            nextId += 1
            if let format {
                if let rPr = format.runProperties { anchor.append(rPr) }
                if !format.spanStyles.isEmpty { anchor.setAttribute("styles", value: format.spanStyles.joined(separator: " ")) }
            }
            startRef.insertBefore(anchor)
            var n: XMLNode? = startRef
            while let cur = n, cur != endRef {
                n = cur.next
                cur.remove()
            }
        }
        removeLeftovers(in: p)
        return problems
    }

    struct Formatting {
        var runProperties: XMLNode?
        var spanStyles: [String]
    }

    /// The formatting in effect at a text node: the run properties (DOCX) or the span styles (ODF).
    private func formatting(of node: XMLNode, in p: XMLNode) -> Formatting {
        var f = Formatting(runProperties: nil, spanStyles: [])
        var cur = node.parent
        while let c = cur, c != p {
            if dialect.kind == .docx, c.is("r", Dialect.w), f.runProperties == nil, let rPr = c.child("rPr", Dialect.w) {
                let copy = rPr.clone(deep: true)
                // A run's revision mark belongs to that run, not to the value put in its place.
                for ch in copy.elementChildren where ch.is("rPrChange", Dialect.w) { ch.remove() }
                f.runProperties = copy
            }
            if dialect.kind == .odt, c.is("span", Dialect.text), let s = c.attribute("style-name", Dialect.text) {
                f.spanStyles.insert(s, at: 0)
            }
            cur = c.parent
        }
        return f
    }

    /// Splits the text and its ancestors so that `offset` falls between two children of `p`.
    /// Returns the child of `p` just after the boundary (`.some(nil)`: the end of `p`), or nil if not found.
    private func boundary(in p: XMLNode, pieces: [Piece], offset: Int, isEnd: Bool) -> XMLNode?? {
        guard let piece = pieces.first(where: { $0.node != nil && (isEnd ? ($0.start < offset && offset <= $0.end) : ($0.start <= offset && offset < $0.end)) }),
              let node = piece.node else { return nil }
        let k = offset - piece.start
        var parent: XMLNode
        var ref: XMLNode?
        guard let np = node.parent else { return nil }
        parent = np
        // The text node may already have been split by a later tag: work on its current text.
        // (A tag never starts or ends inside a space element, whose text is spaces only.)
        let current = node.isText ? Array(node.text.utf8) : piece.bytes
        if k > 0 && k < current.count && node.isText {
            node.text = String(decoding: current[..<k], as: UTF8.self)
            let rest = document.createText(String(decoding: current[k...], as: UTF8.self))
            node.insertAfter(rest)
            ref = rest
        } else if k == 0 {
            ref = node
        } else {
            ref = node.next
        }
        while parent != p {
            guard let grand = parent.parent else { return nil }
            let props = dialect.propertyChildren(of: parent)
            let leftHasContent: Bool = {
                var c = parent.firstChild
                while let cc = c, cc != ref { if !props.contains(cc) { return true }; c = cc.next }
                return false
            }()
            if !leftHasContent {
                ref = parent
            } else if ref == nil {
                ref = parent.next
            } else {
                let right = parent.clone(deep: false, for: grand)
                for pc in props { right.append(pc.clone(deep: true, for: parent)) }
                var c = ref
                while let cc = c { c = cc.next; right.append(cc) }
                parent.insertAfter(right)
                if dialect.kind == .docx, parent.is("t", Dialect.w) {
                    // Split text keeps its edge spaces only when marked so.
                    parent.setAttribute("space", Dialect.xml, value: "preserve", prefixHint: "xml")
                    right.setAttribute("space", Dialect.xml, value: "preserve", prefixHint: "xml")
                }
                ref = right
            }
            parent = grand
        }
        return .some(ref)
    }

    private func removeLeftovers(in p: XMLNode) {
        var nodes: [XMLNode] = []
        p.walk { n in
            if n != p && (dialect.isParagraph(n) || dialect.skipsText(n)) { return false }
            if n.localName == Self.anchorName && n.namespaceURI == nil { return false }
            if n != p { nodes.append(n) }
            return true
        }
        for n in nodes.reversed() where dialect.isEmptyLeftover(n) { n.remove() }
    }
}
