import Foundation
import ITAKit
import ITAReports
import OfficePackage
import ThaiFormat
import XCTest

/// The official documents generated from the example data files, read back and opened by real clients.
final class GeneratedReportsTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let templates = root.appendingPathComponent("Templates")

    var out: URL!

    override func setUpWithError() throws {
        out = FileManager.default.temporaryDirectory.appendingPathComponent("itareport-gen-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: out) }

    struct Loaded {
        let data: ReportData
        let result: ReportLoader.Result
        let url: URL
    }

    func load(_ name: String) throws -> Loaded {
        let url = Self.root.appendingPathComponent("Examples/\(name)")
        let r = ReportLoader.load(path: url.path)
        XCTAssertFalse(r.hasErrors, r.diagnostics.map { "\($0)" }.joined(separator: "\n"))
        return Loaded(data: try XCTUnwrap(r.data), result: r, url: url)
    }

    func generate(_ l: Loaded, _ kinds: [ReportKind], formats: [PackageKind] = [.docx, .odt], templates: URL = templates, into dir: URL? = nil) throws -> [ReportGenerator.Output] {
        try ReportGenerator(templateDirectory: templates).generate(
            data: l.data, scores: l.result.scoreCard, catalog: l.result.catalog, dataDirectory: l.url.deletingLastPathComponent(),
            kinds: kinds, formats: formats, outputDirectory: dir ?? out)
    }

    func testSisaketO34HoldsScoresIssuesAndMeasures() throws {
        let l = try load("sisaket-2568.yaml")
        let outputs = try generate(l, [.o34])
        XCTAssertEqual(outputs.map(\.form.name), ["o34-2567", "o34-2567"])
        XCTAssertEqual(outputs.map { $0.url.lastPathComponent }, ["O34_เทศบาลเมืองศรีสะเกษ_2568.docx", "O34_เทศบาลเมืองศรีสะเกษ_2568.odt"])
        let catalog = try XCTUnwrap(l.result.catalog)
        for o in outputs {
            let text = try DocumentText(o.url).all
            XCTAssertFalse(text.contains("{{"), "a tag is left in \(o.url.lastPathComponent)")
            for (n, score) in try XCTUnwrap(l.data.assessment?.indicators) {
                XCTAssertTrue(text.contains(ThaiNumberFormat.fixed(score, places: 2)), "indicator \(n) score missing in \(o.format)")
                XCTAssertTrue(text.contains(try XCTUnwrap(catalog.indicator(n)).name))
            }
            XCTAssertTrue(text.contains("98.97"))
            XCTAssertTrue(text.contains("ผ่านดีเยี่ยม"))
            for issue in catalog.issues { XCTAssertTrue(text.contains(issue.title), "issue \(issue.number) missing") }
            for m in l.data.measures ?? [] {
                XCTAssertTrue(text.contains(try XCTUnwrap(m.title)), "measure missing: \(m.title ?? "")")
                for owner in m.owners ?? [] { XCTAssertTrue(text.contains(owner), "owner \(owner) missing") }
                XCTAssertTrue(text.contains(try XCTUnwrap(m.period?.formatted())), "period missing for \(m.title ?? "")")
            }
            // Every question score of the issue tables is printed.
            for (code, s) in l.data.assessment?.questions ?? [:] where catalog.issues.contains(where: { $0.questions.contains(code) }) {
                XCTAssertTrue(text.contains(ThaiNumberFormat.fixed(s, places: 2)), "question \(code) score missing")
            }
        }
        // python-docx reads the Word file: indicator table (header + 10 rows + total), both measure grids.
        let rows = try OfficeClients.docxTableRows(outputs[0].url)
        let measures = l.data.measures?.count ?? 0
        XCTAssertTrue(rows.contains { $0 >= 11 }, "indicator table rows: \(rows)")
        // The last grid ends with the signature row.
        XCTAssertEqual(Array(rows.suffix(2)), [measures + 1, measures + 2], "the two measure grids end the document: \(rows)")
    }

    func testWangthongO35CitesTheFigureOfEveryMeasureInThaiDigits() throws {
        let l = try load("wangthong-2567.yaml")
        let outputs = try generate(l, [.o35])
        for o in outputs {
            let doc = try DocumentText(o.url)
            let text = doc.all
            XCTAssertFalse(text.contains("{{"))
            for m in l.data.measures ?? [] {
                XCTAssertTrue(text.contains(try XCTUnwrap(m.title)))
                for c in m.citations ?? [] {
                    guard let score = c.score ?? c.indicator.flatMap({ l.data.assessment?.indicators?[$0] }) else { continue }
                    XCTAssertTrue(text.contains(ThaiNumerals.toThai(ThaiNumberFormat.fixed(score, places: 2))), "cited figure \(score) missing")
                }
            }
            // The grid: a header row, one row per measure and the signature row.
            let grid = try XCTUnwrap(doc.tables.first)
            XCTAssertEqual(grid.count, (l.data.measures?.count ?? 0) + 2)
            // Thai digits throughout the body: no Arabic digit outside item codes such as e9.
            let arabic = doc.paragraphs.joined().filter { $0.isASCII && $0.isNumber }
            XCTAssertEqual(arabic, "", "Arabic digits left in \(o.format)")
        }
    }

    func testEveryExampleAndReportOpensInLibreOfficeWithThaiFonts() throws {
        var files: [URL] = []
        for name in ["sisaket-2568.yaml", "khlongsaensaep-2564.yaml", "wangthong-2567.yaml", "nongbua-2568.yaml"] {
            let l = try load(name)
            let kinds = ReportKind.allCases.filter { ReportGenerator.possibleReports(l.data)[$0] == .some(nil) }
            XCTAssertFalse(kinds.isEmpty, name)
            let dir = out.appendingPathComponent(name)
            files += try generate(l, kinds, into: dir).map(\.url)
        }
        for f in files where f.pathExtension == "docx" { _ = try OfficeClients.docxTableRows(f) }
        // openxml-audit: a generated file adds no error to those of its template.
        try OfficeClients.require("openxml-audit")
        func errors(_ url: URL) throws -> Int {
            let r = try OfficeClients.run("openxml-audit", [url.path])
            guard let line = r.output.split(separator: "\n").last(where: { $0.hasPrefix("Errors:") }),
                  let n = Int(line.dropFirst("Errors:".count).trimmingCharacters(in: .whitespaces)) else {
                XCTFail("openxml-audit gave no result for \(url.lastPathComponent): \(r.output)")
                return -1
            }
            return n
        }
        var templateErrors: [String: Int] = [:]
        for form in ReportForm.all {
            for ext in ["docx", "odt"] {
                templateErrors["\(form.kind.filePrefix).\(ext)", default: 0] = max(templateErrors["\(form.kind.filePrefix).\(ext)"] ?? 0, try errors(Self.templates.appendingPathComponent("\(form.name).\(ext)")))
            }
        }
        for f in files {
            let prefix = String(f.lastPathComponent.prefix { $0 != "_" })
            XCTAssertLessThanOrEqual(try errors(f), templateErrors["\(prefix).\(f.pathExtension)"] ?? 0, "\(f.lastPathComponent) has openxml-audit errors its template lacks")
        }
        // One LibreOffice run per format (same base names).
        let pdfs = try OfficeClients.convertToPDF(files.filter { $0.pathExtension == "odt" }, into: out.appendingPathComponent("pdf-odt"))
            + OfficeClients.convertToPDF(files.filter { $0.pathExtension == "docx" }, into: out.appendingPathComponent("pdf-docx"))
        XCTAssertEqual(pdfs.count, files.count)
        for pdf in pdfs {
            let fonts = try OfficeClients.pdfFonts(pdf)
            XCTAssertFalse(fonts.isEmpty)
            for f in fonts { XCTAssertTrue(f.contains("Laksaman") || f.contains("Sarabun"), "\(pdf.lastPathComponent) uses fallback font \(f)") }
        }
    }

    func testTemplatesResavedByLibreOfficeGenerateTheSameText() throws {
        let resaved = out.appendingPathComponent("resaved")
        try OfficeClients.require("soffice")
        let profile = out.appendingPathComponent("profile")
        let docx = ReportForm.all.map { Self.templates.appendingPathComponent("\($0.name).docx").path }
        let odt = ReportForm.all.map { Self.templates.appendingPathComponent("\($0.name).odt").path }
        let a = try OfficeClients.run("soffice", ["-env:UserInstallation=file://\(profile.path)", "--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir", resaved.path] + docx)
        let b = try OfficeClients.run("soffice", ["-env:UserInstallation=file://\(profile.path)", "--headless", "--convert-to", "odt", "--outdir", resaved.path] + odt)
        XCTAssertEqual(a.status, 0, a.output)
        XCTAssertEqual(b.status, 0, b.output)
        for name in ["sisaket-2568.yaml", "wangthong-2567.yaml", "nongbua-2568.yaml"] {
            let l = try load(name)
            let kinds = ReportKind.allCases.filter { ReportGenerator.possibleReports(l.data)[$0] == .some(nil) }
            let original = try generate(l, kinds, into: out.appendingPathComponent("orig-\(name)"))
            let again = try generate(l, kinds, templates: resaved, into: out.appendingPathComponent("resaved-\(name)"))
            for (o, r) in zip(original, again) {
                let t1 = try DocumentText(o.url).paragraphs.filter { !$0.isEmpty }
                let t2 = try DocumentText(r.url).paragraphs.filter { !$0.isEmpty }
                XCTAssertEqual(t1, t2, "\(o.url.lastPathComponent): the re-saved template fills differently")
            }
        }
    }

    func testO34Of2564PrintsOnlyWhatTheUserWroteInItsToFixColumn() throws {
        let l = try load("khlongsaensaep-2564.yaml")
        let result = try ReportGenerator(templateDirectory: Self.templates).generate(
            loaded: l.result, dataURL: l.url, kinds: [.o34], formats: [.docx], outputDirectory: out)
        // The 2564 form prints no written indicator paragraph, so none is written for it.
        XCTAssertFalse(result.generated.contains { $0.kind == .indicator }, "\(result.generated)")
        let doc = try DocumentText(try XCTUnwrap(result.outputs.first).url)
        let rows = try XCTUnwrap(doc.tables.first).filter { $0.count == 2 && $0[0].contains("คะแนน") }
        XCTAssertEqual(rows.count, 10, "one row per indicator: \(rows)")
        let written = try XCTUnwrap(l.data.analysis?.indicators)
        for (i, row) in rows.enumerated() {
            let n = i + 1
            if let text = written[n] {
                XCTAssertTrue(row[1].contains(ThaiNumerals.toThai(String(text.prefix(12)))), "indicator \(n): \(row[1])")
            } else {
                XCTAssertEqual(row[1], "-", "indicator \(n) has no text of the user's, so the column shows a dash")
            }
        }
    }

    func testFormFollowsTheFiscalYearUnlessTheDataNamesOne() {
        XCTAssertEqual(ReportForm.form(for: .o34, fiscalYear: 2564).name, "o34-2564")
        XCTAssertEqual(ReportForm.form(for: .o34, fiscalYear: 2565).name, "o34-2564")
        XCTAssertEqual(ReportForm.form(for: .o34, fiscalYear: 2566).name, "o34-2567")
        XCTAssertEqual(ReportForm.form(for: .o34, fiscalYear: 2569).name, "o34-2567")
        XCTAssertEqual(ReportForm.form(for: .o35, fiscalYear: 2567).name, "o35-2567")
        XCTAssertEqual(ReportForm.form(for: .o35, fiscalYear: 2563).name, "o35-2564")
        XCTAssertEqual(ReportForm.form(for: .o35, fiscalYear: 2568, formYear: 2564).name, "o35-2564")
        XCTAssertEqual(ReportForm.form(for: .analysis, fiscalYear: 2564).name, "analysis-2568")
    }

    func testPossibleReportsNameWhatIsMissing() throws {
        var d = ReportData(fiscalYear: 2568)
        var p = ReportGenerator.possibleReports(d)
        XCTAssertNotNil(p[.o34] ?? nil)
        XCTAssertNotNil(p[.analysis] ?? nil)
        XCTAssertNotNil(p[.o35] ?? nil)
        d.assessment = Assessment(year: 2567, indicators: Dictionary(uniqueKeysWithValues: (1...10).map { ($0, Decimal(90)) }))
        p = ReportGenerator.possibleReports(d)
        XCTAssertNil(p[.analysis] ?? nil)
        XCTAssertEqual(p[.o34] ?? nil, "O34 needs this year's measures (measures)")
        d.measures = [Measure(title: "x", outcome: "ได้ผล")]
        p = ReportGenerator.possibleReports(d)
        XCTAssertNil(p[.o34] ?? nil)
        XCTAssertNil(p[.o35] ?? nil)
        d.assessment?.year = 2568
        XCTAssertNotNil(ReportGenerator.possibleReports(d)[.o34] ?? nil, "an O34 analyses the year before its fiscal year")
    }

    func testPeriodsBreakBetweenDatesNotInsideAYear() {
        XCTAssertEqual(ReportViewBuilder.keepDatesWhole("เมษายน 2568 ถึง กันยายน 2568"), "เมษายน\u{00A0}2568 ถึง กันยายน\u{00A0}2568")
        XCTAssertEqual(ReportViewBuilder.keepDatesWhole("ต.ค. 67 – มี.ค. 68"), "ต.ค.\u{00A0}67 – มี.ค.\u{00A0}68")
        XCTAssertEqual(ReportViewBuilder.keepDatesWhole("ธ.ค. ๒๕๖๓ - มี.ค. ๒๕๖๔"), "ธ.ค.\u{00A0}๒๕๖๓ - มี.ค.\u{00A0}๒๕๖๔")
        XCTAssertEqual(ReportViewBuilder.keepDatesWhole("ตลอดปีงบประมาณ"), "ตลอดปีงบประมาณ")
    }

    func testFileNamesAreSafe() {
        let d = ReportData(fiscalYear: 2568, organization: Organization(name: "อบต. ทดลอง/ใหม่"))
        XCTAssertEqual(ReportGenerator.fileName(kind: .o34, data: d, format: .docx), "O34_อบต._ทดลอง_ใหม่_2568.docx")
    }
}
