import Foundation

/// `manifest.json` of a submission bundle: what each file is, for uploading and linking in the
/// national ITA system, with sizes and SHA-256 checksums to check the upload against.
public struct BundleManifest: Codable, Sendable, Equatable {
    /// One file of the bundle.
    public struct Entry: Codable, Sendable, Equatable {
        /// Path relative to the manifest.
        public var path: String
        /// The ITA item code (`o34`, `o35`), or `analysis` for the analysis report.
        public var item: String
        public var fiscalYear: Int
        /// docx, odt or pdf.
        public var format: String
        public var bytes: Int
        /// Lowercase hex SHA-256 of the file.
        public var sha256: String

        enum CodingKeys: String, CodingKey {
            case path, item, format, bytes, sha256
            case fiscalYear = "fiscal_year"
        }
    }

    public var organization: String
    public var district: String?
    public var province: String?
    public var fiscalYear: Int
    /// When the bundle was made, ISO 8601 in UTC.
    public var generatedAt: String
    public var generator: String
    public var files: [Entry]
    /// The other files found in the folder, which the tool did not write and left as they were.
    public var otherFiles: [String]

    enum CodingKeys: String, CodingKey {
        case organization, district, province, generator, files
        case otherFiles = "other_files"
        case fiscalYear = "fiscal_year"
        case generatedAt = "generated_at"
    }

    /// The manifest as written: pretty, keys sorted, Thai text unescaped.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self) + Data("\n".utf8)
    }
}
