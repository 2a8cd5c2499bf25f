import Foundation
import ITAKit
import ITAReports
import TemplateEngine
import XCTest

/// Paths and helpers shared by the rollover, batch and bundle tests.
enum BatchFixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let examples = root.appendingPathComponent("Examples")
    static let templates = root.appendingPathComponent("Templates")

    static func example(_ name: String) -> URL { examples.appendingPathComponent(name) }

    /// A fresh temporary folder, removed when the test ends.
    static func temporaryFolder(_ test: XCTestCase, _ label: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("itareport-\(label)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    static func exporter(pdf: PDFConverter? = nil) -> ReportExporter {
        ReportExporter(generator: ReportGenerator(templateDirectory: templates), converter: pdf)
    }

    /// LibreOffice for the PDF tests: missing is a failure that says how to install it, unless
    /// the office checks are switched off on purpose with ITAREPORT_SKIP_OFFICE=1.
    static func libreOffice(file: StaticString = #filePath, line: UInt = #line) throws -> PDFConverter {
        if ProcessInfo.processInfo.environment["ITAREPORT_SKIP_OFFICE"] == "1" { throw XCTSkip("ITAREPORT_SKIP_OFFICE=1") }
        do { return try PDFConverter.locate() } catch {
            XCTFail("LibreOffice is needed for the PDF tests: run 'make setup-test' (\(error))", file: file, line: line)
            throw XCTSkip("LibreOffice missing")
        }
    }

    /// The text of a PDF as pdftotext reads it (layout dropped).
    static func pdfText(_ url: URL, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["pdftotext", "-enc", "UTF-8", url.path, "-"]
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        if p.terminationStatus == 127 {
            XCTFail("pdftotext is missing: run 'make setup-test'", file: file, line: line)
        } else {
            XCTAssertEqual(p.terminationStatus, 0, "pdftotext cannot open \(url.lastPathComponent)", file: file, line: line)
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// The text of a DOCX or ODT body, tags stripped.
    static func documentText(_ url: URL) throws -> String {
        let part = url.pathExtension == "docx" ? "word/document.xml" : "content.xml"
        let xml = try Template(contentsOf: url, language: ThaiTemplateLanguage.language).package.read(part)
        return DocumentText.plain(String(decoding: xml, as: UTF8.self).replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression))
    }
}
