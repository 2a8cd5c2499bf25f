import Foundation
import ITAKit
import ITAReports
import ThaiFormat
import XCTest

/// A data file with nothing but the organisation and the ten indicator scores still gives complete documents:
/// every narrative is written from the scores.
final class BareDataReportsTests: XCTestCase {
    static let templates = GeneratedReportsTests.templates

    let yaml = """
    fiscal_year: 2568
    organization:
      name: องค์การบริหารส่วนตำบลทดสอบ
      district: เมืองทดสอบ
      province: ทดสอบ
    assessment:
      year: 2567
      indicators: {1: 99.39, 2: 97.71, 3: 97.65, 4: 98.21, 5: 98.82, 6: 98.97, 7: 99.09, 8: 96.60, 9: 100, 10: 88.40}
    """

    func testAnalysisReportAndO34FromTheTenScoresAlone() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("itareport-bare-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("bare.yaml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        let loaded = ReportLoader.load(path: file.path)
        XCTAssertFalse(loaded.hasErrors, loaded.diagnostics.map { "\($0)" }.joined(separator: "\n"))
        let result = try ReportGenerator(templateDirectory: Self.templates).generate(
            loaded: loaded, dataURL: file, kinds: [.analysis, .o34], formats: [.docx, .odt], outputDirectory: dir.appendingPathComponent("out"))
        XCTAssertEqual(result.outputs.count, 4)
        let scores = try XCTUnwrap(loaded.data?.assessment?.indicators)

        for o in result.outputs where o.kind == .analysis {
            let doc = try DocumentText(o.url)
            let text = doc.all
            XCTAssertFalse(text.contains("{{"))
            XCTAssertTrue(text.contains("จุดแข็ง จำนวน 9 ตัวชี้วัด"), "strengths counted (one below 95): \(o.format)")
            XCTAssertTrue(text.contains("จำนวน 1 ตัวชี้วัด"), "weaknesses counted: \(o.format)")
            // The strengths/weaknesses table: every indicator's analysis cell is written and quotes its score.
            let rows = doc.tables.flatMap { $0 }.filter { $0.count == 2 && $0[0].hasPrefix("ตัวชี้วัดที่") }
            XCTAssertEqual(rows.count, 10, "\(rows.map { $0[0] })")
            for row in rows {
                guard let n = Int(row[0].dropFirst("ตัวชี้วัดที่ ".count).prefix { $0.isNumber }), let s = scores[n] else {
                    XCTFail("cannot read the indicator of \(row[0])"); continue
                }
                XCTAssertNotEqual(row[1], "-", "indicator \(n) has no analysis")
                XCTAssertTrue(row[1].contains(ThaiNumberFormat.fixed(s, places: 2)), "indicator \(n)'s analysis quotes its score: \(row[1])")
            }
            let paragraphs = rows.map { $0[1] }
            XCTAssertEqual(Set(paragraphs).count, paragraphs.count, "no two indicator paragraphs are the same")
        }
        for o in result.outputs where o.kind == .o34 {
            let text = try DocumentText(o.url).all
            XCTAssertFalse(text.contains("{{"))
            for n in 1...7 {
                XCTAssertTrue(text.contains("ประเด็นที่ \(n)"), "issue \(n) heading missing")
            }
            // Each issue's three blocks are written (none left as a dash).
            for label in ["ข้อบกพร่อง/ข้อปรับปรุง -", "ข้อที่ต้องพัฒนา -", "รักษาระดับ -"] {
                XCTAssertFalse(text.contains(label), "a block is empty: \(label)")
            }
            XCTAssertTrue(text.contains("88.40"), "the weak indicator's score is quoted")
        }
    }
}
