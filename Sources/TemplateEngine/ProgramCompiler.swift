import Foundation
import OfficeXML

/// Compiles one normalised part (tags anchored) into a `PartProgram`, in three passes over a copy of
/// its tree: blocks are given their extent (tag-only paragraphs and anchors taken out, markers put at
/// the edges), tags alone in a paragraph are found, then the tree is written out as fixed bytes and
/// operations. Throws `Uncompilable` for shapes the program does not express.
final class ProgramCompiler {
    let dialect: any Dialect
    let part: String
    let doc: XMLDocument
    private var store: [UInt8] = []
    private var refStore: [Int32] = []
    private var styleIndex: [String: Int32] = [:]
    private var styleNames: [String] = []
    private var alwaysUsed = Set<Int32>()
    private var leaves: [String: (anchor: Anchor, eachDepth: Int)] = [:]
    private var blocks: [(block: BlockNode, eachDepth: Int, unitCount: Int, isRows: Bool, ref: AnchorRef, elements: Int)] = []
    private var units: [UnsafeMutableRawPointer: [(depth: Int32, index: Int32)]] = [:]
    private var inlineRange = Set<UnsafeMutableRawPointer>()
    private var listUnits: [UnsafeMutableRawPointer: String] = [:]
    /// Tags alone in their paragraph only once the inline blocks around them are filled: the nodes a
    /// copy of the paragraph leaves out (the other branch, the markers).
    private var hosted: [String: Set<UnsafeMutableRawPointer>] = [:]
    private var mergeCells = Set<UnsafeMutableRawPointer>()
    private static let markerTarget = "tpl"

    /// `original` is left as it is; the fixed text is written in `digits`.
    init(document original: XMLDocument, part: String, dialect: any Dialect, digits: DigitScript) {
        self.dialect = dialect
        self.part = part
        doc = original.copy()
        if let script = digits.pass, let root = doc.root { DigitsPass.apply(root: root, document: doc, dialect: dialect, script: script) }
    }

    struct Context {
        var cloneDepth = 0
        var cellLevel = false
        /// In a copy of a numbered list paragraph: the element and attribute of its list number.
        var numbering: (element: XMLNode, attribute: String, namespace: String)?
    }

    private struct Builder {
        var ops: [Op] = []
        var pending: [UInt8] = []
        var refs: [Int32] = []
    }

    func compile() throws -> PartProgram {
        guard let root = doc.root, let frame = try doc.writerFrame() else { throw Uncompilable("the part is not written the way the compiler writes XML") }
        let anchors = anchorNodes(in: root).map { Anchor(node: $0, part: part, tag: { try? Tag.parse($0) }) }
        let (items, problems) = BlockParser.parse(anchors)
        guard problems.isEmpty else { throw Uncompilable("tag problems") }
        try mark(items, eachDepth: 0)
        try findListsAndMerges()
        collectAutomaticStyles(root)
        var b = Builder()
        try compileRoot(root, into: &b)
        flush(&b)
        var prefixes: [String: String] = [:]
        var inUse = Set<String>()
        for (prefix, href) in XMLWriter.declaredNamespaces(root) {
            if let prefix { inUse.insert(prefix); if prefixes[href] == nil { prefixes[href] = prefix } }
        }
        return PartProgram(part: part, store: store, refStore: refStore, prologue: frame.prologue, epilogue: frame.epilogue, ops: b.ops,
                           styleNames: styleNames, alwaysUsedStyles: alwaysUsed.sorted(), rootPrefixes: prefixes, rootPrefixesInUse: inUse)
    }

    // MARK: pass 1: block extents

    private func anchorNodes(in node: XMLNode) -> [XMLNode] {
        var out: [XMLNode] = []
        node.walk { n in
            if n.is(TagNormalizer.anchorName, nil) { out.append(n); return false }
            return true
        }
        return out
    }

