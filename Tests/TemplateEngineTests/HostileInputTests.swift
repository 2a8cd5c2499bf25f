import Foundation
import OfficePackage
import OfficeXML
@_spi(Fuzzing) import TemplateEngine
import XCTest

/// Templates, data and pictures made to hurt: each ends in a clear error or a right result, never in a
/// crash, a hang or unbounded memory.
final class HostileInputTests: XCTestCase {
    let kinds: [PackageKind] = [.docx, .odt]

    func part(_ kind: PackageKind) -> String { kind == .docx ? "word/document.xml" : "content.xml" }

    /// Writes a package of `parts` with python's zipfile, every part stored (not deflated), so that bytes
    /// of a part can be found and changed in the file.
    func writeStored(_ parts: [(name: String, data: Data)], to url: URL) throws {
        let src = url.deletingPathExtension().appendingPathExtension("parts")
        for p in parts {
            let u = src.appendingPathComponent(p.name)
            try FileManager.default.createDirectory(at: u.deletingLastPathComponent(), withIntermediateDirectories: true)
            try p.data.write(to: u)
        }
        let script = """
        import sys, zipfile, os
        src, out, names = sys.argv[1], sys.argv[2], sys.argv[3:]
        with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as z:
            for n in names:
                z.write(os.path.join(src, n), n)
        """
        let r = RealClients.run("python3", ["-c", script, src.path, url.path] + parts.map(\.name))
        XCTAssertEqual(r?.status, 0, r?.stderr ?? "python3 is needed")
    }

    func parts(_ kind: PackageKind, body: String) -> [(name: String, data: Data)] {
        let b = Body(kind)
        return kind == .docx ? Fixture.docxParts(body: body, header: b.p("h"), footer: b.p("f"))
            : Fixture.odtParts(body: body, header: b.p("h"), footer: b.p("f"))
    }

    // MARK: packages

    /// An untouched part whose bytes no longer match its CRC used to be copied into every output as it
    /// was; Word and LibreOffice then refused the file.
    func testUntouchedPartWithABadCRCIsRefusedAtLoad() throws {
        let wb = try Workbench(name)
        for kind in kinds {
            var ps = parts(kind, body: Body(kind).p("{{a}}"))
            ps.append(("extra/marker.xml", Data("<x>UNIQUEMARKER</x>".utf8)))
            let url = wb.folder.appendingPathComponent("crc-\(kind.rawValue)-template.\(kind.rawValue)")
            try writeStored(ps, to: url)
            var bytes = try Data(contentsOf: url)
            let marker = Data("UNIQUEMARKER".utf8)
            let at = try XCTUnwrap(bytes.range(of: marker))
            bytes[at.upperBound - 1] = UInt8(ascii: "S")
            try bytes.write(to: url)
            XCTAssertThrowsError(try Template(contentsOf: url)) { error in
                let text = "\(error)"
                XCTAssertTrue(text.contains(url.path) && text.contains("extra/marker.xml") && text.contains("damaged"), text)
            }
        }
    }

    func testUntouchedPartWithNamespaceErrorsIsRefusedAtLoad() throws {
        let wb = try Workbench(name)
        for kind in kinds {
            var ps = parts(kind, body: Body(kind).p("{{a}}"))
            let name = kind == .docx ? "word/settings.xml" : "settings.xml"
            ps.append((name, Data("<?xml version=\"1.0\"?>\n<w:settings><w:zoom w:percent=\"100\"/></w:settings>".utf8)))
            let url = wb.folder.appendingPathComponent("ns-\(kind.rawValue)-template.\(kind.rawValue)")
            try OfficePackage.create(at: url, parts: ps)
            XCTAssertThrowsError(try Template(contentsOf: url)) { error in
                guard case let PackageError.brokenPart(path, XMLError.namespace(p, line, _, _)) = error else { return XCTFail("\(error)") }
                XCTAssertEqual(path, url.path)
                XCTAssertEqual(p, name)
                XCTAssertEqual(line, 2)
                XCTAssertTrue("\(error)".contains("save it again"), "\(error)")
            }
        }
    }

