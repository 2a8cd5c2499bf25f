import Foundation
import OfficeXML

/// The data in view at a place in the template: the current loop item, then its enclosing scopes.
final class Scope {
    let value: TemplateValue
    let parent: Scope?
    let index: Int?
    let count: Int?
    /// Set on the scope of a loop that repeats table rows: collects `{{merge}}` cells.
    let merges: MergeCollector?

    init(value: TemplateValue, parent: Scope?, index: Int? = nil, count: Int? = nil, merges: MergeCollector? = nil) {
        self.value = value
        self.parent = parent
        self.index = index
        self.count = count
        self.merges = merges
    }

    enum Lookup { case found(TemplateValue), missing }

    /// Resolves a dotted path: loop variables, `this`, then names against the innermost scope that has them.
    func lookup(_ path: Tag.Path) -> Lookup {
        guard let first = path.segments.first else { return .missing }
        let rest = path.segments.dropFirst()
        if first.hasPrefix("@") {
            var s: Scope? = self
            while let c = s, c.index == nil { s = c.parent }
            guard let loop = s, let i = loop.index, let n = loop.count else { return .missing }
            switch first {
            case "@index": return .found(.number(Decimal(i)))
            case "@number": return .found(.number(Decimal(i + 1)))
            case "@first": return .found(.bool(i == 0))
            case "@last": return .found(.bool(i == n - 1))
            default: return .missing
            }
        }
        if first == "this" { return Self.descend(value, rest) }
        var s: Scope? = self
        while let c = s {
            if let v = c.value[first] { return Self.descend(v, rest) }
            s = c.parent
        }
        return .missing
    }

    private static func descend(_ v: TemplateValue, _ rest: ArraySlice<String>) -> Lookup {
        var cur = v
        for seg in rest {
            guard let next = cur[seg] else { return .missing }
            cur = next
        }
        return .found(cur)
    }

    /// The nearest enclosing row loop's merge collector.
    var mergeCollector: MergeCollector? {
        var s: Scope? = self
        while let c = s { if let m = c.merges { return m }; s = c.parent }
        return nil
    }
}

/// Cells written by `{{merge}}` tags inside one row loop, in document order.
final class MergeCollector {
    struct Entry { let templateId: String; let cell: XMLNode; let value: String }
    var entries: [Entry] = []
    /// The same for a compiled part: the cell is the index of its record in the renderer.
    var compiled: [(templateId: String, record: Int, value: String)] = []
}
