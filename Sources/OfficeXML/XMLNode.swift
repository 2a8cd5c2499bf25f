import CLibXML2
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A node of an `XMLDocument`. Holds its document alive, and the document frees its nodes only when it
/// goes, so a handle stays valid after `remove()` (the node is then outside the tree).
public struct XMLNode: Hashable {
    let ptr: xmlNodePtr
    /// The document this node belongs to.
    public let document: XMLDocument

    init(_ ptr: xmlNodePtr, _ document: XMLDocument) {
        self.ptr = ptr
        self.document = document
    }

    public static func == (a: XMLNode, b: XMLNode) -> Bool { a.ptr == b.ptr }
    public func hash(into h: inout Hasher) { h.combine(ptr) }

    /// A stable identity for the node, for as long as its document lives.
    public var identity: UnsafeMutableRawPointer { UnsafeMutableRawPointer(ptr) }

    public var isElement: Bool { ptr.pointee.type == XML_ELEMENT_NODE }
    public var isProcessingInstruction: Bool { ptr.pointee.type == XML_PI_NODE }
    /// The target of a processing instruction (`tpl` for `<?tpl 3?>`).
    public var processingTarget: String? { isProcessingInstruction ? ptr.pointee.name.map { String(cString: $0) } : nil }
    /// True when the element has no child node at all (written `<x/>`).
    public var hasNoChildren: Bool { ptr.pointee.children == nil }
    public var isText: Bool { ptr.pointee.type == XML_TEXT_NODE || ptr.pointee.type == XML_CDATA_SECTION_NODE }

    /// Local name of an element (`p` for `w:p`); `#text` for text nodes.
    public var localName: String {
        if isText { return "#text" }
        return ptr.pointee.name.map { String(cString: $0) } ?? ""
    }

    /// Namespace URI of an element, if any.
    public var namespaceURI: String? {
        guard let ns = ptr.pointee.ns, let href = ns.pointee.href else { return nil }
        return String(cString: href)
    }

    /// True when the element has this local name in this namespace.
    public func `is`(_ localName: String, _ namespace: String?) -> Bool {
        guard isElement, let name = ptr.pointee.name else { return false }
        guard strcmp(name, localName) == 0 else { return false }
        if let namespace {
            guard let ns = ptr.pointee.ns, let href = ns.pointee.href else { return false }
            return strcmp(href, namespace) == 0
        }
        return ptr.pointee.ns == nil
    }

    // MARK: navigation

    public var parent: XMLNode? {
        guard let p = ptr.pointee.parent, p.pointee.type == XML_ELEMENT_NODE else { return nil }
        return XMLNode(p, document)
    }
    public var firstChild: XMLNode? { hasNodeChildren ? ptr.pointee.children.map { XMLNode($0, document) } : nil }
    public var lastChild: XMLNode? { hasNodeChildren ? ptr.pointee.last.map { XMLNode($0, document) } : nil }

    /// Attributes keep their value as child text that libxml2 replaces freely: it is never handed out.
    private var hasNodeChildren: Bool { ptr.pointee.type != XML_ATTRIBUTE_NODE }
    public var next: XMLNode? { ptr.pointee.next.map { XMLNode($0, document) } }
    public var previous: XMLNode? { ptr.pointee.prev.map { XMLNode($0, document) } }

    /// Child nodes in order (elements, text and others).
    public var children: [XMLNode] {
        var out: [XMLNode] = []
        var c = hasNodeChildren ? ptr.pointee.children : nil
        while let n = c { out.append(XMLNode(n, document)); c = n.pointee.next }
        return out
    }

    /// Child elements in order.
    public var elementChildren: [XMLNode] { children.filter(\.isElement) }

    /// First child element with this name.
    public func child(_ localName: String, _ namespace: String?) -> XMLNode? {
        var c = hasNodeChildren ? ptr.pointee.children : nil
        while let n = c {
            let node = XMLNode(n, document)
            if node.is(localName, namespace) { return node }
            c = n.pointee.next
        }
        return nil
    }

    /// True when `self` is `other` or one of its descendants.
    public func isInside(_ other: XMLNode) -> Bool {
        var cur: xmlNodePtr? = ptr
        while let c = cur { if c == other.ptr { return true }; cur = c.pointee.parent }
        return false
    }

    /// Ancestors from the parent up to the root element.
    public var ancestors: [XMLNode] {
        var out: [XMLNode] = []
        var cur = parent
        while let c = cur { out.append(c); cur = c.parent }
        return out
    }

