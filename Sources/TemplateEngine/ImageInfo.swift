import Foundation

/// The format and pixel size of a PNG or JPEG image, read from its header.
struct ImageInfo {
    let fileExtension: String
    let mediaType: String
    let width: Int
    let height: Int

    init?(_ d: Data) {
        let b = [UInt8](d.prefix(64 * 1024))
        if b.count > 24, b[0] == 0x89, b[1] == 0x50, b[2] == 0x4E, b[3] == 0x47 {
            func be32(_ i: Int) -> Int { Int(b[i]) << 24 | Int(b[i + 1]) << 16 | Int(b[i + 2]) << 8 | Int(b[i + 3]) }
            fileExtension = "png"; mediaType = "image/png"
            width = be32(16); height = be32(20)
            guard width > 0, height > 0 else { return nil }
            return
        }
        if b.count > 4, b[0] == 0xFF, b[1] == 0xD8 {
            var i = 2
            while i + 9 < b.count {
                guard b[i] == 0xFF else { i += 1; continue }
                let marker = b[i + 1]
                if marker == 0xD8 || marker == 0x01 || (0xD0...0xD7).contains(marker) || marker == 0xFF { i += 1; continue }
                let len = Int(b[i + 2]) << 8 | Int(b[i + 3])
                if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                    fileExtension = "jpeg"; mediaType = "image/jpeg"
                    height = Int(b[i + 5]) << 8 | Int(b[i + 6])
                    width = Int(b[i + 7]) << 8 | Int(b[i + 8])
                    guard width > 0, height > 0 else { return nil }
                    return
                }
                i += 2 + len
            }
        }
        return nil
    }
}
