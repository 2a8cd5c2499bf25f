import Foundation
import ITAReports
import OfficePackage
import OfficeXML
@_spi(Fuzzing) @testable import TemplateEngine
import XCTest

/// The compiled program and the document tree (kept for shapes the program does not express) must
/// write the same bytes: every part a fill changes is compared between the two, in both formats, on
/// values that need every kind of text work and on the shipped templates with their sample data.
final class RenderPathTests: XCTestCase {
    private func assertSamePaths(_ t: Template, _ data: TemplateValue, options: RenderOptions = RenderOptions(), _ label: String,
                                 file: StaticString = #filePath, line: UInt = #line) throws {
        let compiled = try t.render(data, options: options, compiled: true)
        let tree = try t.render(data, options: options, compiled: false)
        XCTAssertEqual(Set(compiled.changes.replaced.keys), Set(tree.changes.replaced.keys), "\(label): the same parts change", file: file, line: line)
        for (name, bytes) in tree.changes.replaced {
            XCTAssertEqual(compiled.changes.replaced[name].map { String(decoding: $0, as: UTF8.self) }, String(decoding: bytes, as: UTF8.self),
                           "\(label): \(name) written the same by both paths", file: file, line: line)
        }
        XCTAssertEqual(compiled.changes.added.map(\.name), tree.changes.added.map(\.name), "\(label): the same parts added", file: file, line: line)
        XCTAssertEqual(compiled.report.warnings, tree.report.warnings, "\(label): the same warnings", file: file, line: line)
    }

    /// Line breaks, tabs, runs of spaces (ODF writes them as `text:s`), a leading space, CR LF, control
    /// characters and U+FFFF (taken out, with a warning), Thai text and markup characters.
    func testValuesNeedingTextWorkAreWrittenTheSameByBothPaths() throws {
        let wb = try Workbench(name)
        let values: [String] = [
            "plain ไทย <&>",
            "  two leading spaces, then   three and a tab\there",
            "line one\r\nline two\nline three\n",
            " \t x  \n  y",
            "bell\u{7} and U+FFFF \u{FFFF} and a lone CR \r here",
            "a  b   c    d     e",
            "",
            "\n\n",
        ]
        for kind in [PackageKind.docx, .odt] {
            let b = Body(kind)
            var body = b.p([.plain("Before {{v0}} after")])
            for i in 1..<values.count { body += b.p([.bold("[{{v\(i)}}]")]) }
            body += b.p("{{#each items}}{{name}}: {{note}}{{/each}}")
            let t = try Template(contentsOf: try wb.template(kind, body: body))
            var data: [String: TemplateValue] = [:]
            for (i, v) in values.enumerated() { data["v\(i)"] = .string(v) }
            data["items"] = .list(values.map { ["name": .string($0), "note": "n  \t1"] })
            try assertSamePaths(t, .object(data), "\(kind)")
        }
    }

    /// Tags ahead of a block's opening tag in the paragraph (or row) its range starts with belong to the
    /// block: the compiled path filled them in each copy with the item's values, the tree path once
    /// beforehand with the outer values (and reported names missing in a branch that was not kept).
    func testTagsAheadOfAnOpeningTagInItsParagraphOnBothPaths() throws {
        let wb = try Workbench(name)
        let data: TemplateValue = ["n": 9, "off": false, "xs": [["a": "x1", "n": 1], ["a": "x2", "n": 2]]]
        for kind in [PackageKind.docx, .odt] {
            let b = Body(kind)
            let body = b.p("lead {{n}} {{#each xs}}") + b.p("item {{a}}") + b.p("{{/each}}")
                + b.p("hidden {{missing}} {{#if off}}") + b.p("{{n}}") + b.p("{{/if}}")
                + b.table([["cell {{n}}", "{{#each xs}}{{a}}"], ["end", "{{/each}}"]])
            let t = try Template(contentsOf: try wb.template(kind, body: body))
            try assertSamePaths(t, data, options: RenderOptions(lenient: true), "\(kind)")
            let tree = try t.render(data, options: RenderOptions(lenient: true), compiled: false)
            let text = String(decoding: tree.changes.replaced[kind == .docx ? "word/document.xml" : "content.xml"]!, as: UTF8.self)
            for expected in ["lead 1", "lead 2", "cell 1", "cell 2"] {
                XCTAssertTrue(text.replacingOccurrences(of: "</w:t></w:r><w:r><w:t xml:space=\"preserve\">", with: "").contains(expected) || text.contains(expected), "\(kind): \(expected)")
            }
            XCTAssertFalse(text.contains("lead 9"), "\(kind): the item's n, not the outer one")
            XCTAssertFalse(tree.report.warnings.contains { $0.contains("missing") }, "\(kind): a branch not kept reports nothing: \(tree.report.warnings)")
        }
    }

