/// Names the fields a data file fills that the form of its document does not print, so nothing the
/// clerk writes is lost without a word.
enum FormCoverage {
    /// One warning per filled field (lists and groups reported once, at their first entry) that the form
    /// of `data.document` leaves out; nothing when the file names no document.
    static func diagnostics(_ data: ReportData, filled: [String], sourceMap: SourceMap, file: String,
                            catalog: FormCatalog = .shipped) -> [Diagnostic] {
        guard let form = catalog.form(of: data) else { return [] }
        var reported: Set<String> = []
        var out: [Diagnostic] = []
        // The documents sign with the head's title when the signatory gives no position (or the same one).
        let position = (data.signatory?.position ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let headSigns = position.isEmpty || position == data.organization?.head?.trimmingCharacters(in: .whitespacesAndNewlines)
        for path in filled where !catalog.isLink(path) && !form.prints(path) && !(headSigns && path == "organization.head") {
            let field = Self.field(path)
            guard reported.insert(field).inserted else { continue }
            let elsewhere = catalog.formsPrinting(path).filter { $0 != form.name }
            let hint: Message
            if field.hasPrefix("organization.") {
                hint = Message("check.not-printed.organization", ["name": "\(field.dropFirst("organization.".count))"])
            } else if elsewhere.isEmpty {
                hint = Message("check.not-printed.remove")
            } else {
                hint = Message("check.not-printed.elsewhere", ["forms": "\(elsewhere.joined(separator: ", "))"])
            }
            let p = sourceMap.position(of: path)
            out.append(Diagnostic(.warning, .notPrinted, file: file, line: p?.line, column: p?.column, path: field,
                                  problem: Message("check.not-printed", ["form": "\(form.name)"]), remedy: hint))
        }
        return out
    }

    /// The field a value belongs to, for one report per field: `measures[2].steps[1]` → `measures[2].steps`,
    /// `analysis.indicators.9` → `analysis.indicators.9`, `photos[0].caption` → `photos[0]`.
    static func field(_ path: String) -> String {
        var p = path
        if p.hasSuffix("]"), let open = p.lastIndex(of: "[") { p = String(p[..<open]) }
        if p.hasPrefix("photos["), let dot = p.firstIndex(of: ".") { p = String(p[..<dot]) }
        if p.range(of: #"\.citations\[[0-9]+\]\."#, options: .regularExpression) != nil,
           let r = p.range(of: ".citations") { p = String(p[..<r.upperBound]) }
        return p
    }
}
