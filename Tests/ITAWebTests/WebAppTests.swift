import Foundation
import Hummingbird
import HummingbirdTesting
import HTTPTypes
import ITAKit
import ITAReports
@testable import ITAWeb
import NIOCore
import OfficePackage
import XCTest

final class WebAppTests: XCTestCase {
    var fx: WebFixture!

    override func setUpWithError() throws { fx = try WebFixture() }
    override func tearDown() { fx.remove() }

    // MARK: Pages

    func testHomeListsOrganisationsYearsAndStates() async throws {
        let fx: WebFixture = self.fx
        try await fx.test { client in
            try await client.execute(uri: "/", method: .get) { r in
                XCTAssertEqual(r.status, .ok)
                XCTAssertEqual(r.headers[.contentType], "text/html; charset=utf-8")
                let t = r.text
                for org in ["เทศบาลเมืองศรีสะเกษ", "ปีงบประมาณ 2568", "ปีงบประมาณ 2564", "sisaket-o35-2568.yaml", "nongbua-2568.yaml"] {
                    XCTAssertTrue(t.contains(org), org)
                }
                XCTAssertTrue(t.contains("ครบถ้วน"), "a complete document is shown as such")
                XCTAssertTrue(t.contains("lang=\"th\""))
                XCTAssertTrue(t.contains("name=\"token\" value=\"\(WebFixture.token)\""))
            }
        }
    }

    func testHomeShowsDraftWithWhatIsMissing() async throws {
        let fx: WebFixture = self.fx
        // A file with no scores yet: its O34 is a draft that lacks the ten scores.
        let starter = try StarterFile.text(organization: "เทศบาลตำบลทดสอบ", fiscalYear: 2568)
        try starter.write(to: fx.dir.appendingPathComponent("new-2568.yaml"), atomically: true, encoding: .utf8)
        try await fx.test { client in
            try await client.execute(uri: "/", method: .get) { r in
                XCTAssertTrue(r.text.contains("เทศบาลตำบลทดสอบ"))
                XCTAssertTrue(r.text.contains("ร่าง: ยังขาด"))
                XCTAssertTrue(r.text.contains("ยังไม่มีคะแนนตัวชี้วัด ที่ 1–10"))
                // Not only the first reason: what the O34 will still lack once scored is listed too.
                XCTAssertTrue(r.text.contains("ประเด็นที่ 1"), "the seven issues still without a method are counted")
                XCTAssertFalse(r.text.contains("ร่าง: ยังขาด 1 รายการ"))
                // In the clerk's words, each with a link to the form that fills it, not the data file's keys.
                XCTAssertFalse(r.text.contains("(method)"))
                XCTAssertTrue(r.text.contains("/f/new-2568.yaml/edit/scores\">กรอกที่หน้าคะแนนตัวชี้วัด 10 ตัว</a>"))
                XCTAssertTrue(r.text.contains("/f/new-2568.yaml/edit/measures\">กรอกที่หน้ามาตรการ</a>"))
                XCTAssertTrue(r.text.contains("ดูทั้งหมดที่หน้าไฟล์"), "the home page shows the first few")
            }
            try await client.execute(uri: "/f/new-2568.yaml", method: .get) { r in
                XCTAssertTrue(r.text.contains("ประเด็นที่ 7"), "the file page lists every gap")
                XCTAssertTrue(r.text.contains("edit/limitations\">กรอกที่หน้าข้อจำกัดของหน่วยงาน</a>"))
            }
        }
    }

