import Foundation
import OfficePackage
import XCTest

/// scripts/print-check.py (every document of an example printed by LibreOffice and checked) on a real
/// document's data, and scripts/line-check.py catching words split in text that has no joiners.
final class PrintCheckScriptTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    private func tools() throws -> String {
        guard let python = RealClients.which("python3") else { throw XCTSkip("python3 is not installed") }
        for t in ["soffice", "pdftotext"] where RealClients.which(t) == nil { throw XCTSkip("\(t) is not installed") }
        return python
    }

    /// "total: number 0, year 0, …" as counts by kind.
    private func totals(_ output: String) throws -> [String: Int] {
        let line = try XCTUnwrap(output.split(separator: "\n").last { $0.hasPrefix("total: ") }, output)
        var out: [String: Int] = [:]
        for item in line.dropFirst("total: ".count).split(separator: ";")[0].split(separator: ",") {
            let kv = item.split(separator: " ")
            if kv.count == 2, let n = Int(kv[1]) { out[String(kv[0])] = n }
        }
        return out
    }

    /// Wangthong's O35 (from a real 2567 report) in DOCX and ODT: no number, year, date, listed word or
    /// name split at a line end, no joiner in the PDF text, no lone signature, no heading ending a page,
    /// page counts alike.
    func testWangthongPrintsWithNothingSplitAndPagesAlike() throws {
        let python = try tools()
        let binary = CLITests.productsDirectory.appendingPathComponent("itareport")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            XCTFail("no itareport binary at \(binary.path): build it first (swift build)")
            return
        }
        let keep = FileManager.default.temporaryDirectory.appendingPathComponent("print-check-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: keep) }
        let r = try XCTUnwrap(RealClients.run(python, [Self.root.appendingPathComponent("scripts/print-check.py").path,
                                                        "--bin", binary.path, "--keep", keep.path, "-v",
                                                        Self.root.appendingPathComponent("Examples/wangthong-2567.yaml").path],
                                              timeout: 600))
        let t = try totals(r.stdout)
        for kind in ["number", "year", "date", "word", "org", "joiner", "signature", "heading", "lost", "empty", "pages"] {
            XCTAssertEqual(t[kind], 0, "\(kind):\n\(r.stdout)\(r.stderr)")
        }
        XCTAssertNotNil(t["row"], r.stdout)
        XCTAssertTrue(r.stdout.contains("2 documents") || r.stdout.contains("1 documents"), r.stdout)
    }

    /// Khlong Saen Saep's O34, O35 and analysis (a 2564 report with rows taller than a page): every
    /// paragraph's end is in the PDF (a row that may not split is clipped by LibreOffice when it is taller
    /// than a page), and no signature block is alone on its page.
    func testKhlongSaenSaepLosesNoTextAndSignsWithTheTable() throws {
        let python = try tools()
        let binary = CLITests.productsDirectory.appendingPathComponent("itareport")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            XCTFail("no itareport binary at \(binary.path): build it first (swift build)")
            return
        }
        let keep = FileManager.default.temporaryDirectory.appendingPathComponent("print-check-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: keep) }
        let r = try XCTUnwrap(RealClients.run(python, [Self.root.appendingPathComponent("scripts/print-check.py").path,
                                                        "--bin", binary.path, "--keep", keep.path, "-v",
                                                        Self.root.appendingPathComponent("Examples/khlongsaensaep-o35-2564.yaml").path],
                                              timeout: 900))
        let t = try totals(r.stdout)
        XCTAssertTrue(r.stdout.contains("3 documents"), r.stdout + r.stderr)
        for kind in ["signature", "lost", "heading", "pages"] {
            XCTAssertEqual(t[kind], 0, "\(kind):\n\(r.stdout)\(r.stderr)")
        }
    }

    /// Listed words in narrow cells with no joiners: LibreOffice's dictionary splits some of them, and
    /// line-check counts them.
    func testLineCheckFindsListedWordsSplitInTextWithoutJoiners() throws {
        let python = try tools()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("line-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let b = Body(.docx)
        let words = ["เจ้าหน้าที่", "หน่วยงาน", "รับผิดชอบ", "ผู้บังคับบัญชา", "ประชาสัมพันธ์", "ขั้นตอน"]
        let fillers = ["การ", "ให้ความ", "ของ", "ในการ", "และ", "เพื่อ"]
        var cells: [String] = []
        for c in 0..<3 {
            var paragraphs = ""
            for n in 0..<12 {
                var text = ""
                for k in 0..<words.count {
                    let filler: String = fillers[(k + n + c) % fillers.count]
                    let word: String = words[(k * 5 + n) % words.count]
                    text += filler + word
                }
                paragraphs += b.p(text)
            }
            cells.append(paragraphs)
        }
        let url = folder.appendingPathComponent("O34_เทศบาลทดสอบ_2568.docx")
        try Fixture.write(.docx, body: b.table([cells]), to: url)
        let r = try XCTUnwrap(RealClients.run(python, [Self.root.appendingPathComponent("scripts/line-check.py").path, "-v", url.path],
                                              timeout: 300))
        XCTAssertEqual(r.status, 1, r.stdout + r.stderr)
        XCTAssertGreaterThan(try totals(r.stdout)["word"] ?? 0, 0, r.stdout)
    }
}
