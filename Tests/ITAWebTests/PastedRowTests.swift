import Foundation
import HTTPTypes
import HummingbirdTesting
import ITAKit
@testable import ITAWeb
import XCTest

/// A score row pasted from a spreadsheet is read without guessing: ten numbers side by side are the
/// ten scores, eleven the scores and the announced total; any other row is refused beside the box.
final class PastedRowTests: XCTestCase {
    var fx: WebFixture!

    override func setUpWithError() throws { fx = try WebFixture() }
    override func tearDown() { fx.remove() }

    static let real = ["99.39", "97.71", "97.65", "98.21", "98.82", "98.97", "99.09", "96.60", "100", "100"]

    /// Rows as clerks copy them, with what each must give.
    static let cases: [(row: String, result: PastedRow?)] = [
        // The app's own import layout without the level: name, district, province, ten scores, total.
        ("เทศบาลตำบลวาง\tเมือง\tศรีสะเกษ\t" + real.joined(separator: "\t") + "\t98.97", PastedRow(scores: real, total: "98.97", level: nil)),
        ("เทศบาลตำบลวาง\tเมือง\tศรีสะเกษ\t" + real.joined(separator: "\t") + "\t98.97\tผ่านดีเยี่ยม\t\r\n",
         PastedRow(scores: real, total: "98.97", level: "ผ่านดีเยี่ยม")),
        ("1\tเทศบาลตำบลวาง\t" + real.joined(separator: "\t"), PastedRow(scores: real, total: nil, level: nil)),
        (real.joined(separator: " "), PastedRow(scores: real, total: nil, level: nil)),
        ("๙๙.๓๙ " + real.dropFirst().joined(separator: " "), PastedRow(scores: ["๙๙.๓๙"] + real.dropFirst(), total: nil, level: nil)),
        // Refused: twelve numbers (a row number and a total?), a score cell left empty, words between the
        // scores, words after ten scores, too few numbers, no number at all.
        ("1\t" + real.joined(separator: "\t") + "\t98.97", nil),
        ("เทศบาลตำบลวาง\t" + real.prefix(4).joined(separator: "\t") + "\t\t" + real.dropFirst(5).joined(separator: "\t") + "\t98.97", nil),
        ("เทศบาลตำบลวาง\t" + real.prefix(4).joined(separator: "\t") + "\t98,21\t" + real.dropFirst(5).joined(separator: "\t"), nil),
        (real.joined(separator: "\t") + "\tผ่านดีเยี่ยม", nil),
        ("90\t91", nil),
        ("เทศบาลตำบลวาง", nil),
    ]

    func testRowsAreReadOnlyWhenUnambiguous() {
        for (row, expected) in Self.cases {
            let read = Result { try PastedRow.read(row) }
            switch (read, expected) {
            case let (.success(got), want?): XCTAssertEqual(got, want, row)
            case let (.failure(error), nil):
                let reason = (error as? PastedRow.Problem)?.reason ?? ""
                XCTAssertTrue(reason.hasPrefix("อ่านแถวที่วางไม่ได้: ") && reason.hasSuffix(PastedRow.expected), reason)
            case let (.success(got), nil): XCTFail("\(row) was read as \(got), but is ambiguous")
            case let (.failure(error), want?): XCTFail("\(row): \(error), expected \(want)")
            }
        }
        XCTAssertEqual(try? PastedRow.read("1\t" + Self.real.joined(separator: "\t") + "\t98.97"), nil)
        XCTAssertThrowsError(try PastedRow.read("1\t" + Self.real.joined(separator: "\t") + "\t98.97")) {
            XCTAssertTrue(($0 as? PastedRow.Problem)?.reason.contains("พบตัวเลขติดกัน 12 ช่อง (1, 99.39,") == true, "\($0)")
        }
        XCTAssertThrowsError(try PastedRow.read("ก\t" + Self.real.prefix(4).joined(separator: "\t") + "\t\t" + Self.real.dropFirst(5).joined(separator: "\t"))) {
            XCTAssertTrue(($0 as? PastedRow.Problem)?.reason.contains("หลังตัวเลข 4 ช่อง (99.39, 97.71, 97.65, 98.21) มี ช่องว่าง คั่นอยู่") == true, "\($0)")
        }
    }

