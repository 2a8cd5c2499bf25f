import OfficePackage
import ITAReports
import OfficeXML
import TemplateEngine
import XCTest

/// What a filled file is as a zip: untouched parts copied as they were, ODF's mimetype first and stored.
final class PackageOutputTests: XCTestCase {
    func zipInfo(_ url: URL) throws -> [String: [Int]] {
        let script = """
        import sys, zipfile, json
        with zipfile.ZipFile(sys.argv[1]) as z:
            assert z.testzip() is None
            print(json.dumps({i.filename: [i.compress_type, i.compress_size, i.CRC] for i in z.infolist()}))
        """
        guard let r = RealClients.run("python3", ["-c", script, url.path]), r.status == 0 else {
            XCTFail("python3 is needed to read zip headers")
            return [:]
        }
        return try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: [Int]] ?? [:]
    }

    func testUntouchedPartsAreCopiedRawFromATemplateZippedAtLevel1() throws {
        let wb = try Workbench(name)
        for kind in [PackageKind.docx, .odt] {
            let b = Body(kind)
            var parts = kind == .docx ? Fixture.docxParts(body: b.p("{{a}}"), header: b.p("h"), footer: b.p("f"))
                : Fixture.odtParts(body: b.p("{{a}}"), header: b.p("h"), footer: b.p("f"))
            let filler = String(repeating: "<!-- บันทึก ", count: 1).appending((0..<3000).map { "\($0 * 7919 % 10007)" }.joined(separator: " ")) + " -->"
            let big = kind == .docx ? "word/settings-extra.xml" : "meta.xml"
            if let i = parts.firstIndex(where: { $0.name == big }) { parts[i].data += Data(filler.utf8) } else {
                parts.append((big, Data(("<x>" + filler + "</x>").utf8)))
            }
            let src = wb.folder.appendingPathComponent("parts-\(kind.rawValue)")
            for p in parts {
                let u = src.appendingPathComponent(p.name)
                try FileManager.default.createDirectory(at: u.deletingLastPathComponent(), withIntermediateDirectories: true)
                try p.data.write(to: u)
            }
            let template = wb.folder.appendingPathComponent("level1-\(kind.rawValue)-template.\(kind.rawValue)")
            let script = """
            import sys, zipfile, os
            src, out, names = sys.argv[1], sys.argv[2], sys.argv[3:]
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
                for n in names:
                    z.write(os.path.join(src, n), n, compress_type=zipfile.ZIP_STORED if n == "mimetype" else zipfile.ZIP_DEFLATED)
            """
            let r = RealClients.run("python3", ["-c", script, src.path, template.path] + parts.map(\.name))
            XCTAssertEqual(r?.status, 0, r?.stderr ?? "python3 is needed")
            let out = try wb.fill(template, ["a": "ค่า"])
            let before = try zipInfo(template), after = try zipInfo(out.url)
            XCTAssertEqual(after[big], before[big], "\(kind): \(big) keeps its level-1 compression and CRC")
            XCTAssertNotEqual(after[out.mainPart]?[2], before[out.mainPart]?[2], "the filled part changed")
            if kind == .odt {
                XCTAssertEqual(out.package.partNames.first, "mimetype")
                XCTAssertEqual(out.package.entries.first?.method, 0, "stored")
            }
            XCTAssertEqual(out.package.partNames, try OfficePackage(contentsOf: template).partNames, "same parts, same order")
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: wb.folder.path).filter { $0.hasSuffix(".tmp") }
        XCTAssertEqual(leftovers, [])
        wb.checkWithRealClients()
    }

    /// `finishPart` sees each filled part's tree before it is written, and what it changes is written.
    func testFinishPartChangesEachFilledPartBeforeItIsWritten() throws {
        let wb = try Workbench(name)
        for kind in [PackageKind.docx, .odt] {
            let b = Body(kind)
            let t = try wb.template(kind, body: b.p("{{a}}"), header: b.p("หัว {{a}}"), footer: b.p("ท้าย"))
            let seen = Seen()
            var options = RenderOptions()
            options.finishPart = { name, doc in
                seen.add(name)
                doc.root?.walk { node in
                    if node.isText, node.text.contains("ค่า") { node.text = node.text.replacingOccurrences(of: "ค่า", with: "แก้แล้ว") }
                    return true
                }
            }
            let out = try wb.fill(t, ["a": "ค่า"], options: options)
            let main = kind == .docx ? "word/document.xml" : "content.xml"
            XCTAssertTrue(seen.names.contains(main), "\(kind): \(seen.names)")
            XCTAssertTrue(String(decoding: try out.package.read(main), as: UTF8.self).contains("แก้แล้ว"))
            XCTAssertFalse(String(decoding: try out.package.read(main), as: UTF8.self).contains("ค่า"))
        }
    }

    private final class Seen: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [String] = []
        func add(_ name: String) { lock.lock(); list.append(name); lock.unlock() }
        var names: [String] { lock.lock(); defer { lock.unlock() }; return list }
    }

    /// A text part without tags (an ODT's styles.xml, a DOCX footer) is copied raw: never parsed,
    /// rewritten or deflated again by a fill; Thai digits, which change its static text, do rewrite it.
    /// Pictures added by a fill are stored, not deflated again.
    func testPartsWithoutTagsAreCopiedRawAndPicturesStored() throws {
        let wb = try Workbench(name)
        try Pictures.png(width: 8, height: 8).write(to: wb.folder.appendingPathComponent("p.png"))
        for kind in [PackageKind.docx, .odt] {
            let b = Body(kind)
            let t = try wb.template(kind, body: b.p("{{a}} {{image p}}"), header: b.p("หัว 1"), footer: b.p("ท้าย 2"))
            let untouched = kind == .docx ? "word/footer1.xml" : "styles.xml"
            let before = try zipInfo(t)
            let out = try wb.fill(t, ["a": "ค่า", "p": "p.png"], options: RenderOptions(assetRoot: wb.folder))
            let after = try zipInfo(out.url)
            XCTAssertEqual(after[untouched], before[untouched], "\(kind): \(untouched) copied raw")
            let picture = try XCTUnwrap(after.first { $0.key.contains("itaimg") })
            XCTAssertEqual(picture.value[0], 0, "\(kind): the picture is stored")
            let thai = try wb.fill(t, ["a": "ค่า", "p": "p.png"], options: RenderOptions(digits: .thai, assetRoot: wb.folder))
            XCTAssertNotEqual(try zipInfo(thai.url)[untouched]?[2], before[untouched]?[2], "\(kind): Thai digits rewrite it")
            XCTAssertTrue(try String(decoding: thai.package.read(untouched), as: UTF8.self).contains(kind == .docx ? "ท้าย ๒" : "หัว ๑"))
        }
        wb.checkWithRealClients()
    }
}
