import Foundation
import ITAKit
import ITAReports
import OfficePackage
import XCTest
import Yams

/// What the clerk writes is what the document says: a unique marker written into every text field of
/// every example, and of year-end O35 files made by `rollover` and filled in, appears in each generated
/// document (DOCX and ODT), or `validate` names the field in a warning.
final class MarkerAcceptanceTests: XCTestCase {
    // MARK: marking a data file

    /// Fields whose values are numbers, dates, codes, choices or files, not text a document prints as written.
    static let notText = [
        "document", "fiscal_year", "options", "organization.logo",
        "assessment.year", "assessment.indicators", "assessment.questions", "assessment.tools", "assessment.official",
        "analysis.issues[].issue", "analysis.issues[].questions",
        "measures[].issue", "measures[].indicators", "measures[].questions", "measures[].period.from", "measures[].period.to",
        "measures[].dates", "measures[].citations[].indicator", "measures[].citations[].question", "measures[].citations[].score",
        "photos[].file", "photos[].date", "signatory.date",
    ]

    static func isText(_ path: String) -> Bool {
        let p = path.replacingOccurrences(of: #"\[[0-9]+\]"#, with: "[]", options: .regularExpression)
        return !notText.contains { p == $0 || p.hasPrefix($0 + ".") || p.hasPrefix($0 + "[") }
    }

    /// A marker no text contains and no formatting changes: capital Latin letters only (digits would turn
    /// Thai under `digits: thai`).
    static func marker(_ n: Int) -> String {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        return "QXJ" + String(letters[n / 676 % 26]) + String(letters[n / 26 % 26]) + String(letters[n % 26]) + "J"
    }

    /// The data file with a marker after the text of every text field, and each marker's field path
    /// (as diagnostics write paths: `measures[2].steps[0]`, `analysis.indicators.9`).
    static func marked(_ yaml: String, except: [String] = []) throws -> (text: String, markers: [(marker: String, path: String)]) {
        var markers: [(String, String)] = []
        func walk(_ node: Node, _ path: String) -> Node {
            switch node {
            case let .mapping(m):
                let pairs = m.map { k, v in (k, walk(v, path.isEmpty ? k.string ?? "" : "\(path).\(k.string ?? "")")) }
                return .mapping(Node.Mapping(pairs, m.tag, m.style))
            case let .sequence(s):
                return .sequence(Node.Sequence(s.enumerated().map { i, v in walk(v, "\(path)[\(i)]") }, s.tag, s.style))
            case let .scalar(s):
                guard isText(path), !except.contains(where: { covers($0, path) }), node.tag.description == Tag.Name.str.rawValue, !s.string.trimmingCharacters(in: .whitespaces).isEmpty else { return node }
                let m = marker(markers.count)
                markers.append((m, path))
                return .scalar(Node.Scalar(s.string.hasSuffix("\n") ? s.string + m + "\n" : s.string + " " + m, .implicit, .doubleQuoted))
            default:
                return node
            }
        }
        guard let root = try Yams.compose(yaml: yaml) else { throw CocoaError(.fileReadCorruptFile) }
        let out = try Yams.serialize(node: walk(root, ""), allowUnicode: true)
        return (out, markers)
    }

    // MARK: year-end O35 files

    /// The O35 `rollover` writes from an example O34, every field it marks to fill given a value.
    static func filledYearEndO35(from example: String) throws -> String {
        let o34 = ReportLoader.load(path: BatchFixture.example(example).path)
        let data = try XCTUnwrap(o34.data)
        let fy = try XCTUnwrap(data.fiscalYear)
        let files = try YearRollover.roll(data, to: fy + 1)
        let text = try XCTUnwrap(files.first { $0.document == .o35 }).text
        var unknown: [String] = []
        let filled = text.components(separatedBy: "\n").map { line -> String in
            guard let r = line.range(of: "# \(DataFileWriter.fillMarker)") else { return line }
            let key = line.trimmingCharacters(in: .whitespaces).components(separatedBy: ":")[0]
            let lead = line[..<r.lowerBound].trimmingCharacters(in: .whitespaces)
            let pad = String(line.prefix { $0 == " " })
            let value: String
            switch key {
            case "summary": value = "ดำเนินการตามแผนครบทุกขั้นตอน"
            case "outcome": value = "ผู้รับบริการพึงพอใจมากขึ้น"
            case "suggestion": value = "ควรทำต่อเนื่องในปีถัดไป"
            case "details": value = "[จัดประชุมชี้แจงบุคลากร, เผยแพร่ผลบนเว็บไซต์]"
            case "dates": value = "[\(fy)-05-10]"
            case "citations": value = "[{text: คะแนนตัวชี้วัดที่เกี่ยวข้อง, score: 90.00}]"
            case "date": value = "\(fy)-09-30"
            default:
                unknown.append(line)
                return line
            }
            XCTAssertTrue(lead.hasPrefix("- ") ? lead.dropFirst(2).hasPrefix(key + ":") : lead.hasPrefix(key + ":"), line)
            return "\(pad)\(lead.hasPrefix("- ") ? "- " : "")\(key): \(value)"
        }.joined(separator: "\n")
        XCTAssertEqual(unknown, [], "fields rollover marks that this test does not fill yet")
        return filled
    }

    // MARK: reading generated documents

    /// All the text of a document: body, headers and footers (tags removed, runs joined).
    static func fullText(_ url: URL) throws -> String {
        let pkg = try OfficePackage(contentsOf: url)
        let parts = pkg.kind == .docx
            ? pkg.partNames.filter { $0 == "word/document.xml" || ($0.hasPrefix("word/header") || $0.hasPrefix("word/footer")) && $0.hasSuffix(".xml") }
            : ["content.xml", "styles.xml"]
        return try parts.sorted().map { part in
            DocumentText.plain(String(decoding: try pkg.read(part), as: UTF8.self)
                .replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression))
        }.joined(separator: "\n")
    }

