import Foundation
import ITAKit
import XCTest

/// The data file writer must write what the reader reads back unchanged.
final class DataFileWriterTests: XCTestCase {
    func testExamplesRoundTrip() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: BatchFixture.examples.path).filter { $0.hasSuffix(".yaml") }
        XCTAssertFalse(files.isEmpty)
        for name in files {
            let original = ReportLoader.load(path: BatchFixture.example(name).path)
            let data = try XCTUnwrap(original.data, name)
            let text = DataFileWriter().text(for: data)
            let again = ReportLoader.load(text: text, file: name)
            XCTAssertFalse(again.hasErrors, "\(name): \(again.diagnostics.errors)")
            XCTAssertEqual(again.data, data, "\(name) changed when written and read back")
        }
    }

    /// The organisation's further fields (phone, email, …) are written back: rollover and the web form keep them.
    func testOrganisationsExtraFieldsRoundTrip() throws {
        let text = "fiscal_year: 2568\ndocument: o34\norganization:\n  name: ทดลอง\n  website: https://a.go.th\n  address: 99 หมู่ 1\n  phone: \"044-000-000\"\n  email: a@b.go.th\n"
        let data = try XCTUnwrap(ReportLoader.load(text: text).data)
        XCTAssertEqual(data.organization?.extra, ["phone": "044-000-000", "email": "a@b.go.th"])
        let again = ReportLoader.load(text: DataFileWriter().text(for: data))
        XCTAssertEqual(again.data?.organization, data.organization)
    }

    /// Fields no shipped form prints (kind, website, address, further fields) are named by validate, with the
    /// way to print them; the name, place, logo and head (which signs when the signatory gives no position) are not.
    func testOrganisationFieldsNoFormPrintsAreNamed() throws {
        let text = "fiscal_year: 2568\ndocument: o34\norganization:\n  name: ทดลอง\n  kind: เทศบาลตำบล\n  district: ก\n  province: ข\n  head: นายก\n  website: https://a.go.th\n  address: 99 หมู่ 1\n  email: a@b.go.th\n"
        let loaded = ReportLoader.load(text: text, file: "t.yaml")
        let named = Set(loaded.diagnostics.filter { $0.kind == .notPrinted }.map(\.path))
        XCTAssertEqual(named, ["organization.kind", "organization.website", "organization.address", "organization.email"], "\(loaded.diagnostics)")
    }

    func testAwkwardTextRoundTrips() throws {
        let texts = ["", " leading", "trailing ", "a: b", "x #y", "- dash", "[list]", "{map}", "yes", "No", "null", "~",
                     "100", "2568-04-01", "0x1F", "'quoted'", "\"dq\"", "back\\slash", "tab\there", "line\nbreak",
                     "two\n\nparagraphs", "ends with break\n", " indented\nsecond", "ข้อ: ๑", "ราคา 1,000 บาท", "%pct", "@at",
                     "&anchor", "*alias", "!tag", "|pipe", ">gt", "#hash", "?q", ",comma", "e9 การใช้งาน (E-Service)",
                     "control\u{07}char"]
        var data = ReportData(fiscalYear: 2568, document: .o34)
        data.organization = Organization(name: "เทศบาลตำบลทดลอง")
        data.measures = texts.map { Measure(title: $0, steps: [$0, "x"], owners: [$0]) }
        data.limitations = Limitations(problems: texts)
        let text = DataFileWriter().text(for: data)
        let back = ReportLoader.load(text: text)
        XCTAssertFalse(back.hasErrors, "\(back.diagnostics.errors)\n\(text)")
        // The reader mends damaged Thai and refuses form guidance; none of these texts is either.
        XCTAssertEqual(back.data?.measures?.map(\.title), data.measures?.map(\.title), text)
        XCTAssertEqual(back.data?.limitations, data.limitations)
    }

    func testPlaceholdersReadAsNotGiven() throws {
        var data = ReportData(fiscalYear: 2568, document: .o35)
        data.organization = Organization(name: "เทศบาลตำบลทดลอง")
        data.measures = [Measure(title: "ก")]
        let writer = DataFileWriter(header: ["หัว"], placeholders: ["measures[0].outcome": "ผลลัพธ์", "signatory.date": "วันที่"])
        let text = writer.text(for: data)
        XCTAssertTrue(text.contains("outcome:   # \(DataFileWriter.fillMarker) ผลลัพธ์"), text)
        let back = ReportLoader.load(text: text)
        XCTAssertFalse(back.hasErrors, "\(back.diagnostics)")
        XCTAssertNil(back.data?.measures?.first?.outcome)
        XCTAssertNil(back.data?.signatory?.date)
    }
}
