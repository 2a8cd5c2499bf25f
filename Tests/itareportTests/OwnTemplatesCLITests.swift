import Foundation
import OfficePackage
import XCTest

/// `generate` with the user's own templates, and what a failed or killed run leaves.
final class OwnTemplatesCLITests: XCTestCase {
    static let repository = InstallTests.repository
    static let example = repository.appendingPathComponent("Examples/sisaket-2568.yaml")

    func itareport(_ args: [String], timeout: TimeInterval = 300) throws -> RealClients.Result {
        let binary = CLITests.productsDirectory.appendingPathComponent("itareport")
        guard let r = RealClients.run(binary.path, args, timeout: timeout) else { throw XCTSkip("cannot run \(binary.path)") }
        return r
    }

    func folder(_ label: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("itareport-\(label)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    /// The shipped O34 DOCX with one more tag the data does not have.
    func letterhead(at url: URL) throws {
        let shipped = try OfficePackage(contentsOf: Self.repository.appendingPathComponent("Templates/o34-2567.docx"))
        let xml = String(decoding: try shipped.read("word/document.xml"), as: UTF8.self)
        let range = try XCTUnwrap(xml.range(of: "{{org.name}}"))
        var changes = PackageChanges()
        changes.replaced["word/document.xml"] = Data(xml.replacingCharacters(in: range, with: "{{org.name}}{{org.letterhead_code}}").utf8)
        try shipped.write(to: url, changes: changes)
    }

    func testAFolderWithOneTemplateAndLenient() throws {
        let dir = try folder("own-folder")
        let mine = dir.appendingPathComponent("mine")
        try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
        try letterhead(at: mine.appendingPathComponent("o34-2567.docx"))
        let out = dir.appendingPathComponent("out")

        // Strict: the missing name is named, the error no longer suggests an option generate lacks, and nothing is written.
        var r = try itareport(["generate", Self.example.path, "--template", mine.path, "--output", out.path, "--report", "o34"])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("org.letterhead_code"), r.stderr)
        XCTAssertTrue(r.stderr.contains("--lenient"), r.stderr)
        XCTAssertEqual((try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? [], [], "a failed generate leaves no file")

        r = try itareport(["generate", Self.example.path, "--template", mine.path, "--output", out.path, "--report", "o34", "--lenient"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stderr.contains("warning:") && r.stderr.contains("org.letterhead_code"), r.stderr)
        XCTAssertTrue(r.stderr.contains("note: o34-2567.odt is not in \(mine.path); the shipped one is used"), r.stderr)
        XCTAssertEqual(Set(try FileManager.default.contentsOfDirectory(atPath: out.path).filter { !$0.hasPrefix(".") }),
                       ["O34_เทศบาลเมืองศรีสะเกษ_2568.docx", "O34_เทศบาลเมืองศรีสะเกษ_2568.odt"], "the documents, beside the hidden record of their sources")
    }

    func testASingleTemplateFile() throws {
        let dir = try folder("own-file")
        let file = dir.appendingPathComponent("letterhead.docx")
        try letterhead(at: file)
        let out = dir.appendingPathComponent("out")
        // The data file is an O34 file: the letterhead is its O34 DOCX; everything else is shipped, and said so.
        let r = try itareport(["generate", Self.example.path, "--template", file.path, "--output", out.path, "--lenient"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stderr.contains("O34 ODT is written from the shipped template o34-2567.odt (letterhead.docx is the O34 DOCX template)"), r.stderr)
        let docx = out.appendingPathComponent("O34_เทศบาลเมืองศรีสะเกษ_2568.docx")
        let xml = String(decoding: try OfficePackage(contentsOf: docx).read("word/document.xml"), as: UTF8.self)
        XCTAssertFalse(xml.contains("letterhead_code"), "filled from the letterhead (its extra tag left empty)")
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent("O34_เทศบาลเมืองศรีสะเกษ_2568.odt").path))
    }

    /// An organisation field no shipped form prints is named by `generate` as not printed, unless the
    /// user's own template prints it as `org.<name>`; the fields it does not print are still named.
    func testAnOrganisationFieldYourOwnTemplatePrintsIsNotCalledLost() throws {
        let dir = try folder("own-org")
        let data = dir.appendingPathComponent("o34.yaml")
        let yaml = try String(contentsOf: Self.example, encoding: .utf8)
            .replacingOccurrences(of: "  head: นายกเทศมนตรีเมืองศรีสะเกษ\n",
                                  with: "  head: นายกเทศมนตรีเมืองศรีสะเกษ\n  letterhead_code: ศก 52001\n  email: saraban@example.go.th\n")
        XCTAssertTrue(yaml.contains("letterhead_code"))
        try yaml.write(to: data, atomically: true, encoding: .utf8)
        let file = dir.appendingPathComponent("letterhead-o34.docx")
        try letterhead(at: file)
        let shipped = try itareport(["generate", data.path, "--output", dir.appendingPathComponent("out1").path, "--format", "docx"])
        XCTAssertEqual(shipped.status, 0, shipped.stderr)
        XCTAssertTrue(shipped.stderr.contains("organization.letterhead_code: is filled, but the o34-2567 form does not print it"), shipped.stderr)
        XCTAssertTrue(shipped.stderr.contains("organization.email: is filled"), shipped.stderr)
        let own = try itareport(["generate", data.path, "--template", file.path, "--output", dir.appendingPathComponent("out2").path, "--format", "docx"])
        XCTAssertEqual(own.status, 0, own.stderr)
        XCTAssertFalse(own.stderr.contains("organization.letterhead_code"), own.stderr)
        XCTAssertTrue(own.stderr.contains("organization.email: is filled"), "the own template does not print email: \(own.stderr)")
        let docx = dir.appendingPathComponent("out2/O34_เทศบาลเมืองศรีสะเกษ_2568.docx")
        let xml = String(decoding: try OfficePackage(contentsOf: docx).read("word/document.xml"), as: UTF8.self)
        let text = xml.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
            .unicodeScalars.filter { $0 != "\u{2060}" && $0 != "\u{200B}" }.map { $0 == "\u{00A0}" ? " " : String($0) }.joined()
        XCTAssertTrue(text.contains("ศก 52001"), "the own template prints the field")
    }

    /// A named pipe, /dev/zero and a folder as the data file are refused at once, saying what they are.
    func testDataPathsThatAreNotFiles() throws {
        let dir = try folder("fifo")
        let fifo = dir.appendingPathComponent("data.yaml")
        XCTAssertEqual(mkfifo(fifo.path, 0o600), 0)
        for (path, what) in [(fifo.path, "a named pipe (FIFO)"), ("/dev/zero", "a character device"), (dir.path, "a folder")] {
            for command in [["validate", path], ["generate", path, "--output", dir.appendingPathComponent("out").path], ["fill", Self.repository.appendingPathComponent("Templates/o34-2567.docx").path, path, "--output", dir.appendingPathComponent("y.docx").path]] {
                let start = Date()
                let r = try itareport(command, timeout: 20)
                XCTAssertLessThan(Date().timeIntervalSince(start), 15, "\(command): never waits on a pipe")
                XCTAssertNotEqual(r.status, 0)
                XCTAssertTrue(r.stderr.contains("\(path): this is \(what)"), "\(command): \(r.stderr)")
                XCTAssertFalse(r.stderr.contains("permission"), r.stderr)
            }
        }
    }

    /// A data file or a template of a gigabyte (sparse: no disk used) was read whole, then parsed: the
    /// data file ran past 20 seconds, the template took 2 GB. Each is refused from its size, at once.
    func testFilesOfAGigabyteAreRefusedFromTheirSize() throws {
        let dir = try folder("big")
        let data = dir.appendingPathComponent("data.yaml")
        let template = dir.appendingPathComponent("template.docx")
        for (url, head) in [(data, "fiscal_year: 2568\n"), (template, "PK\u{3}\u{4}")] {
            try Data(head.utf8).write(to: url)
            let h = try FileHandle(forWritingTo: url)
            try h.truncate(atOffset: 1 << 30)
            try h.close()
        }
        let shipped = Self.repository.appendingPathComponent("Templates/o34-2567.docx").path
        let cases: [([String], String)] = [
            (["validate", data.path], "more than the 10 MB a data file may be"),
            (["generate", data.path, "--output", dir.appendingPathComponent("out").path], "more than the 10 MB a data file may be"),
            (["fill", shipped, data.path, "--output", dir.appendingPathComponent("y.docx").path], "more than the 10 MB a data file may be"),
            (["fill", template.path, Self.example.path, "--output", dir.appendingPathComponent("y.docx").path], "more than the 128 MB a template may be"),
            (["template", "check", template.path], "more than the limit of 134217728 bytes"),
        ]
        for (command, message) in cases {
            let r = try itareport(command, timeout: 60)
            XCTAssertEqual(r.status, 1, "\(command): \(r.stderr)")
            let path = command.contains(template.path) ? template.path : data.path
            XCTAssertTrue(r.stderr.contains(path) && r.stderr.contains(message), "\(command): \(r.stderr)")
        }
    }

    /// A batch killed with SIGKILL part-way leaves only scratch files the next run recognises; after the next
    /// run nothing of them is left anywhere in the output.
    func testABatchKilledMidWriteIsCleanedUpByTheNextRun() throws {
        let dir = try folder("killed")
        var csv = ""
        for i in 1...40 { csv += "เทศบาลตำบลทดสอบ\(i),เมือง,ศรีสะเกษ,95,94,93,92,91,90,89,88,87,86\n" }
        let scores = dir.appendingPathComponent("scores.csv")
        try csv.write(to: scores, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("out")
        let p = Process()
        p.executableURL = CLITests.productsDirectory.appendingPathComponent("itareport")
        p.arguments = ["batch", scores.path, "--base", Self.example.path, "--output", out.path, "--jobs", "2"]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        // Until some organisations are done, then mid-write of the others.
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, ((try? FileManager.default.contentsOfDirectory(atPath: out.path))?.count ?? 0) < 4 { usleep(20_000) }
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        let pid = p.processIdentifier
        let left = (FileManager.default.enumerator(atPath: out.path)?.allObjects as? [String] ?? [])
            .map { ($0 as NSString).lastPathComponent }.filter { $0.hasPrefix(".") }
        for name in left {
            XCTAssertTrue(name.hasPrefix(".itareport-\(pid)-") || name.hasPrefix("..itareport-\(pid)-"), "unrecognisable leftover \(name)")
        }

        let r = try itareport(["batch", scores.path, "--base", Self.example.path, "--output", out.path, "--jobs", "2"])
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
        let after = (FileManager.default.enumerator(atPath: out.path)?.allObjects as? [String] ?? []).filter {
            ($0 as NSString).lastPathComponent.hasPrefix(".") || $0.hasSuffix(".tmp")
        }
        XCTAssertEqual(after, [], "nothing of the killed run is left")
    }

    /// A write that fails (here: a file-size limit the documents exceed, as a full disk would) names the
    /// document the user asked for, never a hidden scratch file, and leaves nothing behind.
    func testAFailedWriteNamesTheFileAskedFor() throws {
        let dir = try folder("write-fails")
        let scores = dir.appendingPathComponent("scores.csv")
        try "เทศบาลตำบลหนึ่ง,เมือง,ศรีสะเกษ,95,94,93,92,91,90,89,88,87,86\n".write(to: scores, atomically: true, encoding: .utf8)
        let binary = CLITests.productsDirectory.appendingPathComponent("itareport").path
        // SIGXFSZ ignored (kept across exec), so a write past the limit fails with EFBIG instead of killing the program.
        func limited(_ args: [String]) throws -> RealClients.Result {
            guard let r = RealClients.run("sh", ["-c", "trap '' XFSZ; ulimit -f 8; exec \"$0\" \"$@\"", binary] + args, timeout: 120) else {
                throw XCTSkip("no sh")
            }
            return r
        }
        let out = dir.appendingPathComponent("out")
        let cases: [(args: [String], asked: String, folder: URL)] = [
            (["generate", Self.example.path, "--output", out.path, "--format", "docx"],
             out.appendingPathComponent("O34_เทศบาลเมืองศรีสะเกษ_2568.docx").path, out),
            (["batch", scores.path, "--base", Self.example.path, "--output", out.path, "--format", "docx", "--jobs", "1"],
             out.appendingPathComponent("เทศบาลตำบลหนึ่ง/O34_เทศบาลตำบลหนึ่ง_2568").path, out.appendingPathComponent("เทศบาลตำบลหนึ่ง")),
            (["bundle", Self.example.path, "--format", "docx", "--output", out.appendingPathComponent("bundle").path],
             out.appendingPathComponent("bundle/O34_เทศบาลเมืองศรีสะเกษ_2568.docx").path, out.appendingPathComponent("bundle")),
        ]
        for c in cases {
            let r = try limited(c.args)
            let said = r.stdout + r.stderr
            XCTAssertNotEqual(r.status, 0, "\(c.args[0]): \(said)")
            XCTAssertTrue(said.contains(c.asked) && said.contains("cannot write the document"), "\(c.args[0]) names the document asked for: \(said)")
            XCTAssertFalse(said.contains("/.itareport-") || said.contains("/..itareport-"), "\(c.args[0]) names no scratch file: \(said)")
            let left = (FileManager.default.enumerator(atPath: c.folder.path)?.allObjects as? [String] ?? [])
                .filter { $0.hasSuffix(".docx") || ($0 as NSString).lastPathComponent.range(of: #"^\.{1,2}itareport-[0-9]+-"#, options: .regularExpression) != nil }
            XCTAssertEqual(left, [], "\(c.args[0]) leaves no document or scratch file")
        }
    }
}
