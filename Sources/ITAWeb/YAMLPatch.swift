import CLibYAML
import Foundation
import ITAKit
import Yams

/// Writes an edited YAML tree back into the text it was read from by changing that text in place: only
/// the values and entries that differ are rewritten, and every comment, blank line, key order, quoting
/// choice and untouched value stays byte for byte.
///
/// The original text is read with libyaml's events, which place every value (line and column); the
/// edited tree (as `NodeEdit` leaves it) is compared with it value by value. A list whose entries were
/// moved, removed or added is rebuilt from the text of the entries that remain, each with the comment
/// lines just above it. The result is read back and compared with the edited tree; when they differ (or
/// the text uses what this writer does not patch, such as several documents) there is no result, and the
/// caller writes the tree another way.
///
/// ```swift
/// var tree = try NodeEdit(text: original)
/// tree.set("assessment.indicators.3", NodeEdit.plain("91.25"))
/// let text = YAMLPatch(original)?.text(for: tree.root)   // only the score's line differs
/// ```
struct YAMLPatch {
    /// A value of the original text and where it is written: byte offsets into `bytes`, end excluded
    /// (trailing line breaks and spaces of a block scalar are not counted).
    final class Spot {
        enum Kind { case scalar, sequence, mapping, alias }
        let kind: Kind
        var start: Int
        var end: Int
        var flow = false
        /// A scalar's text, and whether it was written plain (so that its type is read from its text).
        var value = ""
        var plain = true
        var tag: String?
        var aliasOf: String?
        var pairs: [(key: Spot, value: Spot)] = []
        var items: [Spot] = []

        init(_ kind: Kind, start: Int, end: Int) {
            self.kind = kind
            self.start = start
            self.end = end
        }
    }

    struct Unsupported: Error {}

    struct Edit {
        var start: Int
        var end: Int
        var text: String
    }

    /// Where a value sits: inside a flow collection, or after a `key:` or `-` of a block one (`anchor` is
    /// the offset just after that colon or dash; `indent` the column a new block value's lines start at).
    struct Slot {
        var flow: Bool
        var anchor: Int
        var indent: Int
        var seqItem: Bool
    }

    let bytes: [UInt8]
    /// Bytes before the YAML text proper (a byte order mark), kept as they are.
    let lead: Int
    let root: Spot?
    let anchors: [String: Spot]
    let lineStarts: [Int]
    /// The line break the file uses.
    let nl: String
    /// Whether text of several lines may be written as a literal block (`|-`); not when the lines after it
    /// would join the block (comment lines indented as deep), found when the text does not read back.
    var literalBlocks = true

    /// Largest number of value pairs a list comparison may weigh (bounds the time of a hostile list).
    static let maxMatchCells = 250_000

    /// Reads `text`; nil when it is not one YAML document this writer can patch.
    init?(_ text: String) {
        var all = Array(text.utf8)
        lead = all.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        // libyaml also breaks lines at a lone CR and at NEL, LS and PS; such files are written whole instead.
        for i in all.indices {
            if all[i] == 0x0D, i + 1 >= all.count || all[i + 1] != 0x0A { return nil }
            if all[i] == 0xC2, i + 1 < all.count, all[i + 1] == 0x85 { return nil }
            if all[i] == 0xE2, i + 2 < all.count, all[i + 1] == 0x80, all[i + 2] == 0xA8 || all[i + 2] == 0xA9 { return nil }
        }
        bytes = all
        var starts = [0]
        for (i, b) in all.enumerated() where b == 0x0A { starts.append(i + 1) }
        lineStarts = starts
        nl = all.firstIndex(of: 0x0A).map { $0 > 0 && all[$0 - 1] == 0x0D } == true ? "\r\n" : "\n"
        guard let parsed = Self.parse(&all, lead: lead, lineStarts: starts) else { return nil }
        root = parsed.root
        anchors = parsed.anchors
    }

    // MARK: Reading

