import Foundation
import ITAKit
@testable import ITAReports
import OfficePackage
import OfficeXML
import TemplateEngine
import ThaiFormat
import XCTest

/// The work a batch shares or shortens — charts drawn once per organisation, chart frames read once per
/// template, paragraphs kept once, numbers found byte by byte, line-break rules applied on the filled
/// tree — gives exactly what the plain way gives.
final class SharedWorkTests: XCTestCase {
    static let root = GeneratedReportsTests.root

    // MARK: numbers

    /// Random text of digits, separators, joiners, Thai letters and marks, Latin letters, combining
    /// accents and emoji: the scalar reading (where it answers) finds the same numbers as the character one.
    func testNumbersFoundByScalarsAreThoseFoundByCharacters() {
        let alphabet: [String] = ["1", "2", "9", "0", "๐", "๕", "๙", ".", ",", ":", "/", "\u{2060}", " ", "ก", "ท", "า", "ำ",
                                  "\u{0E48}", "\u{0E38}", "\u{0E31}", "\u{0E4D}", "เ", "a", "Z", "\u{0301}", "é", "\u{00A0}",
                                  "\u{200D}", "👍", "\u{0600}", "-", "\n"]
        var generator = SystemRandomNumberGenerator()
        var answered = 0
        for _ in 0..<4000 {
            let length = Int.random(in: 0...14, using: &generator)
            let text = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }.joined()
            let expected = NumberRuns.characterNumberRanges(text).map { String(text[$0]) }
            XCTAssertEqual(NumberRuns.numberRanges(text).map { String(text[$0]) }, expected, "\(Array(text.unicodeScalars))")
            if let byScalars = NumberRuns.scalarNumberRanges(text) {
                answered += 1
                XCTAssertEqual(byScalars, NumberRuns.characterNumberRanges(text), "\(Array(text.unicodeScalars))")
            }
            XCTAssertEqual(NumberRuns.hasDigit(text), text.unicodeScalars.contains { $0.isDocumentDigitForTest }, text)
        }
        XCTAssertGreaterThan(answered, 1000, "the scalar reading answers for most text")
        // A digit with a Thai mark on it is no digit; a joiner is a separator whatever follows it.
        XCTAssertEqual(NumberRuns.scalarNumberRanges("1\u{0E48}2")?.count, 1)
        XCTAssertEqual(NumberRuns.scalarNumberRanges("1\u{2060}\u{0E48}2").map { $0.map { String("1\u{2060}\u{0E48}2"[$0]) } },
                       NumberRuns.characterNumberRanges("1\u{2060}\u{0E48}2").map { String("1\u{2060}\u{0E48}2"[$0]) })
        XCTAssertNil(NumberRuns.scalarNumberRanges("1\u{0301}2"), "combining accents are left to the character reading")
    }

    // MARK: the line-keeping pass on the filled tree

    /// The pass as it runs while a template is filled (numbers found from the paragraphs it kept) writes
    /// the same part as keeping every paragraph and then numbering the whole part.
    func testLineKeepingOnTheTreeMatchesKeepingThenNumberingTheWholePart() throws {
        let url = Self.root.appendingPathComponent("Examples/sisaket-o35-2568.yaml")
        let r = ReportLoader.load(path: url.path)
        let data = try XCTUnwrap(r.data)
        let keeper = ThaiLineKeeper(words: try KeepWholeWords.shipped(), names: [data.organization?.name ?? ""])
        let cellKeeper = ThaiLineKeeper(words: try KeepWholeWords.shipped(), names: [data.organization?.name ?? ""], inCells: true)
        var builder = ReportViewBuilder(data: data, scores: r.scoreCard, catalog: r.catalog, baseDirectory: url.deletingLastPathComponent())
        for kind in [ReportKind.o34, .o35, .analysis] {
            let form = ReportForm.form(for: kind, fiscalYear: data.fiscalYear ?? 0)
            builder.draft = false
            let view = builder.view(for: form)
            for format in [PackageKind.docx, .odt] {
                let template = try Template(contentsOf: GeneratedReportsTests.templates.appendingPathComponent("\(form.name).\(format.fileExtension)"), language: ThaiTemplateLanguage.language)
                let (plain, _) = try template.render(view, options: RenderOptions(lenient: true, assetRoot: url.deletingLastPathComponent()))
                var options = RenderOptions(lenient: true, assetRoot: url.deletingLastPathComponent())
                let pass = LineKeepingPass(keeper: keeper, cellKeeper: cellKeeper, memo: LineKeepingPass.Memo())
                options.finishPart = { name, doc in try pass.apply(to: doc, part: name, kind: format) }
                let (kept, _) = try template.render(view, options: options)
                var checked = 0
                for (name, data) in plain.replaced where LineKeepingPass.isTextPart(name, kind: format) {
                    let doc = try XMLDocument(data: data, name: name)
                    // The plain way: every paragraph kept without a memo, then the whole part's numbers set.
                    try LineKeepingPass(keeper: keeper, cellKeeper: cellKeeper, memo: nil).apply(to: doc, part: name, kind: format, numbers: false)
                    if format == .docx { try NumberRuns.applyDOCX(doc) } else { try NumberRuns.applyODT(doc) }
                    XCTAssertEqual(String(decoding: try XCTUnwrap(kept.replaced[name]), as: UTF8.self),
                                   String(decoding: try doc.serialize(), as: UTF8.self), "\(form.name).\(format.fileExtension) \(name)")
                    checked += 1
                }
                XCTAssertGreaterThan(checked, 0, "\(form.name).\(format.fileExtension) has text parts")
            }
        }
    }

    // MARK: paragraphs kept once

    func testKeptParagraphsAreSharedOnlyWhereNoNameOccurs() {
        let words = ["เจ้าหน้าที่", "งบประมาณ"]
        let a = ThaiLineKeeper(words: words, names: ["เทศบาลตำบลคลองแสนแสบ"])
        let b = ThaiLineKeeper(words: words, names: ["เทศบาลเมืองศรีสะเกษ"])
        let shared = ["เจ้าหน้าที่ของ", "เทศบาลตำบลอื่น ปี 2568"]
        XCTAssertTrue(a.resultIgnoresNames(shared))
        XCTAssertTrue(b.resultIgnoresNames(shared))
        XCTAssertEqual(a.keep(segments: shared), b.keep(segments: shared))
        // The name across two pieces still counts.
        let named = ["รายงานของเทศบาลตำบล", "คลองแสนแสบ"]
        XCTAssertFalse(a.resultIgnoresNames(named))
        XCTAssertTrue(b.resultIgnoresNames(named))
        XCTAssertNotEqual(a.keep(segments: named), b.keep(segments: named))
        // Text that already holds joiners is never shared (the name may hide between them).
        XCTAssertFalse(b.resultIgnoresNames(["เทศบาล\u{2060}เมือง"]))

        // Through the memo: a keeper whose name is in the paragraph never takes another keeper's result.
        let memo = LineKeepingPass.Memo()
        let doc = { () throws -> XMLDocument in
            try XMLDocument(data: Data("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>รายงานของเทศบาลตำบลคลองแสนแสบ</w:t></w:r></w:p></w:body></w:document>".utf8), name: "word/document.xml")
        }
        let first = try! doc(), second = try! doc()
        try! LineKeepingPass(keeper: b, memo: memo).apply(to: first, part: "word/document.xml", kind: .docx)
        try! LineKeepingPass(keeper: a, memo: memo).apply(to: second, part: "word/document.xml", kind: .docx)
        XCTAssertFalse(first.root!.text.contains("ค\u{2060}ล"), "b does not know the name")
        XCTAssertTrue(second.root!.text.contains("ค\u{2060}ล\u{2060}อ"), "a joins its own name: \(second.root!.text)")
    }

    /// Two paragraphs that compare equal as strings but differ in bytes (a below vowel and a tone mark in
    /// either order) are two entries: each keeps its own bytes.
    func testTheMemoKeepsTheBytesOfEachParagraph() {
        let memo = LineKeepingPass.Memo()
        let one = ["กุ่ม"], other = ["ก\u{0E48}\u{0E38}ม"]
        XCTAssertEqual(one, other, "Swift compares them as equal")
        memo.store(one, for: one)
        XCTAssertNil(memo.value(for: other))
        XCTAssertEqual(memo.value(for: one)?.first.map { Array($0.unicodeScalars) }, one.first.map { Array($0.unicodeScalars) })
        XCTAssertNil(memo.value(for: one, inCells: true), "a paragraph kept for a table cell is another entry")
        let small = LineKeepingPass.Memo(capacity: 2)
        small.store(["a"], for: ["a"]); small.store(["b"], for: ["b"]); small.store(["c"], for: ["c"])
        XCTAssertNil(small.value(for: ["a"]), "a full memo starts over")
        XCTAssertEqual(small.value(for: ["c"]), ["c"])
    }

    // MARK: charts

    func testChartFramesAreReadFromTheTemplateAndEachChartIsDrawnOncePerFormat() throws {
        for format in [PackageKind.docx, .odt] {
            for name in ["o34-2567", "analysis-2568"] {
                let package = try OfficePackage(contentsOf: GeneratedReportsTests.templates.appendingPathComponent("\(name).\(format.fileExtension)"))
                let targets = try ChartParts.Targets(package: package)
                XCTAssertEqual(Set(targets.byName.keys).intersection(["chart_tools", "chart_indicators"]), ["chart_tools", "chart_indicators"], "\(name).\(format)")
                XCTAssertTrue(targets.missing.isEmpty)
                for list in targets.byName.values { for t in list { XCTAssertTrue(package.contains(t.part), t.part) } }
            }
        }
        let chart = ScoreChart(bars: [(label: "1. การปฏิบัติหน้าที่", value: 90, tool: 0)], thaiDigits: false)
        let drawn = ChartParts.Drawn()
        let target = ChartParts.Target(part: "word/charts/chart1.xml")
        let first = drawn.part(chart, kind: .docx, target: target)
        XCTAssertEqual(drawn.part(chart, kind: .docx, target: ChartParts.Target(part: "word/charts/chart2.xml")), first)
        XCTAssertEqual(drawn.drawnCount, 1, "the same chart in another report is not drawn again")
        _ = drawn.part(chart, kind: .odt, target: ChartParts.Target(part: "Object 1/content.xml", width: "15cm", height: "8cm"))
        _ = drawn.part(chart, kind: .odt, target: ChartParts.Target(part: "Object 2/content.xml", width: "15cm", height: "12cm"))
        XCTAssertEqual(drawn.drawnCount, 3, "an ODT chart is drawn for its frame's size")
        var other = chart
        other.series[0].values[0] = 91
        XCTAssertNotEqual(drawn.part(other, kind: .docx, target: target), first, "other scores, another chart")
    }

    // MARK: properties

    func testPropertyTimesAreW3CDatesInUTC() {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        for seconds in [0, 1, 59, 86_399, 951_782_400, 1_759_219_200, 1_759_219_200.75, 4_102_444_799, 253_402_300_799] as [Double] {
            let p = DocumentProperties(kind: .o34, organization: "x", fiscalYear: 2568, created: Date(timeIntervalSince1970: seconds))
            XCTAssertEqual(p.isoTime, formatter.string(from: Date(timeIntervalSince1970: seconds.rounded(.down))), "\(seconds)")
        }
    }
}

private extension Unicode.Scalar {
    var isDocumentDigitForTest: Bool { (0x30...0x39).contains(value) || (0x0E50...0x0E59).contains(value) }
}
