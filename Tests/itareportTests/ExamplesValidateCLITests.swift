import Foundation
import XCTest

/// The shipped examples are what a clerk copies: each validates without a warning (a warning in an
/// example is a defect of the example or of the warning), and is complete for its document.
final class ExamplesValidateCLITests: XCTestCase {
    /// Warnings an example draws on purpose, by file: the start of the warning's text after the file
    /// and position, and why it stays. None at present.
    static let expectedWarnings: [String: [(start: String, reason: String)]] = [:]

    func itareport(_ args: [String]) throws -> RealClients.Result {
        let binary = CLITests.productsDirectory.appendingPathComponent("itareport")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            XCTFail("no itareport binary at \(binary.path): build it first (swift build)")
            throw XCTSkip("no binary")
        }
        guard let r = RealClients.run(binary.path, args, timeout: 300) else { throw XCTSkip("cannot run \(binary.path)") }
        return r
    }

    func testEveryExampleValidatesWithNoUnexpectedWarningAndIsComplete() throws {
        let folder = YearCycleCLITests.root.appendingPathComponent("Examples")
        let examples = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
        XCTAssertGreaterThanOrEqual(examples.count, 6)
        for name in examples {
            let path = folder.appendingPathComponent(name).path
            let v = try itareport(["validate", path])
            XCTAssertEqual(v.status, 0, "\(name): \(v.stdout)\(v.stderr)")
            let warnings = (v.stdout + v.stderr).split(separator: "\n").map(String.init).filter { $0.contains(": warning: ") }
            let expected = Self.expectedWarnings[name] ?? []
            let unexpected: [String] = warnings.filter { w in
                let text = w.components(separatedBy: ": warning: ").dropFirst().joined(separator: ": warning: ")
                return !expected.contains { text.hasPrefix($0.start) }
            }
            XCTAssertEqual(unexpected, [], "\(name): warnings no one expects in a shipped example")
            for e in expected {
                XCTAssertTrue(warnings.contains { $0.contains(": warning: " + e.start) }, "\(name): the expected warning '\(e.start)' is gone; remove it from the list")
            }
            let c = try itareport(["check", path])
            XCTAssertEqual(c.status, 0, "\(name): \(c.stdout)\(c.stderr)")
            XCTAssertTrue(c.stdout.contains("complete for"), "\(name): \(c.stdout)")
        }
    }
}
