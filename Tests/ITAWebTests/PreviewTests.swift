import Foundation
import Hummingbird
import HummingbirdTesting
import HTTPTypes
import ITAReports
@testable import ITAWeb
import NIOCore
import XCTest

/// Previews and PDFs where LibreOffice (and pdftoppm) are installed, as `make test` installs them.
final class PreviewTests: XCTestCase {
    func testPreviewPagesAndPDFWithLibreOffice() async throws {
        guard let converter = try? PDFConverter.locate(), Documents.pdftoppm != nil else {
            throw XCTSkip("LibreOffice or pdftoppm is not installed")
        }
        let fx = try WebFixture()
        defer { fx.remove() }
        let web = WebApp(folder: fx.web.folder, token: WebFixture.token, converter: converter)
        let app = Application(router: web.router())
        try await app.test(.router) { client in
            try await client.execute(uri: "/f/wangthong-2567.yaml/preview/o35", method: .get) { r in
                XCTAssertEqual(r.status, .ok)
                XCTAssertTrue(r.text.contains("/f/wangthong-2567.yaml/preview/o35/1?v="), r.text)
            }
            try await client.execute(uri: "/f/wangthong-2567.yaml/preview/o35/1", method: .get) { r in
                XCTAssertEqual(r.status, .ok)
                XCTAssertEqual(r.headers[.contentType], "image/png")
                XCTAssertTrue(Data(buffer: r.body).starts(with: [0x89, 0x50, 0x4E, 0x47]))
            }
            try await client.execute(uri: "/f/wangthong-2567.yaml/preview/o35/999", method: .get) { XCTAssertEqual($0.status, .notFound) }
            try await client.execute(uri: "/f/wangthong-2567.yaml/doc/o35/pdf", method: .get) { r in
                XCTAssertEqual(r.status, .ok)
                XCTAssertEqual(r.headers[.contentType], "application/pdf")
                XCTAssertTrue(Data(buffer: r.body).starts(with: Array("%PDF".utf8)))
            }
        }
    }
}
