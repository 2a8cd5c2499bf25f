/// The analysis narratives (`analysis`).
public struct Analysis: Codable, Equatable, Sendable {
    /// `rationale`: หลักการและเหตุผล, the opening of the analysis report.
    public var rationale: String?
    /// `summary`: an opening paragraph linking last year's analysis to this year's measures.
    public var summary: String?
    /// `issues`: one entry per analysis issue (ประเด็น 1–7).
    public var issues: [IssueAnalysis]?
    /// `indicators`: one narrative per indicator number.
    public var indicators: [Int: String]?
    /// `overview`: the overall paragraph (total, level, tool scores).
    public var overview: String?
    /// `strengths`: the strengths summary ("จุดแข็ง จำนวน 9 ตัวชี้วัด …").
    public var strengths: String?
    /// `weaknesses`: the weaknesses summary.
    public var weaknesses: String?

    public init(rationale: String? = nil, summary: String? = nil, issues: [IssueAnalysis]? = nil,
                indicators: [Int: String]? = nil, overview: String? = nil, strengths: String? = nil,
                weaknesses: String? = nil) {
        self.rationale = rationale
        self.summary = summary
        self.issues = issues
        self.indicators = indicators
        self.overview = overview
        self.strengths = strengths
        self.weaknesses = weaknesses
    }
}

/// The analysis of one issue (`analysis.issues[]`), in the three blocks of the O34 form.
public struct IssueAnalysis: Codable, Equatable, Sendable {
    /// `issue`: 1–7.
    public var issue: Int?
    /// `questions`: the question codes the issue's table shows; the catalog's list when absent.
    public var questions: [String]?
    /// `deficiencies`: ข้อบกพร่อง/ข้อปรับปรุง.
    public var deficiencies: String?
    /// `to_develop`: ข้อที่ต้องพัฒนา.
    public var toDevelop: String?
    /// `maintain`: รักษาระดับ.
    public var maintain: String?

    public init(issue: Int? = nil, questions: [String]? = nil, deficiencies: String? = nil,
                toDevelop: String? = nil, maintain: String? = nil) {
        self.issue = issue
        self.questions = questions
        self.deficiencies = deficiencies
        self.toDevelop = toDevelop
        self.maintain = maintain
    }
}
