import Foundation
import Synchronization
import ITAKit
import OfficePackage
import TemplateEngine
import ThaiFormat

/// Writes the yearly documents of one data file: each report kind, in each format, from the shipped
/// (or the user's) templates. Templates are read once and reused across documents.
public final class ReportGenerator: Sendable {
    /// One file written.
    public struct Output: Sendable {
        public let kind: ReportKind
        public let form: ReportForm
        public let format: PackageKind
        public let url: URL
        public let warnings: [String]
        /// True when the document still has blanks: its pages carry "ร่าง" and its name says so.
        public var draft: Bool = false
    }

    /// Where each template comes from.
    public let templates: TemplateSet
    /// Leave names missing from the data empty (each one a warning) instead of failing.
    public let lenient: Bool
    /// What this generator has found so far, shared by the threads of a batch.
    private struct Found {
        var cache: [String: Template] = [:]
        /// The template file of each form and format, found once (looking costs several file look-ups).
        var resolved: [String: URL] = [:]
        var chartTargets: [ObjectIdentifier: ChartParts.Targets] = [:]
        var noted: [String] = []
    }
    private let found = Mutex(Found())
    /// Paragraphs kept whole at line ends, shared by every document this generator writes (all its
    /// keepers have the shipped word list): a template's own text is worked out once, not per document.
    private let keptParagraphs = LineKeepingPass.Memo()

    public init(templates: TemplateSet, lenient: Bool = false) {
        self.templates = templates
        self.lenient = lenient
    }

    /// The shipped templates in `templateDirectory`.
    public convenience init(templateDirectory: URL) {
        self.init(templates: .shipped(templateDirectory))
    }

    /// The template of `form` in `format`, loaded once.
    public func template(for form: ReportForm, format: PackageKind) throws -> Template {
        let key = "\(form.name).\(format.fileExtension)"
        if let t = found.withLock({ f in f.resolved[key].flatMap { f.cache[$0.path] } }) { return t }
        let (url, note) = try templates.resolve(form, format: format)
        return try found.withLock { f in
            f.resolved[key] = url
            if let note, !f.noted.contains(note) { f.noted.append(note) }
            if let t = f.cache[url.path] { return t }
            guard FileManager.default.fileExists(atPath: url.path) else { throw GenerateError.templateMissing(path: url.path) }
            let t = try Template(contentsOf: url, language: ThaiTemplateLanguage.language)
            f.cache[url.path] = t
            return t
        }
    }

    /// The chart frames of a template (loaded through `template(for:format:)`), read once.
    func chartTargets(of template: Template) throws -> ChartParts.Targets {
        if let known = found.withLock({ $0.chartTargets[ObjectIdentifier(template)] }) { return known }
        let targets = try ChartParts.Targets(package: template.package)
        found.withLock { $0.chartTargets[ObjectIdentifier(template)] = targets }
        return targets
    }

    /// What the templates used so far said about themselves, each once: the shipped templates that stood
    /// in for ones the user's `--template` lacks.
    public var templateNotes: [String] {
        found.withLock { $0.noted }
    }

    /// The reports this data can fill, and for the others why not.
    public static func possibleReports(_ data: ReportData) -> [ReportKind: String?] {
        possibleReportReasons(data).mapValues { $0.map { $0.text(in: .en) } }
    }

    /// Which reports `data` can fill: nil for each that it can, else why not, as a catalogue message.
    public static func possibleReportReasons(_ data: ReportData) -> [ReportKind: Message?] {
        let scored = Set((data.assessment?.indicators ?? [:]).keys)
        let hasScores = Set(1...10).isSubset(of: scored)
        let measures = data.measures ?? []
        let hasResults = measures.contains { ($0.outcome ?? $0.summary ?? "").isEmpty == false || !($0.details ?? []).isEmpty }
        let analysesLastYear = data.assessment?.year == nil || data.assessment?.year == data.fiscalYear.map { $0 - 1 }
        var o34: Message?
        if !hasScores { o34 = Message("report.o34-needs-scores") }
        else if measures.isEmpty { o34 = Message("report.o34-needs-measures") }
        else if !analysesLastYear {
            o34 = Message("report.o34-year", ["fiscal_year": "\(data.fiscalYear ?? 0)", "year": "\(data.assessment?.year ?? 0)"])
        }
        return [
            .o34: o34,
            .analysis: hasScores ? nil : Message("report.analysis-needs-scores"),
            .o35: !measures.isEmpty && hasResults ? nil : Message("report.o35-needs-results"),
        ]
    }

