import Foundation
import OfficePackage
import OfficeXML

/// Fills one compiled part: walks its program once, writing fixed bytes as they are and the values,
/// blocks, lists, pictures and merges of the data. One renderer per part and per document.
final class ProgramRenderer {
    let program: PartProgram
    let session: RenderSession
    var dialect: any Dialect { session.dialect }
    /// Relationships of this part (DOCX), loaded when a picture is first added.
    private(set) var relationships: Relationships?
    private let loadRelationships: () throws -> Relationships?
    private var out: [UInt8] = []
    private var used: [Bool]
    /// Per loop depth: the copy number of the sibling being written.
    private var frames: [(base: Int, current: Int)] = []
    private var rowCounts: [Int] = []
    private var lastChildIsParagraph: [Bool] = []
    private var openMergeCells: [Int] = []
    private var records: [(start: Int, headEnd: Int, end: Int, forms: MergeForms)] = []
    private var slotText = ""
    /// Hosted lists being written: the items, once their tag gave a list.
    private var hosts: [[TemplateValue]?] = []
    private var restartedNumId: [UInt8]?
    private var rootNamespacesAt = -1
    private var autoStyles: (at: Int, site: AutoStylesSite)?
    private var extraNamespaces: [UInt8] = []
    private var prefixes: [String: String]
    private var prefixesInUse: Set<String>
    private let convertDigits: (@Sendable (String) -> String)?

    init(program: PartProgram, session: RenderSession, loadRelationships: @escaping () throws -> Relationships?) {
        self.program = program
        self.session = session
        self.loadRelationships = loadRelationships
        used = [Bool](repeating: false, count: program.styleNames.count)
        prefixes = program.rootPrefixes
        prefixesInUse = program.rootPrefixesInUse
        convertDigits = session.options.digits.convert
    }

    /// The filled part.
    func render(_ data: TemplateValue) -> Data {
        out.reserveCapacity(program.store.count * 2)
        for r in program.alwaysUsedStyles { used[Int(r)] = true }
        run(program.ops, scope: Scope(value: data, parent: nil))
        var result = Data()
        result.reserveCapacity(out.count + program.prologue.count + extraNamespaces.count + 4096)
        result.append(contentsOf: program.prologue)
        var from = 0
        if rootNamespacesAt >= 0 {
            result.append(contentsOf: out[from..<rootNamespacesAt])
            result.append(contentsOf: extraNamespaces)
            from = rootNamespacesAt
        }
        if let (at, site) = autoStyles {
            result.append(contentsOf: out[from..<at])
            var kept: [UInt8] = []
            for e in site.entries where e.style < 0 || used[Int(e.style)] { kept += e.bytes }
            if kept.isEmpty {
                result.append(contentsOf: site.emptyTag)
            } else {
                result.append(contentsOf: site.start)
                result.append(contentsOf: kept)
                result.append(contentsOf: site.end)
            }
            from = at
        }
        result.append(contentsOf: out[from...])
        result.append(contentsOf: program.epilogue)
        return result
    }

    // MARK: walking the program

    private func run(_ ops: [Op], scope: Scope) {
        for o in ops { step(o, scope: scope) }
    }

    private func step(_ o: Op, scope: Scope) {
        switch o {
        case let .bytes(start, end, refStart, refEnd):
            program.store.withUnsafeBufferPointer { out.append(contentsOf: $0[Int(start)..<Int(end)]) }
            if refStart < refEnd { for i in Int(refStart)..<Int(refEnd) { used[Int(program.refStore[i])] = true } }
        case let .value(site):
            let text = evaluate(site.expression, scope: scope, anchor: site.anchor)?.text ?? ""
            if site.isMerge, let collector = scope.mergeCollector, let cell = openMergeCells.last {
                collector.compiled.append((site.anchor.id, cell, text))
            }
            write(text, site.format, site.anchor)
        case let .hostedValue(site):
            let v = evaluate(site.expression, scope: scope, anchor: site.anchor)
            if case let .list(items)? = v, !hosts.isEmpty, hosts[hosts.count - 1] == nil {
                hosts[hosts.count - 1] = items
            } else {
                write(v?.text ?? "", site.format, site.anchor)
            }
        case let .slot(format, anchor):
            write(slotText, format, anchor)
        case let .image(site):
            renderImage(site, scope: scope)
        case let .block(site):
            renderBlock(site, scope: scope)
        case let .list(site):
            renderList(site, scope: scope)
        case let .element(open, children, end):
            out += open
            let mark = out.count
            run(children, scope: scope)
            if out.count == mark {
                out.removeLast()
                out += [0x2F, 0x3E]
            } else {
                out += end
            }
        case let .table(ops):
            let start = out.count
            rowCounts.append(0)
            run(ops, scope: scope)
            if rowCounts.removeLast() == 0 { out.removeSubrange(start...) }
        case .rowMark:
            if !rowCounts.isEmpty { rowCounts[rowCounts.count - 1] += 1 }
        case let .childMark(isParagraph):
            if !lastChildIsParagraph.isEmpty { lastChildIsParagraph[lastChildIsParagraph.count - 1] = isParagraph }
        case let .cell(site, ops):
            let start = out.count
            if let forms = site.merge {
                records.append((start, start, start, forms))
                openMergeCells.append(records.count - 1)
            }
            lastChildIsParagraph.append(false)
            run(ops, scope: scope)
            if !lastChildIsParagraph.removeLast(), let p = site.trailingParagraph { out += p }
            out += site.end
            if site.merge != nil, let r = openMergeCells.popLast() { records[r].end = out.count }
        case .headEnd:
            if let r = openMergeCells.last { records[r].headEnd = out.count }
        case let .unit(depth, index):
            let d = Int(depth)
            if d < frames.count { frames[d].current = frames[d].base + Int(index) + 1 }
        case .idSuffix:
            for f in frames {
                out.append(0x63) // "c"
                out += Array(String(f.current).utf8)
            }
        case let .numId(original):
            out += restartedNumId ?? original
        case .rootNamespaces:
            rootNamespacesAt = out.count
        case let .automaticStyles(site):
            autoStyles = (out.count, site)
        }
    }

