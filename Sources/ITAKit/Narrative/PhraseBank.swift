import Foundation
import Yams

/// The wording the narrative writer uses, read from a data file (`Resources/phrases/th.yaml`).
///
/// Each slot holds several variants of a sentence with `{placeholders}`; which variant a
/// narrative gets is decided by `variant(_:seed:)`, never at random, so the same data always
/// gives the same text.
public struct PhraseBank: Sendable, Equatable {
    /// What one indicator measures, and what an organisation keeps or improves about it.
    public struct IndicatorPhrases: Codable, Sendable, Equatable {
        /// A noun phrase: what the indicator measures.
        public var about: String
        /// A verb phrase: what the organisation keeps doing when the indicator is a strength.
        public var keep: String
        /// A verb phrase: what the organisation does when it is a weakness.
        public var improve: String
    }

    /// The wording of one analysis issue.
    public struct IssuePhrases: Codable, Sendable, Equatable {
        /// Indicators the issue rests on, used when question scores are absent.
        public var indicators: [Int]
        /// A verb phrase: what the organisation develops under this issue.
        public var develop: String
    }

    /// Scores below this fail outright (the long-standing pass mark, 85).
    public var passMark: Decimal
    /// Phrases per indicator number.
    public var indicators: [Int: IndicatorPhrases]
    /// Phrases per issue number.
    public var issues: [Int: IssuePhrases]
    /// Sentence variants per slot.
    public var slots: [String: [String]]

    /// Why a phrase bank could not be used.
    public enum PhraseBankError: Error, CustomStringConvertible, Equatable, Sendable {
        case unreadable(file: String, reason: String)
        case missingSlot(file: String, slot: String)
        case missingIndicator(file: String, number: Int)

        public var description: String {
            switch self {
            case let .unreadable(file, reason):
                return "\(file): the phrase bank cannot be read: \(reason)"
            case let .missingSlot(file, slot):
                return "\(file): the phrase bank has no variants for slot '\(slot)' (add a list under 'slots: \(slot):')"
            case let .missingIndicator(file, number):
                return "\(file): the phrase bank has no entry for indicator \(number) (add it under 'indicators:')"
            }
        }
    }

    /// The slots the writer needs; a bank missing any of them is rejected on load.
    public static let requiredSlots = [
        "indicator.opening", "indicator.score", "indicator.full", "indicator.strength", "indicator.weakness",
        "indicator.urgent", "indicator.keep", "indicator.improve",
        "issue.deficiency", "issue.deficiency.none", "issue.deficiency.indicator", "issue.deficiency.indicator.minor",
        "issue.deficiency.indicator.none",
        "issue.develop", "issue.develop.focus",
        "issue.maintain", "issue.maintain.high", "issue.maintain.none", "issue.maintain.indicator",
        "summary.strengths", "summary.strengths.none", "summary.weaknesses", "summary.weaknesses.none",
        "overview.total", "overview.level", "overview.tools", "overview.counts", "overview.counts.all", "overview.counts.none",
        "rationale", "outcome", "outcome.good", "outcome.short",
    ]

    private struct File: Decodable {
        var passMark: Decimal
        var indicators: [String: IndicatorPhrases]
        var issues: [String: IssuePhrases]
        var slots: [String: [String]]
        enum CodingKeys: String, CodingKey {
            case passMark = "pass_mark", indicators, issues, slots
        }
    }

    /// The Thai phrase bank shipped with the package, read once per process (a batch writes
    /// narratives for every organisation from it).
    public static func thai() throws -> PhraseBank {
        try shippedThai.get()
    }

    private static let shippedThai: Result<PhraseBank, PhraseBankError> = {
        do { return .success(try load(url: ResourceLocator.url("phrases/th.yaml"))) } catch let error as PhraseBankError {
            return .failure(error)
        } catch {
            return .failure(.unreadable(file: "th.yaml", reason: "\(error)"))
        }
    }()

    /// A phrase bank from a YAML file of the same shape as `Resources/phrases/th.yaml`.
    public static func load(url: URL) throws -> PhraseBank {
        let name = url.lastPathComponent
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw PhraseBankError.unreadable(file: name, reason: error.localizedDescription)
        }
        return try load(yaml: text, file: name)
    }

    /// A phrase bank from YAML text; `file` names it in errors.
    public static func load(yaml text: String, file: String = "<phrases>") throws -> PhraseBank {
        let raw: File
        do { raw = try YAMLDecoder().decode(File.self, from: text) } catch {
            throw PhraseBankError.unreadable(file: file, reason: "\(error)")
        }
        var indicators: [Int: IndicatorPhrases] = [:]
        for (k, v) in raw.indicators { if let n = Int(k) { indicators[n] = v } }
        var issues: [Int: IssuePhrases] = [:]
        for (k, v) in raw.issues { if let n = Int(k) { issues[n] = v } }
        for slot in requiredSlots where (raw.slots[slot] ?? []).isEmpty {
            throw PhraseBankError.missingSlot(file: file, slot: slot)
        }
        for n in 1...10 where indicators[n] == nil {
            throw PhraseBankError.missingIndicator(file: file, number: n)
        }
        return PhraseBank(passMark: raw.passMark, indicators: indicators, issues: issues, slots: raw.slots)
    }

    /// The variants of `slot` (empty for an unknown slot).
    public func variants(_ slot: String) -> [String] { slots[slot] ?? [] }

    /// The variant of `slot` for `seed` (a deterministic choice: same slot and seed, same text),
    /// with every `{key}` replaced by `values[key]`.
    public func render(_ slot: String, seed: Int, _ values: [String: String] = [:]) -> String {
        let list = variants(slot)
        guard !list.isEmpty else { return "" }
        return Self.fill(list[Self.index(slot: slot, seed: seed, count: list.count)], values)
    }

    /// Which variant of a slot with `count` variants a seed selects: a stable hash of the slot's
    /// name moved on by the seed, so consecutive seeds (indicators 1, 2, 3 …) take different variants.
    public static func index(slot: String, seed: Int, count: Int) -> Int {
        guard count > 0 else { return 0 }
        let h = Int(truncatingIfNeeded: stableHash(slot) % UInt64(count))
        return ((h + seed) % count + count) % count
    }

    /// `template` with `{key}` replaced by `values[key]`; unknown keys are left as they are.
    public static func fill(_ template: String, _ values: [String: String]) -> String {
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let key = String(rest[rest.index(after: open)..<close])
            if let v = values[key] { out += v } else { out += rest[open...close] }
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        return out
    }

    /// FNV-1a over UTF-8: Swift's `Hasher` is seeded per process and would change the text between runs.
    static func stableHash(_ s: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s.utf8 {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01b3
        }
        return h
    }
}
