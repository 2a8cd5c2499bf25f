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
}