    /// The file name of a report: item, organisation and year, e.g. `O34_เทศบาลเมืองศรีสะเกษ_2568.docx`;
    /// a draft ends in `_ร่าง` (`O35_เทศบาลเมืองศรีสะเกษ_2568_ร่าง.docx`). A name longer than `maxBytes` (the
    /// file system's limit) has the organisation's name cut at a character boundary and marked with a short
    /// hash; the DOCX, ODT and PDF of a report share one stem.
    public static func fileName(kind: ReportKind, data: ReportData, format: PackageKind, draft: Bool = false,
                                maxBytes: Int = SafeFileName.defaultLimit) -> String {
        let org = SafeFileName.from(data.organization?.name ?? "organization")
        let head = "\(kind.filePrefix)_", tail = "_\(data.fiscalYear ?? 0)\(draft ? draftSuffix : "")"
        // Room for the longest extension, so every format's name is cut the same way.
        let room = maxBytes - head.utf8.count - tail.utf8.count - 1 - ExportFormat.allCases.map(\.fileExtension.utf8.count).max()!
        return head + SafeFileName.fit(org, maxBytes: max(room, 16)) + tail + "." + format.fileExtension
    }

    /// What a draft's file name ends with, before the extension.
    public static let draftSuffix = "_ร่าง"

    /// What `kind` still lacks in `data` (already carrying its narratives): why it cannot be filled, and the
    /// NACC requirements it does not meet. Empty when the document is final.
    public static func blanks(of kind: ReportKind, in data: ReportData, catalog: FrameworkCatalog?) -> [String] {
        blankMessages(of: kind, in: data, catalog: catalog).map { $0.text(in: .en) }
    }

    /// `blanks(of:in:catalog:)` as catalogue messages, to show in either language.
    public static func blankMessages(of kind: ReportKind, in data: ReportData, catalog: FrameworkCatalog?) -> [Message] {
        if let reason = possibleReportReasons(data)[kind] ?? nil { return [reason] }
        guard let document = DocumentKind(rawValue: kind.rawValue) else { return [] }
        return CompletenessChecker.check(data, document: document, catalog: catalog).map(\.message)
    }

    /// Fills `kinds` × `formats` of a loaded data file into `outputDirectory`, writing first the narratives
    /// the data leaves out (what the user wrote always wins). Returns the files and the narratives written.
    public func generate(loaded: ReportLoader.Result, dataURL: URL, kinds: [ReportKind], formats: [PackageKind],
                         outputDirectory: URL, formYear: Int? = nil) throws -> (outputs: [Output], generated: [GeneratedNarrative]) {
        guard let data = loaded.data else { throw GenerateError.invalidData(path: dataURL.path, diagnostics: loaded.diagnostics) }
        let documents = Set(kinds.compactMap { DocumentKind(rawValue: $0.rawValue) })
        let filled = try loaded.filled(for: documents)
        let outputs = try generate(data: filled?.data ?? data, scores: loaded.scoreCard, catalog: loaded.catalog,
                                   dataDirectory: dataURL.deletingLastPathComponent(), kinds: kinds, formats: formats,
                                   outputDirectory: outputDirectory, formYear: formYear,
                                   generatedPaths: Set((filled?.generated ?? []).map(\.path)))
        return (outputs, filled?.generated ?? [])
    }

