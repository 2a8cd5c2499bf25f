import Foundation
import OfficePackage
import OfficeXML

/// State shared by the parts of one document being filled: problems, media, options.
final class RenderSession {
    let options: RenderOptions
    let dialect: any Dialect
    var problems: [TemplateProblem] = []
    private var seenProblems = Set<TemplateProblem>()
    var warnings: [String] = []
    private var seenWarnings = Set<String>()
    /// Media parts added, by content, so the same picture is stored once.
    var media: [Data: String] = [:]
    var addedParts: [(name: String, data: Data, mediaType: String)] = []
    var drawingId = 5000
    /// Copies made so far, to keep identifiers of copies unique.
    var cloneCount = 0
    /// Elements copied by loops so far, and the problem that stopped them past `maxCopiedElements`: loops
    /// inside loops multiply (forty nested loops over two items would copy 2^40 times), so a fill is
    /// bounded by its output, whatever the template and data.
    var copiedElements = 0
    var runaway: TemplateProblem?
    /// Twenty times what the largest shipped example copies (under 5,000), a few tens of megabytes at most.
    static let maxCopiedElements = 100_000
    /// `word/numbering.xml` of the template as the fill's digits write it, read once per template; this
    /// document's copy is made only when a list needs it.
    var numberingBase: (() -> NumberingBase?)?
    private var numberingCopy: Numbering?
    /// `word/numbering.xml` of a DOCX, when the template has one.
    var numbering: Numbering? {
        if numberingCopy == nil, let base = numberingBase?() { numberingCopy = Numbering(base: base) }
        return numberingCopy
    }
    /// The copy, if a list needed one.
    var numberingIfUsed: Numbering? { numberingCopy }
    /// Tags parsed so far, by their text: a loop's copies carry the same tags as its first pass.
    var parsedTags: [String: Tag] = [:]
    /// Nodes the tree fill climbed through to decide blocks and whether a tag is still in the document:
    /// what a fill costs beyond its copies, bounded by what separates tags rather than by the depth of
    /// the tables around them.
    var treeSteps = 0
    /// No picture is larger than the template's largest page.
    let page: PageSize
    /// The filters tags may use.
    let filters: FilterSet

    init(options: RenderOptions, dialect: any Dialect, page: PageSize = .a4, filters: FilterSet = .standard) {
        self.filters = filters
        self.options = options
        self.dialect = dialect
        self.page = page
    }

    func report(_ p: TemplateProblem) {
        if seenProblems.insert(p).inserted { problems.append(p) }
    }

    func warn(_ w: String) {
        if seenWarnings.insert(w).inserted { warnings.append(w) }
    }

    /// The tag written as `raw`, parsed once; nil when it does not parse.
    func tag(_ raw: String) -> Tag? {
        if let t = parsedTags[raw] { return t }
        guard let t = try? Tag.parse(raw) else { return nil }
        parsedTags[raw] = t
        return t
    }

    /// A tag's value in `scope`, its filters applied; problems (a missing name, NaN, a filter's refusal)
    /// are reported through `problem` and give nil. Shared by the compiled and the tree renderer.
    func evaluate(_ e: Tag.Expression, scope: Scope, problem: (String) -> TemplateProblem) -> TemplateValue? {
        var value: TemplateValue?
        if let lit = e.literal {
            value = .string(lit)
        } else if let path = e.path {
            switch scope.lookup(path) {
            case let .found(v):
                if PartRenderer.holdsNaN(v) {
                    let hint = options.lenient ? " (left empty)" : ""
                    report(problem("'\(path)' is not a finite number: a document cannot print it; give a number or leave it empty\(hint)"))
                    return nil
                }
                value = v
            case .missing:
                if !e.filters.contains(where: { $0.name == "default" }) {
                    let hint = options.lenient ? " (left empty)" : ""
                    report(problem("the data has no '\(path)'\(hint)"))
                }
                value = nil
            }
        }
        for f in e.filters {
            switch filters.apply(f, to: value) {
            case let .success(v): value = v
            case let .failure(err):
                report(problem("filter \(f.name): \(err.message)"))
                return nil
            }
        }
        return value
    }
}

/// Fills one XML part (document, header, footer, styles) of a copy of the template.
final class PartRenderer {
    let document: XMLDocument
    let part: String
    let session: RenderSession
    var dialect: any Dialect { session.dialect }
    /// Relationships of this part (DOCX), loaded when a picture is first added.
    var relationships: Relationships?
    let loadRelationships: () throws -> Relationships?

