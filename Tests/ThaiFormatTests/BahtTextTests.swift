import Foundation
import XCTest
@testable import ThaiFormat

final class BahtTextTests: XCTestCase {
    private func spell(_ s: String) -> String? { BahtText.spell(Decimal(string: s)!) }

    func testUnitsAndEt() {
        XCTAssertEqual(spell("0"), "ศูนย์บาทถ้วน")
        XCTAssertEqual(spell("1"), "หนึ่งบาทถ้วน")
        XCTAssertEqual(spell("10"), "สิบบาทถ้วน")
        XCTAssertEqual(spell("11"), "สิบเอ็ดบาทถ้วน")
        XCTAssertEqual(spell("21"), "ยี่สิบเอ็ดบาทถ้วน")
        XCTAssertEqual(spell("20"), "ยี่สิบบาทถ้วน")
        XCTAssertEqual(spell("22"), "ยี่สิบสองบาทถ้วน")
        XCTAssertEqual(spell("101"), "หนึ่งร้อยเอ็ดบาทถ้วน")
        XCTAssertEqual(spell("111"), "หนึ่งร้อยสิบเอ็ดบาทถ้วน")
        XCTAssertEqual(spell("1001"), "หนึ่งพันเอ็ดบาทถ้วน")
        XCTAssertEqual(spell("120"), "หนึ่งร้อยยี่สิบบาทถ้วน")
        XCTAssertEqual(spell("315"), "สามร้อยสิบห้าบาทถ้วน")
    }

    func testMillionGroups() {
        XCTAssertEqual(spell("1000000"), "หนึ่งล้านบาทถ้วน")
        XCTAssertEqual(spell("1000001"), "หนึ่งล้านเอ็ดบาทถ้วน")
        XCTAssertEqual(spell("1000011"), "หนึ่งล้านสิบเอ็ดบาทถ้วน")
        XCTAssertEqual(spell("11000000"), "สิบเอ็ดล้านบาทถ้วน")
        XCTAssertEqual(spell("21000000"), "ยี่สิบเอ็ดล้านบาทถ้วน")
        XCTAssertEqual(spell("1000000000000"), "หนึ่งล้านล้านบาทถ้วน")
        XCTAssertEqual(spell("2500000000000"), "สองล้านห้าแสนล้านบาทถ้วน")
        XCTAssertEqual(spell("1234567"), "หนึ่งล้านสองแสนสามหมื่นสี่พันห้าร้อยหกสิบเจ็ดบาทถ้วน")
        XCTAssertEqual(spell("100000"), "หนึ่งแสนบาทถ้วน")
    }

    /// The Royal Institute's rule, applied by hand: a 1 in the units place is เอ็ด when any digit
    /// before it (in any group) is not zero, หนึ่ง when it stands alone; satang are a number of their own.
    func testRoyalInstituteTable() {
        let table: [(String, String)] = [
            ("0", "ศูนย์บาทถ้วน"),
            ("0.01", "หนึ่งสตางค์"),
            ("0.10", "สิบสตางค์"),
            ("0.11", "สิบเอ็ดสตางค์"),
            ("0.21", "ยี่สิบเอ็ดสตางค์"),
            ("1", "หนึ่งบาทถ้วน"),
            ("1.01", "หนึ่งบาทหนึ่งสตางค์"),
            ("10", "สิบบาทถ้วน"),
            ("11", "สิบเอ็ดบาทถ้วน"),
            ("21", "ยี่สิบเอ็ดบาทถ้วน"),
            ("21.21", "ยี่สิบเอ็ดบาทยี่สิบเอ็ดสตางค์"),
            ("101", "หนึ่งร้อยเอ็ดบาทถ้วน"),
            ("201", "สองร้อยเอ็ดบาทถ้วน"),
            ("1001", "หนึ่งพันเอ็ดบาทถ้วน"),
            ("10001", "หนึ่งหมื่นเอ็ดบาทถ้วน"),
            ("15000", "หนึ่งหมื่นห้าพันบาทถ้วน"),
            ("100001", "หนึ่งแสนเอ็ดบาทถ้วน"),
            ("1000000", "หนึ่งล้านบาทถ้วน"),
            ("1000000.50", "หนึ่งล้านบาทห้าสิบสตางค์"),
            ("1000001", "หนึ่งล้านเอ็ดบาทถ้วน"),
            ("1000001.01", "หนึ่งล้านเอ็ดบาทหนึ่งสตางค์"),
            ("1000010", "หนึ่งล้านสิบบาทถ้วน"),
            ("1000011", "หนึ่งล้านสิบเอ็ดบาทถ้วน"),
            ("2000000", "สองล้านบาทถ้วน"),
            ("11000001", "สิบเอ็ดล้านเอ็ดบาทถ้วน"),
            ("21000021", "ยี่สิบเอ็ดล้านยี่สิบเอ็ดบาทถ้วน"),
            ("100000000", "หนึ่งร้อยล้านบาทถ้วน"),
            ("101000000", "หนึ่งร้อยเอ็ดล้านบาทถ้วน"),
            ("3000000001", "สามพันล้านเอ็ดบาทถ้วน"),
            ("12345678.91", "สิบสองล้านสามแสนสี่หมื่นห้าพันหกร้อยเจ็ดสิบแปดบาทเก้าสิบเอ็ดสตางค์"),
            ("1000001000000", "หนึ่งล้านเอ็ดล้านบาทถ้วน"),
            ("1000000000001", "หนึ่งล้านล้านเอ็ดบาทถ้วน"),
        ]
        XCTAssertGreaterThanOrEqual(table.count, 25)
        for (amount, words) in table {
            XCTAssertEqual(spell(amount), words, amount)
        }
    }

    func testSatang() {
        XCTAssertEqual(spell("21.50"), "ยี่สิบเอ็ดบาทห้าสิบสตางค์")
        XCTAssertEqual(spell("21.5"), "ยี่สิบเอ็ดบาทห้าสิบสตางค์")
        XCTAssertEqual(spell("0.25"), "ยี่สิบห้าสตางค์")
        XCTAssertEqual(spell("0.01"), "หนึ่งสตางค์")
        XCTAssertEqual(spell("0.11"), "สิบเอ็ดสตางค์")
        XCTAssertEqual(spell("5.21"), "ห้าบาทยี่สิบเอ็ดสตางค์")
        // Rounded half-up to whole satang.
        XCTAssertEqual(spell("1.005"), "หนึ่งบาทหนึ่งสตางค์")
        XCTAssertEqual(spell("1.994"), "หนึ่งบาทเก้าสิบเก้าสตางค์")
        XCTAssertEqual(spell("1.995"), "สองบาทถ้วน")
        XCTAssertEqual(spell("0.004"), "ศูนย์บาทถ้วน")
    }

    func testRejectsNegativeAndAbsurd() {
        XCTAssertNil(spell("-1"))
        XCTAssertNil(BahtText.spell(Decimal.nan))
        XCTAssertNil(spell("1000000000000000000000000000000"))
        XCTAssertNotNil(spell("999999999999999999999999999999"))
    }

    func testSpellNumberAcceptsThaiDigits() {
        XCTAssertEqual(BahtText.spellNumber("๒๕๖๘"), "สองพันห้าร้อยหกสิบแปด")
        XCTAssertEqual(BahtText.spellNumber("0"), "ศูนย์")
    }
}
