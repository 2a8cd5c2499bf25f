import Foundation
import ITAKit
import ITAReports
import XCTest

/// A batch shows each organisation's warnings: counted in its progress, all of them in the log
/// in the output folder, and summed up at the end.
final class BatchWarningsTests: XCTestCase {
    func testAnOfficialTotalThatDiffersIsCountedLoggedAndSummed() throws {
        let dir = try BatchFixture.temporaryFolder(self, "batch-warnings")
        // Row 2's official total (98.79) is not what its indicators give (98.97); row 3 agrees with them.
        let csv = """
            name,district,province,1,2,3,4,5,6,7,8,9,10,total,level
            เทศบาลตำบลทดสอบหนึ่ง,เมือง,ศรีสะเกษ,99.39,97.71,97.65,98.21,98.82,98.97,99.09,96.60,100,100,98.79,ผ่านดีเยี่ยม
            เทศบาลตำบลทดสอบสอง,เมือง,ศรีสะเกษ,99.39,97.71,97.65,98.21,98.82,98.97,99.09,96.60,100,100,98.97,ผ่านดีเยี่ยม

            """
        let sheet = try ScoreSheet.parse(text: csv, file: "scores.csv")
        let baseURL = BatchFixture.example("sisaket-2568.yaml")
        let base = try XCTUnwrap(ReportLoader.load(path: baseURL.path).data)
        let jobs = sheet.rows.map { row in
            BatchRunner.Job(name: "scores.csv:\(row.line)", folder: "row\(row.line)") {
                let text = DataFileWriter().text(for: ScoreSheet.data(for: row, base: base))
                return (ReportLoader.load(text: text, file: "scores.csv:\(row.line)"), baseURL)
            }
        }
        let output = dir.appendingPathComponent("out")
        let seen = WarningCounts()
        let outcomes = try BatchRunner(exporter: BatchFixture.exporter(), formats: [.docx], selection: .all, outputDirectory: output, workers: 1)
            .run(jobs) { seen.add($0.last.name, $0.last.warnings.count, $0.warnings) }
        XCTAssertEqual(outcomes.map(\.succeeded), [true, true])

        let differs = outcomes[0].dataWarnings.filter { $0.kind == .officialTotalDiffers }
        XCTAssertEqual(differs.count, 1)
        XCTAssertTrue(outcomes[0].warnings.contains { $0.contains("the official total 98.79 differs from the computed total 98.97") },
                      outcomes[0].warnings.joined(separator: "\n"))
        XCTAssertFalse(outcomes[1].dataWarnings.contains { $0.kind == .officialTotalDiffers })
        XCTAssertEqual(seen.perJob["scores.csv:2"], outcomes[0].warnings.count)
        XCTAssertEqual(seen.lastTotal, outcomes.reduce(0) { $0 + $1.warnings.count }, "the progress keeps a running total")

        let log = try BatchLog.write(outcomes, into: output)
        XCTAssertEqual(log.lastPathComponent, "itareport-batch.log")
        let text = try String(contentsOf: log, encoding: .utf8)
        XCTAssertTrue(text.contains("== scores.csv:2: \(outcomes[0].warnings.count) warning(s), written to row2"), text)
        for w in outcomes.flatMap(\.warnings) { XCTAssertTrue(text.contains(w), "the log holds every warning: \(w)") }
        XCTAssertTrue(text.contains("scores.csv:2:"), "warnings keep their place in the data")

        let summary = BatchLog.summary(outcomes, log: log)
        XCTAssertTrue(summary.first?.hasPrefix("warnings: \(outcomes.reduce(0) { $0 + $1.warnings.count }) in ") == true, "\(summary)")
        XCTAssertTrue(summary.first?.hasSuffix("all listed in \(log.path)") == true, "\(summary)")
        XCTAssertTrue(summary.contains { $0.contains("officialTotalDiffers 1") }, "\(summary)")
    }