    /// Fills `kinds` × `formats` into `outputDirectory`. `data` should already carry its narratives.
    public func generate(data: ReportData, scores: ScoreCard?, catalog: FrameworkCatalog?, dataDirectory: URL,
                         kinds: [ReportKind], formats: [PackageKind], outputDirectory: URL, formYear: Int? = nil,
                         generatedPaths: Set<String> = []) throws -> [Output] {
        try OutputFolder.create(outputDirectory)
        var builder = ReportViewBuilder(data: data, scores: scores, catalog: catalog, baseDirectory: dataDirectory, generatedPaths: generatedPaths)
        let digits: DigitScript = data.options?.digits == .thai ? .thai : .arabic
        let created = try DocumentProperties.generationTime()
        let organization = data.organization?.name ?? ""
        let lines = LineKeepingPass(keeper: ThaiLineKeeper(words: try KeepWholeWords.shipped(), names: [organization]),
                                    cellKeeper: ThaiLineKeeper(words: try KeepWholeWords.shipped(), names: [organization], inCells: true),
                                    memo: keptParagraphs)
        let limit = SafeFileName.limit(in: outputDirectory)
        // The organisation's charts are drawn once for all its documents.
        let drawn = ChartParts.Drawn()
        // Each document is written under a short scratch name first and all are renamed into place at the
        // end: a failure leaves none of them, and a long final name never has temporary suffixes added to it.
        var rendered: [(output: Output, scratch: URL)] = []
        defer { for r in rendered { unlink(r.scratch.path) } }
        for kind in kinds {
            let form = ReportForm.form(for: kind, fiscalYear: data.fiscalYear ?? 0, formYear: formYear ?? (kind == .analysis ? nil : data.options?.formYear))
            // The 2564 O34 prints only what the user wrote beside an indicator: a generated text fills no blank.
            var checked = data
            if kind == .o34, var a = checked.analysis, var texts = a.indicators {
                for p in generatedPaths where p.hasPrefix("analysis.indicators.") {
                    if let n = Int(p.dropFirst("analysis.indicators.".count)) { texts[n] = nil }
                }
                a.indicators = texts
                checked.analysis = a
            }
            builder.draft = !Self.blanks(of: kind, in: checked, catalog: catalog).isEmpty
            let view = builder.view(for: form)
            for format in formats {
                let template = try template(for: form, format: format)
                let url = outputDirectory.appendingPathComponent(Self.fileName(kind: kind, data: data, format: format, draft: builder.draft, maxBytes: limit))
                let scratch = ScratchFiles.url(in: outputDirectory, suffix: "." + format.fileExtension)
                var options = RenderOptions(lenient: lenient, digits: digits, assetRoot: dataDirectory)
                // Line-break rules, the signature's keep and whole rows go on each filled part's tree before
                // it is written out.
                let rows = try RowKeeping(package: template.package, kind: format)
                options.finishPart = { name, document in
                    try lines.apply(to: document, part: name, kind: format)
                    SignatureKeeping.apply(to: document, part: name, kind: format)
                    rows.apply(to: document, part: name, kind: format)
                }
                var (changes, report) = try template.render(view, options: options)
                try ChartParts(view: view).apply(to: &changes, targets: try chartTargets(of: template), drawn: drawn)
                DocumentProperties(kind: kind, organization: organization, fiscalYear: data.fiscalYear ?? 0, created: created)
                    .apply(to: &changes, package: template.package)
                do { try template.package.write(to: scratch, changes: changes) } catch let PackageError.writeFailed(_, reason) {
                    throw GenerateError.cannotWrite(path: url.path, reason: reason)
                }
                rendered.append((Output(kind: kind, form: form, format: format, url: url, warnings: report.warnings, draft: builder.draft), scratch))
            }
        }
        for (i, r) in rendered.enumerated() where rename(r.scratch.path, r.output.url.path) != 0 {
            let reason = String(cString: strerror(errno))
            for done in rendered[..<i] { unlink(done.output.url.path) }
            throw GenerateError.cannotWrite(path: r.output.url.path, reason: reason)
        }
        let outputs = rendered.map(\.output)
        rendered = []
        return outputs
    }
}
