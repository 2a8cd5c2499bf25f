import Foundation
import OfficePackage
import OfficeXML

/// State shared by the parts of one document being filled: problems, media, options.
final class RenderSession {
    let options: RenderOptions
    let dialect: Dialect
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
    /// `word/numbering.xml` of the template, copied for this document only when a list needs it.
    var numberingSource: Data?
    private var numberingCopy: Numbering?
    /// `word/numbering.xml` of a DOCX, when the template has one.
    var numbering: Numbering? {
        if numberingCopy == nil, let numberingSource { numberingCopy = try? Numbering(data: numberingSource) }
        return numberingCopy
    }
    /// The copy, if a list needed one.
    var numberingIfUsed: Numbering? { numberingCopy }
    /// Tags parsed so far, by their text: a loop's copies carry the same tags as its first pass.
    var parsedTags: [String: Tag] = [:]
    /// No picture is larger than the template's largest page.
    let page: PageSize
    /// The filters tags may use.
    let filters: FilterSet

    init(options: RenderOptions, dialect: Dialect, page: PageSize = .a4, filters: FilterSet = .standard) {
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
}

/// Fills one XML part (document, header, footer, styles) of a copy of the template.
final class PartRenderer {
    let document: XMLDocument
    let part: String
    let session: RenderSession
    var dialect: Dialect { session.dialect }
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
        renderItems(items, scope: Scope(value: data, parent: nil))
        postProcess(root: root)
    }

    /// Takes a node out of the output, with the tags inside it.
    private func bury(_ n: XMLNode) { n.remove() }

    private func renderItems(_ items: [Item], scope: Scope) {
        for item in items {
            // A tag whose structure was removed with another block's (a tag-only paragraph, a row) is not filled.
            switch item {
            case let .leaf(a):
                guard a.node.isInTree else { continue }
                renderLeaf(a, scope: scope)
            case let .block(b):
                guard b.open.node.isInTree else { continue }
                renderBlock(b, scope: scope)
            }
        }
    }

    // MARK: values

