import ITAKit

/// An official layout: a report kind in the form of a given year, shipped as `NAME.docx` and `NAME.odt`.
public struct ReportForm: Sendable, Equatable, CustomStringConvertible {
    public let kind: ReportKind
    /// The year the form dates from.
    public let year: Int

    /// Template base name, e.g. `o34-2567`.
    public var name: String { "\(kind.rawValue)-\(year)" }
    public var description: String { name }

    /// Every shipped form.
    public static let all: [ReportForm] = [
        ReportForm(kind: .o34, year: 2564), ReportForm(kind: .o34, year: 2567),
        ReportForm(kind: .o35, year: 2564), ReportForm(kind: .o35, year: 2567),
        ReportForm(kind: .analysis, year: 2568),
    ]

    /// The form for a document of `fiscalYear`: the newest form not newer than the document
    /// (the oldest form for years before every form), or the form of `formYear` when the data names one.
    public static func form(for kind: ReportKind, fiscalYear: Int, formYear: Int? = nil) -> ReportForm {
        let forms = all.filter { $0.kind == kind }.sorted { $0.year < $1.year }
        // The choice is the forms catalog's (ITAKit), so that validate, check and rollover follow the same form.
        if let document = DocumentKind(rawValue: kind.rawValue),
           let chosen = FormCatalog.shipped.form(for: document, fiscalYear: fiscalYear, formYear: formYear),
           let form = forms.first(where: { $0.year == chosen.year }) {
            return form
        }
        if let y = formYear, let exact = forms.last(where: { $0.year <= y }) { return exact }
        let effective = kind == .analysis ? fiscalYear : (fiscalYear >= 2566 ? max(fiscalYear, 2567) : fiscalYear)
        return forms.last(where: { $0.year <= effective }) ?? forms[0]
    }
}
