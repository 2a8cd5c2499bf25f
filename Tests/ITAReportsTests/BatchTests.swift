import Foundation
import ITAKit
import ITAReports
import XCTest

final class BatchTests: XCTestCase {
    /// `count` data files made from the examples, each with its own organisation name.
    private func dataFolder(_ count: Int) throws -> URL {
        let dir = try BatchFixture.temporaryFolder(self, "batch-in")
        try FileManager.default.copyItem(at: BatchFixture.examples.appendingPathComponent("images"), to: dir.appendingPathComponent("images"))
        let examples = try FileManager.default.contentsOfDirectory(atPath: BatchFixture.examples.path).filter { $0.hasSuffix(".yaml") }.sorted()
        for i in 0..<count {
            let text = try String(contentsOf: BatchFixture.example(examples[i % examples.count]), encoding: .utf8)
            let renamed = text.replacingOccurrences(of: "\n  name: ", with: "\n  name: หน่วยงานทดสอบ\(i + 1) ", options: [], range: text.range(of: "\n  name: "))
            try renamed.write(to: dir.appendingPathComponent(String(format: "org%02d.yaml", i + 1)), atomically: true, encoding: .utf8)
        }
        return dir
    }

    private func jobs(in folder: URL) throws -> [BatchRunner.Job] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted().map { name in
            let url = folder.appendingPathComponent(name)
            return BatchRunner.Job(name: name, folder: String(name.dropLast(5))) { (ReportLoader.load(path: url.path), url) }
        }
    }

    private func allFiles(under dir: URL) -> [String] {
        (FileManager.default.enumerator(atPath: dir.path)?.allObjects as? [String] ?? []).sorted()
    }

    func testTwentyDataFilesInBothFormats() throws {
        let input = try dataFolder(20)
        let output = try BatchFixture.temporaryFolder(self, "batch-out")
        let runner = BatchRunner(exporter: BatchFixture.exporter(), formats: [.docx, .odt], outputDirectory: output, workers: 4)
        let seen = LockedCounter()
        let outcomes = try runner.run(try jobs(in: input)) { p in seen.add(p.finished) }
        XCTAssertEqual(outcomes.count, 20)
        XCTAssertEqual(outcomes.filter { !$0.succeeded }.map { "\($0.name): \($0.failure ?? "")" }, [])
        XCTAssertEqual(seen.values.sorted(), Array(1...20), "one progress report per organisation")
        for (i, o) in outcomes.enumerated() {
            XCTAssertEqual(o.folder.lastPathComponent, String(format: "org%02d", i + 1))
            XCTAssertEqual(Set(o.files.map(\.pathExtension)), ["docx", "odt"])
            for f in o.files {
                XCTAssertTrue(FileManager.default.fileExists(atPath: f.path))
                // Documents written in Thai digits show the number in Thai digits.
                let thai = String(String(i + 1).map { Character(UnicodeScalar(0x0E50 + Int($0.wholeNumberValue!))!) })
                let body = try BatchFixture.documentText(f)
                XCTAssertTrue(body.contains("หน่วยงานทดสอบ\(i + 1) ") || body.contains("หน่วยงานทดสอบ\(thai) "), f.lastPathComponent)
            }
        }
        XCTAssertFalse(allFiles(under: output).contains { $0.contains(".itareport-staging") || $0.hasSuffix(".tmp") },
                       "no staging or temporary files are left")
    }

    /// A small batch with PDF: each organisation's PDF opens in pdftotext and names it.
    func testBatchWithPDF() throws {
        let converter = try BatchFixture.libreOffice()
        let input = try dataFolder(2)
        let output = try BatchFixture.temporaryFolder(self, "batch-pdf")
        let outcomes = try BatchRunner(exporter: BatchFixture.exporter(pdf: converter), formats: [.pdf],
                                       outputDirectory: output, workers: 2).run(try jobs(in: input))
        XCTAssertEqual(outcomes.compactMap(\.failure), [])
        for (i, o) in outcomes.enumerated() {
            XCTAssertFalse(o.files.isEmpty)
            XCTAssertEqual(Set(o.files.map(\.pathExtension)), ["pdf"])
            let thai = String(String(i + 1).map { Character(UnicodeScalar(0x0E50 + Int($0.wholeNumberValue!))!) })
            for pdf in o.files {
                // pdftotext breaks long Thai lines and spaces out some words: compare without white space.
                let text = try BatchFixture.pdfText(pdf).filter { !$0.isWhitespace }
                XCTAssertTrue(text.contains("หน่วยงานทดสอบ\(i + 1)") || text.contains("หน่วยงานทดสอบ\(thai)"), pdf.lastPathComponent)
            }
        }
    }

    func testABrokenFileIsReportedAndTheOthersWritten() throws {
        let input = try dataFolder(5)
        try "fiscal_year: 2568\norganization: {name: พัง\n".write(to: input.appendingPathComponent("org03.yaml"), atomically: true, encoding: .utf8)
        // A file that loads but cannot be filled: a score out of range.
        let bad = try String(contentsOf: input.appendingPathComponent("org04.yaml"), encoding: .utf8)
        try bad.replacingOccurrences(of: "fiscal_year: ", with: "fiscal_year: 1").write(to: input.appendingPathComponent("org04.yaml"), atomically: true, encoding: .utf8)
        let output = try BatchFixture.temporaryFolder(self, "batch-out")
        let outcomes = try BatchRunner(exporter: BatchFixture.exporter(), formats: [.docx, .odt], outputDirectory: output, workers: 3)
            .run(try jobs(in: input))
        let failed = outcomes.filter { !$0.succeeded }
        XCTAssertEqual(failed.map(\.name), ["org03.yaml", "org04.yaml"])
        XCTAssertTrue(failed[0].failure?.contains("org03.yaml:") == true, failed[0].failure ?? "")
        XCTAssertTrue(failed[0].failure?.contains("YAML") == true, failed[0].failure ?? "")
        XCTAssertTrue(failed[1].failure?.contains("fiscal_year") == true, failed[1].failure ?? "")
        let written = try FileManager.default.contentsOfDirectory(atPath: output.path).filter { !$0.hasPrefix(".") }.sorted()
        XCTAssertEqual(written, ["org01", "org02", "org05"], "a failed organisation leaves nothing")
        XCTAssertFalse(allFiles(under: output).contains { $0.contains("org03") || $0.contains("org04") })
    }

    /// Running a batch again into the same folder: files of the earlier run that this run no longer writes
    /// are removed (its manifest lists them), a file the user put in an organisation's folder stays and is
    /// named in the manifest, and a user's file under a name the batch writes stops that organisation only.
    func testABatchAgainReplacesOnlyWhatItWrote() throws {
        let input = try dataFolder(3)
        let output = try BatchFixture.temporaryFolder(self, "batch-again")
        let first = try BatchRunner(exporter: BatchFixture.exporter(), formats: [.docx, .odt], outputDirectory: output, workers: 2)
            .run(try jobs(in: input))
        XCTAssertTrue(first.allSatisfy(\.succeeded))
        let org1 = output.appendingPathComponent("org01"), org2 = output.appendingPathComponent("org02")
        let scan = org1.appendingPathComponent("signed-O34.pdf")
        try Data("%PDF scan".utf8).write(to: scan)
        // In org02, the user's own file where the batch writes its DOCX (the earlier manifest is gone).
        try FileManager.default.removeItem(at: org2.appendingPathComponent("manifest.json"))
        let docx2 = try XCTUnwrap(first[1].files.first { $0.pathExtension == "docx" })
        try Data("edited by hand".utf8).write(to: docx2)

        let second = try BatchRunner(exporter: BatchFixture.exporter(), formats: [.docx], outputDirectory: output, workers: 2)
            .run(try jobs(in: input))
        XCTAssertEqual(second.map(\.succeeded), [true, false, true])
        // Every DOCX of org02 is unlisted now (its manifest is gone): the message names each of them.
        let failure = second[1].failure ?? ""
        XCTAssertTrue(failure.contains("already there and not listed in manifest.json"), failure)
        XCTAssertTrue(failure.contains(docx2.lastPathComponent), failure)
        XCTAssertEqual(try Data(contentsOf: docx2), Data("edited by hand".utf8))
        let in1 = Set(try FileManager.default.contentsOfDirectory(atPath: org1.path))
        XCTAssertEqual(in1, Set(second[0].files.map(\.lastPathComponent) + ["manifest.json", "signed-O34.pdf"]),
                       "the ODTs of the first run are gone, the scan stays")
        XCTAssertFalse(in1.contains { $0.hasSuffix(".odt") })
        let manifest = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: org1.appendingPathComponent("manifest.json"))) as? [String: Any])
        XCTAssertEqual(manifest["other_files"] as? [String], ["signed-O34.pdf"])
        XCTAssertEqual((manifest["files"] as? [[String: Any]])?.compactMap { $0["format"] as? String }.sorted(), second[0].files.map { _ in "docx" })
        XCTAssertFalse(allFiles(under: output).contains { $0.contains(".itareport-") }, "no scratch file left")
    }

    /// Staging folders left by a batch that was killed are cleared by the next batch into that folder;
    /// one of a batch still running is left alone.
    func testStagingOfAKilledBatchIsClearedNextTime() throws {
        let input = try dataFolder(1)
        let output = try BatchFixture.temporaryFolder(self, "batch-out")
        let gone = Process()
        gone.executableURL = URL(fileURLWithPath: "/bin/true")
        try gone.run()
        gone.waitUntilExit()
        let abandoned = output.appendingPathComponent(".itareport-staging-\(gone.processIdentifier)-dead0001")
        let running = output.appendingPathComponent(".itareport-staging-1-init0001")  // pid 1 always runs
        for d in [abandoned, running] {
            try FileManager.default.createDirectory(at: d.appendingPathComponent("half-written"), withIntermediateDirectories: true)
        }
        let outcomes = try BatchRunner(exporter: BatchFixture.exporter(), formats: [.docx], outputDirectory: output, workers: 1)
            .run(try jobs(in: input))
        XCTAssertTrue(outcomes.allSatisfy(\.succeeded))
        let left = try FileManager.default.contentsOfDirectory(atPath: output.path).filter { $0.hasPrefix(".") }
        XCTAssertEqual(left, [running.lastPathComponent], "the abandoned staging folder is removed, the running one kept")
    }

    /// An output folder that cannot be made (a file stands in its path) is named with the system's reason and
    /// what to do, by generate, bundle and batch alike (they used to print Foundation's "error 512" dump).
    func testAnOutputFolderThatCannotBeMadeIsNamed() throws {
        let dir = try BatchFixture.temporaryFolder(self, "unwritable")
        let blocker = dir.appendingPathComponent("a-file")
        try Data("x".utf8).write(to: blocker)
        let output = blocker.appendingPathComponent("out")
        let url = BatchFixture.example("sisaket-2568.yaml")
        let loaded = ReportLoader.load(path: url.path)
        func check(_ error: Error, _ what: String) {
            XCTAssertTrue("\(error)".hasPrefix(output.path + ": cannot create the folder to write into (Not a directory); choose another --output folder"),
                          "\(what): \(error)")
        }
        XCTAssertThrowsError(try BatchFixture.exporter().export(loaded: loaded, dataURL: url, kinds: [.o34], formats: [.docx],
                                                                outputDirectory: output)) { check($0, "export") }
        XCTAssertThrowsError(try SubmissionBundle(exporter: BatchFixture.exporter()).write(
            loaded: loaded, dataURL: url, kinds: [.o34], formats: [.docx], into: output.appendingPathComponent("bundle"))) { check($0, "bundle") }
        XCTAssertThrowsError(try BatchRunner(exporter: BatchFixture.exporter(), formats: [.docx], outputDirectory: output)
            .run(try jobs(in: dataFolder(1)))) { check($0, "batch") }
    }

    func testCSVOfScoresWithABaseFile() throws {
        let dir = try BatchFixture.temporaryFolder(self, "batch-csv")
        let csv = """
            ชื่อหน่วยงาน,อำเภอ,จังหวัด,ind1,ind2,ind3,ind4,ind5,ind6,ind7,ind8,ind9,ind10,total,level
            เทศบาลตำบลทดสอบหนึ่ง,เมืองศรีสะเกษ,ศรีสะเกษ,100,100,100,100,100,98.71,98.81,98.76,93.25,95.00,97.28,ผ่านดี
            "องค์การบริหารส่วนตำบลทดสอบ, สอง",กันทรลักษ์,ศรีสะเกษ,๙๐,91,92,93,94,85,86,87,70.50,80.25,,
            เทศบาลตำบลทดสอบสาม,อุทุมพรพิสัย,ศรีสะเกษ,90,91,abc,93,94,85,86,87,70.5,80.25,,

            """
        let sheet = try ScoreSheet.parse(text: csv, file: "scores.csv")
        XCTAssertEqual(sheet.rows.count, 3)
        XCTAssertEqual(sheet.rows[1].name, "องค์การบริหารส่วนตำบลทดสอบ, สอง")
        XCTAssertEqual(sheet.rows[1].indicators[1], 90)
        XCTAssertEqual(sheet.rows[0].officialTotal, Decimal(string: "97.28"))
        XCTAssertNil(sheet.rows[0].problem)
        XCTAssertTrue(sheet.rows[2].problem?.contains("indicator 3 'abc'") == true)

        let baseURL = BatchFixture.example("sisaket-2568.yaml")
        let base = try XCTUnwrap(ReportLoader.load(path: baseURL.path).data)
        let jobs = sheet.rows.map { row in
            BatchRunner.Job(name: "scores.csv:\(row.line)", folder: "row\(row.line)") {
                if let p = row.problemMessage { throw ScoreSheetError(file: "scores.csv", line: row.line, message: p) }
                let text = DataFileWriter().text(for: ScoreSheet.data(for: row, base: base))
                return (ReportLoader.load(text: text, file: "scores.csv:\(row.line)"), baseURL)
            }
        }
        let output = dir.appendingPathComponent("out")
        let outcomes = try BatchRunner(exporter: BatchFixture.exporter(), formats: [.docx, .odt], outputDirectory: output).run(jobs)
        XCTAssertEqual(outcomes.map(\.succeeded), [true, true, false])
        XCTAssertTrue(outcomes[2].failure?.contains("scores.csv:4") == true)
        for (o, row) in zip(outcomes.prefix(2), sheet.rows) {
            XCTAssertEqual(Set(o.files.map(\.pathExtension)), ["docx", "odt"])
            for f in o.files where f.lastPathComponent.hasPrefix("O34") {
                let body = try BatchFixture.documentText(f)
                XCTAssertTrue(body.contains(row.name), "\(f.lastPathComponent) names its organisation")
                XCTAssertFalse(body.contains("เทศบาลเมืองศรีสะเกษ"), "nothing of the base organisation's name")
            }
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.appendingPathComponent("row4").path))
    }

    func testCSVWithoutHeaderAndItsErrors() throws {
        let sheet = try ScoreSheet.parse(text: "อบต.ก,ข,ค,1,2,3,4,5,6,7,8,9,10\r\n", file: "s.csv")
        XCTAssertEqual(sheet.rows.first?.indicators.count, 10)
        XCTAssertEqual(sheet.rows.first?.line, 1)
        XCTAssertThrowsError(try ScoreSheet.parse(text: "name,district,foo\n", file: "s.csv")) {
            XCTAssertTrue("\($0)".contains("unknown column 'foo'"), "\($0)")
        }
        XCTAssertThrowsError(try ScoreSheet.parse(text: "name,district,province,1,2,3\nก,ข,ค,1,2,3\n", file: "s.csv")) {
            XCTAssertTrue("\($0)".contains("s.csv:1"), "\($0)")
        }
        XCTAssertThrowsError(try ScoreSheet.parse(text: "\"unclosed,1\n", file: "s.csv"))
        // Without a header a row must be laid out exactly: twelve values are refused with the layout, not read as nine scores.
        let short = try ScoreSheet.parse(text: "ก,ข,ค,1,2,3,4,5,6,7,8,9\n", file: "s.csv")
        XCTAssertTrue(short.rows[0].problem?.contains("the row has 12 values") == true, short.rows[0].problem ?? "")
        XCTAssertTrue(short.rows[0].problem?.contains("name, district, province, the ten indicator scores") == true, short.rows[0].problem ?? "")
    }
}

/// Collects values from several threads.
final class LockedCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [Int] = []
    func add(_ v: Int) { lock.lock(); stored.append(v); lock.unlock() }
    var values: [Int] { lock.lock(); defer { lock.unlock() }; return stored }
}
