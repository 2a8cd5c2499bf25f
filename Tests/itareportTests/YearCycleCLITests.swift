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
        let written = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("out").path).filter { !$0.hasPrefix(".") }
        // Each file writes its own document only, named as a draft while it has blanks.
        XCTAssertEqual(Set(written), ["O35_เทศบาลเมืองศรีสะเกษ_2568_ร่าง.docx", "O35_เทศบาลเมืองศรีสะเกษ_2568_ร่าง.odt",
                                      "O34_เทศบาลเมืองศรีสะเกษ_2569_ร่าง.docx", "O34_เทศบาลเมืองศรีสะเกษ_2569_ร่าง.odt"])
    }

    /// `bundle` of an O34 corrected after rollover and the O35 that kept the old scores: refused, both values
    /// named, nothing written (it used to bundle both silently). An O35 measure the O34 never planned is a warning.
    func testBundleRefusesAnO34AndAnO35WithDifferentScoresAndWarnsOfAnUnplannedMeasure() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("itareport-yearbundle-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let examples = Self.root.appendingPathComponent("Examples")
        let o34Text = try String(contentsOf: examples.appendingPathComponent("sisaket-2568.yaml"), encoding: .utf8)
        let o35Text = try String(contentsOf: examples.appendingPathComponent("sisaket-o35-2568.yaml"), encoding: .utf8)
        let old = "indicators: {1: 99.39, 2: 97.71,", planned = "title: จัดทำคู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่"
        XCTAssertTrue(o34Text.contains(old) && o35Text.contains(old) && o35Text.contains(planned))
        let o34 = dir.appendingPathComponent("o34.yaml"), o35 = dir.appendingPathComponent("o35.yaml")
        let corrected = dir.appendingPathComponent("o34-corrected.yaml"), renamed = dir.appendingPathComponent("o35-renamed.yaml")
        try o34Text.write(to: o34, atomically: true, encoding: .utf8)
        try o35Text.write(to: o35, atomically: true, encoding: .utf8)
        try o34Text.replacingOccurrences(of: old, with: "indicators: {1: 99.49, 2: 97.61,").write(to: corrected, atomically: true, encoding: .utf8)
        try o35Text.replacingOccurrences(of: planned, with: "title: จัดอบรมคุณธรรมให้บุคลากรทุกระดับ").write(to: renamed, atomically: true, encoding: .utf8)
        let templates = Self.root.appendingPathComponent("Templates").path

        let out = dir.appendingPathComponent("refused")
        let refused = try itareport(["bundle", corrected.path, o35.path, "--format", "docx", "--template", templates, "--output", out.path])
        XCTAssertNotEqual(refused.status, 0, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("indicator 1 (assessment.indicators.1): 99.49 and 99.39"), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("indicator 2 (assessment.indicators.2): 97.61 and 97.71"), refused.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "nothing is written")

        let warned = try itareport(["bundle", o34.path, renamed.path, "--format", "docx", "--template", templates,
                                    "--output", dir.appendingPathComponent("warned").path])
        XCTAssertEqual(warned.status, 0, warned.stderr)
        XCTAssertTrue(warned.stderr.contains("warning: \(renamed.path): measure 1 'จัดอบรมคุณธรรมให้บุคลากรทุกระดับ' matches no measure title"),
                      warned.stderr)
    }

    /// Generating into a folder over a document that another data file wrote says so.
    /// The ten scores filled after a rollover are not enough for the 2567 O34: its issue tables print the question
    /// scores, so `check` lists them and `generate` writes a draft.
    func testRolledO34WithOnlyTheTenScoresIsNotComplete() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("itareport-cycle-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let example = Self.root.appendingPathComponent("Examples/sisaket-2568.yaml").path
        let roll = try itareport(["rollover", example, "--to", "2569", "--output", dir.path])
        XCTAssertEqual(roll.status, 0, roll.stderr)
        let rolled = try XCTUnwrap(roll.stdout.split(separator: "\n").map(String.init).first { $0.hasSuffix("2569.yaml") }, roll.stdout)
        let text = try String(contentsOfFile: rolled, encoding: .utf8)
        let filled = text.replacingOccurrences(of: "indicators: {1: , 2: , 3: , 4: , 5: , 6: , 7: , 8: , 9: , 10: }",
                                               with: "indicators: {1: 99.1, 2: 98.2, 3: 97.3, 4: 96.4, 5: 95.5, 6: 94.6, 7: 93.7, 8: 92.8, 9: 91.9, 10: 90}")
        XCTAssertNotEqual(filled, text)
        let file = dir.appendingPathComponent("f2569.yaml").path
        try filled.write(toFile: file, atomically: true, encoding: .utf8)
        let c = try itareport(["check", file, "--lang", "en"])
        XCTAssertNotEqual(c.status, 0, c.stdout)
        XCTAssertTrue(c.stdout.contains("assessment.questions") && c.stdout.contains("i1"), c.stdout)
        let out = dir.appendingPathComponent("out")
        let g = try itareport(["generate", file, "--output", out.path, "--template", Self.root.appendingPathComponent("Templates").path,
                               "--format", "docx"])
        XCTAssertEqual(g.status, 0, g.stderr)
        let written = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { !$0.hasPrefix(".") }
        XCTAssertEqual(written, ["O34_เทศบาลเมืองศรีสะเกษ_2569_ร่าง.docx"])
    }

    func testGenerateSaysWhenItReplacesADocumentOfAnotherDataFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("itareport-prov-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let example = Self.root.appendingPathComponent("Examples/sisaket-2568.yaml")
        let copy = dir.appendingPathComponent("copy.yaml")
        try FileManager.default.copyItem(at: example, to: copy)
        let out = dir.appendingPathComponent("out").path
        let templates = Self.root.appendingPathComponent("Templates").path
        let first = try itareport(["generate", example.path, "--output", out, "--template", templates])
        XCTAssertEqual(first.status, 0, first.stderr)
        let again = try itareport(["generate", example.path, "--output", out, "--template", templates])
        XCTAssertFalse(again.stderr.contains("is now replaced"), "the same data file again: \(again.stderr)")
        let other = try itareport(["generate", copy.path, "--output", out, "--template", templates])
        XCTAssertEqual(other.status, 0, other.stderr)
        XCTAssertTrue(other.stderr.contains("was written from \(example.standardizedFileURL.path) and is now replaced"), other.stderr)
    }

    /// A score out of range is an error: `score` names it and prints no total (it used to print 102.01 and exit 0).
    func testScoreRefusesAFileWithErrors() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("itareport-score-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let example = try String(contentsOf: Self.root.appendingPathComponent("Examples/sisaket-2568.yaml"), encoding: .utf8)
        XCTAssertTrue(example.contains("{1: 99.39,"))
        let file = dir.appendingPathComponent("over.yaml")
        try example.replacingOccurrences(of: "{1: 99.39,", with: "{1: 150,").write(to: file, atomically: true, encoding: .utf8)
        let r = try itareport(["score", file.path])
        XCTAssertEqual(r.status, 1, r.stdout)
        XCTAssertEqual(r.stdout, "", "no total from a file with errors")
        let line = try XCTUnwrap(example.components(separatedBy: "\n").firstIndex { $0.contains("{1: 99.39,") }) + 1
        XCTAssertTrue(r.stderr.contains("\(file.path):\(line):19: error: assessment.indicators.1: the score 150.00 is outside 0–100"), r.stderr)
        XCTAssertTrue(r.stderr.contains("\(file.path): the data file has errors"), r.stderr)
        let ok = try itareport(["score", Self.root.appendingPathComponent("Examples/sisaket-2568.yaml").path])
        XCTAssertEqual(ok.status, 0, ok.stderr)
        XCTAssertTrue(ok.stdout.contains("คะแนนรวม (คำนวณ): 98.97"), ok.stdout)
    }
}