    /// The page's script reads a row exactly as the server does (same result, same message).
    func testThePageScriptReadsRowsAsTheServerDoes() throws {
        guard let node = ["/usr/bin/node", "/usr/local/bin/node", "/usr/bin/nodejs"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw XCTSkip("node is not installed: the page script's reading is not compared")
        }
        let js = HTML.js
        let start = try XCTUnwrap(js.range(of: "function readPastedRow(text) {"))
        let end = try XCTUnwrap(js.range(of: "document.addEventListener('DOMContentLoaded'", range: start.upperBound..<js.endIndex))
        let function = String(js[start.lowerBound..<end.lowerBound])
        let rows = try String(decoding: JSONEncoder().encode(Self.cases.map(\.row)), as: UTF8.self)
        let program = function + "\nprocess.stdout.write(JSON.stringify(\(rows).map(readPastedRow)));\n"
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("paste-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("paste.js")
        try program.write(to: file, atomically: true, encoding: .utf8)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: node)
        p.arguments = [file.path]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0)
        let results = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        XCTAssertEqual(results.count, Self.cases.count)
        for (i, (row, _)) in Self.cases.enumerated() {
            let script = results[i]
            do {
                let server = try PastedRow.read(row)
                XCTAssertNil(script["error"], row)
                XCTAssertEqual(script["scores"] as? [String], server.scores, row)
                XCTAssertEqual(script["total"] as? String, server.total, row)
                XCTAssertEqual(script["level"] as? String, server.level, row)
            } catch let problem as PastedRow.Problem {
                XCTAssertEqual(script["error"] as? String, problem.reason, row)
            }
        }
    }

    /// The reviewer's row ends with the announced total: the ten scores go to indicators 1–10 and the
    /// total to the announced total (it used to give indicators 1–10 = real 2–10 and the total).
    func testARowEndingWithTheTotalFillsScoresAndTotal() async throws {
        let fx: WebFixture = self.fx
        try await fx.test { client in
            let name = try await Self.newFile(fx, client)
            let row = "เทศบาลตำบลวาง\tเมือง\tศรีสะเกษ\t" + Self.real.joined(separator: "\t") + "\t98.97"
            try await Self.post(fx, client, name, [("assessment.year", "2568"), ("paste", row)]) {
                XCTAssertEqual($0.status, .seeOther, $0.text)
            }
            let a = try XCTUnwrap(fx.load(name).data?.assessment)
            XCTAssertEqual((1...10).map { a.indicators?[$0] }, Self.real.map { Decimal(string: $0) })
            XCTAssertEqual(a.official?.total, Decimal(string: "98.97"))

            // The page's script hands on the total it read beside the ten boxes.
            var fields = (1...10).map { ("assessment.indicators.\($0)", "9\($0 - 1)") }
            fields.append(("paste-total", "95.5"))
            try await Self.post(fx, client, name, fields) { XCTAssertEqual($0.status, .seeOther, $0.text) }
            XCTAssertEqual(fx.load(name).data?.assessment?.official?.total, Decimal(string: "95.5"))
            XCTAssertEqual(fx.load(name).data?.assessment?.indicators?[10], 99)
        }
    }

    /// An ambiguous row saves nothing; the message beside the box says what was found and what is expected.
    func testAnAmbiguousRowIsRefusedBesideTheBoxAndNothingIsSaved() async throws {
        let fx: WebFixture = self.fx
        try await fx.test { client in
            let name = try await Self.newFile(fx, client)
            let before = try fx.text(name)
            let row = "1\t" + Self.real.joined(separator: "\t") + "\t98.97"
            try await Self.post(fx, client, name, [("assessment.indicators.1", "50"), ("paste", row)]) { r in
                XCTAssertEqual(r.status, .badRequest)
                let note = r.text.range(of: "<p id=\"paste-note\" class=\"small bad\" role=\"status\">").map { String(r.text[$0.upperBound...].prefix(600)) } ?? ""
                XCTAssertTrue(note.hasPrefix("อ่านแถวที่วางไม่ได้: พบตัวเลขติดกัน 12 ช่อง (1, 99.39, 97.71"), "beside the box: \(note)")
                XCTAssertTrue(note.contains("ไม่ได้บันทึกคะแนน"), note)
                XCTAssertTrue(r.text.contains(">\(HTML.esc(row))</textarea>"), "the pasted row is kept in its box to correct")
            }
            try await Self.post(fx, client, name, [("paste-total", "98,97")]) { r in
                XCTAssertEqual(r.status, .badRequest)
                XCTAssertTrue(r.text.contains("คะแนนรวมจากแถวที่วาง &#39;98,97&#39; ไม่ใช่ตัวเลข") || r.text.contains("คะแนนรวมจากแถวที่วาง '98,97' ไม่ใช่ตัวเลข"), r.text)
            }
            XCTAssertEqual(try fx.text(name), before, "nothing saved")
        }
    }

    static func post(_ fx: WebFixture, _ client: any TestClientProtocol, _ name: String, _ fields: [(String, String)],
                     _ check: @escaping @Sendable (TestResponse) -> Void) async throws {
        let body = WebFixture.encode([("token", WebFixture.token), ("version", try fx.version(name))] + fields)
        try await client.execute(uri: "/f/\(HTML.segment(name))/edit/scores", method: .post, headers: WebFixture.formHeaders, body: body, testCallback: check)
    }

    static func newFile(_ fx: WebFixture, _ client: any TestClientProtocol) async throws -> String {
        let body = WebFixture.encode([("token", WebFixture.token), ("organization", "เทศบาลตำบลวาง"), ("fiscal_year", "2569"), ("document", "o34")])
        var name = ""
        try await client.execute(uri: "/new", method: .post, headers: WebFixture.formHeaders, body: body) { r in
            XCTAssertEqual(r.status, .seeOther)
            name = String(r.headers[.location]?.dropFirst(3) ?? "").removingPercentEncoding ?? ""
        }
        return name
    }
}
