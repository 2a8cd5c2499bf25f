import Foundation
import ThaiFormat

/// Dates and years that are well-formed but unlikely for the document they sit in: a signing
/// date outside the document's fiscal year, or an O34 that does not analyse the year before.
/// Each is a warning: the user may be right, but a clerk should look before signing.
enum DatePlausibility {
    /// How long before its fiscal year a document may be signed without a warning: an O34 is
    /// often prepared and signed in the last quarter of the year before (from 1 July).
    static let signingGraceMonths = 3

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
        if date > end {
            return ValidationFinding(
                severity: .warning, kind: .dateOutsideFiscalYear, path: "signatory.date",
                message: "the document of fiscal year \(fy) is signed on \(signed), after that fiscal year ended (\(ThaiDateFormat.long(end)))",
                hint: yearHint(date, fy))
        }
        if date < earliest {
            return ValidationFinding(
                severity: .warning, kind: .dateOutsideFiscalYear, path: "signatory.date",
                message: "the document of fiscal year \(fy) is signed on \(signed), more than \(signingGraceMonths) months before that fiscal year starts (\(ThaiDateFormat.long(start)))",
                hint: yearHint(date, fy))
        }
        return nil
    }

    /// An O34 of fiscal year N analyses the ITA of N − 1.
    static func o34AssessedYear(_ year: Int?, fiscalYear fy: Int) -> ValidationFinding? {
        guard let year, ReportValidator.plausibleBE.contains(year), year != fy - 1 else { return nil }
        return ValidationFinding(
            severity: .warning, kind: .implausibleYear, path: "assessment.year",
            message: "an O34 of fiscal year \(fy) analyses the ITA of \(fy - 1), but assessment.year is \(year)",
            hint: "write 'year: \(fy - 1)' under assessment, or check fiscal_year; if the data is for another report, set 'document:' to it")
    }

    private static func yearHint(_ date: CalendarDate, _ fy: Int) -> String {
        if date.year > 2400 {
            return "a year of \(date.beYear) looks like BE written twice (BE = CE + 543); check the year"
        }
        return "fiscal year \(fy) runs \(ThaiDateFormat.fiscalYearRange(fy)); check the year of the signing date (BE = CE + 543)"
    }
}
