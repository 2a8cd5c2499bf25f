import Foundation
import XCTest
@testable import ThaiFormat

final class ThaiNumberFormatTests: XCTestCase {
    private func d(_ s: String) -> Decimal { Decimal(string: s)! }

    func testRoundHalfUp() {
        XCTAssertEqual(ThaiNumberFormat.roundHalfUp(d("94.125"), places: 2), d("94.13"))
        XCTAssertEqual(ThaiNumberFormat.roundHalfUp(d("94.135"), places: 2), d("94.14"))
        XCTAssertEqual(ThaiNumberFormat.roundHalfUp(d("94.1249999"), places: 2), d("94.12"))
        XCTAssertEqual(ThaiNumberFormat.roundHalfUp(d("0.005"), places: 2), d("0.01"))
        XCTAssertEqual(ThaiNumberFormat.roundHalfUp(d("2.5"), places: 0), d("3"))
        XCTAssertEqual(ThaiNumberFormat.roundHalfUp(d("99.995"), places: 2), d("100"))
    }

    func testFixed() {
        XCTAssertEqual(ThaiNumberFormat.fixed(d("95"), places: 2), "95.00")
        XCTAssertEqual(ThaiNumberFormat.fixed(d("100"), places: 2), "100.00")
        XCTAssertEqual(ThaiNumberFormat.fixed(d("94.125"), places: 2), "94.13")
        XCTAssertEqual(ThaiNumberFormat.fixed(d("59.7566"), places: 2), "59.76")
        XCTAssertEqual(ThaiNumberFormat.fixed(d("0.5"), places: 0), "1")
        XCTAssertEqual(ThaiNumberFormat.fixed(d("1234567.505"), places: 2, grouping: true), "1,234,567.51")
        XCTAssertEqual(ThaiNumberFormat.fixed(d("999"), places: 1, grouping: true), "999.0")
        XCTAssertEqual(ThaiNumberFormat.fixed(d("1000"), places: 0, grouping: true), "1,000")
        XCTAssertEqual(ThaiNumberFormat.fixed(d("-0.001"), places: 2), "0.00")
        XCTAssertEqual(ThaiNumberFormat.fixed(d("-1.005"), places: 2), "-1.01")
        XCTAssertEqual(ThaiNumberFormat.fixed(d("0.05"), places: 2), "0.05")
    }
}
