import Foundation
import ITAKit
import ITAReports
import XCTest

/// The year's submission as one piece: the O34 data file and the O35 file `rollover` wrote, filled in,
/// bundled together; the bundle's O34 is the O34 the O34 file generates.
final class YearSubmissionTests: XCTestCase {
    /// The O35 `rollover` writes from the Sisaket O34, with every blank filled.
    static func filledO35(in dir: URL) throws -> URL {
        let o34 = ReportLoader.load(path: BatchFixture.example("sisaket-2568.yaml").path)
        let files = try YearRollover.roll(try XCTUnwrap(o34.data), to: 2569)
        var text = try XCTUnwrap(files.first { $0.document == .o35 }).text
        var n = 0
        text = text.components(separatedBy: "\n").compactMap { line -> String? in
            guard line.contains("# \(DataFileWriter.fillMarker)") else { return line }
            let key = line.trimmingCharacters(in: .whitespaces).components(separatedBy: ":")[0]
            let pad = String(line.prefix { $0 == " " })
            n += 1
            switch key {
            case "summary": return "\(pad)summary: ดำเนินการตามขั้นตอนครบทุกข้อ รายการที่ \(n)"
            case "outcome": return "\(pad)outcome: ผู้รับบริการได้รับบริการภายในเวลาที่ประกาศ รายการที่ \(n)"
            case "date": return "\(pad)date: 2568-09-30"
            default: return nil
            }
        }.joined(separator: "\n")
        let url = dir.appendingPathComponent("sisaket-o35-2568.yaml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    func testBundleOfTheO34AndTheFilledO35HoldsTheO34AsGenerated() throws {
        let dir = try BatchFixture.temporaryFolder(self, "year")
        let o35URL = try Self.filledO35(in: dir)
        let o35 = ReportLoader.load(path: o35URL.path)
        XCTAssertFalse(o35.hasErrors, o35.diagnostics.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(CompletenessChecker.check(try XCTUnwrap(o35.data), catalog: o35.catalog), [], "filled in")
        let o34URL = BatchFixture.example("sisaket-2568.yaml")
        let o34 = ReportLoader.load(path: o34URL.path)

        // A file that names its document bundles that document only: the O35 file gives no O34.
        XCTAssertEqual(try SubmissionBundle.kinds(for: try XCTUnwrap(o35.data)), [.o35])
        let folder = dir.appendingPathComponent("bundle")
        let manifest = try SubmissionBundle(exporter: BatchFixture.exporter()).write(parts: [
            .init(loaded: o34, dataURL: o34URL, kinds: [.o34]), .init(loaded: o35, dataURL: o35URL, kinds: [.o35]),
        ], formats: [.docx, .odt], into: folder)
        XCTAssertEqual(Set(manifest.files.map(\.item)), ["o34", "o35"])
        XCTAssertFalse(manifest.files.contains { $0.path.contains(ReportGenerator.draftSuffix) }, "both are final")

        let alone = dir.appendingPathComponent("alone")
        _ = try BatchFixture.exporter().export(loaded: o34, dataURL: o34URL, kinds: [.o34], formats: [.docx, .odt], outputDirectory: alone)
        for ext in ["docx", "odt"] {
            let name = "O34_เทศบาลเมืองศรีสะเกษ_2568.\(ext)"
            XCTAssertEqual(try DocumentText(folder.appendingPathComponent(name)).all,
                           try DocumentText(alone.appendingPathComponent(name)).all, "the bundle's O34 is the O34 file's O34 (\(ext))")
        }
        let o35Text = try DocumentText(folder.appendingPathComponent("O35_เทศบาลเมืองศรีสะเกษ_2568.docx")).all
        XCTAssertTrue(o35Text.contains("รายการที่ 1"), "the O35 is the filled O35")
    }

    func testFilesOfDifferentOrganisationsOrYearsOrTheSameDocumentAreRefused() throws {
        let dir = try BatchFixture.temporaryFolder(self, "year-refused")
        let sisaket = BatchFixture.example("sisaket-2568.yaml")
        let wangthong = BatchFixture.example("wangthong-2567.yaml")
        let a = ReportLoader.load(path: sisaket.path), b = ReportLoader.load(path: wangthong.path)
        XCTAssertThrowsError(try SubmissionBundle(exporter: BatchFixture.exporter()).write(parts: [
            .init(loaded: a, dataURL: sisaket, kinds: [.o34]), .init(loaded: b, dataURL: wangthong, kinds: [.o35]),
        ], formats: [.docx], into: dir.appendingPathComponent("x"))) { error in
            XCTAssertTrue("\(error)".contains("differ in organisation"), "\(error)")
        }
        XCTAssertThrowsError(try SubmissionBundle(exporter: BatchFixture.exporter()).write(parts: [
            .init(loaded: a, dataURL: sisaket, kinds: [.o34]), .init(loaded: a, dataURL: sisaket, kinds: [.o34]),
        ], formats: [.docx], into: dir.appendingPathComponent("y"))) { error in
            XCTAssertTrue("\(error)".contains("give the O34 report"), "\(error)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("x").path))
    }

    /// The example O34 and O35 files with `o34` and `o35` applied to their texts, written into `dir`.
    static func pair(in dir: URL, o34: (String) -> String = { $0 }, o35: (String) -> String = { $0 }) throws
        -> [SubmissionBundle.Part] {
        var parts: [SubmissionBundle.Part] = []
        for (name, kind) in [("sisaket-2568.yaml", ReportKind.o34), ("sisaket-o35-2568.yaml", .o35)] {
            let text = try String(contentsOf: BatchFixture.example(name), encoding: .utf8)
            let changed = kind == .o34 ? o34(text) : o35(text)
            let url = dir.appendingPathComponent(name)
            try changed.write(to: url, atomically: true, encoding: .utf8)
            let loaded = ReportLoader.load(path: url.path)
            XCTAssertFalse(loaded.hasErrors, loaded.diagnostics.map(\.description).joined(separator: "\n"))
            parts.append(.init(loaded: loaded, dataURL: url, kinds: [kind]))
        }
        return parts
    }

    /// Replaces `old` (which must occur) with `new`.
    static func replacing(_ old: String, _ new: String) -> (String) -> String {
        { text in
            XCTAssertTrue(text.contains(old), "the example holds \(old)")
            return text.replacingOccurrences(of: old, with: new)
        }
    }

    func testTheExampleO34AndO35AgreeAndBundleWithoutWarnings() throws {
        let dir = try BatchFixture.temporaryFolder(self, "year-agree")
        let parts = try Self.pair(in: dir)
        XCTAssertNoThrow(try SubmissionBundle.checkOneSubmission(parts))
        XCTAssertEqual(SubmissionBundle.warnings(parts), [])
    }

    func testAnO34AndAnO35WithDifferentScoresAreRefusedNamingEachDifference() throws {
        let dir = try BatchFixture.temporaryFolder(self, "year-scores")
        // The O34 corrected after rollover (total unchanged); the O35 keeps the old copy.
        let parts = try Self.pair(in: dir, o34: Self.replacing("indicators: {1: 99.39, 2: 97.71,", "indicators: {1: 99.49, 2: 97.61,"),
                                  o35: Self.replacing("    total: 98.97\n    level: ผ่านดีเยี่ยม", "    total: 98.87\n    level: ผ่านดี"))
        let folder = dir.appendingPathComponent("bundle")
        XCTAssertThrowsError(try SubmissionBundle(exporter: BatchFixture.exporter()).write(parts: parts, formats: [.docx], into: folder)) { error in
            let en = errorText(error, in: .en), th = errorText(error, in: .th)
            let o34 = parts[0].dataURL.path, o35 = parts[1].dataURL.path
            XCTAssertTrue(en.contains("\(o34) and \(o35) give different ITA 2567 results"), en)
            XCTAssertTrue(en.contains("indicator 1 (assessment.indicators.1): 99.49 and 99.39"), en)
            XCTAssertTrue(en.contains("indicator 2 (assessment.indicators.2): 97.61 and 97.71"), en)
            XCTAssertTrue(en.contains("official total (assessment.official.total): 98.97 and 98.87"), en)
            XCTAssertTrue(en.contains("official level (assessment.official.level): ผ่านดีเยี่ยม and ผ่านดี\n"), en)
            XCTAssertFalse(en.contains("indicator 3"), "indicators that agree are not named: \(en)")
            XCTAssertTrue(en.contains("then bundle again"), en)
            XCTAssertTrue(th.contains("ตัวชี้วัดที่ 1 (assessment.indicators.1): 99.49 และ 99.39"), th)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path), "nothing is written")
    }

    func testDifferentQuestionScoresOrAssessedYearsAreRefused() throws {
        let dir = try BatchFixture.temporaryFolder(self, "year-questions")
        let parts = try Self.pair(in: dir, o35: { text in
            Self.replacing("\n  year: 2567\n", "\n  year: 2566\n")(Self.replacing("    i5: 94.96\n", "    i5: 95.96\n")(text))
        })
        XCTAssertThrowsError(try SubmissionBundle.checkOneSubmission(parts)) { error in
            let en = errorText(error, in: .en)
            XCTAssertTrue(en.contains("question i5 (assessment.questions.i5): 94.96 and 95.96"), en)
            XCTAssertTrue(en.contains("assessment.year: 2567 and 2566"), en)
        }
    }

    func testAnO35MeasureTheO34NeverPlannedIsAWarningNamingIt() throws {
        let dir = try BatchFixture.temporaryFolder(self, "year-measures")
        let planned = "จัดทำคู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่"
        let parts = try Self.pair(in: dir, o35: { text in
            // Spacing and an invisible character do not make another title; a new title does.
            let spaced = Self.replacing("One Stop Service และ", "One\u{200B} Stop   service และ ")(text)
            return Self.replacing("title: \(planned)", "title: จัดอบรมคุณธรรมให้บุคลากรทุกระดับ")(spaced)
        })
        XCTAssertNoThrow(try SubmissionBundle.checkOneSubmission(parts))
        let warnings = SubmissionBundle.warnings(parts)
        XCTAssertEqual(warnings.count, 1, warnings.map(\.description).joined(separator: "\n"))
        let en = warnings.first?.text(in: .en) ?? ""
        XCTAssertTrue(en.contains("\(parts[1].dataURL.path): measure 1 'จัดอบรมคุณธรรมให้บุคลากรทุกระดับ' matches no measure title of the O34 file \(parts[0].dataURL.path)"), en)
        XCTAssertTrue(en.contains("give it the O34's title"), en)
        XCTAssertTrue((warnings.first?.text(in: .th) ?? "").contains("มาตรการที่ 1 'จัดอบรมคุณธรรมให้บุคลากรทุกระดับ'"))
    }
}