    func testALogOfACleanBatchSaysSo() {
        let clean = BatchRunner.Outcome(name: "a.yaml", folder: URL(fileURLWithPath: "/tmp/a"), files: [], failure: nil,
                                        warnings: [], dataWarnings: [], seconds: 0)
        XCTAssertEqual(BatchLog.text([clean]), "# itareport batch: 1 organisation(s), 0 warning(s), 0 failed\nno warnings\n")
        XCTAssertEqual(BatchLog.summary([clean], log: nil), [])
    }
}

/// Progress reports seen, from the batch's threads.
final class WarningCounts: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var perJob: [String: Int] = [:]
    private(set) var lastTotal = 0

    func add(_ name: String, _ count: Int, _ total: Int) {
        lock.lock(); defer { lock.unlock() }
        perJob[name] = count
        lastTotal = total
    }
}

extension BatchWarningsTests {
    /// The log written as the jobs finish, in any order, is the log written from all the outcomes at the
    /// end, and the summary from its counts is the same; nothing of it is left behind but the log.
    func testTheLogWrittenAsJobsFinishIsTheWholeLog() throws {
        let dir = try BatchFixture.temporaryFolder(self, "batch-log-stream")
        let warning = Diagnostic(.warning, .provisionalRubric, file: "s.csv", line: 1, column: 1, path: "assessment",
                                 message: "a provisional rubric")
        var outcomes: [BatchRunner.Outcome] = []
        for i in 0..<40 {
            let data = i % 3 == 0 ? [warning] : []
            let failure: Message? = i % 7 == 5 ? Message("batch.unreadable") : nil
            outcomes.append(BatchRunner.Outcome(name: "s.csv:\(i + 1)", folder: dir.appendingPathComponent("org\(i)"),
                                                files: failure == nil ? [dir.appendingPathComponent("org\(i)/a.docx")] : [],
                                                failure: failure, warnings: data.map(\.description) + (i % 4 == 0 ? ["a.docx: fill \(i)"] : []),
                                                dataWarnings: data, seconds: 0))
        }
        let stream = try BatchLog.Stream(directory: dir)
        // Finished out of order, as workers finish them.
        var order = Array(outcomes.indices)
        for i in stride(from: 0, to: order.count - 1, by: 2) { order.swapAt(i, i + 1) }
        order.swapAt(0, 30)
        for i in order { stream.add(i, outcomes[i]) }
        let url = try stream.finish()
        let whole = BatchLog.text(outcomes)
        XCTAssertTrue(whole.contains("== s.csv:6: 0 warning(s), FAILED") && whole.contains("a.docx: fill 4"), whole)
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), whole)
        XCTAssertEqual(stream.tally.summary(log: url), BatchLog.summary(outcomes, log: url))
        XCTAssertEqual(stream.tally.files, outcomes.reduce(0) { $0 + $1.files.count })
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), [BatchLog.fileName], "no scratch file left")
    }

    /// Without details, the outcomes a batch returns keep the name, folder and failure only; the
    /// progress still sees each whole outcome.
    func testABatchWithoutDetailsKeepsOnlyNamesAndFailures() throws {
        let dir = try BatchFixture.temporaryFolder(self, "batch-slim")
        let url = BatchFixture.example("sisaket-2568.yaml")
        let jobs = (1...3).map { n in
            BatchRunner.Job(name: "job\(n)", folder: "org\(n)") {
                if n == 2 { throw CocoaError(.fileReadCorruptFile) }
                return (ReportLoader.load(path: url.path), url)
            }
        }
        let seen = WarningCounts()
        let outcomes = try BatchRunner(exporter: BatchFixture.exporter(), formats: [.docx], selection: .all,
                                       outputDirectory: dir, workers: 2)
            .run(jobs, keepDetails: false) { seen.add($0.last.name, $0.last.files.count, $0.warnings) }
        XCTAssertEqual(outcomes.map(\.name), ["job1", "job2", "job3"])
        XCTAssertEqual(outcomes.map(\.succeeded), [true, false, true])
        XCTAssertTrue(outcomes.allSatisfy { $0.files.isEmpty && $0.warnings.isEmpty && $0.dataWarnings.isEmpty })
        XCTAssertEqual(seen.perJob["job1"], 2, "the progress saw the files written (O34 and the analysis report)")
    }
}
