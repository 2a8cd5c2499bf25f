import Foundation
import ITAKit
import ITAReports

/// One data file as the app shows it: what it is for, what it says, and what its documents still lack.
struct Entry {
    let name: String
    let url: URL
    let text: String
    let version: String
    let loaded: ReportLoader.Result

    var data: ReportData? { loaded.data }
    var organization: String { data?.organization?.name?.trimmingCharacters(in: .whitespaces) ?? "" }
    var fiscalYear: Int? { data?.fiscalYear }
    /// JSON files are shown and written to documents, but edited only as YAML.
    var editable: Bool { data != nil && ["yaml", "yml"].contains(url.pathExtension.lowercased()) }

    init(folder: DataFolder, name: String) throws {
        guard let url = folder.url(named: name) else { throw WebError.noSuchFile(name) }
        let (text, version) = try folder.read(name)
        self.name = name
        self.url = url
        self.text = text
        self.version = version
        loaded = ReportLoader.load(text: text, file: name)
    }

    /// The documents this file gives: the one it names, else every report its data can fill (O34 and the
    /// analysis report as drafts when it can fill none).
    var kinds: [ReportKind] {
        guard let data else { return [] }
        if let own = data.document.flatMap({ ReportKind(rawValue: $0.rawValue) }) { return [own] }
        let possible = ReportGenerator.possibleReports(data)
        let full = ReportKind.allCases.filter { possible[$0] == .some(nil) }
        return full.isEmpty ? [.o34] : full
    }

    /// What `kind` still lacks, in Thai; empty when its document is complete.
    func missing(_ kind: ReportKind) -> [String] {
        guard let data else { return ["ไฟล์ข้อมูลยังมีข้อผิดพลาด"] }
        if let reason = ThaiText.notPossible(kind, data) { return [reason] }
        guard let document = DocumentKind(rawValue: kind.rawValue) else { return [] }
        let filled = (try? loaded.filled(for: [document]))??.data ?? data
        return CompletenessChecker.check(filled, document: document, catalog: loaded.catalog).map(ThaiText.gap)
    }

    /// The forms this file's documents use: its own document's form, else each document's form for its year.
    var forms: [FormCatalog.Form] {
        guard let data else { return [] }
        let catalog = FormCatalog.shipped
        if let form = catalog.form(of: data) { return [form] }
        let fy = data.fiscalYear ?? 0
        return kinds.compactMap { DocumentKind(rawValue: $0.rawValue) }.compactMap {
            catalog.form(for: $0, fiscalYear: fy, formYear: $0 == .analysis ? nil : data.options?.formYear)
        }
    }

    /// Whether a document of this file prints `path` (or uses it to link the data): the form offers only these.
    func prints(_ path: String) -> Bool {
        FormCatalog.shipped.isLink(path) || forms.contains { $0.prints(path) }
    }

    /// The diagnostics placed at `path` or under it.
    func diagnostics(under paths: [String]) -> [Diagnostic] {
        loaded.diagnostics.filter { d in paths.contains { Self.covers($0, d.path) } }
    }

    static func covers(_ prefix: String, _ path: String) -> Bool {
        path == prefix || path.hasPrefix(prefix + ".") || path.hasPrefix(prefix + "[")
    }
}
