import Foundation

/// What the ITA framework of one fiscal year holds: tools, indicators, weights, the
/// level rubric, question codes and the O34 analysis issues. Read from a data file
/// shipped with the package (`Resources/catalog/<year>.yaml`); every entry names its source.
public struct FrameworkCatalog: Codable, Sendable, Equatable {
    /// The ITA year (BE) this catalog describes.
    public var fiscalYear: Int
    /// Sources the entries cite, by key (e.g. `seed000` → a description of that document).
    public var sources: [String: String]
    /// The three survey tools with their weights and indicators.
    public var tools: [Tool]
    /// The ten indicators.
    public var indicators: [Indicator]
    /// The level rubric.
    public var levels: LevelRubric
    /// Where strengths (จุดแข็ง) end and weaknesses (จุดอ่อน) begin this year, with its source.
    public var strengths: StrengthRubric
    /// Indicators scoring at least this are strengths (จุดแข็ง), the rest weaknesses (จุดอ่อน).
    public var strengthThreshold: Decimal { strengths.threshold }
    /// How many questions each tool has this year ("i" → 15), and whether that is confirmed.
    public var questionRanges: QuestionRanges
    /// Question and item texts known for this year.
    public var questions: [Question]
    /// The O34 analysis issues (2566 onward); empty before.
    public var issues: [AnalysisIssue]

    enum CodingKeys: String, CodingKey {
        case fiscalYear = "fiscal_year", sources, tools, indicators, levels
        case strengths, questionRanges = "question_ranges", questions, issues
    }

    /// A survey tool (IIT, EIT, OIT).
    public struct Tool: Codable, Sendable, Equatable {
        public var code: String
        public var name: String
        /// Share of the total, e.g. 0.30.
        public var weight: Decimal
        /// Indicator numbers averaged into this tool's score.
        public var indicators: [Int]
        /// Parts reported separately (EIT ส่วนที่ 1 and 2, from 2568).
        public var parts: [String]?
        public var source: String
    }

    /// One indicator and its name this year.
    public struct Indicator: Codable, Sendable, Equatable {
        public var number: Int
        public var name: String
        public var tool: String
        /// Other names seeds print for it, kept for matching, not for printing.
        public var aliases: [String]?
        public var source: String
    }

    /// The question code prefixes and how many each has.
    public struct QuestionRanges: Codable, Sendable, Equatable {
        /// Highest number per prefix: `i`, `e`, `o`.
        public var counts: [String: Int]
        /// False when the counts are not confirmed by a source; unknown codes are then only warned about.
        public var confirmed: Bool
        public var source: String
    }

    /// A question or item with its wording as a source prints it.
    public struct Question: Codable, Sendable, Equatable {
        /// Lower-case code: "i1", "e9", "o35".
        public var code: String
        public var text: String
        public var source: String
        /// What was uncertain in the source, if anything.
        public var note: String?
    }

    /// One of the seven O34 analysis issues and the questions it draws on.
    public struct AnalysisIssue: Codable, Sendable, Equatable {
        public var number: Int
        public var title: String
        public var questions: [String]
        public var source: String
        public var note: String?
    }

    /// The indicator with number `n`.
    public func indicator(_ n: Int) -> Indicator? { indicators.first { $0.number == n } }

    /// The tool with code `code` (case-insensitive).
    public func tool(_ code: String) -> Tool? { tools.first { $0.code.caseInsensitiveCompare(code) == .orderedSame } }

    /// The tool an indicator belongs to.
    public func tool(ofIndicator n: Int) -> Tool? { tools.first { $0.indicators.contains(n) } }

    /// The question with `code`, if this catalog states its text.
    public func question(_ code: String) -> Question? {
        let c = QuestionCode.normalize(code)
        return questions.first { $0.code == c }
    }

    /// The analysis issue `n`.
    public func issue(_ n: Int) -> AnalysisIssue? { issues.first { $0.number == n } }

    /// Whether `code` exists this year: prefix i/e/o and a number within the year's range.
    public func hasQuestion(_ code: String) -> Bool {
        guard let (prefix, number) = QuestionCode.split(code), let max = questionRanges.counts[prefix] else {
            return false
        }
        return number >= 1 && number <= max
    }
}
