import Foundation
import XCTest
@testable import ITAKit

/// Every message the code uses is in the catalogue in both languages with the same parameters, and the
/// Thai texts a clerk reads for the usual slips are Thai.
final class MessageCatalogueTests: XCTestCase {
    private let catalogue = MessageCatalogue.shipped

    // MARK: The catalogue against the code

    /// One `Message("id", [...])` written in the sources: where, the id, and the argument names
    /// (nil when the arguments are not a dictionary literal).
    struct Use: CustomStringConvertible {
        var file: String
        var line: Int
        var id: String
        var keys: Set<String>?
        var description: String { "\(file):\(line): \(id)" }
    }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// Every use of a message id in `Sources`, and the places that build a message from something other
    /// than a literal id.
    static func uses() throws -> (uses: [Use], dynamic: [String]) {
        let sources = packageRoot.appendingPathComponent("Sources")
        var uses: [Use] = []
        var dynamic: [String] = []
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        XCTAssertGreaterThan(files.count, 50, "the sources are found at \(sources.path)")
        for url in files {
            let text = try String(contentsOf: url, encoding: .utf8)
            let name = url.path.replacingOccurrences(of: packageRoot.path + "/", with: "")
            let found = SwiftScan(text).messageUses()
            uses += found.uses.map { Use(file: name, line: $0.line, id: $0.id, keys: $0.keys) }
            dynamic += found.dynamic.map { "\(name):\($0)" }
        }
        return (uses, dynamic)
    }

    func testEveryMessageTheCodeUsesIsInTheCatalogueInBothLanguagesWithItsParameters() throws {
        let (uses, dynamic) = try Self.uses()
        XCTAssertGreaterThan(uses.count, 150, "the scan finds the messages")
        XCTAssertEqual(dynamic, [], "a message's id is a literal, so it can be checked here")
        var problems: [String] = []
        for use in uses {
            guard let entry = catalogue.entries[use.id] else {
                problems.append("\(use): not in Resources/messages.yaml")
                continue
            }
            let parameters = MessageCatalogue.parameters(of: entry.en)
            guard let keys = use.keys else {
                problems.append("\(use): the arguments are not written as a dictionary literal")
                continue
            }
            if keys != parameters {
                problems.append("\(use): given \(keys.sorted()), the text takes \(parameters.sorted())")
            }
        }
        XCTAssertEqual(problems, [], problems.joined(separator: "\n"))
    }

    /// A diagnostic of the program carries a catalogue message: the initialiser that takes English text is
    /// for tests and other programs only.
    func testNoDiagnosticOfTheProgramIsEnglishOnly() throws {
        let sources = Self.packageRoot.appendingPathComponent("Sources")
        var found: [String] = []
        for url in FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!.compactMap({ $0 as? URL })
            where url.pathExtension == "swift" {
            let scan = SwiftScan(try String(contentsOf: url, encoding: .utf8))
            found += scan.callArguments(of: "Diagnostic").filter { $0.arguments.contains("message:") }
                .map { "\(url.lastPathComponent):\($0.line)" }
        }
        XCTAssertEqual(found, [], "give these diagnostics a Message (problem:, remedy:)")
        XCTAssertGreaterThan(SwiftScan("let d = Diagnostic(.error, .syntax, file: f, path: \"\", message: \"x\")").callArguments(of: "Diagnostic")
            .filter { $0.arguments.contains("message:") }.count, 0, "the scan sees an English-only diagnostic")
    }

    func testEveryEntryHasBothTextsWithTheSameParametersAndIsUsed() throws {
        let used = Set(try Self.uses().uses.map(\.id))
        XCTAssertGreaterThan(catalogue.entries.count, 150)
        for (id, entry) in catalogue.entries.sorted(by: { $0.key < $1.key }) {
            XCTAssertFalse(entry.en.isEmpty, "\(id): English text")
            XCTAssertFalse(entry.th.isEmpty, "\(id): Thai text")
            XCTAssertEqual(MessageCatalogue.parameters(of: entry.en), MessageCatalogue.parameters(of: entry.th),
                           "\(id): the English and the Thai text take the same parameters")
            XCTAssertTrue(used.contains(id), "\(id) is in the catalogue but no code uses it")
        }
    }

    /// The keys a data file is written with: a Thai text names them as the clerk types them.
    static let dataKeys: Set<String> = {
        let r = DataFileReader.self
        return Set(r.rootKeys + r.organizationKeys + r.assessmentKeys + r.toolKeys + r.officialKeys + r.analysisKeys
            + r.issueKeys + r.limitationKeys + r.measureKeys + r.periodKeys + r.citationKeys + r.photoKeys
            + r.signatoryKeys + r.optionKeys)
    }()

