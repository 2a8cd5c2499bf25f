import Foundation
import OfficeXML

/// An anchor element standing for one tag in a part.
final class Anchor {
    let node: XMLNode
    let raw: String
    let id: String
    let location: TagLocation
    /// nil when the tag's text does not parse (the problem is reported separately).
    let tag: Tag?

    /// `parse` turns the tag's text into a tag (nil when it does not parse).
    init(node: XMLNode, part: String, tag parse: (String) -> Tag?) {
        self.node = node
        raw = node.attribute("e") ?? ""
        id = node.attribute("id") ?? ""
        location = TagLocation(part: part, paragraph: Int(node.attribute("p") ?? "") ?? 0, context: node.attribute("ctx") ?? "")
        tag = parse(raw)
    }

    var syntaxError: String? {
        do { _ = try Tag.parse(raw); return nil } catch let e as TagSyntaxError { return e.message } catch { return "\(error)" }
    }

    func problem(_ message: String) -> TemplateProblem { TemplateProblem(location: location, tag: raw, message: message) }
}

/// A value tag, or a block with its branches.
indirect enum Item {
    case leaf(Anchor)
    case block(BlockNode)

    /// The anchor of the tag, or of the block's opening tag.
    var anchorNode: XMLNode? {
        switch self {
        case let .leaf(a): return a.node
        case let .block(b): return b.open.node
        }
    }
}

/// `{{#each}}`, `{{#if}}` or `{{#unless}}` with what it holds.
final class BlockNode {
    let open: Anchor
    let kind: Tag.Block
    let path: Tag.Path
    var elseAnchor: Anchor?
    var close: Anchor?
    var children: [Item] = []
    var elseChildren: [Item] = []

    init(open: Anchor, kind: Tag.Block, path: Tag.Path) {
        self.open = open
        self.kind = kind
        self.path = path
    }
}

/// Builds the block tree from anchors in document order, reporting unbalanced blocks.
struct BlockParser {
    /// Deepest nesting of blocks. Real reports nest three or four deep; the bound keeps the recursive
    /// expansion of blocks shallow and its work linear in the document.
    static let maxDepth = 100

    static func parse(_ anchors: [Anchor]) -> (items: [Item], problems: [TemplateProblem]) {
        var problems: [TemplateProblem] = []
        var root: [Item] = []
        var stack: [BlockNode] = []
        func add(_ item: Item) {
            if let top = stack.last {
                if top.elseAnchor != nil { top.elseChildren.append(item) } else { top.children.append(item) }
            } else {
                root.append(item)
            }
        }
        for a in anchors {
            guard let tag = a.tag else {
                problems.append(a.problem(a.syntaxError ?? "cannot read this tag"))
                continue
            }
            switch tag {
            case let .open(kind, path):
                if stack.count >= maxDepth {
                    // Everything after would be misread: stop here with this one error.
                    problems.append(a.problem("blocks nest more than \(maxDepth) deep here ({{#\(kind.rawValue)}} inside \(maxDepth) open blocks); close some blocks before opening more"))
                    return (root, problems)
                }
                let b = BlockNode(open: a, kind: kind, path: path)
                add(.block(b))
                stack.append(b)
            case .elseTag:
                guard let top = stack.last else {
                    problems.append(a.problem("{{else}} outside any {{#if}} or {{#unless}}"))
                    continue
                }
                if top.kind == .each {
                    problems.append(a.problem("{{else}} inside {{#each \(top.path)}}: an else belongs to {{#if}} or {{#unless}}"))
                } else if top.elseAnchor != nil {
                    problems.append(a.problem("a second {{else}} in the same {{#\(top.kind.rawValue) \(top.path)}}"))
                } else {
                    top.elseAnchor = a
                }
            case let .close(kind):
                guard let top = stack.last else {
                    problems.append(a.problem("{{/\(kind.rawValue)}} closes nothing: there is no open {{#\(kind.rawValue)}} before it"))
                    continue
                }
                if top.kind != kind {
                    problems.append(a.problem("{{/\(kind.rawValue)}} closes {{#\(top.kind.rawValue) \(top.path)}} opened at \(top.open.location); close it with {{/\(top.kind.rawValue)}}"))
                }
                top.close = a
                stack.removeLast()
            case .value, .image, .merge:
                add(.leaf(a))
            }
        }
        for b in stack {
            problems.append(b.open.problem("{{#\(b.kind.rawValue) \(b.path)}} is never closed: add {{/\(b.kind.rawValue)}} where it should end"))
        }
        return (root, problems)
    }
}
