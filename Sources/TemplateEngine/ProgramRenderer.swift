import Foundation
import OfficePackage
import OfficeXML

/// Fills one compiled part: walks its program once, writing fixed bytes as they are and the values,
/// blocks, lists, pictures and merges of the data. One renderer per part and per document.
final class ProgramRenderer {
    let program: PartProgram
    let session: RenderSession
    var dialect: Dialect { session.dialect }
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
        var value: TemplateValue?
        if let lit = e.literal {
            value = .string(lit)
        } else if let path = e.path {
            switch scope.lookup(path) {
            case let .found(v):
                if PartRenderer.holdsNaN(v) {
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

    /// Writes a value in its tag's formatting: line breaks, tabs and runs of spaces kept.
    private func write(_ raw: String, _ f: RunFormat, _ anchor: AnchorRef) {
        var text = raw
        if let convertDigits, text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) { text = convertDigits(text) }
        let odf = dialect.kind == .odt
        if PartRenderer.isPlain(text, odf: odf) {
            if odf { writeSpans(f) { if !text.isEmpty { XMLWriter.appendEscapedText(text, to: &self.out) } } } else { writeRun(f, plain: text) }
            return
        }
        text = sanitize(text, anchor: anchor)
        if odf { writeSpans(f) { self.writeODFText(text, f) } } else { writeRun(f, lines: text) }
    }

    private func sanitize(_ s: String, anchor: AnchorRef) -> String {
        var removed = false
        var result = String.UnicodeScalarView()
        for u in s.replacingOccurrences(of: "\r\n", with: "\n").unicodeScalars {
            let v = u.value
            let ok = v == 0x9 || v == 0xA || (v >= 0x20 && v != 0xFFFE && v != 0xFFFF && !(0xD800...0xDFFF).contains(v))
            if ok { result.append(u) } else { removed = true }
        }
        if removed {
            session.warn("\(anchor.location): {{\(anchor.raw)}}: characters that XML does not allow (control characters) were removed from the value")
        }
        return String(result)
    }

    private func tag(_ prefix: [UInt8], _ name: String, empty: Bool = false) {
        out.append(0x3C)
        out += prefix
        out += Array(name.utf8)
        if empty { out.append(0x2F) }
        out.append(0x3E)
    }

    private func endTag(_ prefix: [UInt8], _ name: String) {
        out += [0x3C, 0x2F]
        out += prefix
        out += Array(name.utf8)
        out.append(0x3E)
    }

    private static let preserve = Array(" xml:space=\"preserve\">".utf8)

    private func wordText<C: Collection>(_ f: RunFormat, _ bytes: C) where C.Element == UInt8 {
        out.append(0x3C)
        out += f.elementPrefix
        out.append(0x74) // t
        out += Self.preserve
        XMLWriter.appendEscapedText(bytes, to: &out)
        endTag(f.elementPrefix, "t")
    }

    private func wordText(_ f: RunFormat, _ text: String) {
        out.append(0x3C)
        out += f.elementPrefix
        out.append(0x74) // t
        out += Self.preserve
        XMLWriter.appendEscapedText(text, to: &out)
        endTag(f.elementPrefix, "t")
    }

    /// One `w:r` holding plain text.
    private func writeRun(_ f: RunFormat, plain text: String) {
        if f.runProperties == nil && text.isEmpty { tag(f.elementPrefix, "r", empty: true); return }
        tag(f.elementPrefix, "r")
        if let p = f.runProperties { out += p }
        if !text.isEmpty { wordText(f, text) }
        endTag(f.elementPrefix, "r")
    }

    /// One `w:r` with breaks and tabs between the pieces of text.
    private func writeRun(_ f: RunFormat, lines text: String) {
        let start = out.count
        tag(f.elementPrefix, "r")
        let contentStart = out.count
        if let p = f.runProperties { out += p }
        let bytes = Array(text.utf8)
        var lineStart = 0
        var k = 0
        while k <= bytes.count {
            if k < bytes.count && bytes[k] != 0x0A { k += 1; continue }
            if lineStart > 0 { tag(f.elementPrefix, "br", empty: true) }
            var partStart = lineStart
            var j = lineStart
            while j <= k {
                if j < k && bytes[j] != 0x09 { j += 1; continue }
                if partStart > lineStart { tag(f.elementPrefix, "tab", empty: true) }
                if j > partStart { wordText(f, bytes[partStart..<j]) }
                j += 1
                partStart = j
            }
            k += 1
            lineStart = k
        }
        if out.count == contentStart {
            out.removeSubrange(start...)
            tag(f.elementPrefix, "r", empty: true)
        } else {
            endTag(f.elementPrefix, "r")
        }
    }

    /// ODT: `content` inside the spans of the tag's styles, outermost first.
    private func writeSpans(_ f: RunFormat, _ content: () -> Void) {
        for r in f.spanStyleRefs where r >= 0 { used[Int(r)] = true }
        guard !f.spanStyles.isEmpty else { content(); return }
        var starts: [Int] = []
        for s in f.spanStyles {
            out.append(0x3C)
            out += f.elementPrefix
            out += Array("span ".utf8)
            out += f.attributePrefix
            out += Array("style-name=\"".utf8)
            out += s
            out += [0x22, 0x3E]
            starts.append(out.count)
        }
        content()
        for i in stride(from: f.spanStyles.count - 1, through: 0, by: -1) {
            if out.count == starts[i] {
                out.removeLast()
                out += [0x2F, 0x3E]
            } else {
                endTag(f.elementPrefix, "span")
            }
        }
    }

    /// ODT text with line breaks, tabs and runs of spaces written as elements.
    private func writeODFText(_ text: String, _ f: RunFormat) {
        let lines = text.components(separatedBy: "\n")
        for (i, line) in lines.enumerated() {
            if i > 0 { tag(f.elementPrefix, "line-break", empty: true) }
            let parts = line.components(separatedBy: "\t")
            for (j, part) in parts.enumerated() {
                if j > 0 { tag(f.elementPrefix, "tab", empty: true) }
                writeODFSpaces(part, f)
            }
        }
    }

    /// ODF collapses runs of spaces: the first stays as text and the rest are written as `text:s`.
    private func writeODFSpaces(_ s: String, _ f: RunFormat) {
        guard s.contains("  ") || s.hasPrefix(" ") else {
            XMLWriter.appendEscapedText(s, to: &out)
            return
        }
        var wroteAny = false
        var buf = ""
        var spaces = 0
        func flushSpaces() {
            guard spaces > 0 else { return }
            let atStart = !wroteAny && buf.isEmpty
            if !atStart { buf += " "; spaces -= 1 }
            if spaces > 0 {
                if !buf.isEmpty { XMLWriter.appendEscapedText(buf, to: &out); buf = ""; wroteAny = true }
                out.append(0x3C)
                out += f.elementPrefix
                out.append(0x73) // s
                if spaces > 1 {
                    out.append(0x20)
                    out += f.attributePrefix
                    out += Array("c=\"\(spaces)\"".utf8)
                }
                out += [0x2F, 0x3E]
                wroteAny = true
            }
            spaces = 0
        }
        for c in s {
            if c == " " { spaces += 1 } else { flushSpaces(); buf.append(c) }
        }
        flushSpaces()
        if !buf.isEmpty { XMLWriter.appendEscapedText(buf, to: &out) }
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
        if dialect.kind == .docx, let numId = site.numId, numId != "0", let numbering = session.numbering { restarted = numbering.restart(numId: numId) }
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
        var bytes: Data?
        var label = site.path.description
        switch scope.lookup(site.path) {
        case .missing:
            session.report(a.problem("the data has no '\(site.path)' for the picture"))
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
            session.report(a.problem("'\(site.path)' should be a picture file path, not '\(other.text)'"))
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
        var w = length(site.width, "width", limit: session.page.width), h = length(site.height, "height", limit: session.page.height)
        guard !failed else { return }
        if w == nil && h == nil { w = min(16, Double(info.width) / 96 * 2.54) }
        if let ww = w, h == nil { h = ww * ratio }
        if let hh = h, w == nil { w = hh / ratio }
        // A size taken from the picture's proportions shrinks to the page rather than overflow it.
        let (fw, fh) = session.page.fit(max(w ?? 1, 0.01), max(h ?? 1, 0.01))
        let size = (Length(centimetres: fw), Length(centimetres: fh))
        do {
            let xml = try dialect.kind == .docx ? wordDrawing(data, info, size) : odfFrame(data, info, size)
            out += Array(xml.utf8)
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

    private func mediaName(_ data: Data, _ info: ImageInfo) -> String {
        if let n = session.media[data] { return n }
        let n = session.media.count + 1
        let name = dialect.kind == .docx ? "word/media/itaimg\(n).\(info.fileExtension)" : "Pictures/itaimg\(n).\(info.fileExtension)"
        session.media[data] = name
        session.addedParts.append((name, data, info.mediaType))
        return name
    }

    private func wordDrawing(_ data: Data, _ info: ImageInfo, _ size: (Length, Length)) throws -> String {
        let name = mediaName(data, info)
        if relationships == nil { relationships = try loadRelationships() }
        guard let rels = relationships else { throw StructureFailure("no relationships part") }
        let part = program.part
        let partDir = part.split(separator: "/").dropLast().joined(separator: "/")
        let target = partDir.isEmpty ? name : (name.hasPrefix(partDir + "/") ? String(name.dropFirst(partDir.count + 1)) : "/" + name)
        let ns = try prefixes(["w": Dialect.w, "wp": Dialect.wp, "a": Dialect.a, "pic": Dialect.pic, "r": Dialect.r])
        let rid = rels.add(type: Relationships.imageType, target: target)
        session.drawingId += 1
        let id = session.drawingId
        let cx = size.0.emu, cy = size.1.emu
        let w = ns["w"]!, wp = ns["wp"]!, a = ns["a"]!, pic = ns["pic"]!, r = ns["r"]!
        return """
        <\(w):r><\(w):drawing><\(wp):inline distT="0" distB="0" distL="0" distR="0"><\(wp):extent cx="\(cx)" cy="\(cy)"/>\
        <\(wp):effectExtent l="0" t="0" r="0" b="0"/><\(wp):docPr id="\(id)" name="Picture \(id)"/>\
        <\(wp):cNvGraphicFramePr><\(a):graphicFrameLocks noChangeAspect="1"/></\(wp):cNvGraphicFramePr>\
        <\(a):graphic><\(a):graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">\
        <\(pic):pic><\(pic):nvPicPr><\(pic):cNvPr id="\(id)" name="itaimg\(id).\(info.fileExtension)"/><\(pic):cNvPicPr/></\(pic):nvPicPr>\
        <\(pic):blipFill><\(a):blip \(r):embed="\(rid)"/><\(a):stretch><\(a):fillRect/></\(a):stretch></\(pic):blipFill>\
        <\(pic):spPr><\(a):xfrm><\(a):off x="0" y="0"/><\(a):ext cx="\(cx)" cy="\(cy)"/></\(a):xfrm><\(a):prstGeom prst="rect"><\(a):avLst/></\(a):prstGeom></\(pic):spPr>\
        </\(pic):pic></\(a):graphicData></\(a):graphic></\(wp):inline></\(w):drawing></\(w):r>
        """
    }

    private func odfFrame(_ data: Data, _ info: ImageInfo, _ size: (Length, Length)) throws -> String {
        let name = mediaName(data, info)
        session.drawingId += 1
        let ns = try prefixes(["draw": Dialect.draw, "text": Dialect.text, "svg": Dialect.svg, "xlink": Dialect.xlink])
        let draw = ns["draw"]!, text = ns["text"]!, svg = ns["svg"]!, xlink = ns["xlink"]!
        return """
        <\(draw):frame \(draw):name="itaimg\(session.drawingId)" \(text):anchor-type="as-char" \(svg):x="0cm" \(svg):y="0cm" \(svg):width="\(size.0.odf)" \(svg):height="\(size.1.odf)" \(draw):z-index="0">\
        <\(draw):image \(xlink):href="\(name)" \(xlink):type="simple" \(xlink):show="embed" \(xlink):actuate="onLoad"/></\(draw):frame>
        """
    }
}
