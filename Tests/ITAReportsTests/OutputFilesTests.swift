import Foundation
import ITAKit
@testable import ITAReports
import XCTest

/// Names of the files written, the scratch files behind them, and what a failed run leaves.
final class OutputFilesTests: XCTestCase {
    private let longThai = String(repeating: "องค์การบริหารส่วนตำบล", count: 4) + "หนองบัวใหญ่"  // 92 characters

    func testLongNamesAreCutAtALetterWithAHash() {
        let name = SafeFileName.from(longThai)
        XCTAssertGreaterThan(name.utf8.count, 200)
        let cut = SafeFileName.fit(name, maxBytes: 120)
        XCTAssertLessThanOrEqual(cut.utf8.count, 120)
        XCTAssertTrue(cut.range(of: #"~[0-9a-f]{6}$"#, options: .regularExpression) != nil, cut)
        // At a letter: the kept part is a prefix of whole characters (a vowel or tone mark stays with its letter).
        let kept = String(cut.dropLast(7))
        XCTAssertTrue(name.hasPrefix(kept))
        XCTAssertEqual(Array(name.prefix(kept.count)), Array(kept))
        XCTAssertFalse(kept.last.map { $0.unicodeScalars.first!.properties.generalCategory == .nonspacingMark } ?? false)
        XCTAssertNotEqual(SafeFileName.fit(name + "ก", maxBytes: 120), SafeFileName.fit(name + "ข", maxBytes: 120),
                          "two names differing past the cut stay different")
        XCTAssertEqual(SafeFileName.fit("สั้น", maxBytes: 120), "สั้น", "a short name is left as it is")
    }

    /// An organisation name of about 90 Thai letters: every format is written (the name was too long for
    /// the temporary file names before), each name within the file system's limit and sharing one stem.
    func testAnOrganisationWithAVeryLongThaiName() throws {
        let dir = try BatchFixture.temporaryFolder(self, "longname")
        let source = try String(contentsOf: BatchFixture.example("sisaket-2568.yaml"), encoding: .utf8)
        let text = source.replacingOccurrences(of: "เทศบาลเมืองศรีสะเกษ", with: longThai)
        let dataURL = dir.appendingPathComponent("long.yaml")
        try text.write(to: dataURL, atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(at: BatchFixture.examples.appendingPathComponent("images"), to: dir.appendingPathComponent("images"))
        let loaded = ReportLoader.load(path: dataURL.path)
        let files = try BatchFixture.exporter().export(loaded: loaded, dataURL: dataURL, kinds: [.o34], formats: [.docx, .odt],
                                                        outputDirectory: dir.appendingPathComponent("out")).files
        XCTAssertEqual(files.count, 2)
        let stems = Set(files.map { $0.url.deletingPathExtension().lastPathComponent })
        XCTAssertEqual(stems.count, 1, "\(stems)")
        for f in files {
            XCTAssertLessThanOrEqual(f.url.lastPathComponent.utf8.count, 255)
            XCTAssertTrue(f.url.lastPathComponent.hasPrefix("O34_องค์การบริหารส่วนตำบล"))
            XCTAssertTrue(try BatchFixture.documentText(f.url).contains(longThai), "the document holds the whole name")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("out").path).count, 2, "no scratch file left")
    }

    /// What a killed run left (its scratch folder, a half-written package, libzip's temporary file) is
    /// removed by the next run into the folder; the scratch files of a running process and other hidden
    /// files are not.
    func testScratchFilesOfAKilledRunAreRemovedNextTime() throws {
        let dir = try BatchFixture.temporaryFolder(self, "scratch")
        let gone = Process()
        gone.executableURL = URL(fileURLWithPath: "/bin/true")
        try gone.run()
        gone.waitUntilExit()
        let dead = gone.processIdentifier
        let leftovers = [".itareport-\(dead)-0a1b2c3d", ".itareport-\(dead)-0a1b2c3d.docx",
                         "..itareport-\(dead)-0a1b2c3d.docx.9f8e7d6c.tmp", "..itareport-\(dead)-0a1b2c3d.docx.9f8e7d6c.tmp.Ab12Cd",
                         ".itareport-staging-\(dead)-0a1b2c3d"]
        let kept = [".itareport-1-0a1b2c3d.docx", ".itareport-notes", ".hidden", "O34_x_2568.docx", ".itareport-12x-3"]
        for name in leftovers + kept { try Data("x".utf8).write(to: dir.appendingPathComponent(name)) }
        XCTAssertEqual(ScratchFiles.owner(of: "..itareport-\(dead)-0a1b2c3d.docx.9f8e7d6c.tmp.Ab12Cd"), dead)
        XCTAssertNil(ScratchFiles.owner(of: ".itareport-notes"))
        let loaded = ReportLoader.load(path: BatchFixture.example("sisaket-2568.yaml").path)
        _ = try BatchFixture.exporter().export(loaded: loaded, dataURL: BatchFixture.example("sisaket-2568.yaml"), kinds: [.o34],
                                               formats: [.odt], outputDirectory: dir)
        XCTAssertEqual(Set(try FileManager.default.contentsOfDirectory(atPath: dir.path)),
                       Set(kept + ["O34_เทศบาลเมืองศรีสะเกษ_2568.odt"]))
    }

    /// A run that fails part-way (here the second template is not a package) leaves none of its documents,
    /// and the files already in the folder stay as they were.
    func testAFailedRunLeavesNoPartialFile() throws {
        let dir = try BatchFixture.temporaryFolder(self, "partial")
        let custom = dir.appendingPathComponent("mine")
        try FileManager.default.createDirectory(at: custom, withIntermediateDirectories: true)
        try Data("not a zip".utf8).write(to: custom.appendingPathComponent("analysis-2568.odt"))
        let out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let earlier = out.appendingPathComponent("O34_เทศบาลเมืองศรีสะเกษ_2568.docx")
        try Data("earlier".utf8).write(to: earlier)
        let exporter = ReportExporter(generator: ReportGenerator(templates: TemplateSet(custom: .folder(custom), shipped: { BatchFixture.templates })))
        let url = BatchFixture.example("sisaket-2568.yaml")
        XCTAssertThrowsError(try exporter.export(loaded: ReportLoader.load(path: url.path), dataURL: url, kinds: [.o34, .analysis],
                                                 formats: [.docx, .odt], outputDirectory: out)) { error in
            XCTAssertTrue("\(error)".contains("analysis-2568.odt"), "\(error)")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.path), [earlier.lastPathComponent])
        XCTAssertEqual(try Data(contentsOf: earlier), Data("earlier".utf8))
    }

    /// A write that fails names the file asked for, not a scratch file.
    func testAWriteFailureNamesTheFileAskedFor() throws {
        let dir = try BatchFixture.temporaryFolder(self, "readonly")
        let out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        // A folder where the document should go: the final rename fails.
        let blocker = out.appendingPathComponent("O34_เทศบาลเมืองศรีสะเกษ_2568.odt")
        try FileManager.default.createDirectory(at: blocker.appendingPathComponent("inside"), withIntermediateDirectories: true)
        let url = BatchFixture.example("sisaket-2568.yaml")
        XCTAssertThrowsError(try BatchFixture.exporter().export(loaded: ReportLoader.load(path: url.path), dataURL: url, kinds: [.o34],
                                                                formats: [.odt], outputDirectory: out)) { error in
            XCTAssertTrue("\(error)".hasPrefix(blocker.path + ": cannot write the document"), "\(error)")
            XCTAssertFalse("\(error)".contains(".itareport-"), "\(error)")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.path), [blocker.lastPathComponent])
    }

    func testAPathThatIsNotARegularFileIsSaidPlainly() throws {
        let dir = try BatchFixture.temporaryFolder(self, "fifo")
        let fifo = dir.appendingPathComponent("data.yaml")
        XCTAssertEqual(mkfifo(fifo.path, 0o600), 0)
        for (path, what) in [(fifo.path, "a named pipe (FIFO)"), ("/dev/zero", "a character device"), (dir.path, "a folder")] {
            XCTAssertThrowsError(try RegularFile.check(path, role: .dataFile)) { error in
                XCTAssertTrue("\(error)".hasPrefix("\(path): this is \(what), not a"), "\(error)")
            }
        }
        XCTAssertNoThrow(try RegularFile.check(dir.appendingPathComponent("none.yaml").path, role: .dataFile),
                         "a missing file is left to the reader's own message")
        XCTAssertNoThrow(try RegularFile.check(BatchFixture.example("sisaket-2568.yaml").path, role: .dataFile))
    }
}
