import Foundation
import TemplateData
import TemplateEngine
import XCTest
import YAMLLimits

/// Data files converted for `fill`: right values for ordinary files, a clear error naming the place for
/// hostile ones, in time and memory bounded by the file.
final class TemplateDataTests: XCTestCase {
    func yaml(_ text: String) throws -> TemplateValue { try TemplateData.values(Data(text.utf8), json: false, file: "d.yaml") }

    func message(_ text: String, json: Bool = false) -> String {
        do { _ = try TemplateData.values(Data(text.utf8), json: json, file: json ? "d.json" : "d.yaml"); return "no error" } catch { return "\(error)" }
    }

    /// Nine anchors, each repeating the one before ten times: ten billion values from 300 bytes.
    static let bomb: String = {
        var s = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for (prev, name) in zip("abcdefgh", "bcdefghi") { s += "\(name): &\(name) [" + Array(repeating: "*\(prev)", count: 10).joined(separator: ", ") + "]\n" }
        return s
    }()

    func testOrdinaryDataConverts() throws {
        let v = try yaml("org: {name: เทศบาล}\nscore: 98.97\nn: 1_000\nok: true\nnone: ~\ncode: '007'\nitems: [a, 2]\nbase: &b {x: 1}\nuse: *b\n")
        XCTAssertEqual(v, ["org": ["name": "เทศบาล"], "score": .number(Decimal(string: "98.97")!), "n": 1000, "ok": true, "none": nil,
                           "code": "007", "items": ["a", 2], "base": ["x": 1], "use": ["x": 1]])
    }

    func testAliasBombIsRefusedWithItsPlace() {
        let m = message(Self.bomb)
        XCTAssertTrue(m.hasPrefix("d.yaml:") && m.contains("more than 200000 values") && m.contains("aliases"), m)
    }

    /// An alias used as a mapping key is hashed whole by the YAML parser to find duplicate keys: the bomb
    /// behind one key hung there, before any conversion could count it.
    func testAliasBombAsAMappingKeyIsRefused() {
        for tail in ["? *i\n: 1\n", "{*i : 1}: x\n", "k: {*i : 1}\n", "k: [{? *i : 1}]\n"] {
            let m = message(Self.bomb + tail)
            XCTAssertTrue(m.contains("more than 200000 values"), "\(tail): \(m)")
        }
    }

    func testExpansionIsCountedExactly() throws {
        // mapping 1 + key a 1 + [1, 2] 3 + key b 1 + [*x, *x] 1 + 3 + 3 = 13 values.
        let text = "a: &x [1, 2]\nb: [*x, *x]\n"
        XCTAssertNoThrow(try YAMLExpansion.check(text, limit: 13))
        XCTAssertThrowsError(try YAMLExpansion.check(text, limit: 12)) { error in
            let e = error as? YAMLExpansion.TooLarge
            XCTAssertEqual([e?.limit, e?.line, e?.column], [12, 2, 9], "the second alias passes the limit")
        }
        // Several documents count together; text libyaml cannot parse is left to the parser.
        XCTAssertThrowsError(try YAMLExpansion.check("a: 1\n---\nb: 2\n", limit: 5))
        XCTAssertNoThrow(try YAMLExpansion.check("a: [\n", limit: 5))
        XCTAssertNoThrow(try YAMLExpansion.check("", limit: 0))
    }

    func testNaNAndInfinityAreRefusedNamingTheirPlace() {
        for (text, expected) in [("org:\n  name: x\nitems:\n  - name: a\n    score: .nan\n", ["d.yaml:5:12", "items[0].score is .nan", "not a number"]),
                                 ("year: -.inf\n", ["d.yaml:1:7", "year is -.inf", "infinite"]),
                                 ("list: [1, .Inf]\n", ["list[1] is .Inf", "infinite"])] {
            let m = message(text)
            for e in expected { XCTAssertTrue(m.contains(e), "\(e) missing in \(m)") }
        }
        let m = message("{\"a\": {\"year\": 1e400}}", json: true)
        XCTAssertTrue(m.hasPrefix("d.json") && m.contains("1e400") && (m.contains("a.year is not a finite number") || m.contains("not representable")), m)
        // Text that reads like a special number but is quoted stays text.
        XCTAssertEqual(try yaml("a: '.nan'\n"), ["a": ".nan"])
    }

    func testDeepNestingEndsInAShortError() {
        let m = message("a: " + String(repeating: "[", count: 100_000) + "\n")
        XCTAssertTrue(m.contains("the YAML is not valid"), String(m.prefix(300)))
        XCTAssertLessThan(m.count, 4000)
    }
}
