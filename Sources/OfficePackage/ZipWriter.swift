import CLibZip
import Foundation

/// A libzip archive being written to `path`. Owns the handle until `close()` or `discard()`.
final class ZipWriter {
    private var handle: OpaquePointer?
    let path: String
    /// Archives that raw copies read from: libzip reads them only in `zip_close`, so they live as long as the handle.
    private var sources: [ZipReader] = []

    init(path: String) throws {
        self.path = path
        var code: Int32 = 0
        guard let za = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &code) else {
            var error = zip_error_t()
            zip_error_init_with_code(&error, code)
            defer { zip_error_fini(&error) }
            throw PackageError.writeFailed(path: path, reason: String(cString: zip_error_strerror(&error)))
        }
        handle = za
    }

    deinit { discard() }

    private func fail(_ what: String) -> PackageError {
        let reason = handle.map { String(cString: zip_strerror($0)) } ?? "closed"
        return PackageError.writeFailed(path: path, reason: "\(what): \(reason)")
    }

    /// zlib's level for the parts a fill writes. Level 3 deflates the filled parts of an O34 report about
    /// three times faster than the default (6), for about 2 KB more per document (12.3 KB against 9.9 KB
    /// for its text parts): writing is most of what a fill costs, and a report's parts are small.
    static let deflateLevel: zip_uint32_t = 3

    /// Adds a part from memory: deflated, or stored when `store` (ODF's mimetype).
    func add(name: String, data: Data, store: Bool, mtime: time_t) throws {
        guard let za = handle else { throw fail("add") }
        let copy = malloc(max(data.count, 1))!
        data.withUnsafeBytes { raw in if let b = raw.baseAddress { memcpy(copy, b, data.count) } }
        guard let src = zip_source_buffer(za, copy, zip_uint64_t(data.count), 1) else { free(copy); throw fail(name) }
        let idx = zip_file_add(za, name, src, zip_flags_t(ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE))
        guard idx >= 0 else { zip_source_free(src); throw fail(name) }
        zip_set_file_compression(za, zip_uint64_t(idx), store ? ZIP_CM_STORE : ZIP_CM_DEFLATE, store ? 0 : Self.deflateLevel)
        zip_file_set_mtime(za, zip_uint64_t(idx), mtime, 0)
    }

    /// Copies an entry of `source` as it is stored, without decompressing it.
    func addRaw(from source: ZipReader, entry: OfficePackage.Entry) throws {
        guard let za = handle else { throw fail("add") }
        guard let src = zip_source_zip(za, source.handle, entry.index, zip_flags_t(ZIP_FL_COMPRESSED), 0, -1) else { throw fail(entry.name) }
        sources.append(source)
        let idx = zip_file_add(za, entry.name, src, zip_flags_t(ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE))
        guard idx >= 0 else { zip_source_free(src); throw fail(entry.name) }
        // libzip would deflate a stored entry on the way (new entries default to deflate).
        if entry.method == ZIP_CM_STORE { zip_set_file_compression(za, zip_uint64_t(idx), ZIP_CM_STORE, 0) }
        zip_file_set_mtime(za, zip_uint64_t(idx), entry.mtime, 0)
    }

    func close() throws {
        guard let za = handle else { return }
        if zip_close(za) != 0 {
            let e = fail("closing")
            zip_discard(za)
            handle = nil
            sources = []
            throw e
        }
        handle = nil
        sources = []
    }

    func discard() {
        if let za = handle { zip_discard(za) }
        handle = nil
        sources = []
    }
}
