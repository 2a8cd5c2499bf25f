import Foundation

/// The ITA results of one year (`assessment`).
public struct Assessment: Codable, Equatable, Sendable {
    /// `year`: the ITA year analysed (BE).
    public var year: Int?
    /// `indicators`: scores of indicators 1–10.
    public var indicators: [Int: Decimal]?
    /// `questions`: scores of questions and items by code ("i1", "e9", "o35"), codes lower-cased.
    public var questions: [String: Decimal]?
    /// `question_texts`: wording of questions the catalog does not hold, by code.
    public var questionTexts: [String: String]?
    /// `tools`: tool scores as announced (IIT, EIT, EIT parts, OIT).
    public var tools: ToolScores?
    /// `official`: the total and level the national system announced.
    public var official: OfficialResult?

    public init(year: Int? = nil, indicators: [Int: Decimal]? = nil, questions: [String: Decimal]? = nil,
                questionTexts: [String: String]? = nil, tools: ToolScores? = nil, official: OfficialResult? = nil) {
        self.year = year
        self.indicators = indicators
        self.questions = questions
        self.questionTexts = questionTexts
        self.tools = tools
        self.official = official
    }
}

/// Tool scores as the national system reports them (`assessment.tools`).
public struct ToolScores: Codable, Equatable, Sendable {
    /// `IIT`.
    public var iit: Decimal?
    /// `EIT`.
    public var eit: Decimal?
    /// `EIT_part1`: EIT ส่วนที่ 1 (reported from 2568).
    public var eitPart1: Decimal?
    /// `EIT_part2`: EIT ส่วนที่ 2 (reported from 2568).
    public var eitPart2: Decimal?
    /// `OIT`.
    public var oit: Decimal?

    public init(iit: Decimal? = nil, eit: Decimal? = nil, eitPart1: Decimal? = nil, eitPart2: Decimal? = nil,
                oit: Decimal? = nil) {
        self.iit = iit
        self.eit = eit
        self.eitPart1 = eitPart1
        self.eitPart2 = eitPart2
        self.oit = oit
    }
}

/// The announced result (`assessment.official`): what documents print.
public struct OfficialResult: Codable, Equatable, Sendable {
    /// `total`.
    public var total: Decimal?
    /// `level`: "ผ่านดีเยี่ยม", "D", …
    public var level: String?

    public init(total: Decimal? = nil, level: String? = nil) {
        self.total = total
        self.level = level
    }
}
