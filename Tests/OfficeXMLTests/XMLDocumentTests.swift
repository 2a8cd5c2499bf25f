import Foundation
import OfficeXML
import XCTest

final class XMLDocumentTests: XCTestCase {
    let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    func doc(_ xml: String, name: String = "word/document.xml") throws -> XMLDocument {
        try XMLDocument(data: Data(xml.utf8), name: name)
    }

    let sample = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:unused="urn:unused"><w:body><w:p><w:r><w:t xml:space="preserve">สวัสดี </w:t></w:r><w:r><w:t>world</w:t></w:r></w:p><w:p/></w:body></w:document>
    """

    func testSerialisationKeepsDeclarationAndNamespaces() throws {
        let out = String(decoding: try doc(sample).serialize(), as: UTF8.self)
        XCTAssertTrue(out.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"), out)
        XCTAssertTrue(out.contains("xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""))
        XCTAssertTrue(out.contains("xmlns:unused=\"urn:unused\""), "declarations nobody uses stay (Word's mc:Ignorable needs them)")
        XCTAssertTrue(out.contains("<w:t xml:space=\"preserve\">สวัสดี </w:t>"), "Thai text is written as UTF-8, not as character references")
    }

    func testXPathWithNamespacesAndText() throws {
        let d = try doc(sample)
        let ts = try d.select("//w:t", namespaces: ["w": w])
        XCTAssertEqual(ts.map(\.text), ["สวัสดี ", "world"])
        XCTAssertEqual(try d.select("//w:p", namespaces: ["w": w]).first?.text, "สวัสดี world")
        XCTAssertEqual(try d.select("count(//w:p)", namespaces: ["w": w]).count, 0, "a number is not a node set")
        let p = try d.select("//w:p", namespaces: ["w": w])[0]
        XCTAssertEqual(try d.select("w:r/w:t", from: p, namespaces: ["w": w]).count, 2, "relative to a node")
        XCTAssertThrowsError(try d.select("//w:p[", namespaces: ["w": w]))
        XCTAssertEqual(ts[0].attribute("space", "http://www.w3.org/XML/1998/namespace"), "preserve")
        XCTAssertTrue(ts[0].is("t", w))
        XCTAssertEqual(ts[0].parent?.localName, "r")
    }

    func testTreeEditsCloneInsertRemove() throws {
        let d = try doc(sample)
        let ps = try d.select("//w:p", namespaces: ["w": w])
        let copy = ps[0].clone(deep: true)
        ps[1].insertAfter(copy)
        copy.child("r", w)?.child("t", w)?.text = "a < b & \"c\""
        ps[1].remove()
        let r = d.createElement("r", namespace: w, context: copy)
        let t = d.createElement("t", namespace: w, context: copy)
        t.append(d.createText("new"))
        r.append(t)
        copy.prepend(r)
        let out = String(decoding: try d.serialize(), as: UTF8.self)
        XCTAssertTrue(out.contains("<w:p><w:r><w:t>new</w:t></w:r><w:r><w:t xml:space=\"preserve\">a &lt; b &amp; \"c\"</w:t></w:r><w:r><w:t>world</w:t></w:r></w:p></w:body>"), out)
        XCTAssertEqual(try d.select("//w:p", namespaces: ["w": w]).count, 2)
        XCTAssertFalse(out.contains("xmlns:w=\"\(w)\"><w:r>"), "no namespace declared again on copies")
    }

    func testCopyIsIndependent() throws {
        let d = try doc(sample)
        let c = d.copy()
        try c.select("//w:t", namespaces: ["w": w])[0].text = "changed"
        XCTAssertEqual(try d.select("//w:t", namespaces: ["w": w])[0].text, "สวัสดี ")
    }

    func testFragmentsImportWithTheirNamespaces() throws {
        let d = try doc(sample)
        let body = try d.select("//w:body", namespaces: ["w": w])[0]
        let nodes = try d.fragment("<w:p><w:r><w:t>frag</w:t></w:r></w:p>", namespaces: ["w": w], for: body)
        XCTAssertEqual(nodes.count, 1)
        body.append(nodes[0])
        XCTAssertEqual(try d.select("//w:p", namespaces: ["w": w]).last?.text, "frag")
    }

    func testBrokenXMLNamesPartAndLine() throws {
        XCTAssertThrowsError(try doc("<?xml version=\"1.0\"?>\n<a>\n<b>\n</a>", name: "word/header1.xml")) { error in
            guard case let XMLError.malformed(part, line, _, message) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(part, "word/header1.xml")
            XCTAssertEqual(line, 4)
            XCTAssertFalse(message.isEmpty)
            XCTAssertTrue("\(error)".hasPrefix("word/header1.xml:4:"), "\(error)")
            XCTAssertTrue("\(error)".contains("save it again"), "says what to do")
        }
        XCTAssertThrowsError(try doc("", name: "content.xml"))
        XCTAssertThrowsError(try doc("<a>&undefined;</a>"))
    }

    func testDoctypeAndEntitiesAreRefused() throws {
        let xxe = """
        <?xml version="1.0"?>
        <!DOCTYPE a [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
        <a>&secret;</a>
        """
        XCTAssertThrowsError(try doc(xxe, name: "content.xml")) { error in
            XCTAssertEqual(error as? XMLError, .doctypeNotAllowed(part: "content.xml"))
        }
        let bomb = """
        <?xml version="1.0"?>
        <!DOCTYPE a [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
        <a>&b;</a>
        """
        XCTAssertThrowsError(try doc(bomb))
        XCTAssertThrowsError(try doc("<!DOCTYPE a SYSTEM \"http://example.com/a.dtd\"><a/>"))
    }

    func testAttributesAndNamespacedAttributes() throws {
        let d = try doc(sample)
        let p = try d.select("//w:p", namespaces: ["w": w])[1]
        p.setAttribute("rsidR", w, value: "00AB")
        p.setAttribute("plain", value: "1")
        XCTAssertEqual(p.attribute("rsidR", w), "00AB")
        XCTAssertEqual(p.attributes.count, 2)
        p.removeAttribute("rsidR", w)
        p.removeAttribute("plain")
        XCTAssertEqual(p.attributes.count, 0)
        let out = String(decoding: try d.serialize(), as: UTF8.self)
        XCTAssertTrue(out.contains("<w:p/>"), out)
    }

    /// Handles stay valid whatever happens to their node: removed twice, removed with an ancestor,
    /// replaced by new text, or never inserted. The document frees each node once (AddressSanitizer
    /// and glibc's double-free check catch any second free).
    func testHandlesNeverOutliveOrDoubleFreeTheirNode() throws {
        var kept: [XMLNode] = []
        do {
            let d = try doc(sample)
            let ps = try d.select("//w:p", namespaces: ["w": w])
            let t = try d.select("//w:t", namespaces: ["w": w])
            ps[0].remove()
            ps[0].remove()
            t[0].remove()
            XCTAssertFalse(t[1].isInTree, "inside a removed paragraph")
            XCTAssertEqual(t[1].text, "world", "still readable")
            ps[1].insertAfter(ps[0])
            XCTAssertTrue(t[1].isInTree, "back in the tree with its paragraph")
            let r = t[1].parent!
            r.text = "replaced"
            XCTAssertFalse(t[1].isInTree)
            XCTAssertEqual(t[1].text, "world")
            _ = d.createElement("orphan", namespace: w)
            _ = ps[1].clone(deep: true)
            ps[1].insertBefore(ps[1])
            ps[1].append(ps[1].parent!)
            XCTAssertEqual(try d.select("//w:p", namespaces: ["w": w]).count, 2, "a node cannot be put inside itself")
            let detached = d.createElement("p", namespace: w)
            detached.insertBefore(d.createText("no parent: nothing happens"))
            kept = [t[0], ps[0]]
        }
        XCTAssertEqual(kept[0].text, "สวัสดี ", "a handle keeps its document alive")
        XCTAssertFalse(kept[0].isInTree)
        XCTAssertTrue(kept[1].isInTree)
    }

    func testNamespaceErrorsAreRefused() throws {
        XCTAssertThrowsError(try doc("<w:document><w:body/></w:document>", name: "word/document.xml")) { error in
            guard case let XMLError.namespace(part, line, _, message) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(part, "word/document.xml")
            XCTAssertEqual(line, 1)
            XCTAssertTrue(message.contains("w"), message)
        }
    }

    /// A billion-laughs DOCTYPE, with the entity used in an attribute, is refused before any entity is
    /// declared, let alone expanded (this took gigabytes and never finished).
    func testEntityExpansionInAnAttributeIsRefusedBeforeParsingTheDTD() throws {
        var decls = "<!ENTITY l0 \"lollollollollollollollollollol\">"
        for i in 1...12 { decls += "<!ENTITY l\(i) \"" + String(repeating: "&l\(i - 1);", count: 10) + "\">" }
        let xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE a [\(decls)]>\n<a b=\"&l12;\">&l12;</a>"
        XCTAssertThrowsError(try doc(xml, name: "content.xml")) { error in
            XCTAssertEqual(error as? XMLError, .doctypeNotAllowed(part: "content.xml"))
        }
        // Entities without a DOCTYPE are undefined, never looked up anywhere.
        XCTAssertThrowsError(try doc("<a b=\"&l12;\"/>")) { error in
            guard case XMLError.malformed = error else { return XCTFail("\(error)") }
        }
    }

    func testDeepNestingIsRefusedWithoutExhaustingTheStack() throws {
        let depth = 100_000
        let xml = String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
        XCTAssertThrowsError(try doc(xml)) { error in
            guard case XMLError.malformed = error else { return XCTFail("\(error)") }
        }
    }
}
