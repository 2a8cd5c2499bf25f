import CZlib
import Foundation

/// Writes 8-bit palette PNG images (enough for charts of flat colours), compressed with zlib.
enum PNGEncoder {
    /// `pixels` holds one palette index per pixel, row by row.
    static func encode(width: Int, height: Int, palette: [(UInt8, UInt8, UInt8)], pixels: [UInt8]) -> Data {
        var raw = [UInt8]()
        raw.reserveCapacity((width + 1) * height)
        for y in 0..<height {
            raw.append(0) // filter: none
            raw.append(contentsOf: pixels[(y * width)..<((y + 1) * width)])
        }
        var out = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        var ihdr = Data()
        ihdr.append(be32(width)); ihdr.append(be32(height))
        ihdr.append(contentsOf: [8, 3, 0, 0, 0]) // depth 8, palette, deflate, no filter, no interlace
        out.append(chunk("IHDR", ihdr))
        out.append(chunk("PLTE", Data(palette.flatMap { [$0.0, $0.1, $0.2] })))
        // 72 dpi × 4 (288 dpi ≈ 11339 px/m) so the picture is sharp in print.
        var phys = Data(); phys.append(be32(11339)); phys.append(be32(11339)); phys.append(1)
        out.append(chunk("pHYs", phys))
        out.append(chunk("IDAT", deflate(raw)))
        out.append(chunk("IEND", Data()))
        return out
    }

    private static func deflate(_ bytes: [UInt8]) -> Data {
        var destLen = compressBound(uLong(bytes.count))
        var dest = [UInt8](repeating: 0, count: Int(destLen))
        let rc = bytes.withUnsafeBufferPointer { src in compress2(&dest, &destLen, src.baseAddress, uLong(bytes.count), 9) }
        precondition(rc == Z_OK, "zlib compress2 failed with an in-memory buffer sized by compressBound")
        return Data(dest[0..<Int(destLen)])
    }

    private static func be32(_ v: Int) -> Data {
        Data([UInt8((v >> 24) & 0xFF), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)])
    }

    private static func chunk(_ type: String, _ body: Data) -> Data {
        var c = Data()
        c.append(be32(body.count))
        let typed = Data(type.utf8) + body
        c.append(typed)
        let crc = typed.withUnsafeBytes { raw in crc32(0, raw.bindMemory(to: UInt8.self).baseAddress, uInt(typed.count)) }
        c.append(be32(Int(crc)))
        return c
    }
}
