import Foundation
import XCTest

/// `itareport batch` as a user runs it on a CSV whose official total disagrees with its indicators:
/// the progress line counts the warnings, the log holds them, the summary sums them.
final class BatchWarningsCLITests: XCTestCase {
    func testBatchShowsEachOrganisationsWarnings() throws {
        let binary = CLITests.productsDirectory.appendingPathComponent("itareport")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            XCTFail("no itareport binary at \(binary.path): build it first (swift build)")
            return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("batch-warnings-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("scores.csv")
        try """
        name,district,province,1,2,3,4,5,6,7,8,9,10,total,level
        เทศบาลตำบลทดสอบหนึ่ง,เมือง,ศรีสะเกษ,99.39,97.71,97.65,98.21,98.82,98.97,99.09,96.60,100,100,98.79,ผ่านดีเยี่ยม

        """.write(to: csv, atomically: true, encoding: .utf8)
        let base = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Examples/sisaket-2568.yaml")
        let output = folder.appendingPathComponent("out")
        guard let r = RealClients.run(binary.path, ["batch", csv.path, "--base", base.path, "-o", output.path, "--format", "docx", "--jobs", "1"]) else {
            throw XCTSkip("cannot run \(binary.path)")
        }
        XCTAssertEqual(r.status, 0, r.stderr)
        // Not a terminal: one line per organisation, with its warnings counted.
        XCTAssertTrue(r.stderr.contains("[1/1] ok     scores.csv:2 (เทศบาลตำบลทดสอบหนึ่ง) (2 files,"), r.stderr)
        XCTAssertTrue(r.stderr.contains(" s, 2 warning(s))"), r.stderr)
        let log = output.appendingPathComponent("itareport-batch.log")
        XCTAssertTrue(r.stdout.contains("warnings: 2 in 1 of 1 organisation(s), all listed in \(log.path)"), r.stdout)
        XCTAssertTrue(r.stdout.contains("officialTotalDiffers 1"), r.stdout)
        let text = try String(contentsOf: log, encoding: .utf8)
        XCTAssertTrue(text.contains("scores.csv:2 (เทศบาลตำบลทดสอบหนึ่ง): warning: assessment.official.total: the official total 98.79 differs from the computed total 98.97"), text)
    }
}
