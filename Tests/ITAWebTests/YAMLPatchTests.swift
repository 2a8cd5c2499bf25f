import Foundation
import HTTPTypes
import HummingbirdTesting
import ITAKit
@testable import ITAWeb
import XCTest
import Yams

/// The file a save writes is the file as it was with only the edited values changed.
final class YAMLPatchTests: XCTestCase {
    var fx: WebFixture!

    override func setUpWithError() throws { fx = try WebFixture() }
    override func tearDown() { fx.remove() }

    func exampleTexts() throws -> [(String, String)] {
        try fx.web.folder.names().filter { $0.hasSuffix(".yaml") }.map { ($0, try fx.text($0)) }
    }

    /// The files `init` and `rollover` write, with their label comments.
    func generatedTexts() throws -> [(String, String)] {
        var out = [("init.yaml", try StarterFile.text(organization: "เทศบาลตำบลทดสอบ", fiscalYear: 2569))]
        for name in ["sisaket-2568.yaml", "nongbua-2568.yaml", "khlongsaensaep-2564.yaml"] {
            let data = try XCTUnwrap(fx.load(name).data)
            for f in try YearRollover.roll(data, to: (data.fiscalYear ?? 2568) + 1) {
                out.append((f.suggestedName(from: (name as NSString).deletingPathExtension), f.text))
            }
        }
        return out
    }

    static func lines(_ s: String) -> [String] { s.components(separatedBy: "\n") }
    func lines(_ s: String) -> [String] { Self.lines(s) }

