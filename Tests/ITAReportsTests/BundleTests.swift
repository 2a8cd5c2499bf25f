import Foundation
import ITAKit
import ITAReports
import XCTest

final class BundleTests: XCTestCase {
    private func load(_ name: String) -> (ReportLoader.Result, URL) {
        let url = BatchFixture.example(name)
        return (ReportLoader.load(path: url.path), url)
    }

    /// The manifest lists every file with the right item, year, size and checksum.
    private func checkManifest(_ folder: URL, organization: String, year: Int, items: Set<String>, formats: Set<String>) throws {
        let data = try Data(contentsOf: folder.appendingPathComponent("manifest.json"))
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertEqual(json["organization"] as? String, organization)
        XCTAssertEqual(json["fiscal_year"] as? Int, year)
        XCTAssertNotNil(json["generated_at"] as? String)
        let files = try XCTUnwrap(json["files"] as? [[String: Any]])
        XCTAssertEqual(Set(files.compactMap { $0["item"] as? String }), items)
        XCTAssertEqual(files.count, items.count * formats.count)
        let others = Set(json["other_files"] as? [String] ?? [])
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0 != "manifest.json" && !others.contains($0) }
        XCTAssertEqual(Set(onDisk), Set(files.compactMap { $0["path"] as? String }), "the manifest lists exactly the files")
        for f in files {
            let path = try XCTUnwrap(f["path"] as? String)
            let bytes = try Data(contentsOf: folder.appendingPathComponent(path))
            XCTAssertEqual(f["bytes"] as? Int, bytes.count, path)
            XCTAssertEqual(f["sha256"] as? String, SHA256.hex(bytes), path)
            XCTAssertEqual(f["fiscal_year"] as? Int, year, path)
            XCTAssertTrue(formats.contains(path.components(separatedBy: ".").last ?? ""), path)
        }
    }

    func testBundleWithoutPDF() throws {
        let dir = try BatchFixture.temporaryFolder(self, "bundle")
        let (loaded, url) = load("sisaket-2568.yaml")
        let data = try XCTUnwrap(loaded.data)
        let kinds = try SubmissionBundle.kinds(for: data, extra: [.analysis])
        XCTAssertEqual(kinds, [.o34, .analysis], "O35 is left out: the file has no results")
        let folder = dir.appendingPathComponent("bundle")
        _ = try SubmissionBundle(exporter: BatchFixture.exporter()).write(loaded: loaded, dataURL: url, kinds: kinds,
                                                                          formats: [.docx, .odt], into: folder)
        try checkManifest(folder, organization: "เทศบาลเมืองศรีสะเกษ", year: 2568, items: ["o34", "analysis"], formats: ["docx", "odt"])
        // Written again with less: what the earlier manifest listed and this bundle lacks is removed.
        _ = try SubmissionBundle(exporter: BatchFixture.exporter()).write(loaded: loaded, dataURL: url, kinds: [.o34],
                                                                          formats: [.docx], into: folder)
        try checkManifest(folder, organization: "เทศบาลเมืองศรีสะเกษ", year: 2568, items: ["o34"], formats: ["docx"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".") }, [], "no staging left")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }, [], "no staging left")
    }

    /// A file the user put in the bundle folder (a signed scan) survives bundling again, and the manifest
    /// names it; a file of a bundle file's name that the earlier manifest does not list stops the bundle
    /// untouched; so does a manifest.json that is not the tool's.
    func testBundleLeavesTheUsersFilesAlone() throws {
        let dir = try BatchFixture.temporaryFolder(self, "bundle-keep")
        let (loaded, url) = load("sisaket-2568.yaml")
        let folder = dir.appendingPathComponent("bundle")
        let bundle = SubmissionBundle(exporter: BatchFixture.exporter())
        _ = try bundle.write(loaded: loaded, dataURL: url, kinds: [.o34, .analysis], formats: [.docx, .odt], into: folder)
        let scan = folder.appendingPathComponent("O34_signed_scan.pdf")
        try Data("%PDF-1.4 scan".utf8).write(to: scan)
        let manifest = try bundle.write(loaded: loaded, dataURL: url, kinds: [.o34], formats: [.docx], into: folder)
        XCTAssertEqual(try Data(contentsOf: scan), Data("%PDF-1.4 scan".utf8), "the user's file is kept as it was")
        XCTAssertEqual(manifest.otherFiles, ["O34_signed_scan.pdf"])
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("manifest.json"))) as? [String: Any])
        XCTAssertEqual(json["other_files"] as? [String], ["O34_signed_scan.pdf"])
        XCTAssertEqual(Set(try FileManager.default.contentsOfDirectory(atPath: folder.path)),
                       ["O34_เทศบาลเมืองศรีสะเกษ_2568.docx", "O34_signed_scan.pdf", "manifest.json"],
                       "the analysis report and the ODT of the first bundle are gone: its manifest listed them")

        // The user's own file under a name the bundle writes: refused, nothing changed.
        let other = dir.appendingPathComponent("other")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        let mine = other.appendingPathComponent("O34_เทศบาลเมืองศรีสะเกษ_2568.docx")
        try Data("my own edit".utf8).write(to: mine)
        XCTAssertThrowsError(try bundle.write(loaded: loaded, dataURL: url, kinds: [.o34], formats: [.docx, .odt], into: other)) { error in
            XCTAssertTrue("\(error)".contains("O34_เทศบาลเมืองศรีสะเกษ_2568.docx is already there and not listed in manifest.json"), "\(error)")
        }
        XCTAssertEqual(try Data(contentsOf: mine), Data("my own edit".utf8))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: other.path), [mine.lastPathComponent], "nothing written, no staging left")

        // A manifest.json of someone else's: refused.
        let foreign = dir.appendingPathComponent("foreign")
        try FileManager.default.createDirectory(at: foreign, withIntermediateDirectories: true)
        try Data(#"{"files": [{"path": "precious.doc"}]}"#.utf8).write(to: foreign.appendingPathComponent("manifest.json"))
        try Data("x".utf8).write(to: foreign.appendingPathComponent("precious.doc"))
        XCTAssertThrowsError(try bundle.write(loaded: loaded, dataURL: url, kinds: [.o34], formats: [.docx], into: foreign)) { error in
            XCTAssertTrue("\(error)".contains("is not a manifest written by itareport"), "\(error)")
        }
        XCTAssertEqual(Set(try FileManager.default.contentsOfDirectory(atPath: foreign.path)), ["manifest.json", "precious.doc"])
    }

    /// The full bundle, PDF included: needs LibreOffice (and pdftotext to read the PDF back).
    func testBundleWithPDFHoldsTheOrganisationsName() throws {
        let converter = try BatchFixture.libreOffice()
        let dir = try BatchFixture.temporaryFolder(self, "bundle-pdf")
        let (loaded, url) = load("wangthong-2567.yaml")
        let data = try XCTUnwrap(loaded.data)
        let name = try XCTUnwrap(data.organization?.name)
        let kinds = try SubmissionBundle.kinds(for: data)
        let folder = dir.appendingPathComponent("bundle")
        let manifest = try SubmissionBundle(exporter: BatchFixture.exporter(pdf: converter)).write(
            loaded: loaded, dataURL: url, kinds: kinds, into: folder)
        try checkManifest(folder, organization: name, year: data.fiscalYear ?? 0,
                          items: Set(kinds.map { $0.itemCode ?? $0.rawValue }), formats: ["docx", "odt", "pdf"])
        for f in manifest.files where f.format == "pdf" {
            let text = try BatchFixture.pdfText(folder.appendingPathComponent(f.path))
            XCTAssertTrue(text.contains(name), "\(f.path) holds \(name)")
        }
    }

    /// PDF alone is converted from a temporary ODT, which is not left behind; PDF/A is marked as such.
    func testPDFOnlyAndPDFA() throws {
        var converter = try BatchFixture.libreOffice()
        converter.pdfA = true
        let dir = try BatchFixture.temporaryFolder(self, "pdfa")
        let (loaded, url) = load("sisaket-2568.yaml")
        let files = try BatchFixture.exporter(pdf: converter).export(loaded: loaded, dataURL: url, kinds: [.o34], formats: [.pdf],
                                                                     outputDirectory: dir).files
        XCTAssertEqual(files.map(\.format), [.pdf])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), [files[0].url.lastPathComponent])
        let pdf = try Data(contentsOf: files[0].url)
        XCTAssertNotNil(pdf.range(of: Data("pdfaid:part".utf8)), "PDF/A identification in the metadata")
        XCTAssertTrue(try BatchFixture.pdfText(files[0].url).contains("เทศบาลเมืองศรีสะเกษ"))
    }

    func testMissingLibreOfficeSaysHowToInstall() {
        XCTAssertThrowsError(try PDFConverter.locate(environment: ["PATH": "/nonexistent"], knownLocations: [])) { error in
            XCTAssertTrue("\(error)".contains("apt-get install libreoffice-writer-nogui"), "\(error)")
            XCTAssertTrue("\(error)".contains("make setup-test"), "\(error)")
        }
        XCTAssertThrowsError(try BatchFixture.exporter().export(
            loaded: ReportLoader.load(path: BatchFixture.example("sisaket-2568.yaml").path),
            dataURL: BatchFixture.example("sisaket-2568.yaml"), kinds: [.o34], formats: [.pdf],
            outputDirectory: FileManager.default.temporaryDirectory.appendingPathComponent("never-\(UUID().uuidString)")))
    }

    /// LibreOffice found in its install folder converts even when PATH lacks the system folders its
    /// start script needs (it used to fail with "dirname: not found", naming a temporary ODT).
    func testConversionWithLibreOfficeOffPATH() throws {
        _ = try BatchFixture.libreOffice()
        let installed = try XCTUnwrap(PDFConverter.knownLocations.first { FileManager.default.isExecutableFile(atPath: $0) },
                                      "LibreOffice is in none of \(PDFConverter.knownLocations)")
        let dir = try BatchFixture.temporaryFolder(self, "off-path")
        let (loaded, url) = load("wangthong-2567.yaml")
        let odt = try BatchFixture.exporter().export(loaded: loaded, dataURL: url, kinds: [.o35], formats: [.odt],
                                                     outputDirectory: dir).files[0].url
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        setenv("PATH", "/nonexistent", 1)
        defer { setenv("PATH", path, 1) }
        let converter = try PDFConverter.locate(environment: ["PATH": "/nonexistent"])
        XCTAssertEqual(converter.executable.path, installed)
        let pdf = dir.appendingPathComponent("off-path.pdf")
        XCTAssertNoThrow(try converter.convert(odt, to: pdf))
        XCTAssertTrue(FileManager.default.fileExists(atPath: pdf.path))
    }

    /// Conversions in parallel, each with its own LibreOffice profile, all succeed.
    func testParallelConversions() throws {
        let converter = try BatchFixture.libreOffice()
        let dir = try BatchFixture.temporaryFolder(self, "parallel")
        let (loaded, url) = load("wangthong-2567.yaml")
        let odt = try BatchFixture.exporter().export(loaded: loaded, dataURL: url, kinds: [.o35], formats: [.odt],
                                                     outputDirectory: dir).files[0].url
        let errors = LockedCounter()
        DispatchQueue.concurrentPerform(iterations: 3) { i in
            do { try converter.convert(odt, to: dir.appendingPathComponent("p\(i).pdf")) } catch { errors.add(i) }
        }
        XCTAssertEqual(errors.values, [])
        for i in 0..<3 { XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("p\(i).pdf").path)) }
    }
}
