import Foundation
import OfficeXML

/// `word/numbering.xml`: adds list instances that restart at 1 so that each filled list counts from one.
final class Numbering {
    static let partName = "word/numbering.xml"
    let document: XMLDocument
    private var nextId: Int
    private(set) var changed = false

    /// Parses the numbering part of a template for one document.
    init(data: Data) throws {
        document = try XMLDocument(data: data, name: Self.partName)
        let ids = (try? document.select("/w:numbering/w:num", namespaces: ["w": NS.w]).compactMap { Int($0.attribute("numId", NS.w) ?? "") }) ?? []
        nextId = (ids.max() ?? 0) + 1
    }

    /// Numbers lists in a digit script's format (`thaiNumbers`) wherever they were decimal.
    func useDigits(format: String) {
        guard let nodes = try? document.select("//w:lvl/w:numFmt[@w:val='decimal']", namespaces: ["w": NS.w]) else { return }
        for n in nodes { n.setAttribute("val", NS.w, value: format) }
        if !nodes.isEmpty { changed = true }
    }

    /// A new list instance over the same definition as `numId`, starting every level at 1.
    func restart(numId: String) -> String? {
        guard let root = document.root,
              let num = (try? document.select("/w:numbering/w:num", namespaces: ["w": NS.w]))?.first(where: { $0.attribute("numId", NS.w) == numId }),
              let abstract = num.child("abstractNumId", NS.w)?.attribute("val", NS.w) else { return nil }
        let id = String(nextId)
        nextId += 1
        let overrides = (0..<9).map { "<w:lvlOverride w:ilvl=\"\($0)\"><w:startOverride w:val=\"1\"/></w:lvlOverride>" }.joined()
        let xml = "<w:num w:numId=\"\(id)\"><w:abstractNumId w:val=\"\(abstract)\"/>\(overrides)</w:num>"
        guard let node = try? document.fragment(xml, namespaces: ["w": NS.w], for: root).first else { return nil }
        // w:num elements come after every w:abstractNum and before w:numIdMacAtCleanup.
        if let cleanup = root.child("numIdMacAtCleanup", NS.w) { cleanup.insertBefore(node) } else { root.append(node) }
        changed = true
        return id
    }
}
