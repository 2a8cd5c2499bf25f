@testable import ITAKit
import XCTest

/// The score table's column logic, shared by CSV files and workbook sheets.
final class ScoreSheetTests: XCTestCase {
    let scores = (1...10).map { String(80 + $0) }

    func testRowNumberColumnsAreIgnoredInCSVAndSheets() throws {
        for header in ["ลำดับ", "ที่", "no", "No.", "#", "ลำดับที่"] {
            let csv = "\(header),ชื่อหน่วยงาน,อำเภอ,\((1...10).map { "ตัวชี้วัดที่ \($0)" }.joined(separator: ","))\n1,อบต.ก,เมือง,\(scores.joined(separator: ","))\n"
            let sheet = try ScoreSheet.parse(text: csv, file: "s.csv")
            XCTAssertEqual(sheet.rows.count, 1, header)
            XCTAssertNil(sheet.rows[0].problem, header)
            XCTAssertEqual(sheet.rows[0].name, "อบต.ก")
            XCTAssertEqual(sheet.rows[0].indicators[10], 90)
        }
        let rows = [
            TableRow(number: 3, cells: ["ลำดับ", "ชื่อ\nหน่วยงาน", "ตัวชี้วัด\nที่ 1"] + (2...10).map { "ind\($0)" }),
            TableRow(number: 4, cells: ["1", "เทศบาลตำบล ข"] + scores),
        ]
        let sheet = try ScoreSheet.parse(rows: rows, file: "p.xlsx", sheet: "คะแนน")
        XCTAssertEqual(sheet.sheet, "คะแนน")
        XCTAssertEqual(sheet.rows.map(\.line), [4])
        XCTAssertEqual(sheet.rows[0].indicators.count, 10)
        XCTAssertNil(sheet.rows[0].problem)
    }

    func testUnknownColumnsAreAllListedWithEveryAcceptedName() {
        let rows = [TableRow(number: 1, cells: ["ลำดับ", "ชื่อหน่วยงาน", "หมายเหตุ", "", "คะแนน 1"] + (1...10).map(String.init))]
        XCTAssertThrowsError(try ScoreSheet.parse(rows: rows, file: "p.xlsx", sheet: "S")) { error in
            let message = "\(error)"
            XCTAssertTrue(message.hasPrefix("p.xlsx, sheet 'S', row 1: unknown columns 'หมายเหตุ' (column C), 'คะแนน 1' (column E)."), message)
            for (_, names) in ScoreColumnNames.table {
                for name in names { XCTAssertTrue(message.contains(name), "\(name) is listed") }
            }
            XCTAssertTrue(message.contains("ind1 … ind10"))
            XCTAssertTrue(message.contains("ตัวชี้วัดที่ 1 … ตัวชี้วัดที่ 10"))
        }
        XCTAssertThrowsError(try ScoreSheet.parse(text: "name,district,foo\n", file: "s.csv")) {
            XCTAssertTrue("\($0)".hasPrefix("s.csv:1: unknown column 'foo' (column 3). Rename it"), "\($0)")
        }
        // Every listed name is accepted.
        for (column, names) in ScoreColumnNames.table {
            for name in names { XCTAssertEqual(ScoreColumnNames.column(name), column, name) }
        }
        XCTAssertEqual(ScoreColumnNames.column("ตัวชี้วัดที่ ๑๐"), .indicator(10))
        XCTAssertNil(ScoreColumnNames.column("ind11"))
        XCTAssertNil(ScoreColumnNames.column("ind01"))
    }

    func testBadCellsAreNamedByCellWithWhatToType() throws {
        let header = TableRow(number: 1, cells: ["ที่", "name"] + (1...10).map(String.init) + ["total"])
        var cells = ["1", "อบต.ค"] + scores + ["85"]
        cells[3] = "87,5"
        cells[4] = "TRUE"
        cells[12] = "120"
        let sheet = try ScoreSheet.parse(rows: [header, TableRow(number: 7, cells: cells + ["", "เกิน"])], file: "p.xlsx", sheet: "S")
        let problem = try XCTUnwrap(sheet.rows[0].problem)
        XCTAssertTrue(problem.contains("cell D7: indicator 2 '87,5' is not a score between 0 and 100; write the decimal with a point: 87.5"), problem)
        XCTAssertTrue(problem.contains("cell E7: indicator 3 'TRUE' is not a score between 0 and 100; type the score as a number such as 87.5"), problem)
        XCTAssertTrue(problem.contains("cell M7: total '120' is not a score between 0 and 100; a score is at most 100"), problem)
        XCTAssertTrue(problem.contains("cell O7: more columns than the header names"), problem)

        let csv = try ScoreSheet.parse(text: "ก,ข,ค,1,2,abc,4,5,6,7,8,9,10\n", file: "s.csv")
        XCTAssertEqual(csv.rows[0].problem, "indicator 3 'abc' is not a score between 0 and 100; type the score as a number such as 87.5 (digits and at most one point, no % or text)")
        XCTAssertEqual("\(ScoreSheetError(file: "p.xlsx", line: 7, message: .verbatim("m"), sheet: "S"))", "p.xlsx, sheet 'S', row 7: m")
        XCTAssertEqual("\(ScoreSheetError(file: "s.csv", line: 7, message: .verbatim("m")))", "s.csv:7: m")
    }

    func testTitleRowsAboveTheHeader() throws {
        let header = ["ลำดับ", "ชื่อหน่วยงาน"] + (1...10).map { "ตัวชี้วัดที่ \($0)" }
        let rows = [
            TableRow(number: 1, cells: ["ผลคะแนน ITA จังหวัดศรีสะเกษ ปีงบประมาณ พ.ศ. 2568"]),
            TableRow(number: 2, cells: ["", "ข้อมูล ณ วันที่ 1 ตุลาคม 2568", "หน่วย: คะแนน"]),
            TableRow(number: 4, cells: header),
            TableRow(number: 5, cells: ["1", "อบต.ง"] + scores),
        ]
        let sheet = try ScoreSheet.parse(rows: rows, file: "p.xlsx", sheet: "S")
        XCTAssertEqual(sheet.rows.map(\.line), [5])
        XCTAssertNil(sheet.rows[0].problem)
        // A row of three values above is not a title: the first row is the header, and wrong.
        var notTitle = rows
        notTitle[1].cells.append("x")
        XCTAssertThrowsError(try ScoreSheet.parse(rows: notTitle, file: "p.xlsx", sheet: "S")) {
            XCTAssertTrue("\($0)".contains("row 1: unknown column 'ผลคะแนน ITA"), "\($0)")
        }
        // Without a complete header below, a first row is still the header (and named as wrong).
        XCTAssertThrowsError(try ScoreSheet.parse(rows: [rows[0], TableRow(number: 2, cells: ["อบต.ง"] + scores)], file: "p.xlsx", sheet: "S")) {
            XCTAssertTrue("\($0)".contains("row 1: unknown column"), "\($0)")
        }
    }

    func testAnEmptySheetAndAHeaderAlone() {
        XCTAssertThrowsError(try ScoreSheet.parse(rows: [TableRow(number: 2, cells: ["", " "])], file: "p.xlsx", sheet: "S")) {
            XCTAssertTrue("\($0)".hasPrefix("p.xlsx, sheet 'S': the sheet has no rows"), "\($0)")
        }
        XCTAssertThrowsError(try ScoreSheet.parse(rows: [TableRow(number: 1, cells: ["name"] + (1...10).map(String.init))], file: "p.xlsx", sheet: "S")) {
            XCTAssertTrue("\($0)".contains("the sheet has a header but no organisation rows"), "\($0)")
        }
    }
}