    private func marker(_ kind: String, _ index: Int) -> XMLNode {
        doc.createProcessingInstruction(Self.markerTarget, "\(kind)\(index)")
    }

    private static func ref(_ a: Anchor) -> AnchorRef { AnchorRef(location: a.location, raw: a.raw, id: a.id) }

    /// Gives each block its extent exactly as a fill would, outer blocks first.
    private func mark(_ items: [Item], eachDepth: Int) throws {
        for item in items {
            switch item {
            case let .leaf(a):
                guard a.node.isInTree else { continue }
                leaves[a.id] = (a, eachDepth)
            case let .block(b):
                guard b.open.node.isInTree, let close = b.close else { continue }
                let structure: BlockStructure
                switch dialect.structure(open: b.open.node, close: close.node, elseNode: b.elseAnchor?.node) {
                case let .success(s): structure = s
                case let .failure(f): throw Uncompilable(f.message)
                }
                let index = blocks.count
                var thenNodes: [XMLNode] = []
                var elseNodes: [XMLNode] = []
                var isRows = false
                switch structure {
                case .inline:
                    var n = b.open.node.next
                    var inElse = false
                    while let c = n, c != close.node {
                        if c == b.elseAnchor?.node { inElse = true } else if inElse { elseNodes.append(c) } else { thenNodes.append(c) }
                        n = c.next
                    }
                    b.open.node.insertBefore(marker("b", index))
                    b.elseAnchor?.node.insertBefore(marker("e", index))
                    close.node.insertBefore(marker("c", index))
                    for n in thenNodes + elseNodes { inlineRange.insert(n.identity) }
                case let .paragraphs(first, last, tagOnly):
                    guard let (uo, uc) = units(open: b.open.node, close: close.node) else { throw Uncompilable("block edges") }
                    var inElse = false
                    var n = first
                    var elsePara: XMLNode?
                    if let l = last {
                        while let c = n {
                            let isElsePara = b.elseAnchor.map { c == dialect.paragraph(of: $0.node) } ?? false
                            if isElsePara { inElse = true; elsePara = c } else if !tagOnly.contains(c) {
                                if inElse { elseNodes.append(c) } else { thenNodes.append(c) }
                            }
                            if c == l { break }
                            n = c.next
                        }
                    }
                    if b.elseAnchor != nil && elsePara == nil, let e = b.elseAnchor, let pe = dialect.paragraph(of: e.node) { elsePara = pe }
                    uo.insertBefore(marker("b", index))
                    uc.insertAfter(marker("c", index))
                    if let pe = elsePara { pe.insertBefore(marker("e", index)) }
                    for t in tagOnly { t.remove() }
                case let .rows(first, last):
                    isRows = true
                    for a in [b.open, close] {
                        if let p = dialect.paragraph(of: a.node), dialect.isTagOnly(p, anchor: a.node), let cell = p.parent, dialect.isCell(cell),
                           cell.elementChildren.contains(where: { $0 != p && (dialect.isParagraph($0) || dialect.isTable($0)) }) {
                            p.remove()
                        }
                    }
                    first.insertBefore(marker("b", index))
                    last.insertAfter(marker("c", index))
                    var n: XMLNode? = first
                    var inElse = false
                    var buried: [XMLNode] = []
                    while let c = n, !c.isProcessingInstruction {
                        if let e = b.elseAnchor, e.node.isInside(c) {
                            inElse = true
                            c.insertBefore(marker("e", index))
                            buried.append(c)
                        } else if inElse { elseNodes.append(c) } else { thenNodes.append(c) }
                        if c == last { break }
                        n = c.next
                    }
                    for c in buried { c.remove() }
                }
                for a in [b.open, close] + (b.elseAnchor.map { [$0] } ?? []) { a.node.remove() }
                var elements = 0
                for n in thenNodes { n.walk { e in guard e.isElement else { return false }; elements += 1; return true } }
                blocks.append((b, eachDepth, thenNodes.count, isRows, Self.ref(b.open), elements))
                if b.kind == .each {
                    for (k, n) in thenNodes.enumerated() { units[n.identity, default: []].append((Int32(eachDepth), Int32(k))) }
                }
                try mark(b.children, eachDepth: eachDepth + (b.kind == .each ? 1 : 0))
                try mark(b.elseChildren, eachDepth: eachDepth)
            }
        }
    }

