import Foundation
import OfficeXML

/// `word/numbering.xml` of a template as bytes, read once per template and list number format: the
/// bytes a fill writes, split where restarted list instances go, and what restarting a list needs.
/// A fill then adds list instances by appending bytes; the part is never parsed nor serialised per fill.
struct NumberingBase: Sendable {
    /// The part as libxml2 writes it (list number formats already changed), when no list restarts.
    let plain: Data
    /// The same part split where new `w:num` elements go: after every `w:abstractNum` and `w:num`, before
    /// `w:numIdMacAtCleanup` (or the end of the root element).
    let head: Data
    let tail: Data
    /// `w:` as the part writes it; empty when the part has no prefix for the namespace (the new elements
    /// then declare their own).
    let prefix: [UInt8]
    /// `w:abstractNumId` of each `w:num`, by its `w:numId` (escaped for an attribute).
    let abstractOf: [String: [UInt8]]
    /// One past the largest `w:numId`.
    let firstFreeId: Int
    /// True when the number formats changed the part (a digit script).
    let changedByFormat: Bool

    /// Reads the part; `format` (Word's `thaiNumbers`) replaces decimal list numbers. Nil when it does not
    /// parse or has no root element.
    init?(data: Data, format: String?) {
        guard let document = try? XMLDocument(data: data, name: Numbering.partName), let root = document.root else { return nil }
        var changed = false
        if let format, let nodes = try? document.select("//w:lvl/w:numFmt[@w:val='decimal']", namespaces: ["w": NS.w]) {
            for n in nodes { n.setAttribute("val", NS.w, value: format) }
            changed = !nodes.isEmpty
        }
        changedByFormat = changed
        var abstracts: [String: [UInt8]] = [:]
        var maxId = 0
        for num in (try? document.select("/w:numbering/w:num", namespaces: ["w": NS.w])) ?? [] {
            guard let numId = num.attribute("numId", NS.w) else { continue }
            if let n = Int(numId) { maxId = max(maxId, n) }
            // The first `w:num` of an identifier is the one a restart copies.
            if abstracts[numId] == nil, let a = num.child("abstractNumId", NS.w)?.attribute("val", NS.w) {
                var v: [UInt8] = []
                XMLWriter.appendEscapedAttribute(a, to: &v)
                abstracts[numId] = v
            }
        }
        abstractOf = abstracts
        firstFreeId = maxId + 1
        guard let plain = try? document.serialize() else { return nil }
        self.plain = plain
        if let p = XMLWriter.prefix(of: NS.w, at: root), !p.isEmpty { prefix = Array(p.utf8) + [0x3A] } else { prefix = [] }
        // The split point: a processing instruction put where the elements go, found in the written bytes.
        var target = "itareport-restarted-lists"
        while plain.range(of: Data(target.utf8)) != nil { target += "-" }
        let marker = document.createProcessingInstruction(target, "")
        if let cleanup = root.child("numIdMacAtCleanup", NS.w) { cleanup.insertBefore(marker) } else { root.append(marker) }
        guard let marked = try? document.serialize(), let r = marked.range(of: Data("<?\(target)".utf8)),
              let end = marked.range(of: Data("?>".utf8), in: r.upperBound..<marked.endIndex) else { return nil }
        head = marked.subdata(in: marked.startIndex..<r.lowerBound)
        tail = marked.subdata(in: end.upperBound..<marked.endIndex)
    }
}

/// The numbering part of one document being filled: list instances that restart at 1 so that each
/// filled list counts from one, added to the template's part.
final class Numbering {
    static let partName = "word/numbering.xml"
    let base: NumberingBase
    private var nextId: Int
    /// The `w:num` elements added so far, as bytes.
    private var added: [UInt8] = []
    var changed: Bool { base.changedByFormat || !added.isEmpty }

    init(base: NumberingBase) {
        self.base = base
        nextId = base.firstFreeId
    }

    /// A new list instance over the same definition as `numId`, starting every level at 1.
    func restart(numId: String) -> String? {
        guard let abstract = base.abstractOf[numId] else { return nil }
        let id = String(nextId)
        nextId += 1
        let p = base.prefix
        func open(_ name: String) { added.append(0x3C); added += p; added += Array(name.utf8) }
        open("num")
        if p.isEmpty { added += Array(" xmlns:w=\"\(NS.w)\"".utf8) }
        let a = p.isEmpty ? Array("w:".utf8) : p
        added += [0x20] + a + Array("numId=\"\(id)\">".utf8)
        open("abstractNumId")
        added += [0x20] + a + Array("val=\"".utf8) + abstract + Array("\"/>".utf8)
        for level in 0..<9 {
            open("lvlOverride")
            added += [0x20] + a + Array("ilvl=\"\(level)\">".utf8)
            open("startOverride")
            added += [0x20] + a + Array("val=\"1\"/>".utf8)
            added += [0x3C, 0x2F] + p + Array("lvlOverride>".utf8)
        }
        added += [0x3C, 0x2F] + p + Array("num>".utf8)
        return id
    }

    /// The part as this document has it.
    func serialize() -> Data {
        guard !added.isEmpty else { return base.plain }
        var out = Data(capacity: base.head.count + added.count + base.tail.count)
        out.append(base.head)
        out.append(contentsOf: added)
        out.append(base.tail)
        return out
    }
}
