import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
@testable import ITAWeb
import XCTest

/// The app as `itareport serve` runs it: a real server on the loopback address, its address announced.
final class LiveServerTests: XCTestCase {
    final class Box: @unchecked Sendable {
        var url: String?
        let ready = DispatchSemaphore(value: 0)
    }

    func testServesOnLoopbackAndAnnouncesItsAddress() async throws {
        let fx = try WebFixture()
        defer { fx.remove() }
        let box = Box()
        let web = fx.web
        let server = Task {
            try await web.run(host: "127.0.0.1", port: 0) { url in
                box.url = url
                box.ready.signal()
            }
        }
        defer { server.cancel() }
        let started = await Task.detached { box.ready.wait(timeout: .now() + 30) }.value
        XCTAssertEqual(started, .success, "the server announced its address")
        let url = try XCTUnwrap(box.url)
        XCTAssertTrue(url.hasPrefix("http://127.0.0.1:"), url)
        let (data, response) = try await URLSession.shared.data(from: URL(string: url)!)
        XCTAssertEqual((response as? HTTPURLResponse)?.statusCode, 200)
        XCTAssertTrue(String(decoding: data, as: UTF8.self).contains("เทศบาลเมืองศรีสะเกษ"))
        // A change without the page's token, from the app's own origin, is still refused.
        var post = URLRequest(url: URL(string: url + "f/sisaket-2568.yaml/edit/signatory")!)
        post.httpMethod = "POST"
        post.setValue(String(url.dropLast()), forHTTPHeaderField: "Origin")
        post.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        post.httpBody = Data("signatory.name=x".utf8)
        let (_, refused) = try await URLSession.shared.data(for: post)
        XCTAssertEqual((refused as? HTTPURLResponse)?.statusCode, 403)
    }
}