    init(document: XMLDocument, part: String, session: RenderSession, loadRelationships: @escaping () throws -> Relationships?) {
        self.document = document
        self.part = part
        self.session = session
        self.loadRelationships = loadRelationships
    }

    /// All anchors under `node` (itself included), in document order.
    func anchors(in node: XMLNode) -> [Anchor] {
        anchorNodes(in: node).map { Anchor(node: $0, part: part, tag: session.tag) }
    }

    /// The anchor elements under `node` (itself included), without reading their tags.
    private func anchorNodes(in node: XMLNode) -> [XMLNode] {
        var out: [XMLNode] = []
        node.walk { n in
            if n.is(TagNormalizer.anchorName, nil) {
                out.append(n)
                return false
            }
            return true
        }
        return out
    }

    func render(root: XMLNode, data: TemplateValue) {
        let (items, _) = BlockParser.parse(anchors(in: root))
        renderItems(items, scope: Scope(value: data, parent: nil), fence: nil)
        postProcess(root: root)
    }

    /// Takes a node out of the output, with the tags inside it.
    private func bury(_ n: XMLNode) { n.remove() }

    /// Fills `items`, all inside `fence` (an element that stays in the document while they are filled:
    /// the parent of the block's range), or anywhere in the part when nil.
    private func renderItems(_ items: [Item], scope: Scope, fence: XMLNode?) {
        // Tags ahead of a block's opening tag in the paragraph or row its range starts with belong to the
        // block, as in the compiled fill: they are filled in each copy with the item's values, or only in
        // the branch kept. They wait for it.
        var leading: [ObjectIdentifier: [Item]] = [:]
        var waiting = Set<Int>()
        for (j, item) in items.enumerated() where j > 0 {
            guard case let .block(b) = item, let unit = leadingUnit(of: b) else { continue }
            var k = j - 1
            var lead: [Item] = []
            while k >= 0, !waiting.contains(k), let node = items[k].anchorNode, isPlaced(node, inside: unit, below: fence) {
                lead.insert(items[k], at: 0)
                waiting.insert(k)
                k -= 1
            }
            if !lead.isEmpty { leading[ObjectIdentifier(b)] = lead }
        }
        for (i, item) in items.enumerated() where !waiting.contains(i) {
            // A tag whose structure was removed with another block's (a tag-only paragraph, a row) is not filled.
            switch item {
            case let .leaf(a):
                guard isPlaced(a.node, below: fence) else { continue }
                renderLeaf(a, scope: scope)
            case let .block(b):
                guard isPlaced(b.open.node, below: fence) else { continue }
                renderBlock(b, scope: scope, leading: leading[ObjectIdentifier(b)] ?? [])
            }
        }
    }

    /// The paragraph or row a block's range starts with when it holds the opening tag (tags may stand
    /// ahead of it there); nil for a block inside one paragraph or one that starts after its tag.
    private func leadingUnit(of b: BlockNode) -> XMLNode? {
        guard let close = b.close,
              case let .success(s) = dialect.structure(open: b.open.node, close: close.node, elseNode: b.elseAnchor?.node, steps: &session.treeSteps)
        else { return nil }
        switch s {
        case .inline: return nil
        case let .paragraphs(first, _, _):
            guard let first, isPlaced(b.open.node, inside: first, below: nil) else { return nil }
            return first
        case let .rows(first, _):
            return first
        }
    }

    /// True when `n` is `unit` or inside it, climbing no higher than `unit`'s parent (or `fence`).
    private func isPlaced(_ n: XMLNode, inside unit: XMLNode, below fence: XMLNode?) -> Bool {
        let top = unit.parent
        var cur: XMLNode? = n
        while let c = cur {
            session.treeSteps += 1
            if c == unit { return true }
            if c == top || c == fence { return false }
            cur = c.parent
        }
        return false
    }

    /// True while `n` is in the document: it reaches `fence` (in the document) going up, or the root.
    /// A node taken out went with one of its ancestors below the fence, so the climb stops there.
    private func isPlaced(_ n: XMLNode, below fence: XMLNode?) -> Bool {
        var cur = n
        while true {
            session.treeSteps += 1
            if cur == fence { return true }
            guard let p = cur.parent else { return cur.isInTree }
            cur = p
        }
    }

    // MARK: values

    private func evaluate(_ e: Tag.Expression, scope: Scope, anchor: Anchor) -> TemplateValue? {
        session.evaluate(e, scope: scope, problem: anchor.problem)
    }