    /// The first line that differs, as `line n: old → new`.
    static func firstChange(_ a: String, _ b: String) -> String {
        let (x, y) = (a.components(separatedBy: "\n"), b.components(separatedBy: "\n"))
        for i in 0..<max(x.count, y.count) where i >= x.count || i >= y.count || x[i] != y[i] {
            return "line \(i + 1): \(i < x.count ? x[i] : "(none)") → \(i < y.count ? y[i] : "(none)")"
        }
        return "none"
    }
    static func comments(_ s: String) -> [String] {
        lines(s).map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.hasPrefix("#") }
    }
    func comments(_ s: String) -> [String] { Self.comments(s) }

    // MARK: Unchanged

    func testUnchangedTreeWritesTheSameBytes() throws {
        let all = try exampleTexts() + generatedTexts()
        XCTAssertGreaterThan(all.count, 8)
        for (name, text) in all {
            let tree = try NodeEdit(text: text)
            XCTAssertEqual(tree.patched(into: text), text, name)
        }
        // A byte order mark, CRLF line breaks and no final line break are kept too.
        for text in ["\u{FEFF}a: 1\nb: [x]\n", "a: 1\r\nb:\r\n  - x\r\n", "a: 1\nb: two"] {
            XCTAssertEqual(try NodeEdit(text: text).patched(into: text), text)
        }
    }

    /// Every form of every example, and of files `init` and `rollover` wrote, saved as it is shown: the file's bytes do not change.
    func testSavingEveryFormUnchangedKeepsEveryByte() async throws {
        let fx: WebFixture = self.fx
        for (name, text) in try generatedTexts() {
            let url = fx.dir.appendingPathComponent(name)
            if !FileManager.default.fileExists(atPath: url.path) { try text.write(to: url, atomically: true, encoding: .utf8) }
        }
        let names = fx.web.folder.names().filter { $0.hasSuffix(".yaml") }
        XCTAssertGreaterThan(names.count, 8)
        try await fx.test { client in
            var saved = 0
            for name in names {
                let entry = try Entry(folder: fx.web.folder, name: name)
                for s in Section.allCases where s.shown(for: entry) {
                    let before = try fx.text(name)
                    var fields: [(String, String)] = []
                    try await client.execute(uri: "/f/\(HTML.segment(name))/edit/\(s.rawValue)", method: .get) { r in
                        XCTAssertEqual(r.status, .ok)
                        fields = FormFields.of(r.text, form: "section-form")
                    }
                    XCTAssertTrue(fields.contains { $0.0 == "version" }, "\(name) \(s)")
                    try await client.execute(uri: "/f/\(HTML.segment(name))/edit/\(s.rawValue)", method: .post,
                                             headers: WebFixture.formHeaders, body: WebFixture.encode(fields + [("action", "save")])) { r in
                        // A draft's own errors (a field still to fill) may refuse the save; nothing is written then either.
                        XCTAssertTrue([.seeOther, .unprocessableContent].contains(r.status), "\(name) \(s): \(r.status)")
                        if r.status == .seeOther { saved += 1 }
                    }
                    let after = try fx.text(name)
                    XCTAssertTrue(after == before, "\(name) \(s): an unchanged save changes no byte; first change: \(Self.firstChange(before, after))")
                }
            }
            XCTAssertGreaterThan(saved, 40, "most forms saved")
        }
    }

    // MARK: Edits

    func testEditingOneScoreChangesOnlyThatLine() async throws {
        let fx: WebFixture = self.fx
        for name in ["nongbua-2568.yaml", "sisaket-2568.yaml", "wangthong-2567.yaml"] {
            let before = try fx.text(name)
            try await fx.test { client in
                var fields: [(String, String)] = []
                try await client.execute(uri: "/f/\(name)/edit/scores", method: .get) { fields = FormFields.of($0.text, form: "section-form") }
                let i = try XCTUnwrap(fields.firstIndex { $0.0 == "assessment.indicators.6" })
                XCTAssertFalse(fields[i].1.isEmpty)
                fields[i].1 = "91.07"
                try await client.execute(uri: "/f/\(name)/edit/scores", method: .post, headers: WebFixture.formHeaders,
                                         body: WebFixture.encode(fields)) { XCTAssertEqual($0.status, .seeOther, $0.text) }
            }
            let after = try fx.text(name)
            let (a, b) = (lines(before), lines(after))
            XCTAssertEqual(a.count, b.count, name)
            let changed = zip(a, b).enumerated().filter { $0.element.0 != $0.element.1 }
            XCTAssertEqual(changed.count, 1, name)
            XCTAssertTrue(changed.first?.element.1.contains("91.07") ?? false, name)
            XCTAssertEqual(fx.load(name).data?.assessment?.indicators?[6], Decimal(string: "91.07"))
        }
    }

    func testScoresFilledIntoANewFileKeepItsLabels() async throws {
        let fx: WebFixture = self.fx
        try await fx.test { client in
            let body = WebFixture.encode([("token", WebFixture.token), ("organization", "เทศบาลตำบลป้ายกำกับ"), ("fiscal_year", "2569"), ("document", "o34")])
            var name = ""
            try await client.execute(uri: "/new", method: .post, headers: WebFixture.formHeaders, body: body) { r in
                XCTAssertEqual(r.status, .seeOther)
                name = String(r.headers[.location]?.dropFirst(3) ?? "").removingPercentEncoding ?? ""
            }
            let before = try fx.text(name)
            let row = "1\tเทศบาลตำบลป้ายกำกับ\t" + (1...10).map { "9\($0 - 1).5" }.joined(separator: "\t")
            let scores = WebFixture.encode([("token", WebFixture.token), ("version", try fx.version(name)), ("paste", row)])
            try await client.execute(uri: "/f/\(HTML.segment(name))/edit/scores", method: .post, headers: WebFixture.formHeaders, body: scores) {
                XCTAssertEqual($0.status, .seeOther, $0.text)
            }
            let after = try fx.text(name)
            XCTAssertEqual(Self.comments(after), Self.comments(before), "every label of the starter file is kept, in order")
            let changed = zip(Self.lines(before), Self.lines(after)).filter { $0.0 != $0.1 }
            XCTAssertEqual(Self.lines(after).count, Self.lines(before).count)
            XCTAssertEqual(changed.count, 10, changed.map { "\($0.0) → \($0.1)" }.joined(separator: "\n"))
            for (old, new) in changed { XCTAssertTrue(new.hasPrefix(old.prefix { $0 != ":" } + ": 9"), "\(old) → \(new)") }
            XCTAssertEqual(fx.load(name).data?.assessment?.indicators?[10], Decimal(string: "99.5"))
        }
    }

    func testCommentsStayWithTheMeasuresTheyDescribe() async throws {
        let fx: WebFixture = self.fx
        let name = "nongbua-2568.yaml"
        let original = try fx.text(name)
        let ownComment = "    # ผลการวิเคราะห์ของมาตรการนี้เอง (ถ้าไม่เขียน ตารางจะใช้คำอธิบายของตัวชี้วัดที่ 9 ข้างบน)"
        let thirdComment = "  # มาตรการที่ระบุเพียงรหัสข้อคำถาม: ช่องตัวชี้วัดในตารางมาจากแคตตาล็อกของปี (i13 อยู่ในตัวชี้วัดที่ 5)"
        XCTAssertTrue(original.contains(ownComment + "\n    analysis:"))
        XCTAssertTrue(original.contains(thirdComment + "\n"))
        @Sendable func post(_ fields: [(String, String)]) async throws {
            try await fx.test { client in
                let body = WebFixture.encode([("token", WebFixture.token), ("version", try fx.version(name))] + fields)
                try await client.execute(uri: "/f/\(name)/edit/measures", method: .post, headers: WebFixture.formHeaders, body: body) {
                    XCTAssertEqual($0.status, .seeOther, $0.text)
                }
            }
        }
        // Moving the first measure down: every comment is kept, the one inside it moves with it.
        try await post([("action", "down:0")])
        var text = try fx.text(name)
        XCTAssertEqual(comments(text).sorted(), comments(original).sorted())
        XCTAssertTrue(text.contains(ownComment + "\n    analysis:"))
        let firstTitle = try XCTUnwrap(text.range(of: "title: จัดกิจกรรมสร้างวัฒนธรรมองค์กรไม่รับของขวัญ"))
        let movedTitle = try XCTUnwrap(text.range(of: "title: ทบทวนข้อมูลสาธารณะบนเว็บไซต์ทุกไตรมาส"))
        XCTAssertLessThan(firstTitle.lowerBound, movedTitle.lowerBound)
        XCTAssertLessThan(movedTitle.lowerBound, try XCTUnwrap(text.range(of: ownComment)).lowerBound)
        XCTAssertEqual(fx.load(name).data?.measures?.count, 3)
        // …and back: the file is as it was.
        try await post([("action", "up:1")])
        XCTAssertEqual(try fx.text(name), original)
        // Adding one, then filling it: the comments stay, the new measure reads back.
        try await post([("action", "add")])
        try await post([("measures[3].title", "มาตรการใหม่: ตรวจ # ทุกเดือน"), ("measures[3].steps", "ขั้นแรก\nขั้นที่สอง: ติดตาม"),
                        ("measures[3].owners", "กองคลัง"), ("measures[3].period.text", "ตลอดปีงบประมาณ")])
        text = try fx.text(name)
        XCTAssertEqual(comments(text).sorted(), comments(original).sorted())
        XCTAssertTrue(text.hasPrefix(String(original[..<original.range(of: "photos:")!.lowerBound])), "what comes before the new measure is unchanged")
        let added = try XCTUnwrap(fx.load(name).data?.measures?.last)
        XCTAssertEqual(added.title, "มาตรการใหม่: ตรวจ # ทุกเดือน")
        XCTAssertEqual(added.steps, ["ขั้นแรก", "ขั้นที่สอง: ติดตาม"])
        XCTAssertEqual(added.owners, ["กองคลัง"])
        // Removing the third measure takes the comment written above it, and only that.
        try await post([("action", "remove:2")])
        text = try fx.text(name)
        XCTAssertFalse(text.contains("มาตรการที่ระบุเพียงรหัสข้อคำถาม"))
        XCTAssertFalse(text.contains("questions: [i13]"))
        var expected = comments(original)
        expected.removeAll { $0.contains("มาตรการที่ระบุเพียงรหัสข้อคำถาม") || $0.contains("และดำเนินการในปีงบประมาณถัดไปได้") }
        XCTAssertEqual(comments(text).sorted(), expected.sorted())
        XCTAssertEqual(fx.load(name).data?.measures?.map(\.title), ["ทบทวนข้อมูลสาธารณะบนเว็บไซต์ทุกไตรมาส", "จัดกิจกรรมสร้างวัฒนธรรมองค์กรไม่รับของขวัญ", "มาตรการใหม่: ตรวจ # ทุกเดือน"])
    }

    func testFillingAFieldRolloverLeftEmptyKeepsItsLabel() async throws {
        let fx: WebFixture = self.fx
        let data = try XCTUnwrap(fx.load("sisaket-2568.yaml").data)
        let o35 = try XCTUnwrap(try YearRollover.roll(data, to: 2569).first { $0.document == .o35 })
        let name = "rolled-o35.yaml"
        try o35.text.write(to: fx.dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        let labels = comments(o35.text)
        XCTAssertTrue(labels.contains { $0.contains(DataFileWriter.fillMarker) }, "rollover marks the fields to fill")
        let outcome = "ผลลัพธ์บรรทัดแรก\nบรรทัดที่สอง: มี # และ \"อัญประกาศ\""
        try await fx.test { client in
            let body = WebFixture.encode([("token", WebFixture.token), ("version", try fx.version(name)),
                                          ("measures[0].outcome", outcome), ("measures[0].summary", "สรุป: ดำเนินการครบ")])
            try await client.execute(uri: "/f/\(name)/edit/results", method: .post, headers: WebFixture.formHeaders, body: body) {
                XCTAssertEqual($0.status, .seeOther, $0.text)
            }
        }
        let text = try fx.text(name)
        XCTAssertEqual(comments(text), labels, "every label comment is still there, in order")
        let m = try XCTUnwrap(fx.load(name).data?.measures?.first)
        XCTAssertEqual(m.outcome, outcome)
        XCTAssertEqual(m.summary, "สรุป: ดำเนินการครบ")
        let changed = Set(lines(text)).subtracting(lines(o35.text))
        XCTAssertLessThanOrEqual(changed.count, 4, changed.joined(separator: "\n"))
    }

    func testAFileThatCannotBePatchedIsWrittenWholeAndTheClerkIsTold() async throws {
        let fx: WebFixture = self.fx
        let name = "nongbua-2568.yaml"
        // A key written as `? key` then `: value` on the next line: the writer does not patch it.
        let odd = try fx.text(name).replacingOccurrences(of: "    title: ทบทวนข้อมูลสาธารณะบนเว็บไซต์ทุกไตรมาส\n",
                                                         with: "    ? title\n    : ทบทวนข้อมูลสาธารณะบนเว็บไซต์ทุกไตรมาส\n")
        XCTAssertNotEqual(odd, try fx.text(name))
        try odd.write(to: fx.dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        let before = try XCTUnwrap(fx.load(name).data?.measures)
        try await fx.test { client in
            let body = WebFixture.encode([("token", WebFixture.token), ("version", try fx.version(name)), ("action", "down:0"),
                                          ("measures[0].title", "ทบทวนข้อมูลสาธารณะบนเว็บไซต์ทุกเดือน")])
            try await client.execute(uri: "/f/\(name)/edit/measures", method: .post, headers: WebFixture.formHeaders, body: body) { r in
                XCTAssertEqual(r.status, .seeOther)
                XCTAssertEqual(r.headers[.location], "/f/\(name)/edit/measures?saved=whole")
            }
            try await client.execute(uri: "/f/\(name)/edit/measures?saved=whole", method: .get) { r in
                XCTAssertTrue(r.text.contains("id=\"whole\""), "the clerk is told the comments inside were not kept")
            }
            // A file that can be patched says nothing more than that it was saved.
            let sig = WebFixture.encode([("token", WebFixture.token), ("version", try fx.version("sisaket-2568.yaml")), ("signatory.name", "นายสาม ทดสอบ")])
            try await client.execute(uri: "/f/sisaket-2568.yaml/edit/signatory", method: .post, headers: WebFixture.formHeaders, body: sig) { r in
                XCTAssertEqual(r.headers[.location], "/f/sisaket-2568.yaml/edit/signatory?saved=1")
            }
        }
        let after = try XCTUnwrap(fx.load(name).data?.measures)
        var moved = before[0]
        moved.title = "ทบทวนข้อมูลสาธารณะบนเว็บไซต์ทุกเดือน"
        XCTAssertEqual(after, [before[1], moved] + before.dropFirst(2), "the data is whole")
    }

    func testTextOfSeveralLinesBeforeDeeperCommentsIsQuoted() throws {
        // `init` writes example lines as comments under an empty field: a literal block there would take them in.
        let text = "assessment:\n  questions:\n    # i1: 99.50\n    # i2: 98.00\n  year: 2568\n"
        var tree = try NodeEdit(text: text)
        tree.set("assessment.questions", NodeEdit.text("บรรทัดหนึ่ง\nบรรทัดสอง"))
        let out = try XCTUnwrap(tree.patched(into: text))
        XCTAssertEqual(out, "assessment:\n  questions: \"บรรทัดหนึ่ง\\nบรรทัดสอง\"\n    # i1: 99.50\n    # i2: 98.00\n  year: 2568\n")
        // Elsewhere, a literal block.
        tree.set("assessment.note", NodeEdit.text("ก\nข"))
        tree.set("assessment.questions", nil)
        XCTAssertTrue(try XCTUnwrap(tree.patched(into: text)).contains("  note: |-\n    ก\n    ข"))
    }

    /// A mapping of many keys (a file at the folder's size limit) is matched key by key through a table, not
    /// by searching the keys for each: this finishes in moments rather than hours.
    func testAMappingOfManyKeysIsPatchedInOnePass() throws {
        let n = 50_000
        let text = "q:\n" + (0..<n).map { "  k\($0): \($0)\n" }.joined()
        var tree = try NodeEdit(text: text)
        tree.set("q.k\(n - 1)", NodeEdit.plain("1"))
        let out = try XCTUnwrap(tree.patched(into: text))
        XCTAssertEqual(out, String(text.dropLast("  k\(n - 1): \(n - 1)\n".count)) + "  k\(n - 1): 1\n")
    }

    func testKeysRemovedAndAddedInOneSave() throws {
        // Block: the last key goes and a new one comes, in one save.
        let block = "m:  # หมายเหตุ\n  a: 1\n  b: 2\nz: 0\n"
        var tree = try NodeEdit(text: block)
        tree.set("m.b", nil)
        tree.set("m.c", NodeEdit.plain("3"))
        XCTAssertEqual(tree.patched(into: block), "m:  # หมายเหตุ\n  a: 1\n  c: 3\nz: 0\n")
        // Flow: two keys go, one comes.
        let flow = "o: {total: 1, level: ผ่าน, extra: y}  # ท้าย\n"
        tree = try NodeEdit(text: flow)
        tree.set("o.level", nil)
        tree.set("o.extra", nil)
        tree.set("o.note", NodeEdit.text("มี, จุลภาค"))
        XCTAssertEqual(tree.patched(into: flow), "o: {total: 1, note: \"มี, จุลภาค\"}  # ท้าย\n")
    }

    func testAnEntryWithACommentAfterItsDashMovesWithIt() throws {
        let text = "measures:\n  - # ก่อน\n    title: หนึ่ง\n  - title: สอง\n"
        var tree = try NodeEdit(text: text)
        let items = try XCTUnwrap(tree.get("measures")?.sequence.map(Array.init))
        tree.set("measures", NodeEdit.list([items[1], items[0]]))
        tree.origins["measures"] = [1, 0]
        XCTAssertEqual(tree.patched(into: text), "measures:\n  - title: สอง\n  - # ก่อน\n    title: หนึ่ง\n")
    }

    /// Seeded random edits of every example: each patched text reads back as the edited tree, and an edit
    /// that removes nothing keeps every comment.
    func testRandomEditsReadBackAsTheTreeAndKeepTheComments() throws {
        var rng = SeededGenerator(seed: 20_251_201)
        let pool = ["ข้อความใหม่", "มี: ทวิภาค", "มี # เครื่องหมาย", "บรรทัด\nสอง", "yes", "", "- ขีด", "\"อัญ\"", "ท้าย:", "{x}"]
        var patched = 0, total = 0
        for (name, text) in try exampleTexts() + generatedTexts() {
            let original = try NodeEdit(text: text)
            var scalars: [String] = [], maps: [String] = [], lists: [String] = []
            func walk(_ node: Node, _ path: String) {
                switch node {
                case .scalar: if !path.isEmpty { scalars.append(path) }
                case let .mapping(m):
                    maps.append(path)
                    for (k, v) in m { if let k = k.string, !k.contains("."), !k.contains("[") { walk(v, path.isEmpty ? k : "\(path).\(k)") } }
                case let .sequence(seq):
                    if seq.count > 1 { lists.append(path) }
                    for (i, v) in seq.enumerated() { walk(v, "\(path)[\(i)]") }
                case .alias: break
                }
            }
            walk(original.root, "")
            for round in 0..<40 {
                var tree = original
                var removes = false
                for _ in 0..<(1 + round % 3) {
                    switch Int.random(in: 0..<6, using: &rng) {
                    case 0 where !scalars.isEmpty:
                        let v = pool.randomElement(using: &rng)!
                        tree.set(scalars.randomElement(using: &rng)!, v.isEmpty ? NodeEdit.plain("97.5") : NodeEdit.text(v))
                    case 1 where !maps.isEmpty:
                        let m = maps.randomElement(using: &rng)!
                        tree.set(m.isEmpty ? "extra_key" : "\(m).extra_key", NodeEdit.text(pool.randomElement(using: &rng)!.isEmpty ? "x" : "ค่าใหม่: ก"))
                    case 2 where !lists.isEmpty:
                        let l = lists.randomElement(using: &rng)!
                        guard let items = tree.get(l)?.sequence.map(Array.init), items.count > 1 else { continue }
                        let order = Array(items.indices).shuffled(using: &rng)
                        tree.set(l, NodeEdit.list(order.map { items[$0] }))
                        // A list moved twice in one save: each entry still names its place in the file.
                        let before = tree.origins[l] ?? items.indices.map { $0 }
                        tree.origins[l] = order.map { before[$0] }
                    case 3 where !scalars.isEmpty:
                        tree.set(scalars.randomElement(using: &rng)!, nil)
                        removes = true
                    case 4 where !lists.isEmpty, 5 where !lists.isEmpty:
                        // An entry removed, or one added at the end.
                        let l = lists.randomElement(using: &rng)!
                        guard var items = tree.get(l)?.sequence.map(Array.init), items.count > 1 else { continue }
                        var origin: [Int?] = tree.origins[l] ?? items.indices.map { $0 }
                        if Bool.random(using: &rng) {
                            let k = Int.random(in: 0..<items.count, using: &rng)
                            items.remove(at: k)
                            origin.remove(at: k)
                            removes = true
                        } else {
                            items.append(NodeEdit.map([("title", NodeEdit.text("รายการใหม่: ทดสอบ")), ("steps", NodeEdit.list([NodeEdit.text("ก\nข")]))]))
                            origin.append(nil)
                        }
                        tree.set(l, NodeEdit.list(items))
                        tree.origins[l] = origin
                    default:
                        break
                    }
                }
                total += 1
                guard let out = tree.patched(into: text) else { continue }
                patched += 1
                let back = try XCTUnwrap(try Yams.compose(yaml: out), name)
                XCTAssertTrue(YAMLPatch.same(back, tree.root), "\(name) round \(round)")
                if !removes { XCTAssertEqual(comments(out).filter { !$0.hasPrefix("# บรรทัด") }.sorted(), comments(text).sorted(), "\(name) round \(round)") }
            }
        }
        // Nearly every edit is patched in place (the rest are written whole by the caller).
        print("random edits: \(patched) of \(total) patched in place")
        XCTAssertGreaterThan(Double(patched) / Double(total), 0.99, "\(patched) of \(total)")
    }

    // MARK: Quoting

    func testValuesAreQuotedSoTheyReadBackAsTyped() throws {
        let original = try fx.text("nongbua-2568.yaml")
        let texts = [
            "ชื่อ: ค่า # ไม่ใช่หมายเหตุ", "# ขึ้นต้นด้วยเครื่องหมาย", "yes", "null", "123", "2568-01-01", "- ขีด", "[วงเล็บ]", "{ปีกกา}",
            "ข้อความ, มีจุลภาค", "\"อัญประกาศ\" และ \\ ทับ", "บรรทัดหนึ่ง\nบรรทัดสอง: ต่อ\n# ไม่ใช่หมายเหตุ", "แท็บ\tกลาง", "ท้าย:",
            "บรรทัด\n\nเว้นบรรทัด", "ไทยล้วน ภาษาไทย",
        ]
        for t in texts {
            var tree = try NodeEdit(text: original)
            tree.set("organization.name", NodeEdit.text(t))            // block mapping, existing
            tree.set("assessment.official.level", NodeEdit.text(t))   // flow mapping, existing
            tree.set("signatory.note", NodeEdit.text(t))              // block mapping, new key
            tree.set("measures[1].owners[0]", NodeEdit.text(t))       // flow list, existing
            tree.set("measures[0].steps[1]", NodeEdit.text(t))        // block list, existing
            let out = try XCTUnwrap(tree.patched(into: original), t)
            let back = try XCTUnwrap(try Yams.compose(yaml: out))
            let read = NodeEdit(root: back)
            for path in ["organization.name", "assessment.official.level", "signatory.note", "measures[1].owners[0]", "measures[0].steps[1]"] {
                XCTAssertEqual(read.get(path)?.string, t, "\(path) \(t.debugDescription)")
                XCTAssertEqual(read.get(path).map(YAMLPatch.kind), Tag.Name.str.rawValue, "\(path) \(t.debugDescription) reads as text")
            }
            if !t.contains("\n#") { XCTAssertEqual(comments(out), comments(original), t) }
            // Lines not edited are unchanged.
            XCTAssertTrue(out.hasPrefix(String(original[..<original.range(of: "  name:")!.lowerBound])))
        }
    }

    func testNumbersAndDatesAreWrittenAsTyped() throws {
        let original = try fx.text("sisaket-2568.yaml")
        var tree = try NodeEdit(text: original)
        tree.set("assessment.indicators.2", NodeEdit.plain("88.5"))
        tree.set("signatory.date", NodeEdit.plain("2568-03-31"))
        tree.set("assessment.indicators.3", NodeEdit.plain("98 # x"))   // not a number: read back as the text typed
        let out = try XCTUnwrap(tree.patched(into: original))
        let read = NodeEdit(root: try XCTUnwrap(try Yams.compose(yaml: out)))
        XCTAssertEqual(read.get("assessment.indicators.2")?.float, 88.5)
        XCTAssertEqual(read.get("signatory.date")?.string, "2568-03-31")
        XCTAssertEqual(read.get("assessment.indicators.3")?.string, "98 # x")
    }

    func testTextThatCannotBePatchedIsLeftToTheWholeWriter() {
        // Several documents, or a tree that the text cannot become: no patched text.
        XCTAssertNil(YAMLPatch("a: 1\n---\nb: 2\n"))
        XCTAssertNil(YAMLPatch("a: 1\rb: 2\n"))
        XCTAssertNotNil(YAMLPatch("a: 1\n"))
    }

    func testListMatchingKeepsEqualEntriesInPlace() throws {
        let text = "steps:\n  - หนึ่ง  # ก\n  - สอง\n  # ข\n  - สาม\n"
        let patch = try XCTUnwrap(YAMLPatch(text))
        var tree = try NodeEdit(text: text)
        tree.set("steps", NodeEdit.list(["หนึ่ง", "สาม", "สี่"].map(NodeEdit.text)))
        XCTAssertEqual(patch.text(for: tree.root), "steps:\n  - หนึ่ง  # ก\n  # ข\n  - สาม\n  - สี่\n")
    }
}

/// The fields a browser would send for a form of a page: inputs, text areas and chosen options, as shown.
enum FormFields {
    static func of(_ html: String, form id: String, files: Bool = false) -> [(String, String)] {
        guard let start = html.range(of: "id=\"\(id)\"") else { return [] }
        let rest = html[start.upperBound...]
        let body = String(rest[..<(rest.range(of: "</form>")?.lowerBound ?? rest.endIndex)])
        var out: [(Int, String, String)] = []
        func attr(_ tag: String, _ name: String) -> String? {
            guard let r = tag.range(of: " \(name)=\"[^\"]*\"", options: .regularExpression) else { return nil }
            return unescape(String(tag[r].dropFirst(name.count + 3).dropLast()))
        }
        let ns = body as NSString
        for m in try! NSRegularExpression(pattern: "<input[^>]*>").matches(in: body, range: NSRange(location: 0, length: ns.length)) {
            let tag = ns.substring(with: m.range)
            guard let name = attr(tag, "name") else { continue }
            let type = attr(tag, "type") ?? "text"
            if (type == "file" && !files) || ((type == "checkbox" || type == "radio") && !tag.contains(" checked")) { continue }
            out.append((m.range.location, name, attr(tag, "value") ?? (type == "checkbox" ? "on" : "")))
        }
        for m in try! NSRegularExpression(pattern: "<textarea([^>]*)>(.*?)</textarea>", options: .dotMatchesLineSeparators)
            .matches(in: body, range: NSRange(location: 0, length: ns.length)) {
            guard let name = attr(ns.substring(with: m.range(at: 1)), "name") else { continue }
            // A browser drops one line break just after the opening tag.
            var v = unescape(ns.substring(with: m.range(at: 2)))
            if v.hasPrefix("\n") { v.removeFirst() }
            out.append((m.range.location, name, v.replacingOccurrences(of: "\n", with: "\r\n")))
        }
        for m in try! NSRegularExpression(pattern: "<select([^>]*)>(.*?)</select>", options: .dotMatchesLineSeparators)
            .matches(in: body, range: NSRange(location: 0, length: ns.length)) {
            guard let name = attr(ns.substring(with: m.range(at: 1)), "name") else { continue }
            let options = ns.substring(with: m.range(at: 2)).components(separatedBy: "<option").dropFirst()
            let chosen = options.first { $0.contains(" selected") } ?? options.first
            out.append((m.range.location, name, chosen.flatMap { attr("<option" + $0, "value") } ?? ""))
        }
        return out.sorted { $0.0 < $1.0 }.map { ($0.1, $0.2) }
    }

    static func unescape(_ s: String) -> String {
        s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}

/// A small seeded random generator (SplitMix64): the same edits on every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
