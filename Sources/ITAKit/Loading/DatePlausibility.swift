import Foundation
import ThaiFormat

/// Dates and years that are well-formed but unlikely for the document they sit in: a signing
/// date outside the document's fiscal year, or an O34 that does not analyse the year before.
/// Each is a warning: the user may be right, but a clerk should look before signing.
enum DatePlausibility {
    /// How long before its fiscal year a document may be signed without a warning: an O34 is
    /// often prepared and signed in the last quarter of the year before (from 1 July).
    static let signingGraceMonths = 3

    /// How many days outside its fiscal year a date is an error rather than a warning.
    static let farDays = 366

    /// Every finding in `data`.
    static func findings(in data: ReportData) -> [ValidationFinding] {
        guard let fy = data.fiscalYear, ReportValidator.plausibleBE.contains(fy) else { return [] }
        var out: [ValidationFinding] = []
        if let date = data.signatory?.date, let f = signingDate(date, fiscalYear: fy) { out.append(f) }
        if data.document == .o34, let f = o34AssessedYear(data.assessment?.year, fiscalYear: fy) { out.append(f) }
        return out
    }

    /// The signing date must fall within the fiscal year, or within `signingGraceMonths` before it.
    static func signingDate(_ date: CalendarDate, fiscalYear fy: Int) -> ValidationFinding? {
        guard let start = CalendarDate.fiscalYearStart(fy), let end = CalendarDate.fiscalYearEnd(fy),
              let earliest = CalendarDate(year: start.year, month: start.month - signingGraceMonths, day: 1) else { return nil }
        let signed = ThaiDateFormat.long(date)
        // More than a year away from the fiscal year is a typo (2668 for 2568), not a late or early signing.
        let far = date.days(to: start) > farDays || end.days(to: date) > farDays
        if date > end {
            return ValidationFinding(
                severity: far ? .error : .warning, kind: .dateOutsideFiscalYear, path: "signatory.date",
                message: Message("check.signed-after-year", ["fiscal_year": "\(fy)", "date": "\(signed)", "end": "\(ThaiDateFormat.long(end))"]),
                hint: yearHint(date, fy))
        }
        if date < earliest {
            return ValidationFinding(
                severity: far ? .error : .warning, kind: .dateOutsideFiscalYear, path: "signatory.date",
                message: Message("check.signed-before-year", ["fiscal_year": "\(fy)", "date": "\(signed)", "months": "\(signingGraceMonths)",
                                                              "start": "\(ThaiDateFormat.long(start))"]),
                hint: yearHint(date, fy))
        }
        return nil
    }

    /// An O34 of fiscal year N analyses the ITA of N − 1.
    static func o34AssessedYear(_ year: Int?, fiscalYear fy: Int) -> ValidationFinding? {
        guard let year, ReportValidator.plausibleBE.contains(year), year != fy - 1 else { return nil }
        return ValidationFinding(
            severity: .warning, kind: .implausibleYear, path: "assessment.year",
            message: Message("check.o34-ita-year", ["fiscal_year": "\(fy)", "previous": "\(fy - 1)", "year": "\(year)"]),
            hint: Message("check.o34-ita-year.hint", ["previous": "\(fy - 1)"]))
    }

    private static func yearHint(_ date: CalendarDate, _ fy: Int) -> Message {
        if date.year > 2400 {
            return Message("check.signed-be-twice", ["year": "\(date.beYear)"])
        }
        return Message("check.signing-year.hint", ["fiscal_year": "\(fy)", "range": "\(ThaiDateFormat.fiscalYearRange(fy))"])
    }
}
