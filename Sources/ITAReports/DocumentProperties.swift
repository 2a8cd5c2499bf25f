import Foundation
import OfficePackage

/// The properties a generated document carries (DOCX `docProps/core.xml`, ODT `meta.xml`, and from
/// them the PDF's): its title with the organisation and year, the ITA item as subject, the
/// organisation as author, and the generation time — or `SOURCE_DATE_EPOCH` when set, so the same
/// data gives the same bytes.
public struct DocumentProperties: Sendable, Equatable {
    public var title: String
    public var subject: String
    public var author: String
    public var keywords: [String]
    public var created: Date

    public init(title: String, subject: String, author: String, keywords: [String], created: Date) {
        self.title = title
        self.subject = subject
        self.author = author
        self.keywords = keywords
        self.created = created
    }

    /// The properties of one report of an organisation and fiscal year.
    public init(kind: ReportKind, organization: String, fiscalYear: Int, created: Date) {
        let year = "ประจำปีงบประมาณ พ.ศ. \(fiscalYear)"
        switch kind {
        case .o34:
            title = "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน \(organization) \(year)"
            subject = "ITA \(fiscalYear) ข้อ O34 มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"
        case .o35:
            title = "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน \(organization) \(year)"
            subject = "ITA \(fiscalYear) ข้อ O35 รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"
        case .analysis:
            title = "รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) สู่การพัฒนา \(organization) \(year)"
            subject = "ITA \(fiscalYear) รายงานการวิเคราะห์ผลการประเมินสู่การพัฒนา"
        }
        author = organization
        keywords = ["ITA", kind.itemCode.map { $0.uppercased() } ?? "วิเคราะห์ผลการประเมิน", String(fiscalYear), organization]
        self.created = created
    }

    /// The generation time: `SOURCE_DATE_EPOCH` (seconds since 1970) when the environment sets it, else now.
    public static func generationTime(environment: [String: String] = ProcessInfo.processInfo.environment, now: Date = Date()) throws -> Date {
        guard let raw = environment["SOURCE_DATE_EPOCH"]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return now }
        guard let seconds = Int64(raw), seconds >= 0 else { throw GenerateError.badSourceDateEpoch(value: raw) }
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// The time as W3C date-time in UTC (`2025-09-30T08:00:00Z`).
    var isoTime: String {
        // Written out by hand: a date formatter costs more to make than a whole document's properties.
        var t = time_t(created.timeIntervalSince1970.rounded(.down))
        var tm = tm()
        gmtime_r(&t, &tm)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let year = String(tm.tm_year + 1900)
        return String(repeating: "0", count: max(0, 4 - year.count)) + year
            + "-\(two(tm.tm_mon + 1))-\(two(tm.tm_mday))T\(two(tm.tm_hour)):\(two(tm.tm_min)):\(two(tm.tm_sec))Z"
    }

    /// DOCX `docProps/core.xml`.
    func coreXML() -> Data {
        let t = isoTime
        let xml = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
        xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\
        <dc:title>\(Self.escape(title))</dc:title><dc:subject>\(Self.escape(subject))</dc:subject>\
        <dc:creator>\(Self.escape(author))</dc:creator><cp:keywords>\(Self.escape(keywords.joined(separator: ", ")))</cp:keywords>\
        <dc:description>\(Self.escape(subject))</dc:description><cp:lastModifiedBy>\(Self.escape(author))</cp:lastModifiedBy>\
        <dc:language>th-TH</dc:language>\
        <dcterms:created xsi:type="dcterms:W3CDTF">\(t)</dcterms:created>\
        <dcterms:modified xsi:type="dcterms:W3CDTF">\(t)</dcterms:modified></cp:coreProperties>
        """
        return Data(xml.utf8)
    }

    /// ODT `meta.xml`.
    func metaXML() -> Data {
        let t = isoTime
        let keywordElements = keywords.map { "<meta:keyword>\(Self.escape($0))</meta:keyword>" }.joined()
        let xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
        xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" \
        office:version="1.3"><office:meta><meta:generator>itareport</meta:generator>\
        <dc:title>\(Self.escape(title))</dc:title><dc:subject>\(Self.escape(subject))</dc:subject>\
        <dc:description>\(Self.escape(subject))</dc:description>\(keywordElements)\
        <meta:initial-creator>\(Self.escape(author))</meta:initial-creator><dc:creator>\(Self.escape(author))</dc:creator>\
        <dc:language>th-TH</dc:language><meta:creation-date>\(t)</meta:creation-date><dc:date>\(t)</dc:date>\
        </office:meta></office:document-meta>
        """
        return Data(xml.utf8)
    }

    /// Puts the properties into a package's changes (replacing or adding the part).
    func apply(to changes: inout PackageChanges, package: OfficePackage) {
        let (name, data) = package.kind == .docx ? ("docProps/core.xml", coreXML()) : ("meta.xml", metaXML())
        if package.contains(name) {
            changes.replaced[name] = data
        } else {
            // A user's template without the part: DOCX also needs its content type and package
            // relationship, which the template does not have, so only ODT gains a new part here.
            if package.kind == .odt { changes.added.append((name, data)) }
        }
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default:
                // Control characters are not allowed in XML 1.0.
                if c.value < 0x20 && c != "\n" && c != "\t" { continue }
                out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
