import Foundation
import XCTest

/// Runs the real office clients the tests check against: LibreOffice, python-docx, poppler.
enum OfficeClients {
    /// True when the office checks are switched off on purpose (`ITAREPORT_SKIP_OFFICE=1`).
    static var skipped: Bool { ProcessInfo.processInfo.environment["ITAREPORT_SKIP_OFFICE"] == "1" }

    @discardableResult
    static func run(_ tool: String, _ args: [String], timeout: TimeInterval = 300) throws -> (status: Int32, output: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [tool] + args
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Fails the test when a client is missing (unless skipped on purpose).
    static func require(_ tool: String, file: StaticString = #filePath, line: UInt = #line) throws {
        if skipped { throw XCTSkip("ITAREPORT_SKIP_OFFICE=1") }
        let found = (try? run("which", [tool]))?.status == 0
        if !found { XCTFail("\(tool) is not installed: run 'make setup-test'", file: file, line: line); throw XCTSkip("missing \(tool)") }
    }

    /// Converts files to PDF in one LibreOffice run with its own profile; returns the PDFs.
    static func convertToPDF(_ files: [URL], into dir: URL) throws -> [URL] {
        try require("soffice")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("lo-test-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let r = try run("soffice", ["-env:UserInstallation=file://\(profile.path)", "--headless", "--convert-to", "pdf", "--outdir", dir.path] + files.map(\.path))
        var pdfs: [URL] = []
        for f in files {
            let pdf = dir.appendingPathComponent(f.deletingPathExtension().lastPathComponent + ".pdf")
            if FileManager.default.fileExists(atPath: pdf.path) { pdfs.append(pdf) } else {
                XCTFail("LibreOffice did not convert \(f.lastPathComponent): \(r.output)")
            }
        }
        return pdfs
    }

    /// Tables of a DOCX as python-docx reads them: row counts per table.
    static func docxTableRows(_ url: URL) throws -> [Int] {
        try require("python3")
        let script = "import docx,sys\nd=docx.Document(sys.argv[1])\nprint(' '.join(str(len(t.rows)) for t in d.tables))"
        let r = try run("python3", ["-c", script, url.path])
        XCTAssertEqual(r.status, 0, "python-docx cannot open \(url.lastPathComponent): \(r.output) (run 'make setup-test' if python-docx is missing)")
        return r.output.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
    }

    /// The fonts a PDF embeds (`pdffonts`).
    static func pdfFonts(_ url: URL) throws -> [String] {
        try require("pdffonts")
        let r = try run("pdffonts", [url.path])
        return r.output.split(separator: "\n").dropFirst(2).compactMap { $0.split(separator: " ").first.map(String.init) }
    }

    /// The text of a PDF (`pdftotext`).
    static func pdfText(_ url: URL) throws -> String {
        try require("pdftotext")
        return try run("pdftotext", ["-layout", url.path, "-"]).output
    }
}