    /// Visits the subtree in document order; return false from `body` to skip a node's children.
    /// Follows the tree's own links, so it allocates nothing; `body` may change a node's text, attributes
    /// and children, but must not remove the node it is given (collect nodes and remove them after).
    public func walk(_ body: (XMLNode) -> Bool) {
        var n: xmlNodePtr = ptr
        while true {
            if body(XMLNode(n, document)), n.pointee.type != XML_ATTRIBUTE_NODE, let first = n.pointee.children {
                n = first
                continue
            }
            // Next in document order: a sibling, or the sibling of the nearest ancestor below `self`.
            while n != ptr, n.pointee.next == nil, let up = n.pointee.parent { n = up }
            guard n != ptr, let next = n.pointee.next else { return }
            n = next
        }
    }

    // MARK: text

    /// The text of a text node, or the concatenated text of an element's descendants.
    public var text: String {
        get {
            guard let c = xmlNodeGetContent(ptr) else { return "" }
            defer { clibxml2_free(c) }
            return String(cString: c)
        }
        nonmutating set {
            if isText {
                // For text nodes libxml2 stores the content as given; it is escaped when serialised.
                xmlNodeSetContent(ptr, newValue)
            } else {
                while let c = ptr.pointee.children { xmlUnlinkNode(c); document.adopt(c) }
                append(document.createText(newValue))
            }
        }
    }

    // MARK: attributes

    /// The value of an attribute, looked up by local name and namespace URI (nil: no namespace).
    public func attribute(_ name: String, _ namespace: String? = nil) -> String? {
        let v: UnsafeMutablePointer<xmlChar>?
        if let namespace { v = xmlGetNsProp(ptr, name, namespace) } else { v = xmlGetNoNsProp(ptr, name) }
        guard let v else { return nil }
        defer { clibxml2_free(v) }
        return String(cString: v)
    }

    /// Sets an attribute; the namespace must be declared in scope or is declared on the root with `prefixHint`.
    public func setAttribute(_ name: String, _ namespace: String? = nil, value: String, prefixHint: String? = nil) {
        if let namespace {
            let ns = findOrDeclareNamespace(namespace, prefixHint: prefixHint)
            xmlSetNsProp(ptr, ns, name, value)
        } else {
            xmlSetProp(ptr, name, value)
        }
    }

    /// Removes an attribute if present.
    public func removeAttribute(_ name: String, _ namespace: String? = nil) {
        // Unlinked rather than freed: an attribute node may have been handed out by `select`.
        guard let a = xmlHasNsProp(ptr, name, namespace) else { return }
        let node = UnsafeMutableRawPointer(a).assumingMemoryBound(to: xmlNode.self)
        xmlUnlinkNode(node)
        document.adopt(node)
    }

    /// Names and values of the attributes (`prefix:name` when namespaced).
    public var attributes: [(name: String, namespace: String?, value: String)] {
        var out: [(String, String?, String)] = []
        var a = ptr.pointee.properties
        while let attr = a {
            let name = String(cString: attr.pointee.name)
            let ns = attr.pointee.ns.flatMap { $0.pointee.href.map { String(cString: $0) } }
            let value = attribute(name, ns) ?? ""
            out.append((name, ns, value))
            a = attr.pointee.next
        }
        return out
    }