    /// NaN, or a list holding it: a program's NaN or infinite Double becomes a NaN Decimal, printed "NaN".
    static func holdsNaN(_ v: TemplateValue) -> Bool {
        switch v {
        case let .number(d): return d.isNaN
        case let .list(l): return l.contains { if case let .number(d) = $0 { return d.isNaN } else { return false } }
        default: return false
        }
    }

    private func renderLeaf(_ a: Anchor, scope: Scope) {
        guard let tag = a.tag else { a.node.remove(); return }
        switch tag {
        case let .value(e):
            let v = evaluate(e, scope: scope, anchor: a)
            if case let .list(items)? = v, let p = dialect.paragraph(of: a.node), dialect.isTagOnly(p, anchor: a.node) {
                expandList(items, anchor: a, paragraph: p)
            } else {
                replace(a, with: v?.text ?? "")
            }
        case let .merge(e):
            let text = evaluate(e, scope: scope, anchor: a)?.text ?? ""
            if let collector = scope.mergeCollector, let cell = enclosingCell(a.node) {
                collector.entries.append(.init(templateId: a.id, cell: cell, value: text))
            }
            replace(a, with: text)
        case let .image(path, width, height):
            renderImage(a, path: path, width: width, height: height, scope: scope)
        case .open, .close, .elseTag:
            a.node.remove()
        }
    }

    /// The cell `n` is in (or is), climbing no further.
    private func enclosingCell(_ n: XMLNode) -> XMLNode? {
        var cur: XMLNode? = n
        while let c = cur {
            session.treeSteps += 1
            if dialect.isCell(c) { return c }
            cur = c.parent
        }
        return nil
    }

    /// A list value alone in its paragraph: one paragraph per item, in the paragraph's style.
    private func expandList(_ items: [TemplateValue], anchor: Anchor, paragraph p: XMLNode) {
        // In ODF a numbered paragraph sits alone in a list item: repeat the item so each gets its number.
        let unit = dialect.listUnit(of: p)
        // In Word each list value numbers from 1, even when its row or paragraph was repeated.
        let restartedNumId = restartNumbering(of: p)
        for item in items {
            let copy = cloneUnique(unit)
            if let id = restartedNumId, let numbering = dialect.numbering(of: copy) {
                numbering.element.setAttribute(numbering.attribute, numbering.namespace, value: id)
            }
            unit.insertBefore(copy)
            if let a = anchors(in: copy).first(where: { $0.id == anchor.id }) { replace(a, with: item.text) }
        }
        bury(unit)
    }

    /// A deep copy whose identifiers stay unique in the document: ODF `xml:id` (lists, paragraphs) gets a
    /// suffix, and Word's optional paragraph ids (`w14:paraId`, `w14:textId`) are dropped.
    private func cloneUnique(_ node: XMLNode) -> XMLNode {
        let copy = node.clone(deep: true)
        session.cloneCount += 1
        let suffix = "c\(session.cloneCount)"
        copy.walk { n in
            guard n.isElement else { return false }
            session.copiedElements += 1
            if let id = n.attribute("id", NS.xml) { n.setAttribute("id", NS.xml, value: "\(id)\(suffix)", prefixHint: "xml") }
            for a in n.attributes where dialect.dropsOnCopy(a.name, a.namespace) { n.removeAttribute(a.name, a.namespace) }
            return true
        }
        return copy
    }

    /// A new `w:num` restarting at 1 for the numbering of paragraph `p`, or nil when it is not numbered.
    private func restartNumbering(of p: XMLNode) -> String? {
        guard let n = dialect.numbering(of: p), let numId = n.element.attribute(n.attribute, n.namespace),
              numId != "0", let numbering = session.numbering else { return nil }
        return numbering.restart(numId: numId)
    }

    /// Replaces an anchor by text in the formatting it carries: line breaks, tabs and runs of spaces kept.
    func replace(_ a: Anchor, with raw: String) {
        // The usual value (a name, a number, a Thai sentence) needs no scalar work.
        let plain = ValueText.isPlain(raw, collapsesSpaces: dialect.collapsesSpaces)
        let text = plain ? raw : ValueText.sanitize(raw) { session.warn("\(a.location): {{\(a.raw)}}: characters that XML does not allow (control characters) were removed from the value") }
        for n in dialect.valueNodes(text, plain: plain, anchor: a.node, document: document) { a.node.insertBefore(n) }
        a.node.remove()
    }

