import Foundation

/// Small valid pictures made in code: a PNG (stored deflate) and a baseline grey JPEG.
enum Pictures {
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in bytes {
            c ^= UInt32(b)
            for _ in 0..<8 { c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        }
        return c ^ 0xFFFF_FFFF
    }

    static func be32(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)] }

    /// A solid-colour RGB PNG of `width` × `height` pixels.
    static func png(width: Int, height: Int, rgb: (UInt8, UInt8, UInt8) = (0x33, 0x66, 0xCC)) -> Data {
        var raw: [UInt8] = []
        for _ in 0..<height {
            raw.append(0)
            for _ in 0..<width { raw += [rgb.0, rgb.1, rgb.2] }
        }
        // zlib stream of stored blocks.
        var z: [UInt8] = [0x78, 0x01]
        var i = 0
        repeat {
            let n = min(65535, raw.count - i)
            let final: UInt8 = i + n >= raw.count ? 1 : 0
            z += [final, UInt8(n & 0xFF), UInt8(n >> 8), UInt8(~n & 0xFF), UInt8((~n >> 8) & 0xFF)]
            z += raw[i..<(i + n)]
            i += n
        } while i < raw.count
        var a: UInt32 = 1, b: UInt32 = 0
        for x in raw { a = (a + UInt32(x)) % 65521; b = (b + a) % 65521 }
        z += be32(b << 16 | a)
        func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
            let td = Array(type.utf8) + data
            return be32(UInt32(data.count)) + td + be32(crc32(td))
        }
        let ihdr = be32(UInt32(width)) + be32(UInt32(height)) + [8, 2, 0, 0, 0]
        let bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", ihdr) + chunk("IDAT", z) + chunk("IEND", [])
        return Data(bytes)
    }

    /// A mid-grey baseline JPEG of `width` × `height` pixels: every block's DC difference is 0 and
    /// every block ends at once, so one one-bit code serves each table.
    static func jpeg(width: Int, height: Int) -> Data {
        var b: [UInt8] = [0xFF, 0xD8]
        b += [0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8) + [0, 1, 1, 0, 0, 1, 0, 1, 0, 0]
        b += [0xFF, 0xDB, 0x00, 0x43, 0x00] + [UInt8](repeating: 1, count: 64)
        b += [0xFF, 0xC0, 0x00, 0x0B, 8, UInt8(height >> 8), UInt8(height & 0xFF), UInt8(width >> 8), UInt8(width & 0xFF), 1, 1, 0x11, 0]
        let counts: [UInt8] = [1] + [UInt8](repeating: 0, count: 15)
        b += [0xFF, 0xC4, 0x00, 0x14, 0x00] + counts + [0x00]
        b += [0xFF, 0xC4, 0x00, 0x14, 0x10] + counts + [0x00]
        b += [0xFF, 0xDA, 0x00, 0x08, 1, 1, 0x00, 0, 0x3F, 0]
        let blocks = ((width + 7) / 8) * ((height + 7) / 8)
        let bits = blocks * 2
        b += [UInt8](repeating: 0, count: bits / 8)
        if bits % 8 != 0 { b.append(UInt8(0xFF >> (bits % 8))) }
        b += [0xFF, 0xD9]
        return Data(b)
    }
}