    /// The children of the lowest container holding both paragraphs that hold each of them, as
    /// `Dialect.structure` finds them.
    private func units(open: XMLNode, close: XMLNode) -> (XMLNode, XMLNode)? {
        guard let po = dialect.paragraph(of: open), let pc = dialect.paragraph(of: close) else { return nil }
        let ancestorsO = [po] + po.ancestors
        let setC = Set([pc] + pc.ancestors)
        guard let lca = ancestorsO.first(where: { setC.contains($0) }) else { return nil }
        func unit(_ n: XMLNode) -> XMLNode? { ([n] + n.ancestors).first { $0.parent == lca } }
        guard let uo = unit(po), let uc = unit(pc) else { return nil }
        return (uo, uc)
    }

    // MARK: pass 2: tags alone in a paragraph, merge cells

    private func isMarker(_ n: XMLNode) -> Bool { n.isProcessingInstruction && n.processingTarget == Self.markerTarget }

    /// Whether a value tag among inline blocks stands alone in its paragraph when a fill reaches it:
    /// the blocks around it have then dropped their other branch, blocks after it still hold their tags,
    /// and inside an inline `{{#each}}` the copies sit beside the originals, so it never does.
    private func aloneInInlineBlocks(_ p: XMLNode, anchor: XMLNode, skipped: inout Set<UnsafeMutableRawPointer>) throws -> Bool {
        // The open blocks (index, in its else branch) at each child.
        var stack: [(index: Int, inElse: Bool)] = []
        var positions: [(node: XMLNode, stack: [(index: Int, inElse: Bool)])] = []
        var anchorStack: [(index: Int, inElse: Bool)]?
        var markersBefore = true
        var laterBlock = false
        var earlierBlocks = Set<Int>()
        for c in p.children {
            if isMarker(c) {
                let (k, i) = parseMarker(c)
                switch k {
                case "b":
                    stack.append((i, false))
                    if anchorStack != nil { laterBlock = true } else { earlierBlocks.insert(i) }
                case "e": if let last = stack.indices.last { stack[last].inElse = true }
                default: _ = stack.popLast()
                }
                continue
            }
            if c == anchor { anchorStack = stack; markersBefore = false; continue }
            if !stack.isEmpty { skipped.insert(c.identity) }
            positions.append((c, stack))
        }
        _ = markersBefore
        guard let mine = anchorStack else { return false }
        if mine.contains(where: { blocks[$0.index].block.kind == .each }) { return false }
        if laterBlock { return false }
        let enclosing = Set(mine.map(\.index))
        // Blocks before the tag have written the branch the data chose: what they leave matters only
        // when the fixed text around is empty.
        var dependsOnData = !earlierBlocks.subtracting(enclosing).isEmpty
        for (c, st) in positions {
            var skip = false
            for s in st {
                guard enclosing.contains(s.index) else { dependsOnData = true; skip = true; break }
                if let m = mine.first(where: { $0.index == s.index }), m.inElse != s.inElse { skip = true }
            }
            if skip { continue }
            skipped.remove(c.identity)
            if c.isText { if c.text.trimmingCharacters(in: .whitespaces).isEmpty { continue } else { return false } }
            if dialect.isLayoutOnly(c) { continue }
            return false
        }
        if dependsOnData { throw Uncompilable("a value that may stand alone among inline blocks") }
        return true
    }

    private var paragraphs: [UnsafeMutableRawPointer: (hasMarkers: Bool, outside: Int, children: Int)] = [:]

