import Foundation
import Yams

/// The shipped forms and the data fields each prints (`Resources/forms.yaml`).
public struct FormCatalog: Sendable {
    /// One form: a document in the layout of a given year.
    public struct Form: Sendable, Equatable, Decodable {
        /// Template base name, e.g. `o35-2564`.
        public var name: String
        public var document: DocumentKind
        /// The year the layout dates from.
        public var year: Int
        /// The data paths it prints (`measures[].title`), each covering everything under it.
        public var prints: [String]
        /// The measure fields it reports as results (O35): what `check` asks and `rollover` leaves to fill.
        public var results: [String]?
        /// Whether periods given as dates print their days by default.
        public var periodDays: Bool?
        /// Whether its measures may run in the fiscal year after the document's.
        public var measuresNextYear: Bool?

        enum CodingKeys: String, CodingKey {
            case name, document, year, prints, results
            case periodDays = "period_days", measuresNextYear = "measures_next_year"
        }

        /// Whether this form prints the data at `path` (a diagnostic path such as `measures[2].steps[0]`).
        public func prints(_ path: String) -> Bool { FormCatalog.covers(prints, path) }
    }

    public var links: [String]
    public var forms: [Form]

    enum CodingKeys: String, CodingKey { case links, forms, everyFormPrints = "every_form_prints" }

    public init(links: [String], forms: [Form]) {
        self.links = links
        self.forms = forms
    }

    /// `every_form_prints` is added to each form's `prints`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let common = try c.decodeIfPresent([String].self, forKey: .everyFormPrints) ?? []
        links = try c.decode([String].self, forKey: .links)
        forms = try c.decode([Form].self, forKey: .forms).map { f in
            var f = f
            f.prints += common
            return f
        }
    }

    /// The shipped catalog (empty when the resource is missing, so nothing is reported rather than everything).
    public static let shipped: FormCatalog = {
        guard let text = try? String(contentsOf: ResourceLocator.url("forms.yaml"), encoding: .utf8),
              let catalog = try? YAMLDecoder().decode(FormCatalog.self, from: text) else {
            return FormCatalog(links: [], forms: [])
        }
        return catalog
    }()

    /// The form a document of `fiscalYear` uses: the form of `formYear` when the data names one (the newest
    /// not newer than it), else the newest form not newer than the document; O34 and O35 took their
    /// current form with the seven analysis issues (fiscal 2566 onward). Nil when no form is shipped.
    public func form(for document: DocumentKind, fiscalYear: Int, formYear: Int? = nil) -> Form? {
        let candidates = forms.filter { $0.document == document }.sorted { $0.year < $1.year }
        if let y = formYear, let exact = candidates.last(where: { $0.year <= y }) { return exact }
        let current = candidates.last?.year ?? fiscalYear
        let effective = document == .analysis ? fiscalYear : (fiscalYear >= 2566 ? max(fiscalYear, current) : fiscalYear)
        return candidates.last(where: { $0.year <= effective }) ?? candidates.first
    }

    /// The form the data's own document uses, when it names one.
    public func form(of data: ReportData) -> Form? {
        guard let document = data.document, let fy = data.fiscalYear else { return nil }
        return form(for: document, fiscalYear: fy, formYear: document == .analysis ? nil : data.options?.formYear)
    }

    /// Whether `path` is a link every form uses.
    public func isLink(_ path: String) -> Bool { Self.covers(links, path) }

    /// The forms that print `path`, by name.
    public func formsPrinting(_ path: String) -> [String] { forms.filter { $0.prints(path) }.map(\.name) }

    static func covers(_ patterns: [String], _ path: String) -> Bool {
        let p = path.replacingOccurrences(of: #"\[[0-9]+\]"#, with: "[]", options: .regularExpression)
        return patterns.contains { x in p == x || p.hasPrefix(x + ".") || p.hasPrefix(x + "[") }
    }
}

extension FormCatalog: Decodable {}
