import Foundation
@testable import ITAReports
import XCTest

/// A LibreOffice that hangs (a dialog on an office PC, a locked profile) is stopped with all it started,
/// and the documents are named as timed out; it is not tried again per document.
final class PDFTimeoutTests: XCTestCase {
    /// A stand-in `soffice`: a script that counts its runs, starts a child that would run for five
    /// minutes, writes the child's process id and waits.
    static func hangingOffice(in dir: URL) throws -> (program: URL, calls: URL, child: URL) {
        let program = dir.appendingPathComponent("soffice"), calls = dir.appendingPathComponent("calls")
        let child = dir.appendingPathComponent("child")
        let script = "#!/bin/sh\necho run >> '\(calls.path)'\nsleep 300 &\necho $! > '\(child.path)'\nwait\n"
        try script.write(to: program, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: program.path)
        return (program, calls, child)
    }

    /// Whether process `pid` still runs (a zombie waiting for its parent to collect it does not).
    static func runs(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return false }
        guard let close = stat.lastIndex(of: ")") else { return false }
        let state = stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).first
        return state != "Z" && state != "X"
    }

    func testAHangingLibreOfficeIsStoppedWithItsChildrenAndNotTriedAgain() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pdf-timeout-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let office = try Self.hangingOffice(in: dir)
        let source = dir.appendingPathComponent("a.odt")
        try Data("not looked at".utf8).write(to: source)
        let converter = PDFConverter(executable: office.program, timeout: 1, startup: 1)
        let jobs = (0..<3).map { PDFConverter.Job(source: source, destination: dir.appendingPathComponent("doc\($0).pdf")) }
        let failures = converter.convert(jobs, profile: try PDFProfile())
        XCTAssertEqual(failures.keys.sorted(), [0, 1, 2])
        for (i, failure) in failures {
            guard case let .timedOut(file, seconds) = failure else { return XCTFail("\(failure)") }
            XCTAssertEqual(file, jobs[i].destination.path)
            XCTAssertEqual(seconds, 4, "one second to start and one per document")
        }
        XCTAssertTrue(failures[0]!.description.contains("--pdf-timeout"), failures[0]!.description)
        let runs = try String(contentsOf: office.calls, encoding: .utf8).split(separator: "\n").count
        XCTAssertEqual(runs, 1, "a run that timed out before writing any PDF is not tried per document")
        let child = try XCTUnwrap(pid_t(try String(contentsOf: office.child, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        XCTAssertFalse(Self.runs(child), "the stand-in's child (LibreOffice's own process) is stopped with it")
        XCTAssertFalse(jobs.contains { FileManager.default.fileExists(atPath: $0.destination.path) })
    }
}
