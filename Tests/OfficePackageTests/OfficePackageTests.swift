import Foundation
@testable import OfficePackage
import XCTest

/// The zip layer: reading, raw copies of untouched parts, ODF's mimetype, limits, unsafe names, atomic writes.
final class OfficePackageTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("itareport-pkg-\(ProcessInfo.processInfo.processIdentifier)-\(name.filter(\.isLetter))")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    let docxParts: [(name: String, data: Data)] = [
        ("[Content_Types].xml", Data(#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>"#.utf8)),
        ("word/document.xml", Data("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>".utf8)),
    ]

    /// Runs a Python script (zipfile builds archives our writer refuses to make).
    func python(_ script: String, _ args: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", script] + args
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0, "python3 failed: \(script)")
        return String(decoding: data, as: UTF8.self)
    }

    func testReadKindAndParts() throws {
        let url = folder.appendingPathComponent("a.docx")
        try OfficePackage.create(at: url, parts: docxParts)
        let pkg = try OfficePackage(contentsOf: url)
        XCTAssertEqual(pkg.kind, .docx)
        XCTAssertEqual(pkg.partNames, ["[Content_Types].xml", "word/document.xml"])
        XCTAssertEqual(try pkg.read("word/document.xml"), docxParts[1].data)
        XCTAssertThrowsError(try pkg.read("word/nothing.xml")) { XCTAssertTrue("\($0)".contains("no part 'word/nothing.xml'")) }
    }

    func testUntouchedPartsAreCopiedRawAndChangedPartsDeflated() throws {
        let url = folder.appendingPathComponent("level1.docx")
        // Zipped at level 1: a re-compression at the default level would give other sizes.
        let script = """
        import sys, zipfile
        text = "".join(f"<w:p><w:r><w:t>บรรทัด {i} ข้อความทดสอบ {i*i % 97}</w:t></w:r></w:p>" for i in range(3000))
        with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
            z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
            z.writestr("word/document.xml", '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>')
            z.writestr("word/styles.xml", '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' + text + '</w:styles>')
            z.writestr("word/media/stored.bin", bytes(range(256)) * 40, compress_type=zipfile.ZIP_STORED)
        """
        _ = try python(script, [url.path])
        let pkg = try OfficePackage(contentsOf: url)
        let out = folder.appendingPathComponent("out.docx")
        var changes = PackageChanges()
        changes.replaced["word/document.xml"] = Data("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body/></w:document>".utf8)
        changes.added.append(("word/media/new.png", Data([1, 2, 3])))
        try pkg.write(to: out, changes: changes)

        let info = """
        import sys, zipfile, json
        with zipfile.ZipFile(sys.argv[1]) as z:
            assert z.testzip() is None
            print(json.dumps({i.filename: [i.compress_type, i.compress_size, i.CRC, i.file_size] for i in z.infolist()}))
        """
        let before = try JSONSerialization.jsonObject(with: Data(python(info, [url.path]).utf8)) as! [String: [Int]]
        let after = try JSONSerialization.jsonObject(with: Data(python(info, [out.path]).utf8)) as! [String: [Int]]
        XCTAssertEqual(after["word/styles.xml"], before["word/styles.xml"], "same method, compressed size, CRC and size")
        XCTAssertEqual(after["word/media/stored.bin"], before["word/media/stored.bin"], "a stored part stays stored")
        XCTAssertEqual(after["word/document.xml"]?[0], 8, "a changed part is deflated")
        XCTAssertNotNil(after["word/media/new.png"])
        let reread = try OfficePackage(contentsOf: out)
        XCTAssertEqual(try reread.read("word/styles.xml"), try pkg.read("word/styles.xml"))
        XCTAssertEqual(reread.partNames.prefix(4), ["[Content_Types].xml", "word/document.xml", "word/styles.xml", "word/media/stored.bin"], "order kept")
    }

    /// libzip reads raw copies only when the archive is closed: the writer keeps their source open until then.
    func testRawCopyOutlivesItsReader() throws {
        let url = folder.appendingPathComponent("a.docx")
        try OfficePackage.create(at: url, parts: docxParts)
        let pkg = try OfficePackage(contentsOf: url)
        let out = folder.appendingPathComponent("copy.docx")
        let writer = try ZipWriter(path: out.path)
        do {
            let reader = try ZipReader(data: pkg.bytes, path: pkg.path)
            for e in pkg.entries { try writer.addRaw(from: reader, entry: e) }
        }
        try writer.close()
        let copy = try OfficePackage(contentsOf: out)
        XCTAssertEqual(try copy.read("word/document.xml"), docxParts[1].data)
    }

    /// A picture that replaces one of the package's, or is added beside its parts, is stored: PNG and
    /// JPEG are compressed already.
    func testPicturesWrittenByChangesAreStored() throws {
        let url = folder.appendingPathComponent("pictures.docx")
        try OfficePackage.create(at: url, parts: docxParts + [("word/media/image1.png", Data(repeating: 7, count: 4096))])
        let pkg = try OfficePackage(contentsOf: url)
        XCTAssertNotEqual(pkg.entries.first { $0.name == "word/media/image1.png" }?.method, 0, "deflated in the original")
        var changes = PackageChanges()
        changes.replaced["word/media/image1.png"] = Data(repeating: 8, count: 4096)
        changes.replaced["word/media/new.JPG"] = Data(repeating: 9, count: 4096)
        changes.replaced["word/document.xml"] = docxParts[1].data
        let out = folder.appendingPathComponent("pictures-out.docx")
        try pkg.write(to: out, changes: changes)
        let written = try OfficePackage(contentsOf: out)
        XCTAssertEqual(written.entries.first { $0.name == "word/media/image1.png" }?.method, 0, "a replaced picture is stored")
        XCTAssertEqual(written.entries.first { $0.name == "word/media/new.JPG" }?.method, 0, "a new picture is stored")
        XCTAssertNotEqual(written.entries.first { $0.name == "word/document.xml" }?.method, 0, "XML is deflated")
        XCTAssertEqual(try written.read("word/media/image1.png"), Data(repeating: 8, count: 4096))
    }

        func testMimetypeIsFirstAndStored() throws {
        let url = folder.appendingPathComponent("bad-order.odt")
        // A package with the mimetype second and deflated, as careless zip tools make them.
        let script = """
        import sys, zipfile
        with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("content.xml", '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>')
            z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
            z.writestr("META-INF/manifest.xml", '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>')
        """
        _ = try python(script, [url.path])
        let pkg = try OfficePackage(contentsOf: url)
        XCTAssertEqual(pkg.kind, .odt)
        let out = folder.appendingPathComponent("out.odt")
        try pkg.write(to: out, changes: PackageChanges())
        let bytes = [UInt8](try Data(contentsOf: out))
        XCTAssertEqual(Array(bytes[0..<4]), [0x50, 0x4B, 0x03, 0x04])
        XCTAssertEqual(Int(bytes[8]) | Int(bytes[9]) << 8, 0, "stored")
        let nameLength = Int(bytes[26]) | Int(bytes[27]) << 8
        let extraLength = Int(bytes[28]) | Int(bytes[29]) << 8
        XCTAssertEqual(String(decoding: bytes[30..<(30 + nameLength)], as: UTF8.self), "mimetype")
        XCTAssertEqual(extraLength, 0, "no extra field, so the media type sits at byte 38")
        XCTAssertEqual(String(decoding: bytes[38..<(38 + 39)], as: UTF8.self), "application/vnd.oasis.opendocument.text")

        let created = folder.appendingPathComponent("created.odt")
        try OfficePackage.create(at: created, parts: [("mimetype", Data("application/vnd.oasis.opendocument.text".utf8)), ("content.xml", Data("<a/>".utf8))])
        let c = [UInt8](try Data(contentsOf: created))
        XCTAssertEqual(Int(c[8]), 0)
        XCTAssertEqual(String(decoding: c[30..<38], as: UTF8.self), "mimetype")
    }

    func testUnsafeEntryNamesAreRefused() throws {
        for name in ["../evil.xml", "word/../../evil.xml", "/etc/evil.xml"] {
            let url = folder.appendingPathComponent("unsafe.docx")
            let script = """
            import sys, zipfile
            with zipfile.ZipFile(sys.argv[1], "w") as z:
                z.writestr("[Content_Types].xml", "<Types/>")
                z.writestr("word/document.xml", "<w:document/>")
                info = zipfile.ZipInfo("placeholder")
                info.filename = sys.argv[2]
                z.writestr(info, "x")
            """
            _ = try python(script, [url.path, name])
            XCTAssertThrowsError(try OfficePackage(contentsOf: url), name) { error in
                XCTAssertTrue("\(error)".contains("refused"), "\(error)")
                XCTAssertTrue("\(error)".contains(name), "\(error)")
            }
        }
        XCTAssertThrowsError(try OfficePackage.create(at: folder.appendingPathComponent("x.docx"), parts: [("../x", Data())]))
    }

    func testSizeLimitIsEnforced() throws {
        let url = folder.appendingPathComponent("big.docx")
        var parts = docxParts
        parts.append(("word/media/big.bin", Data(count: 200_000)))
        try OfficePackage.create(at: url, parts: parts)
        XCTAssertThrowsError(try OfficePackage(contentsOf: url, limits: PackageLimits(maxTotalBytes: 100_000))) { error in
            XCTAssertTrue("\(error)".contains("more than the limit of 100000 bytes"), "\(error)")
        }
        XCTAssertThrowsError(try OfficePackage(contentsOf: url, limits: PackageLimits(maxEntries: 2))) { error in
            XCTAssertTrue("\(error)".contains("entries"), "\(error)")
        }
        XCTAssertNoThrow(try OfficePackage(contentsOf: url))
    }

    /// A package file past `maxFileBytes` (a gigabyte, sparse here) is refused from its size, before it is
    /// read (it was read whole and copied once more for libzip: 2 GB); a folder, a pipe or a device is
    /// refused without being opened (opening a pipe waits for a writer).
    func testFilesTooLargeOrNotRegularAreRefusedBeforeReading() throws {
        let big = folder.appendingPathComponent("big.docx")
        try Data("PK\u{3}\u{4}".utf8).write(to: big)
        let h = try FileHandle(forWritingTo: big)
        try h.truncate(atOffset: 1 << 30)
        try h.close()
        XCTAssertThrowsError(try OfficePackage(contentsOf: big)) { error in
            guard case let PackageError.fileTooLarge(path, bytes, limit) = error else { return XCTFail("\(error)") }
            XCTAssertEqual([path, "\(bytes)", "\(limit)"], [big.path, "\(1 << 30)", "\(128 << 20)"])
            XCTAssertTrue("\(error)".contains("more than the limit of 134217728 bytes"), "\(error)")
        }
        let small = folder.appendingPathComponent("small.docx")
        try OfficePackage.create(at: small, parts: docxParts)
        XCTAssertNoThrow(try OfficePackage(contentsOf: small))
        XCTAssertThrowsError(try OfficePackage(contentsOf: small, limits: PackageLimits(maxFileBytes: 100))) { error in
            guard case PackageError.fileTooLarge = error else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try OfficePackage(data: try Data(contentsOf: small), path: "mem.docx", limits: PackageLimits(maxFileBytes: 100)))
        let fifo = folder.appendingPathComponent("pipe.docx")
        XCTAssertEqual(mkfifo(fifo.path, 0o600), 0)
        for path in [folder.path, fifo.path, "/dev/zero"] {
            XCTAssertThrowsError(try OfficePackage(contentsOf: URL(fileURLWithPath: path)), path) { error in
                XCTAssertTrue("\(error)".contains("\(path): cannot open") && "\(error)".contains("not a regular file"), "\(error)")
            }
        }
    }

    /// Parts nothing parses are checked in pieces: 300 MB of zeros deflated to 300 KB loads (it was read
    /// whole into memory to check its CRC); a part whose stream holds more or fewer bytes than its header
    /// claims, or other bytes, is refused as damaged.
    func testUntouchedPartsAreCheckedInPieces() throws {
        let script = """
        import sys, zipfile, struct
        out, mode = sys.argv[1], sys.argv[2]
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
            z.writestr("word/document.xml", '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>')
            info = zipfile.ZipInfo("word/media/zeros.bin")
            info.compress_type = zipfile.ZIP_DEFLATED
            if mode == "big":
                with z.open(info, "w") as f:
                    for _ in range(300):
                        f.write(bytes(1 << 20))
            else:
                z.writestr(info, bytes(1 << 20))
        if mode != "big":
            b = bytearray(open(out, "rb").read())
            claimed = {"shorter": 1024, "longer": 2 << 20}.get(mode)
            for sig, size_at, name_len_at, name_at in [(b"PK\\x03\\x04", 22, 26, 30), (b"PK\\x01\\x02", 24, 28, 46)]:
                i = b.find(sig)
                while i >= 0:
                    n = struct.unpack("<H", b[i + name_len_at:i + name_len_at + 2])[0]
                    if b[i + name_at:i + name_at + n] == b"word/media/zeros.bin":
                        if claimed: b[i + size_at:i + size_at + 4] = struct.pack("<I", claimed)
                        else: b[i + size_at - 8:i + size_at - 4] = struct.pack("<I", 12345)
                    i = b.find(sig, i + 4)
            open(out, "wb").write(bytes(b))
        """
        let big = folder.appendingPathComponent("big.docx")
        _ = try python(script, [big.path, "big"])
        let pkg = try OfficePackage(contentsOf: big)
        XCTAssertNoThrow(try pkg.verify())
        XCTAssertEqual(pkg.entries.first { $0.name == "word/media/zeros.bin" }?.size, 300 << 20)
        for mode in ["shorter", "longer", "crc"] {
            let url = folder.appendingPathComponent("\(mode).docx")
            _ = try python(script, [url.path, mode])
            XCTAssertThrowsError(try OfficePackage(contentsOf: url).verify(), mode) { error in
                XCTAssertTrue("\(error)".contains("word/media/zeros.bin") && "\(error)".contains("damaged"), "\(mode): \(error)")
            }
        }
    }

    /// Thousands of entries: 19,000 load and are all checked; 20,001 are refused from the directory alone.
    func testThousandsOfEntries() throws {
        let script = """
        import sys, zipfile
        with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
            z.writestr("word/document.xml", '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>')
            for i in range(int(sys.argv[2])):
                z.writestr("word/media/e%05d.xml" % i, "<e/>")
        """
        let ok = folder.appendingPathComponent("many.docx")
        _ = try python(script, [ok.path, "18998"])
        let pkg = try OfficePackage(contentsOf: ok)
        XCTAssertEqual(pkg.entries.count, 19_000)
        XCTAssertNoThrow(try pkg.verify())
        let tooMany = folder.appendingPathComponent("toomany.docx")
        _ = try python(script, [tooMany.path, "19999"])
        XCTAssertThrowsError(try OfficePackage(contentsOf: tooMany)) { error in
            XCTAssertTrue("\(error)".contains("20001 entries, more than the limit of 20000"), "\(error)")
        }
    }

    func testWritesAreAtomicAndNeverOverTheSource() throws {
        let url = folder.appendingPathComponent("a.docx")
        try OfficePackage.create(at: url, parts: docxParts)
        let pkg = try OfficePackage(contentsOf: url)
        XCTAssertThrowsError(try pkg.write(to: url, changes: PackageChanges())) { XCTAssertTrue("\($0)".contains("overwrite the template")) }
        let link = folder.appendingPathComponent("link.docx")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: url)
        XCTAssertThrowsError(try pkg.write(to: link, changes: PackageChanges()), "a link to the template is the template")

        // An existing output is replaced whole; a failed write leaves it as it was.
        let out = folder.appendingPathComponent("out.docx")
        try Data("old".utf8).write(to: out)
        var bad = PackageChanges()
        bad.added.append(("../escape.xml", Data()))
        XCTAssertThrowsError(try pkg.write(to: out, changes: bad))
        XCTAssertEqual(try Data(contentsOf: out), Data("old".utf8))
        try pkg.write(to: out, changes: PackageChanges())
        XCTAssertEqual(try OfficePackage(contentsOf: out).partNames, pkg.partNames)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(), ["a.docx", "link.docx", "out.docx"], "no temporary file left")
    }

    /// A part handed back with the bytes it had (a footer whose tags wrote what the template holds) is
    /// copied as the template stores it; a part that changed is deflated. Writing again from the same
    /// package (its archive kept from the first write) gives the same file.
    func testPartsWrittenBackUnchangedAreCopiedAsStored() throws {
        let url = folder.appendingPathComponent("stored.docx")
        let script = """
        import sys, zipfile
        with zipfile.ZipFile(sys.argv[1], 'w') as z:
            z.writestr(zipfile.ZipInfo('[Content_Types].xml'), sys.argv[2], compress_type=zipfile.ZIP_STORED)
            z.writestr(zipfile.ZipInfo('word/document.xml'), sys.argv[3], compress_type=zipfile.ZIP_STORED)
            z.writestr(zipfile.ZipInfo('word/footer1.xml'), sys.argv[4], compress_type=zipfile.ZIP_STORED)
        """
        let footer = Data("<w:ftr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:p/></w:ftr>".utf8)
        _ = try python(script, [url.path, String(decoding: docxParts[0].data, as: UTF8.self), String(decoding: docxParts[1].data, as: UTF8.self),
                                String(decoding: footer, as: UTF8.self)])
        let pkg = try OfficePackage(contentsOf: url)
        var changes = PackageChanges()
        changes.replaced["word/footer1.xml"] = footer
        let changed = Data("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body/></w:document>".utf8)
        changes.replaced["word/document.xml"] = changed
        let out = folder.appendingPathComponent("out.docx")
        try pkg.write(to: out, changes: changes)
        let first = try Data(contentsOf: out)
        let written = try OfficePackage(contentsOf: out)
        func method(_ name: String) -> Int32? { written.entries.first { $0.name == name }?.method }
        XCTAssertEqual(method("word/footer1.xml"), 0, "the unchanged part stays stored, as the template has it")
        XCTAssertEqual(method("word/document.xml"), 8, "the changed part is deflated")
        XCTAssertEqual(try written.read("word/footer1.xml"), footer)
        XCTAssertEqual(try written.read("word/document.xml"), changed)
        try pkg.write(to: out, changes: changes)
        XCTAssertEqual(try Data(contentsOf: out), first, "a second write from the kept archive gives the same file")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(), ["out.docx", "stored.docx"], "no temporary file left")
    }

    func testNotAnOfficePackage() throws {
        let url = folder.appendingPathComponent("other.zip")
        try OfficePackage.create(at: url, parts: [("readme.txt", Data("hi".utf8))])
        XCTAssertThrowsError(try OfficePackage(contentsOf: url)) { XCTAssertTrue("\($0)".contains("not a Word (DOCX) or OpenDocument (ODT)")) }
        let broken = folder.appendingPathComponent("broken.docx")
        try Data(Array(try Data(contentsOf: url).prefix(20))).write(to: broken)
        XCTAssertThrowsError(try OfficePackage(contentsOf: broken)) { XCTAssertTrue("\($0)".contains("cannot open")) }
    }

    func testContentTypesRelationshipsAndManifest() throws {
        let ct = try ContentTypes(data: docxParts[0].data)
        try ct.ensureDefault(extension: "png", contentType: "image/png")
        try ct.ensureDefault(extension: "PNG", contentType: "image/png")
        let ctText = String(decoding: try ct.serialize(), as: UTF8.self)
        XCTAssertEqual(ctText.components(separatedBy: "Extension=\"png\"").count - 1, 1, ctText)

        XCTAssertEqual(Relationships.partName(for: "word/document.xml"), "word/_rels/document.xml.rels")
        XCTAssertEqual(Relationships.partName(for: "word/header2.xml"), "word/_rels/header2.xml.rels")
        let rels = try Relationships(data: Data(#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="t" Target="styles.xml"/><Relationship Id="rId3" Type="t" Target="x.xml"/></Relationships>"#.utf8), name: "r")
        let a = rels.add(type: Relationships.imageType, target: "media/a.png")
        let b = rels.add(type: Relationships.imageType, target: "media/b.png")
        XCTAssertEqual(Set([a, b, "rId1", "rId3"]).count, 4, "new ids never reuse existing ones")
        XCTAssertEqual(try rels.target(of: a), "media/a.png")
        let fresh = try Relationships(data: nil, name: "word/_rels/header1.xml.rels")
        XCTAssertEqual(fresh.add(type: Relationships.imageType, target: "media/a.png"), "rId1")

        let m = try ODFManifest(data: Data(#"<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/></manifest:manifest>"#.utf8))
        try m.add(path: "Pictures/a.png", mediaType: "image/png")
        try m.add(path: "Pictures/a.png", mediaType: "image/png")
        XCTAssertEqual(try m.paths(), ["/", "Pictures/a.png"])
    }
}
