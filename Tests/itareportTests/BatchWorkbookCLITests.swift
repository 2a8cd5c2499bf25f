import Foundation
import OfficePackage
import OfficeXML
import XCTest

/// `itareport batch` on an Excel workbook as a province keeps it: made by LibreOffice Calc from a
/// CSV, with Thai headers and a ลำดับ column, read end to end into each organisation's documents.
final class BatchWorkbookCLITests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func itareport(_ args: [String]) throws -> RealClients.Result {
        let binary = CLITests.productsDirectory.appendingPathComponent("itareport")
        guard let r = RealClients.run(binary.path, args, timeout: 300) else { throw XCTSkip("cannot run \(binary.path)") }
        return r
    }

    func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("itareport-xlsx-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    /// The text of a DOCX body as a search sees it (word joiners left out), paragraphs on lines.
    func text(ofDocx url: URL) throws -> String {
        let pkg = try OfficePackage(contentsOf: url)
        let doc = try pkg.xmlDocument("word/document.xml")
        let ns = ["w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"]
        return try doc.select("//w:p", namespaces: ns).map { p in
            try doc.select(".//w:t", from: p, namespaces: ns).map(\.text).joined()
        }.joined(separator: "\n").unicodeScalars.filter { $0 != "\u{2060}" && $0 != "\u{200B}" }.map(String.init).joined().replacingOccurrences(of: "\u{00A0}", with: " ")
    }

    struct Org {
        var name: String
        var district: String
        var scores: [String]
        var total: String
        var level: String
    }

    let orgs = [
        Org(name: "เทศบาลตำบลหนองบัวทดลอง", district: "เมืองศรีสะเกษ",
            scores: ["100", "99.5", "98.25", "97", "96.75", "88.71", "89.81", "90.76", "73.25", "85"], total: "91.9", level: "ผ่าน"),
        Org(name: "องค์การบริหารส่วนตำบลโคกสูงทดลอง", district: "กันทรลักษ์",
            scores: ["๙๐", "91", "92", "93", "94", "85", "86", "87", "70.5", "80.25"], total: "", level: ""),
        Org(name: "เทศบาลตำบลห้วยเหนือทดลอง", district: "ขุขันธ์",
            scores: ["95", "95", "95", "95", "95", "95", "95", "95", "95", "95"], total: "95", level: "ผ่านดี"),
    ]

    func testBatchReadsAWorkbookMadeByLibreOffice() throws {
        if RealClients.skipped { throw XCTSkip("ITAREPORT_SKIP_OFFICE=1") }
        guard RealClients.which("soffice") != nil else {
            return XCTFail("LibreOffice is not installed: run `make setup-test` (it installs libreoffice-calc-nogui)")
        }
        let dir = try folder()
        let header = ["ลำดับ", "ชื่อหน่วยงาน", "อำเภอ", "จังหวัด"] + (1...10).map { "ตัวชี้วัดที่ \($0)" } + ["คะแนนรวม", "ระดับ"]
        var lines = [header.joined(separator: ",")]
        for (i, o) in orgs.enumerated() {
            lines.append(([String(i + 1), o.name, o.district, "ศรีสะเกษ"] + o.scores + [o.total, o.level]).joined(separator: ","))
        }
        let csv = dir.appendingPathComponent("คะแนน ITA.csv")
        try (lines.joined(separator: "\n") + "\n").write(to: csv, atomically: true, encoding: .utf8)
        guard let xlsx = workbook(from: csv, in: dir) else { return }
        let base = Self.root.appendingPathComponent("Examples/sisaket-2568.yaml")
        let out = dir.appendingPathComponent("out")
        let r = try itareport(["batch", xlsx.path, "--base", base.path, "--output", out.path, "--format", "docx", "--report", "o34", "--jobs", "2"])
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
        XCTAssertTrue(r.stdout.contains("3 organisation(s): 3 written"), r.stdout)
        for o in orgs {
            let files = (try? FileManager.default.contentsOfDirectory(at: out.appendingPathComponent(o.name), includingPropertiesForKeys: nil)) ?? []
            let docx = try XCTUnwrap(files.first { $0.lastPathComponent.hasPrefix("O34") && $0.pathExtension == "docx" }, "\(o.name): \(files)")
            let body = try text(ofDocx: docx)
            XCTAssertTrue(body.contains(o.name), "\(o.name) named in its O34")
            XCTAssertTrue(body.contains("อำเภอ\(o.district)"), "\(o.name): its district")
            XCTAssertFalse(body.contains("เทศบาลเมืองศรีสะเกษ"), "nothing of the base organisation's name")
            for (k, s) in o.scores.enumerated() {
                let shown = String(format: "%.2f", Double(s.replacingOccurrences(of: "๙๐", with: "90")) ?? -1)
                XCTAssertTrue(body.contains(shown), "\(o.name): indicator \(k + 1) shown as \(shown)")
            }
            if !o.total.isEmpty {
                XCTAssertTrue(body.contains(String(format: "%.2f", Double(o.total) ?? -1)), "\(o.name): its official total")
            }
        }

        // The same workbook by sheet name, and a sheet it does not have.
        let sheetName = xlsx.deletingPathExtension().lastPathComponent
        let missing = try itareport(["batch", xlsx.path, "--sheet", "ปี 2568", "--base", base.path, "--output", dir.appendingPathComponent("out2").path])
        XCTAssertNotEqual(missing.status, 0)
        XCTAssertTrue(missing.stderr.contains("there is no sheet named 'ปี 2568'; the sheets are '\(sheetName)'"), missing.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out2").path))
    }

    /// A workbook whose scores are percentage cells (LibreOffice stores 0.9939 for "99.39%", with a
    /// `0.00%` number format) gives the percentages shown, not "0.99 คะแนน ไม่ผ่าน".
    func testPercentCellsOfAWorkbookMadeByLibreOfficeAreReadAsShown() throws {
        if RealClients.skipped { throw XCTSkip("ITAREPORT_SKIP_OFFICE=1") }
        guard RealClients.which("soffice") != nil else {
            return XCTFail("LibreOffice is not installed: run `make setup-test` (it installs libreoffice-calc-nogui)")
        }
        let dir = try folder()
        let scores = ["99.39", "97.71", "97.65", "98.21", "98.82", "98.97", "99.09", "96.60", "100", "100"]
        let header = ["ชื่อหน่วยงาน", "อำเภอ", "จังหวัด"] + (1...10).map { "ตัวชี้วัดที่ \($0)" }
        let row = ["เทศบาลตำบลร้อยทดลอง", "เมืองศรีสะเกษ", "ศรีสะเกษ"] + scores.map { "\($0)%" }
        let csv = dir.appendingPathComponent("percent.csv")
        try ([header, row].map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n").write(to: csv, atomically: true, encoding: .utf8)
        guard let xlsx = workbook(from: csv, in: dir) else { return }
        // The workbook really holds fractions with a percent format (else this test proves nothing).
        let zip = try ZipArchive(contentsOf: xlsx)
        let sheetXML = String(decoding: try zip.read("xl/worksheets/sheet1.xml"), as: UTF8.self)
        XCTAssertTrue(sheetXML.contains("<v>0.9939</v>"), sheetXML)
        let styles = String(decoding: try zip.read("xl/styles.xml"), as: UTF8.self)
        XCTAssertTrue(styles.contains("%"), styles)

        let base = Self.root.appendingPathComponent("Examples/sisaket-2568.yaml")
        let out = dir.appendingPathComponent("out")
        let r = try itareport(["batch", xlsx.path, "--base", base.path, "--output", out.path, "--format", "docx", "--report", "o34"])
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
        let files = (try? FileManager.default.contentsOfDirectory(at: out.appendingPathComponent("เทศบาลตำบลร้อยทดลอง"), includingPropertiesForKeys: nil)) ?? []
        let docx = try XCTUnwrap(files.first { $0.lastPathComponent.hasPrefix("O34") }, "\(files)")
        let body = try text(ofDocx: docx)
        for s in ["99.39", "97.71", "96.60", "100.00"] { XCTAssertTrue(body.contains(s), "indicator score \(s) as the sheet shows it") }
        XCTAssertFalse(body.contains("0.99 คะแนน"), "no fraction printed as a score")
        XCTAssertFalse(body.contains("ไม่ผ่าน"))
    }

    /// The reviewer's tables: a headerless row without its district column, and a header without
    /// a district column, each fail their row with its place; nothing is written for them.
    func testShiftedOrIncompleteRowsAreRefusedWithTheirPlace() throws {
        let dir = try folder()
        let base = Self.root.appendingPathComponent("Examples/sisaket-2568.yaml")
        let scores = "99.39,97.71,97.65,98.21,98.82,98.97,99.09,96.60,100,100"
        let shift = dir.appendingPathComponent("shift.csv")
        try "เทศบาลก,ศรีสะเกษ,\(scores),98.97\n".write(to: shift, atomically: true, encoding: .utf8)
        let r = try itareport(["batch", shift.path, "--base", base.path, "--output", dir.appendingPathComponent("o1").path, "--format", "docx", "--report", "o34"])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stdout.contains("shift.csv:1 (เทศบาลก)"), r.stdout)
        XCTAssertTrue(r.stdout.contains("the province (จังหวัด) '99.39' (column 3) is a number"), r.stdout)
        XCTAssertTrue(r.stdout.contains("0 written"), r.stdout)

        let nodist = dir.appendingPathComponent("nodist.csv")
        try "ชื่อหน่วยงาน,จังหวัด,\((1...10).map(String.init).joined(separator: ","))\nเทศบาลข,ศรีสะเกษ,\(scores)\n,เมือง,\(scores)\n"
            .write(to: nodist, atomically: true, encoding: .utf8)
        let n = try itareport(["batch", nodist.path, "--base", base.path, "--output", dir.appendingPathComponent("o2").path, "--format", "docx", "--report", "o34"])
        XCTAssertNotEqual(n.status, 0)
        XCTAssertTrue(n.stdout.contains("nodist.csv:2 (เทศบาลข)"), n.stdout)
        XCTAssertTrue(n.stdout.contains("the district (อำเภอ) is missing: the header row has no such column"), n.stdout)
        XCTAssertTrue(n.stdout.contains("the organisation's name is empty (column 1)"), n.stdout)
        XCTAssertTrue(n.stdout.contains("0 written"), n.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("o2/เทศบาลข").path))
    }

    /// A bad score cell fails its organisation alone, named by sheet and cell, with what to type.
    func testABadScoreCellIsNamedByItsCell() throws {
        let dir = try folder()
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        func inline(_ ref: String, _ text: String) -> String { "<c r=\"\(ref)\" t=\"inlineStr\"><is><t>\(text)</t></is></c>" }
        let headers = ["ที่", "ชื่อหน่วยงาน", "อำเภอ", "จังหวัด"] + (1...10).map { "ind\($0)" }
        let letters = (0..<14).map { String(UnicodeScalar(UInt8(65 + $0))) }
        let head = zip(letters, headers).map { inline("\($0)1", $1) }.joined()
        let good = zip(letters, ["1", "เทศบาลตำบลดี", "เมือง", "ศรีสะเกษ"] + Array(repeating: "<v>98.97000000000001</v>", count: 10)).map { l, v in
            v.hasPrefix("<v>") ? "<c r=\"\(l)2\">\(v)</c>" : (l == "A" ? "<c r=\"A2\"><v>\(v)</v></c>" : inline("\(l)2", v))
        }.joined()
        let bad = "<c r=\"A7\"><v>2</v></c>" + inline("B7", "อบต.ผิด") + inline("C7", "เมือง") + inline("D7", "ศรีสะเกษ") + (4..<14).map { i in
            i == 5 ? inline("F7", "87,5") : "<c r=\"\(letters[i])7\"><v>90</v></c>"
        }.joined()
        let parts: [(name: String, data: Data)] = [
            ("[Content_Types].xml", Data("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>".utf8)),
            ("_rels/.rels", Data("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"\(rel)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>".utf8)),
            ("xl/workbook.xml", Data("<workbook xmlns=\"\(main)\" xmlns:r=\"\(rel)\"><sheets><sheet name=\"สรุป\" sheetId=\"1\" r:id=\"rId1\"/><sheet name=\"คะแนน\" sheetId=\"2\" r:id=\"rId2\"/></sheets></workbook>".utf8)),
            ("xl/_rels/workbook.xml.rels", Data("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"\(rel)/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"\(rel)/worksheet\" Target=\"worksheets/sheet2.xml\"/></Relationships>".utf8)),
            ("xl/worksheets/sheet1.xml", Data("<worksheet xmlns=\"\(main)\"><sheetData><row r=\"1\">\(inline("A1", "ดูแผ่นงานคะแนน"))</row></sheetData></worksheet>".utf8)),
            ("xl/worksheets/sheet2.xml", Data("<worksheet xmlns=\"\(main)\"><sheetData><row r=\"1\">\(head)</row><row r=\"2\">\(good)</row><row r=\"7\">\(bad)</row></sheetData></worksheet>".utf8)),
        ]
        let xlsx = dir.appendingPathComponent("province.xlsx")
        try OfficePackage.create(at: xlsx, parts: parts)
        let base = Self.root.appendingPathComponent("Examples/sisaket-2568.yaml")

        // The first sheet is a cover: its columns are not score columns.
        let first = try itareport(["batch", xlsx.path, "--base", base.path, "--output", dir.appendingPathComponent("o1").path])
        XCTAssertNotEqual(first.status, 0)
        XCTAssertTrue(first.stderr.contains("province.xlsx, sheet 'สรุป', row 1: unknown column 'ดูแผ่นงานคะแนน' (column A)"), first.stderr)
        XCTAssertTrue(first.stderr.contains("ตัวชี้วัดที่ 1"), first.stderr)

        let out = dir.appendingPathComponent("o2")
        let r = try itareport(["batch", xlsx.path, "--sheet", "คะแนน", "--base", base.path, "--output", out.path, "--format", "docx", "--report", "o34"])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stdout.contains("2 organisation(s): 1 written"), r.stdout)
        XCTAssertTrue(r.stdout.contains("province.xlsx, sheet 'คะแนน' row 7 (อบต.ผิด): cell F7: indicator 2 '87,5' is not a score between 0 and 100; write the decimal with a point: 87.5"), r.stdout)
        let files = try FileManager.default.contentsOfDirectory(at: out.appendingPathComponent("เทศบาลตำบลดี"), includingPropertiesForKeys: nil)
        let body = try text(ofDocx: XCTUnwrap(files.first { $0.lastPathComponent.hasPrefix("O34") }))
        XCTAssertTrue(body.contains("98.97"), "Excel's 98.97000000000001 read as 98.97")
        XCTAssertFalse(body.contains("98.97000000000001"))
    }

    /// The workbook LibreOffice Calc makes of `csv` (comma-separated, "-quoted, UTF-8, from line 1) in `dir`;
    /// nil, with the test failed, when it makes none.
    func workbook(from csv: URL, in dir: URL, file: StaticString = #filePath, line: UInt = #line) -> URL? {
        let profile = dir.appendingPathComponent("lo-profile")
        let convert = RealClients.run("soffice", ["-env:UserInstallation=file://\(profile.path)", "--headless", "--norestore",
                                                  "--infilter=Text - txt - csv (StarCalc):44,34,76,1",
                                                  "--convert-to", "xlsx", "--outdir", dir.path, csv.path], timeout: 180)
        let xlsx = csv.deletingPathExtension().appendingPathExtension("xlsx")
        guard FileManager.default.fileExists(atPath: xlsx.path) else {
            XCTFail("LibreOffice did not make the workbook (is Calc installed? libreoffice-calc-nogui): \(convert?.stdout ?? "") \(convert?.stderr ?? "")",
                    file: file, line: line)
            return nil
        }
        return xlsx
    }
}