    // MARK: blocks

    /// `leading`: the tags ahead of the opening tag in the unit the range starts with (see `renderItems`).
    private func renderBlock(_ b: BlockNode, scope: Scope, leading: [Item] = []) {
        guard let close = b.close else { return }
        let structure: BlockStructure
        switch dialect.structure(open: b.open.node, close: close.node, elseNode: b.elseAnchor?.node, steps: &session.treeSteps) {
        case let .success(s): structure = s
        case let .failure(f):
            session.report(b.open.problem(f.message))
            return
        }
        let lookup = scope.lookup(b.path)
        var value: TemplateValue = .null
        if case let .found(v) = lookup { value = v }

        // The ranges of each branch, as sibling nodes.
        var thenNodes: [XMLNode] = []
        var elseNodes: [XMLNode] = []
        // The parent of the ranges, where copies go: it stays while the block's tags are filled.
        var fence: XMLNode?
        switch structure {
        case .inline:
            fence = b.open.node.parent
            var n = b.open.node.next
            var inElse = false
            while let c = n, c != close.node {
                if c == b.elseAnchor?.node { inElse = true } else if inElse { elseNodes.append(c) } else { thenNodes.append(c) }
                n = c.next
            }
        case let .paragraphs(first, last, tagOnly):
            var inElse = false
            var n = first
            fence = first?.parent
            let elseParagraph = b.elseAnchor.flatMap { dialect.paragraph(of: $0.node) }
            if let l = last {
                while let c = n {
                    let isElsePara = elseParagraph.map { c == $0 } ?? false
                    if isElsePara { inElse = true } else if !tagOnly.contains(c) {
                        if inElse { elseNodes.append(c) } else { thenNodes.append(c) }
                    }
                    if c == l { break }
                    n = c.next
                }
            }
            for t in tagOnly { bury(t) }
        case let .rows(first, last):
            // A tag alone in its paragraph, in a cell that has other content, takes its paragraph with it.
            for a in [b.open, close] {
                if let p = dialect.paragraph(of: a.node), dialect.isTagOnly(p, anchor: a.node), let cell = p.parent, dialect.isCell(cell),
                   hasOtherContent(cell, besides: p) {
                    bury(p)
                }
            }
            fence = first.parent
            // The row of the range holding {{else}}, found by climbing from it to the range's parent.
            var elseRow: XMLNode?
            if let e = b.elseAnchor, let parent = fence {
                var cur: XMLNode? = e.node
                while let c = cur {
                    session.treeSteps += 1
                    if c.parent == parent { elseRow = c; break }
                    cur = c.parent
                }
            } else if let e = b.elseAnchor, e.node.isInside(first) {
                elseRow = first
            }
            var n: XMLNode? = first
            var inElse = false
            while let c = n {
                // The next row is taken before the {{else}} row goes (out of the tree it has no next).
                n = c.next
                if c == elseRow { inElse = true; bury(c) } else if inElse { elseNodes.append(c) } else { thenNodes.append(c) }
                if c == last { break }
            }
        }
        for a in [b.open, close] + (b.elseAnchor.map { [$0] } ?? []) { a.node.remove() }

        switch b.kind {
        case .if, .unless:
            // A missing name is false, as for a null value; said so, because it is often a typo.
            if case .missing = lookup {
                session.warn("\(b.open.location): {{\(b.open.raw)}}: the data has no '\(b.path)', so it counts as false")
            }
            let keep = (b.kind == .if) == value.isTruthy
            for n in (keep ? elseNodes : thenNodes) { bury(n) }
            // The leading tags sit in the first unit of the range, which goes with the first branch.
            renderItems(keep ? leading + b.children : b.elseChildren, scope: scope, fence: fence)
        case .each:
            var items: [TemplateValue] = []
            switch value {
            case let .list(l): items = l
            case .null:
                if case .missing = lookup {
                    session.report(b.open.problem("the data has no list '\(b.path)'\(session.options.lenient ? " (nothing repeated)" : "")"))
                }
            case .object: items = [value]
            default:
                session.report(b.open.problem("'\(b.path)' is not a list, so {{#each}} cannot repeat it"))
            }
            guard let anchorPoint = thenNodes.first else { return }
            let isRows: Bool = { if case .rows = structure { return true }; return false }()
            let collector = isRows ? MergeCollector() : nil
            for (i, item) in items.enumerated() {
                if session.runaway != nil { break }
                if session.copiedElements > RenderSession.maxCopiedElements {
                    session.runaway = b.open.problem("the loops copy more than \(RenderSession.maxCopiedElements) elements into the document: loops inside loops multiply their items (an inner {{#each}} of a name its item lacks repeats an outer list again); check the lists these loops repeat")
                    break
                }
                var clones: [XMLNode] = []
                for n in thenNodes {
                    let c = cloneUnique(n)
                    anchorPoint.insertBefore(c)
                    clones.append(c)
                }
                let inner = Scope(value: item, parent: scope, index: i, count: items.count, merges: collector)
                let (innerItems, _) = BlockParser.parse(clones.flatMap { anchors(in: $0) })
                renderItems(innerItems, scope: inner, fence: anchorPoint.parent)
            }
            for n in thenNodes { bury(n) }
            if let collector { applyMerges(collector, fence: anchorPoint.parent) }
        }
    }

