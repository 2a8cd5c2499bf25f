@testable import ITAKit
import XCTest

/// The score table's column logic, shared by CSV files and workbook sheets.
final class ScoreSheetTests: XCTestCase {
    let scores = (1...10).map { String(80 + $0) }

    func testRowNumberColumnsAreIgnoredInCSVAndSheets() throws {
        for header in ["ลำดับ", "ที่", "no", "No.", "#", "ลำดับที่"] {
            let csv = "\(header),ชื่อหน่วยงาน,อำเภอ,จังหวัด,\((1...10).map { "ตัวชี้วัดที่ \($0)" }.joined(separator: ","))\n1,อบต.ก,เมือง,ศรีสะเกษ,\(scores.joined(separator: ","))\n"
            let sheet = try ScoreSheet.parse(text: csv, file: "s.csv")
            XCTAssertEqual(sheet.rows.count, 1, header)
            XCTAssertNil(sheet.rows[0].problem, header)
            XCTAssertEqual(sheet.rows[0].name, "อบต.ก")
            XCTAssertEqual(sheet.rows[0].indicators[10], 90)
        }
        let rows = [
            TableRow(number: 3, cells: ["ลำดับ", "ชื่อ\nหน่วยงาน", "อำเภอ", "จังหวัด", "ตัวชี้วัด\nที่ 1"] + (2...10).map { "ind\($0)" }),
            TableRow(number: 4, cells: ["1", "เทศบาลตำบล ข", "เมือง", "ศรีสะเกษ"] + scores),
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
        let header = ["ลำดับ", "ชื่อหน่วยงาน", "อำเภอ", "จังหวัด"] + (1...10).map { "ตัวชี้วัดที่ \($0)" }
        let rows = [
            TableRow(number: 1, cells: ["ผลคะแนน ITA จังหวัดศรีสะเกษ ปีงบประมาณ พ.ศ. 2568"]),
            TableRow(number: 2, cells: ["", "ข้อมูล ณ วันที่ 1 ตุลาคม 2568", "หน่วย: คะแนน"]),
            TableRow(number: 4, cells: header),
            TableRow(number: 5, cells: ["1", "อบต.ง", "เมือง", "ศรีสะเกษ"] + scores),
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

    /// A headerless row with its district column left out would move every value one place left
    /// (province "99.39", indicator 1 = the real 2, indicator 10 = the total): it is refused.
    func testAHeaderlessRowMustMatchTheLayoutExactly() throws {
        let real = ["99.39", "97.71", "97.65", "98.21", "98.82", "98.97", "99.09", "96.60", "100", "100"]
        // name, province, ten scores, total: 13 values like the full layout, but a number where the province goes.
        let shifted = try ScoreSheet.parse(text: "เทศบาลก,ศรีสะเกษ,\(real.joined(separator: ",")),98.97\n", file: "s.csv")
        let problem = try XCTUnwrap(shifted.rows[0].problem)
        XCTAssertTrue(problem.contains("the province (จังหวัด) '99.39' (column 3) is a number, not a name: is a column missing or out of place?"), problem)
        XCTAssertTrue(problem.contains("name, district, province, the ten indicator scores"), problem)
        XCTAssertEqual(shifted.rows[0].line, 1)
        // Without the total: 12 values, fewer than the layout.
        let short = try ScoreSheet.parse(text: "เทศบาลก,ศรีสะเกษ,\(real.joined(separator: ","))\n", file: "s.csv")
        XCTAssertTrue(short.rows[0].problem?.hasPrefix("the row has 12 values (เทศบาลก | ศรีสะเกษ | 99.39") == true, short.rows[0].problem ?? "")
        XCTAssertTrue(short.rows[0].problem?.contains("(13 to 15 values)") == true, short.rows[0].problem ?? "")
        // One value too many (a remark after the level): 16 values.
        let long = try ScoreSheet.parse(text: "เทศบาลก,เมือง,ศรีสะเกษ,\(real.joined(separator: ",")),98.97,ผ่านดีเยี่ยม,ตรวจแล้ว\n", file: "s.csv")
        XCTAssertTrue(long.rows[0].problem?.hasPrefix("the row has 16 values") == true, long.rows[0].problem ?? "")
        // A number in the level's place (a total column doubled, say) in a sheet, named by its cell.
        let sheet = try ScoreSheet.parse(rows: [TableRow(number: 4, cells: ["เทศบาลก", "เมือง", "ศรีสะเกษ"] + real + ["98.97", "98.97"])],
                                         file: "p.xlsx", sheet: "S")
        XCTAssertTrue(sheet.rows[0].problem?.contains("cell O4: level '98.97' (column O) is a number") == true, sheet.rows[0].problem ?? "")
        // The exact layout, with trailing empty cells as a spreadsheet's export leaves them, is read.
        let good = try ScoreSheet.parse(text: "เทศบาลก,เมือง,ศรีสะเกษ,\(real.joined(separator: ",")),98.97,ผ่านดีเยี่ยม,,\n", file: "s.csv")
        XCTAssertNil(good.rows[0].problem)
        XCTAssertEqual(good.rows[0].province, "ศรีสะเกษ")
        XCTAssertEqual(good.rows[0].indicators[1], Decimal(string: "99.39"))
        XCTAssertEqual(good.rows[0].indicators[10], 100)
        XCTAssertEqual(good.rows[0].officialTotal, Decimal(string: "98.97"))
        // With a header too, a name, district or province is never a number.
        let header = try ScoreSheet.parse(text: "ชื่อหน่วยงาน,อำเภอ,จังหวัด,\((1...10).map(String.init).joined(separator: ","))\nเทศบาลก,12,ศรีสะเกษ,\(scores.joined(separator: ","))\n", file: "s.csv")
        XCTAssertTrue(header.rows[0].problem?.contains("the district (อำเภอ) '12' (column 2) is a number") == true, header.rows[0].problem ?? "")
    }

    /// Name, district and province are printed on every cover: a row without one fails with its row and
    /// column, except the district of a provincial administrative organisation, which has none.
    func testNameDistrictAndProvinceAreRequiredExceptAProvincialOrganisationsDistrict() throws {
        let numbers = (1...10).map(String.init).joined(separator: ",")
        let noDistrictColumn = try ScoreSheet.parse(text: "ชื่อหน่วยงาน,จังหวัด,\(numbers)\nเทศบาลก,ศรีสะเกษ,\(scores.joined(separator: ","))\n", file: "s.csv")
        XCTAssertEqual(noDistrictColumn.rows[0].problem,
                       "the district (อำเภอ) is missing: the header row has no such column; add a column headed district / amphoe / อำเภอ (only a provincial administrative organisation, องค์การบริหารส่วนจังหวัด, has no district)")
        XCTAssertEqual(noDistrictColumn.rows[0].problemMessage?.text(in: .th).hasPrefix("ยังไม่มีอำเภอ เพราะหัวตารางไม่มีคอลัมน์นี้"), true)
        let rows = [
            TableRow(number: 1, cells: ["ชื่อหน่วยงาน", "อำเภอ", "จังหวัด", "ประเภท"] + (1...10).map(String.init)),
            TableRow(number: 2, cells: ["เทศบาลก", "", "ศรีสะเกษ", ""] + scores),
            TableRow(number: 3, cells: ["", "เมือง", "", ""] + scores),
            TableRow(number: 4, cells: ["องค์การบริหารส่วนจังหวัดศรีสะเกษ", "", "ศรีสะเกษ", ""] + scores),
            TableRow(number: 5, cells: ["อบจ.ยโสธร", "", "ยโสธร", "องค์การบริหารส่วนจังหวัด"] + scores),
            TableRow(number: 6, cells: ["อบจ.ยโสธร", "", "", "องค์การบริหารส่วนจังหวัด"] + scores),
        ]
        let sheet = try ScoreSheet.parse(rows: rows, file: "p.xlsx", sheet: "S")
        XCTAssertEqual(sheet.rows[0].problem?.hasPrefix("cell B2: the district (อำเภอ) is empty (column B)"), true, sheet.rows[0].problem ?? "")
        XCTAssertTrue(sheet.rows[1].problem?.hasPrefix("cell A3: the organisation's name is empty (column A)") == true, sheet.rows[1].problem ?? "")
        XCTAssertTrue(sheet.rows[1].problem?.contains("cell C3: the province (จังหวัด) is empty (column C)") == true, sheet.rows[1].problem ?? "")
        XCTAssertNil(sheet.rows[2].problem, "a provincial administrative organisation by its name has no district")
        XCTAssertNil(sheet.rows[3].problem, "nor by its kind")
        XCTAssertTrue(sheet.rows[4].problem?.hasPrefix("cell C6: the province (จังหวัด) is empty") == true, "but it has a province: \(sheet.rows[4].problem ?? "")")
        // The base file's kind counts for rows that do not give theirs.
        let csv = "ชื่อหน่วยงาน,จังหวัด,\(numbers)\nอบจ.ก,ศรีสะเกษ,\(scores.joined(separator: ","))\n"
        XCTAssertNil(try ScoreSheet.parse(text: csv, file: "s.csv", baseKind: "องค์การบริหารส่วนจังหวัด").rows[0].problem)
        XCTAssertNotNil(try ScoreSheet.parse(text: csv.replacingOccurrences(of: "อบจ.ก", with: "เทศบาลก"), file: "s.csv",
                                             baseKind: "เทศบาลตำบล").rows[0].problem)
        XCTAssertNil(try ScoreSheet.parse(text: csv, file: "s.csv", baseKind: "เทศบาลเมือง").rows[0].problem, "the row's own name says อบจ.")
        // A CSV names the column by number (its line is named by the batch's place).
        let empty = try ScoreSheet.parse(text: ",เมือง,ศรีสะเกษ,\(scores.joined(separator: ","))\n", file: "s.csv")
        XCTAssertEqual(empty.rows[0].problem, "the organisation's name is empty (column 1); type it: every document prints it on its cover (only a provincial administrative organisation, องค์การบริหารส่วนจังหวัด, has no district)")
    }

    /// Ten scores all between 0 and 1 are percentages stored as fractions (0.9939 for 99.39%): refused, naming the cells.
    func testScoresThatLookLikeFractionsAreRefused() throws {
        let fractions = ["0.9939", "0.9771", "0.9765", "0.9821", "0.9882", "0.9897", "0.9909", "0.966", "1", "1"]
        let sheet = try ScoreSheet.parse(rows: [TableRow(number: 1, cells: ["ชื่อหน่วยงาน", "อำเภอ", "จังหวัด"] + (1...10).map { "ตัวชี้วัดที่ \($0)" }),
                                                TableRow(number: 2, cells: ["เทศบาลตำบลร้อย", "เมือง", "ศรีสะเกษ"] + fractions)],
                                         file: "p.xlsx", sheet: "S")
        XCTAssertEqual(sheet.rows[0].problem, "the ten scores (D2–M2) are all between 0 and 1: this looks like fractions (a cell formatted as a percentage stores 0.9939 for 99.39%); type the scores as the ITA system announces them, 99.39 not 0.9939")
        let csv = try ScoreSheet.parse(text: "เทศบาลก,เมือง,ศรีสะเกษ,\(fractions.joined(separator: ","))\n", file: "s.csv")
        XCTAssertTrue(csv.rows[0].problem?.contains("(0.9939, 0.9771,") == true, csv.rows[0].problem ?? "")
        // One real score above 1 and the row is read.
        var mixed = fractions
        mixed[0] = "99.39"
        XCTAssertNil(try ScoreSheet.parse(text: "เทศบาลก,เมือง,ศรีสะเกษ,\(mixed.joined(separator: ","))\n", file: "s.csv").rows[0].problem)
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