    /// Whether a paragraph holds block markers, how many of its children outside every inline block
    /// are more than properties, bookmarks and spaces (tags included), and how many children it has.
    private func paragraphInfo(_ p: XMLNode) -> (hasMarkers: Bool, outside: Int, children: Int) {
        if let known = paragraphs[p.identity] { return known }
        var info = (hasMarkers: false, outside: 0, children: 0)
        var c = p.firstChild
        while let cc = c {
            c = cc.next
            info.children += 1
            if isMarker(cc) { info.hasMarkers = true; continue }
            if inlineRange.contains(cc.identity) || ignorable(cc) { continue }
            info.outside += 1
        }
        paragraphs[p.identity] = info
        return info
    }

    /// Children of a paragraph that do not keep a tag from standing alone in it.
    private func ignorable(_ c: XMLNode) -> Bool {
        if c.isText { return c.text.trimmingCharacters(in: .whitespaces).isEmpty }
        return dialect.isLayoutOnly(c)
    }

    private func findListsAndMerges() throws {
        for (id, leaf) in leaves {
            let a = leaf.anchor
            guard a.node.isInTree, let tag = a.tag else { continue }
            switch tag {
            case .value:
                guard let p = dialect.paragraph(of: a.node) else { continue }
                var skipped = Set<UnsafeMutableRawPointer>()
                let info = paragraphInfo(p)
                // Fixed content outside every block (the tag itself aside) settles it at once.
                if info.outside - (inlineRange.contains(a.node.identity) ? 0 : 1) > 0 { continue }
                if info.hasMarkers {
                    if info.children > 256 { throw Uncompilable("a paragraph of many inline blocks") }
                    guard try aloneInInlineBlocks(p, anchor: a.node, skipped: &skipped) else { continue }
                    for c in p.children where isMarker(c) { skipped.insert(c.identity) }
                    hosted[id] = skipped
                }
                listUnits[dialect.listUnit(of: p).identity] = id
            case .merge:
                if let cell = ([a.node] + a.node.ancestors).first(where: dialect.isCell) { mergeCells.insert(cell.identity) }
            default:
                continue
            }
        }
        // A merge cell inside another merge cell would be rewritten twice.
        for (_, leaf) in leaves {
            guard case .merge? = leaf.anchor.tag else { continue }
            let cells = ([leaf.anchor.node] + leaf.anchor.node.ancestors).filter(dialect.isCell)
            if cells.dropFirst().contains(where: { mergeCells.contains($0.identity) }) { throw Uncompilable("merge cells nested") }
        }
    }

    // MARK: automatic styles (a fill may leave some unused)

    private func collectAutomaticStyles(_ root: XMLNode) {
        guard let auto = dialect.automaticStyles(in: root) else { return }
        for s in auto.elementChildren where dialect.isPrunableStyle(s) {
            guard let name = dialect.declaredStyleName(s), !name.isEmpty, styleIndex[name] == nil else { continue }
            styleIndex[name] = Int32(styleNames.count)
            styleNames.append(name)
        }
        guard !styleNames.isEmpty else { return }
        auto.walk { n in
            guard n.isElement else { return false }
            for r in refs(of: n, declarationParent: auto) { alwaysUsed.insert(r) }
            return true
        }
        if let rootRefs = Optional(refs(of: root, declarationParent: nil)) { for r in rootRefs { alwaysUsed.insert(r) } }
    }

    /// Automatic styles an element's attributes name (as `pruneAutomaticStyles` reads them).
    private func refs(of n: XMLNode, declarationParent: XMLNode?) -> [Int32] {
        guard !styleNames.isEmpty, n.isElement else { return [] }
        let isDeclaration = declarationParent != nil && n.parent == declarationParent
        let own = isDeclaration ? dialect.declaredStyleName(n) : nil
        var out: [Int32] = []
        for v in n.attributeValues(whereNameContains: ["name", "style"]) where !(isDeclaration && v == own) {
            if let i = styleIndex[v] { out.append(i) }
            if v.contains(" ") { for part in v.split(separator: " ") { if let i = styleIndex[String(part)] { out.append(i) } } }
        }
        return out
    }