    /// True when `cell` holds a paragraph or a table besides `p` (looked for without listing its children).
    private func hasOtherContent(_ cell: XMLNode, besides p: XMLNode) -> Bool {
        var next = cell.firstChild
        while let c = next {
            next = c.next
            if c != p && c.isElement && (dialect.isParagraph(c) || dialect.isTable(c)) { return true }
        }
        return false
    }

    // MARK: merges

    private func applyMerges(_ c: MergeCollector, fence: XMLNode?) {
        // One entry per cell: a cell with several {{merge}} tags merges with the next row's only when all
        // of its values are equal; it is keyed by its first tag.
        var cells: [MergeCollector.Entry] = []
        var indexOfCell: [XMLNode: Int] = [:]
        for e in c.entries {
            if let i = indexOfCell[e.cell] {
                cells[i] = .init(templateId: cells[i].templateId, cell: e.cell, value: cells[i].value + "\u{0}" + e.value)
            } else {
                indexOfCell[e.cell] = cells.count
                cells.append(e)
            }
        }
        var groups: [String: [MergeCollector.Entry]] = [:]
        var order: [String] = []
        for e in cells where isPlaced(e.cell, below: fence) {
            if groups[e.templateId] == nil { order.append(e.templateId) }
            groups[e.templateId, default: []].append(e)
        }
        for id in order {
            let entries = groups[id]!
            var start = 0
            while start < entries.count {
                var end = start
                while end + 1 < entries.count, entries[end + 1].value == entries[start].value { end += 1 }
                if end > start { merge(Array(entries[start...end]).map(\.cell)) }
                start = end + 1
            }
        }
    }

    private func merge(_ cells: [XMLNode]) { dialect.merge(cells, document: document) }

    // MARK: images

    private func renderImage(_ a: Anchor, path: Tag.Path, width: Tag.LengthSpec?, height: Tag.LengthSpec?, scope: Scope) {
        defer { a.node.remove() }
        guard let picture = PicturePlacement.resolve(path: path, width: width, height: height, scope: scope, session: session, problem: a.problem) else { return }
        do {
            let media = picture.mediaName(in: session)
            var rid: String?
            if dialect.picturesUseRelationships {
                if relationships == nil { relationships = try loadRelationships() }
                guard let rels = relationships else { throw StructureFailure("no relationships part") }
                rid = PicturePlacement.relationship(from: part, to: media, in: rels)
            }
            session.drawingId += 1
            let ns = dialect.pictureNamespaces
            var same: [String: String] = [:]
            for k in ns.keys { same[k] = k }
            let xml = dialect.pictureXML(same, media: media, relationship: rid, id: session.drawingId, info: picture.info, size: picture.size)
            guard let node = try document.fragment(xml, namespaces: ns, for: document.root).first else { throw StructureFailure("picture") }
            a.node.insertBefore(node)
        } catch {
            session.report(a.problem("the picture could not be added: \(error)"))
        }
    }

    // MARK: after filling

    private func postProcess(root: XMLNode) {
        // Tables whose rows were all removed.
        var tables: [XMLNode] = []
        root.walk { n in
            if dialect.isTable(n) { tables.append(n) }
            return true
        }
        for t in tables.reversed() {
            var hasRow = false
            t.walk { n in if dialect.isRow(n) { hasRow = true }; return !hasRow }
            if !hasRow { t.remove() }
        }
        if let script = session.options.digits.pass { DigitsPass.apply(root: root, document: document, dialect: dialect, script: script) }
        dialect.finish(root: root, document: document)
    }
}