    /// The byte offset of a libyaml mark (its line and its column in characters).
    static func offset(_ mark: yaml_mark_t, bytes: [UInt8], lead: Int, lineStarts: [Int]) -> Int {
        let line = Int(mark.line)
        guard line < lineStarts.count else { return bytes.count }
        var p = lineStarts[line] + (line == 0 ? lead : 0)
        var column = Int(mark.column)
        while column > 0, p < bytes.count, bytes[p] != 0x0A {
            p += 1
            while p < bytes.count, bytes[p] & 0xC0 == 0x80 { p += 1 }
            column -= 1
        }
        return p
    }

    static func parse(_ all: inout [UInt8], lead: Int, lineStarts: [Int]) -> (root: Spot?, anchors: [String: Spot])? {
        let bytes = all
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        return all.withUnsafeMutableBufferPointer { buffer -> (Spot?, [String: Spot])? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress.map { $0 + lead }, buffer.count - lead)
            var root: Spot?
            var documents = 0
            var anchors: [String: Spot] = [:]
            var stack: [Spot] = []
            var pendingKey: [Spot?] = []
            func at(_ m: yaml_mark_t) -> Int { offset(m, bytes: bytes, lead: lead, lineStarts: lineStarts) }
            func string(_ p: UnsafeMutablePointer<yaml_char_t>?) -> String? {
                p.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
            }
            func attach(_ node: Spot) -> Bool {
                guard let parent = stack.last else {
                    guard root == nil else { return false }
                    root = node
                    return true
                }
                if parent.kind == .sequence {
                    parent.items.append(node)
                } else if let key = pendingKey[pendingKey.count - 1] {
                    parent.pairs.append((key, node))
                    pendingKey[pendingKey.count - 1] = nil
                } else {
                    pendingKey[pendingKey.count - 1] = node
                }
                return true
            }
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return (root, anchors)
                case YAML_DOCUMENT_START_EVENT:
                    documents += 1
                    if documents > 1 { return nil }
                case YAML_SCALAR_EVENT:
                    let s = event.data.scalar
                    var start = at(event.start_mark), end = at(event.end_mark)
                    if s.length > 0 {
                        // A block scalar's end mark lies past its line breaks; a plain one may start at its anchor.
                        while end > start, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[end - 1]) { end -= 1 }
                    }
                    start = min(start, end)
                    let node = Spot(.scalar, start: start, end: end)
                    node.value = String(decoding: UnsafeBufferPointer(start: s.value, count: s.length), as: UTF8.self)
                    node.plain = s.style == YAML_PLAIN_SCALAR_STYLE
                    node.tag = string(s.tag)
                    if let a = string(s.anchor) { anchors[a] = node }
                    guard attach(node) else { return nil }
                case YAML_ALIAS_EVENT:
                    let node = Spot(.alias, start: at(event.start_mark), end: at(event.end_mark))
                    node.aliasOf = string(event.data.alias.anchor)
                    guard attach(node) else { return nil }
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    let isSeq = event.type == YAML_SEQUENCE_START_EVENT
                    let node = Spot(isSeq ? .sequence : .mapping, start: at(event.start_mark), end: at(event.end_mark))
                    node.flow = isSeq ? event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
                        : event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE
                    let anchor = isSeq ? event.data.sequence_start.anchor : event.data.mapping_start.anchor
                    node.tag = string(isSeq ? event.data.sequence_start.tag : event.data.mapping_start.tag)
                    if let a = string(anchor) { anchors[a] = node }
                    guard attach(node) else { return nil }
                    stack.append(node)
                    pendingKey.append(nil)
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    guard let node = stack.popLast() else { return nil }
                    pendingKey.removeLast()
                    if node.flow {
                        node.end = at(event.end_mark)
                    } else {
                        node.end = (node.kind == .sequence ? node.items.last : node.pairs.last?.value)?.end ?? node.start
                    }
                default:
                    break
                }
            }
        }
    }

    // MARK: Places in the text

    func lineIndex(_ p: Int) -> Int {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= p { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    func lineStart(_ p: Int) -> Int { lineStarts[lineIndex(p)] }

    /// Where the line holding `p` ends: at its line break (before a CR of CRLF), or at the end of the text.
    func lineEnd(_ p: Int) -> Int {
        var i = p
        while i < bytes.count, bytes[i] != 0x0A { i += 1 }
        if i < bytes.count, i > p, bytes[i - 1] == 0x0D { return i - 1 }
        return i
    }

    /// Just after the line break of the line holding `p` (or the end of the text).
    func nextLine(_ p: Int) -> Int {
        var i = p
        while i < bytes.count, bytes[i] != 0x0A { i += 1 }
        return min(i + 1, bytes.count)
    }

    /// The column of `p`, in characters.
    func column(_ p: Int) -> Int {
        var n = 0
        var i = lineStart(p)
        if lineIndex(p) == 0 { i += lead }
        while i < p {
            if bytes[i] & 0xC0 != 0x80 { n += 1 }
            i += 1
        }
        return n
    }

    func isBlank(_ a: Int, _ b: Int) -> Bool { bytes[a..<b].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D } }

    /// The colon after a block or flow mapping key.
    func colon(after key: Spot) throws -> Int {
        var i = key.end
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
        guard i < bytes.count, bytes[i] == 0x3A else { throw Unsupported() }
        return i
    }

    /// The dash of a block list entry, alone on its line before it (`- - x` is not patched), or on a line
    /// above it with a comment after it (`- # note`).
    func dash(of item: Spot) throws -> Int {
        var i = item.start
        while i > 0, bytes[i - 1] == 0x20 || bytes[i - 1] == 0x09 { i -= 1 }
        if i > 0, bytes[i - 1] == 0x2D {
            let d = i - 1
            guard isBlank(lineStart(d), d) else { throw Unsupported() }
            return d
        }
        guard isBlank(lineStart(item.start), item.start) else { throw Unsupported() }
        var line = lineIndex(item.start)
        while line > 0 {
            line -= 1
            let a = lineStarts[line]
            let t = text(a, lineEnd(a)).trimmingCharacters(in: .whitespaces)
            if t.isEmpty || t.hasPrefix("#") { continue }
            guard t == "-" || t.hasPrefix("- #") || t.hasPrefix("-\t#") else { throw Unsupported() }
            var d = a
            while bytes[d] != 0x2D { d += 1 }
            return d
        }
        throw Unsupported()
    }

    func text(_ a: Int, _ b: Int) -> String { String(decoding: bytes[a..<b], as: UTF8.self) }

    // MARK: Patching

    /// The text with the values of `new` written in; nil when it cannot be patched so that it reads back as `new`.
    /// `origins` gives, for a list (by its path, as `measures` or `photos`), the entry of the original list
    /// each entry of the new one comes from (nil for a new entry).
    func text(for new: Node, origins: [String: [Int?]] = [:]) -> String? {
        if let text = attempt(new, origins: origins) { return text }
        var quoted = self
        quoted.literalBlocks = false
        return quoted.attempt(new, origins: origins)
    }

    func attempt(_ new: Node, origins: [String: [Int?]]) -> String? {
        var edits: [Edit] = []
        do {
            if let root {
                let slot = Slot(flow: false, anchor: root.start, indent: 0, seqItem: false)
                if root.kind == .mapping, !root.flow, case .mapping = new {
                    try diff(root, new, slot: slot, path: "", origins: origins, into: &edits)
                } else if !same(root, new) {
                    throw Unsupported()
                }
            } else {
                // An empty file (or comments only): the new values after what is there.
                guard case let .mapping(m) = new else { throw Unsupported() }
                if m.count > 0 {
                    var out = ""
                    for (k, v) in m {
                        let r = try render(v, indent: 2, seqItem: false)
                        out += try key(k) + ":" + r.head + r.body + nl
                    }
                    let needsBreak = bytes.count > lead && bytes.last != 0x0A
                    edits.append(Edit(start: bytes.count, end: bytes.count, text: (needsBreak ? nl : "") + out))
                }
            }
            let result = try apply(edits, from: lead, to: bytes.count)
            let full = text(0, lead) + result
            // What is written must read back as the edited tree.
            let check = try Yams.compose(yaml: lead > 0 ? String(full.dropFirst()) : full) ?? Node.mapping(Node.Mapping([]))
            guard Self.same(check, new) else { return nil }
            return full
        } catch {
            return nil
        }
    }

    /// The text from `a` to `b` with `edits` (all inside it) made.
    func apply(_ edits: [Edit], from a: Int, to b: Int) throws -> String {
        // At one place, what is inserted there comes before what is replaced from there on.
        let sorted = edits.enumerated().sorted {
            ($0.element.start, $0.element.end > $0.element.start ? 1 : 0, $0.offset) < ($1.element.start, $1.element.end > $1.element.start ? 1 : 0, $1.offset)
        }.map(\.element)
        var out = ""
        var cursor = a
        for e in sorted {
            guard e.start >= cursor, e.end >= e.start, e.end <= b else { throw Unsupported() }
            out += text(cursor, e.start) + e.text
            cursor = e.end
        }
        return out + text(cursor, b)
    }

    func resolve(_ spot: Spot) -> Spot {
        if spot.kind == .alias, let name = spot.aliasOf, let target = anchors[name] { return target }
        return spot
    }

    static func child(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func diff(_ old: Spot, _ new: Node, slot: Slot, path: String, origins: [String: [Int?]], into edits: inout [Edit]) throws {
        if case .alias = new { throw Unsupported() }
        if same(old, new) { return }
        switch (old.kind, new) {
        case let (.mapping, .mapping(m)) where !old.pairs.isEmpty && m.count > 0:
            try diffMapping(old, m, path: path, origins: origins, into: &edits) || replace(old, new, slot: slot, into: &edits)
        case let (.sequence, .sequence(s)) where !old.items.isEmpty && s.count > 0:
            try diffSequence(old, Array(s), slot: slot, path: path, origins: origins, into: &edits)
        default:
            try replace(old, new, slot: slot, into: &edits)
        }
    }

    /// Writes `new` in place of `old` entirely.
    @discardableResult
    func replace(_ old: Spot, _ new: Node, slot: Slot, into edits: inout [Edit]) throws -> Bool {
        if slot.flow {
            edits.append(Edit(start: old.start, end: old.end, text: try flow(new)))
            return true
        }
        let r = try render(new, indent: slot.indent, seqItem: slot.seqItem)
        let emptyValue = old.kind == .scalar && old.start == old.end
        if old.kind == .scalar, !emptyValue, r.body.isEmpty, r.head.hasPrefix(" ") {
            edits.append(Edit(start: old.start, end: old.end, text: String(r.head.dropFirst())))
            return true
        }
        let end = max(old.end, slot.anchor)
        edits.append(Edit(start: slot.anchor, end: end, text: r.head))
        if !r.body.isEmpty {
            let at = lineEnd(end)
            edits.append(Edit(start: at, end: at, text: r.body))
        }
        return true
    }

    /// Patches a mapping's values; false when none of its keys remain (it is then written whole).
    func diffMapping(_ old: Spot, _ new: Node.Mapping, path: String, origins: [String: [Int?]], into edits: inout [Edit]) throws -> Bool {
        var matched = Array(repeating: false, count: old.pairs.count)
        var added: [(String, Node)] = []
        var inner: [Int: [Edit]] = [:]
        // The pairs of each key, in order (a key written twice is matched in turn).
        var byKey: [String: [Int]] = [:]
        for (i, pair) in old.pairs.enumerated() where resolve(pair.key).kind == .scalar {
            byKey[resolve(pair.key).value, default: []].append(i)
        }
        for (k, v) in new {
            guard let name = k.string else { throw Unsupported() }
            if let i = byKey[name]?.first {
                byKey[name]?.removeFirst()
                matched[i] = true
                let pair = old.pairs[i]
                let slot: Slot
                if old.flow {
                    slot = Slot(flow: true, anchor: pair.value.start, indent: 0, seqItem: false)
                } else {
                    slot = Slot(flow: false, anchor: try colon(after: pair.key) + 1, indent: column(pair.key.start) + 2, seqItem: false)
                }
                try diff(pair.value, v, slot: slot, path: Self.child(path, name), origins: origins, into: &inner[i, default: []])
            } else {
                added.append((name, v))
            }
        }
        guard let lastKept = matched.lastIndex(of: true) else { return false }
        if old.flow, !added.isEmpty || matched.contains(false) {
            // A flow mapping with keys gone or added is written again from the text of the pairs kept.
            var parts: [String] = []
            for i in old.pairs.indices where matched[i] {
                parts.append(try apply(inner[i] ?? [], from: old.pairs[i].key.start, to: old.pairs[i].value.end))
            }
            for (k, v) in added { parts.append(try key(Node(k)) + ": " + flow(v)) }
            edits.append(Edit(start: old.start, end: old.end, text: "{" + parts.joined(separator: ", ") + "}"))
            return true
        }
        for i in old.pairs.indices { edits += inner[i] ?? [] }
        // Keys no longer there.
        for i in old.pairs.indices where !matched[i] {
            let (k, v) = old.pairs[i]
            if isBlank(lineStart(k.start), k.start) {
                edits.append(Edit(start: lineStart(k.start), end: nextLine(max(v.end, k.end)), text: ""))
            } else if i + 1 < old.pairs.count {
                // The first key of a list entry, on the line of its dash: the next key moves up to the dash.
                edits.append(Edit(start: k.start, end: old.pairs[i + 1].key.start, text: ""))
            } else {
                throw Unsupported()
            }
        }
        // New keys, after the last one kept.
        if !added.isEmpty {
            let last = old.pairs[lastKept]
            do {
                let indent = column(old.pairs[0].key.start)
                let at = nextLine(max(last.value.end, last.key.end))
                var t = at > 0 && bytes[at - 1] == 0x0A ? "" : nl
                for (k, v) in added {
                    let r = try render(v, indent: indent + 2, seqItem: false)
                    t += String(repeating: " ", count: indent) + (try key(Node(k))) + ":" + r.head + r.body + nl
                }
                if at == bytes.count, bytes.last != 0x0A { t.removeLast(nl.count) }
                edits.append(Edit(start: at, end: at, text: t))
            }
        }
        return true
    }

    func diffSequence(_ old: Spot, _ new: [Node], slot: Slot, path: String, origins: [String: [Int?]], into edits: inout [Edit]) throws {
        let origin: [Int?]
        if let given = origins[path], given.count == new.count,
           given.allSatisfy({ $0.map { old.items.indices.contains($0) } ?? true }),
           Set(given.compactMap { $0 }).count == given.compactMap({ $0 }).count {
            origin = given
        } else {
            origin = match(old.items, new)
        }
        func itemSlot(_ k: Int) throws -> Slot {
            if old.flow { return Slot(flow: true, anchor: old.items[k].start, indent: 0, seqItem: false) }
            let d = try dash(of: old.items[k])
            return Slot(flow: false, anchor: d + 1, indent: column(d) + 2, seqItem: true)
        }
        let childPath = { (j: Int) in "\(path)[\(j)]" }
        if origin == old.items.indices.map({ Optional($0) }) {
            for k in old.items.indices { try diff(old.items[k], new[k], slot: try itemSlot(k), path: childPath(k), origins: origins, into: &edits) }
            return
        }
        if old.flow {
            try replace(old, .sequence(Node.Sequence(new)), slot: slot, into: &edits)
            return
        }
        // The entries rebuilt from the text of those that remain, each with the comment lines just above its dash.
        let dashes = try old.items.map { try dash(of: $0) }
        var chunkStart: [Int] = []
        for (k, d) in dashes.enumerated() {
            var s = lineStart(d)
            let floor = k == 0 ? nextLine(slot.anchor) : nextLine(old.items[k - 1].end)
            while s > floor {
                let prev = lineStart(s - 1)
                guard text(prev, s).trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("#") else { break }
                s = prev
            }
            chunkStart.append(s)
        }
        let regionEnd = nextLine(old.items[old.items.count - 1].end)
        let endsWithBreak = regionEnd > 0 && bytes[regionEnd - 1] == 0x0A
        let dashColumn = column(dashes[0])
        var out = ""
        for (j, o) in origin.enumerated() {
            var piece: String
            if let k = o {
                var inner: [Edit] = []
                try diff(old.items[k], new[j], slot: try itemSlot(k), path: childPath(j), origins: origins, into: &inner)
                let end = k + 1 < old.items.count ? chunkStart[k + 1] : regionEnd
                piece = try apply(inner, from: chunkStart[k], to: end)
            } else {
                let r = try render(new[j], indent: dashColumn + 2, seqItem: true)
                piece = String(repeating: " ", count: dashColumn) + "-" + r.head + r.body
            }
            if !piece.hasSuffix("\n") { piece += nl }
            out += piece
        }
        if !endsWithBreak, out.hasSuffix(nl) { out.removeLast(nl.count) }
        edits.append(Edit(start: chunkStart[0], end: regionEnd, text: out))
    }

    /// Which old entry each new one is: the longest run of equal entries in order, then the entries left
    /// between two equal ones paired in order (an entry edited where it stands keeps its place and comments).
    func match(_ old: [Spot], _ new: [Node]) -> [Int?] {
        let n = old.count, m = new.count
        guard n * m <= Self.maxMatchCells else { return new.indices.map { $0 < n ? $0 : nil } }
        var table = Array(repeating: Array(repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                table[i][j] = same(old[i], new[j]) ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var pairs: [(Int, Int)] = []
        var i = 0, j = 0
        while i < n, j < m {
            if same(old[i], new[j]) { pairs.append((i, j)); i += 1; j += 1 }
            else if table[i + 1][j] >= table[i][j + 1] { i += 1 } else { j += 1 }
        }
        var origin = [Int?](repeating: nil, count: m)
        var lastOld = 0, lastNew = 0
        for (oi, nj) in pairs + [(n, m)] {
            var a = lastOld, b = lastNew
            while a < oi, b < nj { origin[b] = a; a += 1; b += 1 }
            if nj < m { origin[nj] = oi }
            lastOld = oi + 1
            lastNew = nj + 1
        }
        return origin
    }

    // MARK: Writing new values

    /// The tag a scalar reads as.
    static func kind(_ node: Node) -> String {
        let t = Resolver.default.resolveTag(of: node).rawValue
        return t == "!" || t == "?" ? Tag.Name.str.rawValue : t
    }

    static func kind(_ spot: Spot) -> String {
        if let tag = spot.tag, tag != "!", tag != "?" { return tag }
        if !spot.plain { return Tag.Name.str.rawValue }
        return kind(Node(spot.value, Tag(.implicit), .plain))
    }

    /// Whether a new scalar is text (quoted when a form writes it) rather than written as typed.
    static func isTyped(_ s: Node.Scalar) -> Bool { s.style == .plain || s.style == .any }

    func same(_ spot: Spot, _ b: Node) -> Bool {
        let a = resolve(spot)
        switch (a.kind, b) {
        case let (.scalar, .scalar(s)):
            return Self.trim(a.value) == Self.trim(s.string)
        case let (.sequence, .sequence(s)):
            return a.items.count == s.count && zip(a.items, s).allSatisfy { same($0, $1) }
        case let (.mapping, .mapping(m)):
            return a.pairs.count == m.count && zip(a.pairs, m).allSatisfy { p, q in
                p.key.kind == .scalar && p.key.value == q.key.string && same(p.value, q.value)
            }
        default:
            return false
        }
    }

    /// Trees with the same text (a value compared without surrounding spaces). A value whose text is as the
    /// form showed it keeps how the file wrote it (`"9"` or `9`): whether the file then reads as the edited
    /// tree is for the caller to check, with the data file reader.
    static func same(_ a: Node, _ b: Node) -> Bool {
        switch (a, b) {
        case let (.scalar(x), .scalar(y)):
            return trim(x.string) == trim(y.string)
        case let (.sequence(x), .sequence(y)):
            return x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
        case let (.mapping(x), .mapping(y)):
            return x.count == y.count && zip(x, y).allSatisfy { p, q in p.key.string == q.key.string && same(p.value, q.value) }
        default:
            return false
        }
    }

    static func trim(_ s: String) -> String { s.trimmingCharacters(in: .whitespacesAndNewlines) }

    /// Whether `s` written plain reads back as the same characters (its type then follows from them, as typed).
    static func plainSafe(_ s: String, flow: Bool) -> Bool {
        guard let first = s.unicodeScalars.first, let last = s.unicodeScalars.last else { return false }
        if first == " " || first == "\t" || last == " " || last == "\t" { return false }
        if "?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) { return false }
        if first == "-", s.unicodeScalars.count == 1 || s.hasPrefix("- ") || s.hasPrefix("---") { return false }
        if s.hasSuffix(":") || s.contains(": ") || s.contains(" #") || s.contains(":\t") || s.contains("\t#") { return false }
        if flow, s.unicodeScalars.contains(where: { ",[]{}:".unicodeScalars.contains($0) }) { return false }
        return !s.unicodeScalars.contains { c in
            c.value < 0x20 || c.value == 0x7F || c == "\u{85}" || c == "\u{2028}" || c == "\u{2029}" || c == "\u{FEFF}"
        }
    }

    func key(_ node: Node) throws -> String {
        guard let s = node.string else { throw Unsupported() }
        return Self.plainSafe(s, flow: false) && Self.kind(node) == Self.kind(Node(s, Tag(.implicit), .plain)) ? s : YAMLScalar.quoted(s)
    }

    func scalarText(_ s: Node.Scalar, flow: Bool) -> String {
        if Self.isTyped(s) {
            return Self.plainSafe(s.string, flow: flow) ? s.string : YAMLScalar.quoted(s.string)
        }
        return YAMLScalar.inline(s.string, context: flow ? .flow : .block)
    }

    /// A new value after `key:` or `-`: `head` on that line, `body` the lines after it.
    func render(_ node: Node, indent: Int, seqItem: Bool) throws -> (head: String, body: String) {
        let pad = String(repeating: " ", count: indent)
        switch node {
        case let .scalar(s):
            if literalBlocks, !Self.isTyped(s), s.string.contains("\n"), Self.fitsLiteral(s.string) {
                let lines = s.string.split(separator: "\n", omittingEmptySubsequences: false)
                return (" |-", lines.map { nl + ($0.isEmpty ? "" : pad + $0) }.joined())
            }
            return (" " + scalarText(s, flow: false), "")
        case let .sequence(seq):
            if seq.isEmpty { return (" []", "") }
            if seq.allSatisfy({ $0.scalar.map { Self.isTyped($0) && !$0.string.contains("\n") } ?? false }) {
                let f = try flow(node)
                if f.count <= 80 { return (" " + f, "") }
            }
            var body = ""
            for item in seq {
                let r = try render(item, indent: indent + 2, seqItem: true)
                body += nl + pad + "-" + r.head + r.body
            }
            return ("", body)
        case let .mapping(map):
            if map.isEmpty { return (" {}", "") }
            if map.count <= 3, map.values.allSatisfy({ $0.scalar.map { Self.isTyped($0) && !$0.string.contains("\n") } ?? false }) {
                let f = try flow(node)
                if f.count <= 80 { return (" " + f, "") }
            }
            var lines: [String] = []
            for (k, v) in map {
                let r = try render(v, indent: indent + 2, seqItem: false)
                lines.append(try key(k) + ":" + r.head + r.body)
            }
            if seqItem { return (" " + lines[0], lines.dropFirst().map { nl + pad + $0 }.joined()) }
            return ("", lines.map { nl + pad + $0 }.joined())
        case .alias:
            throw Unsupported()
        }
    }

    /// A new value inside a flow collection (or written as one).
    func flow(_ node: Node) throws -> String {
        switch node {
        case let .scalar(s): return scalarText(s, flow: true)
        case let .sequence(seq): return "[" + (try seq.map { try flow($0) }).joined(separator: ", ") + "]"
        case let .mapping(map): return "{" + (try map.map { try key($0.key) + ": " + flow($0.value) }).joined(separator: ", ") + "}"
        case .alias: throw Unsupported()
        }
    }
}


extension YAMLPatch {
    /// Several lines a literal block keeps as they are (no line of spaces only, which a block reads as empty).
    static func fitsLiteral(_ text: String) -> Bool {
        YAMLScalar.fitsLiteralBlock(text)
            && !text.split(separator: "\n", omittingEmptySubsequences: false).contains { !$0.isEmpty && $0.allSatisfy { $0 == " " || $0 == "\t" } }
    }
}
