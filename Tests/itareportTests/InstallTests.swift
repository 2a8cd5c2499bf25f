import Foundation
import XCTest

/// `make install` as a user runs it: the installed program, called by name from another folder with only
/// its `bin` on PATH and nothing else in the environment, prints its version and writes documents.
final class InstallTests: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Runs `program` in `folder` with exactly `environment`.
    func run(_ program: String, _ args: [String], in folder: URL, environment: [String: String]) throws -> Run {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: program)
        p.arguments = args
        p.environment = environment
        p.currentDirectoryURL = folder
        let out = folder.appendingPathComponent(".out-\(UUID().uuidString)"), err = folder.appendingPathComponent(".err-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: out); try? FileManager.default.removeItem(at: err) }
        p.standardOutput = try FileHandle(forWritingTo: out)
        p.standardError = try FileHandle(forWritingTo: err)
        p.standardInput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        return Run(status: p.terminationStatus, stdout: try String(contentsOf: out, encoding: .utf8), stderr: try String(contentsOf: err, encoding: .utf8))
    }

    func temporaryFolder(_ name: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("itareport-\(name)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    func testMakeInstallThenRunByNameFromAnotherFolder() throws {
        let prefix = try temporaryFolder("prefix")
        let built = CLITests.productsDirectory
        // The build is the test's own (debug); `make install` builds release first and then does the same step.
        let make = try run("/usr/bin/make", ["-s", "install-built", "PREFIX=\(prefix.path)", "BUILD_DIR=\(built.path)"],
                           in: Self.repository, environment: ["PATH": "/usr/bin:/bin"])
        XCTAssertEqual(make.status, 0, make.stderr)
        let bin = prefix.appendingPathComponent("bin")
        XCTAssertTrue(FileManager.default.fileExists(atPath: prefix.appendingPathComponent("share/itareport/Templates/o34-2567.docx").path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: prefix.appendingPathComponent("lib/itareport/ITAReport_ITAKit.resources").path),
                      "the catalog resources are installed beside the program")

        let work = try temporaryFolder("user")
        try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("Examples/sisaket-2568.yaml"), to: work.appendingPathComponent("sisaket-2568.yaml"))
        try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("Examples/images"), to: work.appendingPathComponent("images"))
        let env = ["PATH": bin.path]
        let version = try run(bin.appendingPathComponent("itareport").path, ["--version"], in: work, environment: env)
        XCTAssertEqual(version.status, 0, version.stderr)
        XCTAssertTrue(version.stdout.range(of: #"^\d+\.\d+\.\d+"#, options: .regularExpression) != nil, version.stdout)

        // Called by name, as a shell on PATH would: argv[0] is the bare name.
        let generate = try run("/usr/bin/env", ["itareport", "generate", "sisaket-2568.yaml", "--output", "out"], in: work, environment: env)
        XCTAssertEqual(generate.status, 0, generate.stderr)
        // The folder's own bookkeeping (.itareport-sources.json) is hidden and not a document written.
        let written = Set(try FileManager.default.contentsOfDirectory(atPath: work.appendingPathComponent("out").path).filter { !$0.hasPrefix(".") })
        XCTAssertTrue(written.isSuperset(of: ["O34_เทศบาลเมืองศรีสะเกษ_2568.docx", "O34_เทศบาลเมืองศรีสะเกษ_2568.odt"]), "\(written)")
        XCTAssertEqual(Set(generate.stdout.split(separator: "\n").map { URL(fileURLWithPath: String($0)).lastPathComponent }), written,
                       "it prints what it wrote")

        // Without the shipped templates, the error lists each place once and names the variable.
        try FileManager.default.moveItem(at: prefix.appendingPathComponent("share"), to: prefix.appendingPathComponent("moved"))
        let missing = try run("/usr/bin/env", ["itareport", "generate", "sisaket-2568.yaml", "--output", "out2"], in: work, environment: env)
        XCTAssertNotEqual(missing.status, 0)
        XCTAssertTrue(missing.stderr.contains("ITAREPORT_TEMPLATES (not set)"), missing.stderr)
        XCTAssertTrue(missing.stderr.contains(prefix.appendingPathComponent("share/itareport/Templates").path), missing.stderr)
        let listed = missing.stderr.components(separatedBy: "looked in: ").last?.components(separatedBy: ", then").first?
            .components(separatedBy: ", ") ?? []
        XCTAssertGreaterThan(listed.count, 1)
        XCTAssertEqual(listed.count, Set(listed).count, "each place once: \(listed)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: work.appendingPathComponent("out2").path))

        // ITAREPORT_TEMPLATES is the next place looked in.
        let named = try run("/usr/bin/env", ["itareport", "generate", "sisaket-2568.yaml", "--output", "out3", "--report", "o34", "--format", "odt"],
                            in: work, environment: env.merging(["ITAREPORT_TEMPLATES": prefix.appendingPathComponent("moved/itareport/Templates").path]) { $1 })
        XCTAssertEqual(named.status, 0, named.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: work.appendingPathComponent("out3").path).filter { !$0.hasPrefix(".") },
                       ["O34_เทศบาลเมืองศรีสะเกษ_2568.odt"])
    }
}
