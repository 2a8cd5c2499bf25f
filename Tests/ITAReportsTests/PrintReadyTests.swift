import Foundation
import ITAKit
@testable import ITAReports
import OfficePackage
import OfficeXML
import TemplateEngine
import ThaiFormat
import XCTest

/// Pages as they are printed: native charts, document properties, Thai justification and lines that
/// keep numbers and words whole, checked in the files and in LibreOffice's PDF.
final class PrintReadyTests: XCTestCase {
    static let root = GeneratedReportsTests.root
    var out: URL!

    override func setUpWithError() throws {
        out = FileManager.default.temporaryDirectory.appendingPathComponent("itareport-print-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        unsetenv("SOURCE_DATE_EPOCH")
        try? FileManager.default.removeItem(at: out)
    }

    func generate(_ example: String, _ kinds: [ReportKind]) throws -> (ReportLoader.Result, [ReportGenerator.Output]) {
        let url = Self.root.appendingPathComponent("Examples/\(example)")
        let r = ReportLoader.load(path: url.path)
        let data = try XCTUnwrap(r.data)
        let outputs = try ReportGenerator(templateDirectory: GeneratedReportsTests.templates).generate(
            data: data, scores: r.scoreCard, catalog: r.catalog, dataDirectory: url.deletingLastPathComponent(),
            kinds: kinds, formats: [.docx, .odt], outputDirectory: out)
        return (r, outputs)
    }

    // MARK: charts

    func testChartsAreNativeChartPartsHoldingTheScores() throws {
        let (r, outputs) = try generate("sisaket-2568.yaml", [.o34, .analysis])
        let scores = try XCTUnwrap(r.scoreCard)
        let catalog = try XCTUnwrap(r.catalog)
        for o in outputs {
            let pkg = try OfficePackage(contentsOf: o.url)
            XCTAssertFalse(pkg.partNames.contains { $0.hasSuffix(".png") }, "\(o.url.lastPathComponent) still holds a PNG")
            let chartParts = o.format == .docx
                ? pkg.partNames.filter { $0.hasPrefix("word/charts/") && $0.hasSuffix(".xml") }
                : pkg.partNames.filter { $0.hasPrefix("Object ") && $0.hasSuffix("/content.xml") }
            XCTAssertEqual(chartParts.count, 2, "\(o.url.lastPathComponent): \(pkg.partNames)")
            let texts = try chartParts.map { String(decoding: try pkg.read($0), as: UTF8.self) }
            let indicatorChart = try XCTUnwrap(texts.first { $0.contains(catalog.indicator(1)?.name ?? "-") }, "no chart names the indicators")
            for n in 1...10 {
                let score = try XCTUnwrap(scores.indicators[n])
                XCTAssertTrue(indicatorChart.contains(">\(NSDecimalNumber(decimal: score).stringValue)<") || indicatorChart.contains("\"\(NSDecimalNumber(decimal: score).stringValue)\""),
                              "indicator \(n)'s score \(score) is not in the chart data of \(o.url.lastPathComponent)")
                XCTAssertTrue(indicatorChart.contains("\(n). \(try XCTUnwrap(catalog.indicator(n)).name)"), "indicator \(n)'s Thai label")
            }
            for t in texts {
                for tool in ScoreChart.tools { XCTAssertTrue(t.contains(tool.name), "legend entry \(tool.code)") }
                XCTAssertTrue(t.contains("TH SarabunPSK"), "chart text in the document's font")
                if o.format == .docx {
                    let doc = try XMLDocument(data: Data(t.utf8), name: "chart")
                    XCTAssertEqual(try doc.select("//c:barChart/c:ser", namespaces: ["c": "http://schemas.openxmlformats.org/drawingml/2006/chart"]).count, 3)
                    XCTAssertEqual(try doc.select("//c:dLbls/c:showVal[@val='1']", namespaces: ["c": "http://schemas.openxmlformats.org/drawingml/2006/chart"]).count, 3, "value labels")
                } else {
                    XCTAssertTrue(t.contains("chart:data-label-number=\"value\""), "value labels")
                    XCTAssertEqual(t.components(separatedBy: "<chart:series ").count - 1, 3)
                }
            }
        }
    }

    func testAThaiDigitChartWritesItsScoresInThaiDigitsInItsLabels() throws {
        let (r, outputs) = try generate("khlongsaensaep-2564.yaml", [.o34])
        let score1 = try XCTUnwrap(r.scoreCard?.indicators[1])
        let thai = ThaiNumerals.toThai(ThaiNumberFormat.fixed(score1, places: 2))
        for o in outputs {
            let pkg = try OfficePackage(contentsOf: o.url)
            let part = try XCTUnwrap(pkg.partNames.first { $0.hasPrefix("word/charts/chart") || ($0.hasPrefix("Object ") && $0.hasSuffix("content.xml")) })
            let text = String(decoding: try pkg.read(part), as: UTF8.self)
            XCTAssertTrue(text.contains("๑. "), "Thai digits in the category labels")
            XCTAssertTrue(text.contains("(\(thai))"), "the score in Thai digits in its label: \(thai)")
            XCTAssertFalse(text.contains("<c:showVal val=\"1\"/>") || text.contains("data-label-number=\"value\""), "no Arabic value labels")
        }
    }

    func testAFrameWhoseChartPartIsMissingIsReportedByPart() throws {
        let src = GeneratedReportsTests.templates.appendingPathComponent("o34-2567.odt")
        let pkg = try OfficePackage(contentsOf: src)
        var changes = PackageChanges()
        changes.removed = ["Object 1/content.xml"]
        let broken = out.appendingPathComponent("o34-2567.odt")
        try pkg.write(to: broken, changes: changes)
        let tplDir = out.appendingPathComponent("tpl")
        try FileManager.default.createDirectory(at: tplDir, withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: broken, to: tplDir.appendingPathComponent("o34-2567.odt"))
        let url = Self.root.appendingPathComponent("Examples/sisaket-2568.yaml")
        let r = ReportLoader.load(path: url.path)
        XCTAssertThrowsError(try ReportGenerator(templateDirectory: tplDir).generate(
            data: try XCTUnwrap(r.data), scores: r.scoreCard, catalog: r.catalog, dataDirectory: url.deletingLastPathComponent(),
            kinds: [.o34], formats: [.odt], outputDirectory: out)) { error in
            XCTAssertTrue("\(error)".contains("Object 1/content.xml"), "\(error)")
        }
    }

    // MARK: numbers in their own runs

    func testNumbersAreSetInEnglishLanguageRunsWithTheirJoiners() throws {
        let (_, outputs) = try generate("sisaket-2568.yaml", [.o34])
        let joined = "9\u{2060}8\u{2060}.\u{2060}9\u{2060}7"
        for o in outputs {
            let pkg = try OfficePackage(contentsOf: o.url)
            if o.format == .docx {
                let doc = try pkg.xmlDocument("word/document.xml")
                let ns = ["w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"]
                let runs = try doc.select("//w:r[w:rPr/w:lang/@w:bidi='en-US']", namespaces: ns)
                XCTAssertTrue(runs.contains { $0.text == joined }, "the total as a run of its own with English as its language")
                XCTAssertTrue(try doc.select("//w:r[w:rPr/w:lang/@w:bidi='en-US']/w:t", namespaces: ns).allSatisfy {
                    $0.text.allSatisfy { "0123456789๐๑๒๓๔๕๖๗๘๙.,:/\u{2060}-'".contains($0) || ($0.isASCII && $0.isLetter) }
                }, "only numbers and Latin words are set in English")
                XCTAssertTrue(runs.contains { $0.text == "Service" }, "a Latin word as a run of its own with English as its language")
            } else {
                let xml = String(decoding: try pkg.read("content.xml"), as: UTF8.self)
                XCTAssertTrue(xml.contains("<text:span text:style-name=\"ITANumber\">\(joined)</text:span>"))
                XCTAssertTrue(xml.contains("style:name=\"ITANumber\" style:family=\"text\""))
                XCTAssertTrue(xml.contains("<text:span text:style-name=\"ITANumber\">Service</text:span>"))
            }
        }
    }

    func testLatinWordsAndNumbersAreFoundForEnglishRuns() {
        func found(_ t: String) -> [String] { NumberRuns.englishRanges(t).map { String(t[$0]) } }
        XCTAssertEqual(found("ระบบ One Stop Service และ Line OA"), ["One", "Stop", "Service", "Line", "OA"])
        XCTAssertEqual(found("(E-Service) ได้ 9\u{2060}9 คะแนน; Dos & Don't"), ["E-Service", "9\u{2060}9", "Dos", "Don't"])
        XCTAssertEqual(found("ข้อ i๑๕ ระบบ e-GP2 ปี 2568"), ["๑๕", "e-GP2", "2568"], "a lone letter stays in its run; a number inside a word is the word's")
        XCTAssertEqual(found("ไม่มีคำอังกฤษ"), [])
        XCTAssertTrue(NumberRuns.mayHoldEnglish("a") && NumberRuns.mayHoldEnglish("๑") && !NumberRuns.mayHoldEnglish("ก"))
    }

    // MARK: document properties

    func testPropertiesNameTheDocumentOrganisationYearAndGenerationTime() throws {
        setenv("SOURCE_DATE_EPOCH", "1759219200", 1)  // 2025-09-30 08:00 UTC
        let (_, outputs) = try generate("sisaket-2568.yaml", [.o34])
        for o in outputs {
            let pkg = try OfficePackage(contentsOf: o.url)
            let xml = String(decoding: try pkg.read(o.format == .docx ? "docProps/core.xml" : "meta.xml"), as: UTF8.self)
            XCTAssertTrue(xml.contains("<dc:title>มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน เทศบาลเมืองศรีสะเกษ ประจำปีงบประมาณ พ.ศ. 2568</dc:title>"), xml)
            XCTAssertTrue(xml.contains("<dc:subject>ITA 2568 ข้อ O34"), xml)
            XCTAssertTrue(xml.contains("<dc:creator>เทศบาลเมืองศรีสะเกษ</dc:creator>"), xml)
            XCTAssertTrue(xml.contains("2025-09-30T08:00:00Z"), xml)
            XCTAssertFalse(xml.contains("2024-01-01"), "the template's date is gone")
            XCTAssertFalse(xml.contains("itareport template"), "the template's description is gone")
        }
    }

    func testGenerationTimeIsNowOrSourceDateEpochAndABadValueIsNamed() throws {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        XCTAssertEqual(try DocumentProperties.generationTime(environment: [:], now: now), now)
        XCTAssertEqual(try DocumentProperties.generationTime(environment: ["SOURCE_DATE_EPOCH": "1759219200"], now: now),
                       Date(timeIntervalSince1970: 1_759_219_200))
        XCTAssertThrowsError(try DocumentProperties.generationTime(environment: ["SOURCE_DATE_EPOCH": "yesterday"], now: now)) { e in
            XCTAssertTrue("\(e)".contains("SOURCE_DATE_EPOCH is 'yesterday'"), "\(e)")
        }
    }

    // MARK: justification

    func testJustifiedBodyParagraphsUseThaiDistributedJustificationInDOCX() throws {
        for name in ["o34-2567", "o34-2564", "o35-2564", "analysis-2568"] {
            let pkg = try OfficePackage(contentsOf: GeneratedReportsTests.templates.appendingPathComponent("\(name).docx"))
            let styles = try pkg.xmlDocument("word/styles.xml")
            let ns = ["w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"]
            XCTAssertEqual(try styles.select("//w:style[@w:styleId='Body']/w:pPr/w:jc/@w:val", namespaces: ns).first?.text, "thaiDistribute", name)
            XCTAssertTrue(try styles.select("//w:jc[@w:val='both']", namespaces: ns).isEmpty, "\(name): a style still justifies with 'both'")
        }
    }

    /// LibreOffice justifies a Thai line by spreading its letters: a body line left short by a long
    /// stretch that may not break (a name, a number) printed letter-spaced over the whole width. The
    /// ODT body starts at the left, as LibreOffice prints the DOCX's thaiDistribute.
    func testNoODTStyleJustifiesThaiText() throws {
        for name in ["o34-2567", "o34-2564", "o35-2567", "o35-2564", "analysis-2568"] {
            let pkg = try OfficePackage(contentsOf: GeneratedReportsTests.templates.appendingPathComponent("\(name).odt"))
            let styles = try pkg.xmlDocument("styles.xml")
            let ns = ["style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
                      "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"]
            XCTAssertEqual(try styles.select("//style:style[@style:name='Body']/style:paragraph-properties/@fo:text-align", namespaces: ns).first?.text, "start", name)
            for part in ["styles.xml", "content.xml"] {
                XCTAssertTrue(try pkg.xmlDocument(part).select("//@fo:text-align[.='justify']", namespaces: ns).isEmpty, "\(name) \(part): a style justifies")
            }
        }
    }

    /// Lines of a PDF whose letters are spread apart (justified Thai in LibreOffice): poppler reads
    /// each letter as a word of its own, apart from the next. Each finding is the page and the line.
    static func letterSpacedLines(_ pdf: URL) throws -> [String] {
        let xml = try OfficeClients.run("pdftotext", ["-bbox", pdf.path, "-"]).output
        let word = try NSRegularExpression(pattern: #"<word xMin="([0-9.]+)" yMin="[0-9.]+" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>"#)
        var found: [String] = []
        for (n, page) in xml.components(separatedBy: "<page ").dropFirst().enumerated() {
            var rows: [Int: [(x0: Double, x1: Double, text: String)]] = [:]
            let ns = page as NSString
            for m in word.matches(in: page, range: NSRange(location: 0, length: ns.length)) {
                let value = { (i: Int) in ns.substring(with: m.range(at: i)) }
                rows[Int(Double(value(3))!.rounded()), default: []].append((Double(value(1))!, Double(value(2))!, value(4)))
            }
            for (_, words) in rows {
                let line = words.sorted { $0.x0 < $1.x0 }
                // A letter (its marks aside) standing apart from the word before it.
                let apart = zip(line, line.dropFirst()).filter { a, b in
                    b.x0 - a.x1 > 1 && b.text.unicodeScalars.filter { s in
                        !(s.value == 0x0E31 || (0x0E34...0x0E3A).contains(s.value) || (0x0E47...0x0E4E).contains(s.value))
                    }.count <= 1
                }.count
                if apart >= 15 { found.append("p\(n + 1): " + line.map(\.text).joined(separator: " ")) }
            }
        }
        return found
    }

    // MARK: in LibreOffice's PDF

    /// Both formats of O34 and the analysis report in LibreOffice: the charts are drawn (their legend
    /// is in the page text), the PDF's title is the document's, a year never starts a line after
    /// "พ.ศ.", no listed word nor the organisation's name is split, and the page text finds the plain
    /// words (no joiner in it).
    func testLibreOfficePrintsChartsPropertiesAndWholeWords() throws {
        try OfficeClients.require("soffice")
        let (_, outputs) = try generate("sisaket-2568.yaml", [.o34, .analysis])
        var pdfs: [URL] = []
        for format in [PackageKind.docx, .odt] {
            pdfs += try OfficeClients.convertToPDF(outputs.filter { $0.format == format }.map(\.url), into: out.appendingPathComponent(format.fileExtension))
        }
        XCTAssertEqual(pdfs.count, 4)
        let words = try KeepWholeWords.shipped() + ThaiLineKeeper.months.filter { !$0.hasSuffix(".") } + ["เทศบาลเมืองศรีสะเกษ"]
        // Compounds LibreOffice cut in these documents before they were listed.
        for w in ["เผยแพร่", "จุดแข็ง", "จุดอ่อน", "ตรวจสอบ"] { XCTAssertTrue(words.contains(w), "\(w) is not listed") }
        let source = try String(contentsOf: Self.root.appendingPathComponent("Examples/sisaket-2568.yaml"), encoding: .utf8)
        let latinWords = Set(source.split(whereSeparator: { !($0.isASCII && $0.isLetter) }).map(String.init).filter { $0.count > 3 })
        XCTAssertTrue(latinWords.contains("Service"))
        for pdf in pdfs {
            let info = try OfficeClients.run("pdfinfo", [pdf.path]).output
            XCTAssertTrue(info.contains("เทศบาลเมืองศรีสะเกษ ประจำปีงบประมาณ พ.ศ. 2568"), "PDF title of \(pdf.lastPathComponent): \(info)")
            XCTAssertTrue(info.contains("Author:") && info.contains("เทศบาลเมืองศรีสะเกษ"), info)
            let text = try OfficeClients.pdfText(pdf)
            XCTAssertFalse(text.contains("\u{2060}"), "a word joiner in the PDF text of \(pdf.lastPathComponent)")
            // Page 2 of both printed "ห น่ ว ย ง า น ภ า ค รั ฐ (ITA) …" in the ODT.
            XCTAssertEqual(try Self.letterSpacedLines(pdf), [], "letter-spaced lines in \(pdf.lastPathComponent)")
            XCTAssertTrue(text.contains("IIT การรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน"), "the chart legend is not drawn in \(pdf.lastPathComponent)")
            XCTAssertTrue(text.contains("98.97"), "the total score is found as typed")
            // A Latin word of the data cut at a line end ("One Stop S / ervice"): in drawing order a cell's
            // lines follow each other; the end of one and the start of the next make a word of the source.
            let raw = try OfficeClients.run("pdftotext", ["-raw", pdf.path, "-"]).output.split(separator: "\n").map(String.init)
            for (a, b) in zip(raw, raw.dropFirst()) {
                guard let head = a.range(of: #"[A-Za-z]+$"#, options: .regularExpression),
                      let tail = b.range(of: #"^[a-z]+"#, options: .regularExpression) else { continue }
                let word = String(a[head]) + String(b[tail])
                XCTAssertFalse(latinWords.contains(word), "\(pdf.lastPathComponent): '\(word)' cut as '\(a.suffix(15))' / '\(b.prefix(15))'")
            }
            // The same for listed Thai words in table cells ("เผย / แพร่" in a steps cell of the O34).
            for (a, b) in zip(raw, raw.dropFirst()) {
                for w in words where w.count > 4 && w.unicodeScalars.count <= ThaiLineKeeper.longestJoined {
                    let chars = Array(w)
                    for cut in 2..<(chars.count - 1) where a.hasSuffix(String(chars[..<cut])) && b.hasPrefix(String(chars[cut...])) {
                        XCTFail("\(pdf.lastPathComponent): '\(w)' cut as '\(a.suffix(15))' / '\(b.prefix(15))'")
                    }
                }
            }
            let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            for (i, line) in lines.enumerated() where line.hasSuffix("พ.ศ.") {
                let next = i + 1 < lines.count ? lines[i + 1] : ""
                XCTAssertFalse(next.first?.isNumber == true, "\(pdf.lastPathComponent): a year starts the line after '\(line)'")
            }
            // A number split at a line end: one line of a paragraph ends in digits ("99." or "25")
            // and the next starts with digits (a list number "2. " aside); both lines hold Thai words
            // (the axis numbers of a chart are lines of digits alone).
            let thai = #"[ก-ฮ]"#
            for pair in zip(lines, lines.dropFirst()) where !pair.0.contains("   ") && !pair.1.contains("   ")
                && pair.0.range(of: thai, options: .regularExpression) != nil && pair.1.range(of: thai, options: .regularExpression) != nil {
                let end = pair.0.range(of: #"[0-9][.,]?$"#, options: .regularExpression) != nil
                let start = pair.1.range(of: #"^[0-9]"#, options: .regularExpression) != nil
                    && pair.1.range(of: #"^[0-9]+\. "#, options: .regularExpression) == nil
                XCTAssertFalse(end && start, "\(pdf.lastPathComponent): a number split as '\(pair.0.suffix(20))' / '\(pair.1.prefix(20))'")
            }
            // A listed word split at a line end shows as its head ending one line of a paragraph
            // and its tail starting the next (in single-column text, where -layout keeps lines whole).
            for pair in zip(lines, lines.dropFirst()) where !pair.0.contains("   ") && !pair.1.contains("   ") {
                for w in words where w.count > 5 {
                    let chars = Array(w)
                    // A word longer than the keeper joins whole may break between the listed words it holds.
                    let long = w.unicodeScalars.count > ThaiLineKeeper.longestJoined
                    for cut in 2..<(chars.count - 1) where pair.0.hasSuffix(String(chars[..<cut])) && pair.1.hasPrefix(String(chars[cut...]))
                        && !(long && (words.contains(String(chars[..<cut])) || words.contains(String(chars[cut...])))) {
                        XCTFail("\(pdf.lastPathComponent): '\(w)' split as '\(pair.0.suffix(20))' / '\(pair.1.prefix(20))'")
                    }
                }
            }
        }
    }

    /// The O34 2567 grid by issue in the files: every measure row's first cell holds its own issue's label,
    /// none is merged with the row above (DOCX w:vMerge, ODT rows spanned), so any page of the grid shows it.
    func testIssueGridRowsEachNameTheirIssueInTheFiles() throws {
        let (r, outputs) = try generate("sisaket-2568.yaml", [.o34])
        let issues = try XCTUnwrap(r.data?.measures).compactMap(\.issue).sorted()
        XCTAssertGreaterThan(Set(issues).count, 3)
        for o in outputs {
            let pkg = try OfficePackage(contentsOf: o.url)
            let xml = String(decoding: try pkg.read(o.format == .docx ? "word/document.xml" : "content.xml"), as: UTF8.self)
            let (open, close, row) = o.format == .docx ? ("<w:tbl>", "</w:tbl>", "<w:tr>") : ("<table:table ", "</table:table>", "<table:table-row")
            let grid = try XCTUnwrap(xml.components(separatedBy: open).dropFirst().map { $0.components(separatedBy: close)[0] }
                .first { PageLayoutCheck.squeezed(Self.plain($0)).contains("ประเด็นที่") && Self.plain($0).contains("วัน เดือน ปี") }, "\(o.format): no grid by issue")
            XCTAssertFalse(grid.contains("<w:vMerge") || grid.contains("number-rows-spanned"),
                           "\(o.format): a merged cell in the grid by issue")
            let firstCells = grid.components(separatedBy: row).dropFirst().map { r -> String in
                let cell = o.format == .docx ? "</w:tc>" : "</table:table-cell>"
                return PageLayoutCheck.squeezed(Self.plain(row + r.components(separatedBy: cell)[0]))
            }.filter { $0.hasPrefix("(") }
            XCTAssertEqual(firstCells.map { String($0.prefix(3)) }, issues.map { "(\($0))" }, "\(o.format): one row per measure, each with its issue")
        }
    }

    /// The text of an XML fragment, joiners and tags removed.
    static func plain(_ xml: String) -> String {
        xml.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
            .replacingOccurrences(of: "\u{2060}", with: "").replacingOccurrences(of: "\u{200B}", with: "")
    }

    /// The O34 2567 measure grids as LibreOffice prints them: every page of the grid by issue that holds a
    /// measure shows the issue of that measure (a merged issue cell printed once, on the page where the
    /// issue begins, left the pages continuing it with an empty issue column), and each page of both grids
    /// is filled with rows but the last of each (rows made tall by a narrow steps column left a third of a
    /// page blank, the next row not fitting).
    func testIssueGridNamesTheIssueOnEveryPageAndFillsItsPages() throws {
        try OfficeClients.require("soffice")
        let (r, outputs) = try generate("sisaket-2568.yaml", [.o34])
        let measures = try XCTUnwrap(r.data?.measures).filter { $0.issue != nil && ($0.title ?? "").count > 9 }
        XCTAssertGreaterThan(Set(measures.compactMap(\.issue)).count, 3)
        for format in [PackageKind.docx, .odt] {
            let pdf = try XCTUnwrap(OfficeClients.convertToPDF(outputs.filter { $0.format == format }.map(\.url),
                                                               into: out.appendingPathComponent(format.fileExtension)).first)
            let pages = try PageLayoutCheck(pdf: pdf).pages
            let name = "\(format.fileExtension) \(pdf.lastPathComponent)"
            let start = try XCTUnwrap(pages.firstIndex { p in p.body.contains { $0.text.contains("จำแนกตามประเด็นการวิเคราะห์") } }, name)
            let end = try XCTUnwrap(pages.lastIndex { p in p.body.contains { $0.text.contains("ลงชื่อ") } }, name)
            XCTAssertGreaterThan(end, start + 1, "\(name): the grid runs over pages")
            let first = try XCTUnwrap(pages.firstIndex { p in p.body.contains { PageLayoutCheck.squeezed($0.text).hasPrefix("4.วิธีการนำผล") } }, name)
            XCTAssertLessThan(first + 1, start, "\(name): the first grid runs over pages")
            for i in first..<(start - 1) {
                let last = try XCTUnwrap(pages[i].body.last)
                XCTAssertGreaterThan(last.top, pages[i].height * 0.7,
                                     "\(name) p\(i + 1): the first grid goes on to the next page from \(Int(100 * last.top / pages[i].height)) % down this one")
            }
            var found = 0
            for i in start...end {
                let lines = pages[i].body.map { PageLayoutCheck.squeezed($0.text) }
                // A cell's line is a word of its own in poppler's line across the row: a measure is on the page
                // when a word starts with its title.
                let words = pages[i].body.flatMap { $0.text.split(separator: " ").map { PageLayoutCheck.squeezed(String($0)) } }
                for m in measures {
                    let head = PageLayoutCheck.squeezed(String(m.title!.prefix(9)))
                    guard words.contains(where: { $0.hasPrefix(head) }) else { continue }
                    found += 1
                    XCTAssertTrue(lines.contains { $0.hasPrefix("(\(m.issue!))") },
                                  "\(name) p\(i + 1): measure '\(head)' without its issue (\(m.issue!)) on the page")
                }
                if i < end, let last = pages[i].body.last {
                    XCTAssertGreaterThan(last.top, pages[i].height * 0.7,
                                         "\(name) p\(i + 1): the grid goes on to the next page from \(Int(100 * last.top / pages[i].height)) % down this one")
                }
            }
            XCTAssertGreaterThanOrEqual(found, measures.count, "\(name): every measure of the grid by issue is seen")
        }
    }
}
