import Foundation
import ITAReports
import OfficePackage
import OfficeXML
@_spi(Fuzzing) @testable import TemplateEngine
import XCTest

/// What the tree fill costs beyond its copies does not grow with the depth of the tables around the
/// tags: deciding a block climbs from its tags to their common container only, and a tag is checked to
/// be in the document up to its block's range only. Counted in nodes climbed (`treeSteps`), never timed.
/// Also: the numbering part a fill writes (restarted lists appended to the template's part).
final class TreeWorkTests: XCTestCase {
    private var bench: Workbench!
    override func setUpWithError() throws { bench = try Workbench(name) }

    private let data: TemplateValue = [
        "flag": true, "title": "T",
        "xs": [["a": "x1", "n": 1], ["a": "x1", "n": 2], ["a": "x2", "n": 3]],
    ]

    /// Loops, conditions with {{else}} (paragraphs and rows) and merged cells, inside `depth` tables.
    private func body(_ b: Body, depth: Int, blocks: Int) -> String {
        var inner = b.p("{{#each xs}}") + b.p("{{a}}")
        for _ in 0..<blocks { inner += b.ps("{{#if flag}}", "{{a}} {{n}}", "{{else}}", "none", "{{/if}}") }
        inner += b.p("{{/each}}")
        inner += b.table([["{{#if flag}}"], ["{{title}}"], ["{{else}}"], ["none"], ["{{/if}}"]]) + b.p("")
        inner += b.table([["{{#each xs}}{{merge a}}", "{{n}}{{/each}}"]]) + b.p("")
        var xml = inner
        for _ in 0..<depth { xml = b.table([[xml]]) + b.p("") }
        return xml
    }

    /// The nodes the tree fill of the template's main part climbed through.
    private func treeSteps(_ url: URL) throws -> Int {
        let package = try OfficePackage(contentsOf: url)
        let dialect = makeDialect(for: package.kind)
        let part = package.kind == .docx ? "word/document.xml" : "content.xml"
        let doc = try package.xmlDocument(part)
        var id = 1
        XCTAssertEqual(try TagNormalizer(dialect: dialect, document: doc, part: part).run(startingId: &id), [])
        let session = RenderSession(options: RenderOptions(), dialect: dialect, filters: ThaiTemplateLanguage.language.filters)
        let renderer = PartRenderer(document: doc, part: part, session: session, loadRelationships: { nil })
        renderer.render(root: try XCTUnwrap(doc.root), data: data)
        XCTAssertEqual(session.problems, [])
        return session.treeSteps
    }

    func testTreeFillWorkDoesNotGrowWithTableDepth() throws {
        for kind in [PackageKind.docx, .odt] {
            let b = Body(kind)
            let shallow = try bench.template(kind, body: body(b, depth: 1, blocks: 10))
            let deep = try bench.template(kind, body: body(b, depth: 40, blocks: 10))
            // Both paths write the same bytes at any depth.
            for url in [shallow, deep] {
                let t = try Template(contentsOf: url)
                let compiled = try t.render(data, options: RenderOptions(), compiled: true)
                let tree = try t.render(data, options: RenderOptions(), compiled: false)
                XCTAssertEqual(compiled.changes.replaced.keys.sorted(), tree.changes.replaced.keys.sorted())
                for (name, bytes) in tree.changes.replaced {
                    XCTAssertEqual(compiled.changes.replaced[name].map { String(decoding: $0, as: UTF8.self) }, String(decoding: bytes, as: UTF8.self), "\(kind) \(name)")
                }
            }
            let few = try treeSteps(shallow), many = try treeSteps(deep)
            // Only the three top-level blocks climb from their tags to the root (three elements per
            // table level: table, row, cell), at most three times each (is it in the document, are the
            // tags before it in its first row); every tag and block inside them climbs to its block's
            // range. Climbing to the root for each of the 3 × 10 blocks of the copies, and for their
            // tags, would add well over 30 × 39 × 3 nodes.
            let topLevel = 3, extraElements = 39 * 3
            XCTAssertLessThanOrEqual(many - few, topLevel * 3 * (extraElements + 3), "\(kind): \(few) nodes at depth 1, \(many) at depth 40")
            XCTAssertGreaterThan(few, 0)
        }
    }

