import Foundation
import XCTest
@testable import ITAKit

final class CompletenessCheckerTests: XCTestCase {
    private static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Examples")

    private let incompleteO34 = """
    fiscal_year: 2568
    document: o34
    organization: {name: เทศบาลตำบลทดลอง, district: เมือง, province: ชัยภูมิ}
    assessment:
      year: 2567
      indicators: {1: 99, 2: 98, 3: 97, 4: 98, 5: 99, 6: 99, 7: 99, 8: 96, 9: 100, 10: 90}
    limitations:
      problems: [บุคลากรไม่เพียงพอ]
    measures:
      - issue: 1
        title: ทบทวนคู่มือการปฏิบัติงาน
        steps: [ทบทวนคู่มือ, เผยแพร่คู่มือ]
        owners: [สำนักปลัด]
        period: {from: 2568-04-01, to: 2568-09-30}
      - issue: 2
        title: พัฒนาระบบ E-Service
        period: ตลอดปีงบประมาณ
    """

    private func gaps(_ text: String) -> [CompletenessGap] {
        let loaded = ReportLoader.load(text: text, file: "test.yaml")
        XCTAssertFalse(loaded.hasErrors, loaded.diagnostics.map(\.description).joined(separator: "\n"))
        return CompletenessChecker.check(loaded.data!, catalog: loaded.catalog)
    }

    func testIncompleteO34ListsItemAndField() {
        let found = gaps(incompleteO34)
        let paths = found.map(\.path)
        XCTAssertTrue(paths.contains("measures[1].owners"))
        XCTAssertTrue(paths.contains("measures[1].steps"))
        XCTAssertFalse(paths.contains("measures[1].period"))
        XCTAssertFalse(paths.contains { $0.hasPrefix("measures[0]") })
        XCTAssertTrue(paths.contains("limitations.suggestions"))
        XCTAssertFalse(paths.contains("limitations.problems"))
        let methods = found.filter { $0.path == "measures" }
        XCTAssertEqual(methods.map { $0.item.split(separator: " ").prefix(2).joined(separator: " ") },
                       ["ประเด็นที่ 3", "ประเด็นที่ 4", "ประเด็นที่ 5", "ประเด็นที่ 6", "ประเด็นที่ 7"])
        XCTAssertTrue(methods.allSatisfy { $0.field.contains("วิธีการนำผลการวิเคราะห์ไปสู่การปฏิบัติ") })
        let owners = found.first { $0.path == "measures[1].owners" }!
        XCTAssertTrue(owners.item.hasPrefix("ประเด็นที่ 2"), owners.item)
        XCTAssertTrue(owners.field.contains("ผู้รับผิดชอบ"), owners.field)
        // The 2567 form prints the question scores of each issue and the level, which ITA 2567 bands do not confirm.
        XCTAssertTrue(paths.contains("assessment.questions"))
        XCTAssertTrue(paths.contains("assessment.official.level"))
        XCTAssertEqual(found.count, 10)
    }

    func testExamplesAreComplete() {
        for name in ["sisaket-2568.yaml", "wangthong-2567.yaml", "khlongsaensaep-2564.yaml", "nongbua-2568.yaml"] {
            let loaded = ReportLoader.load(path: Self.examples.appendingPathComponent(name).path)
            let found = CompletenessChecker.check(loaded.data!, catalog: loaded.catalog)
            XCTAssertEqual(found, [], "\(name): \(found)")
        }
    }

    func testO35NeedsWhatWasDoneAndAnOutcome() {
        let yaml = """
        fiscal_year: 2567
        document: o35
        organization: {name: อบต.ทดลอง, district: เมือง, province: ชัยภูมิ}
        assessment:
          year: 2567
          indicators: {1: 98.38, 2: 99.03}
        measures:
          - title: มาตรการที่มีครบ
            details: [จัดทำคู่มือ]
            outcome: บุคลากรปฏิบัติตามคู่มือ
          - title: มาตรการที่อ้างคะแนน
            summary: เผยแพร่แผนการใช้จ่ายงบประมาณ
            citations: [{indicator: 2}]
          - title: มาตรการที่ไม่มีผล
        """
        let found = gaps(yaml)
        XCTAssertEqual(found.map(\.path), ["measures[2].details", "measures[2].outcome"])
        XCTAssertEqual(found.map(\.item), ["มาตรการที่ 3", "มาตรการที่ 3"])
    }

    func testAnalysisReportNeedsAMeasurePerWeakness() {
        let yaml = """
        fiscal_year: 2568
        document: analysis
        organization: {name: อบต.ทดลอง, district: เมือง, province: ชัยภูมิ}
        assessment:
          year: 2568
          indicators: {1: 100, 2: 100, 3: 100, 4: 100, 5: 100, 6: 98.71, 7: 98.81, 8: 98.76, 9: 93.25, 10: 80}
          official: {level: ผ่านดีเยี่ยม}
        measures:
          - indicators: [9]
            title: ทบทวนข้อมูลบนเว็บไซต์
            steps: [ตรวจรายการข้อมูล]
            owners: [สำนักปลัด]
            period: ตลอดปีงบประมาณ
        """
        let found = gaps(yaml)
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.item, "ตัวชี้วัดที่ 10 การป้องกันการทุจริต")
    }

    func testNoDocumentNoCheck() {
        XCTAssertEqual(CompletenessChecker.check(ReportData()), [])
    }
}
