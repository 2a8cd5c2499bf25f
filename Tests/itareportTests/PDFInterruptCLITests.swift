import Foundation
import XCTest

/// `generate --format pdf` with a LibreOffice that hangs: stopped after `--pdf-timeout`, and when the
/// tool itself is stopped (Ctrl-C, `kill`) it takes that LibreOffice and its profile folder with it.
final class PDFInterruptCLITests: XCTestCase {
    static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Examples/wangthong-2567.yaml")

    /// A stand-in `soffice` that starts a long child, writes its process id and waits.
    func hangingOffice(_ dir: URL) throws -> (program: URL, child: URL) {
        let program = dir.appendingPathComponent("soffice"), child = dir.appendingPathComponent("child")
        try "#!/bin/sh\nsleep 300 &\necho $! > '\(child.path)'\nwait\n".write(to: program, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: program.path)
        return (program, child)
    }

    func folder(_ name: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    /// Whether process `pid` still runs (a zombie waiting to be collected does not).
    func runs(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        let state = stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).first
        return state != "Z" && state != "X"
    }

    func testStoppingTheToolStopsItsLibreOfficeAndRemovesItsProfile() throws {
        let dir = try folder("pdf-interrupt")
        let office = try hangingOffice(dir)
        let p = Process()
        p.executableURL = CLITests.productsDirectory.appendingPathComponent("itareport")
        p.arguments = ["generate", Self.example.path, "--format", "pdf", "--soffice", office.program.path,
                       "--output", dir.appendingPathComponent("out").path]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        let deadline = Date().addingTimeInterval(120)
        while !FileManager.default.fileExists(atPath: office.child.path) && p.isRunning && Date() < deadline { usleep(50_000) }
        usleep(200_000)  // the child's id is written whole
        let child = try XCTUnwrap(pid_t(try String(contentsOf: office.child, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)),
                                  "the stand-in LibreOffice was started")
        XCTAssertTrue(runs(child))
        kill(p.processIdentifier, SIGTERM)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 128 + SIGTERM)
        XCTAssertFalse(runs(child), "LibreOffice's process is stopped with the tool")
        let tmp = FileManager.default.temporaryDirectory.path
        let profiles = try FileManager.default.contentsOfDirectory(atPath: tmp).filter { $0.hasPrefix("itareport-pdf-\(p.processIdentifier)-") }
        XCTAssertEqual(profiles, [], "the profile folder is removed")
    }

    func testAHangingLibreOfficeEndsInAnErrorAfterTheTimeout() throws {
        let dir = try folder("pdf-hang")
        let office = try hangingOffice(dir)
        let binary = CLITests.productsDirectory.appendingPathComponent("itareport").path
        let out = dir.appendingPathComponent("out").path
        let r = try XCTUnwrap(RealClients.run(binary, ["generate", Self.example.path, "--format", "pdf", "--soffice", office.program.path,
                                                       "--pdf-timeout", "1", "--output", out], timeout: 200))
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("LibreOffice took more than 61 s"), r.stderr)
        XCTAssertTrue(r.stderr.contains("--pdf-timeout"), r.stderr)
        let child = try XCTUnwrap(pid_t(try String(contentsOf: office.child, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        XCTAssertFalse(runs(child))
        let bad = try XCTUnwrap(RealClients.run(binary, ["generate", Self.example.path, "--format", "pdf", "--pdf-timeout", "0", "--output", out]))
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.stderr.contains("--pdf-timeout takes seconds per document, from 1 to 3600, not 0"), bad.stderr)
    }
}
