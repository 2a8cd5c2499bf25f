/// A problem found by a check that lives outside `ReportValidator` (dates, provisional rubrics),
/// placed by its data path; the validator turns it into a `Diagnostic` with line and column.
struct ValidationFinding: Equatable {
    var severity: Diagnostic.Severity
    var kind: Diagnostic.Kind
    var path: String
    var message: Message
    var hint: Message
}
