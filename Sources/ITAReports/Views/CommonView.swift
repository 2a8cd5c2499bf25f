import Foundation

/// A form's view: the names every form shares, then the form's own (one object for the template).
public struct FormView<Body: Encodable & Sendable>: Encodable, Sendable {
    public var common: CommonView
    public var body: Body

    public func encode(to encoder: any Encoder) throws {
        try common.encode(to: encoder)
        try body.encode(to: encoder)
    }
}

/// The names common to every template (Templates/README.md, "Common to every template").
public struct CommonView: Encodable, Sendable {
    public var org: OrgView
    public var fiscalYear: Int
    public var assessedYear: Int
    public var signatory: SignatoryView
    public var total: Decimal?
    public var level: String
    /// True while the document still has blanks: the header shows "ร่าง".
    public var draft: Bool

    enum CodingKeys: String, CodingKey {
        case org, fiscalYear = "fiscal_year", assessedYear = "assessed_year", signatory, total, level, draft
    }
}

/// `org`: the organisation, with any extra text field of the data file's `organization` as `org.<name>`.
public struct OrgView: Encodable, Sendable {
    public var name: String
    public var district: String
    public var province: String
    public var kind: String
    public var website: String
    public var address: String
    public var head: String
    /// A file path (resolved against the data file's folder), or nil: no logo paragraph.
    public var logo: String?
    /// Extra fields (`phone`, `email`, …), by name.
    public var extra: [String: String]

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ s: String) { stringValue = s }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        for (k, v) in extra.sorted(by: { $0.key < $1.key }) { try c.encode(v, forKey: Key(k)) }
        try c.encode(name, forKey: Key("name"))
        try c.encode(district, forKey: Key("district"))
        try c.encode(province, forKey: Key("province"))
        try c.encode(kind, forKey: Key("kind"))
        try c.encode(website, forKey: Key("website"))
        try c.encode(address, forKey: Key("address"))
        try c.encode(head, forKey: Key("head"))
        try c.encodeIfPresent(logo, forKey: Key("logo"))
    }
}

/// `signatory`.
public struct SignatoryView: Encodable, Sendable {
    public var name: String
    public var position: String
    /// ISO date, or nil: the template prints a dotted blank.
    public var date: String?
}

/// One row of an indicator table (`indicators[]`).
public struct IndicatorRowView: Encodable, Sendable {
    public var tool: String
    public var number: Int
    public var name: String
    public var score: Decimal?
}

/// One row of a tool table (`tools[]` of the analysis report).
public struct ToolScoreView: Encodable, Sendable {
    public var name: String
    public var score: Decimal
}
