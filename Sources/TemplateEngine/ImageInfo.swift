import Foundation

/// The format and pixel size of a PNG or JPEG picture, after checking its whole structure: every PNG
/// chunk with its CRC up to IEND, every JPEG segment up to the end-of-image marker, and the size against
/// `PictureLimits`. A truncated file, a damaged chunk or absurd dimensions are refused, never embedded.
struct ImageInfo {
    let fileExtension: String
    let mediaType: String
    let width: Int
    let height: Int

    /// Checks `d`; the error says what is wrong in words a user can act on.
    init(_ d: Data) throws(PictureProblem) {
        guard d.count <= PictureLimits.maxBytes else { throw .tooManyBytes(d.count) }
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        if d.starts(with: png) {
            (width, height) = try Self.checkPNG(d)
            fileExtension = "png"; mediaType = "image/png"
        } else if d.starts(with: [0xFF, 0xD8, 0xFF]) {
            (width, height) = try Self.checkJPEG(d)
            fileExtension = "jpeg"; mediaType = "image/jpeg"
        } else {
            throw .notAPicture
        }
        guard width <= PictureLimits.maxSide, height <= PictureLimits.maxSide, width * height <= PictureLimits.maxPixels else {
            throw .tooManyPixels(width: width, height: height)
        }
    }

    private static func checkPNG(_ d: Data) throws(PictureProblem) -> (Int, Int) {
        let r: Result<(Int, Int), PictureProblem> = d.withUnsafeBytes { b in
            func be32(_ i: Int) -> Int { Int(b[i]) << 24 | Int(b[i + 1]) << 16 | Int(b[i + 2]) << 8 | Int(b[i + 3]) }
            var i = 8
            var size: (Int, Int)?
            var sawData = false
            while true {
                guard i + 12 <= b.count else { return .failure(.damaged("the file ends before its last chunk (IEND): it is cut short")) }
                let length = be32(i)
                let type = String(decoding: b[(i + 4)..<(i + 8)], as: UTF8.self)
                guard length <= b.count - i - 12 else { return .failure(.damaged("chunk \(type) runs past the end of the file: it is cut short")) }
                let stored = UInt32(be32(i + 8 + length))
                guard CRC32.checksum(UnsafeRawBufferPointer(rebasing: b[(i + 4)..<(i + 8 + length)])) == stored else {
                    return .failure(.damaged("chunk \(type) is damaged (its CRC does not match)"))
                }
                if size == nil {
                    guard type == "IHDR", length == 13 else { return .failure(.damaged("the first chunk is not the header (IHDR)")) }
                    let w = be32(i + 8), h = be32(i + 12)
                    let depth = b[i + 16], colour = b[i + 17]
                    let depths: [UInt8: [UInt8]] = [0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16]]
                    guard depths[colour]?.contains(depth) == true else { return .failure(.damaged("the header gives an impossible colour type and bit depth")) }
                    guard w > 0, h > 0 else { return .failure(.damaged("the header gives a size of \(w) × \(h) pixels")) }
                    size = (w, h)
                } else if type == "IHDR" {
                    return .failure(.damaged("it has a second header (IHDR)"))
                }
                if type == "IDAT" { sawData = true }
                i += 12 + length
                if type == "IEND" { break }
            }
            guard sawData, let size else { return .failure(.damaged("it holds no image data (IDAT)")) }
            return .success(size)
        }
        return try r.get()
    }

    private static func checkJPEG(_ d: Data) throws(PictureProblem) -> (Int, Int) {
        let r: Result<(Int, Int), PictureProblem> = d.withUnsafeBytes { b in
            var i = 2
            var size: (Int, Int)?
            while true {
                // Markers may be padded with extra 0xFF bytes.
                guard i < b.count, b[i] == 0xFF else { return .failure(.damaged("a segment does not start with a marker: the file is damaged")) }
                while i < b.count, b[i] == 0xFF { i += 1 }
                guard i < b.count else { return .failure(.damaged("the file ends inside a marker: it is cut short")) }
                let marker = b[i]
                i += 1
                if marker == 0xD9 { return .failure(.damaged("the picture ends before its image data")) }
                if marker == 0x01 || (0xD0...0xD7).contains(marker) { continue }
                guard i + 2 <= b.count else { return .failure(.damaged("the file ends inside a segment: it is cut short")) }
                let length = Int(b[i]) << 8 | Int(b[i + 1])
                guard length >= 2, i + length <= b.count else { return .failure(.damaged("a segment runs past the end of the file: it is cut short")) }
                if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                    guard length >= 8 else { return .failure(.damaged("the frame header (SOF) is too short")) }
                    let h = Int(b[i + 3]) << 8 | Int(b[i + 4]), w = Int(b[i + 5]) << 8 | Int(b[i + 6])
                    let components = Int(b[i + 7])
                    guard (1...4).contains(components), length == 8 + 3 * components else { return .failure(.damaged("the frame header (SOF) is inconsistent")) }
                    guard w > 0, h > 0 else { return .failure(.damaged("the frame header gives a size of \(w) × \(h) pixels")) }
                    size = (w, h)
                }
                if marker == 0xDA {
                    guard let size else { return .failure(.damaged("the image data comes before the frame header (SOF)")) }
                    // Entropy-coded data: 0xFF is followed by 0x00 or a restart marker, so FF D9 is the end of image.
                    var k = i + length
                    while k + 1 < b.count {
                        if b[k] == 0xFF, b[k + 1] == 0xD9 { return .success(size) }
                        k += 1
                    }
                    return .failure(.damaged("the file has no end-of-image marker: it is cut short"))
                }
                i += length
            }
        }
        return try r.get()
    }
}

/// Bounds on pictures: a report photo is a few megabytes and a few thousand pixels a side.
enum PictureLimits {
    static let maxBytes = 25 * 1024 * 1024
    static let maxSide = 20_000
    static let maxPixels = 64_000_000
}

/// Why a picture cannot be used.
enum PictureProblem: Error, CustomStringConvertible {
    case notAPicture
    case damaged(String)
    case tooManyBytes(Int)
    case tooManyPixels(width: Int, height: Int)

    var description: String {
        switch self {
        case .notAPicture:
            return "is not a PNG or JPEG picture"
        case let .damaged(why):
            return "is a damaged picture: \(why). Open it in an image editor and save it again as PNG or JPEG"
        case let .tooManyBytes(n):
            return "is \(n / (1024 * 1024)) MB; pictures are limited to \(PictureLimits.maxBytes / (1024 * 1024)) MB: save it smaller (e.g. 2000 pixels wide, JPEG)"
        case let .tooManyPixels(w, h):
            return "is \(w) × \(h) pixels; pictures are limited to \(PictureLimits.maxPixels / 1_000_000) megapixels and \(PictureLimits.maxSide) pixels a side: resize it (e.g. to 2000 pixels wide)"
        }
    }
}
