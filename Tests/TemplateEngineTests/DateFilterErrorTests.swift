import Foundation
import OfficePackage
import XCTest

/// A date filter on a well-formed day that does not exist says so, rather than asking for YYYY-MM-DD.
final class DateFilterErrorTests: XCTestCase {
    func testDayThatDoesNotExistIsNamed() throws {
        let wb = try Workbench(name)
        for kind in [PackageKind.docx, .odt] {
            let t = try wb.template(kind, body: Body(kind).ps("{{when | date:long}}"))
            XCTAssertThrowsError(try wb.fill(t, ["when": "2568-02-29"])) { error in
                let text = "\(error)"
                XCTAssertTrue(text.contains("the day does not exist, กุมภาพันธ์ 2568 has 28 days"), text)
                XCTAssertFalse(text.contains("is not a date"), text)
            }
        }
    }
}