    /// Deciding a block whose tags sit in sibling paragraphs climbs one node from each, however deep.
    func testDecidingABlockClimbsOnlyToItsTagsContainer() throws {
        for kind in [PackageKind.docx, .odt] {
            let b = Body(kind)
            var counts: [Int] = []
            for depth in [0, 60] {
                var xml = b.ps("{{#if flag}}", "text", "{{/if}}")
                for _ in 0..<depth { xml = b.table([[xml]]) + b.p("") }
                let package = try OfficePackage(contentsOf: try bench.template(kind, body: xml))
                let dialect = makeDialect(for: kind)
                let part = kind == .docx ? "word/document.xml" : "content.xml"
                let doc = try package.xmlDocument(part)
                var id = 1
                _ = try TagNormalizer(dialect: dialect, document: doc, part: part).run(startingId: &id)
                let session = RenderSession(options: RenderOptions(), dialect: dialect)
                let anchors = PartRenderer(document: doc, part: part, session: session, loadRelationships: { nil }).anchors(in: try XCTUnwrap(doc.root))
                XCTAssertEqual(anchors.count, 2)
                var steps = 0
                guard case let .success(s) = dialect.structure(open: anchors[0].node, close: anchors[1].node, elseNode: nil, steps: &steps),
                      case .paragraphs = s else { return XCTFail("\(kind): a block over paragraphs") }
                counts.append(steps)
            }
            XCTAssertEqual(counts[0], counts[1], "\(kind): the same climb at depth 0 and 60")
            XCTAssertLessThanOrEqual(counts[1], 2, "\(kind): one step up from each paragraph")
        }
    }

    // MARK: numbering

    private func numbers(_ xml: Data) throws -> (nums: [String: String], formats: [String]) {
        let doc = try XMLDocument(data: xml, name: "numbering")
        var nums: [String: String] = [:]
        for n in try doc.select("/w:numbering/w:num", namespaces: ["w": Fixture.wNS]) {
            let id = try XCTUnwrap(n.attribute("numId", Fixture.wNS))
            XCTAssertNil(nums[id], "numId \(id) once")
            nums[id] = n.child("abstractNumId", Fixture.wNS)?.attribute("val", Fixture.wNS)
        }
        let formats = try doc.select("//w:lvl/w:numFmt", namespaces: ["w": Fixture.wNS]).compactMap { $0.attribute("val", Fixture.wNS) }
        return (nums, formats)
    }

    /// Each list value of the O34 report numbers from 1: the fill adds list instances over the same
    /// definitions, every level restarting at 1, numbered after the template's; the document refers to
    /// them. In Thai digits the decimal list numbers become Thai ones as well.
    func testRestartedListsAreAddedToTheNumberingPart() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let samples = root.appendingPathComponent("Templates/source/samples")
        let data = TemplateValue.from(any: try JSONSerialization.jsonObject(with: Data(contentsOf: samples.appendingPathComponent("o34-2567.json"))))
        let t = try Template(contentsOf: root.appendingPathComponent("Templates/o34-2567.docx"))
        let original = try numbers(t.package.read("word/numbering.xml"))
        let firstNew = (original.nums.keys.compactMap { Int($0) }.max() ?? 0) + 1
        for digits in [DigitScript.arabic, .thai] {
            let (changes, _) = try t.render(data, options: RenderOptions(lenient: true, digits: digits, assetRoot: samples))
            let numbering = try XCTUnwrap(changes.replaced["word/numbering.xml"])
            let filled = try numbers(numbering)
            let added = filled.nums.filter { Int($0.key).map { $0 >= firstNew } ?? false }
            XCTAssertFalse(added.isEmpty, "\(digits.name): lists restarted")
            XCTAssertEqual(Set(added.keys), Set((firstNew..<(firstNew + added.count)).map(String.init)), "\(digits.name): numbered after the template's")
            for (id, abstract) in added { XCTAssertTrue(original.nums.values.contains(abstract), "\(digits.name): num \(id) uses a definition of the template") }
            for (id, abstract) in original.nums { XCTAssertEqual(filled.nums[id], abstract, "\(digits.name): the template's num \(id) kept") }
            let text = String(decoding: numbering, as: UTF8.self)
            let restartedLevels = text.components(separatedBy: "<w:startOverride w:val=\"1\"/>").count - 1
            XCTAssertGreaterThanOrEqual(restartedLevels, added.count * 9, "\(digits.name): every level of every added list starts at 1")
            // The document's list paragraphs refer to lists the part has, among them the added ones.
            let document = try XMLDocument(data: try XCTUnwrap(changes.replaced["word/document.xml"]), name: "document")
            let used = Set(try document.select("//w:numPr/w:numId", namespaces: ["w": Fixture.wNS]).compactMap { $0.attribute("val", Fixture.wNS) })
            XCTAssertTrue(used.isSubset(of: Set(filled.nums.keys).union(["0"])), "\(digits.name): \(used.sorted())")
            XCTAssertFalse(used.isDisjoint(with: added.keys), "\(digits.name): the document uses the restarted lists")
            if digits.name == "thai" {
                XCTAssertFalse(filled.formats.contains("decimal"), "Thai list numbers")
                XCTAssertEqual(original.formats.filter { $0 == "decimal" }.count, filled.formats.filter { $0 == "thaiNumbers" }.count)
            } else {
                XCTAssertEqual(filled.formats, original.formats)
            }
        }
    }
}