    // MARK: values

    private func evaluate(_ e: Tag.Expression, scope: Scope, anchor: AnchorRef) -> TemplateValue? {
        session.evaluate(e, scope: scope, problem: anchor.problem)
    }

    /// Writes a value in its tag's formatting: line breaks, tabs and runs of spaces kept.
    private func write(_ raw: String, _ f: RunFormat, _ anchor: AnchorRef) {
        var text = raw
        if let convertDigits, text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) { text = convertDigits(text) }
        for r in f.spanStyleRefs where r >= 0 { used[Int(r)] = true }
        let plain = ValueText.isPlain(text, collapsesSpaces: dialect.collapsesSpaces)
        if !plain {
            text = ValueText.sanitize(text) { session.warn("\(anchor.location): {{\(anchor.raw)}}: characters that XML does not allow (control characters) were removed from the value") }
        }
        dialect.writeValue(text, plain: plain, f, to: &out)
    }

    // MARK: lists

    private func renderList(_ site: ListSite, scope: Scope) {
        let items: [TemplateValue]
        if site.hosted {
            let start = out.count
            hosts.append(nil)
            run(site.normal, scope: scope)
            guard let found = hosts.removeLast() else {
                if site.marksParagraph { step(.childMark(isParagraph: true), scope: scope) }
                return
            }
            out.removeSubrange(start...)
            items = found
        } else {
            let v = evaluate(site.expression, scope: scope, anchor: site.anchor)
            guard case let .list(found)? = v else {
                slotText = v?.text ?? ""
                run(site.normal, scope: scope)
                if site.marksParagraph { step(.childMark(isParagraph: true), scope: scope) }
                return
            }
            items = found
        }
        // In Word each list value numbers from 1, even when its row or paragraph was repeated.
        var restarted: String?
        if let numId = site.numId, numId != "0", let numbering = session.numbering { restarted = numbering.restart(numId: numId) }
        let saved = restartedNumId
        restartedNumId = restarted.map { Array($0.utf8) }
        for item in items {
            session.cloneCount += 1
            frames.append((0, session.cloneCount))
            slotText = item.text
            run(site.copy, scope: scope)
            frames.removeLast()
        }
        restartedNumId = saved
    }

    // MARK: blocks

    private func renderBlock(_ b: BlockSite, scope: Scope) {
        let lookup = scope.lookup(b.path)
        var value: TemplateValue = .null
        if case let .found(v) = lookup { value = v }
        switch b.kind {
        case .if, .unless:
            // A missing name is false, as for a null value; said so, because it is often a typo.
            if case .missing = lookup {
                session.warn("\(b.anchor.location): {{\(b.anchor.raw)}}: the data has no '\(b.path)', so it counts as false")
            }
            let keep = (b.kind == .if) == value.isTruthy
            run(keep ? b.then : b.otherwise, scope: scope)
        case .each:
            var items: [TemplateValue] = []
            switch value {
            case let .list(l): items = l
            case .null:
                if case .missing = lookup {
                    session.report(b.anchor.problem("the data has no list '\(b.path)'\(session.options.lenient ? " (nothing repeated)" : "")"))
                }
            case .object: items = [value]
            default:
                session.report(b.anchor.problem("'\(b.path)' is not a list, so {{#each}} cannot repeat it"))
            }
            guard b.unitCount > 0 else { return }
            let collector = b.isRows ? MergeCollector() : nil
            let firstRecord = records.count
            for (i, item) in items.enumerated() {
                if session.runaway != nil { break }
                if session.copiedElements > RenderSession.maxCopiedElements {
                    session.runaway = b.anchor.problem("the loops copy more than \(RenderSession.maxCopiedElements) elements into the document: loops inside loops multiply their items (an inner {{#each}} of a name its item lacks repeats an outer list again); check the lists these loops repeat")
                    break
                }
                session.copiedElements += b.copiedElements
                let base = session.cloneCount
                session.cloneCount += b.unitCount
                frames.append((base, base + 1))
                let inner = Scope(value: item, parent: scope, index: i, count: items.count, merges: collector)
                run(b.then, scope: inner)
                frames.removeLast()
            }
            if let collector { applyMerges(collector, since: firstRecord) }
        }
    }

    // MARK: merges

    private func applyMerges(_ c: MergeCollector, since firstRecord: Int) {
        // One entry per cell: a cell with several {{merge}} tags merges with the next row's only when all
        // of its values are equal; it is keyed by its first tag.
        var cells: [(templateId: String, record: Int, value: String)] = []
        var indexOfCell: [Int: Int] = [:]
        for e in c.compiled {
            if let i = indexOfCell[e.record] {
                cells[i].value += "\u{0}" + e.value
            } else {
                indexOfCell[e.record] = cells.count
                cells.append(e)
            }
        }
        var groups: [String: [(templateId: String, record: Int, value: String)]] = [:]
        var order: [String] = []
        for e in cells {
            if groups[e.templateId] == nil { order.append(e.templateId) }
            groups[e.templateId, default: []].append(e)
        }
        var patches: [(start: Int, end: Int, bytes: [UInt8])] = []
        for id in order {
            let entries = groups[id]!
            var start = 0
            while start < entries.count {
                var end = start
                while end + 1 < entries.count, entries[end + 1].value == entries[start].value { end += 1 }
                if end > start {
                    let rs = entries[start...end].map { records[$0.record] }
                    let first = rs[0]
                    var head = first.forms.restartHead
                    if let after = first.forms.restartHeadAfterCount { head += Array(String(rs.count).utf8) + after }
                    patches.append((first.start, first.headEnd, head))
                    for r in rs.dropFirst() { patches.append((r.start, r.end, r.forms.continued)) }
                }
                start = end + 1
            }
        }
        guard !patches.isEmpty else { return }
        patches.sort { $0.start < $1.start }
        let from = patches[0].start
        var rebuilt: [UInt8] = []
        rebuilt.reserveCapacity(out.count - from)
        var pos = from
        for p in patches {
            rebuilt.append(contentsOf: out[pos..<p.start])
            rebuilt += p.bytes
            pos = p.end
        }
        rebuilt.append(contentsOf: out[pos...])
        out.replaceSubrange(from..., with: rebuilt)
    }

    // MARK: pictures

    private func renderImage(_ site: ImageSite, scope: Scope) {
        let a = site.anchor
        guard let picture = PicturePlacement.resolve(path: site.path, width: site.width, height: site.height, scope: scope, session: session, problem: a.problem) else { return }
        do {
            let media = picture.mediaName(in: session)
            let ns = try prefixes(dialect.pictureNamespaces)
            var rid: String?
            if dialect.picturesUseRelationships {
                if relationships == nil { relationships = try loadRelationships() }
                guard let rels = relationships else { throw StructureFailure("no relationships part") }
                rid = PicturePlacement.relationship(from: program.part, to: media, in: rels)
            }
            session.drawingId += 1
            out += Array(dialect.pictureXML(ns, media: media, relationship: rid, id: session.drawingId, info: picture.info, size: picture.size).utf8)
        } catch {
            session.report(a.problem("the picture could not be added: \(error)"))
        }
    }

    /// The prefix of each namespace a picture uses, declared on the root when the part lacks it (as
    /// importing a fragment into the tree does).
    private func prefixes(_ wanted: [String: String]) throws -> [String: String] {
        for (prefix, href) in wanted.sorted(by: { $0.key < $1.key }) where prefixes[href] == nil {
            var p = prefix
            var n = 1
            while prefixesInUse.contains(p) || p == "xml" { n += 1; p = "\(prefix)\(n)" }
            prefixes[href] = p
            prefixesInUse.insert(p)
            extraNamespaces += Array(" xmlns:\(p)=\"\(href)\"".utf8)
        }
        var out: [String: String] = [:]
        for (prefix, href) in wanted {
            guard let p = prefixes[href], !p.isEmpty else { throw StructureFailure("the namespace \(href) has no prefix") }
            out[prefix] = p
        }
        return out
    }
}
