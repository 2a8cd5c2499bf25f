import Foundation
import ITAKit
import ITAReports
import XCTest

/// Many documents per LibreOffice run, in a profile kept by the caller.
final class PDFBulkTests: XCTestCase {
    /// Three documents in one run, the middle one broken: it alone is reported, by the PDF it was to
    /// become, and the other two are written; the profile serves a second run.
    func testABrokenDocumentIsNamedAndTheOthersConverted() throws {
        let converter = try BatchFixture.libreOffice()
        let dir = try BatchFixture.temporaryFolder(self, "pdf-bulk")
        let url = BatchFixture.example("wangthong-2567.yaml")
        let odt = try BatchFixture.exporter().export(loaded: ReportLoader.load(path: url.path), dataURL: url, kinds: [.o35],
                                                     formats: [.odt], outputDirectory: dir.appendingPathComponent("odt")).files[0].url
        let broken = dir.appendingPathComponent("broken.odt")
        try Data(try Data(contentsOf: odt).prefix(3000)).write(to: broken)  // a zip cut short
        let jobs = [odt, broken, odt].enumerated().map { i, source in
            PDFConverter.Job(source: source, destination: dir.appendingPathComponent("เอกสาร-\(i).pdf"))
        }
        let profile = try PDFProfile()
        let failures = converter.convert(jobs, profile: profile)
        XCTAssertEqual(Array(failures.keys), [1])
        XCTAssertTrue(failures[1]?.description.hasPrefix(jobs[1].destination.path + ": the PDF could not be written") == true, "\(failures)")
        for i in [0, 2] {
            let pdf = try Data(contentsOf: jobs[i].destination)
            XCTAssertTrue(pdf.starts(with: Data("%PDF".utf8)), jobs[i].destination.lastPathComponent)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: jobs[1].destination.path))
        // The same profile again (a worker's next run).
        let again = [PDFConverter.Job(source: odt, destination: dir.appendingPathComponent("again.pdf"))]
        XCTAssertEqual(converter.convert(again, profile: profile).count, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: again[0].destination.path))
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".") }
        XCTAssertEqual(left, [], "no scratch file left beside the PDFs")
    }

    /// The PDFs of several organisations from one run go each to its own folder, with its manifest.
    func testStagedDocumentsOfSeveralOrganisationsShareOneRun() throws {
        let converter = try BatchFixture.libreOffice()
        let dir = try BatchFixture.temporaryFolder(self, "pdf-staged")
        let exporter = BatchFixture.exporter(pdf: converter)
        var staged: [ReportExporter.Staged] = []
        for (n, name) in ["sisaket-2568.yaml", "wangthong-2567.yaml"].enumerated() {
            let url = BatchFixture.example(name)
            staged.append(try exporter.stage(loaded: ReportLoader.load(path: url.path), dataURL: url, kinds: n == 0 ? [.o34] : [.o35],
                                             formats: [.docx, .pdf], outputDirectory: dir.appendingPathComponent("org\(n)")))
        }
        XCTAssertEqual(exporter.convertPDFs(staged, profile: try PDFProfile()).count, 0)
        for (n, s) in staged.enumerated() {
            let manifest = try SubmissionBundle.place([s])
            XCTAssertEqual(manifest.files.map(\.format), ["docx", "pdf"])
            XCTAssertEqual(Set(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("org\(n)").path)),
                           Set(manifest.files.map(\.path) + ["manifest.json"]))
        }
    }
}
