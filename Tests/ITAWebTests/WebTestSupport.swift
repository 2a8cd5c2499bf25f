import Foundation
import Hummingbird
import HummingbirdTesting
import HTTPTypes
import ITAKit
@testable import ITAWeb
import NIOCore
import XCTest

/// A copy of the examples in a scratch folder, and the app serving it.
struct WebFixture: Sendable {
    static let token = "test-token"
    static let origin = "http://127.0.0.1:8080"
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Examples")

    let dir: URL
    let web: WebApp

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("itaweb-\(UUID().uuidString.prefix(8))")
        try FileManager.default.copyItem(at: Self.examples, to: dir)
        web = WebApp(folder: try DataFolder(dir.path), token: Self.token, converter: nil)
    }

    func remove() { try? FileManager.default.removeItem(at: dir) }

    func text(_ name: String) throws -> String { try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8) }
    func version(_ name: String) throws -> String { try web.folder.read(name).version }
    func load(_ name: String) -> ReportLoader.Result { ReportLoader.load(path: dir.appendingPathComponent(name).path) }

    /// Runs `body` against the app's router.
    func test(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let app = Application(router: web.router())
        try await app.test(.router) { client in try await body(client) }
    }

    /// Posts `fields` to a form page of `name` with the token and the file's current version (or `version`).
    func post(_ client: any TestClientProtocol, _ name: String, page: String, _ fields: [(String, String)], version: String? = nil,
              _ check: @escaping @Sendable (TestResponse) -> Void) async throws {
        let body = Self.encode([("token", Self.token), ("version", try version ?? self.version(name))] + fields)
        try await client.execute(uri: "/f/\(name)/edit/\(page)", method: .post, headers: Self.formHeaders, body: body, testCallback: check)
    }

    static var formHeaders: HTTPFields {
        var h = HTTPFields()
        h[.contentType] = "application/x-www-form-urlencoded"
        h[HTTPField.Name("Host")!] = "127.0.0.1:8080"
        h[.origin] = origin
        return h
    }

    static func encode(_ fields: [(String, String)]) -> ByteBuffer {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let body = fields.map { "\($0.0.addingPercentEncoding(withAllowedCharacters: allowed)!)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)" }
            .joined(separator: "&")
        return ByteBuffer(string: body)
    }

    static func multipart(_ fields: [(String, String)], file: (name: String, filename: String, data: Data)?, boundary: String = "XyZboundary42")
        -> (HTTPFields, ByteBuffer) {
        var body = Data()
        for (k, v) in fields {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(k)\"\r\n\r\n\(v)\r\n".utf8)
        }
        if let file {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.name)\"; filename=\"\(file.filename)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
            body += file.data + Data("\r\n".utf8)
        }
        body += Data("--\(boundary)--\r\n".utf8)
        var h = formHeaders
        h[.contentType] = "multipart/form-data; boundary=\(boundary)"
        return (h, ByteBuffer(bytes: body))
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
}