    /// A billion-laughs DOCTYPE whose entity sits in an attribute never finished (gigabytes); in text, and
    /// a DOCTYPE naming an outside DTD, are refused the same way, in the body and in an untouched part.
    func testBillionLaughsInAnAttributeIsRefused() throws {
        let wb = try Workbench(name)
        var decls = "<!ENTITY l0 \"lollollollollollollollollollol\">"
        for n in 1...15 { decls += "<!ENTITY l\(n) \"" + String(repeating: "&l\(n - 1);", count: 10) + "\">" }
        let doctypes = ["<!DOCTYPE lolz [\(decls)]>\n", "<!DOCTYPE lolz SYSTEM \"http://example.invalid/lolz.dtd\">\n"]
        for kind in kinds {
            let root = kind == .docx ? "<w:document " : "<office:document-content "
            for (label, doctype, inAttribute) in [("attr", doctypes[0], true), ("text", doctypes[0], false), ("dtd", doctypes[1], false)] {
                var ps = parts(kind, body: Body(kind).p(inAttribute ? "x" : "LOLHERE"))
                let i = try XCTUnwrap(ps.firstIndex { $0.name == part(kind) })
                var xml = String(decoding: ps[i].data, as: UTF8.self)
                xml = xml.replacingOccurrences(of: root, with: doctype + root)
                xml = inAttribute ? xml.replacingOccurrences(of: root, with: root + "lol=\"&l15;\" ") : xml.replacingOccurrences(of: "LOLHERE", with: "&l15;")
                ps[i].data = Data(xml.utf8)
                let url = wb.folder.appendingPathComponent("lol-\(label)-\(kind.rawValue)-template.\(kind.rawValue)")
                try OfficePackage.create(at: url, parts: ps)
                XCTAssertThrowsError(try Template(contentsOf: url), label) { error in
                    guard case let PackageError.brokenPart(_, xmlError) = error else { return XCTFail("\(error)") }
                    XCTAssertEqual(xmlError, .doctypeNotAllowed(part: part(kind)))
                }
            }
            // In a part the fill never touches.
            var ps = parts(kind, body: Body(kind).p("x"))
            ps.append(("extra/lol.xml", Data("<?xml version=\"1.0\"?>\n\(doctypes[0])<x a=\"&l15;\">&l15;</x>".utf8)))
            let url = wb.folder.appendingPathComponent("lol-untouched-\(kind.rawValue)-template.\(kind.rawValue)")
            try OfficePackage.create(at: url, parts: ps)
            XCTAssertThrowsError(try Template(contentsOf: url)) { error in
                guard case let PackageError.brokenPart(_, xmlError) = error else { return XCTFail("\(error)") }
                XCTAssertEqual(xmlError, .doctypeNotAllowed(part: "extra/lol.xml"))
            }
        }
    }

    // MARK: nesting and size

    func testBlocksNestedTooDeepAreRefusedWithOneClearError() throws {
        let wb = try Workbench(name)
        for kind in kinds {
            let b = Body(kind)
            // Thousands of nested blocks over paragraphs (30,000 overflowed the stack), and 10,000 in one paragraph (50,000 took minutes).
            let paragraphs = String(repeating: b.p("{{#if a}}"), count: 5_000) + b.p("x") + String(repeating: b.p("{{/if}}"), count: 5_000)
            let inline = b.p(String(repeating: "{{#if a}}", count: 10_000) + "x" + String(repeating: "{{/if}}", count: 10_000))
            for body in [paragraphs, inline] {
                let url = try wb.template(kind, body: body)
                XCTAssertThrowsError(try Template(contentsOf: url)) { error in
                    guard case let TemplateError.invalidTemplate(_, problems) = error else { return XCTFail("\(error)") }
                    XCTAssertEqual(problems.count, 1)
                    XCTAssertTrue("\(error)".contains("nest more than 100 deep"), "\(error)")
                }
            }
        }
    }

    func testBlocksNestedToTheLimitFill() throws {
        let wb = try Workbench(name)
        for kind in kinds {
            let b = Body(kind)
            // 100 nested loops of one item each: linear work, the innermost value printed once.
            var data: TemplateValue = ["v": "deep"]
            for _ in 0..<100 { data = ["xs": [data]] }
            let body = String(repeating: b.p("{{#each xs}}"), count: 100) + b.p("{{v}}") + String(repeating: b.p("{{/each}}"), count: 100)
            let out = try wb.fillBoth(try wb.template(kind, body: body), data)
            XCTAssertEqual(try out.paragraphs(), ["deep"])
        }
    }