    /// Whether a diagnostic about `field` names the field at `path` (or a field it lies in).
    static func covers(_ field: String, _ path: String) -> Bool {
        !field.isEmpty && (path == field || path.hasPrefix(field + ".") || path.hasPrefix(field + "["))
    }

    // MARK: the check

    struct Outcome {
        var lost: [String] = []
        var falselyNamed: [String] = []
        var printed = 0
        var named = 0
    }

    /// Marks `yaml`, writes it into `dir`, generates its own document in DOCX and ODT, and sorts each marker.
    func check(_ name: String, yaml: String, in dir: URL) throws -> Outcome {
        let (text, markers) = try Self.marked(yaml)
        XCTAssertFalse(markers.isEmpty, name)
        let url = dir.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        let loaded = ReportLoader.load(path: url.path)
        XCTAssertFalse(loaded.hasErrors, "\(name): " + loaded.diagnostics.map(\.description).joined(separator: "\n"))
        let data = try XCTUnwrap(loaded.data)
        let kind = try XCTUnwrap(data.document.flatMap { ReportKind(rawValue: $0.rawValue) }, "\(name) names its document")
        let out = dir.appendingPathComponent("out-\(name)")
        let files = try BatchFixture.exporter().export(loaded: loaded, dataURL: url, kinds: [kind], formats: [.docx, .odt],
                                                       outputDirectory: out).files
        XCTAssertEqual(files.count, 2, name)
        let texts = try files.map { ($0.url.lastPathComponent, try Self.fullText($0.url)) }
        let outcome = Self.classify(name, markers: markers, texts: texts, warnings: loaded.diagnostics.filter { $0.severity == .warning })
        print("\(name): \(markers.count) text fields marked, \(outcome.printed) printed in DOCX and ODT, \(outcome.named) named by validate, \(outcome.lost.count) lost")
        return outcome
    }

    /// Sorts each marker: printed in every document, else named by a warning about its field, else lost.
    static func classify(_ name: String, markers: [(marker: String, path: String)], texts: [(String, String)],
                         warnings: [Diagnostic]) -> Outcome {
        var outcome = Outcome()
        for (marker, path) in markers {
            let inDocs = texts.filter { $0.1.contains(marker) }.map(\.0)
            let naming = warnings.filter { covers($0.path, path) }
            if inDocs.count == texts.count {
                outcome.printed += 1
                if let w = naming.first(where: { $0.kind == .notPrinted }) {
                    outcome.falselyNamed.append("\(name) \(path): printed, yet validate says: \(w)")
                }
            } else if !naming.isEmpty {
                outcome.named += 1
            } else {
                outcome.lost.append("\(name) \(path)" + (inDocs.isEmpty ? "" : " (only in \(inDocs.joined(separator: ", ")))"))
            }
        }
        return outcome
    }

    /// The sorting itself: text missing from a document and not named is lost, text missing from one format
    /// only is lost too, and a "not printed" warning about printed text is false.
    func testTheCheckTellsPrintedNamedLostAndFalselyNamedApart() {
        let markers = [("QXJAAAJ", "measures[0].title"), ("QXJAABJ", "measures[0].summary"), ("QXJAACJ", "organization.website"),
                       ("QXJAADJ", "measures[1].steps[0]"), ("QXJAAEJ", "measures[1].outcome")]
        let texts = [("a.docx", "QXJAAAJ QXJAADJ QXJAAEJ"), ("a.odt", "QXJAAAJ QXJAAEJ")]
        let warnings = [Diagnostic(.warning, .notPrinted, file: "f", path: "organization.website", message: "is filled, but …"),
                        Diagnostic(.warning, .notPrinted, file: "f", path: "measures[1].outcome", message: "is filled, but …")]
        let o = Self.classify("f", markers: markers, texts: texts, warnings: warnings)
        XCTAssertEqual(o.printed, 2)
        XCTAssertEqual(o.named, 1)
        XCTAssertEqual(o.lost, ["f measures[0].summary", "f measures[1].steps[0] (only in a.docx)"])
        XCTAssertEqual(o.falselyNamed.count, 1)
        XCTAssertTrue(o.falselyNamed[0].hasPrefix("f measures[1].outcome"))
    }