    // MARK: pass 3: bytes and operations

    private func flush(_ b: inout Builder) {
        guard !b.pending.isEmpty || !b.refs.isEmpty else { return }
        let start = Int32(store.count), refStart = Int32(refStore.count)
        store += b.pending
        refStore += b.refs
        b.ops.append(.bytes(start: start, end: Int32(store.count), refStart: refStart, refEnd: Int32(refStore.count)))
        b.pending.removeAll(keepingCapacity: true)
        b.refs.removeAll(keepingCapacity: true)
    }

    private func op(_ o: Op, _ b: inout Builder) {
        flush(&b)
        b.ops.append(o)
    }

    /// A start tag, cut where the fill adds to it (identifier suffixes, a restarted list number).
    private func startTag(_ n: XMLNode, empty: Bool, ctx: Context, into b: inout Builder) {
        var tmp: [UInt8] = []
        var labels: [Op] = []
        var positions: [Int] = []
        var numOriginal: [UInt8] = []
        let numbering = ctx.numbering.flatMap { $0.element == n ? $0 : nil }
        if let numbering, let v = n.attribute(numbering.attribute, numbering.namespace) { XMLWriter.appendEscapedAttribute(v, to: &numOriginal) }
        let dialect = self.dialect
        XMLWriter.appendStartTag(n, empty: empty, to: &tmp, attribute: { name, ns in
            if ctx.cloneDepth > 0 {
                if dialect.dropsOnCopy(name, ns) { return .drop }
                if ns == NS.xml, name == "id" { labels.append(.idSuffix); return .cutAfterValue }
            }
            if let numbering, ns == numbering.namespace, name == numbering.attribute { labels.append(.numId(original: numOriginal)); return .cutInsteadOfValue }
            return .keep
        }, cut: { buf in positions.append(buf.count) })
        if !styleNames.isEmpty { b.refs += refs(of: n, declarationParent: nil) }
        var from = 0
        for (pos, o) in zip(positions, labels) {
            b.pending += tmp[from..<pos]
            op(o, &b)
            from = pos
        }
        b.pending += tmp[from...]
    }

    private func endTag(_ n: XMLNode, into b: inout Builder) { XMLWriter.appendEndTag(n, to: &b.pending) }

    private func compileRoot(_ root: XMLNode, into b: inout Builder) throws {
        var tmp: [UInt8] = []
        var cutAt = -1
        let empty = root.hasNoChildren
        XMLWriter.appendStartTag(root, empty: empty, to: &tmp, afterNamespaces: { buf in cutAt = buf.count })
        if !styleNames.isEmpty { b.refs += refs(of: root, declarationParent: nil) }
        b.pending += tmp[..<cutAt]
        op(.rootNamespaces, &b)
        b.pending += tmp[cutAt...]
        if empty { return }
        let ctx = Context()
        var children: [XMLNode] = []
        var c = root.firstChild
        while let cc = c { children.append(cc); c = cc.next }
        try compileSequence(children, ctx: ctx, into: &b)
        endTag(root, into: &b)
    }

    private func autoStylesSite(_ auto: XMLNode) -> AutoStylesSite {
        var start: [UInt8] = [], empty: [UInt8] = [], end: [UInt8] = []
        XMLWriter.appendStartTag(auto, empty: false, to: &start)
        XMLWriter.appendStartTag(auto, empty: true, to: &empty)
        XMLWriter.appendEndTag(auto, to: &end)
        var entries: [(bytes: [UInt8], style: Int32)] = []
        for c in auto.children {
            var bytes: [UInt8] = []
            XMLWriter.appendNode(c, to: &bytes)
            var style: Int32 = -1
            if dialect.isPrunableStyle(c), let name = dialect.declaredStyleName(c), let i = styleIndex[name] { style = i }
            entries.append((bytes, style))
        }
        return AutoStylesSite(start: start, emptyTag: empty, end: end, entries: entries)
    }

