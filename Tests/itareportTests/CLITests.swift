import Foundation
import OfficePackage
import TemplateEngine
import XCTest

/// The `itareport` binary as users run it: `fill` with YAML and JSON, `template check`, exit codes and messages.
final class CLITests: XCTestCase {
    /// The folder holding the built products (the test bundle sits next to the `itareport` binary).
    static var productsDirectory: URL {
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            return bundle.bundleURL.deletingLastPathComponent()
        }
        return Bundle.main.bundleURL
    }

    func itareport(_ args: [String]) throws -> RealClients.Result {
        let binary = Self.productsDirectory.appendingPathComponent("itareport")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            XCTFail("no itareport binary at \(binary.path): build it first (swift build)")
            throw XCTSkip("no binary")
        }
        guard let r = RealClients.run(binary.path, args, timeout: 300) else { throw XCTSkip("cannot run \(binary.path)") }
        return r
    }

    func templates(_ wb: Workbench) throws -> [URL] {
        try [PackageKind.docx, .odt].map { kind in
            let b = Body(kind)
            return try wb.template(kind, body: b.p([.bold("{{org.na"), .plain("me}}")]) + b.p("รหัส {{code}} ปี {{year}}")
                + b.table([["ชื่อ", "คะแนน"], ["{{#each items}}{{name}}", "{{score | number:2}}{{/each}}"]])
                + b.p("{{image logo width=3cm}}") + b.p("{{#if flag}}ใช่{{else}}ไม่{{/if}}"),
                header: b.p("{{org.name}}"))
        }
    }

    let yaml = """
    # ข้อมูลทดสอบ
    org:
      name: "เทศบาล <ทดสอบ> & \\"co\\""
    code: "007"
    year: 2568
    flag: true
    items:
      - name: หนึ่ง
        score: 94.125
      - name: สอง
        score: 80
    logo: pictures/logo.png
    """

    let json = """
    {"org": {"name": "เทศบาล <ทดสอบ> & \\"co\\""}, "code": "007", "year": 2568, "flag": true,
     "items": [{"name": "หนึ่ง", "score": 94.125}, {"name": "สอง", "score": 80}], "logo": "pictures/logo.png"}
    """

    let expected = ["เทศบาล <ทดสอบ> & \"co\"", "รหัส 007 ปี 2568", "ชื่อ", "คะแนน", "หนึ่ง", "94.13", "สอง", "80.00", "", "ใช่"]

    func writeData(_ wb: Workbench) throws -> (yaml: URL, json: URL) {
        let pictures = wb.folder.appendingPathComponent("pictures")
        try FileManager.default.createDirectory(at: pictures, withIntermediateDirectories: true)
        try Pictures.png(width: 30, height: 10).write(to: pictures.appendingPathComponent("logo.png"))
        let y = wb.folder.appendingPathComponent("data.yaml"), j = wb.folder.appendingPathComponent("data.json")
        try yaml.write(to: y, atomically: true, encoding: .utf8)
        try json.write(to: j, atomically: true, encoding: .utf8)
        return (y, j)
    }

    func testFillWithYAMLAndJSON() throws {
        let wb = try Workbench(name)
        let data = try writeData(wb)
        for t in try templates(wb) {
            for d in [data.yaml, data.json] {
                let out = wb.folder.appendingPathComponent("\(t.deletingPathExtension().lastPathComponent)-\(d.pathExtension).\(t.pathExtension)")
                let r = try itareport(["fill", t.path, d.path, "--output", out.path])
                XCTAssertEqual(r.status, 0, r.stderr)
                XCTAssertEqual(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines), out.path)
                XCTAssertEqual(r.stderr, "")
                let filled = try Filled(url: out)
                XCTAssertEqual(try filled.paragraphs(), expected, "\(t.lastPathComponent) with \(d.lastPathComponent)")
                XCTAssertEqual(try filled.headerFooterParagraphs().first, "เทศบาล <ทดสอบ> & \"co\"")
                wb.record(out, template: t)
            }
        }
        // Thai digits through the command line.
        let t = try templates(wb)[0]
        let out = wb.folder.appendingPathComponent("thai.docx")
        let r = try itareport(["fill", t.path, data.yaml.path, "--output", out.path, "--digits", "thai"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try Filled(url: out).paragraphs()[1], "รหัส ๐๐๗ ปี ๒๕๖๘")
        wb.record(out, template: t)
        wb.checkWithRealClients()
    }

    func testFillErrorsAndLenient() throws {
        let wb = try Workbench(name)
        let data = try writeData(wb)
        let t = try templates(wb)[0]
        let out = wb.folder.appendingPathComponent("out.docx")

        let sparse = wb.folder.appendingPathComponent("sparse.yaml")
        try "org:\n  name: x\nlogo: pictures/logo.png\n".write(to: sparse, atomically: true, encoding: .utf8)
        var r = try itareport(["fill", t.path, sparse.path, "--output", out.path])
        XCTAssertEqual(r.status, 1)
        for s in ["could not be filled", "'code'", "'year'", "list 'items'", "word/document.xml, paragraph 2 (\"รหัส {{code}} ปี {{year}}\")", "--lenient"] {
            XCTAssertTrue(r.stderr.contains(s), "missing \(s) in:\n\(r.stderr)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "nothing written on failure")

        r = try itareport(["fill", t.path, sparse.path, "--output", out.path, "--lenient"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stderr.contains("warning:") && r.stderr.contains("'code'"), r.stderr)
        XCTAssertEqual(try Filled(url: out).paragraphs()[1], "รหัส  ปี ")
        wb.record(out, template: t)

        r = try itareport(["fill", t.path, data.yaml.path, "--output", wb.folder.appendingPathComponent("out.odt").path])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("--output must end in .docx"), r.stderr)

        r = try itareport(["fill", t.path, data.yaml.path, "--output", t.path])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("overwrite the template"), r.stderr)

        let badYAML = wb.folder.appendingPathComponent("bad.yaml")
        try "org:\n  name: [unclosed\n".write(to: badYAML, atomically: true, encoding: .utf8)
        r = try itareport(["fill", t.path, badYAML.path, "--output", out.path])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("bad.yaml: the YAML is not valid"), r.stderr)

        let badJSON = wb.folder.appendingPathComponent("bad.json")
        try "{\"a\": ".write(to: badJSON, atomically: true, encoding: .utf8)
        r = try itareport(["fill", t.path, badJSON.path, "--output", out.path])
        XCTAssertTrue(r.stderr.contains("bad.json: the JSON is not valid"), r.stderr)

        // A mistake inside the file is placed by line and column (counted in characters, Thai included).
        try "{\n  \"org\": {\"name\": \"เทศบาล\"},\n  \"code\": \"รหัส\", \"x\": }\n}\n".write(to: badJSON, atomically: true, encoding: .utf8)
        r = try itareport(["fill", t.path, badJSON.path, "--output", out.path])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("bad.json:3:24: the JSON is not valid"), r.stderr)

        r = try itareport(["fill", t.path, wb.folder.appendingPathComponent("none.yaml").path, "--output", out.path])
        XCTAssertTrue(r.stderr.contains("cannot read the data file"), r.stderr)

        r = try itareport(["fill", wb.folder.appendingPathComponent("none.docx").path, data.yaml.path, "--output", out.path])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("none.docx: cannot open"), r.stderr)

        r = try itareport(["fill", t.path, data.yaml.path, "--output", out.path, "--digits", "roman"])
        XCTAssertEqual(r.status, 64, "a usage error")
        XCTAssertTrue(r.stderr.contains("--digits must be arabic or thai"), r.stderr)

        r = try itareport(["fill", t.path])
        XCTAssertEqual(r.status, 64)
        wb.checkWithRealClients()
    }

    /// Hostile data for `fill`: an alias bomb used to eat all memory; NaN and infinity printed as 0.00;
    /// a line of megabytes was echoed whole in the YAML error.
    func testFillRefusesHostileData() throws {
        let wb = try Workbench(name)
        let t = try templates(wb)[0]
        let out = wb.folder.appendingPathComponent("out.docx")
        var bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for (prev, name) in zip("abcdefgh", "bcdefghi") { bomb += "\(name): &\(name) [" + Array(repeating: "*\(prev)", count: 10).joined(separator: ", ") + "]\n" }
        let cases: [(String, String, [String])] = [
            ("bomb.yaml", bomb, ["bomb.yaml", "more than 200000 values", "aliases"]),
            ("nan.yaml", "org:\n  name: x\nitems:\n  - name: a\n    score: .nan\n", ["nan.yaml:5:12", "items[0].score is .nan", "not a number"]),
            ("inf.yaml", "year: -.inf\n", ["inf.yaml:1:7", "year is -.inf", "infinite"]),
            ("huge.json", "{\"year\": 1e400}", ["huge.json", "1e400"]),
            ("deep.yaml", "a: " + String(repeating: "[", count: 100_000) + "\n", ["deep.yaml: the YAML is not valid", "…"]),
            // The bomb behind a mapping key hung the YAML parser itself, which hashes keys whole.
            ("keybomb.yaml", bomb + "? *i\n: 1\n", ["keybomb.yaml:", "more than 200000 values", "aliases"]),
        ]
        for (file, text, messages) in cases {
            let url = wb.folder.appendingPathComponent(file)
            try text.write(to: url, atomically: true, encoding: .utf8)
            let r = try itareport(["fill", t.path, url.path, "--output", out.path])
            XCTAssertEqual(r.status, 1, "\(file): \(r.stderr.prefix(500))")
            for m in messages { XCTAssertTrue(r.stderr.contains(m), "\(file): missing \(m) in:\n\(r.stderr.prefix(2000))") }
            XCTAssertLessThan(r.stderr.utf8.count, 4000, "\(file): the message stays short")
            XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
        }
        // The same bombs given to generate and validate (which read the data as a report).
        for file in ["bomb.yaml", "keybomb.yaml"] {
            let url = wb.folder.appendingPathComponent(file)
            for command in [["validate", url.path], ["generate", url.path, "--output", wb.folder.appendingPathComponent("gen").path]] {
                let r = try itareport(command)
                XCTAssertEqual(r.status, 1, "\(command): \(r.stderr.prefix(500))")
                let text = r.stdout + r.stderr
                XCTAssertTrue(text.contains(file) && text.contains("more than 200000 values"), "\(command): \(text.prefix(2000))")
                XCTAssertLessThan(text.utf8.count, 4000, "\(command): the message stays short")
            }
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: wb.folder.appendingPathComponent("gen").path), "nothing generated")
    }

    /// 50,000 nested {{#if}} in one paragraph kept `template check` busy past a minute: now one nesting
    /// error, in time linear in the paragraph.
    func testTemplateCheckOnFiftyThousandNestedIfsInOneParagraph() throws {
        let wb = try Workbench(name)
        for kind in [PackageKind.docx, .odt] {
            let t = try wb.template(kind, body: Body(kind).p(String(repeating: "{{#if a}}", count: 50_000) + "x" + String(repeating: "{{/if}}", count: 50_000)))
            let r = try itareport(["template", "check", t.path])
            XCTAssertEqual(r.status, 1, r.stderr)
            XCTAssertTrue(r.stderr.contains("the template has 1 error") && r.stderr.contains("blocks nest more than 100 deep"), String(r.stderr.prefix(2000)))
            XCTAssertLessThan(r.stderr.utf8.count + r.stdout.utf8.count, 2000, "the quoted paragraph is cut short")
        }
    }

    func testTemplateCheck() throws {
        let wb = try Workbench(name)
        for t in try templates(wb) {
            let r = try itareport(["template", "check", t.path])
            XCTAssertEqual(r.status, 0, r.stderr)
            let kind = t.pathExtension.uppercased()
            XCTAssertTrue(r.stdout.hasPrefix("\(t.path): \(kind) template, 9 tags, no errors"), r.stdout)
            for s in ["{{org.name}} — value of org.name", "{{#each items}} — repeats the table row", "{{score | number:2}} — value of score through number",
                      "{{image logo width=3cm}} — picture from logo", "{{#if flag}} — shows if true text inside the paragraph"] {
                XCTAssertTrue(r.stdout.contains(s), "missing \(s) in:\n\(r.stdout)")
            }
            XCTAssertTrue(r.stdout.contains(t.pathExtension == "docx" ? "word/header1.xml ¶1: {{org.name}}" : "styles.xml ¶1: {{org.name}}"), r.stdout)
        }
        for kind in [PackageKind.docx, .odt] {
            let b = Body(kind)
            let bad = try wb.template(kind, body: b.ps("{{#each items}}", "{{name | upper}}", "{{/if}}", "{{broken"))
            let r = try itareport(["template", "check", bad.path])
            XCTAssertEqual(r.status, 1)
            for s in ["the template has 3 errors", "paragraph 2 (\"{{name | upper}}\"): {{name | upper}}: unknown filter 'upper'",
                      "{{/if}} closes {{#each items}}", "close it with {{/each}}", "paragraph 4 (\"{{broken\")", "'{{' is not closed"] {
                XCTAssertTrue(r.stderr.contains(s), "missing \(s) in:\n\(r.stderr)")
            }
        }
    }
}
