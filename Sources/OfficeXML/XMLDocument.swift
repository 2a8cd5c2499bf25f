import CLibXML2
import Foundation

/// An XML document parsed by libxml2. The document owns its C tree and every node ever created in
/// it: nodes removed from the tree or never inserted are freed once, with the document. A node
/// handle (`XMLNode`) keeps its document alive, so it can never outlive or double-free its node.
/// A document is not shared between threads; copies (`copy()`) are independent.
public final class XMLDocument {
    let ptr: xmlDocPtr
    /// Name used in error messages (usually the part name, e.g. `word/document.xml`).
    public let name: String
    /// Nodes created outside the tree or taken out of it; whichever still has no parent at the end is
    /// freed in `deinit` (with its subtree). Re-inserted nodes are freed with the tree.
    private var detached: [xmlNodePtr] = []

    /// Parses with safe options: no network, no DTD (refused before anything in it is read), no entity
    /// substitution, no recovery, libxml2's default size and depth limits (no `XML_PARSE_HUGE`), and
    /// namespaces checked.
    public init(data: Data, name: String) throws {
        _ = LibXML.ready
        self.name = name
        guard let ctxt = xmlNewParserCtxt() else { throw XMLError.malformed(part: name, line: 0, column: 0, message: "out of memory") }
        defer { xmlFreeParserCtxt(ctxt) }
        if let sax = ctxt.pointee.sax {
            // A DOCTYPE stops the parser as soon as its name is read: its internal subset (entity
            // declarations, hence any entity expansion) is never parsed.
            sax.pointee.internalSubset = { ctx, _, _, _ in
                xmlStopParser(ctx?.assumingMemoryBound(to: xmlParserCtxt.self))
            }
            // Problems are returned as errors below; this keeps libxml2's own reports off stderr
            // without touching its process-wide handlers.
            sax.pointee.serror = { _, _ in }
        }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue)
        let doc: xmlDocPtr? = data.withUnsafeBytes { raw -> xmlDocPtr? in
            guard let base = raw.baseAddress, raw.count <= Int(Int32.max) else { return nil }
            return xmlCtxtReadMemory(ctxt, base.assumingMemoryBound(to: CChar.self), Int32(raw.count), name, "UTF-8", options)
        }
        if ctxt.pointee.errNo == Int32(XML_ERR_USER_STOP.rawValue) {
            if let doc { xmlFreeDoc(doc) }
            throw XMLError.doctypeNotAllowed(part: name)
        }
        guard let doc, ctxt.pointee.wellFormed != 0, ctxt.pointee.nsWellFormed != 0 else {
            let namespaceProblem = doc != nil && ctxt.pointee.wellFormed != 0
            if let doc { xmlFreeDoc(doc) }
            if let err = xmlCtxtGetLastError(ctxt) {
                let msg = err.pointee.message.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? "unknown error"
                let line = Int(err.pointee.line), column = Int(err.pointee.int2)
                if namespaceProblem { throw XMLError.namespace(part: name, line: line, column: column, message: msg) }
                throw XMLError.malformed(part: name, line: line, column: column, message: msg)
            }
            throw XMLError.malformed(part: name, line: 0, column: 0, message: data.isEmpty ? "the part is empty" : "unknown error")
        }
        if doc.pointee.intSubset != nil || doc.pointee.extSubset != nil {
            xmlFreeDoc(doc)
            throw XMLError.doctypeNotAllowed(part: name)
        }
        self.ptr = doc
    }

    private init(ptr: xmlDocPtr, name: String) {
        self.ptr = ptr
        self.name = name
    }

    deinit {
        // Decide every root before freeing anything: a freed subtree's nodes must not be read again.
        var seen = Set<xmlNodePtr>()
        var roots: [xmlNodePtr] = []
        for n in detached where seen.insert(n).inserted && n.pointee.parent == nil { roots.append(n) }
        for n in roots { xmlFreeNode(n) }
        xmlFreeDoc(ptr)
    }

    /// Takes responsibility for freeing `node`, which is outside the tree (new, or just unlinked).
    func adopt(_ node: xmlNodePtr) { detached.append(node) }

    /// A handle for a node created in this document, freed with it unless inserted in the tree.
    func owned(_ node: xmlNodePtr) -> XMLNode {
        adopt(node)
        return XMLNode(node, self)
    }

    /// A deep copy, independent of this document.
    public func copy() -> XMLDocument {
        XMLDocument(ptr: xmlCopyDoc(ptr, 1), name: name)
    }

    /// The root element.
    public var root: XMLNode? {
        guard let r = xmlDocGetRootElement(ptr) else { return nil }
        return XMLNode(r, self)
    }

    /// Serialises with the XML declaration (encoding and standalone kept) and all namespaces.
    public func serialize() throws -> Data {
        var buffer: UnsafeMutablePointer<xmlChar>?
        var size: Int32 = 0
        xmlDocDumpMemoryEnc(ptr, &buffer, &size, "UTF-8")
        guard let buffer else { throw XMLError.serialisationFailed(part: name) }
        defer { clibxml2_free(buffer) }
        return Data(bytes: buffer, count: Int(size))
    }

    /// Evaluates an XPath expression from `node` (the document when nil) and returns the matching nodes.
    public func select(_ expression: String, from node: XMLNode? = nil, namespaces: [String: String]) throws -> [XMLNode] {
        guard let ctx = xmlXPathNewContext(ptr) else { throw XMLError.invalidXPath(expression: expression) }
        defer { xmlXPathFreeContext(ctx) }
        for (prefix, href) in namespaces { xmlXPathRegisterNs(ctx, prefix, href) }
        if let node { ctx.pointee.node = node.ptr }
        // XPath errors are returned as `invalidXPath`; keep libxml2's report off stderr.
        ctx.pointee.error = { _, _ in }
        guard let result = xmlXPathEvalExpression(expression, ctx) else { throw XMLError.invalidXPath(expression: expression) }
        defer { xmlXPathFreeObject(result) }
        guard let set = result.pointee.nodesetval, set.pointee.nodeNr > 0 else { return [] }
        return (0..<Int(set.pointee.nodeNr)).compactMap { i in set.pointee.nodeTab[i].map { XMLNode($0, self) } }
    }

    /// Creates an element in namespace `href` (declared on the root if not yet in scope of `context`).
    public func createElement(_ localName: String, namespace href: String?, prefixHint: String? = nil, context: XMLNode? = nil) -> XMLNode {
        let wrapped = owned(xmlNewDocNode(ptr, nil, localName, nil)!)
        if let href { wrapped.setNamespace(href, prefixHint: prefixHint, context: context) }
        return wrapped
    }

    /// Creates a processing instruction `<?target content?>`, outside the tree until inserted.
    public func createProcessingInstruction(_ target: String, _ content: String) -> XMLNode {
        owned(xmlNewDocPI(ptr, target, content)!)
    }

    /// Creates a text node (the content is stored raw and escaped on serialisation).
    public func createText(_ text: String) -> XMLNode {
        owned(xmlNewDocText(ptr, text)!)
    }
}

