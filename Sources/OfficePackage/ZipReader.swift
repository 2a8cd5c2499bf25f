import CLibZip
import CZlib
import Foundation

/// A read-only libzip archive opened on an in-memory copy of a package. Owns the zip handle.
final class ZipReader {
    let handle: OpaquePointer
    let path: String

    init(data: Data, path: String) throws {
        self.path = path
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        let copy = malloc(max(data.count, 1))!
        data.withUnsafeBytes { raw in if let b = raw.baseAddress { memcpy(copy, b, data.count) } }
        // freep = 1: libzip frees the copy with the source.
        guard let src = zip_source_buffer_create(copy, zip_uint64_t(data.count), 1, &error) else {
            free(copy)
            throw PackageError.cannotOpen(path: path, reason: String(cString: zip_error_strerror(&error)))
        }
        guard let za = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &error) else {
            zip_source_free(src)
            throw PackageError.cannotOpen(path: path, reason: String(cString: zip_error_strerror(&error)))
        }
        handle = za
    }

    deinit { zip_discard(handle) }

    var count: Int { Int(zip_get_num_entries(handle, 0)) }

    func stat(_ index: UInt64) throws -> OfficePackage.Entry {
        var st = zip_stat_t()
        zip_stat_init(&st)
        guard zip_stat_index(handle, index, 0, &st) == 0, let n = st.name else {
            throw PackageError.cannotOpen(path: path, reason: String(cString: zip_strerror(handle)))
        }
        return OfficePackage.Entry(index: index, name: String(cString: n), size: st.size, compressedSize: st.comp_size,
                                   method: Int32(st.comp_method), mtime: st.mtime, crc: st.crc)
    }

    /// Inflates an entry in pieces of 64 KB and checks its size and CRC, holding no more than one piece:
    /// a part nothing parses (a picture, a binary, a zip bomb of zeros) costs time linear in its size
    /// and no memory.
    func check(_ index: UInt64, size: UInt64, name: String, crc: UInt32) throws {
        guard let f = zip_fopen_index(handle, index, 0) else {
            throw PackageError.readFailed(path: path, part: name, reason: String(cString: zip_strerror(handle)))
        }
        defer { zip_fclose(f) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var total: UInt64 = 0
        var actual: uLong = 0
        while total < size {
            let want = zip_uint64_t(min(UInt64(buffer.count), size - total))
            let n = buffer.withUnsafeMutableBytes { zip_fread(f, $0.baseAddress, want) }
            if n <= 0 {
                throw PackageError.readFailed(path: path, part: name, reason: "the data is damaged (\(String(cString: zip_file_strerror(f))))")
            }
            actual = buffer.withUnsafeBytes { crc32(actual, $0.baseAddress!.assumingMemoryBound(to: Bytef.self), uInt(n)) }
            total += UInt64(n)
        }
        guard UInt32(actual) == crc else {
            throw PackageError.readFailed(path: path, part: name, reason: "the data is damaged (its CRC does not match): the file was cut short or altered. Save the document again from Word or LibreOffice")
        }
    }

    /// The uncompressed bytes of an entry, checked against the CRC the archive records for it (libzip
    /// does not check it on every path).
    func read(_ index: UInt64, size: UInt64, name: String, crc: UInt32? = nil) throws -> Data {
        guard let f = zip_fopen_index(handle, index, 0) else {
            throw PackageError.readFailed(path: path, part: name, reason: String(cString: zip_strerror(handle)))
        }
        defer { zip_fclose(f) }
        var data = Data(count: Int(size))
        var total = 0
        let ok: Bool = data.withUnsafeMutableBytes { raw in
            guard let base = raw.baseAddress else { return size == 0 }
            while total < Int(size) {
                let n = zip_fread(f, base + total, zip_uint64_t(Int(size) - total))
                if n <= 0 { return false }
                total += Int(n)
            }
            return true
        }
        guard ok || size == 0 else {
            throw PackageError.readFailed(path: path, part: name, reason: "the data is damaged (\(String(cString: zip_file_strerror(f))))")
        }
        if let crc {
            let actual = data.withUnsafeBytes { raw in
                raw.isEmpty ? 0 : UInt32(crc32(0, raw.baseAddress!.assumingMemoryBound(to: Bytef.self), uInt(raw.count)))
            }
            guard actual == crc else {
                throw PackageError.readFailed(path: path, part: name, reason: "the data is damaged (its CRC does not match): the file was cut short or altered. Save the document again from Word or LibreOffice")
            }
        }
        return data
    }
}
