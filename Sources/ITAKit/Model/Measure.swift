import Foundation

/// One measure, project or activity (`measures[]`): planned in O34, reported on in O35.
public struct Measure: Codable, Equatable, Sendable {
    /// `issue`: the analysis issue (1–7) it answers.
    public var issue: Int?
    /// `indicators`: indicator numbers it addresses.
    public var indicators: [Int]?
    /// `questions`: question or item codes it addresses.
    public var questions: [String]?
    /// `title`: มาตรการ/โครงการ/กิจกรรม.
    public var title: String?
    /// `steps`: ขั้นตอน/วิธีปฏิบัติ, one entry per numbered step.
    public var steps: [String]?
    /// `owners`: ผู้รับผิดชอบ, one entry per unit or person.
    public var owners: [String]?
    /// `period`: ระยะเวลาดำเนินการ.
    public var period: Period?
    /// `follow_up`: การติดตามผล.
    public var followUp: String?
    /// `summary` (O35): สรุปผลการดำเนินการ.
    public var summary: String?
    /// `details` (O35): รายละเอียดการดำเนินการ, numbered sub-items.
    public var details: [String]?
    /// `outcome` (O35): ผลลัพธ์หรือความสำเร็จของการดำเนินการ.
    public var outcome: String?
    /// `dates` (O35): days the activities took place.
    public var dates: [CalendarDateValue]?
    /// `citations` (O35): the ITA figures the outcome refers to.
    public var citations: [Citation]?
    /// `suggestion`: ข้อเสนอแนะ (O35, 2564 form).
    public var suggestion: String?
    /// `analysis`: the measure's own ผลการวิเคราะห์ตัวชี้วัด for the analysis report's development grid;
    /// when absent the grid prints the analysis of the measure's indicator.
    public var analysis: String?

    public init(issue: Int? = nil, indicators: [Int]? = nil, questions: [String]? = nil, title: String? = nil,
                steps: [String]? = nil, owners: [String]? = nil, period: Period? = nil, followUp: String? = nil,
                summary: String? = nil, details: [String]? = nil, outcome: String? = nil,
                dates: [CalendarDateValue]? = nil, citations: [Citation]? = nil, suggestion: String? = nil,
                analysis: String? = nil) {
        self.issue = issue
        self.indicators = indicators
        self.questions = questions
        self.title = title
        self.steps = steps
        self.owners = owners
        self.period = period
        self.followUp = followUp
        self.summary = summary
        self.details = details
        self.outcome = outcome
        self.dates = dates
        self.citations = citations
        self.suggestion = suggestion
        self.analysis = analysis
    }
}

/// An ITA figure an O35 result cites (`citations[]`): an indicator or a question and its score.
public struct Citation: Codable, Equatable, Sendable {
    /// `indicator`: 1–10.
    public var indicator: Int?
    /// `question`: a question or item code.
    public var question: String?
    /// `score`: the score cited; taken from the assessment when absent.
    public var score: Decimal?
    /// `text`: what is cited, in words, when neither code says it.
    public var text: String?

    public init(indicator: Int? = nil, question: String? = nil, score: Decimal? = nil, text: String? = nil) {
        self.indicator = indicator
        self.question = question
        self.score = score
        self.text = text
    }
}