    /// 30,000 nested blocks (one per paragraph) overflowed the stack; 2,000 nested loops of one item each
    /// took 3 GB. Both stop at load with the one nesting error, in time linear in the template.
    func testThirtyThousandAndTwoThousandNestedBlocksAreRefusedAtLoad() throws {
        let wb = try Workbench(name)
        for kind in kinds {
            let b = Body(kind)
            for (depth, open, close) in [(30_000, "{{#if a}}", "{{/if}}"), (2_000, "{{#each xs}}", "{{/each}}")] {
                let body = String(repeating: b.p(open), count: depth) + b.p("{{v}}") + String(repeating: b.p(close), count: depth)
                XCTAssertThrowsError(try Template(contentsOf: try wb.template(kind, body: body)), "\(kind) \(depth)") { error in
                    guard case let TemplateError.invalidTemplate(_, problems) = error else { return XCTFail("\(error)") }
                    XCTAssertEqual(problems.count, 1)
                    XCTAssertTrue("\(error)".contains("nest more than 100 deep"), "\(error)")
                }
            }
        }
    }

    /// 2,000 loops side by side, each over one item: each printed once, the work linear in the output.
    func testTwoThousandLoopsOfOneItemFill() throws {
        let wb = try Workbench(name)
        for kind in kinds {
            let b = Body(kind)
            var data: [String: TemplateValue] = [:]
            var body = ""
            for i in 0..<2_000 {
                data["xs\(i)"] = [["v": .string("v\(i)")]]
                body += b.p("{{#each xs\(i)}}") + b.p("{{v}}") + b.p("{{/each}}")
            }
            let out = try wb.fillBoth(try wb.template(kind, body: body), .object(data))
            XCTAssertEqual(try out.paragraphs(), (0..<2_000).map { "v\($0)" })
        }
    }

    /// Forty nested loops over a list of two (each inner {{#each xs}} finds the outer list again) would
    /// copy 2^40 times: the fill grew past a gigabyte within a minute. It stops at the bound on copied
    /// elements, lenient or not.
    func testLoopsInsideLoopsThatMultiplyWithoutEndAreStopped() throws {
        let wb = try Workbench(name)
        for kind in kinds {
            let b = Body(kind)
            // Over paragraphs in a DOCX, inside one paragraph in an ODT; strict and lenient alike.
            let body = kind == .docx
                ? String(repeating: b.p("{{#each xs}}"), count: 40) + b.p("{{this}}") + String(repeating: b.p("{{/each}}"), count: 40)
                : b.p(String(repeating: "{{#each xs}}", count: 40) + "{{this}}" + String(repeating: "{{/each}}", count: 40))
            XCTAssertThrowsError(try wb.fillBoth(try wb.template(kind, body: body), ["xs": [1, 2]], options: RenderOptions(lenient: kind == .odt)), "\(kind)") { error in
                guard case let TemplateError.tooLarge(_, problem) = error else { return XCTFail("\(error)") }
                XCTAssertTrue(problem.description.contains("loops copy more than 100000 elements"), problem.description)
            }
            // Ten levels (1,024 copies of the innermost paragraph) stay below the bound and fill.
            let ten = String(repeating: b.p("{{#each xs}}"), count: 10) + b.p("{{this}}") + String(repeating: b.p("{{/each}}"), count: 10)
            let out = try wb.fillBoth(try wb.template(kind, body: ten), ["xs": [1, 2]])
            XCTAssertEqual(try out.paragraphs().count, 1_024)
        }
    }

    /// Twenty thousand tags in one paragraph: cut in one pass (cutting the text per tag was quadratic).
    func testManyTagsInOneParagraph() throws {
        let wb = try Workbench(name)
        for kind in kinds {
            let b = Body(kind)
            let out = try wb.fillBoth(try wb.template(kind, body: b.p(String(repeating: "{{a}}-", count: 20_000))), ["a": "ก"])
            XCTAssertEqual(try out.paragraphs(), [String(repeating: "ก-", count: 20_000)])
        }
    }

    // MARK: picture sizes from data

    func testPictureLengthsFromDataAreBoundedByThePage() throws {
        let wb = try Workbench(name)
        try Pictures.png(width: 40, height: 20).write(to: wb.folder.appendingPathComponent("logo.png"))
        let bad: [(TemplateValue, String)] = [
            (.number(Decimal(string: "1e100")!), "1e+100"), (-5, "-5"), (0, "0"), (.number(Double.nan), "nan"),
            ("25cm", "25cm"), ("-2cm", "-2cm"), ("wide", "wide"),
        ]
        for kind in kinds {
            let t = try Template(contentsOf: try wb.template(kind, body: Body(kind).p("{{image logo width=w}}")))
            for (w, shown) in bad {
                XCTAssertThrowsError(try wb.fillBoth(t, ["logo": "logo.png", "w": w], options: RenderOptions(assetRoot: wb.folder)), "\(kind) \(w)") { error in
                    let text = "\(error)"
                    XCTAssertTrue(text.contains("'w'") || text.contains("width"), text)
                    XCTAssertTrue(text.contains(shown) || text.contains("not a length"), "\(shown): \(text)")
                }
            }
            // Within the page: fine.
            let out = try wb.fillBoth(t, ["logo": "logo.png", "w": 20], options: RenderOptions(assetRoot: wb.folder))
            XCTAssertEqual(out.package.partNames.filter { $0.contains("itaimg") }.count, 1)
        }
    }