    /// A digit followed by a Thai vowel or tone mark is one Character that is not ASCII: the tree path
    /// looked for digits by Character and left "2ั" in Arabic digits where the compiled path wrote "๒ั",
    /// in values and in the template's own text.
    func testDigitBeforeACombiningMarkInThaiDigitsOnBothPaths() throws {
        let wb = try Workbench(name)
        for kind in [PackageKind.docx, .odt] {
            let b = Body(kind)
            let t = try Template(contentsOf: try wb.template(kind, body: b.ps("{{a}}", "ข้อ 2ั และ 3")))
            let data: TemplateValue = ["a": "ที่ 2ั้น 45"]
            var options = RenderOptions()
            options.digits = .thai
            try assertSamePaths(t, data, options: options, "\(kind)")
            let tree = try t.render(data, options: options, compiled: false)
            let text = String(decoding: tree.changes.replaced[kind == .docx ? "word/document.xml" : "content.xml"]!, as: UTF8.self)
            XCTAssertTrue(text.contains("ที่ ๒ั้น ๔๕"), "\(kind): the value in Thai digits")
            XCTAssertTrue(text.contains("ข้อ ๒ั และ ๓"), "\(kind): the template's text in Thai digits")
        }
    }

    /// `{{else}}` in a row of its own between the rows of an `{{#if}}`: the tree path took the next row
    /// after taking the else row out, so it stopped there and kept the rows of the other branch.
    func testElseRowBetweenRowsOnBothPaths() throws {
        let wb = try Workbench(name)
        for kind in [PackageKind.docx, .odt] {
            let b = Body(kind)
            let body = b.table([["{{#if flag}}"], ["{{title}}"], ["{{else}}"], ["none"], ["{{/if}}"]]) + b.p("after")
            let t = try Template(contentsOf: try wb.template(kind, body: body))
            for flag in [true, false] {
                let data: TemplateValue = ["flag": .bool(flag), "title": "kept"]
                try assertSamePaths(t, data, "\(kind) flag \(flag)")
                let tree = try t.render(data, options: RenderOptions(), compiled: false)
                let text = String(decoding: tree.changes.replaced[kind == .docx ? "word/document.xml" : "content.xml"]!, as: UTF8.self)
                XCTAssertEqual(text.contains("kept"), flag, "\(kind) flag \(flag)")
                XCTAssertEqual(text.contains("none"), !flag, "\(kind) flag \(flag): the other branch's rows go")
            }
        }
    }

    /// Two `{{merge}}` tags in one ODT cell once freed the cell twice on the tree path: both paths fill
    /// it, merge it only where both values repeat, and agree.
    func testTwoMergeTagsInOneCellOnBothPaths() throws {
        let wb = try Workbench(name)
        let data: TemplateValue = ["rows": [
            ["tool": "A", "group": "1", "item": "x"],
            ["tool": "A", "group": "1", "item": "y"],
            ["tool": "A", "group": "2", "item": "z"],
            ["tool": "B", "group": "2", "item": "w"],
            ["tool": "B", "group": "2", "item": "v"],
        ]]
        for kind in [PackageKind.docx, .odt] {
            let b = Body(kind)
            let body = b.table([["Tool", "Item"], ["{{#each rows}}{{merge tool}}/{{merge group}}", "{{merge tool}}{{item}}{{/each}}"]])
            let t = try Template(contentsOf: try wb.template(kind, body: body))
            try assertSamePaths(t, data, "\(kind)")
            let tree = try t.render(data, options: RenderOptions(), compiled: false)
            let doc = try XMLDocument(data: tree.changes.replaced[kind == .docx ? "word/document.xml" : "content.xml"]!, name: "part")
            if kind == .odt {
                let spans = try doc.select("//table:table-cell/@table:number-rows-spanned", namespaces: ["table": NS.table]).map(\.text)
                XCTAssertEqual(spans, ["2", "3", "2", "2"], "first column: A/1 twice, B/2 twice (both values must repeat); second: A three times, B twice")
            }
        }
    }

    /// The shipped templates with their sample data (pictures, merges, lists, nested loops, headers and
    /// footers), in both formats and in Thai digits.
    func testShippedTemplatesAreWrittenTheSameByBothPaths() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let templates = root.appendingPathComponent("Templates")
        let samples = templates.appendingPathComponent("source/samples")
        var checked = 0
        for stem in ["o34-2567", "o35-2567", "analysis-2568"] {
            let json = samples.appendingPathComponent("\(stem).json")
            guard let bytes = try? Data(contentsOf: json) else { continue }
            let data = TemplateValue.from(any: try JSONSerialization.jsonObject(with: bytes))
            for ext in ["docx", "odt"] {
                let t = try Template(contentsOf: templates.appendingPathComponent("\(stem).\(ext)"))
                var options = RenderOptions(lenient: true, assetRoot: samples)
                try assertSamePaths(t, data, options: options, "\(stem).\(ext)")
                options.digits = .thai
                try assertSamePaths(t, data, options: options, "\(stem).\(ext) in Thai digits")
                checked += 1
            }
        }
        XCTAssertEqual(checked, 6, "every shipped template and sample was found")
    }
}
