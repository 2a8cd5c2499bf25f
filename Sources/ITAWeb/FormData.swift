import Foundation

/// The fields of a submitted form: `application/x-www-form-urlencoded`, or the text fields and the one
/// file of a `multipart/form-data` upload.
struct FormData {
    var fields: [(name: String, value: String)] = []
    /// An uploaded file: its bytes only (the name the browser gives is never used as a path).
    var file: (field: String, data: Data)?

    func first(_ name: String) -> String? { fields.first { $0.name == name }?.value }
    func all(_ name: String) -> [String] { fields.filter { $0.name == name }.map(\.value) }
    /// The value, trimmed; nil when absent or blank.
    func trimmed(_ name: String) -> String? {
        guard let v = first(name)?.trimmingCharacters(in: .whitespacesAndNewlines), !v.isEmpty else { return nil }
        return v
    }

    /// Most fields a form may have (the largest, the measures of a year, has a few hundred).
    static let maxFields = 5000

    /// Parses an urlencoded body; nil when it is not one (bad escapes, not UTF-8, too many fields).
    static func urlEncoded(_ body: Data) -> FormData? {
        guard let text = String(data: body, encoding: .utf8) else { return nil }
        var form = FormData()
        if text.isEmpty { return form }
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            guard form.fields.count < maxFields else { return nil }
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = decode(parts[0]), let value = decode(parts.count > 1 ? parts[1] : "") else { return nil }
            form.fields.append((name, value))
        }
        return form
    }

    private static func decode(_ s: Substring) -> String? {
        s.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    /// Parses a `multipart/form-data` body with `boundary`: text fields and at most one file. Nil when the
    /// body is malformed.
    static func multipart(_ body: Data, boundary: String) -> FormData? {
        guard !boundary.isEmpty, boundary.utf8.count <= 70 else { return nil }
        let delimiter = Data("--\(boundary)".utf8)
        let crlf = Data("\r\n".utf8)
        let headerEnd = Data("\r\n\r\n".utf8)
        guard var start = body.range(of: delimiter)?.upperBound else { return nil }
        var form = FormData()
        while true {
            // After a delimiter: "--" ends the body, else CRLF starts a part.
            let rest = body[start...]
            if rest.starts(with: Data("--".utf8)) { return form }
            guard rest.starts(with: crlf) else { return nil }
            let partStart = start + 2
            guard let hEnd = body.range(of: headerEnd, in: partStart..<body.endIndex) else { return nil }
            guard let next = body.range(of: crlf + delimiter, in: hEnd.upperBound..<body.endIndex) else { return nil }
            let headers = String(decoding: body[partStart..<hEnd.lowerBound], as: UTF8.self)
            let content = body[hEnd.upperBound..<next.lowerBound]
            guard let disposition = headers.split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("content-disposition:") }),
                  let name = parameter("name", in: String(disposition)) else { return nil }
            if parameter("filename", in: String(disposition)) != nil {
                guard form.file == nil else { return nil }
                form.file = (name, Data(content))
            } else {
                guard form.fields.count < maxFields, let value = String(data: Data(content), encoding: .utf8) else { return nil }
                form.fields.append((name, value))
            }
            start = next.upperBound
        }
    }

    /// `name="value"` from a header line.
    static func parameter(_ key: String, in header: String) -> String? {
        for part in header.split(separator: ";").dropFirst() {
            let kv = part.split(separator: "=", maxSplits: 1)
            guard kv.count == 2, kv[0].trimmingCharacters(in: .whitespaces).lowercased() == key else { continue }
            var v = kv[1].trimmingCharacters(in: .whitespaces)
            if v.hasPrefix("\""), v.hasSuffix("\""), v.count >= 2 { v = String(v.dropFirst().dropLast()) }
            return v
        }
        return nil
    }

    /// The boundary of a `multipart/form-data` content type.
    static func boundary(contentType: String) -> String? {
        guard contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        return parameter("boundary", in: contentType)
    }
}
