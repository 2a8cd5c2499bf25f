import CLibXML2
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Writes nodes as bytes exactly as libxml2 serialises them (no formatting, UTF-8, the document's own
/// prefixes), a piece at a time: a whole subtree, or an element's start and end tags alone. A program
/// compiled from a template is made of such pieces; `XMLDocument.matchesOwnSerialisation` checks that
/// the pieces put together give libxml2's bytes for a given document.
public enum XMLWriter {
    /// What to do with one attribute while writing a start tag.
    public enum AttributeAction {
        /// Written as it is.
        case keep
        /// Left out entirely.
        case drop
        /// Written, and `cut` is called after the value, before its closing quote (to add to the value).
        case cutAfterValue
        /// The value is left out and `cut` is called in its place (to write another value).
        case cutInsteadOfValue
    }

    /// Appends the whole subtree of `node` (an element, text, comment or processing instruction).
    public static func appendNode(_ node: XMLNode, to out: inout [UInt8]) {
        appendNode(node.ptr, to: &out)
    }

    static func appendNode(_ n: xmlNodePtr, to out: inout [UInt8]) {
        switch n.pointee.type {
        case XML_ELEMENT_NODE:
            let empty = n.pointee.children == nil
            appendStartTag(n, empty: empty, to: &out, attribute: nil, cut: nil)
            if !empty {
                var c = n.pointee.children
                while let cc = c { appendNode(cc, to: &out); c = cc.pointee.next }
                appendEndTag(n, to: &out)
            }
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            if let content = n.pointee.content { appendEscapedText(content, to: &out) }
        case XML_COMMENT_NODE:
            out += [0x3C, 0x21, 0x2D, 0x2D]
            if let content = n.pointee.content { appendCString(content, to: &out) }
            out += [0x2D, 0x2D, 0x3E]
        case XML_PI_NODE:
            out += [0x3C, 0x3F]
            appendCString(n.pointee.name, to: &out)
            if let content = n.pointee.content, content.pointee != 0 {
                out.append(0x20)
                appendCString(content, to: &out)
            }
            out += [0x3F, 0x3E]
        case XML_ENTITY_REF_NODE:
            out.append(0x26)
            appendCString(n.pointee.name, to: &out)
            out.append(0x3B)
        default:
            break
        }
    }

    /// Appends the start tag of element `node`; `empty` writes it as `<x/>`.
    public static func appendStartTag(_ node: XMLNode, empty: Bool, to out: inout [UInt8],
                                      attribute: ((_ localName: String, _ namespace: String?) -> AttributeAction)? = nil,
                                      cut: ((inout [UInt8]) -> Void)? = nil,
                                      afterNamespaces: ((inout [UInt8]) -> Void)? = nil) {
        appendStartTag(node.ptr, empty: empty, to: &out, attribute: attribute, cut: cut, afterNamespaces: afterNamespaces)
    }

    static func appendStartTag(_ n: xmlNodePtr, empty: Bool, to out: inout [UInt8],
                               attribute: ((String, String?) -> AttributeAction)?, cut: ((inout [UInt8]) -> Void)?,
                               afterNamespaces: ((inout [UInt8]) -> Void)? = nil) {
        out.append(0x3C)
        appendQName(n, to: &out)
        var ns = n.pointee.nsDef
        while let d = ns {
            if let href = d.pointee.href, !(d.pointee.prefix.map { strcmp($0, "xml") == 0 } ?? false) {
                out += Array(" xmlns".utf8)
                if let prefix = d.pointee.prefix { out.append(0x3A); appendCString(prefix, to: &out) }
                out.append(0x3D)
                appendQuoted(href, to: &out)
            }
            ns = d.pointee.next
        }
        afterNamespaces?(&out)
        var a = n.pointee.properties
        while let attr = a {
            a = attr.pointee.next
            var action = AttributeAction.keep
            if let attribute {
                let name = String(cString: attr.pointee.name)
                let href = attr.pointee.ns.flatMap { $0.pointee.href.map { String(cString: $0) } }
                action = attribute(name, href)
            }
            if case .drop = action { continue }
            out.append(0x20)
            if let ns = attr.pointee.ns, let prefix = ns.pointee.prefix { appendCString(prefix, to: &out); out.append(0x3A) }
            appendCString(attr.pointee.name, to: &out)
            out += [0x3D, 0x22]
            switch action {
            case .cutInsteadOfValue:
                cut?(&out)
            default:
                appendAttributeValue(attr, to: &out)
                if case .cutAfterValue = action { cut?(&out) }
            }
            out.append(0x22)
        }
        if empty { out += [0x2F, 0x3E] } else { out.append(0x3E) }
    }

    /// Appends the end tag of element `node`.
    public static func appendEndTag(_ node: XMLNode, to out: inout [UInt8]) { appendEndTag(node.ptr, to: &out) }

    static func appendEndTag(_ n: xmlNodePtr, to out: inout [UInt8]) {
        out += [0x3C, 0x2F]
        appendQName(n, to: &out)
        out.append(0x3E)
    }

    /// The prefix that names namespace `href` in scope at `node` (nil: no declaration; "" for a default namespace).
    public static func prefix(of href: String, at node: XMLNode) -> String? {
        guard let ns = xmlSearchNsByHref(node.document.ptr, node.ptr, href) else { return nil }
        return ns.pointee.prefix.map { String(cString: $0) } ?? ""
    }

    /// The namespaces declared on an element, in order (prefix nil: the default namespace).
    public static func declaredNamespaces(_ node: XMLNode) -> [(prefix: String?, href: String)] {
        var out: [(String?, String)] = []
        var ns = node.ptr.pointee.nsDef
        while let d = ns {
            if let href = d.pointee.href { out.append((d.pointee.prefix.map { String(cString: $0) }, String(cString: href))) }
            ns = d.pointee.next
        }
        return out
    }

    private static func appendQName(_ n: xmlNodePtr, to out: inout [UInt8]) {
        if let ns = n.pointee.ns, let prefix = ns.pointee.prefix {
            appendCString(prefix, to: &out)
            out.append(0x3A)
        }
        appendCString(n.pointee.name, to: &out)
    }

    static func appendCString(_ s: UnsafePointer<xmlChar>, to out: inout [UInt8]) {
        let len = strlen(UnsafeRawPointer(s).assumingMemoryBound(to: CChar.self))
        out.append(contentsOf: UnsafeBufferPointer(start: s, count: len))
    }

    /// A namespace name in quotes, as libxml2 writes it: double quotes unless it holds one.
    private static func appendQuoted(_ s: UnsafePointer<xmlChar>, to out: inout [UInt8]) {
        let hasDouble = strchr(UnsafeRawPointer(s).assumingMemoryBound(to: CChar.self), 0x22) != nil
        let q: UInt8 = hasDouble ? 0x27 : 0x22
        out.append(q)
        appendCString(s, to: &out)
        out.append(q)
    }

    private static func appendAttributeValue(_ attr: xmlAttrPtr, to out: inout [UInt8]) {
        var c = attr.pointee.children
        while let child = c {
            if child.pointee.type == XML_TEXT_NODE, let content = child.pointee.content {
                appendEscapedAttribute(content, to: &out)
            } else if child.pointee.type == XML_ENTITY_REF_NODE {
                out.append(0x26)
                appendCString(child.pointee.name, to: &out)
                out.append(0x3B)
            }
            c = child.pointee.next
        }
    }

    /// Text content escaped as libxml2 does: `<`, `>`, `&` and carriage returns.
    static func appendEscapedText(_ s: UnsafePointer<xmlChar>, to out: inout [UInt8]) {
        var p = s
        while p.pointee != 0 {
            appendEscapedTextByte(p.pointee, to: &out)
            p += 1
        }
    }

    /// One byte of text content, escaped as libxml2 does.
    @inline(__always)
    public static func appendEscapedTextByte(_ b: UInt8, to out: inout [UInt8]) {
        switch b {
        case 0x3C: out += [0x26, 0x6C, 0x74, 0x3B]
        case 0x3E: out += [0x26, 0x67, 0x74, 0x3B]
        case 0x26: out += [0x26, 0x61, 0x6D, 0x70, 0x3B]
        case 0x0D: out += [0x26, 0x23, 0x31, 0x33, 0x3B]
        default: out.append(b)
        }
    }

    /// Text given as UTF-8 bytes, escaped as libxml2 escapes text content.
    public static func appendEscapedText<C: Collection>(_ bytes: C, to out: inout [UInt8]) where C.Element == UInt8 {
        let done: Void? = bytes.withContiguousStorageIfAvailable { appendEscaped($0, to: &out) }
        if done == nil { for b in bytes { appendEscapedTextByte(b, to: &out) } }
    }

    /// A string's text, escaped as libxml2 escapes text content: runs without `<`, `>`, `&` or CR
    /// are copied whole.
    public static func appendEscapedText(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { appendEscaped($0, to: &out) }
    }

    private static func appendEscaped(_ buf: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var from = 0
        for i in 0..<buf.count {
            let b = buf[i]
            guard b == 0x3C || b == 0x3E || b == 0x26 || b == 0x0D else { continue }
            if i > from { out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[from..<i])) }
            appendEscapedTextByte(b, to: &out)
            from = i + 1
        }
        if buf.count > from { out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[from...])) }
    }

    /// An attribute value escaped as libxml2 does (UTF-8 kept as it is).
    static func appendEscapedAttribute(_ s: UnsafePointer<xmlChar>, to out: inout [UInt8]) {
        var p = s
        while p.pointee != 0 {
            switch p.pointee {
            case 0x3C: out += Array("&lt;".utf8)
            case 0x3E: out += Array("&gt;".utf8)
            case 0x26: out += Array("&amp;".utf8)
            case 0x22: out += Array("&quot;".utf8)
            case 0x0A: out += Array("&#10;".utf8)
            case 0x0D: out += Array("&#13;".utf8)
            case 0x09: out += Array("&#9;".utf8)
            default: out.append(p.pointee)
            }
            p += 1
        }
    }

    /// An attribute value given as a string, escaped as libxml2 does.
    public static func appendEscapedAttribute(_ s: String, to out: inout [UInt8]) {
        s.withCString { c in c.withMemoryRebound(to: xmlChar.self, capacity: 1) { appendEscapedAttribute($0, to: &out) } }
    }
}

extension XMLDocument {
    /// libxml2's bytes before and after the root element, when the root element written by `XMLWriter`
    /// gives libxml2's own serialisation of the whole document; nil when it does not (a feature the
    /// writer does not reproduce), so that a caller can fall back to `serialize()`.
    public func writerFrame() throws -> (prologue: [UInt8], epilogue: [UInt8])? {
        guard let root else { return nil }
        let full = [UInt8](try serialize())
        var mine: [UInt8] = []
        mine.reserveCapacity(full.count)
        XMLWriter.appendNode(root, to: &mine)
        // The root is followed by a newline and, possibly, comments or processing instructions.
        var after: [UInt8] = []
        var n = root.ptr.pointee.next
        while let c = n {
            XMLWriter.appendNode(c, to: &after)
            after.append(0x0A)
            n = c.pointee.next
        }
        let epilogue = [0x0A] + after
        guard full.count >= mine.count + epilogue.count else { return nil }
        let start = full.count - epilogue.count - mine.count
        guard full[start..<(start + mine.count)].elementsEqual(mine), full[(start + mine.count)...].elementsEqual(epilogue) else { return nil }
        return (Array(full[..<start]), epilogue)
    }
}
