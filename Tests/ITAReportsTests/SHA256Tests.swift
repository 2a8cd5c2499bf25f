import Foundation
import ITAReports
import XCTest

final class SHA256Tests: XCTestCase {
    func testKnownVectors() {
        // FIPS 180-4 examples and the NIST "million a" vector.
        XCTAssertEqual(SHA256.hex(Data()), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hex(Data("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256.hex(Data("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        XCTAssertEqual(SHA256.hex(Data(repeating: UInt8(ascii: "a"), count: 1_000_000)),
                       "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    func testChunkedUpdatesMatchOneShot() {
        let data = Data((0..<1000).map { UInt8(truncatingIfNeeded: $0 * 7) })
        for split in [0, 1, 55, 56, 63, 64, 65, 999] {
            var h = SHA256()
            h.update(data.prefix(split))
            h.update(data.dropFirst(split))
            XCTAssertEqual(h.finalize().map { String(format: "%02x", $0) }.joined(), SHA256.hex(data), "split at \(split)")
        }
    }

    func testFileDigestMatchesShasum() throws {
        let dir = try BatchFixture.temporaryFolder(self, "sha")
        let file = dir.appendingPathComponent("f.bin")
        try Data((0..<300_000).map { UInt8(truncatingIfNeeded: $0) }).write(to: file)
        XCTAssertEqual(try SHA256.hex(fileAt: file), SHA256.hex(try Data(contentsOf: file)))
    }
}
