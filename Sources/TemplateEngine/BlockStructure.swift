import Foundation
import OfficeXML

/// What a block repeats or keeps: text inside a paragraph, whole paragraphs (or tables) of one
/// container, or table rows.
enum BlockStructure {
    /// Between the open and close anchors inside one paragraph.
    case inline
    /// The sibling nodes `first...last` of a container; tag-only paragraphs are not part of the range.
    case paragraphs(first: XMLNode?, last: XMLNode?, tagOnly: [XMLNode])
    /// The rows `first...last` of one table.
    case rows(first: XMLNode, last: XMLNode)

    var label: String {
        switch self {
        case .inline: return "text inside the paragraph"
        case .paragraphs: return "the paragraphs between the tags"
        case .rows(let f, let l): return f == l ? "the table row" : "the table rows from the opening to the closing tag"
        }
    }
}

extension Dialect {
    /// The paragraph an anchor sits in.
    func paragraph(of anchor: XMLNode) -> XMLNode? {
        var cur = anchor.parent
        while let c = cur { if isParagraph(c) { return c }; cur = c.parent }
        return nil
    }

    /// True when the paragraph holds nothing but this anchor (and properties, bookmarks, spaces). Stops
    /// at the first child that says no, without listing the paragraph's children.
    func isTagOnly(_ p: XMLNode, anchor: XMLNode) -> Bool {
        var next = p.firstChild
        while let c = next {
            next = c.next
            if c == anchor { continue }
            if c.isText { if c.text.trimmingCharacters(in: .whitespaces).isEmpty { continue } else { return false } }
            if isLayoutOnly(c) { continue }
            return false
        }
        return true
    }

    /// Decides what a block expands to, from where its tags sit; nil with a message when it cannot.
    func structure(open: XMLNode, close: XMLNode, elseNode: XMLNode?) -> Result<BlockStructure, StructureFailure> {
        var steps = 0
        return structure(open: open, close: close, elseNode: elseNode, steps: &steps)
    }

    /// As `structure(open:close:elseNode:)`, adding to `steps` the nodes it climbed through. The climb
    /// goes from both paragraphs up to their lowest common container and no further, so deciding a
    /// block costs what separates its tags, whatever the depth of the tables around it (the tree fill
    /// decides every block of every copy).
    func structure(open: XMLNode, close: XMLNode, elseNode: XMLNode?, steps: inout Int) -> Result<BlockStructure, StructureFailure> {
        guard let po = paragraph(of: open), let pc = paragraph(of: close) else { return .failure(StructureFailure("the tag is not inside a paragraph")) }
        if po == pc {
            if let e = elseNode, paragraph(of: e) != po {
                return .failure(StructureFailure("{{else}} must be in the same paragraph as its block when the block opens and closes in one paragraph"))
            }
            return .success(.inline)
        }
        // The lowest container holding both paragraphs, climbing from both sides in turn: the paths from
        // each paragraph up to it (exclusive), bottom first.
        guard let (lca, pathO, pathC) = Self.commonContainer(po, pc, steps: &steps) else {
            return .failure(StructureFailure("the tags are in unrelated places"))
        }
        // The children of it that hold each paragraph.
        guard let uo = pathO.last, let uc = pathC.last else { return .failure(StructureFailure("the tags are in unrelated places")) }

        if isRow(lca) {
            if let e = elseNode, !e.isInside(lca) { return .failure(StructureFailure("{{else}} must be in the same row")) }
            return .success(.rows(first: lca, last: lca))
        }
        if isTable(lca) || isRowGroup(lca) {
            guard isRow(uo), isRow(uc) else { return .failure(StructureFailure("the tags are in different row groups of the table (header rows and body rows)")) }
            return .success(.rows(first: uo, last: uc))
        }
        if isParagraph(lca) {
            return .failure(StructureFailure("cannot decide what the block repeats"))
        }
        // One tag in a table cell and the other outside it (or in another table) has no structure to repeat.
        if pathO.contains(where: isCell) || pathC.contains(where: isCell) {
            return .failure(StructureFailure("the block opens and closes in different places, one of them inside a table: put both tags in the same cell, in cells of the rows to repeat, or both outside the table"))
        }
        // Paragraph level: the units between; a unit that is a tag-only paragraph is dropped.
        var tagOnly: [XMLNode] = []
        var first: XMLNode? = uo
        var last: XMLNode? = uc
        if wraps(uo, only: po), isTagOnly(po, anchor: open) { tagOnly.append(uo); first = uo.next }
        if wraps(uc, only: pc), isTagOnly(pc, anchor: close) { tagOnly.append(uc); last = uc.previous }
        if let e = elseNode {
            guard let pe = paragraph(of: e), pe.parent == lca, isTagOnly(pe, anchor: e) else {
                return .failure(StructureFailure("{{else}} of a block that spans paragraphs must be alone in its own paragraph between them"))
            }
            tagOnly.append(pe)
        }
        if tagOnly.contains(uo) && tagOnly.contains(uc) && uo.next == uc {
            return .success(.paragraphs(first: nil, last: nil, tagOnly: tagOnly))
        }
        return .success(.paragraphs(first: first, last: last, tagOnly: tagOnly))
    }

    /// The lowest element holding both `a` and `b` (neither of them), with the paths up to it from each
    /// (from the node itself, its child of the container last). Climbs one step on each side in turn and
    /// stops when one side meets the other's path: the work is what separates them, not their depth.
    static func commonContainer(_ a: XMLNode, _ b: XMLNode, steps: inout Int) -> (container: XMLNode, pathA: [XMLNode], pathB: [XMLNode])? {
        var pathA = [a], pathB = [b]
        var seenA: [XMLNode: Int] = [a: 0], seenB: [XMLNode: Int] = [b: 0]
        var topA: XMLNode? = a, topB: XMLNode? = b
        while topA != nil || topB != nil {
            if let t = topA {
                topA = t.parent
                steps += 1
                if let p = topA {
                    if let i = seenB[p] { return (p, pathA, Array(pathB[..<i])) }
                    seenA[p] = pathA.count
                    pathA.append(p)
                }
            }
            if let t = topB {
                topB = t.parent
                steps += 1
                if let p = topB {
                    if let i = seenA[p] { return (p, Array(pathA[..<i]), pathB) }
                    seenB[p] = pathB.count
                    pathB.append(p)
                }
            }
        }
        return nil
    }
}

extension Dialect {
    /// True when `unit` is `p` or holds nothing but `p` (an ODF list item around a tag-only paragraph).
    func wraps(_ unit: XMLNode, only p: XMLNode) -> Bool {
        var cur = p
        while cur != unit {
            guard let parent = cur.parent, parent.hasOneElementChild else { return false }
            cur = parent
        }
        return true
    }
}

extension XMLNode {
    /// True when the element has exactly one child element (found without listing its children).
    var hasOneElementChild: Bool {
        var found = false
        var next = firstChild
        while let c = next {
            next = c.next
            guard c.isElement else { continue }
            if found { return false }
            found = true
        }
        return found
    }
}

/// Why a block's extent could not be decided.
struct StructureFailure: Error {
    let message: String
    init(_ m: String) { message = m }
}