    func testLiteralLengthLargerThanThePageIsATemplateError() throws {
        let wb = try Workbench(name)
        for kind in kinds {
            XCTAssertThrowsError(try Template(contentsOf: try wb.template(kind, body: Body(kind).p("{{image logo width=500cm}}")))) { error in
                XCTAssertTrue("\(error)".contains("larger than the page (21.0 × 29.7 cm)"), "\(error)")
            }
        }
    }

    /// A picture ten thousand times taller than wide, with no size given, shrinks to the page.
    func testDerivedSizeShrinksToThePage() throws {
        let wb = try Workbench(name)
        try Pictures.png(width: 1, height: 10_000).write(to: wb.folder.appendingPathComponent("tall.png"))
        let out = try wb.fillBoth(try wb.template(.docx, body: Body(.docx).p("{{image tall}}")), ["tall": "tall.png"], options: RenderOptions(assetRoot: wb.folder))
        let cy = try XCTUnwrap(Int(try out.select("//wp:inline/wp:extent").first?.attribute("cy") ?? ""))
        XCTAssertLessThanOrEqual(Double(cy) / 360_000, 16838.0 / 1440 * 2.54 + 1e-5, "the fixture's page is 16838 twips tall")
        XCTAssertGreaterThan(cy, 0)
    }

    // MARK: pictures