    /// The Thai text of each entry is Thai: once its parameters, quoted examples, data keys and codes
    /// (words with digits) are left out, no English word remains (only the names of formats and
    /// products clerks see as they are).
    func testThaiTextsAreThai() {
        let kept: Set<String> = ["YAML", "ITA", "UTF", "CSV", "UTF-8", "Notepad", "Save", "As", "Encoding", "itareport",
                                 "init", "validate", "fill", "true", "false", "YYYY-MM-DD", "FIFO", "alias", "O34", "O35",
                                 "IIT", "EIT", "OIT", "Excel", "LibreOffice", "DOCX", "ODT", "PDF", "PNG", "JPEG", "xlsx",
                                 "NACC", "summary", "details", "measures", "BE", "CE",
                                 // Names shown as they are: command words and placeholders of a command line, file
                                 // extensions, the English menu items of Excel, program names.
                                 "DATA", "DIR", "PATH", "FILE", "generate", "validate", "check", "score", "narratives", "rollover",
                                 "batch", "bundle", "template", "all", "docx", "odt", "pdf", "xls",
                                 "zip", "xl", "yaml", "yml", "json", "Templates", "File", "Workbook", "Calc", "Comma", "delimited",
                                 "soffice", "libreoffice", "SOURCE_DATE_EPOCH", "git", "log", "ct"]
        for (id, entry) in catalogue.entries.sorted(by: { $0.key < $1.key }) where id != "verbatim" {
            var text = entry.th
            for pattern in [#"\{\{[^ ]*\}\}"#, #"\{[a-z_][a-z0-9_]*\}"#, #"'[^']*'"#, #""[^"]*""#, #"--[a-z-]+"#, #"[A-Za-z_]+\.[A-Za-z_.\[\]]+"#, #"/[a-z/]+"#,
                            #"[A-Za-z_]+:"#, #"\([a-z_ ]+\)"#] {
                text = text.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
            }
            XCTAssertEqual(Self.englishWords(text, kept: kept), [], "\(id): English left in the Thai text: \(entry.th)")
            if entry.th != entry.en || entry.en.unicodeScalars.contains(where: { (0x0E00...0x0E7F).contains($0.value) }) {
                continue
            }
            // The same text in both languages is fine only for a text without words (a place, a quoted value).
            let bare = entry.en.replacingOccurrences(of: #"\{[a-z_][a-z0-9_]*\}"#, with: "", options: .regularExpression)
            XCTAssertNil(bare.range(of: #"[A-Za-z]{3,}"#, options: .regularExpression), "\(id) has no Thai text")
        }
    }

    func testEveryTextRendersWithoutAnUnfilledParameter() {
        for (id, entry) in catalogue.entries {
            let arguments = Dictionary(uniqueKeysWithValues: MessageCatalogue.parameters(of: entry.en).map { ($0, Message.Argument.text("X")) })
            for language in MessageLanguage.allCases {
                let text = catalogue.render(Message(id, arguments), in: language)
                XCTAssertNil(text.range(of: #"\{[a-z_][a-z0-9_]*\}"#, options: .regularExpression), "\(id) (\(language)): \(text)")
            }
        }
    }

    // MARK: Rendering

    func testParametersArePlacedAndOtherBracesKept() throws {
        let c = try MessageCatalogue(yaml: """
            a: {en: "write '{key}: {1: 99.39}' for {n}", th: "พิมพ์ '{key}: {1: 99.39}' สำหรับ {n}"}
            b: {en: "in {what}", th: "ใน{what}"}
            w: {en: "a list", th: "รายการ"}
            """)
        XCTAssertEqual(c.render(Message("a", ["key": "indicators", "n": "3"]), in: .en), "write 'indicators: {1: 99.39}' for 3")
        XCTAssertEqual(c.render(Message("a", ["key": "indicators", "n": "3"]), in: .th), "พิมพ์ 'indicators: {1: 99.39}' สำหรับ 3")
        XCTAssertEqual(c.render(Message("b", ["what": .message(Message("w"))]), in: .th), "ในรายการ", "a nested message takes the language")
        XCTAssertEqual(c.render(Message("b", ["what": .list([.message(Message("w")), "x"])]), in: .en), "in a list, x")
        XCTAssertEqual(c.render(Message("a", ["key": "k"]), in: .en), "write 'k: {1: 99.39}' for {n}", "a missing argument shows")
        XCTAssertEqual(c.render(Message("zz", ["n": "1"]), in: .th), "zz n=1", "an unknown id shows with its arguments")
        XCTAssertEqual(MessageCatalogue.parameters(of: "{a} {b_2} {1: x} {Up} {}"), ["a", "b_2"])
        XCTAssertThrowsError(try MessageCatalogue(yaml: "a: {en: x}"), "a text missing a language is refused")
    }

    func testTheLanguageFollowsTheLocaleVariablesInPOSIXOrder() {
        XCTAssertEqual(MessageLanguage.fromEnvironment([:]), .en)
        XCTAssertEqual(MessageLanguage.fromEnvironment(["LANG": "th_TH.UTF-8"]), .th)
        XCTAssertEqual(MessageLanguage.fromEnvironment(["LANG": "th"]), .th)
        XCTAssertEqual(MessageLanguage.fromEnvironment(["LANG": "en_US.UTF-8"]), .en)
        XCTAssertEqual(MessageLanguage.fromEnvironment(["LANG": "C"]), .en)
        XCTAssertEqual(MessageLanguage.fromEnvironment(["LANG": "en_US.UTF-8", "LC_MESSAGES": "th_TH.UTF-8"]), .th)
        XCTAssertEqual(MessageLanguage.fromEnvironment(["LANG": "th_TH.UTF-8", "LC_MESSAGES": "C"]), .en)
        XCTAssertEqual(MessageLanguage.fromEnvironment(["LANG": "en_US.UTF-8", "LC_MESSAGES": "en_US.UTF-8", "LC_ALL": "th_TH"]), .th)
        XCTAssertEqual(MessageLanguage.fromEnvironment(["LANG": "th_TH.UTF-8", "LC_ALL": "C.UTF-8"]), .en)
        XCTAssertEqual(MessageLanguage.fromEnvironment(["LANG": "th_TH.UTF-8", "LC_ALL": ""]), .th, "an empty variable is not set")
        XCTAssertEqual(MessageLanguage(option: "TH"), .th)
        XCTAssertEqual(MessageLanguage(option: "en"), .en)
        XCTAssertNil(MessageLanguage(option: "fr"))
    }

    // MARK: The usual slips, in Thai

    private let header = """
        fiscal_year: 2568
        document: o34
        organization: {name: เทศบาลตำบลทดลอง, district: เมือง, province: ชัยภูมิ}

        """
    private let ten = "{1: 99.39, 2: 97.71, 3: 97.65, 4: 98.21, 5: 98.82, 6: 98.97, 7: 99.09, 8: 96.60, 9: 100, 10: 100}"

    /// The one diagnostic of `kind` in `text`, with its Thai and English texts.
    private func slip(_ text: String, _ kind: Diagnostic.Kind, file: StaticString = #filePath, line: UInt = #line)
        -> (d: Diagnostic, th: String, en: String)? {
        let r = ReportLoader.load(text: text, file: "t.yaml")
        guard let d = r.diagnostics.first(where: { $0.kind == kind }) else {
            XCTFail("no \(kind) in \(r.diagnostics.map(\.description))", file: file, line: line)
            return nil
        }
        return (d, d.text(in: .th), d.text(in: .en))
    }

    /// The ASCII words of `text` that are neither in `kept`, nor data keys, nor codes (words with digits).
    static func englishWords(_ text: String, kept: Set<String> = []) -> [String] {
        text.components(separatedBy: CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_")).inverted)
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "-")) }
            .filter { word in
                word.unicodeScalars.contains { $0.isASCII && CharacterSet.letters.contains($0) }
                    && !word.unicodeScalars.contains { CharacterSet.decimalDigits.contains($0) }
                    && !kept.contains(word) && !dataKeys.contains(word)
            }
    }

    /// Thai text: no English word once the values quoted from the file are left out, and some Thai.
    private func assertThai(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        let unquoted = text.replacingOccurrences(of: #"'[^']*'|"[^"]*""#, with: "", options: .regularExpression)
        XCTAssertEqual(Self.englishWords(unquoted, kept: ["YAML", "ITA", "YYYY-MM-DD"]), [], "Thai: \(text)", file: file, line: line)
        XCTAssertTrue(unquoted.unicodeScalars.contains { (0x0E00...0x0E7F).contains($0.value) }, "Thai: \(text)", file: file, line: line)
    }

    func testACommaDecimalIsExplainedInThai() throws {
        let s = try XCTUnwrap(slip(header + "assessment:\n  indicators: {1: 98,50, 2: 97.71}\n", .wrongType))
        XCTAssertEqual(s.d.path, "assessment.indicators.1")
        XCTAssertEqual(s.en, "'98,50' was read as 98 and a separate entry '50' (use a point, not a comma: 98.50)")
        XCTAssertTrue(s.th.contains("จุดทศนิยม") && s.th.contains("98.50"), s.th)
        assertThai(s.th)
    }

    func testACommentCutIsExplainedInThai() throws {
        let s = try XCTUnwrap(slip(header + "measures:\n  - title: ตรวจเอกสาร #2 ทุกเดือน\n", .commentCut))
        XCTAssertEqual(s.d.path, "measures[0].title")
        XCTAssertTrue(s.th.contains("#2 ทุกเดือน") && s.th.contains("title: \"ตรวจเอกสาร #2 ทุกเดือน\""), s.th)
        XCTAssertTrue(s.th.contains("อัญประกาศ"), s.th)
        assertThai(s.th)
    }

    func testAColonInATitleIsExplainedInThai() throws {
        let s = try XCTUnwrap(slip(header + "measures:\n  - title: มาตรการที่ 1: ตรวจสอบ\n", .syntax))
        XCTAssertEqual(s.d.line, 5)
        XCTAssertTrue(s.th.contains("ทวิภาค") && s.th.contains("อัญประกาศ"), s.th)
        XCTAssertTrue(s.th.hasPrefix("เขียนผิดรูปแบบ YAML"), s.th)
    }

    func testAmphoeTypedBeforeTheDistrictIsExplainedInThai() throws {
        let text = header.replacingOccurrences(of: "district: เมือง", with: "district: อำเภอเมือง")
        let s = try XCTUnwrap(slip(text, .placePrefix))
        XCTAssertEqual(s.d.path, "organization.district")
        XCTAssertTrue(s.th.contains("\"อำเภอเมือง\"") && s.th.contains("district: เมือง"), s.th)
        assertThai(s.th)
    }

    func testAMissingIndicatorIsExplainedInThai() throws {
        let nine = ten.replacingOccurrences(of: ", 10: 100", with: "")
        let s = try XCTUnwrap(slip(header + "assessment:\n  year: 2567\n  indicators: \(nine)\n", .missingIndicators))
        XCTAssertEqual(s.d.severity, .error)
        XCTAssertTrue(s.th.contains("ตัวชี้วัดที่ 10") && s.th.contains("เอกสาร O34") && s.th.contains("10: 98.50"), s.th)
        assertThai(s.th)
    }

    func testAnImpossibleDateIsExplainedInThai() throws {
        let s = try XCTUnwrap(slip(header + "signatory: {name: นายทดสอบ, date: 2568-02-30}\n", .invalidDate))
        XCTAssertEqual(s.d.path, "signatory.date")
        XCTAssertTrue(s.th.contains("กุมภาพันธ์ 2568 มี 28 วัน") && s.th.contains("ไม่ใช่ปีอธิกสุรทิน"), s.th)
        assertThai(s.th)
    }

    func testTheWholeLineNamesThePlaceAndTheSeverityInThai() throws {
        let s = try XCTUnwrap(slip(header + "assessment:\n  indicators: {1: 98,50, 2: 97.71}\n", .wrongType))
        XCTAssertEqual(s.d.description(in: .th), "t.yaml:5:22: ข้อผิดพลาด: assessment.indicators.1: " + s.th)
        XCTAssertEqual(s.d.description(in: .en), s.d.description, "English is the default description")
    }

    func testCompletenessGapsReadInThai() throws {
        let r = ReportLoader.load(text: header + "assessment: {year: 2567, indicators: \(ten)}\n", file: "t.yaml")
        let gaps = CompletenessChecker.check(try XCTUnwrap(r.data), catalog: r.catalog)
        XCTAssertFalse(gaps.isEmpty)
        for gap in gaps {
            XCTAssertTrue(gap.text(in: .th).contains("ยังขาด"), gap.text(in: .th))
            XCTAssertEqual(gap.text(in: .en), gap.description)
            assertThai(gap.hint(in: .th))
        }
    }
}

/// Finds `Message("id", [...])` in Swift source text, skipping comments and string contents.
struct SwiftScan {
    let s: [Character]
    init(_ text: String) { s = Array(text) }

    func messageUses() -> (uses: [(line: Int, id: String, keys: Set<String>?)], dynamic: [Int]) {
        var uses: [(line: Int, id: String, keys: Set<String>?)] = []
        var dynamic: [Int] = []
        var i = 0
        while i < s.count {
            if s[i] == "/" && i + 1 < s.count && s[i + 1] == "/" {
                while i < s.count && s[i] != "\n" { i += 1 }
                continue
            }
            if s[i] == "\"" {
                // Code inside the string's interpolations is code too.
                var inner: [Range<Int>] = []
                let end = skipString(i, interpolations: &inner)
                for r in inner {
                    let lineOffset = s[..<r.lowerBound].filter { $0 == "\n" }.count
                    let found = SwiftScan(String(s[r])).messageUses()
                    uses += found.uses.map { ($0.line + lineOffset, $0.id, $0.keys) }
                    dynamic += found.dynamic.map { $0 + lineOffset }
                }
                i = end
                continue
            }
            if matches("Message(", at: i), i == 0 || !(s[i - 1].isLetter || s[i - 1].isNumber || s[i - 1] == "_") {
                let line = s[..<i].filter { $0 == "\n" }.count + 1
                var j = i + "Message(".count
                if j < s.count, s[j] == "\"" {
                    let end = skipString(j)
                    let id = String(s[(j + 1)..<(end - 1)])
                    j = skipSpace(end)
                    var keys: Set<String>? = []
                    if s[j] == "," {
                        j = skipSpace(j + 1)
                        keys = s[j] == "[" ? dictionaryKeys(j) : nil
                    }
                    uses.append((line, id, keys))
                } else if !matches("error)", at: j) && !matches("_ ", at: j) {
                    dynamic.append(line)
                }
            }
            i += 1
        }
        return (uses, dynamic)
    }

    /// Each call `name(…)` in code (not in comments or strings): its line and its argument list at the
    /// call's own level (nested calls and string contents left out).
    func callArguments(of name: String) -> [(line: Int, arguments: String)] {
        var out: [(line: Int, arguments: String)] = []
        var i = 0
        while i < s.count {
            if s[i] == "/" && i + 1 < s.count && s[i + 1] == "/" {
                while i < s.count && s[i] != "\n" { i += 1 }
                continue
            }
            if s[i] == "\"" { i = skipString(i); continue }
            if matches(name + "(", at: i), i == 0 || !(s[i - 1].isLetter || s[i - 1].isNumber || s[i - 1] == "_") {
                let line = s[..<i].filter { $0 == "\n" }.count + 1
                var j = i + name.count + 1
                var depth = 1
                var top = ""
                while j < s.count && depth > 0 {
                    if s[j] == "\"" { j = skipString(j); top += "\"\""; continue }
                    if "([{".contains(s[j]) { depth += 1 } else if ")]}".contains(s[j]) { depth -= 1 }
                    if depth == 1 { top.append(s[j]) }
                    j += 1
                }
                out.append((line, top))
            }
            i += 1
        }
        return out
    }

    private func matches(_ word: String, at i: Int) -> Bool {
        let w = Array(word)
        return i + w.count <= s.count && Array(s[i..<(i + w.count)]) == w
    }

    private func skipSpace(_ i: Int) -> Int {
        var i = i
        while i < s.count, s[i].isWhitespace { i += 1 }
        return i
    }

    /// The index after the string literal starting at `i` (interpolations and their own strings included).
    private func skipString(_ start: Int) -> Int {
        var unused: [Range<Int>] = []
        return skipString(start, interpolations: &unused)
    }

    /// The same, adding the ranges of the string's interpolations (their code) to `interpolations`.
    private func skipString(_ start: Int, interpolations: inout [Range<Int>]) -> Int {
        var i = start + 1
        while i < s.count {
            if s[i] == "\\" && i + 1 < s.count && s[i + 1] == "(" {
                var depth = 1
                i += 2
                let codeStart = i
                while i < s.count && depth > 0 {
                    if s[i] == "\"" { i = skipString(i); continue }
                    if s[i] == "(" { depth += 1 } else if s[i] == ")" { depth -= 1 }
                    i += 1
                }
                interpolations.append(codeStart..<max(codeStart, i - 1))
                continue
            }
            if s[i] == "\\" { i += 2; continue }
            if s[i] == "\"" { return i + 1 }
            i += 1
        }
        return i
    }

    /// The string keys of the dictionary literal whose `[` is at `start`.
    private func dictionaryKeys(_ start: Int) -> Set<String> {
        var keys: Set<String> = []
        var depth = 0
        var i = start
        while i < s.count {
            let c = s[i]
            if c == "\"" {
                let end = skipString(i)
                if depth == 1, s[skipSpace(end)] == ":" { keys.insert(String(s[(i + 1)..<(end - 1)])) }
                i = end
                continue
            }
            if "[({".contains(c) { depth += 1 }
            if "])}".contains(c) {
                depth -= 1
                if depth == 0 { return keys }
            }
            i += 1
        }
        return keys
    }
}
