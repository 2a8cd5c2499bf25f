import Foundation
import XCTest

/// The yearly cycle as a clerk runs it: this year's data file rolled over, and the drafts generated at once.
final class YearCycleCLITests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func itareport(_ args: [String]) throws -> RealClients.Result {
        let binary = CLITests.productsDirectory.appendingPathComponent("itareport")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            XCTFail("no itareport binary at \(binary.path): build it first (swift build)")
            throw XCTSkip("no binary")
        }
        guard let r = RealClients.run(binary.path, args, timeout: 300) else { throw XCTSkip("cannot run \(binary.path)") }
        return r
    }

    func testRolledOverDraftsValidateAndGenerateWithTheirBlanksNamed() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("itareport-cycle-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let example = Self.root.appendingPathComponent("Examples/sisaket-2568.yaml").path
        let roll = try itareport(["rollover", example, "--to", "2569", "--output", dir.path])
        XCTAssertEqual(roll.status, 0, roll.stderr)
        let files = roll.stdout.split(separator: "\n").map(String.init).filter { $0.hasSuffix(".yaml") }
        XCTAssertEqual(files.count, 2, roll.stdout)
        for file in files {
            let v = try itareport(["validate", file])
            XCTAssertEqual(v.status, 0, "validate \(file): \(v.stdout)\(v.stderr)")
            XCTAssertTrue((v.stdout + v.stderr).contains("not filled yet"), "the blanks are named: \(v.stdout)")
            let out = dir.appendingPathComponent("out")
            let g = try itareport(["generate", file, "--output", out.path, "--template", Self.root.appendingPathComponent("Templates").path])
            XCTAssertEqual(g.status, 0, "generate \(file): \(g.stderr)")
            XCTAssertTrue(g.stderr.contains("draft"), "a draft says so: \(g.stderr)")
        }
        let written = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("out").path)
        XCTAssertTrue(written.contains("O35_เทศบาลเมืองศรีสะเกษ_2568.docx"), "\(written)")
        XCTAssertTrue(written.contains("O34_เทศบาลเมืองศรีสะเกษ_2569.odt"), "\(written)")
    }
}
