import Foundation
import OfficeXML

/// Finds `{{…}}` tags in the text of each paragraph, whatever runs or spans the text is split into,
/// and replaces each with one anchor element (`tpl-tag`) placed directly in the paragraph. The anchor
/// keeps the formatting of the run where the tag starts; every other run is left as it was.
struct TagNormalizer {
    static let anchorName = "tpl-tag"
    let dialect: any Dialect
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
            if n.is(Self.anchorName, nil) { return false }
            if dialect.isSilent(n) { return false }
            if let count = dialect.spaces(of: n) {
                let b = [UInt8](repeating: 0x20, count: count)
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
        let found = pieces(of: p)
        var all: [UInt8] = []
        all.reserveCapacity(found.last?.end ?? 0)
        for piece in found { all += piece.bytes }
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

        let ps = splitAtTagEdges(found, cuts: tags.flatMap { [$0.start, $0.end] })
        for t in tags.reversed() {
            guard let endRef = boundary(in: p, pieces: ps, offset: t.end, isEnd: true) else { continue }
            let startPiece = Self.piece(in: ps, at: t.start, isEnd: false)
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

    /// The formatting in effect at a text node: the run properties (DOCX) or the span styles (ODF).
    private func formatting(of node: XMLNode, in p: XMLNode) -> TagFormatting {
        var f = TagFormatting(runProperties: nil, spanStyles: [])
        var cur = node.parent
        while let c = cur, c != p {
            dialect.formatting(of: c, into: &f)
            cur = c.parent
        }
        return f
    }

    /// Splits the text and its ancestors so that `offset` falls between two children of `p`.
    /// Returns the child of `p` just after the boundary (`.some(nil)`: the end of `p`), or nil if not found.
    private func boundary(in p: XMLNode, pieces: [Piece], offset: Int, isEnd: Bool) -> XMLNode?? {
        guard let index = Self.piece(in: pieces, at: offset, isEnd: isEnd), let node = pieces[index].node else { return nil }
        let k = offset - pieces[index].start
        var parent: XMLNode
        var ref: XMLNode?
        guard let np = node.parent else { return nil }
        parent = np
        // Text nodes were cut at every tag edge beforehand, so the edge is before or after the node.
        // (A tag never starts or ends inside a space element, whose text is spaces only.)
        ref = k == 0 ? node : node.next
        while parent != p {
            guard let grand = parent.parent else { return nil }
            // Walked back from the boundary: property children come first, so this stops at once.
            let leftHasContent: Bool = {
                var c = ref.map(\.previous) ?? parent.lastChild
                while let cc = c { if !dialect.isPropertyChild(cc) { return true }; c = cc.previous }
                return false
            }()
            if !leftHasContent {
                ref = parent
            } else if ref == nil {
                ref = parent.next
            } else {
                let right = parent.clone(deep: false, for: grand)
                for pc in dialect.propertyChildren(of: parent) { right.append(pc.clone(deep: true, for: parent)) }
                var c = ref
                while let cc = c { c = cc.next; right.append(cc) }
                parent.insertAfter(right)
                dialect.keepSpacesAfterSplit(parent, right)
                ref = right
            }
            parent = grand
        }
        return .some(ref)
    }

    /// The piece holding the byte at `offset` (at `offset - 1` for an end), found by bisection; nil when
    /// it is a barrier.
    private static func piece(in pieces: [Piece], at offset: Int, isEnd: Bool) -> Int? {
        // The last piece starting before (end) or at (start) the offset; empty pieces never hold a byte.
        var lo = 0, hi = pieces.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if isEnd ? pieces[mid].start < offset : pieces[mid].start <= offset { lo = mid + 1 } else { hi = mid }
        }
        var i = lo - 1
        while i >= 0, pieces[i].bytes.isEmpty { i -= 1 }
        guard i >= 0, pieces[i].node != nil else { return nil }
        let p = pieces[i]
        return (isEnd ? (p.start < offset && offset <= p.end) : (p.start <= offset && offset < p.end)) ? i : nil
    }

    /// Cuts each text node once at every tag edge inside it. Cutting per tag would copy the text before
    /// the tag again for each tag: quadratic in a long paragraph full of tags.
    private func splitAtTagEdges(_ pieces: [Piece], cuts unsorted: [Int]) -> [Piece] {
        let cuts = Array(Set(unsorted)).sorted()
        var out: [Piece] = []
        out.reserveCapacity(pieces.count + cuts.count)
        var c = 0
        for piece in pieces {
            while c < cuts.count, cuts[c] <= piece.start { c += 1 }
            guard let node = piece.node, node.isText, c < cuts.count, cuts[c] < piece.end else { out.append(piece); continue }
            var edges: [Int] = []
            var k = c
            while k < cuts.count, cuts[k] < piece.end { edges.append(cuts[k] - piece.start); k += 1 }
            var from = 0
            var previous = node
            for (i, edge) in (edges + [piece.bytes.count]).enumerated() {
                let segment = Array(piece.bytes[from..<edge])
                if i == 0 {
                    node.text = String(decoding: segment, as: UTF8.self)
                    out.append(Piece(node: node, bytes: segment, start: piece.start))
                } else {
                    let next = document.createText(String(decoding: segment, as: UTF8.self))
                    previous.insertAfter(next)
                    previous = next
                    out.append(Piece(node: next, bytes: segment, start: piece.start + from))
                }
                from = edge
            }
        }
        return out
    }

    private func removeLeftovers(in p: XMLNode) {
        var nodes: [XMLNode] = []
        p.walk { n in
            if n != p && (dialect.isParagraph(n) || dialect.skipsText(n)) { return false }
            if n.is(Self.anchorName, nil) { return false }
            if n != p { nodes.append(n) }
            return true
        }
        for n in nodes.reversed() where dialect.isEmptyLeftover(n) { n.remove() }
    }
}
