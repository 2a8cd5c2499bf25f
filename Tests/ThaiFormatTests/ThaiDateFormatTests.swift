import Foundation
import XCTest
@testable import ThaiFormat

final class ThaiDateFormatTests: XCTestCase {
    func testNumerals() {
        XCTAssertEqual(ThaiNumerals.toThai("98.86 ข้อ e9"), "๙๘.๘๖ ข้อ e๙")
        XCTAssertEqual(ThaiNumerals.toArabic("๒๕๖๘"), "2568")
        XCTAssertEqual(ThaiNumerals.toArabic(ThaiNumerals.toThai("0123456789")), "0123456789")
        XCTAssertTrue(ThaiNumerals.containsThaiDigits("ปี ๒๕๖๔"))
        XCTAssertFalse(ThaiNumerals.containsThaiDigits("2564"))
    }

    func testCalendarDate() throws {
        XCTAssertNil(CalendarDate(year: 2025, month: 2, day: 29))
        XCTAssertNotNil(CalendarDate(year: 2024, month: 2, day: 29))
        XCTAssertNil(CalendarDate(year: 2025, month: 13, day: 1))
        XCTAssertNil(CalendarDate(year: 2025, month: 4, day: 31))
        let a = try XCTUnwrap(CalendarDate(iso: "2025-03-15"))
        let b = try XCTUnwrap(CalendarDate(iso: "2568-03-15"))
        XCTAssertEqual(a, b)
        XCTAssertEqual(a.beYear, 2568)
        XCTAssertEqual(CalendarDate(iso: "๒๕๖๘-๐๓-๑๕"), a)
        XCTAssertNil(CalendarDate(iso: "15/03/2568"))
        XCTAssertNil(CalendarDate(iso: "2025-3"))
        XCTAssertNil(CalendarDate(iso: "2568-02-29"))  // 2025 is not a leap year
        XCTAssertEqual(a.fiscalYear, 2568)
        XCTAssertEqual(CalendarDate(year: 2024, month: 10, day: 1)?.fiscalYear, 2568)
        XCTAssertTrue(CalendarDate(year: 2024, month: 12, day: 31)! < a)
        XCTAssertEqual(CalendarDate(year: 2024, month: 12, day: 31)!.days(to: CalendarDate(year: 2025, month: 1, day: 1)!), 1)
        XCTAssertEqual(CalendarDate(year: 2024, month: 2, day: 3)!.endOfMonth.day, 29)
    }

    func testCodable() throws {
        let date = try XCTUnwrap(CalendarDate(year: 2025, month: 3, day: 15))
        let data = try JSONEncoder().encode([date])
        XCTAssertEqual(String(decoding: data, as: UTF8.self), "[\"2025-03-15\"]")
        XCTAssertEqual(try JSONDecoder().decode([CalendarDate].self, from: data), [date])
    }

    func testLongShort() throws {
        let d = try XCTUnwrap(CalendarDate(iso: "2025-03-15"))
        XCTAssertEqual(ThaiDateFormat.long(d), "15 มีนาคม 2568")
        XCTAssertEqual(ThaiDateFormat.short(d), "15 มี.ค. 68")
        XCTAssertEqual(ThaiDateFormat.monthName(9), "กันยายน")
        XCTAssertEqual(ThaiDateFormat.monthAbbreviation(10), "ต.ค.")
        XCTAssertEqual(ThaiDateFormat.monthName(0), "")
        XCTAssertEqual(ThaiDateFormat.month(named: "มี.ค."), 3)
        XCTAssertEqual(ThaiDateFormat.month(named: "ธันวาคม"), 12)
        XCTAssertEqual(ThaiDateFormat.month(named: "มีค"), 3)
    }

    func testPeriodsAndFiscalYear() throws {
        let from = try XCTUnwrap(CalendarDate(iso: "2568-04-01"))
        let to = try XCTUnwrap(CalendarDate(iso: "2568-09-30"))
        XCTAssertEqual(ThaiDateFormat.period(from: from, to: to, style: .long), "เมษายน 2568 ถึง กันยายน 2568")
        let f2 = try XCTUnwrap(CalendarDate(iso: "2567-10-01"))
        let t2 = try XCTUnwrap(CalendarDate(iso: "2568-03-31"))
        XCTAssertEqual(ThaiDateFormat.period(from: f2, to: t2, style: .short), "ต.ค. 67 – มี.ค. 68")
        XCTAssertEqual(ThaiDateFormat.fiscalYearRange(2568), "1 ตุลาคม 2567 – 30 กันยายน 2568")
        XCTAssertEqual(CalendarDate.fiscalYearStart(2568), CalendarDate(year: 2024, month: 10, day: 1))
        XCTAssertEqual(CalendarDate.fiscalYearEnd(2568), CalendarDate(year: 2025, month: 9, day: 30))
        XCTAssertEqual(ThaiDateFormat.twoDigitYear(2605), "05")
    }
}