    func testDamagedAndAbsurdPicturesAreRefused() throws {
        let wb = try Workbench(name)
        let png = [UInt8](Pictures.png(width: 40, height: 20))
        let jpeg = [UInt8](Pictures.jpeg(width: 16, height: 16))
        func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
            let td = Array(type.utf8) + data
            return Pictures.be32(UInt32(data.count)) + td + Pictures.be32(Pictures.crc32(td))
        }
        let signature = Array(png[0..<8])
        var badCRC = png
        badCRC[40] ^= 0xFF
        let huge = signature + chunk("IHDR", Pictures.be32(100_000) + Pictures.be32(100_000) + [8, 2, 0, 0, 0]) + chunk("IDAT", [0x78, 0x01]) + chunk("IEND", [])
        let zeroSize = signature + chunk("IHDR", Pictures.be32(0) + Pictures.be32(5) + [8, 2, 0, 0, 0]) + chunk("IDAT", [0x78, 0x01]) + chunk("IEND", [])
        let noData = signature + chunk("IHDR", Pictures.be32(4) + Pictures.be32(4) + [8, 2, 0, 0, 0]) + chunk("IEND", [])
        var jpegZero = jpeg
        if let sof = (0..<(jpeg.count - 1)).first(where: { jpeg[$0] == 0xFF && jpeg[$0 + 1] == 0xC0 }) { jpegZero[sof + 5] = 0; jpegZero[sof + 6] = 0 }
        var jpegHuge = jpeg
        if let sof = (0..<(jpeg.count - 1)).first(where: { jpeg[$0] == 0xFF && jpeg[$0 + 1] == 0xC0 }) { for k in 5...8 { jpegHuge[sof + k] = 0xFF } }
        let cases: [(String, [UInt8], String)] = [
            ("truncated.png", Array(png.prefix(png.count - 20)), "cut short"),
            ("badcrc.png", badCRC, "CRC"),
            ("huge.png", huge, "100000 × 100000 pixels"),
            ("zero.png", zeroSize, "0 × 5"),
            ("nodata.png", noData, "no image data"),
            ("truncated.jpg", Array(jpeg.prefix(jpeg.count - 2)), "cut short"),
            ("zero.jpg", jpegZero, "16 × 0"),
            ("headeronly.jpg", [0xFF, 0xD8, 0xFF], "cut short"),
            ("huge.jpg", jpegHuge, "65535 × 65535 pixels"),
        ]
        for (file, bytes, _) in cases { try Data(bytes).write(to: wb.folder.appendingPathComponent(file)) }
        // A 1 GB file with a PNG header (sparse: no disk used) is refused without being read.
        let big = wb.folder.appendingPathComponent("big.png")
        try Data(signature).write(to: big)
        let h = try FileHandle(forWritingTo: big)
        try h.truncate(atOffset: 1 << 30)
        try h.close()
        defer { try? FileManager.default.removeItem(at: big) }
        let others: [(String, String)] = [("big.png", "limited to 25 MB"), ("/dev/zero", "not a regular file"), (wb.folder.path, "not a regular file")]
        for kind in kinds {
            let t = try Template(contentsOf: try wb.template(kind, body: Body(kind).p("{{image pic}}")))
            for (file, message) in cases.map({ ($0.0, $0.2) }) + others {
                XCTAssertThrowsError(try wb.fillBoth(t, ["pic": .string(file)], options: RenderOptions(assetRoot: wb.folder)), file) { error in
                    XCTAssertTrue("\(error)".contains(message) && "\(error)".contains(file), "\(file): \(error)")
                }
            }
            // Bytes given directly by a program are checked the same way.
            XCTAssertThrowsError(try wb.fillBoth(t, ["pic": .image(Data(badCRC))])) { error in
                XCTAssertTrue("\(error)".contains("CRC"), "\(error)")
            }
        }
    }

    // MARK: numbers no document can print

    /// A program may hand NaN (or an infinite Double, which becomes NaN as a Decimal) to the engine
    /// directly: the fill stops naming the value, as for missing data, instead of printing "NaN".
    func testNumbersThatAreNotFiniteFromAProgramAreRefusedByName() throws {
        let wb = try Workbench(name)
        for kind in kinds {
            let b = Body(kind)
            let t = try Template(contentsOf: try wb.template(kind, body: b.ps("{{x}}", "{{x | number:2}}", "{{#each rows}}{{score}}{{/each}}", "{{list | join:\", \"}}")))
            let data: TemplateValue = ["x": .number(Double.nan), "rows": [["score": .number(Double.infinity)]], "list": [1, .number(-Double.infinity)]]
            XCTAssertThrowsError(try wb.fillBoth(t, data)) { error in
                let text = "\(error)"
                for name in ["'x'", "'score'", "'list'"] { XCTAssertTrue(text.contains(name) && text.contains("not a finite number"), "\(name): \(text)") }
                XCTAssertFalse(text.contains("NaN"), text)
            }
            // Lenient fills leave them empty and say so.
            let out = try wb.fillBoth(t, data, options: RenderOptions(lenient: true))
            XCTAssertEqual(try out.paragraphs(), ["", "", "", ""])
        }
    }
}

extension Workbench {
    /// Fills through the compiled program and through the document tree (the path of parts the program
    /// does not express): both must end alike, with the same bytes or the same error, so every hostile
    /// case is bounded on both paths. Returns the compiled fill, read back.
    func fillBoth(_ t: Template, _ data: TemplateValue, options: RenderOptions = RenderOptions(), file: StaticString = #filePath, line: UInt = #line) throws -> Filled {
        let compiled = Result { try t.render(data, options: options, compiled: true) }
        let tree = Result { try t.render(data, options: options, compiled: false) }
        switch (compiled, tree) {
        case let (.success(a), .success(b)):
            XCTAssertEqual(a.changes.replaced, b.changes.replaced, "the tree path wrote other parts", file: file, line: line)
            XCTAssertEqual(a.changes.added.map(\.name), b.changes.added.map(\.name), file: file, line: line)
            XCTAssertEqual(a.changes.added.map(\.data), b.changes.added.map(\.data), file: file, line: line)
            XCTAssertEqual(a.report.warnings, b.report.warnings, file: file, line: line)
        case let (.failure(a), .failure(b)):
            XCTAssertEqual("\(a)", "\(b)", "the tree path ends in another error", file: file, line: line)
        case let (.success, .failure(b)):
            XCTFail("only the tree path fails: \(b)", file: file, line: line)
        case let (.failure(a), .success):
            XCTFail("only the compiled path fails: \(a)", file: file, line: line)
        }
        return try fill(t, data, options: options)
    }

    func fillBoth(_ template: URL, _ data: TemplateValue, options: RenderOptions = RenderOptions(), file: StaticString = #filePath, line: UInt = #line) throws -> Filled {
        try fillBoth(try Template(contentsOf: template), data, options: options, file: file, line: line)
    }
}