    func testOrganisationFormOffersOnlyWhatTheDocumentsPrint() async throws {
        let fx: WebFixture = self.fx
        let name = "sisaket-2568.yaml"
        // Fields no form prints, already in the file: not offered, kept by a save.
        let text = try fx.text(name).replacingOccurrences(of: "organization:\n", with: "organization:\n  kind: เทศบาลเมือง\n  website: https://example.go.th\n")
        XCTAssertNotEqual(text, try fx.text(name))
        try text.write(to: fx.dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        try await fx.test { client in
            try await client.execute(uri: "/f/\(name)/edit/organization", method: .get) { r in
                for printed in ["organization.name", "organization.district", "organization.province", "organization.head"] {
                    XCTAssertTrue(r.text.contains("name=\"\(printed)\""), printed)
                }
                for unprinted in ["organization.kind", "organization.address", "organization.website"] {
                    XCTAssertFalse(r.text.contains("name=\"\(unprinted)\""), unprinted)
                }
                XCTAssertTrue(r.text.contains("id=\"org-kept\""), "the page says the other fields are kept")
                XCTAssertTrue(r.text.contains("ตำแหน่งใต้ลายมือชื่อ"), "the head's field says where it prints")
            }
            // A crafted submission cannot set a field the form does not offer either.
            let body = WebFixture.encode([("token", WebFixture.token), ("version", try fx.version(name)),
                                          ("organization.name", "เทศบาลเมืองศรีสะเกษ"), ("organization.address", "ถนนตัวอย่าง")])
            try await client.execute(uri: "/f/\(name)/edit/organization", method: .post, headers: WebFixture.formHeaders, body: body) {
                XCTAssertEqual($0.status, .seeOther)
            }
            let org = try XCTUnwrap(fx.load(name).data?.organization)
            XCTAssertEqual(org.kind, "เทศบาลเมือง")
            XCTAssertEqual(org.website, "https://example.go.th")
            XCTAssertNil(org.address)
        }
    }

    func testEveryPageOfEveryExampleAnswers() async throws {
        let fx: WebFixture = self.fx
        let names = fx.web.folder.names()
        XCTAssertEqual(names.count, 6)
        try await fx.test { client in
            for name in names {
                let e = try Entry(folder: fx.web.folder, name: name)
                try await client.execute(uri: "/f/\(HTML.segment(name))", method: .get) { r in
                    XCTAssertEqual(r.status, .ok, name)
                    XCTAssertTrue(r.text.contains("/doc/"), name)
                }
                for s in Section.allCases {
                    try await client.execute(uri: "/f/\(HTML.segment(name))/edit/\(s.rawValue)", method: .get) { r in
                        XCTAssertEqual(r.status, s.shown(for: e) ? .ok : .notFound, "\(name) \(s)")
                        if s.shown(for: e) { XCTAssertTrue(r.text.contains("name=\"version\" value=\"\(e.version)\""), "\(name) \(s)") }
                    }
                }
            }
        }
    }

    func testFormsOfferOnlyFieldsTheDocumentPrints() async throws {
        let fx: WebFixture = self.fx
        try await fx.test { client in
            // O35 on the 2567 form prints the measure's title and results, not its steps or period.
            try await client.execute(uri: "/f/sisaket-o35-2568.yaml/edit/measures", method: .get) { r in
                XCTAssertTrue(r.text.contains("measures[0].title"))
                XCTAssertFalse(r.text.contains("measures[0].steps"))
                XCTAssertFalse(r.text.contains("measures[0].period"))
            }
            try await client.execute(uri: "/f/sisaket-o35-2568.yaml/edit/results", method: .get) { r in
                XCTAssertTrue(r.text.contains("measures[0].outcome"))
                XCTAssertFalse(r.text.contains("measures[0].suggestion"), "the 2567 O35 form has no suggestion column")
            }
            // The 2564 O35 form prints the days and a suggestion per measure.
            try await client.execute(uri: "/f/khlongsaensaep-o35-2564.yaml/edit/results", method: .get) { r in
                XCTAssertTrue(r.text.contains("measures[0].suggestion"))
                XCTAssertTrue(r.text.contains("measures[0].dates"))
            }
            // Limitations: the 2567 O34 form only; photos: the analysis report only.
            try await client.execute(uri: "/f/sisaket-2568.yaml/edit/limitations", method: .get) { XCTAssertEqual($0.status, .ok) }
            try await client.execute(uri: "/f/sisaket-o35-2568.yaml/edit/limitations", method: .get) { XCTAssertEqual($0.status, .notFound) }
            try await client.execute(uri: "/f/sisaket-2568.yaml/edit/photos", method: .get) { XCTAssertEqual($0.status, .notFound) }
            try await client.execute(uri: "/f/nongbua-2568.yaml/edit/photos", method: .get) { r in
                XCTAssertEqual(r.status, .ok)
                XCTAssertTrue(r.text.contains("/f/nongbua-2568.yaml/photo/0"))
            }
        }
    }

    // MARK: Saving

    func testSavingScoresWritesTheFileAndKeepsEverythingElse() async throws {
        let fx: WebFixture = self.fx
        let name = "sisaket-2568.yaml"
        let before = try XCTUnwrap(fx.load(name).data)
        let version = try fx.version(name)
        try await fx.test { client in
            let body = WebFixture.encode([("token", WebFixture.token), ("version", version), ("assessment.indicators.3", "91.25")])
            try await client.execute(uri: "/f/\(name)/edit/scores", method: .post, headers: WebFixture.formHeaders, body: body) { r in
                XCTAssertEqual(r.status, .seeOther)
                XCTAssertEqual(r.headers[.location], "/f/\(name)/edit/scores?saved=1")
            }
            try await client.execute(uri: "/f/\(name)/edit/scores?saved=1", method: .get) { r in
                XCTAssertTrue(r.text.contains("บันทึกแล้ว"))
                XCTAssertTrue(r.text.contains("value=\"91.25\""))
            }
        }
        let after = try XCTUnwrap(fx.load(name).data)
        XCTAssertEqual(after.assessment?.indicators?[3], Decimal(string: "91.25"))
        var expected = before
        expected.assessment?.indicators?[3] = Decimal(string: "91.25")
        XCTAssertEqual(after, expected, "only the edited score changed")
        XCTAssertTrue(try fx.text(name).hasPrefix("#"), "the file's opening comment is kept")
        XCTAssertFalse(try FileManager.default.contentsOfDirectory(atPath: fx.dir.path).contains { $0.hasSuffix(".tmp") })
    }

    func testPastedSpreadsheetRowFillsTheTenScores() async throws {
        let fx: WebFixture = self.fx
        let name = "sisaket-2568.yaml"
        let version = try fx.version(name)
        let row = "1\tเทศบาลเมืองศรีสะเกษ\t90.1\t90.2\t90.3\t90.4\t90.5\t90.6\t90.7\t90.8\t90.9\t91.0\r\n"
        try await fx.test { client in
            let body = WebFixture.encode([("token", WebFixture.token), ("version", version), ("paste", row)])
            try await client.execute(uri: "/f/\(name)/edit/scores", method: .post, headers: WebFixture.formHeaders, body: body) { r in
                XCTAssertEqual(r.status, .seeOther)
            }
            let short = WebFixture.encode([("token", WebFixture.token), ("version", try fx.version(name)), ("paste", "90\t91")])
            try await client.execute(uri: "/f/\(name)/edit/scores", method: .post, headers: WebFixture.formHeaders, body: short) { r in
                XCTAssertEqual(r.status, .badRequest)
                XCTAssertTrue(r.text.contains("พบตัวเลขติดกัน 2 ช่อง (90, 91)"), r.text)
            }
        }
        let ind = try XCTUnwrap(fx.load(name).data?.assessment?.indicators)
        XCTAssertEqual(ind[1], Decimal(string: "90.1"))
        XCTAssertEqual(ind[10], Decimal(string: "91.0"))
    }

    func testBadScoreIsRefusedWithAThaiMessageBesideTheField() async throws {
        let fx: WebFixture = self.fx
        let name = "sisaket-2568.yaml"
        let original = try fx.text(name)
        let version = try fx.version(name)
        try await fx.test { client in
            for (value, words) in [("98,5", "ไม่ใช้เครื่องหมายจุลภาค: 98.5"), ("150", "0–100"), ("เก้าสิบ", "ช่องนี้ต้องเป็นตัวเลข")] {
                let body = WebFixture.encode([("token", WebFixture.token), ("version", version), ("assessment.indicators.2", value)])
                try await client.execute(uri: "/f/\(name)/edit/scores", method: .post, headers: WebFixture.formHeaders, body: body) { r in
                    XCTAssertEqual(r.status, .unprocessableContent, value)
                    XCTAssertTrue(r.text.contains(words), value)
                    XCTAssertTrue(r.text.contains("data-path=\"assessment.indicators.2\""), "the message is beside its field")
                    XCTAssertTrue(r.text.contains("value=\"\(value)\""), "what was typed stays in the form")
                    XCTAssertTrue(r.text.contains("ยังไม่ได้บันทึก"))
                }
            }
        }
        XCTAssertEqual(try fx.text(name), original, "nothing was written")
    }

    func testStaleVersionIsRefusedWithAClearMessage() async throws {
        let fx: WebFixture = self.fx
        let name = "sisaket-2568.yaml"
        let old = try fx.version(name)
        try await fx.test { client in
            // The first tab saves…
            let first = WebFixture.encode([("token", WebFixture.token), ("version", old), ("signatory.name", "นายหนึ่ง ทดสอบ")])
            try await client.execute(uri: "/f/\(name)/edit/signatory", method: .post, headers: WebFixture.formHeaders, body: first) { r in
                XCTAssertEqual(r.status, .seeOther)
            }
            // …the second, opened before, must not silently overwrite it.
            let second = WebFixture.encode([("token", WebFixture.token), ("version", old), ("signatory.name", "นายสอง ทดสอบ")])
            try await client.execute(uri: "/f/\(name)/edit/signatory", method: .post, headers: WebFixture.formHeaders, body: second) { r in
                XCTAssertEqual(r.status, .conflict)
                XCTAssertTrue(r.text.contains("ถูกแก้ไขจากที่อื่น"))
                XCTAssertTrue(r.text.contains("value=\"นายสอง ทดสอบ\""), "the typed value is kept to resubmit")
                XCTAssertTrue(r.text.contains("value=\"\(try fx.version(name))\""), "resubmitting is a deliberate choice against the new version")
            }
        }
        XCTAssertEqual(fx.load(name).data?.signatory?.name, "นายหนึ่ง ทดสอบ")
    }

    func testMeasuresAddRemoveAndReorderKeepFieldsTheFormDoesNotShow() async throws {
        let fx: WebFixture = self.fx
        let name = "nongbua-2568.yaml"
        let before = try XCTUnwrap(fx.load(name).data?.measures)
        XCTAssertGreaterThanOrEqual(before.count, 2)
        @Sendable func post(_ fields: [(String, String)], status: HTTPResponse.Status, _ client: any TestClientProtocol) async throws {
            let body = WebFixture.encode([("token", WebFixture.token), ("version", try fx.version(name))] + fields)
            try await client.execute(uri: "/f/\(name)/edit/measures", method: .post, headers: WebFixture.formHeaders, body: body) { r in
                XCTAssertEqual(r.status, status, r.text)
            }
        }
        try await fx.test { client in
            // Enter in a box submits with the form's first submit button: it must save, not move measure 1.
            try await client.execute(uri: "/f/\(name)/edit/measures", method: .get) { r in
                let form = try XCTUnwrap(r.text.range(of: "id=\"section-form\"")).upperBound
                let firstButton = try XCTUnwrap(r.text.range(of: "<button", range: form..<r.text.endIndex))
                let tag = r.text[firstButton.lowerBound...].prefix { $0 != ">" }
                XCTAssertTrue(tag.contains("type=\"submit\"") && !tag.contains("name=\"action\""), String(tag))
            }
            try await post([("action", "down:0")], status: .seeOther, client)
            var m = try XCTUnwrap(fx.load(name).data?.measures)
            XCTAssertEqual(m[0], before[1])
            XCTAssertEqual(m[1], before[0], "a moved measure keeps every field, shown or not")
            try await post([("action", "add")], status: .seeOther, client)
            m = try XCTUnwrap(fx.load(name).data?.measures)
            XCTAssertEqual(m.count, before.count + 1)
            let last = m.count - 1
            try await post([("measures[\(last)].title", "มาตรการใหม่: ทดสอบ # ไม่ใช่หมายเหตุ"), ("measures[\(last)].steps", "ขั้นที่หนึ่ง\r\nขั้นที่สอง\r\n"),
                            ("measures[\(last)].owners", "สำนักปลัด"), ("measures[\(last)].period.from", "2568-04-01"),
                            ("measures[\(last)].period.to", "2568-09-30"), ("measures[\(last)].indicators", "9, 10")],
                           status: .seeOther, client)
            m = try XCTUnwrap(fx.load(name).data?.measures)
            XCTAssertEqual(m[last].title, "มาตรการใหม่: ทดสอบ # ไม่ใช่หมายเหตุ", "a colon and a # in a title are kept as typed")
            XCTAssertEqual(m[last].steps, ["ขั้นที่หนึ่ง", "ขั้นที่สอง"])
            XCTAssertEqual(m[last].indicators, [9, 10])
            XCTAssertEqual(m[last].period?.from?.beYear, 2568)
            try await post([("action", "remove:0")], status: .seeOther, client)
            m = try XCTUnwrap(fx.load(name).data?.measures)
            XCTAssertEqual(m.count, before.count)
            XCTAssertEqual(m[0], before[0])
            // A bad date is refused beside its field.
            try await post([("measures[0].period.from", "2568-02-30")], status: .unprocessableContent, client)
            try await post([("action", "remove:99")], status: .badRequest, client)
            try await post([("action", "explode")], status: .badRequest, client)
        }
    }

    func testResultsLimitationsSignatoryAndOrganisationSave() async throws {
        let fx: WebFixture = self.fx
        try await fx.test { client in
            let o35 = "sisaket-o35-2568.yaml"
            let body = WebFixture.encode([("token", WebFixture.token), ("version", try fx.version(o35)),
                                          ("measures[0].outcome", "บุคลากรร้อยละ 95 เข้าร่วม"), ("measures[0].details", "จัดประชุม\nติดตามผล")])
            try await client.execute(uri: "/f/\(o35)/edit/results", method: .post, headers: WebFixture.formHeaders, body: body) { XCTAssertEqual($0.status, .seeOther) }
            let m = try XCTUnwrap(fx.load(o35).data?.measures?.first)
            XCTAssertEqual(m.outcome, "บุคลากรร้อยละ 95 เข้าร่วม")
            XCTAssertEqual(m.details, ["จัดประชุม", "ติดตามผล"])

            let o34 = "sisaket-2568.yaml"
            let lim = WebFixture.encode([("token", WebFixture.token), ("version", try fx.version(o34)),
                                         ("limitations.problems", "บุคลากรไม่พอ\nงบประมาณจำกัด"), ("limitations.suggestions", "")])
            try await client.execute(uri: "/f/\(o34)/edit/limitations", method: .post, headers: WebFixture.formHeaders, body: lim) { XCTAssertEqual($0.status, .seeOther) }
            XCTAssertEqual(fx.load(o34).data?.limitations?.problems, ["บุคลากรไม่พอ", "งบประมาณจำกัด"])
            XCTAssertNil(fx.load(o34).data?.limitations?.suggestions, "an emptied field is removed")

            let org = WebFixture.encode([("token", WebFixture.token), ("version", try fx.version(o34)),
                                         ("organization.district", "อำเภอเมืองศรีสะเกษ")])
            try await client.execute(uri: "/f/\(o34)/edit/organization", method: .post, headers: WebFixture.formHeaders, body: org) { XCTAssertEqual($0.status, .seeOther) }
            XCTAssertEqual(fx.load(o34).data?.organization?.district, "เมืองศรีสะเกษ", "the validator's mending applies to what the form sends")

            let sig = WebFixture.encode([("token", WebFixture.token), ("version", try fx.version(o34)), ("signatory.date", "2568-13-01")])
            try await client.execute(uri: "/f/\(o34)/edit/signatory", method: .post, headers: WebFixture.formHeaders, body: sig) { r in
                XCTAssertEqual(r.status, .unprocessableContent)
                XCTAssertTrue(r.text.contains("วันที่"))
            }
            let off = WebFixture.encode([("token", WebFixture.token), ("version", try fx.version(o34)), ("assessment.official.level", "ผ่านดีเยี่ยม")])
            try await client.execute(uri: "/f/\(o34)/edit/official", method: .post, headers: WebFixture.formHeaders, body: off) { XCTAssertEqual($0.status, .seeOther) }
            XCTAssertEqual(fx.load(o34).data?.assessment?.official?.level, "ผ่านดีเยี่ยม")
        }
    }

    func testO35CitationsAreOfferedAsCodesAndSaved() async throws {
        let fx: WebFixture = self.fx
        let name = "sisaket-o35-2568.yaml"
        // A citation with its own score is not reduced to a code: the form leaves it to the file.
        let text = try fx.text(name).replacingOccurrences(of: "citations: [{question: o11}]", with: "citations: [{question: o11, score: 90}]")
        XCTAssertNotEqual(text, try fx.text(name))
        try text.write(to: fx.dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        try await fx.test { client in
            try await client.execute(uri: "/f/\(name)/edit/results", method: .get) { r in
                XCTAssertTrue(r.text.contains("name=\"measures[0].citations\" value=\"i1, i2\""), "the file's citations as codes")
                XCTAssertFalse(r.text.contains("name=\"measures[1].citations\""))
                XCTAssertTrue(r.text.contains("แก้ได้ในไฟล์ข้อมูลเท่านั้น"))
            }
            let body = WebFixture.encode([("token", WebFixture.token), ("version", try fx.version(name)), ("measures[0].citations", "9, o11")])
            try await client.execute(uri: "/f/\(name)/edit/results", method: .post, headers: WebFixture.formHeaders, body: body) {
                XCTAssertEqual($0.status, .seeOther, $0.text)
            }
            let measures = try XCTUnwrap(fx.load(name).data?.measures)
            XCTAssertEqual(measures[0].citations, [Citation(indicator: 9), Citation(question: "o11")])
            XCTAssertEqual(measures[1].citations, [Citation(question: "o11", score: 90)], "kept as the file had it")
            // A bad indicator number is refused beside the field.
            let bad = WebFixture.encode([("token", WebFixture.token), ("version", try fx.version(name)), ("measures[0].citations", "12")])
            try await client.execute(uri: "/f/\(name)/edit/results", method: .post, headers: WebFixture.formHeaders, body: bad) { r in
                XCTAssertEqual(r.status, .unprocessableContent)
                XCTAssertTrue(r.text.contains("data-path=\"measures[0].citations"), r.text)
            }
        }
    }

    func testSavedFilesReadBackAsTheSameData() throws {
        let fx: WebFixture = self.fx
        // What the form does not show is kept: each example written the way a save writes it reads back equal.
        for name in fx.web.folder.names() where name.hasSuffix(".yaml") {
            let text = try fx.text(name)
            let loaded = ReportLoader.load(text: text, file: name)
            let data = try XCTUnwrap(loaded.data, name)
            let written = FileText.text(for: data, loaded: loaded, original: text, fallback: "")
            XCTAssertFalse(written.isEmpty, name)
            XCTAssertEqual(ReportLoader.load(text: written).data, data, name)
        }
    }

    // MARK: New files, rollover

    func testNewOrganisationFileIsCreatedInsideTheFolder() async throws {
        let fx: WebFixture = self.fx
        try await fx.test { client in
            let body = WebFixture.encode([("token", WebFixture.token), ("organization", "../../เทศบาลตำบล/ทดสอบ"), ("fiscal_year", "๒๕๖๘"), ("document", "o35")])
            try await client.execute(uri: "/new", method: .post, headers: WebFixture.formHeaders, body: body) { r in
                XCTAssertEqual(r.status, .seeOther)
                let location = try XCTUnwrap(r.headers[.location])
                XCTAssertTrue(location.hasPrefix("/f/"))
                let name = String(location.dropFirst(3)).removingPercentEncoding!
                XCTAssertFalse(name.contains("/"))
                try await client.execute(uri: location, method: .get) { page in
                    XCTAssertEqual(page.status, .ok, "the new file's page opens by its Thai name")
                    XCTAssertTrue(page.text.contains("ร่าง: ยังขาด"))
                }
                let data = try XCTUnwrap(fx.load(name).data)
                XCTAssertEqual(data.document, .o35)
                XCTAssertEqual(data.fiscalYear, 2568)
                XCTAssertEqual(data.organization?.name, "../../เทศบาลตำบล/ทดสอบ")
            }
            let bad = WebFixture.encode([("token", WebFixture.token), ("organization", "x"), ("fiscal_year", "68")])
            try await client.execute(uri: "/new", method: .post, headers: WebFixture.formHeaders, body: bad) { XCTAssertEqual($0.status, .badRequest) }
        }
    }

    func testRolloverStartsTheNextYearWithoutOverwriting() async throws {
        let fx: WebFixture = self.fx
        try await fx.test { client in
            // The example folder already holds sisaket-o35-2568.yaml: it is kept as it is, the O34 of 2569 is made.
            let o35 = try fx.text("sisaket-o35-2568.yaml")
            let body = WebFixture.encode([("token", WebFixture.token), ("version", try fx.version("sisaket-2568.yaml"))])
            try await client.execute(uri: "/f/sisaket-2568.yaml/rollover", method: .post, headers: WebFixture.formHeaders, body: body) { r in
                XCTAssertEqual(r.status, .ok, r.text)
                XCTAssertTrue(r.text.contains("id=\"rolled\""))
                XCTAssertTrue(r.text.contains("sisaket-o34-2569.yaml"))
                XCTAssertTrue(r.text.contains("id=\"kept\""), "the existing O35 is named as kept")
            }
            XCTAssertEqual(fx.load("sisaket-o34-2569.yaml").data?.fiscalYear, 2569)
            XCTAssertEqual(try fx.text("sisaket-o35-2568.yaml"), o35, "not written over")
            // Again: everything is there, nothing is written.
            let o34 = try fx.text("sisaket-o34-2569.yaml")
            try await client.execute(uri: "/f/sisaket-2568.yaml/rollover", method: .post, headers: WebFixture.formHeaders, body: body) { r in
                XCTAssertEqual(r.status, .conflict)
                XCTAssertTrue(r.text.contains("id=\"all-there\""))
            }
            XCTAssertEqual(try fx.text("sisaket-o34-2569.yaml"), o34)
            // With the O35 gone, both are made.
            try FileManager.default.removeItem(at: fx.dir.appendingPathComponent("sisaket-o35-2568.yaml"))
            try FileManager.default.removeItem(at: fx.dir.appendingPathComponent("sisaket-o34-2569.yaml"))
            try await client.execute(uri: "/f/sisaket-2568.yaml/rollover", method: .post, headers: WebFixture.formHeaders, body: body) { r in
                XCTAssertEqual(r.status, .ok)
                XCTAssertFalse(r.text.contains("id=\"kept\""))
            }
            XCTAssertEqual(fx.load("sisaket-o35-2568.yaml").data?.document, .o35)
        }
    }

    // MARK: Documents

    func testDownloadsAreRealDocumentsOfTheOrganisation() async throws {
        let fx: WebFixture = self.fx
        try await fx.test { client in
            for (format, part) in [("docx", "word/document.xml"), ("odt", "content.xml")] {
                try await client.execute(uri: "/f/sisaket-2568.yaml/doc/o34/\(format)", method: .get) { r in
                    XCTAssertEqual(r.status, .ok)
                    let disposition = try XCTUnwrap(r.headers[.contentDisposition])
                    XCTAssertTrue(disposition.contains("filename*=UTF-8''O34_"), disposition)
                    let data = Data(buffer: r.body)
                    let package = try OfficePackage(data: data, path: "download.\(format)")
                    let xml = String(decoding: try package.read(part), as: UTF8.self)
                    XCTAssertTrue(xml.replacingOccurrences(of: "\u{2060}", with: "").contains("ศรีสะเกษ"), format)
                }
            }
            try await client.execute(uri: "/f/sisaket-2568.yaml/doc/o34/pdf", method: .get) { r in
                XCTAssertEqual(r.status, .serviceUnavailable, "no LibreOffice given: a clear note")
                XCTAssertTrue(r.text.contains("LibreOffice"))
            }
            try await client.execute(uri: "/f/sisaket-2568.yaml/preview/o34", method: .get) { r in
                XCTAssertEqual(r.status, .ok)
                XCTAssertTrue(r.text.contains("id=\"no-office\""))
            }
            try await client.execute(uri: "/f/sisaket-2568.yaml/doc/o35/docx", method: .get) { XCTAssertEqual($0.status, .notFound, "the O34 file gives the O34 only") }
            try await client.execute(uri: "/f/sisaket-2568.yaml/doc/o34/exe", method: .get) { XCTAssertEqual($0.status, .notFound) }
        }
        let written = try FileManager.default.contentsOfDirectory(atPath: fx.dir.appendingPathComponent("Output/sisaket-2568").path)
        XCTAssertTrue(written.contains { $0.hasPrefix("O34_") && $0.hasSuffix(".docx") }, "documents go to Output/ inside the folder")
    }

    func testYearBundleIsAZipWithItsManifest() async throws {
        let fx: WebFixture = self.fx
        try await fx.test { client in
            try await client.execute(uri: "/f/sisaket-2568.yaml", method: .get) { r in
                XCTAssertTrue(r.text.contains("/f/sisaket-2568.yaml/bundle"))
            }
            try await client.execute(uri: "/f/sisaket-2568.yaml/bundle", method: .get) { r in
                XCTAssertEqual(r.status, .ok)
                XCTAssertEqual(r.headers[.contentType], "application/zip")
                let zip = try ZipArchive(data: Data(buffer: r.body), path: "bundle.zip")
                let names = zip.partNames
                XCTAssertTrue(names.contains { $0.hasSuffix("/manifest.json") }, "\(names)")
                XCTAssertTrue(names.contains { $0.contains("/O34_") && $0.hasSuffix(".docx") }, "\(names)")
                XCTAssertTrue(names.contains { $0.contains("/O35_") && $0.hasSuffix(".odt") }, "\(names)")
                let manifest = try XCTUnwrap(names.first { $0.hasSuffix("manifest.json") })
                let json = try JSONSerialization.jsonObject(with: zip.read(manifest)) as? [String: Any]
                XCTAssertEqual(json?["organization"] as? String, "เทศบาลเมืองศรีสะเกษ")
                XCTAssertEqual((json?["files"] as? [Any])?.count, 4)
            }
        }
    }

    // MARK: Photos

    func testPictureUploadIsStoredUnderANameOfTheApps() async throws {
        let fx: WebFixture = self.fx
        let name = "nongbua-2568.yaml"
        let png = try Data(contentsOf: fx.dir.appendingPathComponent("images/photo-1.png"))
        let count = fx.load(name).data?.photos?.count ?? 0
        try await fx.test { client in
            let (h, body) = WebFixture.multipart([("token", WebFixture.token), ("version", try fx.version(name)), ("caption", "ภาพใหม่"), ("date", "2568-03-01")],
                                                 file: ("picture", "../../../etc/evil.png", png))
            try await client.execute(uri: "/f/\(name)/photos", method: .post, headers: h, body: body) { r in
                XCTAssertEqual(r.status, .seeOther, r.text)
            }
            let photos = try XCTUnwrap(fx.load(name).data?.photos)
            XCTAssertEqual(photos.count, count + 1)
            let file = try XCTUnwrap(photos.last?.file)
            XCTAssertTrue(file.hasPrefix("images/nongbua-2568-photo"), file)
            XCTAssertFalse(file.contains("evil"))
            XCTAssertEqual(photos.last?.caption, "ภาพใหม่")
            try await client.execute(uri: "/f/\(name)/photo/\(count)", method: .get) { r in
                XCTAssertEqual(r.status, .ok)
                XCTAssertEqual(r.headers[.contentType], "image/png")
                XCTAssertEqual(Data(buffer: r.body), png)
            }
            // Removing it from the document.
            let rm = WebFixture.encode([("token", WebFixture.token), ("version", try fx.version(name)), ("remove", String(count))])
            try await client.execute(uri: "/f/\(name)/edit/photos", method: .post, headers: WebFixture.formHeaders, body: rm) { XCTAssertEqual($0.status, .seeOther) }
            XCTAssertEqual(fx.load(name).data?.photos?.count, count)
        }
    }

    func testLogoUploadReplacesTheOrganisationsLogo() async throws {
        let fx: WebFixture = self.fx
        let name = "sisaket-2568.yaml"
        XCTAssertNil(fx.load(name).data?.organization?.logo)
        let png = try Data(contentsOf: fx.dir.appendingPathComponent("images/photo-2.png"))
        try await fx.test { client in
            try await client.execute(uri: "/f/\(name)/edit/organization", method: .get) { r in
                XCTAssertTrue(r.text.contains("id=\"logo-form\""))
                XCTAssertTrue(r.text.contains("ยังไม่มีตราหน่วยงาน"))
            }
            try await client.execute(uri: "/f/\(name)/logo", method: .get) { XCTAssertEqual($0.status, .notFound) }
            let (bad, badBody) = WebFixture.multipart([("token", WebFixture.token), ("version", try fx.version(name))],
                                                      file: ("picture", "logo.png", Data("<svg/>".utf8)))
            try await client.execute(uri: "/f/\(name)/logo", method: .post, headers: bad, body: badBody) { XCTAssertEqual($0.status, .unsupportedMediaType) }
            let (h, body) = WebFixture.multipart([("token", WebFixture.token), ("version", try fx.version(name))],
                                                 file: ("picture", "/etc/logo.png", png))
            try await client.execute(uri: "/f/\(name)/logo", method: .post, headers: h, body: body) { r in
                XCTAssertEqual(r.status, .seeOther, r.text)
                XCTAssertEqual(r.headers[.location], "/f/\(name)/edit/organization?saved=1")
            }
            let logo = try XCTUnwrap(fx.load(name).data?.organization?.logo)
            XCTAssertTrue(logo.hasPrefix("images/sisaket-2568-logo"), logo)
            try await client.execute(uri: "/f/\(name)/logo", method: .get) { r in
                XCTAssertEqual(r.status, .ok)
                XCTAssertEqual(Data(buffer: r.body), png)
            }
            // The logo is printed: the O34 DOCX now holds a picture.
            try await client.execute(uri: "/f/\(name)/doc/o34/docx", method: .get) { r in
                XCTAssertEqual(r.status, .ok)
                let package = try OfficePackage(data: Data(buffer: r.body), path: "o34.docx")
                XCTAssertTrue(package.partNames.contains { $0.hasPrefix("word/media/") }, "\(package.partNames)")
            }
        }
        XCTAssertEqual(fx.load(name).data?.organization?.name, "เทศบาลเมืองศรีสะเกษ", "the rest of the organisation is kept")
    }

    func testNonPictureUploadIsRefused() async throws {
        let fx: WebFixture = self.fx
        let name = "nongbua-2568.yaml"
        let before = try fx.text(name)
        try await fx.test { client in
            for data in [Data("<script>alert(1)</script>".utf8), Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3])] {
                let (h, body) = WebFixture.multipart([("token", WebFixture.token), ("version", try fx.version(name))], file: ("picture", "photo.png", data))
                try await client.execute(uri: "/f/\(name)/photos", method: .post, headers: h, body: body) { r in
                    XCTAssertEqual(r.status, .unsupportedMediaType)
                    XCTAssertTrue(r.text.contains("PNG") || r.text.contains("ภาพเสีย"))
                }
            }
        }
        XCTAssertEqual(try fx.text(name), before)
        let images = try FileManager.default.contentsOfDirectory(atPath: fx.dir.appendingPathComponent("images").path)
        XCTAssertEqual(images.sorted(), ["logo.png", "photo-1.png", "photo-2.png", "photo-3.png"])
    }