    /// A data file's folder with the example pictures beside it, as the examples have them.
    func folder(_ label: String) throws -> URL {
        let dir = try BatchFixture.temporaryFolder(self, label)
        try FileManager.default.copyItem(at: BatchFixture.examples.appendingPathComponent("images"),
                                         to: dir.appendingPathComponent("images"))
        return dir
    }

    static let examples = ["khlongsaensaep-2564.yaml", "khlongsaensaep-o35-2564.yaml", "nongbua-2568.yaml",
                           "sisaket-2568.yaml", "sisaket-o35-2568.yaml", "wangthong-2567.yaml"]

    func testEveryTextFieldOfEveryExampleIsPrintedOrNamedByValidate() throws {
        let dir = try folder("markers")
        let shipped = try FileManager.default.contentsOfDirectory(atPath: BatchFixture.examples.path).filter { $0.hasSuffix(".yaml") }
        XCTAssertEqual(Set(shipped), Set(Self.examples), "every shipped example is checked")
        for name in Self.examples {
            let yaml = try String(contentsOf: BatchFixture.example(name), encoding: .utf8)
            let o = try check(name, yaml: yaml, in: dir)
            XCTAssertEqual(o.lost, [], "text the clerk wrote that no document prints and validate does not name")
            XCTAssertEqual(o.falselyNamed, [])
            XCTAssertGreaterThan(o.printed, 10, name)
        }
    }

    func testEveryTextFieldOfAFilledYearEndO35IsPrintedOrNamedByValidate() throws {
        let dir = try folder("markers-o35")
        for (o34, name) in [("sisaket-2568.yaml", "sisaket-o35-yearend.yaml"), ("khlongsaensaep-2564.yaml", "khlongsaensaep-o35-yearend.yaml")] {
            let o = try check(name, yaml: try Self.filledYearEndO35(from: o34), in: dir)
            XCTAssertEqual(o.lost, [], "text the clerk wrote that no document prints and validate does not name")
            XCTAssertEqual(o.falselyNamed, [])
            XCTAssertGreaterThan(o.printed, 10, name)
        }
    }

    /// A data file with every field the reader accepts filled, for a document in a given form.
    static func everyField(document: String, fiscalYear: Int, formYear: Int) -> String {
        let fy = fiscalYear, ay = fiscalYear - 1
        return """
        fiscal_year: \(fy)
        document: \(document)
        organization:
          name: เทศบาลตำบลทุกช่อง
          kind: เทศบาลตำบล
          district: เมือง
          province: ชัยภูมิ
          logo: images/logo.png
          website: https://example.go.th
          address: 99 หมู่ 1
          head: นายกเทศมนตรีตำบลทุกช่อง
          phone: "044-000-000"
        assessment:
          year: \(ay)
          indicators: {1: 91.00, 2: 92.00, 3: 93.00, 4: 94.00, 5: 95.00, 6: 96.00, 7: 97.00, 8: 98.00, 9: 99.00, 10: 90.00}
          questions: {i1: 91.50, e9: 88.00}
          question_texts: {i1: ข้อคำถามที่หน่วยงานพิมพ์เอง}
          official: {total: 94.00, level: \(ay < 2566 ? "A" : "ผ่านดี")}
        analysis:
          rationale: เหตุผลของหน่วยงานเอง
          summary: สรุปของหน่วยงานเอง
          overview: ภาพรวมของหน่วยงานเอง
          strengths: จุดแข็งตามที่หน่วยงานเขียน
          weaknesses: จุดอ่อนตามที่หน่วยงานเขียน
          indicators: {1: ตัวชี้วัดที่หนึ่งตามที่หน่วยงานเขียน, 10: ตัวชี้วัดที่สิบตามที่หน่วยงานเขียน}
          issues:
            - {issue: 1, questions: [i1], deficiencies: ข้อบกพร่องของประเด็นหนึ่ง, to_develop: สิ่งที่ต้องพัฒนา, maintain: สิ่งที่ต้องรักษา}
        limitations:
          problems: [ปัญหาที่พบ]
          suggestions: [ข้อเสนอของหน่วยงาน]
        measures:
          - issue: 1
            indicators: [10]
            questions: [i1]
            title: มาตรการที่มีทุกช่อง
            steps: [ขั้นแรก, ขั้นที่สอง]
            owners: [สำนักปลัด]
            period: {from: \(fy)-01-01, to: \(fy)-09-30}
            follow_up: รายงานทุกไตรมาส
            summary: สรุปสิ่งที่ทำ
            details: [ทำข้อหนึ่ง, ทำข้อสอง]
            outcome: ผลที่ได้
            dates: [\(fy)-02-10]
            citations: [{indicator: 10, text: คะแนนที่อ้าง, score: 90.00}, {question: e9}]
            suggestion: ข้อเสนอแนะของมาตรการ
            analysis: ผลการวิเคราะห์ของมาตรการ
          - title: มาตรการที่สอง
            period: ตลอดปีงบประมาณ
        photos:
          - {file: images/photo-1.png, caption: ภาพกิจกรรม, date: \(fy)-02-14}
        signatory: {name: นายทุกช่อง ทดลอง, position: ปลัดเทศบาล, date: \(fy)-03-20}
        options: {form_year: \(formYear)}

        """
    }

