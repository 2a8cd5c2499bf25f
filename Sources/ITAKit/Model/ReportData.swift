import Foundation

/// Everything one organisation writes for one fiscal year: the contents of a data file.
///
/// Optional properties are `nil` when the file leaves them out, which is not the same
/// as an empty value: absent narratives are to be generated, empty ones stay empty.
public struct ReportData: Codable, Equatable, Sendable {
    /// The document's fiscal year (BE), `fiscal_year`.
    public var fiscalYear: Int?
    /// Which document the data is mainly for, `document` (o34, o35, analysis).
    public var document: DocumentKind?
    /// `organization`.
    public var organization: Organization?
    /// `assessment`: the ITA results being analysed or reported on.
    public var assessment: Assessment?
    /// `analysis`: narratives per issue and per indicator.
    public var analysis: Analysis?
    /// `limitations`: ปัญหา/อุปสรรค and ข้อเสนอแนะ.
    public var limitations: Limitations?
    /// `measures`: the measures planned (O34) or reported on (O35).
    public var measures: [Measure]?
    /// `photos`: captioned photos of the year's ITA activities.
    public var photos: [Photo]?
    /// `signatory`: who signs the document.
    public var signatory: Signatory?
    /// `options`: how the document is written.
    public var options: DocumentOptions?

    public init(fiscalYear: Int? = nil, document: DocumentKind? = nil, organization: Organization? = nil,
                assessment: Assessment? = nil, analysis: Analysis? = nil, limitations: Limitations? = nil,
                measures: [Measure]? = nil, photos: [Photo]? = nil, signatory: Signatory? = nil,
                options: DocumentOptions? = nil) {
        self.fiscalYear = fiscalYear
        self.document = document
        self.organization = organization
        self.assessment = assessment
        self.analysis = analysis
        self.limitations = limitations
        self.measures = measures
        self.photos = photos
        self.signatory = signatory
        self.options = options
    }

    /// The ITA year analysed: `assessment.year`, or the year before the fiscal year.
    public var assessedYear: Int? {
        assessment?.year ?? fiscalYear.map { $0 - 1 }
    }
}

/// The kinds of document the data can feed.
public enum DocumentKind: String, Codable, Sendable, CaseIterable {
    /// O34 มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน.
    case o34
    /// O35 รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน.
    case o35
    /// รายงานการวิเคราะห์ผลการประเมิน ITA สู่การพัฒนา.
    case analysis
}
