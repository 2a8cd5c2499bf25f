import Foundation
import ITAKit
@testable import ITAReports
import XCTest

/// `--template`: a folder whose gaps the shipped templates fill, or a single file for one report.
final class TemplateSetTests: XCTestCase {
    private let o34 = ReportForm(kind: .o34, year: 2567), o35 = ReportForm(kind: .o35, year: 2567)

    func testAFolderFallsBackToTheShippedTemplatesAndSaysSo() throws {
        let dir = try BatchFixture.temporaryFolder(self, "tpl")
        try FileManager.default.copyItem(at: BatchFixture.templates.appendingPathComponent("o34-2567.docx"), to: dir.appendingPathComponent("o34-2567.docx"))
        let set = TemplateSet(custom: .folder(dir), shipped: { BatchFixture.templates })
        let own = try set.resolve(o34, format: .docx)
        XCTAssertEqual(own.url.path, dir.appendingPathComponent("o34-2567.docx").path)
        XCTAssertNil(own.note)
        let shipped = try set.resolve(o34, format: .odt)
        XCTAssertEqual(shipped.url.path, BatchFixture.templates.appendingPathComponent("o34-2567.odt").path)
        XCTAssertEqual(shipped.note, "o34-2567.odt is not in \(dir.path); the shipped one is used")

        // The generator says each stand-in once, however many documents use it.
        let generator = ReportGenerator(templates: set)
        for _ in 0..<3 { _ = try generator.template(for: o34, format: .odt) }
        _ = try generator.template(for: o34, format: .docx)
        XCTAssertEqual(generator.templateNotes, [shipped.note!])
    }

    func testASingleFileIsTheTemplateOfOneReport() throws {
        let dir = try BatchFixture.temporaryFolder(self, "tpl-file")
        let letterhead = dir.appendingPathComponent("letterhead.docx")
        try FileManager.default.copyItem(at: BatchFixture.templates.appendingPathComponent("o34-2567.docx"), to: letterhead)
        let named = dir.appendingPathComponent("my-O35.odt")
        try FileManager.default.copyItem(at: BatchFixture.templates.appendingPathComponent("o35-2567.odt"), to: named)

        // The kind: from the name, else the one report being written, else the data file's own.
        XCTAssertEqual(try TemplateSet.custom(path: named.path, kinds: [.o34, .analysis], own: .o34), .file(named, kind: .o35, format: .odt))
        XCTAssertEqual(try TemplateSet.custom(path: letterhead.path, kinds: [.o35], own: nil), .file(letterhead, kind: .o35, format: .docx))
        XCTAssertEqual(try TemplateSet.custom(path: letterhead.path, kinds: [.o34, .analysis], own: .o34), .file(letterhead, kind: .o34, format: .docx))
        XCTAssertThrowsError(try TemplateSet.custom(path: letterhead.path, kinds: [.o34, .analysis], own: nil)) { error in
            XCTAssertTrue("\(error)".contains("cannot tell which report this template is for"), "\(error)")
        }
        XCTAssertThrowsError(try TemplateSet.custom(path: dir.appendingPathComponent("none.docx").path, kinds: [], own: nil))
        let text = dir.appendingPathComponent("notes.txt")
        try Data("x".utf8).write(to: text)
        XCTAssertThrowsError(try TemplateSet.custom(path: text.path, kinds: [.o34], own: nil)) { error in
            XCTAssertTrue("\(error)".contains("a folder of templates or one .docx or .odt file"), "\(error)")
        }

        // Used for its report in its format, whatever the form year; the rest comes from the shipped templates.
        let set = TemplateSet(custom: .file(letterhead, kind: .o34, format: .docx), shipped: { BatchFixture.templates })
        XCTAssertEqual(try set.resolve(o34, format: .docx).url, letterhead)
        XCTAssertEqual(try set.resolve(ReportForm(kind: .o34, year: 2564), format: .docx).url, letterhead)
        let other = try set.resolve(o35, format: .docx)
        XCTAssertEqual(other.url.lastPathComponent, "o35-2567.docx")
        XCTAssertNotNil(other.note)
    }

    func testTheShippedTemplatesAreLookedForBesideTheProgramThenInTheVariable() throws {
        let places = TemplateLocator.candidates(executable: URL(fileURLWithPath: "/opt/x/lib/itareport/itareport"))
        XCTAssertEqual(places.first?.path, "/opt/x/lib/share/itareport/Templates")
        XCTAssertTrue(places.map(\.path).contains("/opt/x/share/itareport/Templates"))
        XCTAssertTrue(places.map(\.path).contains("/opt/x/lib/itareport/Templates"))
        XCTAssertEqual(places.count, Set(places.map(\.path)).count, "each place once")

        let dir = try BatchFixture.temporaryFolder(self, "locate")
        let program = dir.appendingPathComponent("bin/itareport")
        XCTAssertThrowsError(try TemplateLocator.locate(executable: program, environment: [:])) { error in
            XCTAssertTrue("\(error)".contains("ITAREPORT_TEMPLATES (not set)"), "\(error)")
        }
        XCTAssertEqual(try TemplateLocator.locate(executable: program, environment: ["ITAREPORT_TEMPLATES": BatchFixture.templates.path]).path,
                       BatchFixture.templates.standardizedFileURL.path)
        // Where there is no /proc: argv[0] found on PATH, and a link to the program followed to where it really is.
        let realDir = dir.appendingPathComponent("lib/itareport")
        try FileManager.default.createDirectory(at: realDir, withIntermediateDirectories: true)
        let real = realDir.appendingPathComponent("itareport")
        try Data("#!/bin/sh\n".utf8).write(to: real)
        XCTAssertEqual(chmod(real.path, 0o755), 0)
        try FileManager.default.createDirectory(at: program.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: program.path, withDestinationPath: "../lib/itareport/itareport")
        let resolved = try XCTUnwrap(TemplateLocator.resolve(argument0: "itareport", environment: ["PATH": "/nonexistent:" + program.deletingLastPathComponent().path]))
        XCTAssertEqual(resolved.path, real.resolvingSymlinksInPath().path)
        XCTAssertEqual(TemplateLocator.resolve(argument0: program.path, environment: [:])?.path, real.resolvingSymlinksInPath().path)
        XCTAssertNil(TemplateLocator.resolve(argument0: "itareport", environment: ["PATH": "/nonexistent"]))
    }
}
