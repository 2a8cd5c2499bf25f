import Foundation
import XCTest

/// The command line speaks Thai with `--lang th` or a Thai locale, and English otherwise.
final class ThaiMessagesCLITests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("thai-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func run(_ args: [String], environment: [String: String] = [:]) throws -> RealClients.Result {
        let binary = CLITests.productsDirectory.appendingPathComponent("itareport")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            XCTFail("no itareport binary at \(binary.path): build it first (swift build)")
            throw XCTSkip("no binary")
        }
        guard let r = RealClients.run(binary.path, args, timeout: 300, environment: environment) else { throw XCTSkip("cannot run") }
        return r
    }

    private func write(_ name: String, _ text: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    private static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Examples")

    private let bad = """
        fiscal_year: 2568
        document: o34
        organization: {name: เทศบาลตำบลทดลอง, district: อำเภอเมือง, province: ชัยภูมิ}
        assessment:
          year: 2567
          indicators: {1: 98,50, 2: 97.71, 3: 97.65, 4: 98.21, 5: 98.82, 6: 98.97, 7: 99.09, 8: 96.60, 9: 100, 10: 100}

        """

    func testValidateSpeaksThaiWithTheOptionOrAThaiLocale() throws {
        let file = try write("bad.yaml", bad)
        let thai = try run(["validate", file, "--lang", "th"])
        XCTAssertEqual(thai.status, 1)
        XCTAssertTrue(thai.stdout.contains("\(file):6:22: ข้อผิดพลาด: assessment.indicators.1: '98,50' ถูกอ่านเป็นคะแนน 98"), thai.stdout)
        XCTAssertTrue(thai.stdout.contains("(กรุณาใช้จุดเป็นจุดทศนิยม ไม่ใช้เครื่องหมายจุลภาค: 98.50)"), thai.stdout)
        XCTAssertTrue(thai.stdout.contains("\(file):3:49: คำเตือน: organization.district: ได้ตัดคำว่า 'อำเภอ' หน้าชื่อออกแล้ว"), thai.stdout)
        XCTAssertTrue(thai.stderr.contains("\(file): ข้อผิดพลาด 1 รายการ"), thai.stderr)
        XCTAssertFalse(thai.stdout.contains(" error: ") || thai.stdout.contains("use a point"), thai.stdout)

        let english = try run(["validate", file])
        XCTAssertTrue(english.stdout.contains("\(file):6:22: error: assessment.indicators.1: '98,50' was read as 98 and a separate entry '50' (use a point, not a comma: 98.50)"), english.stdout)

        for env in [["LANG": "th_TH.UTF-8"], ["LANG": "C.UTF-8", "LC_MESSAGES": "th_TH.UTF-8"], ["LANG": "en_US.UTF-8", "LC_ALL": "th_TH.UTF-8"]] {
            let r = try run(["validate", file], environment: env)
            XCTAssertTrue(r.stdout.contains("ข้อผิดพลาด: assessment.indicators.1"), "\(env): \(r.stdout)")
        }
        for env in [["LANG": "th_TH.UTF-8", "LC_ALL": "C.UTF-8"], ["LANG": "th_TH.UTF-8", "LC_MESSAGES": "en_US.UTF-8"]] {
            let r = try run(["validate", file], environment: env)
            XCTAssertTrue(r.stdout.contains("error: assessment.indicators.1"), "\(env): \(r.stdout)")
        }
        let forced = try run(["validate", file, "--lang", "en"], environment: ["LANG": "th_TH.UTF-8"])
        XCTAssertTrue(forced.stdout.contains("error: assessment.indicators.1: '98,50' was read as 98"), forced.stdout)

        let unknown = try run(["validate", file, "--lang", "fr"])
        XCTAssertNotEqual(unknown.status, 0)
        XCTAssertTrue(unknown.stderr.contains("--lang must be en or th, not 'fr'"), unknown.stderr)
    }

    func testCommandErrorsAreThai() throws {
        // A data file with errors stops check with a Thai line.
        let file = try write("bad.yaml", bad)
        let check = try run(["check", file, "--lang", "th"])
        XCTAssertEqual(check.status, 1)
        XCTAssertTrue(check.stderr.contains("ข้อผิดพลาด: \(file): แฟ้มข้อมูลมีข้อผิดพลาด (ตามรายการข้างบน)"), check.stderr)

        // What check finds missing, in Thai.
        let o35 = try write("o35.yaml", "fiscal_year: 2568\ndocument: o35\norganization: {name: เทศบาลตำบลทดลอง, district: เมือง, province: ชัยภูมิ}\nmeasures:\n  - title: มาตรการหนึ่ง\n")
        let gaps = try run(["check", o35], environment: ["LANG": "th_TH.UTF-8"])
        XCTAssertEqual(gaps.status, 1)
        XCTAssertTrue(gaps.stdout.contains("ยังขาด: มาตรการที่ 1: ผลลัพธ์หรือความสำเร็จของการดำเนินการ (outcome) ที่ measures[0].outcome"), gaps.stdout)
        XCTAssertTrue(gaps.stderr.contains("ยังขาดข้อมูล 2 รายการสำหรับ o35"), gaps.stderr)

        // rollover refuses an O35 file, and a CE year, in Thai.
        let example = Self.example.appendingPathComponent("sisaket-o35-2568.yaml").path
        let roll = try run(["rollover", example, "--to", "2569", "--output", folder.path, "--lang", "th"])
        XCTAssertEqual(roll.status, 1)
        XCTAssertTrue(roll.stderr.contains("ข้อผิดพลาด: \(example): แฟ้มข้อมูลนี้เป็นของ O35 คำสั่ง rollover ต้องเริ่มจากแฟ้มข้อมูล O34"), roll.stderr)
        let ce = try run(["rollover", example, "--to", "2026", "--lang", "th"])
        XCTAssertTrue(ce.stderr.contains("ปี 2026 ดูเหมือนเป็นปี ค.ศ."), ce.stderr)
        let englishRoll = try run(["rollover", example, "--to", "2569", "--output", folder.path])
        XCTAssertTrue(englishRoll.stderr.contains("Error: \(example): the data file is for O35; rollover starts from this year's O34 data file"),
                      englishRoll.stderr)
    }

    func testBatchSpeaksThai() throws {
        let base = Self.example.appendingPathComponent("sisaket-2568.yaml").path
        let csv = try write("scores.csv", """
            ลำดับ,ชื่อหน่วยงาน,อำเภอ,จังหวัด,1,2,3,4,5,6,7,8,9,10
            1,เทศบาลตำบลหนึ่ง,เมือง,ศรีสะเกษ,99.39,"97,71",97.65,98.21,98.82,98.97,99.09,96.60,100,100

            """)
        let out = folder.appendingPathComponent("out").path
        let r = try run(["batch", csv, "--base", base, "-o", out, "--format", "docx", "--jobs", "1", "--lang", "th"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("[1/1] ไม่สำเร็จ scores.csv:2 (เทศบาลตำบลหนึ่ง): ตัวชี้วัดที่ 2 '97,71' ไม่ใช่คะแนนระหว่าง 0 ถึง 100 กรุณาใช้จุดเป็นจุดทศนิยม: 97.71"),
                      r.stderr)
        XCTAssertTrue(r.stdout.contains("1 หน่วยงาน: เขียนสำเร็จ 0 หน่วยงาน"), r.stdout)
        let log = try String(contentsOfFile: out + "/itareport-batch.log", encoding: .utf8)
        XCTAssertTrue(log.contains("ไม่สำเร็จ: ตัวชี้วัดที่ 2 '97,71'"), log)

        // An old Excel file is refused with what to save instead, in Thai.
        let xls = folder.appendingPathComponent("scores.xls")
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)).write(to: xls)
        let old = try run(["batch", xls.path, "--base", base, "-o", out, "--lang", "th"])
        XCTAssertEqual(old.status, 1)
        XCTAssertTrue(old.stderr.contains("แฟ้มนี้เป็นแฟ้ม Excel 97–2003 (.xls) ซึ่งโปรแกรมอ่านไม่ได้"), old.stderr)
        let oldEnglish = try run(["batch", xls.path, "--base", base, "-o", out])
        XCTAssertTrue(oldEnglish.stderr.contains("this is an Excel 97–2003 workbook (.xls), which is not read"), oldEnglish.stderr)
    }
}
