/// The documents the tool produces.
public enum ReportKind: String, Sendable, CaseIterable, Comparable {
    /// O34 มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน.
    case o34
    /// O35 รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน.
    case o35
    /// รายงานการวิเคราะห์ผลการประเมิน ITA สู่การพัฒนา.
    case analysis

    /// The prefix of output file names: the ITA item code, or ANALYSIS.
    public var filePrefix: String {
        switch self {
        case .o34: return "O34"
        case .o35: return "O35"
        case .analysis: return "ANALYSIS"
        }
    }

    /// The ITA evidence item code (`o34`, `o35`), nil for the analysis report.
    public var itemCode: String? { self == .analysis ? nil : rawValue }

    public static func < (a: ReportKind, b: ReportKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