    /// Values of the attributes whose local name contains one of `needles`; other attributes are
    /// never turned into Swift strings (cheap on elements with many attributes).
    public func attributeValues(whereNameContains needles: [String]) -> [String] {
        var out: [String] = []
        var a = ptr.pointee.type == XML_ELEMENT_NODE ? ptr.pointee.properties : nil
        while let attr = a {
            a = attr.pointee.next
            guard let name = attr.pointee.name else { continue }
            let matches = needles.contains { needle in needle.withCString { strstr(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self), $0) != nil } }
            guard matches else { continue }
            if let child = attr.pointee.children, child.pointee.next == nil, child.pointee.type == XML_TEXT_NODE, let content = child.pointee.content {
                out.append(String(cString: content))
            } else if let v = xmlNodeGetContent(UnsafeMutableRawPointer(attr).assumingMemoryBound(to: xmlNode.self)) {
                out.append(String(cString: v))
                clibxml2_free(v)
            }
        }
        return out
    }

    func findOrDeclareNamespace(_ href: String, prefixHint: String?) -> xmlNsPtr {
        if let ns = xmlSearchNsByHref(document.ptr, ptr, href) { return ns }
        if let root = xmlDocGetRootElement(document.ptr), let ns = xmlSearchNsByHref(document.ptr, root, href) { return ns }
        let target = xmlDocGetRootElement(document.ptr) ?? ptr
        return xmlNewNs(target, href, prefixHint)
    }

    /// Puts the element in namespace `href`, reusing a declaration in scope of `context` (or the root).
    public func setNamespace(_ href: String, prefixHint: String?, context: XMLNode? = nil) {
        var ns: xmlNsPtr?
        if let context { ns = xmlSearchNsByHref(document.ptr, context.ptr, href) }
        if ns == nil, let root = xmlDocGetRootElement(document.ptr) { ns = xmlSearchNsByHref(document.ptr, root, href) }
        if ns == nil { ns = xmlNewNs(ptr, href, prefixHint) }
        xmlSetNs(ptr, ns)
    }

    // MARK: tree edits

    /// Takes the node and its subtree out of the tree; the document frees it when it goes. Handles to
    /// it stay usable (it can be inserted again); removing twice does nothing more.
    public func remove() {
        guard ptr.pointee.type != XML_DOCUMENT_NODE else { return }
        if ptr.pointee.parent == nil && ptr.pointee.prev == nil && ptr.pointee.next == nil { return }
        xmlUnlinkNode(ptr)
        document.adopt(ptr)
    }

    /// True while the node is in its document's tree (not removed, nor inside a removed subtree).
    public var isInTree: Bool {
        var cur: xmlNodePtr? = ptr
        while let c = cur {
            if c.pointee.type == XML_DOCUMENT_NODE { return true }
            cur = c.pointee.parent
        }
        return false
    }

    /// Takes `node` out of wherever it is, so that it can be put in a new place.
    private func detach(_ node: XMLNode) {
        precondition(node.document === document, "nodes move only within their document; use importNode")
        if node.ptr.pointee.parent != nil || node.ptr.pointee.prev != nil || node.ptr.pointee.next != nil {
            xmlUnlinkNode(node.ptr)
            // Owned again by the tree once inserted below; recorded in case it is not.
            document.adopt(node.ptr)
        }
    }

    /// Inserts `node` just before `self` (no merging of adjacent text nodes). Nothing happens when `self`
    /// has no parent, or when `node` is `self` or one of its ancestors.
    public func insertBefore(_ node: XMLNode) {
        guard ptr.pointee.parent != nil, node.ptr != ptr, !isInside(node) else { return }
        detach(node)
        let n = node.ptr
        n.pointee.parent = ptr.pointee.parent
        n.pointee.prev = ptr.pointee.prev
        n.pointee.next = ptr
        if let p = ptr.pointee.prev { p.pointee.next = n } else if let parent = ptr.pointee.parent { parent.pointee.children = n }
        ptr.pointee.prev = n
    }

    /// Inserts `node` just after `self` (no merging of adjacent text nodes); as `insertBefore`, nothing
    /// happens without a parent.
    public func insertAfter(_ node: XMLNode) {
        guard ptr.pointee.parent != nil, node.ptr != ptr, !isInside(node) else { return }
        detach(node)
        let n = node.ptr
        n.pointee.parent = ptr.pointee.parent
        n.pointee.next = ptr.pointee.next
        n.pointee.prev = ptr
        if let nx = ptr.pointee.next { nx.pointee.prev = n } else if let parent = ptr.pointee.parent { parent.pointee.last = n }
        ptr.pointee.next = n
    }

    /// Appends `node` as the last child (no merging of adjacent text nodes).
    public func append(_ node: XMLNode) {
        guard hasNodeChildren, node.ptr != ptr, !isInside(node) else { return }
        if let last = ptr.pointee.last {
            XMLNode(last, document).insertAfter(node)
        } else {
            detach(node)
            node.ptr.pointee.parent = ptr
            node.ptr.pointee.prev = nil
            node.ptr.pointee.next = nil
            ptr.pointee.children = node.ptr
            ptr.pointee.last = node.ptr
        }
    }

    /// Inserts `node` as the first child.
    public func prepend(_ node: XMLNode) {
        if let first = ptr.pointee.children { XMLNode(first, document).insertBefore(node) } else { append(node) }
    }

    static func isAttached(_ n: xmlNodePtr) -> Bool {
        var cur: xmlNodePtr? = n
        while let c = cur {
            if c.pointee.type == XML_DOCUMENT_NODE { return true }
            cur = c.pointee.parent
        }
        return false
    }

    /// A copy of the node, not yet in the tree. Namespaces in scope at `parent` (default: this node's
    /// parent) are reused rather than declared again on the copy.
    public func clone(deep: Bool = true, for parent: XMLNode? = nil) -> XMLNode {
        var result: xmlNodePtr?
        // Namespace reconciliation needs a parent that is in the tree; a detached one would make libxml2
        // point the copy at declarations that do not outlive the call.
        var destParent = (parent ?? self.parent)?.ptr
        if let d = destParent, !Self.isAttached(d) { destParent = xmlDocGetRootElement(document.ptr) }
        if xmlDOMWrapCloneNode(nil, document.ptr, ptr, &result, document.ptr, destParent, deep ? 1 : 0, 0) == 0, let result {
            return document.owned(result)
        }
        return document.owned(xmlDocCopyNode(ptr, document.ptr, deep ? 1 : 2)!)
    }
}