    func testOversizedUploadIsRefused() async throws {
        let fx: WebFixture = self.fx
        let name = "nongbua-2568.yaml"
        try await fx.test { client in
            let big = Data(repeating: 0x41, count: WebApp.maxUploadBytes + 200 * 1024)
            let (h, body) = WebFixture.multipart([("token", WebFixture.token), ("version", try fx.version(name))], file: ("picture", "big.jpg", big))
            try await client.execute(uri: "/f/\(name)/photos", method: .post, headers: h, body: body) { r in
                XCTAssertEqual(r.status, .contentTooLarge)
                XCTAssertTrue(r.text.contains("เกิน"))
            }
            let form = WebFixture.encode([("token", WebFixture.token), ("paste", String(repeating: "9", count: WebApp.maxFormBytes + 10))])
            try await client.execute(uri: "/f/sisaket-2568.yaml/edit/scores", method: .post, headers: WebFixture.formHeaders, body: form) { r in
                XCTAssertEqual(r.status, .contentTooLarge)
            }
        }
    }

    // MARK: Safety

    func testPathsInParametersReachNothingOutsideTheFolder() async throws {
        let fx: WebFixture = self.fx
        // A data file whose photo points outside the folder, and a link to a file outside it.
        let outside = fx.dir.deletingLastPathComponent().appendingPathComponent("itaweb-outside-\(UUID().uuidString.prefix(6)).png")
        try FileManager.default.copyItem(at: fx.dir.appendingPathComponent("images/photo-1.png"), to: outside)
        defer { try? FileManager.default.removeItem(at: outside) }
        var text = try fx.text("nongbua-2568.yaml")
        text = text.replacingOccurrences(of: "file: images/photo-1.png", with: "file: ../\(outside.lastPathComponent)")
        try text.write(to: fx.dir.appendingPathComponent("nongbua-2568.yaml"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(at: fx.dir.appendingPathComponent("linked.yaml"),
                                                   withDestinationURL: fx.dir.appendingPathComponent("sisaket-2568.yaml"))
        try await fx.test { client in
            for uri in ["/f/..%2F..%2Fetc%2Fpasswd", "/f/%2Fetc%2Fpasswd", "/f/..", "/f/linked.yaml", "/f/images%2Flogo.png",
                        "/f/..%2Fsisaket-2568.yaml/doc/o34/docx", "/f/nongbua-2568.yaml/photo/0", "/f/nongbua-2568.yaml/photo/..%2F..%2Fx",
                        "/f/nongbua-2568.yaml/photo/-1", "/f/sisaket-2568.yaml/preview/o34/..%2F..%2Fsisaket-2568.yaml"] {
                try await client.execute(uri: uri, method: .get) { r in
                    XCTAssertEqual(r.status, .notFound, uri)
                    XCTAssertFalse(r.text.contains("root:"), uri)
                }
            }
            try await client.execute(uri: "/f/nongbua-2568.yaml/photo/1", method: .get) { XCTAssertEqual($0.status, .ok) }
            // No document is made from a file naming a picture outside the folder (the picture would be read).
            for uri in ["/f/nongbua-2568.yaml/doc/analysis/docx", "/f/nongbua-2568.yaml/preview/analysis"] {
                try await client.execute(uri: uri, method: .get) { r in
                    XCTAssertEqual(r.status, .unprocessableContent, uri)
                    XCTAssertTrue(r.text.contains("นอกโฟลเดอร์ข้อมูล"), uri)
                }
            }
            try await client.execute(uri: "/f/nongbua-2568.yaml", method: .get) { XCTAssertTrue($0.text.contains("id=\"outside\"")) }
            let body = WebFixture.encode([("token", WebFixture.token), ("version", "x"), ("signatory.name", "x")])
            try await client.execute(uri: "/f/..%2Fescape.yaml/edit/signatory", method: .post, headers: WebFixture.formHeaders, body: body) { r in
                XCTAssertEqual(r.status, .notFound)
            }
        }
        XCTAssertFalse(fx.web.folder.names().contains("linked.yaml"), "links are not data files")
        XCTAssertFalse(FileManager.default.fileExists(atPath: fx.dir.appendingPathComponent("Output/nongbua-2568").path), "nothing was written")
        // An absolute path and a link leading out are refused alike.
        let folder = fx.web.folder
        let linked = fx.dir.appendingPathComponent("images/away.png")
        try FileManager.default.createSymbolicLink(at: linked, withDestinationURL: outside)
        for file in [outside.path, "images/away.png", "images/../../x.png"] {
            let t = try fx.text("nongbua-2568.yaml").replacingOccurrences(of: "file: ../\(outside.lastPathComponent)", with: "file: \(file)")
            try t.write(to: fx.dir.appendingPathComponent("nongbua-2568.yaml"), atomically: true, encoding: .utf8)
            let e = try Entry(folder: folder, name: "nongbua-2568.yaml")
            XCTAssertEqual(fx.web.documents.picturesOutside(e), [file], file)
            try await fx.test { client in
                try await client.execute(uri: "/f/nongbua-2568.yaml/doc/analysis/odt", method: .get) { XCTAssertEqual($0.status, .unprocessableContent, file) }
            }
            try text.write(to: fx.dir.appendingPathComponent("nongbua-2568.yaml"), atomically: true, encoding: .utf8)
        }
    }

    func testChangesFromElsewhereAreRefused() async throws {
        let fx: WebFixture = self.fx
        let name = "sisaket-2568.yaml"
        let original = try fx.text(name)
        let version = try fx.version(name)
        let body = WebFixture.encode([("token", WebFixture.token), ("version", version), ("signatory.name", "ผู้บุกรุก")])
        try await fx.test { client in
            var noOrigin = WebFixture.formHeaders
            noOrigin[.origin] = nil
            var otherSite = WebFixture.formHeaders
            otherSite[.origin] = "http://evil.example"
            var otherReferer = noOrigin
            otherReferer[.referer] = "http://evil.example/page"
            var rebound = WebFixture.formHeaders
            rebound[HTTPField.Name("Host")!] = "evil.example:8080"
            rebound[.origin] = "http://evil.example:8080"
            for h in [noOrigin, otherSite, otherReferer, rebound] {
                try await client.execute(uri: "/f/\(name)/edit/signatory", method: .post, headers: h, body: body) { r in
                    XCTAssertEqual(r.status, .forbidden)
                }
            }
            var goodReferer = noOrigin
            goodReferer[.referer] = "http://127.0.0.1:8080/f/\(name)/edit/signatory"
            let wrongToken = WebFixture.encode([("token", "guess"), ("version", version), ("signatory.name", "ผู้บุกรุก")])
            try await client.execute(uri: "/f/\(name)/edit/signatory", method: .post, headers: goodReferer, body: wrongToken) { r in
                XCTAssertEqual(r.status, .forbidden)
            }
            var rebindGet = HTTPFields()
            rebindGet[HTTPField.Name("Host")!] = "evil.example"
            try await client.execute(uri: "/", method: .get, headers: rebindGet) { XCTAssertEqual($0.status, .forbidden) }
        }
        XCTAssertEqual(try fx.text(name), original)
    }

    func testMalformedFormsAreRefused() async throws {
        let fx: WebFixture = self.fx
        let name = "sisaket-2568.yaml"
        let original = try fx.text(name)
        try await fx.test { client in
            var plain = WebFixture.formHeaders
            plain[.contentType] = "text/plain"
            try await client.execute(uri: "/f/\(name)/edit/scores", method: .post, headers: plain, body: ByteBuffer(string: "token=test-token")) { r in
                XCTAssertEqual(r.status, .badRequest)
            }
            try await client.execute(uri: "/f/\(name)/edit/scores", method: .post, headers: WebFixture.formHeaders,
                                     body: ByteBuffer(string: "token=test-token&assessment.indicators.1=%zz")) { XCTAssertEqual($0.status, .badRequest) }
            try await client.execute(uri: "/f/\(name)/edit/scores", method: .post, headers: WebFixture.formHeaders,
                                     body: WebFixture.encode([("token", WebFixture.token), ("assessment.indicators.1", "99")])) { r in
                XCTAssertEqual(r.status, .badRequest, "no version")
            }
            try await client.execute(uri: "/f/\(name)/edit/nothing", method: .post, headers: WebFixture.formHeaders,
                                     body: WebFixture.encode([("token", WebFixture.token), ("version", try fx.version(name))])) { XCTAssertEqual($0.status, .notFound) }
            var broken = WebFixture.formHeaders
            broken[.contentType] = "multipart/form-data; boundary=abc"
            try await client.execute(uri: "/f/nongbua-2568.yaml/photos", method: .post, headers: broken, body: ByteBuffer(string: "--abc\r\nno headers end")) { r in
                XCTAssertEqual(r.status, .badRequest)
            }
        }
        XCTAssertEqual(try fx.text(name), original)
    }

    func testUnreadableFileIsShownWithItsErrorNotItsForms() async throws {
        let fx: WebFixture = self.fx
        try "fiscal_year: 2568\norganization: [unclosed\n".write(to: fx.dir.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
        try await fx.test { client in
            try await client.execute(uri: "/", method: .get) { r in XCTAssertTrue(r.text.contains("ไฟล์ที่อ่านไม่ได้")) }
            try await client.execute(uri: "/f/broken.yaml", method: .get) { r in
                XCTAssertEqual(r.status, .ok)
                XCTAssertTrue(r.text.contains("อ่านไฟล์นี้ไม่ได้"))
                XCTAssertFalse(r.text.contains("/edit/"))
            }
            try await client.execute(uri: "/f/broken.yaml/edit/scores", method: .get) { XCTAssertEqual($0.status, .notFound) }
        }
    }

    func testMultipartParserBounds() {
        let body = Data("--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"p.png\"\r\n\r\nDATA\r\n--b--\r\n".utf8)
        let form = FormData.multipart(body, boundary: "b")
        XCTAssertEqual(form?.first("a"), "x")
        XCTAssertEqual(form?.file?.data, Data("DATA".utf8))
        XCTAssertNil(FormData.multipart(Data("--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx".utf8), boundary: "b"), "unterminated")
        let twoFiles = Data("--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"1\"\r\n\r\n1\r\n--b\r\nContent-Disposition: form-data; name=\"g\"; filename=\"2\"\r\n\r\n2\r\n--b--".utf8)
        XCTAssertNil(FormData.multipart(twoFiles, boundary: "b"))
    }
}
