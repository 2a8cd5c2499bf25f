import Foundation
import XCTest

/// `itareport score FILE --json` checked by an independent script (scripts/check-scores.py, exact
/// fractions in Python) on the published totals, generated half-way cases and random score sets.
final class ScoreCheckScriptTests: XCTestCase {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scripts/check-scores.py")

    private func python() throws -> String {
        guard let python = RealClients.which("python3") else { throw XCTSkip("python3 is not installed") }
        return python
    }

    func testScoreJSONMatchesTheExactReferenceScript() throws {
        let binary = CLITests.productsDirectory.appendingPathComponent("itareport")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            XCTFail("no itareport binary at \(binary.path): build it first (swift build)")
            return
        }
        let python = try python()
        guard let r = RealClients.run(python, [Self.script.path, binary.path, "--halfway", "150", "--random", "60", "--seed", "7"],
                                      timeout: 600) else {
            throw XCTSkip("cannot run \(python)")
        }
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
        XCTAssertTrue(r.stdout.contains("published: 0 wrong of 4"), r.stdout)
        XCTAssertTrue(r.stdout.contains("half-way: 0 wrong of 150"), r.stdout)
        XCTAssertTrue(r.stdout.contains("random: 0 wrong of 60"), r.stdout)
    }

    /// The script fails a tool that rounds a mean before weighting it (84.995 printed as 84.99).
    func testTheScriptCatchesAWrongTotal() throws {
        let python = try python()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("score-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let fake = folder.appendingPathComponent("itareport")
        try """
        #!/bin/sh
        echo '{"total": 84.99, "level": "ไม่ผ่าน", "tools": {"IIT": 85.00, "EIT": 84.98, "OIT": 85.00}}'
        """.write(to: fake, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake.path)
        guard let r = RealClients.run(python, [Self.script.path, fake.path, "--halfway", "3", "--random", "0"], timeout: 120) else {
            throw XCTSkip("cannot run \(python)")
        }
        XCTAssertEqual(r.status, 1, r.stdout + r.stderr)
        XCTAssertTrue(r.stdout.contains("WRONG 84.995 -> 85.00 ITA 2567"), r.stdout)
        XCTAssertTrue(r.stdout.contains("total 84.99 (exact 84.995, expected 85.00)"), r.stdout)
    }
}
