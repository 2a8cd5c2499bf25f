import Foundation
import HTTPTypes
import HummingbirdTesting
import ITAKit
@testable import ITAWeb
import XCTest

/// The forms offer what the file's documents print, and nothing they do not; each new form saves and
/// refuses bad input beside its field.
final class FormContractTests: XCTestCase {
    var fx: WebFixture!

    override func setUpWithError() throws { fx = try WebFixture() }
    override func tearDown() { fx.remove() }

    static let control: Set<String> = ["token", "version", "action", "order", "remove", "paste", "paste-total", "paste-level"]

    /// The data path a field of a form edits, with list entries as `[0]` (as diagnostics write them).
    static func dataPath(_ field: String, form: String) -> String {
        if form == "upload-form" { return field == "picture" ? "photos" : "photos[0].\(field)" }
        if form == "logo-form" { return "organization.logo" }
        if field == "new-question-score" || field == "new-question-code" { return "assessment.questions.x1" }
        if field == "new-question-text" { return "assessment.question_texts.x1" }
        // `analysis.issues.3.maintain`: the entry of issue 3.
        if field.hasPrefix("analysis.issues.") {
            return "analysis.issues[0]." + (field.split(separator: ".").last.map(String.init) ?? "")
        }
        return field
    }

    func testEveryFieldOfferedIsPrintedAndEveryPrintedFieldIsOffered() async throws {
        let fx: WebFixture = self.fx
        let catalog = FormCatalog.shipped
        try await fx.test { client in
            for name in fx.web.folder.names() where name.hasSuffix(".yaml") {
                let e = try Entry(folder: fx.web.folder, name: name)
                var offered: [String] = []
                for s in Section.allCases where s.shown(for: e) {
                    try await client.execute(uri: "/f/\(name)/edit/\(s.rawValue)", method: .get) { r in
                        for form in ["section-form", "upload-form", "logo-form"] {
                            for (field, _) in FormFields.of(r.text, form: form, files: true) where !Self.control.contains(field) {
                                let path = Self.dataPath(field, form: form)
                                if field == "new-question-code", !e.prints(path) { continue }   // the code of a row: its score or its wording
                                // The head of the organisation prints as the signatory's position when none is given (forms.yaml).
                                XCTAssertTrue(e.prints(path) || path == "organization.head", "\(name) \(s): the form offers \(field), which no document of the file prints")
                                offered.append(path.replacingOccurrences(of: #"\[[0-9]+\]"#, with: "[]", options: .regularExpression))
                            }
                        }
                    }
                }
                let hasMeasures = !(e.data?.measures ?? []).isEmpty
                for form in e.forms {
                    for printed in form.prints where !catalog.isLink(printed) {
                        if printed.hasPrefix("measures[]") && !hasMeasures { continue }
                        // Citations with their own score or words are left to the file (the page says so).
                        if printed == "measures[].citations" { continue }
                        XCTAssertTrue(offered.contains { Entry.covers(printed, $0) || Entry.covers($0, printed) },
                                      "\(name): \(form.name) prints \(printed), but no form offers it")
                    }
                }
            }
        }
    }

    // MARK: Questions

    func testQuestionScoresAndWordingSave() async throws {
        let fx: WebFixture = self.fx
        let name = "sisaket-2568.yaml"
        let e = try Entry(folder: fx.web.folder, name: name)
        XCTAssertTrue(e.prints("assessment.questions") && e.prints("assessment.question_texts"))
        try await fx.test { client in
            try await client.execute(uri: "/f/\(name)/edit/questions", method: .get) { r in
                XCTAssertEqual(r.status, .ok)
                XCTAssertTrue(r.text.contains("name=\"assessment.questions.i1\""))
                XCTAssertTrue(r.text.contains("name=\"assessment.question_texts.i1\""))
            }
            func post(_ fields: [(String, String)], version: String? = nil, _ check: @escaping @Sendable (TestResponse) -> Void) async throws {
                try await fx.post(client, name, page: "questions", fields, version: version, check)
            }
            let old = try fx.version(name)
            try await post([("assessment.questions.i1", "87.5"), ("assessment.question_texts.i1", "ถ้อยคำ: ของหน่วยงาน # เอง")]) {
                XCTAssertEqual($0.status, .seeOther, $0.text)
            }
            let a = try XCTUnwrap(fx.load(name).data?.assessment)
            XCTAssertEqual(a.questions?["i1"], Decimal(string: "87.5"))
            XCTAssertEqual(a.questionTexts?["i1"], "ถ้อยคำ: ของหน่วยงาน # เอง")
            try await post([("assessment.questions.i1", "เก้าสิบ")]) { r in
                XCTAssertEqual(r.status, .unprocessableContent)
                XCTAssertTrue(r.text.contains("data-path=\"assessment.questions.i1\""), r.text)
            }
            try await post([("assessment.questions.i1.x", "1")]) { XCTAssertEqual($0.status, .badRequest) }
            try await post([("new-question-code", "o/1"), ("new-question-score", "90")]) { r in
                XCTAssertEqual(r.status, .badRequest)
                XCTAssertTrue(r.text.contains("รหัสข้อคำถาม o/1"))
            }
            try await post([("new-question-code", ""), ("new-question-score", "90")]) { XCTAssertEqual($0.status, .badRequest) }
            try await post([("assessment.questions.i1", "80")], version: old) { r in
                XCTAssertEqual(r.status, .conflict)
                XCTAssertTrue(r.text.contains("id=\"stale\""))
            }
        }
        XCTAssertEqual(fx.load(name).data?.assessment?.questions?["i1"], Decimal(string: "87.5"), "the refused saves wrote nothing")
        // A year whose catalog lists no question: a code is added with its score and wording.
        let o35 = "khlongsaensaep-o35-2564.yaml"
        try await fx.test { client in
            let body = WebFixture.encode([("token", WebFixture.token), ("version", try fx.version(o35)),
                                          ("new-question-code", "o11"), ("new-question-score", "91.5"), ("new-question-text", "มีการเปิดเผยข้อมูลข่าวสาร"),
                                          ("new-question-code", ""), ("new-question-score", ""), ("new-question-text", "")])
            try await client.execute(uri: "/f/\(o35)/edit/questions", method: .post, headers: WebFixture.formHeaders, body: body) {
                XCTAssertEqual($0.status, .seeOther, $0.text)
            }
            try await client.execute(uri: "/f/\(o35)/edit/questions", method: .get) { r in
                XCTAssertTrue(r.text.contains("name=\"assessment.questions.o11\" value=\"91.5\""), "the added code is listed with its score")
            }
        }
        XCTAssertEqual(fx.load(o35).data?.assessment?.questions?["o11"], Decimal(string: "91.5"))
        XCTAssertEqual(fx.load(o35).data?.assessment?.questionTexts?["o11"], "มีการเปิดเผยข้อมูลข่าวสาร")
        // The O34 of 2564 prints no question: it has no such page.
        try await fx.test { client in
            try await client.execute(uri: "/f/khlongsaensaep-2564.yaml/edit/questions", method: .get) { XCTAssertEqual($0.status, .notFound) }
        }
    }

    // MARK: Analysis texts

    func testAnalysisTextsReplaceWhatTheProgramWrites() async throws {
        let fx: WebFixture = self.fx
        try await fx.test { client in
            let report = "nongbua-2568.yaml"
            try await client.execute(uri: "/f/\(report)/edit/analysis", method: .get) { r in
                XCTAssertEqual(r.status, .ok)
                let overview = try XCTUnwrap(r.text.range(of: "<textarea name=\"analysis.overview\"[^>]*>", options: .regularExpression))
                XCTAssertTrue(r.text[overview].contains("placeholder=\""), "the empty box shows what the program would write")
                XCTAssertFalse(r.text.contains("name=\"analysis.issues."), "the analysis report prints no issue blocks")
            }
            let body = WebFixture.encode([("token", WebFixture.token), ("version", try fx.version(report)),
                                          ("analysis.overview", "ภาพรวม: เขียนเอง\nบรรทัดสอง"), ("analysis.indicators.3", "ตัวชี้วัดที่ 3 เขียนเอง")])
            try await client.execute(uri: "/f/\(report)/edit/analysis", method: .post, headers: WebFixture.formHeaders, body: body) {
                XCTAssertEqual($0.status, .seeOther, $0.text)
            }
            let analysis = try XCTUnwrap(fx.load(report).data?.analysis)
            XCTAssertEqual(analysis.overview, "ภาพรวม: เขียนเอง\nบรรทัดสอง")
            XCTAssertEqual(analysis.indicators?[3], "ตัวชี้วัดที่ 3 เขียนเอง")
            XCTAssertNotNil(analysis.indicators?[9], "the texts the file had are kept")

            let o34 = "sisaket-2568.yaml"
            try await client.execute(uri: "/f/\(o34)/edit/analysis", method: .get) { r in
                XCTAssertTrue(r.text.contains("name=\"analysis.issues.3.maintain\""))
                XCTAssertFalse(r.text.contains("name=\"analysis.rationale\""), "the O34 prints no rationale")
            }
            let issue = WebFixture.encode([("token", WebFixture.token), ("version", try fx.version(o34)), ("analysis.issues.3.maintain", "รักษาการเปิดเผยข้อมูล"),
                                           ("analysis.issues.3.questions", "o1, o2")])
            try await client.execute(uri: "/f/\(o34)/edit/analysis", method: .post, headers: WebFixture.formHeaders, body: issue) {
                XCTAssertEqual($0.status, .seeOther, $0.text)
            }
            let issues = try XCTUnwrap(fx.load(o34).data?.analysis?.issues)
            XCTAssertEqual(issues.first { $0.issue == 3 }?.maintain, "รักษาการเปิดเผยข้อมูล")
            XCTAssertEqual(issues.first { $0.issue == 3 }?.questions, ["o1", "o2"], "the questions the issue's table shows")
            let bad = WebFixture.encode([("token", WebFixture.token), ("version", try fx.version(o34)), ("analysis.issues.3.questions", "zz99")])
            try await client.execute(uri: "/f/\(o34)/edit/analysis", method: .post, headers: WebFixture.formHeaders, body: bad) { r in
                XCTAssertEqual(r.status, .unprocessableContent, "an unknown code is refused beside the field")
                XCTAssertTrue(r.text.contains("data-path=\"analysis.issues["), r.text)
            }
        }
    }

    // MARK: Strength threshold

    func testStrengthThresholdIsAFieldAndItsHintSpeaksOfIt() async throws {
        let fx: WebFixture = self.fx
        let name = "sisaket-2568.yaml"
        // Without its own issue texts the O34 prints what the split decides.
        let text = try fx.text(name)
        let cut = try XCTUnwrap(text.range(of: "\nanalysis:")).lowerBound..<XCTUnwrap(text.range(of: "\nlimitations:")).lowerBound
        try text.replacingCharacters(in: cut, with: "").write(to: fx.dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        let split = fx.load(name).diagnostics.first { $0.remedy?.id == "check.provisional-split.hint" }
        XCTAssertNotNil(split, "the 2567 split is provisional: the scores page warns of it")
        try await fx.test { client in
            try await client.execute(uri: "/f/\(name)/edit/scores", method: .get) { r in
                XCTAssertTrue(r.text.contains("name=\"options.strength_threshold\""))
                XCTAssertTrue(r.text.contains("ในช่อง “เกณฑ์คะแนนจุดแข็ง”"), "the hint names the form field")
                XCTAssertFalse(r.text.contains("strength_threshold:"), "…not the data file's key")
                XCTAssertFalse(r.text.contains("'options:"))
            }
            try await client.execute(uri: "/f/sisaket-o35-2568.yaml/edit/scores", method: .get) { r in
                XCTAssertFalse(r.text.contains("options.strength_threshold"), "an O35 prints no split")
            }
            let bad = WebFixture.encode([("token", WebFixture.token), ("version", try fx.version(name)), ("options.strength_threshold", "150")])
            try await client.execute(uri: "/f/\(name)/edit/scores", method: .post, headers: WebFixture.formHeaders, body: bad) { r in
                XCTAssertEqual(r.status, .unprocessableContent)
                XCTAssertTrue(r.text.contains("data-path=\"options.strength_threshold\""))
            }
            let good = WebFixture.encode([("token", WebFixture.token), ("version", try fx.version(name)), ("options.strength_threshold", "96")])
            try await client.execute(uri: "/f/\(name)/edit/scores", method: .post, headers: WebFixture.formHeaders, body: good) {
                XCTAssertEqual($0.status, .seeOther, $0.text)
            }
        }
        XCTAssertEqual(fx.load(name).data?.options?.strengthThreshold, 96)
        XCTAssertNil(fx.load(name).diagnostics.first { $0.remedy?.id == "check.provisional-split.hint" }, "the split is the organisation's now")
    }

    func testHintsOfTheFormsNameNoDataFileKeys() {
        let d = Diagnostic(.warning, .provisionalRubric, file: "x.yaml", path: "assessment.indicators",
                           problem: Message("check.provisional-split", ["threshold": "95", "strengths": "3", "weaknesses": "7", "year": "2567"]),
                           remedy: Message("check.provisional-split.hint"))
        XCTAssertTrue(d.text(in: .th).contains("strength_threshold"), "the command line names the key")
        let web = ThaiText.diagnostic(d)
        XCTAssertFalse(web.contains("strength_threshold"))
        XCTAssertTrue(web.contains(ThaiText.Labels.strengthThreshold))
        let year = Diagnostic(.error, .implausibleYear, file: "x.yaml", path: "assessment.year",
                              problem: Message("check.o34-ita-year", ["fiscal_year": "2568", "previous": "2567", "year": "2566"]),
                              remedy: Message("check.o34-ita-year.hint", ["previous": "2567"]))
        XCTAssertTrue(ThaiText.diagnostic(year).contains("กรอก 2567 ในช่อง"), ThaiText.diagnostic(year))
        let missing = Diagnostic(.error, .missingIndicators, file: "x.yaml", path: "assessment.indicators",
                                 problem: Message("check.indicators-missing", ["numbers": "2", "document": "O34"]),
                                 remedy: Message("check.indicators-missing.hint", ["number": "2"]))
        XCTAssertTrue(missing.text(in: .th).contains("2: 98.50"))
        XCTAssertFalse(ThaiText.diagnostic(missing).contains("2: 98.50"), "a clerk types the score in its box, not a YAML line")
        let citation = Diagnostic(.warning, .citationWithoutScore, file: "x.yaml", path: "measures[0].citations[0]",
                                  problem: .verbatim("x"), remedy: Message("check.citation-without-score.hint", ["section": "questions"]))
        XCTAssertTrue(ThaiText.diagnostic(citation).contains(Section.questions.title))
        XCTAssertFalse(ThaiText.diagnostic(citation).contains("score:"))
        let unprinted = Diagnostic(.warning, .notPrinted, file: "x.yaml", path: "organization.website",
                                   problem: Message("check.not-printed", ["form": "o34-2567"]),
                                   remedy: Message("check.not-printed.organization", ["name": "website"]))
        XCTAssertTrue(unprinted.text(in: .th).contains("{{org.website}}"), "the command line names the template tag")
        XCTAssertFalse(ThaiText.diagnostic(unprinted).contains("{{"), "the form does not")
        XCTAssertTrue(ThaiText.diagnostic(unprinted).contains("เก็บข้อมูลนี้ไว้ในไฟล์ตามเดิม"))
    }

    /// The messages beside the fields, on every page of every example and of files `init` and `rollover` wrote,
    /// name no data file key (`'options: {…}'`, `year: 2567`).
    func testMessagesBesideTheFieldsSpeakOfTheForm() async throws {
        let fx: WebFixture = self.fx
        try StarterFile.text(organization: "เทศบาลตำบลว่าง", fiscalYear: 2569).write(to: fx.dir.appendingPathComponent("blank.yaml"), atomically: true, encoding: .utf8)
        let sisaket = try XCTUnwrap(fx.load("sisaket-2568.yaml").data)
        for f in try YearRollover.roll(sisaket, to: 2569) {
            let url = fx.dir.appendingPathComponent(f.suggestedName(from: "rolled"))
            try f.text.write(to: url, atomically: true, encoding: .utf8)
        }
        // A file with the problems whose remedies name data file keys on the command line: no issue texts (the
        // split decides them), no official level, a score missing, a period reversed, a question cited unscored.
        var troubled = try fx.text("sisaket-2568.yaml")
        let cut = try XCTUnwrap(troubled.range(of: "\nanalysis:")).lowerBound..<XCTUnwrap(troubled.range(of: "\nlimitations:")).lowerBound
        troubled.replaceSubrange(cut, with: "")
        troubled = troubled.replacingOccurrences(of: ", 10: 100}", with: "}")
            .replacingOccurrences(of: "period: {from: 2568-04-01, to: 2568-09-30}", with: "period: {from: 2568-09-30, to: 2568-04-01}")
        try troubled.write(to: fx.dir.appendingPathComponent("troubled.yaml"), atomically: true, encoding: .utf8)
        let o35 = try fx.text("sisaket-o35-2568.yaml").replacingOccurrences(of: "citations: [{indicator: 7}]", with: "citations: [{question: zz1}]")
        try o35.write(to: fx.dir.appendingPathComponent("troubled-o35.yaml"), atomically: true, encoding: .utf8)
        let kinds = Set((fx.load("troubled.yaml").diagnostics + fx.load("troubled-o35.yaml").diagnostics).compactMap { $0.remedy?.id })
        XCTAssertTrue(kinds.isSuperset(of: ["check.provisional-split.hint", "check.indicators-missing.hint", "check.period-reversed.hint"]), "\(kinds)")
        let yaml = try NSRegularExpression(pattern: #"'[a-z_]+:|\{[a-z_]+: |\b[a-z_]+: [0-9]"#)
        try await fx.test { client in
            var seen = 0
            for name in fx.web.folder.names() where name.hasSuffix(".yaml") {
                let e = try Entry(folder: fx.web.folder, name: name)
                for s in Section.allCases where s.shown(for: e) {
                    try await client.execute(uri: "/f/\(name)/edit/\(s.rawValue)", method: .get) { r in
                        for note in r.text.components(separatedBy: "<p class=\"diag").dropFirst() {
                            let text = String(note[note.index(after: note.firstIndex(of: ">")!)...].prefix { $0 != "<" })
                            seen += 1
                            let range = NSRange(text.startIndex..., in: text)
                            XCTAssertNil(yaml.firstMatch(in: text, range: range), "\(name) \(s): \(text)")
                        }
                    }
                }
            }
            XCTAssertGreaterThan(seen, 5, "the pages show messages to check")
        }
    }

    // MARK: Photo order

    func testPhotosAreReorderedKeepingTheFile() async throws {
        let fx: WebFixture = self.fx
        let name = "nongbua-2568.yaml"
        let before = try XCTUnwrap(fx.load(name).data?.photos)
        let text = try fx.text(name)
        try await fx.test { client in
            try await client.execute(uri: "/f/\(name)/edit/photos", method: .get) { r in
                XCTAssertTrue(r.text.contains("value=\"down:0\""))
                XCTAssertTrue(r.text.contains("value=\"up:1\""))
            }
            func post(_ fields: [(String, String)], version: String? = nil, _ check: @escaping @Sendable (TestResponse) -> Void) async throws {
                try await fx.post(client, name, page: "photos", fields, version: version, check)
            }
            let old = try fx.version(name)
            try await post([("action", "down:0")]) { XCTAssertEqual($0.status, .seeOther, $0.text) }
            let after = try XCTUnwrap(fx.load(name).data?.photos)
            XCTAssertEqual(after, [before[1], before[0]] + before.dropFirst(2))
            try await post([("action", "down:9")]) { XCTAssertEqual($0.status, .badRequest) }
            try await post([("action", "sideways:1")]) { XCTAssertEqual($0.status, .badRequest) }
            try await post([("action", "up:1")], version: old) { XCTAssertEqual($0.status, .conflict) }
            try await post([("action", "up:1")]) { XCTAssertEqual($0.status, .seeOther) }
        }
        XCTAssertEqual(try fx.text(name), text, "moved and moved back: the file is as it was")
    }

    // MARK: File pickers

    func testFilePickersHaveAThaiButton() async throws {
        let fx: WebFixture = self.fx
        try await fx.test { client in
            for uri in ["/", "/f/nongbua-2568.yaml/edit/photos", "/f/nongbua-2568.yaml/edit/organization"] {
                try await client.execute(uri: uri, method: .get) { r in
                    let inputs = r.text.components(separatedBy: "<input type=\"file\"").dropFirst()
                    XCTAssertFalse(inputs.isEmpty, uri)
                    for input in inputs {
                        let id = try XCTUnwrap(input.range(of: #"id="[^"]+""#, options: .regularExpression).map { String(input[$0].dropFirst(4).dropLast()) }, uri)
                        XCTAssertTrue(input.hasPrefix(" class=\"file-input\""), "\(uri): the browser's own button is hidden behind the Thai one")
                        let label = try XCTUnwrap(r.text.range(of: "<label for=\"\(id)\" class=\"button plain\">เลือกไฟล์"), "\(uri) \(id)")
                        XCTAssertFalse(label.isEmpty)
                        XCTAssertTrue(r.text.contains("id=\"\(id)-name\" data-empty=\"ยังไม่ได้เลือกไฟล์\""))
                    }
                }
            }
            try await client.execute(uri: "/static/app.js", method: .get) { r in
                XCTAssertTrue(r.text.contains("input.file-input"), "the chosen file's name replaces the Thai placeholder")
            }
        }
    }
}
