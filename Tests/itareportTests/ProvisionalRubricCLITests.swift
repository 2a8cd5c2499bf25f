import Foundation
import XCTest

/// Every command that prints a level or a strengths split from thresholds no source confirms says so once.
final class ProvisionalRubricCLITests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("provisional-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    private func run(_ args: [String]) throws -> RealClients.Result {
        let binary = CLITests.productsDirectory.appendingPathComponent("itareport")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            XCTFail("no itareport binary at \(binary.path): build it first (swift build)")
            throw XCTSkip("no binary")
        }
        guard let r = RealClients.run(binary.path, args) else { throw XCTSkip("cannot run \(binary.path)") }
        return r
    }

    /// An analysis of ITA 2567 with no official level: both the level and the split are provisional.
    private func dataFile() throws -> String {
        let url = folder.appendingPathComponent("nongbua-2567.yaml")
        try """
        fiscal_year: 2567
        document: analysis
        organization: {name: องค์การบริหารส่วนตำบลทดสอบ, district: เมือง, province: ขอนแก่น}
        assessment:
          year: 2567
          indicators: {1: 100, 2: 100, 3: 100, 4: 100, 5: 100, 6: 98.71, 7: 98.81, 8: 98.76, 9: 93.25, 10: 95.00}

        """.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    private func count(_ text: String, _ needle: String) -> Int { text.components(separatedBy: needle).count - 1 }

    func testScoreMarksAndWarns() throws {
        let r = try run(["score", try dataFile()])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("คะแนนรวม (คำนวณ): 97.28  ระดับ: ผ่านดีเยี่ยม (เกณฑ์ปี 2567 ยังไม่ยืนยัน)"), r.stdout)
        XCTAssertTrue(r.stdout.contains("จุดแข็ง (ตั้งแต่ 95.00 คะแนน; เกณฑ์ปี 2567 ยังไม่ยืนยัน): 1, 2, 3, 4, 5, 6, 7, 8, 10\n"), r.stdout)
        XCTAssertTrue(r.stdout.hasSuffix("จุดอ่อน (ต่ำกว่า 95.00 คะแนน; เกณฑ์ปี 2567 ยังไม่ยืนยัน): 9\n"), r.stdout)
        XCTAssertEqual(count(r.stderr, "from the ITA 2567 level thresholds"), 1, r.stderr)
        XCTAssertEqual(count(r.stderr, "a threshold no source confirms for the ITA of 2567"), 1, r.stderr)
    }

    /// A side of the split with no indicator says "ไม่มี" (none), never a bare label and colon.
    func testScoreSaysNoneForASideWithNoIndicator() throws {
        for (name, scores, strengths, weaknesses) in [
            ("all-strong", "1: 100, 2: 99, 3: 98, 4: 97, 5: 96, 6: 95, 7: 99, 8: 98, 9: 97, 10: 96", "1, 2, 3, 4, 5, 6, 7, 8, 9, 10", "ไม่มี"),
            ("all-weak", "1: 90, 2: 89, 3: 88, 4: 87, 5: 86, 6: 85, 7: 84, 8: 83, 9: 82, 10: 81", "ไม่มี", "1, 2, 3, 4, 5, 6, 7, 8, 9, 10"),
        ] {
            let url = folder.appendingPathComponent("\(name).yaml")
            try """
            fiscal_year: 2568
            document: o34
            organization: {name: เทศบาลตำบลทดสอบ, district: เมือง, province: ขอนแก่น}
            assessment:
              year: 2567
              indicators: {\(scores)}
              official: {level: ผ่าน}
            options: {strength_threshold: 95}

            """.write(to: url, atomically: true, encoding: .utf8)
            let r = try run(["score", url.path])
            XCTAssertEqual(r.status, 0, r.stderr)
            XCTAssertTrue(r.stdout.contains("\nจุดแข็ง (ตั้งแต่ 95.00 คะแนน): \(strengths)\n"), r.stdout)
            XCTAssertTrue(r.stdout.hasSuffix("\nจุดอ่อน (ต่ำกว่า 95.00 คะแนน): \(weaknesses)\n"), r.stdout)
            XCTAssertFalse(r.stdout.contains(": \n"), r.stdout)
        }
    }

    func testGenerateAndNarrativesWarnOnce() throws {
        let data = try dataFile()
        let g = try run(["generate", data, "--report", "analysis", "--format", "docx", "-o", folder.appendingPathComponent("out").path])
        XCTAssertEqual(g.status, 0, g.stderr)
        XCTAssertEqual(count(g.stderr, "documents will print the level 'ผ่านดีเยี่ยม' for 97.28"), 1, g.stderr)
        XCTAssertTrue(g.stderr.contains("give the level the national ITA system announced"), g.stderr)
        XCTAssertEqual(count(g.stderr, "a threshold no source confirms for the ITA of 2567"), 1, g.stderr)
        let n = try run(["narratives", data])
        XCTAssertEqual(n.status, 0, n.stderr)
        XCTAssertEqual(count(n.stderr, "a threshold no source confirms for the ITA of 2567"), 1, n.stderr)
        XCTAssertEqual(count(n.stderr, "from the ITA 2567 level thresholds"), 1, n.stderr)
    }
}