    /// Compiles sibling nodes, turning marker-delimited ranges into blocks.
    private func compileSequence(_ nodes: [XMLNode], ctx: Context, into b: inout Builder) throws {
        var i = 0
        while i < nodes.count {
            let n = nodes[i]
            if isMarker(n) {
                let (kind, index) = parseMarker(n)
                guard kind == "b" else { throw Uncompilable("block markers out of order") }
                var j = i + 1
                var open = Set<Int>()
                var elseAt: Int?
                var closeAt: Int?
                while j < nodes.count {
                    if isMarker(nodes[j]) {
                        let (k2, i2) = parseMarker(nodes[j])
                        if i2 == index {
                            if k2 == "e" { elseAt = j } else if k2 == "c" { closeAt = j; break } else { throw Uncompilable("markers") }
                        } else if k2 == "b" { open.insert(i2) } else if k2 == "c" {
                            guard open.remove(i2) != nil else { throw Uncompilable("blocks overlap") }
                        } else if !open.contains(i2) { throw Uncompilable("blocks overlap") }
                    }
                    j += 1
                }
                guard let c = closeAt, open.isEmpty else { throw Uncompilable("a block's edges are in different places") }
                let thenSlice = Array(nodes[(i + 1)..<(elseAt ?? c)])
                let elseSlice = elseAt.map { Array(nodes[($0 + 1)..<c]) } ?? []
                let info = blocks[index]
                var inner = ctx
                if info.block.kind == .each { inner.cloneDepth += 1 }
                var tb = Builder()
                try compileSequence(thenSlice, ctx: inner, into: &tb)
                flush(&tb)
                var eb = Builder()
                try compileSequence(elseSlice, ctx: ctx, into: &eb)
                flush(&eb)
                op(.block(BlockSite(anchor: info.ref, kind: info.block.kind, path: info.block.path, then: tb.ops, otherwise: eb.ops,
                                    unitCount: info.unitCount, isRows: info.isRows, copiedElements: info.elements)), &b)
                i = c + 1
                continue
            }
            if let us = units[n.identity] { for u in us { op(.unit(depth: u.depth, index: u.index), &b) } }
            try compileNode(n, ctx: ctx, into: &b)
            if ctx.cellLevel, n.isElement, listUnits[n.identity] == nil {
                op(.childMark(isParagraph: dialect.isParagraph(n)), &b)
            }
            i += 1
        }
    }

    private func parseMarker(_ n: XMLNode) -> (String, Int) {
        let t = n.text
        return (String(t.prefix(1)), Int(t.dropFirst()) ?? -1)
    }

    private func children(of n: XMLNode) -> [XMLNode] {
        var out: [XMLNode] = []
        var c = n.firstChild
        while let cc = c { out.append(cc); c = cc.next }
        return out
    }

    private func compileNode(_ n: XMLNode, ctx: Context, into b: inout Builder) throws {
        guard n.isElement else {
            if isMarker(n) { throw Uncompilable("stray marker") }
            XMLWriter.appendNode(n, to: &b.pending)
            return
        }
        if n.is(TagNormalizer.anchorName, nil) {
            try compileAnchor(n, ctx: ctx, into: &b)
            return
        }
        if !styleNames.isEmpty, dialect.isAutomaticStyles(n), n.parent?.parent == nil {
            op(.automaticStyles(autoStylesSite(n)), &b)
            return
        }
        if let id = listUnits[n.identity] {
            try compileList(n, anchorId: id, ctx: ctx, into: &b)
            return
        }
        var inner = ctx
        inner.cellLevel = false
        if dialect.isTable(n) {
            var tb = Builder()
            try compileElement(n, ctx: inner, into: &tb)
            flush(&tb)
            op(.table(tb.ops), &b)
            return
        }
        if dialect.isRow(n) { op(.rowMark, &b) }
        let isMergeCell = mergeCells.contains(n.identity)
        if (dialect.cellsEndWithParagraph && dialect.isCell(n)) || isMergeCell {
            try compileCell(n, ctx: inner, merge: isMergeCell, into: &b)
            return
        }
        try compileElement(n, ctx: inner, into: &b)
    }

