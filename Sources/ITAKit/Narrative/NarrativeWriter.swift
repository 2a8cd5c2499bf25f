import Foundation
import ThaiFormat

/// Writes, from the scores, every narrative a data file leaves out: a paragraph per indicator,
/// the three blocks of each O34 analysis issue, the strengths/weaknesses summaries, the overall
/// paragraph, the analysis report's rationale, and O35 results that cite an ITA figure.
///
/// What the user wrote always wins: only `nil` fields are filled (an empty string stays empty).
///
/// ```swift
/// let loaded = ReportLoader.load(path: "data.yaml")
/// let writer = try NarrativeWriter(catalog: loaded.catalog!)
/// let filled = writer.fill(loaded.data!)
/// for g in filled.generated { print(g.path, g.text) }
/// ```
public struct NarrativeWriter: Sendable {
    /// The framework of the assessed year: indicator names, questions, issues, the strength threshold.
    public var catalog: FrameworkCatalog
    /// The wording.
    public var phrases: PhraseBank

    /// A writer for `catalog` with the Thai phrase bank shipped with the package.
    public init(catalog: FrameworkCatalog) throws {
        self.init(catalog: catalog, phrases: try PhraseBank.thai())
    }

    /// A writer for `catalog` with the given phrase bank.
    public init(catalog: FrameworkCatalog, phrases: PhraseBank) {
        self.catalog = catalog
        self.phrases = phrases
    }

    /// The narratives each document needs.
    static func sections(for kinds: Set<DocumentKind>) -> Set<GeneratedNarrative.Kind> {
        // Only what a document prints: the O34 forms print the issue blocks, not the indicator paragraphs
        // or the summaries, which the analysis report prints.
        var out: Set<GeneratedNarrative.Kind> = []
        if kinds.contains(.analysis) { out.formUnion([.indicator, .strengths, .weaknesses, .overview, .rationale]) }
        if kinds.contains(.o34) { out.formUnion([.deficiencies, .toDevelop, .maintain]) }
        if kinds.contains(.o35) { out.insert(.outcome) }
        return out
    }

    /// `data` with its missing narratives written for the documents in `kinds`
    /// (by default the data's own `document`, or all documents when it names none).
    public func fill(_ data: ReportData, for kinds: Set<DocumentKind>? = nil) -> FilledReport {
        let wanted = Self.sections(for: kinds ?? data.document.map { [$0] } ?? Set(DocumentKind.allCases))
        let context = Context(data: data, catalog: catalog, phrases: phrases)
        var out = data
        var generated: [GeneratedNarrative] = []
        func record(_ path: String, _ kind: GeneratedNarrative.Kind, _ text: String) -> String {
            let t = context.digits(text)
            generated.append(GeneratedNarrative(path: path, kind: kind, text: t))
            return t
        }
        var analysis = data.analysis ?? Analysis()
        let before = analysis

        if wanted.contains(.rationale), analysis.rationale == nil, let text = context.rationale() {
            analysis.rationale = record("analysis.rationale", .rationale, text)
        }
        if wanted.contains(.overview), analysis.overview == nil, let text = context.overview() {
            analysis.overview = record("analysis.overview", .overview, text)
        }
        if wanted.contains(.strengths), analysis.strengths == nil, let text = context.strengthsSummary() {
            analysis.strengths = record("analysis.strengths", .strengths, text)
        }
        if wanted.contains(.weaknesses), analysis.weaknesses == nil, let text = context.weaknessesSummary() {
            analysis.weaknesses = record("analysis.weaknesses", .weaknesses, text)
        }
        if wanted.contains(.indicator) {
            var texts = analysis.indicators ?? [:]
            for n in context.scoredIndicators where texts[n] == nil {
                if let text = context.indicatorParagraph(n) {
                    texts[n] = record("analysis.indicators.\(n)", .indicator, text)
                }
            }
            if !texts.isEmpty { analysis.indicators = texts }
        }
        if wanted.contains(.deficiencies), !context.issues.isEmpty {
            var issues = analysis.issues ?? []
            let present = Set(issues.compactMap(\.issue))
            for issue in context.issues where !present.contains(issue.number) {
                issues.append(IssueAnalysis(issue: issue.number))
            }
            issues = issues.enumerated().sorted { a, b in
                (a.element.issue ?? Int.max, a.offset) < (b.element.issue ?? Int.max, b.offset)
            }.map(\.element)
            for i in issues.indices {
                guard let n = issues[i].issue, let blocks = context.issueBlocks(n, questions: issues[i].questions)
                else { continue }
                let path = "analysis.issues[\(i)]"
                if issues[i].deficiencies == nil {
                    issues[i].deficiencies = record(path + ".deficiencies", .deficiencies, blocks.deficiencies)
                }
                if issues[i].toDevelop == nil {
                    issues[i].toDevelop = record(path + ".to_develop", .toDevelop, blocks.toDevelop)
                }
                if issues[i].maintain == nil {
                    issues[i].maintain = record(path + ".maintain", .maintain, blocks.maintain)
                }
            }
            analysis.issues = issues
        }
        if analysis != before || data.analysis != nil { out.analysis = analysis }

        if wanted.contains(.outcome), var measures = data.measures {
            for i in measures.indices where measures[i].outcome == nil {
                if let text = context.outcome(measures[i], index: i) {
                    measures[i].outcome = record("measures[\(i)].outcome", .outcome, text)
                }
            }
            out.measures = measures
        }
        return FilledReport(data: out, generated: generated)
    }
}

extension ReportLoader.Result {
    /// The data with its missing narratives written, or nil when the file could not be read
    /// or has no framework year.
    public func filled(for kinds: Set<DocumentKind>? = nil) throws -> FilledReport? {
        guard let data, let catalog else { return nil }
        return try NarrativeWriter(catalog: catalog).fill(data, for: kinds)
    }
}
