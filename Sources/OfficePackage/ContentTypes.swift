import Foundation
import OfficeXML

/// `[Content_Types].xml` of an OOXML package: the media type of each part.
public final class ContentTypes {
    static let ns = "http://schemas.openxmlformats.org/package/2006/content-types"
    public static let partName = "[Content_Types].xml"
    let doc: XMLDocument

    public init(data: Data) throws { doc = try XMLDocument(data: data, name: Self.partName) }

    /// Works on `document` (a parsed `[Content_Types].xml`), changing it in place.
    public init(document: XMLDocument) { doc = document }

    /// Declares `contentType` for files ending in `.ext`, unless a default already exists.
    public func ensureDefault(extension ext: String, contentType: String) throws {
        guard let root = doc.root else { return }
        let existing = try doc.select("/ct:Types/ct:Default", namespaces: ["ct": Self.ns])
        if existing.contains(where: { $0.attribute("Extension")?.lowercased() == ext.lowercased() }) { return }
        let d = doc.createElement("Default", namespace: Self.ns, context: root)
        d.setAttribute("Extension", value: ext)
        d.setAttribute("ContentType", value: contentType)
        root.prepend(d)
    }

    public func serialize() throws -> Data { try doc.serialize() }
}