extension XMLDocument {
    /// Copies `node` (from any document) into this document, reusing namespaces in scope at `parent`.
    public func importNode(_ node: XMLNode, for parent: XMLNode?) -> XMLNode {
        var result: xmlNodePtr?
        if xmlDOMWrapCloneNode(nil, node.document.ptr, node.ptr, &result, ptr, parent?.ptr, 1, 0) == 0, let result {
            return owned(result)
        }
        return owned(xmlDocCopyNode(node.ptr, ptr, 1)!)
    }

    /// Parses `xml` (elements written with the prefixes of `namespaces`) and imports its top-level
    /// elements into this document for insertion under `parent`.
    public func fragment(_ xml: String, namespaces: [String: String], for parent: XMLNode?) throws -> [XMLNode] {
        // Declare on the root whatever the fragment needs and the document lacks, so that the copy refers
        // only to declarations of this document (never to the temporary one's, which is freed below).
        if let rootPtr = xmlDocGetRootElement(ptr) {
            for (prefix, href) in namespaces.sorted(by: { $0.key < $1.key }) where xmlSearchNsByHref(ptr, parent?.ptr ?? rootPtr, href) == nil {
                var p = prefix
                var n = 1
                while xmlSearchNs(ptr, rootPtr, p) != nil { n += 1; p = "\(prefix)\(n)" }
                xmlNewNs(rootPtr, href, p)
            }
        }
        let decls = namespaces.sorted { $0.key < $1.key }.map { " xmlns:\($0.key)=\"\($0.value)\"" }.joined()
        let wrapper = try XMLDocument(data: Data("<fragment\(decls)>\(xml)</fragment>".utf8), name: "fragment")
        return wrapper.root?.elementChildren.map { importNode($0, for: parent) } ?? []
    }
}
