import Foundation

/// What an O35 measure did and what came of it, as both O35 forms print them.
public struct O35Result: Encodable, Sendable {
    /// What was done, as numbered items (`details`).
    public var details: [String]
    /// What was done, as paragraphs (`summary`): after the details when both are given.
    public var summary: [String]
    /// What came of it: the user's `outcome`, else written from the citations.
    public var outcome: String
    public var citations: [Citation]

    public struct Citation: Encodable, Sendable {
        public var label: String
        /// Nil when neither the citation nor the assessment gives a score: printed without one.
        public var score: Decimal?
    }
}

/// The view of the O35, 2567 form (`o35-2567`).
public struct O35View2567: Encodable, Sendable {
    public var measures: [Measure]

    public struct Measure: Encodable, Sendable {
        public var title: String
        public var result: O35Result
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(title, forKey: .title)
            try result.encode(to: encoder)
        }
        enum CodingKeys: String, CodingKey { case title }
    }
}

/// The view of the O35, 2564 form (`o35-2564`).
public struct O35View2564: Encodable, Sendable {
    public var measureCount: Int
    /// The organisation's own opening paragraph (`analysis.summary`); empty: the form's wording.
    public var opening: String
    public var measures: [Measure]

    public struct Measure: Encodable, Sendable {
        public var title: String
        public var steps: [String]
        public var owners: [String]
        public var period: String
        public var result: O35Result
        /// ISO dates of the activities.
        public var dates: [String]
        public var suggestion: String

        enum CodingKeys: String, CodingKey { case title, steps, owners, period, dates, suggestion }
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(title, forKey: .title)
            try c.encode(steps, forKey: .steps)
            try c.encode(owners, forKey: .owners)
            try c.encode(period, forKey: .period)
            try c.encode(dates, forKey: .dates)
            try c.encode(suggestion, forKey: .suggestion)
            try result.encode(to: encoder)
        }
    }

    enum CodingKeys: String, CodingKey { case measureCount = "measure_count", opening, measures }
}
