import Foundation
import OfficeXML

/// `META-INF/manifest.xml` of an ODF package: every part and its media type.
public final class ODFManifest {
    static let ns = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
    public static let partName = "META-INF/manifest.xml"
    let doc: XMLDocument

    public init(data: Data) throws { doc = try XMLDocument(data: data, name: Self.partName) }

    /// Works on `document` (a parsed `META-INF/manifest.xml`), changing it in place.
    public init(document: XMLDocument) { doc = document }

    /// Paths listed in the manifest.
    public func paths() throws -> [String] {
        try doc.select("/m:manifest/m:file-entry", namespaces: ["m": Self.ns]).compactMap { $0.attribute("full-path", Self.ns) }
    }

    /// Lists `path` with `mediaType` unless it is listed already.
    public func add(path: String, mediaType: String) throws {
        guard let root = doc.root, !(try paths().contains(path)) else { return }
        let e = doc.createElement("file-entry", namespace: Self.ns, context: root)
        e.setAttribute("full-path", Self.ns, value: path)
        e.setAttribute("media-type", Self.ns, value: mediaType)
        root.append(e)
    }

    public func serialize() throws -> Data { try doc.serialize() }
}