    /// True when a child is written whatever the data (not a tag, a block's content, a table or a list).
    private func alwaysWritten(_ children: [XMLNode]) -> Bool {
        var depth = 0
        for c in children {
            if isMarker(c) {
                let (k, _) = parseMarker(c)
                if k == "b" { depth += 1 } else if k == "c" { depth -= 1 }
                continue
            }
            guard depth == 0 else { continue }
            if !c.isElement { return true }
            if c.is(TagNormalizer.anchorName, nil) || listUnits[c.identity] != nil || dialect.isTable(c) { continue }
            return true
        }
        return false
    }

    private func compileElement(_ n: XMLNode, ctx: Context, into b: inout Builder) throws {
        if n.hasNoChildren {
            startTag(n, empty: true, ctx: ctx, into: &b)
            return
        }
        let kids = children(of: n)
        if alwaysWritten(kids) {
            startTag(n, empty: false, ctx: ctx, into: &b)
            try compileSequence(kids, ctx: ctx, into: &b)
            endTag(n, into: &b)
            return
        }
        // Every child may go: the element is written `<x/>` then.
        var open = Builder()
        startTag(n, empty: false, ctx: ctx, into: &open)
        guard open.ops.isEmpty else { throw Uncompilable("an element with an identifier whose children may all go") }
        b.refs += open.refs
        var cb = Builder()
        try compileSequence(kids, ctx: ctx, into: &cb)
        flush(&cb)
        var end: [UInt8] = []
        XMLWriter.appendEndTag(n, to: &end)
        op(.element(open: open.pending, children: cb.ops, end: end), &b)
    }

    private func compileCell(_ n: XMLNode, ctx: Context, merge: Bool, into b: inout Builder) throws {
        let kids = children(of: n)
        var cb = Builder()
        var rest = kids[...]
        startTag(n, empty: false, ctx: ctx, into: &cb)
        var forms: MergeForms?
        if let first = kids.first, dialect.isCellProperties(first) {
            try compileNode(first, ctx: ctx, into: &cb)
            rest = kids.dropFirst()
        }
        if merge {
            op(.headEnd, &cb)
            forms = try dialect.mergeForms(n, MergeCompiling(document: doc, cloneDepth: ctx.cloneDepth, children: { self.children(of: $0) },
                                                             isMarker: { self.isMarker($0) }, isListUnit: { self.listUnits[$0.identity] != nil }))
        }
        var inner = ctx
        inner.cellLevel = dialect.cellsEndWithParagraph
        if dialect.cellsEndWithParagraph, let first = kids.first, dialect.isCellProperties(first) { op(.childMark(isParagraph: false), &cb) }
        try compileSequence(Array(rest), ctx: inner, into: &cb)
        flush(&cb)
        var end: [UInt8] = []
        XMLWriter.appendEndTag(n, to: &end)
        var trailing: [UInt8]?
        if dialect.cellsEndWithParagraph { trailing = try dialect.emptyParagraphBytes(at: n) }
        op(.cell(CellSite(trailingParagraph: trailing, end: end, merge: forms), cb.ops), &b)
    }

    private func runFormat(_ anchor: XMLNode) throws -> RunFormat {
        guard let root = doc.root else { throw Uncompilable("no root") }
        return try dialect.runFormat(anchor: anchor, root: root, styleIndex: styleIndex)
    }

