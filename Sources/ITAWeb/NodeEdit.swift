import Foundation
import Yams

/// Edits on a data file's YAML tree. What a form sends is put into the tree as typed (a score as the
/// plain text "98,5"), so that the data file reader and validator judge it exactly as they judge a file
/// written by hand, with the same messages.
struct NodeEdit {
    var root: Node
    /// For each list whose entries were moved, removed or added (by path, as `measures`): the entry of the
    /// list as read that each entry now comes from, nil for a new one. The file writer keeps each entry's
    /// text and comments with it.
    var origins: [String: [Int?]] = [:]

    /// The tree of `text`; an empty mapping for an empty file.
    init(text: String) throws {
        let source = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        root = try Yams.compose(yaml: source) ?? Node.mapping(Node.Mapping([]))
    }

    init(root: Node) { self.root = root }

    /// The YAML text of the tree.
    func text() throws -> String {
        try Yams.serialize(node: root, indent: 2, width: -1, allowUnicode: true)
    }

    /// The tree written into `original` (the text it was read from): only what changed is rewritten, every
    /// comment and untouched line is kept. Nil when the text cannot be patched so that it reads back as the tree.
    func patched(into original: String) -> String? {
        YAMLPatch(original)?.text(for: root, origins: origins)
    }

    /// Whether the value at `path` is absent, or written empty (`key:` or `~`).
    func isEmpty(_ path: String) -> Bool {
        guard let node = get(path) else { return true }
        return node.null != nil && node.scalar.map { $0.style == .plain || $0.style == .any } ?? false
    }

    // MARK: Values

    /// Text typed by the user: quoted, so that it is read as text whatever it looks like.
    static func text(_ s: String) -> Node { Node(s, Tag(.str), .doubleQuoted) }
    /// A number or date as typed: plain, so that the reader judges the digits as it would in a file.
    static func plain(_ s: String) -> Node { Node(s, Tag(.implicit), .plain) }
    static func list(_ items: [Node]) -> Node { Node.sequence(Node.Sequence(items)) }
    static func map(_ pairs: [(String, Node)]) -> Node {
        Node.mapping(Node.Mapping(pairs.map { (Node($0.0), $0.1) }))
    }
    static var emptyMap: Node { Node.mapping(Node.Mapping([])) }

    // MARK: Paths

    /// The value at `path` (keys separated by dots, `[n]` for a list entry).
    func get(_ path: String) -> Node? { Self.get(root, Self.parse(path)[...]) }

    /// Sets the value at `path` (nil removes it). Groups on the way are made when missing; a group left
    /// empty by a removal is removed too.
    mutating func set(_ path: String, _ value: Node?) {
        root = Self.set(root, Self.parse(path)[...], value) ?? Self.emptyMap
    }

    enum Step: Equatable { case key(String), index(Int) }

    static func parse(_ path: String) -> [Step] {
        var out: [Step] = []
        for part in path.split(separator: ".") {
            var s = Substring(part)
            if let open = s.firstIndex(of: "[") {
                if open > s.startIndex { out.append(.key(String(s[..<open]))) }
                s = s[open...]
                while s.hasPrefix("["), let close = s.firstIndex(of: "]") {
                    out.append(.index(Int(s[s.index(after: s.startIndex)..<close]) ?? 0))
                    s = s[s.index(after: close)...]
                }
            } else {
                out.append(.key(String(s)))
            }
        }
        return out
    }

    static func pairs(_ node: Node?) -> [(Node, Node)] {
        guard let m = node?.mapping else { return [] }
        return m.map { ($0.key, $0.value) }
    }

    static func get(_ node: Node?, _ steps: ArraySlice<Step>) -> Node? {
        guard let first = steps.first else { return node }
        switch first {
        case let .key(k):
            return get(pairs(node).last { $0.0.string == k }?.1, steps.dropFirst())
        case let .index(i):
            guard let seq = node?.sequence, i >= 0, i < seq.count else { return nil }
            return get(seq[i], steps.dropFirst())
        }
    }

    static func set(_ node: Node?, _ steps: ArraySlice<Step>, _ value: Node?) -> Node? {
        guard let first = steps.first else { return value }
        switch first {
        case let .key(k):
            var p = pairs(node)
            let at = p.lastIndex { $0.0.string == k }
            let child = set(at.map { p[$0].1 }, steps.dropFirst(), value)
            if let at {
                if let child { p[at].1 = child } else { p.remove(at: at) }
            } else if let child {
                p.append((Node(k), child))
            }
            if p.isEmpty && value == nil { return nil }
            return Node.mapping(Node.Mapping(p))
        case let .index(i):
            var items = node?.sequence.map { Array($0) } ?? []
            guard i >= 0, i <= items.count else { return node }
            let child = set(i < items.count ? items[i] : nil, steps.dropFirst(), value)
            if i < items.count {
                // An entry emptied field by field stays (as {}), so the entries after it keep their places.
                if let child { items[i] = child } else if steps.count > 1 { items[i] = emptyMap } else { items.remove(at: i) }
            } else if let child {
                items.append(child)
            }
            return Node.sequence(Node.Sequence(items))
        }
    }
}