    private func evaluate(_ e: Tag.Expression, scope: Scope, anchor: Anchor) -> TemplateValue? {
        var value: TemplateValue?
        if let lit = e.literal {
            value = .string(lit)
        } else if let path = e.path {
            switch scope.lookup(path) {
            case let .found(v):
                if Self.holdsNaN(v) {
                    let hint = session.options.lenient ? " (left empty)" : ""
                    session.report(anchor.problem("'\(path)' is not a finite number: a document cannot print it; give a number or leave it empty\(hint)"))
                    return nil
                }
                value = v
            case .missing:
                if !e.filters.contains(where: { $0.name == "default" }) {
                    let hint = session.options.lenient ? " (left empty)" : ""
                    session.report(anchor.problem("the data has no '\(path)'\(hint)"))
                }
                value = nil
            }
        }
        for f in e.filters {
            switch session.filters.apply(f, to: value) {
            case let .success(v): value = v
            case let .failure(err):
                session.report(anchor.problem("filter \(f.name): \(err.message)"))
                return nil
            }
        }
        return value
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
            if let collector = scope.mergeCollector, let cell = ([a.node] + a.node.ancestors).first(where: dialect.isCell) {
                collector.entries.append(.init(templateId: a.id, cell: cell, value: text))
            }
            replace(a, with: text)
        case let .image(path, width, height):
            renderImage(a, path: path, width: width, height: height, scope: scope)
        case .open, .close, .elseTag:
            a.node.remove()
        }
    }

    /// A list value alone in its paragraph: one paragraph per item, in the paragraph's style.
    private func expandList(_ items: [TemplateValue], anchor: Anchor, paragraph p: XMLNode) {
        // In ODF a numbered paragraph sits alone in a list item: repeat the item so each gets its number.
        var unit = p
        if dialect.kind == .odt, let li = p.parent, li.is("list-item", Dialect.text), li.elementChildren.count == 1 { unit = li }
        // In Word each list value numbers from 1, even when its row or paragraph was repeated.
        let restartedNumId = dialect.kind == .docx ? restartNumbering(of: p) : nil
        for item in items {
            let copy = cloneUnique(unit)
            if let id = restartedNumId, let numId = copy.child("pPr", Dialect.w)?.child("numPr", Dialect.w)?.child("numId", Dialect.w) {
                numId.setAttribute("val", Dialect.w, value: id)
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
            if let id = n.attribute("id", Dialect.xml) { n.setAttribute("id", Dialect.xml, value: "\(id)\(suffix)", prefixHint: "xml") }
            if dialect.kind == .docx {
                n.removeAttribute("paraId", Dialect.w14)
                n.removeAttribute("textId", Dialect.w14)
            }
            return true
        }
        return copy
    }

    /// A new `w:num` restarting at 1 for the numbering of paragraph `p`, or nil when it is not numbered.
    private func restartNumbering(of p: XMLNode) -> String? {
        guard let numId = p.child("pPr", Dialect.w)?.child("numPr", Dialect.w)?.child("numId", Dialect.w)?.attribute("val", Dialect.w),
              numId != "0", let numbering = session.numbering else { return nil }
        return numbering.restart(numId: numId)
    }

    /// Replaces an anchor by text in the formatting it carries: line breaks, tabs and runs of spaces kept.
    func replace(_ a: Anchor, with raw: String) {
        let nodes: [XMLNode]
        if Self.isPlain(raw, odf: dialect.kind == .odt) {
            // The usual value (a name, a number, a Thai sentence): one run or one text node, no scalar work.
            nodes = dialect.kind == .docx ? [wordRun(raw, anchor: a.node)] : odfStyled(raw.isEmpty ? [] : [document.createText(raw)], anchor: a.node)
        } else {
            let text = sanitize(raw, anchor: a)
            nodes = dialect.kind == .docx ? wordRuns(text, anchor: a.node) : odfNodes(text, anchor: a.node)
        }
        for n in nodes { a.node.insertBefore(n) }
        a.node.remove()
    }

    /// True when a value needs none of the work below, decided on its UTF-8 bytes in one pass: no
    /// control characters, line breaks or tabs, no U+FFFE/U+FFFF (EF BF BE/BF), and for ODF no leading
    /// space nor run of spaces. Thai text (E0 B8/B9 xx) passes as it is.
    static func isPlain(_ s: String, odf: Bool) -> Bool {
        var s = s
        return s.withUTF8 { b in
            guard !b.isEmpty else { return true }
            if odf && b[0] == 0x20 { return false }
            var previousSpace = false
            for i in 0..<b.count {
                let c = b[i]
                if c < 0x20 { return false }
                if c == 0xEF, i + 2 < b.count, b[i + 1] == 0xBF, b[i + 2] >= 0xBE { return false }
                if odf {
                    if c == 0x20 && previousSpace { return false }
                    previousSpace = c == 0x20
                }
            }
            return true
        }
    }

    /// One `w:r` holding `text` in the anchor's formatting.
    private func wordRun(_ text: String, anchor: XMLNode) -> XMLNode {
        let context = anchor.parent
        let r = document.createElement("r", namespace: Dialect.w, context: context)
        if let rPr = anchor.child("rPr", Dialect.w) { r.append(rPr.clone(deep: true, for: context)) }
        if !text.isEmpty {
            let t = document.createElement("t", namespace: Dialect.w, context: context)
            t.setAttribute("space", Dialect.xml, value: "preserve", prefixHint: "xml")
            t.append(document.createText(text))
            r.append(t)
        }
        return r
    }

    private func sanitize(_ s: String, anchor: Anchor) -> String {
        var removed = false
        var out = String.UnicodeScalarView()
        for u in s.replacingOccurrences(of: "\r\n", with: "\n").unicodeScalars {
            let v = u.value
            let ok = v == 0x9 || v == 0xA || (v >= 0x20 && v != 0xFFFE && v != 0xFFFF && !(0xD800...0xDFFF).contains(v))
            if ok { out.append(u) } else { removed = true }
        }
        if removed {
            session.warn("\(anchor.location): {{\(anchor.raw)}}: characters that XML does not allow (control characters) were removed from the value")
        }
        return String(out)
    }

    private func wordRuns(_ text: String, anchor: XMLNode) -> [XMLNode] {
        let r = document.createElement("r", namespace: Dialect.w, context: anchor.parent)
        if let rPr = anchor.child("rPr", Dialect.w) { r.append(rPr.clone(deep: true, for: anchor.parent)) }
        let lines = text.components(separatedBy: "\n")
        for (i, line) in lines.enumerated() {
            if i > 0 { r.append(document.createElement("br", namespace: Dialect.w, context: anchor.parent)) }
            let parts = line.components(separatedBy: "\t")
            for (j, part) in parts.enumerated() {
                if j > 0 { r.append(document.createElement("tab", namespace: Dialect.w, context: anchor.parent)) }
                if part.isEmpty { continue }
                let t = document.createElement("t", namespace: Dialect.w, context: anchor.parent)
                t.setAttribute("space", Dialect.xml, value: "preserve", prefixHint: "xml")
                t.append(document.createText(part))
                r.append(t)
            }
        }
        return [r]
    }

    private func odfNodes(_ text: String, anchor: XMLNode) -> [XMLNode] {
        var nodes: [XMLNode] = []
        let lines = text.components(separatedBy: "\n")
        for (i, line) in lines.enumerated() {
            if i > 0 { nodes.append(document.createElement("line-break", namespace: Dialect.text, context: anchor.parent)) }
            let parts = line.components(separatedBy: "\t")
            for (j, part) in parts.enumerated() {
                if j > 0 { nodes.append(document.createElement("tab", namespace: Dialect.text, context: anchor.parent)) }
                nodes += odfSpaces(part, context: anchor.parent)
            }
        }
        return odfStyled(nodes, anchor: anchor)
    }

    /// `nodes` inside the spans of the anchor's styles, outermost first.
    private func odfStyled(_ nodes: [XMLNode], anchor: XMLNode) -> [XMLNode] {
        let styles = (anchor.attribute("styles") ?? "").split(separator: " ").map(String.init)
        guard !styles.isEmpty else { return nodes }
        var inner = nodes
        for s in styles.reversed() {
            let span = document.createElement("span", namespace: Dialect.text, context: anchor.parent)
            span.setAttribute("style-name", Dialect.text, value: s)
            for n in inner { span.append(n) }
            inner = [span]
        }
        return inner
    }

    /// ODF collapses runs of spaces: keep the first as text and write the rest as `text:s`.
    private func odfSpaces(_ s: String, context: XMLNode?) -> [XMLNode] {
        guard s.contains("  ") || s.hasPrefix(" ") else { return s.isEmpty ? [] : [document.createText(s)] }
        var out: [XMLNode] = []
        var buf = ""
        var spaces = 0
        func flushSpaces() {
            guard spaces > 0 else { return }
            let atStart = out.isEmpty && buf.isEmpty
            if !atStart { buf += " "; spaces -= 1 }
            if spaces > 0 {
                if !buf.isEmpty { out.append(document.createText(buf)); buf = "" }
                let sp = document.createElement("s", namespace: Dialect.text, context: context)
                if spaces > 1 { sp.setAttribute("c", Dialect.text, value: String(spaces)) }
                out.append(sp)
            }
            spaces = 0
        }
        for c in s {
            if c == " " { spaces += 1 } else { flushSpaces(); buf.append(c) }
        }
        flushSpaces()
        if !buf.isEmpty { out.append(document.createText(buf)) }
        return out
    }

    // MARK: blocks

    private func renderBlock(_ b: BlockNode, scope: Scope) {
        guard let close = b.close else { return }
        let structure: BlockStructure
        switch dialect.structure(open: b.open.node, close: close.node, elseNode: b.elseAnchor?.node) {
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
        switch structure {
        case .inline:
            var n = b.open.node.next
            var inElse = false
            while let c = n, c != close.node {
                if c == b.elseAnchor?.node { inElse = true } else if inElse { elseNodes.append(c) } else { thenNodes.append(c) }
                n = c.next
            }
        case let .paragraphs(first, last, tagOnly):
            var inElse = false
            var n = first
            if let l = last {
                while let c = n {
                    let isElsePara = b.elseAnchor.map { c == dialect.paragraph(of: $0.node) } ?? false
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
                   cell.elementChildren.contains(where: { $0 != p && (dialect.isParagraph($0) || dialect.isTable($0)) }) {
                    bury(p)
                }
            }
            var n: XMLNode? = first
            var inElse = false
            while let c = n {
                if let e = b.elseAnchor, e.node.isInside(c) { inElse = true; bury(c) } else if inElse { elseNodes.append(c) } else { thenNodes.append(c) }
                if c == last { break }
                n = c.next
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
            renderItems(keep ? b.children : b.elseChildren, scope: scope)
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
                renderItems(innerItems, scope: inner)
            }
            for n in thenNodes { bury(n) }
            if let collector { applyMerges(collector) }
        }
    }

    // MARK: merges

    private func applyMerges(_ c: MergeCollector) {
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
        for e in cells where e.cell.isInTree {
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

    private func merge(_ cells: [XMLNode]) {
        switch dialect.kind {
        case .docx:
            for (i, cell) in cells.enumerated() {
                let tcPr = cell.child("tcPr", Dialect.w) ?? {
                    let p = document.createElement("tcPr", namespace: Dialect.w, context: cell)
                    cell.prepend(p)
                    return p
                }()
                tcPr.child("vMerge", Dialect.w)?.remove()
                let vm = document.createElement("vMerge", namespace: Dialect.w, context: cell)
                if i == 0 { vm.setAttribute("val", Dialect.w, value: "restart") }
                // Schema order in tcPr: tcW, gridSpan, hMerge, vMerge, ...
                if let after = tcPr.elementChildren.last(where: { ["tcW", "gridSpan", "hMerge", "cnfStyle"].contains($0.localName) }) {
                    after.insertAfter(vm)
                } else {
                    tcPr.prepend(vm)
                }
                if i > 0 {
                    let paras = cell.elementChildren.filter { !$0.is("tcPr", Dialect.w) }
                    let keep = paras.first { $0.is("p", Dialect.w) }
                    for p in paras where p != keep { p.remove() }
                    if let keep { for c in keep.children where !c.is("pPr", Dialect.w) { c.remove() } } else {
                        cell.append(document.createElement("p", namespace: Dialect.w, context: cell))
                    }
                }
            }
        case .odt:
            guard let first = cells.first else { return }
            first.setAttribute("number-rows-spanned", Dialect.table, value: String(cells.count))
            for cell in cells.dropFirst() {
                let covered = document.createElement("covered-table-cell", namespace: Dialect.table, context: cell)
                if let s = cell.attribute("style-name", Dialect.table) { covered.setAttribute("style-name", Dialect.table, value: s) }
                if let s = cell.attribute("number-columns-spanned", Dialect.table) { covered.setAttribute("number-columns-spanned", Dialect.table, value: s) }
                cell.insertBefore(covered)
                cell.remove()
            }
        }
    }

    // MARK: images

    private func renderImage(_ a: Anchor, path: Tag.Path, width: Tag.LengthSpec?, height: Tag.LengthSpec?, scope: Scope) {
        defer { a.node.remove() }
        var bytes: Data?
        var label = path.description
        switch scope.lookup(path) {
        case .missing:
            session.report(a.problem("the data has no '\(path)' for the picture"))
        case .found(.null), .found(.string("")):
            break
        case let .found(.image(d)):
            bytes = d
        case let .found(.string(file)):
            label = file
            let url = file.hasPrefix("/") ? URL(fileURLWithPath: file) : (session.options.assetRoot ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).appendingPathComponent(file)
            switch PictureFile.read(url) {
            case let .success(d): bytes = d
            case let .failure(problem): session.report(a.problem("the picture file \(url.path) \(problem)"))
            }
        case let .found(other):
            session.report(a.problem("'\(path)' should be a picture file path, not '\(other.text)'"))
        }
        guard let data = bytes else { return }
        let info: ImageInfo
        do { info = try ImageInfo(data) } catch {
            session.report(a.problem("\(label) \(error)"))
            return
        }
        var failed = false
        func length(_ spec: Tag.LengthSpec?, _ name: String, limit: Double) -> Double? {
            guard let spec else { return nil }
            var cm: Double?
            var written = ""
            switch spec {
            case let .literal(l):
                cm = l.centimetres
                written = String(format: "%gcm", l.centimetres)
            case let .path(p):
                guard case let .found(v) = scope.lookup(p) else {
                    session.report(a.problem("the data has no '\(p)' for the picture \(name)"))
                    failed = true
                    return nil
                }
                written = v.text
                if case let .number(n) = v {
                    cm = NSDecimalNumber(decimal: n).doubleValue
                    written = String(format: "%gcm", cm ?? 0)
                } else {
                    cm = Length(v.text)?.centimetres
                }
                if cm == nil {
                    session.report(a.problem("'\(p)' is '\(v.text)', not a length such as 6cm"))
                    failed = true
                    return nil
                }
            }
            guard let value = cm, value.isFinite, value > 0, value <= limit else {
                session.report(a.problem("the picture \(name) \(written) does not fit the page: give a length above 0 and at most \(String(format: "%.1f", limit))cm (the page is \(String(format: "%.1f × %.1f", session.page.width, session.page.height)) cm)"))
                failed = true
                return nil
            }
            return value
        }
        let ratio = Double(info.height) / Double(info.width)
        var w = length(width, "width", limit: session.page.width), h = length(height, "height", limit: session.page.height)
        guard !failed else { return }
        if w == nil && h == nil { w = min(16, Double(info.width) / 96 * 2.54) }
        if let ww = w, h == nil { h = ww * ratio }
        if let hh = h, w == nil { w = hh / ratio }
        // A size taken from the picture's proportions shrinks to the page rather than overflow it.
        let (fw, fh) = session.page.fit(max(w ?? 1, 0.01), max(h ?? 1, 0.01))
        let size = (Length(centimetres: fw), Length(centimetres: fh))
        do {
            let node = try dialect.kind == .docx ? wordDrawing(data, info, size) : odfFrame(data, info, size, context: a.node.parent)
            a.node.insertBefore(node)
        } catch {
            session.report(a.problem("the picture could not be added: \(error)"))
        }
    }

    private func mediaName(_ data: Data, _ info: ImageInfo) -> (name: String, isNew: Bool) {
        if let n = session.media[data] { return (n, false) }
        let n = session.media.count + 1
        let name = dialect.kind == .docx ? "word/media/itaimg\(n).\(info.fileExtension)" : "Pictures/itaimg\(n).\(info.fileExtension)"
        session.media[data] = name
        session.addedParts.append((name, data, info.mediaType))
        return (name, true)
    }

    private func wordDrawing(_ data: Data, _ info: ImageInfo, _ size: (Length, Length)) throws -> XMLNode {
        let (name, _) = mediaName(data, info)
        if relationships == nil { relationships = try loadRelationships() }
        guard let rels = relationships else { throw StructureFailure("no relationships part") }
        let partDir = part.split(separator: "/").dropLast().joined(separator: "/")
        let target = partDir.isEmpty ? name : (name.hasPrefix(partDir + "/") ? String(name.dropFirst(partDir.count + 1)) : "/" + name)
        let rid = rels.add(type: Relationships.imageType, target: target)
        session.drawingId += 1
        let id = session.drawingId
        let cx = size.0.emu, cy = size.1.emu
        let xml = """
        <w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="\(cx)" cy="\(cy)"/>\
        <wp:effectExtent l="0" t="0" r="0" b="0"/><wp:docPr id="\(id)" name="Picture \(id)"/>\
        <wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>\
        <a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">\
        <pic:pic><pic:nvPicPr><pic:cNvPr id="\(id)" name="itaimg\(id).\(info.fileExtension)"/><pic:cNvPicPr/></pic:nvPicPr>\
        <pic:blipFill><a:blip r:embed="\(rid)"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>\
        <pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="\(cx)" cy="\(cy)"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>\
        </pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>
        """
        let ns = ["w": Dialect.w, "wp": Dialect.wp, "a": Dialect.a, "pic": Dialect.pic, "r": Dialect.r]
        guard let node = try document.fragment(xml, namespaces: ns, for: document.root).first else { throw StructureFailure("drawing") }
        return node
    }

    private func odfFrame(_ data: Data, _ info: ImageInfo, _ size: (Length, Length), context: XMLNode?) throws -> XMLNode {
        let (name, _) = mediaName(data, info)
        session.drawingId += 1
        let xml = """
        <draw:frame draw:name="itaimg\(session.drawingId)" text:anchor-type="as-char" svg:x="0cm" svg:y="0cm" svg:width="\(size.0.odf)" svg:height="\(size.1.odf)" draw:z-index="0">\
        <draw:image xlink:href="\(name)" xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad"/></draw:frame>
        """
        let ns = ["draw": Dialect.draw, "text": Dialect.text, "svg": Dialect.svg, "xlink": Dialect.xlink]
        guard let node = try document.fragment(xml, namespaces: ns, for: document.root).first else { throw StructureFailure("frame") }
        return node
    }

    // MARK: after filling

    private func postProcess(root: XMLNode) {
        // Tables whose rows were all removed, and cells left without a paragraph.
        var tables: [XMLNode] = []
        var cells: [XMLNode] = []
        root.walk { n in
            if dialect.isTable(n) { tables.append(n) }
            if dialect.kind == .docx, n.is("tc", Dialect.w) { cells.append(n) }
            return true
        }
        for c in cells where !(c.elementChildren.last?.is("p", Dialect.w) ?? false) {
            c.append(document.createElement("p", namespace: Dialect.w, context: c))
        }
        for t in tables.reversed() {
            var hasRow = false
            t.walk { n in if dialect.isRow(n) { hasRow = true }; return !hasRow }
            if !hasRow {
                let container = t.parent
                t.remove()
                if dialect.kind == .docx, let c = container, c.is("tc", Dialect.w), !(c.elementChildren.last?.is("p", Dialect.w) ?? false) {
                    c.append(document.createElement("p", namespace: Dialect.w, context: c))
                }
            }
        }
        if let script = session.options.digits.pass { DigitsPass.apply(root: root, document: document, dialect: dialect, script: script) }
        if dialect.kind == .odt { pruneAutomaticStyles(root: root) }
    }

}