    private func compileAnchor(_ n: XMLNode, ctx: Context, into b: inout Builder) throws {
        let id = n.attribute("id") ?? ""
        guard let leaf = leaves[id], let tag = leaf.anchor.tag else { throw Uncompilable("an anchor of no tag") }
        let ref = Self.ref(leaf.anchor)
        switch tag {
        case let .value(e):
            if hosted[id] != nil {
                op(.hostedValue(ValueSite(anchor: ref, expression: e, format: try runFormat(n), isMerge: false)), &b)
            } else {
                op(.value(ValueSite(anchor: ref, expression: e, format: try runFormat(n), isMerge: false)), &b)
            }
        case let .merge(e):
            op(.value(ValueSite(anchor: ref, expression: e, format: try runFormat(n), isMerge: true)), &b)
        case let .image(path, width, height):
            op(.image(ImageSite(anchor: ref, path: path, width: width, height: height)), &b)
        case .open, .close, .elseTag:
            throw Uncompilable("a block tag left")
        }
    }

    private func compileList(_ unit: XMLNode, anchorId: String, ctx: Context, into b: inout Builder) throws {
        guard let leaf = leaves[anchorId], case let .value(e)? = leaf.anchor.tag else { throw Uncompilable("list") }
        let anchorNode = leaf.anchor.node
        let format = try runFormat(anchorNode)
        let ref = Self.ref(leaf.anchor)
        let skipped = hosted[anchorId]
        // Inside the unit, the tag becomes the slot for the item's text.
        func variant(_ c: Context, copy: Bool) throws -> [Op] {
            var vb = Builder()
            var inner = c
            inner.cellLevel = false
            if skipped != nil, !copy {
                // The paragraph as the template has it, blocks and all; the tag says whether it repeats.
                try compileElement(unit, ctx: inner, into: &vb)
            } else {
                try compileUnit(unit, anchor: anchorNode, format: format, ref: ref, skipping: skipped ?? [], ctx: inner, into: &vb)
            }
            if copy && ctx.cellLevel { op(.childMark(isParagraph: dialect.isParagraph(unit)), &vb) }
            flush(&vb)
            return vb.ops
        }
        let normal = try variant(ctx, copy: false)
        var copyCtx = ctx
        copyCtx.cloneDepth += 1
        var numId: String?
        if let p = dialect.paragraph(of: anchorNode), let numbering = dialect.numbering(of: p) {
            numId = numbering.element.attribute(numbering.attribute, numbering.namespace)
            if numId != nil { copyCtx.numbering = numbering }
        }
        let copy = try variant(copyCtx, copy: true)
        op(.list(ListSite(anchor: ref, expression: e, normal: normal, copy: copy, numId: numId, hosted: skipped != nil,
                          marksParagraph: ctx.cellLevel && dialect.isParagraph(unit))), &b)
    }

    private func compileUnit(_ n: XMLNode, anchor: XMLNode, format: RunFormat, ref: AnchorRef, skipping: Set<UnsafeMutableRawPointer>, ctx: Context, into b: inout Builder) throws {
        if n == anchor {
            op(.slot(format, ref), &b)
            return
        }
        guard n.isElement else { XMLWriter.appendNode(n, to: &b.pending); return }
        if n.hasNoChildren {
            startTag(n, empty: true, ctx: ctx, into: &b)
            return
        }
        let kids = children(of: n).filter { !skipping.contains($0.identity) }
        if kids.contains(where: { $0 != anchor }) {
            startTag(n, empty: false, ctx: ctx, into: &b)
            for c in kids { try compileUnit(c, anchor: anchor, format: format, ref: ref, skipping: skipping, ctx: ctx, into: &b) }
            endTag(n, into: &b)
            return
        }
        // Only the tag: an empty value leaves the element empty, written `<x/>`.
        var open = Builder()
        startTag(n, empty: false, ctx: ctx, into: &open)
        guard open.ops.isEmpty else { throw Uncompilable("an element with an identifier whose children may all go") }
        b.refs += open.refs
        var end: [UInt8] = []
        XMLWriter.appendEndTag(n, to: &end)
        op(.element(open: open.pending, children: [.slot(format, ref)], end: end), &b)
    }
}