    /// Every field the reader accepts, filled with a marker, in each of the five shipped forms: each is
    /// printed by the form or named by validate.
    func testEveryAcceptedFieldIsPrintedOrNamedInEveryForm() throws {
        let dir = try folder("markers-every-field")
        for (document, fy, form) in [("o34", 2564, 2564), ("o34", 2568, 2567), ("o35", 2564, 2564), ("o35", 2568, 2567), ("analysis", 2568, 2568)] {
            let o = try check("every-\(document)-\(form).yaml", yaml: Self.everyField(document: document, fiscalYear: fy, formYear: form), in: dir)
            XCTAssertEqual(o.lost, [], "text the clerk wrote that no document prints and validate does not name")
            XCTAssertEqual(o.falselyNamed, [])
            XCTAssertGreaterThan(o.printed, 5)
        }
    }

    /// The year's O34 and its rolled-over, filled, marked O35 bundled together: the bundle's O34 has the text
    /// of the O34 generated from the O34 data file alone, and the O35 carries the O35 file's markers.
    func testABundleOfTheO34AndItsFilledYearEndO35HoldsThePublishedO34() throws {
        let dir = try folder("markers-bundle")
        for o34Name in ["sisaket-2568.yaml", "khlongsaensaep-2564.yaml"] {
            // The organisation stays as the O34 names it: a bundle holds one organisation's documents.
            let (o35Text, markers) = try Self.marked(try Self.filledYearEndO35(from: o34Name), except: ["organization"])
            let o35URL = dir.appendingPathComponent("o35-of-\(o34Name)")
            try o35Text.write(to: o35URL, atomically: true, encoding: .utf8)
            let o35 = ReportLoader.load(path: o35URL.path)
            XCTAssertFalse(o35.hasErrors, o35.diagnostics.map(\.description).joined(separator: "\n"))
            XCTAssertEqual(CompletenessChecker.check(try XCTUnwrap(o35.data), catalog: o35.catalog), [], "filled in")
            let o34URL = BatchFixture.example(o34Name)
            let o34 = ReportLoader.load(path: o34URL.path)
            let bundle = dir.appendingPathComponent("bundle-\(o34Name)")
            let manifest = try SubmissionBundle(exporter: BatchFixture.exporter()).write(parts: [
                .init(loaded: o34, dataURL: o34URL, kinds: [.o34]), .init(loaded: o35, dataURL: o35URL, kinds: [.o35]),
            ], formats: [.docx, .odt], into: bundle)
            let alone = dir.appendingPathComponent("alone-\(o34Name)")
            let published = try BatchFixture.exporter().export(loaded: o34, dataURL: o34URL, kinds: [.o34], formats: [.docx, .odt],
                                                               outputDirectory: alone).files
            XCTAssertEqual(published.count, 2)
            for file in published {
                let inBundle = bundle.appendingPathComponent(file.url.lastPathComponent)
                XCTAssertEqual(try Self.fullText(inBundle), try Self.fullText(file.url),
                               "\(o34Name): the bundle's O34 is the O34 file's O34 (\(file.format))")
            }
            let o35Files = manifest.files.filter { $0.item == "o35" }
            XCTAssertEqual(o35Files.count, 2, "\(manifest.files.map(\.path))")
            for f in o35Files {
                let text = try Self.fullText(bundle.appendingPathComponent(f.path))
                let warnings = o35.diagnostics.filter { $0.severity == .warning }
                let lost = markers.filter { m in !text.contains(m.marker) && !warnings.contains { Self.covers($0.path, m.path) } }
                XCTAssertEqual(lost.map(\.path), [], "\(o34Name): the bundle's O35 (\(f.path)) prints the O35 file's text")
            }
        }
    }
}
