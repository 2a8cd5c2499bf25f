import OfficePackage
import OfficeXML
import TemplateEngine
import XCTest

/// Every error a user can meet names the file, the part, the paragraph and what to do; nothing is written.
final class ErrorTests: XCTestCase {
    let kinds: [PackageKind] = [.docx, .odt]

    func part(_ kind: PackageKind) -> String { kind == .docx ? "word/document.xml" : "content.xml" }
    func headerPart(_ kind: PackageKind) -> String { kind == .docx ? "word/header1.xml" : "styles.xml" }

    /// Files in the folder other than templates (outputs, temporary files).
    func strayFiles(_ wb: Workbench) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: wb.folder.path).filter { !$0.contains("-template.") }
    }

    func testUnresolvedNamesAreListedTogetherAndNothingIsWritten() throws {
        let wb = try Workbench(name)
        for kind in kinds {
            let b = Body(kind)
            let t = try wb.template(kind, body: b.ps("Name {{org.nmae}}", "Code {{org.cod}} ok", "{{#each itmes}}", "x", "{{/each}}"), header: b.p("{{titel}}"))
            XCTAssertThrowsError(try wb.fill(t, ["org": ["name": "n", "code": "c"]])) { error in
                guard case let TemplateError.unresolved(path, problems) = error else { return XCTFail("\(error)") }
                XCTAssertEqual(path, t.path)
                XCTAssertEqual(problems.count, 4, "\(problems)")
                let text = "\(error)"
                for expected in ["\(part(kind)), paragraph 1 (\"Name {{org.nmae}}\")", "the data has no 'org.nmae'",
                                 "\(part(kind)), paragraph 2 (\"Code {{org.cod}} ok\")", "no list 'itmes'",
                                 "\(headerPart(kind)), paragraph 1 (\"{{titel}}\")", "--lenient"] {
                    XCTAssertTrue(text.contains(expected), "missing \(expected) in:\n\(text)")
                }
            }
            XCTAssertEqual(try strayFiles(wb), [], "no output and no temporary file after a failure")
        }
    }

    func testLenientLeavesUnknownNamesEmptyAndWarns() throws {
        let wb = try Workbench(name)
        for kind in kinds {
            let b = Body(kind)
            let t = try wb.template(kind, body: b.ps("Name {{org.nmae}}!", "{{#each itmes}}", "x", "{{/each}}", "end"))
            let out = try wb.fill(t, ["org": ["name": "n"]], options: RenderOptions(lenient: true))
            XCTAssertEqual(try out.paragraphs(), ["Name !", "end"])
            XCTAssertEqual(out.warnings.count, 2, "\(out.warnings)")
            XCTAssertTrue(out.warnings.joined().contains("org.nmae"))
        }
        wb.checkWithRealClients()
    }

    /// Asserts the template is refused with each of `messages`.
    func assertInvalid(_ kind: PackageKind, _ body: String, _ messages: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        let wb = try Workbench(name + kind.rawValue)
        let url = try wb.template(kind, body: body)
        XCTAssertThrowsError(try Template(contentsOf: url), file: file, line: line) { error in
            guard case TemplateError.invalidTemplate = error else { return XCTFail("\(error)", file: file, line: line) }
            let text = "\(error)"
            for m in messages + [url.path, part(kind)] {
                XCTAssertTrue(text.contains(m), "missing \(m) in:\n\(text)", file: file, line: line)
            }
        }
    }

    func testUnclosedBlock() throws {
        for kind in kinds {
            let b = Body(kind)
            try assertInvalid(kind, b.ps("{{#each xs}}", "x"), ["{{#each xs}} is never closed", "paragraph 1"])
            try assertInvalid(kind, b.p("A {{#if a}} B"), ["{{#if a}} is never closed"])
        }
    }

    func testMismatchedClose() throws {
        for kind in kinds {
            try assertInvalid(kind, Body(kind).p("{{#if a}}x{{/each}}"), ["{{/each}} closes {{#if a}}", "close it with {{/if}}"])
            try assertInvalid(kind, Body(kind).p("x{{/if}}"), ["{{/if}} closes nothing"])
        }
    }

    func testElseOutsideIf() throws {
        for kind in kinds {
            try assertInvalid(kind, Body(kind).p("a {{else}} b"), ["{{else}} outside any {{#if}}"])
            try assertInvalid(kind, Body(kind).p("{{#each xs}}a{{else}}b{{/each}}"), ["an else belongs to {{#if}}"])
        }
    }

    func testUnknownFilterAndBadTags() throws {
        for kind in kinds {
            let b = Body(kind)
            try assertInvalid(kind, b.ps("{{a | upper}}", "{{#loop xs}}{{/loop}}", "{{b | number:x}}", "{{@idx}}"),
                              ["unknown filter 'upper'", "unknown block", "number of decimals", "unknown loop variable"])
        }
    }

    func testOpenBracesWithoutClose() throws {
        for kind in kinds {
            try assertInvalid(kind, Body(kind).ps("fine {{a}}", "broken {{org.name and more"), ["'{{' is not closed by '}}'", "paragraph 2", "broken {{org.name"])
        }
    }

    func testProblemsAreAllReportedAtOnce() throws {
        for kind in kinds {
            let b = Body(kind)
            try assertInvalid(kind, b.ps("{{a | upper}}", "{{else}}", "{{#if x}}"), ["3 errors", "unknown filter", "{{else}} outside", "never closed"])
        }
    }

    func testBlockSpanningBodyAndTableCellIsRefused() throws {
        for kind in kinds {
            let b = Body(kind)
            try assertInvalid(kind, b.p("{{#each xs}}") + b.table([["{{this}}", "{{/each}}"]]), ["{{#each xs}}", "table"])
            try assertInvalid(kind, b.table([["{{#if a}}", "x"]]) + b.p("{{/if}}"), ["{{#if a}}", "table"])
            try assertInvalid(kind, b.table([["{{#if a}}", "x"]]) + b.table([["{{/if}}"]]), ["{{#if a}}"])
        }
    }

    func testOutputExtensionMustMatchTheTemplate() throws {
        let wb = try Workbench(name)
        for kind in kinds {
            let t = try Template(contentsOf: try wb.template(kind, body: Body(kind).p("x")))
            let other = kind == .docx ? "odt" : "docx"
            XCTAssertThrowsError(try t.render([:], to: wb.folder.appendingPathComponent("out.\(other)"))) { error in
                XCTAssertTrue("\(error)".contains("must end in .\(kind.rawValue)"), "\(error)")
            }
        }
        XCTAssertEqual(try strayFiles(wb), [])
    }

    func testOutputOverTheTemplateIsRefused() throws {
        let wb = try Workbench(name)
        for kind in kinds {
            let url = try wb.template(kind, body: Body(kind).p("{{a}}"))
            let before = try Data(contentsOf: url)
            let t = try Template(contentsOf: url)
            XCTAssertThrowsError(try t.render(["a": "x"], to: url)) { error in
                XCTAssertTrue("\(error)".contains("would overwrite the template"), "\(error)")
            }
            // Also through another spelling of the same path.
            let other = URL(fileURLWithPath: url.deletingLastPathComponent().path + "/./" + url.lastPathComponent)
            XCTAssertThrowsError(try t.render(["a": "x"], to: other))
            XCTAssertEqual(try Data(contentsOf: url), before)
        }
        XCTAssertEqual(try strayFiles(wb), [])
    }

    func testMissingOutputFolderWritesNothing() throws {
        let wb = try Workbench(name)
        let t = try Template(contentsOf: try wb.template(.docx, body: Body(.docx).p("x")))
        XCTAssertThrowsError(try t.render([:], to: wb.folder.appendingPathComponent("no/such/out.docx"))) { error in
            XCTAssertTrue("\(error)".contains("does not exist"), "\(error)")
        }
        XCTAssertEqual(try strayFiles(wb), [])
    }

    func testBrokenXMLPartIsNamedWithItsLine() throws {
        let wb = try Workbench(name)
        for kind in kinds {
            let url = wb.folder.appendingPathComponent("broken.\(kind.rawValue)")
            let b = Body(kind)
            let good = b.p("fine")
            let broken = kind == .docx ? "\n<w:p><w:r><w:t>x</w:r></w:p>" : "\n<text:p><text:span>x</text:p>"
            let parts = kind == .docx ? Fixture.docxParts(body: good + broken, header: good, footer: good)
                : Fixture.odtParts(body: good + broken, header: good, footer: good)
            try OfficePackage.create(at: url, parts: parts)
            XCTAssertThrowsError(try Template(contentsOf: url)) { error in
                guard case let PackageError.brokenPart(path, XMLError.malformed(p, line, _, _)) = error else { return XCTFail("\(error)") }
                XCTAssertEqual(path, url.path)
                XCTAssertEqual(p, part(kind))
                XCTAssertEqual(line, 3)
                XCTAssertTrue("\(error)".hasPrefix("\(url.path): \(part(kind)):3:"), "\(error)")
            }
        }
    }

    /// A broken relationships part is found when the template is read, not when a picture is first added.
    func testBrokenRelationshipsPartIsNamedWithTheTemplate() throws {
        let wb = try Workbench(name)
        let url = wb.folder.appendingPathComponent("broken-rels.docx")
        var parts = Fixture.docxParts(body: Body(.docx).p("fine"), header: "", footer: "")
        let rels = "word/_rels/document.xml.rels"
        let i = try XCTUnwrap(parts.firstIndex { $0.name == rels })
        parts[i].data = Data("<Relationships".utf8)
        try OfficePackage.create(at: url, parts: parts)
        XCTAssertThrowsError(try Template(contentsOf: url)) { error in
            guard case let PackageError.brokenPart(path, XMLError.malformed(p, _, _, _)) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(path, url.path)
            XCTAssertEqual(p, rels)
        }
    }

    func testDoctypeIsRefused() throws {
        let wb = try Workbench(name)
        let url = wb.folder.appendingPathComponent("doctype.docx")
        var parts = Fixture.docxParts(body: Body(.docx).p("&x;"), header: "", footer: "")
        let i = parts.firstIndex { $0.name == "word/document.xml" }!
        var xml = String(decoding: parts[i].data, as: UTF8.self)
        xml = xml.replacingOccurrences(of: "<w:document ", with: "<!DOCTYPE w:document [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<w:document ")
        parts[i].data = Data(xml.utf8)
        try OfficePackage.create(at: url, parts: parts)
        XCTAssertThrowsError(try Template(contentsOf: url)) { error in
            guard case let PackageError.brokenPart(path, xmlError) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(path, url.path)
            XCTAssertEqual(xmlError, .doctypeNotAllowed(part: "word/document.xml"))
        }
    }

    func testNotAnOfficeFile() throws {
        let wb = try Workbench(name)
        let url = wb.folder.appendingPathComponent("plain.docx")
        try Data("hello".utf8).write(to: url)
        XCTAssertThrowsError(try Template(contentsOf: url)) { error in
            XCTAssertTrue("\(error)".contains("cannot open the file as a zip package"), "\(error)")
        }
    }
}
