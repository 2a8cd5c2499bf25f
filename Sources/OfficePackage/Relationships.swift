import Foundation
import OfficeXML

/// The relationships part of an OOXML part (`word/_rels/document.xml.rels` for `word/document.xml`).
public final class Relationships {
    static let ns = "http://schemas.openxmlformats.org/package/2006/relationships"
    /// Relationship type of an embedded image.
    public static let imageType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
    let doc: XMLDocument
    private var used: Set<String>

    /// The name of the relationships part that belongs to `part`.
    public static func partName(for part: String) -> String {
        let url = part.split(separator: "/", omittingEmptySubsequences: false)
        let file = url.last.map(String.init) ?? part
        let dir = url.dropLast().joined(separator: "/")
        return (dir.isEmpty ? "" : dir + "/") + "_rels/" + file + ".rels"
    }

    /// Parses a relationships part, or starts an empty one when `data` is nil.
    public convenience init(data: Data?, name: String) throws {
        let xml = data ?? Data("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"\(Self.ns)\"/>".utf8)
        try self.init(document: XMLDocument(data: xml, name: name))
    }

    /// Works on `document` (a parsed relationships part), changing it in place.
    public init(document: XMLDocument) throws {
        doc = document
        used = Set(try doc.select("/r:Relationships/r:Relationship", namespaces: ["r": Self.ns]).compactMap { $0.attribute("Id") })
    }

    /// Target of the relationship with this id.
    public func target(of id: String) throws -> String? {
        try doc.select("/r:Relationships/r:Relationship", namespaces: ["r": Self.ns]).first { $0.attribute("Id") == id }?.attribute("Target")
    }

    /// Adds a relationship and returns its new id.
    public func add(type: String, target: String) -> String {
        var n = used.count + 1
        while used.contains("rId\(n)") { n += 1 }
        let id = "rId\(n)"
        used.insert(id)
        guard let root = doc.root else { return id }
        let r = doc.createElement("Relationship", namespace: Self.ns, context: root)
        r.setAttribute("Id", value: id)
        r.setAttribute("Type", value: type)
        r.setAttribute("Target", value: target)
        root.append(r)
        return id
    }

    public func serialize() throws -> Data { try doc.serialize() }
}
