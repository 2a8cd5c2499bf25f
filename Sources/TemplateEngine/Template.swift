import Foundation
import OfficePackage
import OfficeXML
import Synchronization

/// A DOCX or ODT template, read and analysed once, then filled any number of times.
public final class Template: Sendable {
    /// One tag of the template and what it expands to.
    public struct TagInfo: Sendable, CustomStringConvertible {
        public let location: TagLocation
        public let tag: String
        public let meaning: String
        public var description: String { "\(location.part) ¶\(location.paragraph): {{\(tag)}} — \(meaning)" }
    }

    /// One text part: `hasTags` false for parts a fill leaves as they are (an ODT's styles.xml without
    /// tags), which are then copied raw, never parsed again nor rewritten.
    struct Part: Sendable {
        let name: String
        let hasTags: Bool
        /// Compiled for Arabic digits (nil: a shape the program does not express, or no tags).
        let program: PartProgram?
        /// Compiled for the digit scripts of the template's language, by name.
        let scriptPrograms: [String: PartProgram?]
        /// The part with its tags anchored, as bytes: a part without a program is filled through its
        /// tree, parsed from them, and a script met first in a fill is compiled from them.
        let normalized: Data
    }

    public let package: OfficePackage
    public var kind: PackageKind { package.kind }
    /// Every tag in document order with what it does.
    public let tags: [TagInfo]
    private let parts: [Part]
    /// The parts besides the text parts that a fill may change (numbering, relationships, list of parts).
    private let support: SupportParts
    /// The template's tags parsed once, by their text, for every fill to start from.
    private let parsedTags: [String: Tag]
    private let dialect: any Dialect
    /// The largest page: pictures are bounded by it.
    private let page: PageSize
    /// The filters and digit scripts tags may use.
    private let language: TemplateLanguage
    /// Programs for digit scripts not in the language, compiled when a fill first asks (part → script → program).
    private let lateScriptPrograms = Mutex<[String: [String: PartProgram?]]>([:])
    /// `word/numbering.xml` read for fills, by list number format ("" for the template's own).
    private let numberingBases = Mutex<[String: NumberingBase?]>([:])

    /// Reads and checks a template file.
    public convenience init(contentsOf url: URL, limits: PackageLimits = .default, language: TemplateLanguage = .standard) throws {
        try self.init(package: OfficePackage(contentsOf: url, limits: limits), language: language)
    }

    /// Checks a template package: tag syntax, balanced blocks and what each block repeats, then
    /// compiles each text part. All problems are reported together in one `TemplateError.invalidTemplate`.
    public init(package: OfficePackage, language: TemplateLanguage = .standard) throws {
        self.package = package
        self.language = language
        let dialect = makeDialect(for: package.kind)
        self.dialect = dialect
        var problems: [TemplateProblem] = []
        var tags: [TagInfo] = []
        var nextId = 1
        let textParts = dialect.textParts(of: package)
        try package.verify(skipping: Set(textParts))
        var docs: [(String, XMLDocument)] = []
        for name in textParts { docs.append((name, try package.xmlDocument(name))) }
        let page = dialect.largestPage(docs.map { (name: $0.0, document: $0.1) })
        self.page = page
        let analysis = RenderSession(options: .init(), dialect: dialect, page: page, filters: language.filters)
        var analysed: [(name: String, document: XMLDocument, hasTags: Bool)] = []
        for (name, doc) in docs {
            problems += try TagNormalizer(dialect: dialect, document: doc, part: name).run(startingId: &nextId)
            guard let root = doc.root else { analysed.append((name, doc, false)); continue }
            let analyser = PartRenderer(document: doc, part: name, session: analysis, loadRelationships: { nil })
            let anchors = analyser.anchors(in: root)
            analysed.append((name, doc, !anchors.isEmpty))
            let (items, blockProblems) = BlockParser.parse(anchors)
            problems += blockProblems
            problems += Self.check(items, dialect: dialect, page: page, filters: language.filters, tags: &tags)
        }
        if !problems.isEmpty { throw TemplateError.invalidTemplate(path: package.path, problems: problems) }
        self.tags = tags
        parsedTags = analysis.parsedTags
        var parts: [Part] = []
        for (name, doc, hasTags) in analysed {
            let program = hasTags ? Self.compile(doc, name, dialect: dialect, digits: .arabic, path: package.path) : nil
            var scripts: [String: PartProgram?] = [:]
            for script in language.digitScripts { scripts[script.name] = Self.compile(doc, name, dialect: dialect, digits: script, path: package.path) }
            parts.append(Part(name: name, hasTags: hasTags, program: program, scriptPrograms: scripts, normalized: try doc.serialize()))
        }
        self.parts = parts
        support = try dialect.supportParts(of: package, textParts: parts.map(\.name))
    }

    /// The numbering part for fills whose lists number in `format` (nil: as the template has them), read
    /// once; nil without one (or when it does not parse, as then no list restarts).
    private func numberingBase(format: String?) -> NumberingBase? {
        guard let data = support.numbering else { return nil }
        let key = format ?? ""
        if let known = numberingBases.withLock({ $0[key] }) { return known }
        let base = NumberingBase(data: data, format: format)
        numberingBases.withLock { $0[key] = .some(base) }
        return base
    }

    static func compile(_ doc: XMLDocument, _ name: String, dialect: any Dialect, digits: DigitScript, path: String) -> PartProgram? {
        do { return try ProgramCompiler(document: doc, part: name, dialect: dialect, digits: digits).compile() } catch {
            if ProcessInfo.processInfo.environment["ITAREPORT_CROSSCHECK"] != nil {
                FileHandle.standardError.write(Data("CROSSCHECK not compiled \(path) \(name): \(error)\n".utf8))
            }
            return nil
        }
    }

    /// The program of `part` for `digits`: compiled when the template was read, or now, once.
    private func program(_ part: Part, digits: DigitScript) -> PartProgram? {
        if digits.pass == nil { return part.program }
        if let known = part.scriptPrograms[digits.name] { return known }
        if let late = lateScriptPrograms.withLock({ $0[part.name]?[digits.name] }) { return late }
        let compiled = (try? XMLDocument(data: part.normalized, name: part.name)).flatMap {
            Self.compile($0, part.name, dialect: dialect, digits: digits, path: package.path)
        }
        lateScriptPrograms.withLock { $0[part.name, default: [:]][digits.name] = .some(compiled) }
        return compiled
    }

    private static func check(_ items: [Item], dialect: any Dialect, page: PageSize, filters: FilterSet, tags: inout [TagInfo]) -> [TemplateProblem] {
        var problems: [TemplateProblem] = []
        for item in items {
            switch item {
            case let .leaf(a):
                guard let tag = a.tag else { continue }
                let meaning: String
                switch tag {
                case let .value(e): meaning = "value of \(e.path?.description ?? "\"\(e.literal ?? "")\"")" + (e.filters.isEmpty ? "" : " through " + e.filters.map(\.name).joined(separator: ", "))
                    for f in e.filters { if let p = filters.problem(with: f) { problems.append(a.problem(p)) } }
                case let .merge(e):
                    meaning = "value of \(e.path?.description ?? "") in a cell merged down over equal rows"
                    for f in e.filters { if let p = filters.problem(with: f) { problems.append(a.problem(p)) } }
                case let .image(p, w, h):
                    meaning = "picture from \(p)"
                    for (spec, name, limit) in [(w, "width", page.width), (h, "height", page.height)] {
                        if case let .literal(l)? = spec, l.centimetres > limit {
                            problems.append(a.problem("the picture \(name) \(String(format: "%gcm", l.centimetres)) is larger than the page (\(String(format: "%.1f × %.1f", page.width, page.height)) cm): give at most \(String(format: "%.1f", limit))cm"))
                        }
                    }
                default: meaning = ""
                }
                tags.append(TagInfo(location: a.location, tag: a.raw, meaning: meaning))
            case let .block(b):
                guard let close = b.close else { continue }
                switch dialect.structure(open: b.open.node, close: close.node, elseNode: b.elseAnchor?.node) {
                case let .success(s):
                    let verb = b.kind == .each ? "repeats" : (b.kind == .if ? "shows if true" : "shows if false")
                    tags.append(TagInfo(location: b.open.location, tag: b.open.raw, meaning: "\(verb) \(s.label) (closes at \(close.location.part) ¶\(close.location.paragraph))"))
                case let .failure(f):
                    problems.append(b.open.problem(f.message))
                }
                problems += check(b.children, dialect: dialect, page: page, filters: filters, tags: &tags)
                problems += check(b.elseChildren, dialect: dialect, page: page, filters: filters, tags: &tags)
            }
        }
        return problems
    }

    /// Fills the template and returns the changed and added parts.
    public func render(_ data: TemplateValue, options: RenderOptions = RenderOptions()) throws -> (changes: PackageChanges, report: RenderReport) {
        if ProcessInfo.processInfo.environment["ITAREPORT_CROSSCHECK"] != nil {
            let a = Result { try render(data, options: options, compiled: true) }
            let b = Result { try render(data, options: options, compiled: false) }
            switch (a, b) {
            case let (.success(x), .success(y)):
                for (k, v) in y.changes.replaced where x.changes.replaced[k] != v {
                    FileHandle.standardError.write(Data("CROSSCHECK MISMATCH \(package.path) \(k)\n".utf8))
                    let tag = "\(abs(package.path.hashValue) % 100000)-\(k.replacingOccurrences(of: "/", with: "_"))"
                    try? v.write(to: URL(fileURLWithPath: "/tmp/xc-\(tag)-old.xml"))
                    try? x.changes.replaced[k]?.write(to: URL(fileURLWithPath: "/tmp/xc-\(tag)-new.xml"))
                }
                if Set(x.changes.replaced.keys) != Set(y.changes.replaced.keys) || x.changes.added.map(\.name) != y.changes.added.map(\.name) || x.changes.added.map(\.data) != y.changes.added.map(\.data) {
                    FileHandle.standardError.write(Data("CROSSCHECK MISMATCH parts \(package.path)\n".utf8))
                }
                if x.report.warnings != y.report.warnings { FileHandle.standardError.write(Data("CROSSCHECK MISMATCH warnings \(package.path)\n".utf8)) }
            case let (.failure(e1), .failure(e2)):
                if "\(e1)" != "\(e2)" { FileHandle.standardError.write(Data("CROSSCHECK MISMATCH errors \(package.path)\n\(e1)\n\(e2)\n".utf8)) }
            default:
                FileHandle.standardError.write(Data("CROSSCHECK MISMATCH outcome \(package.path)\n".utf8))
            }
            return try a.get()
        }
        return try render(data, options: options, compiled: true)
    }

    /// Fills through the compiled programs (`compiled`: parts without one through their tree) or through
    /// the document tree only; the fuzz targets compare the two.
    @_spi(Fuzzing) public func render(_ data: TemplateValue, options: RenderOptions, compiled: Bool) throws -> (changes: PackageChanges, report: RenderReport) {
        let session = RenderSession(options: options, dialect: dialect, page: page, filters: language.filters)
        session.parsedTags = parsedTags
        let format = options.digits.pass?.wordNumberFormat
        session.numberingBase = { [self] in numberingBase(format: format) }
        // A digit script changes the list numbers of the part even when no list restarts.
        if format != nil { _ = session.numbering }
        var changes = PackageChanges()
        var relParts: [(String, Relationships)] = []
        // A digit script changes every part's static text; otherwise a part without tags stays as it is.
        for part in parts where part.hasTags || options.digits.pass != nil {
            let name = part.name
            let relName = Relationships.partName(for: name)
            let loadRelationships = { [support] () throws -> Relationships? in try Relationships(data: support.relationships[relName], name: relName) }
            if compiled, let program = program(part, digits: options.digits) {
                let renderer = ProgramRenderer(program: program, session: session, loadRelationships: loadRelationships)
                var bytes = renderer.render(data)
                if let p = session.runaway { throw TemplateError.tooLarge(path: package.path, problem: p) }
                if let rels = renderer.relationships { relParts.append((relName, rels)) }
                // A caller's last pass over the part sees the filled tree, whichever way it was filled.
                if let finish = options.finishPart {
                    let doc = try XMLDocument(data: bytes, name: name)
                    try finish(name, doc)
                    bytes = try doc.serialize()
                }
                changes.replaced[name] = bytes
                continue
            }
            let doc = try XMLDocument(data: part.normalized, name: name)
            let renderer = PartRenderer(document: doc, part: name, session: session, loadRelationships: loadRelationships)
            if let root = doc.root { renderer.render(root: root, data: data) }
            if let p = session.runaway { throw TemplateError.tooLarge(path: package.path, problem: p) }
            if let rels = renderer.relationships { relParts.append((relName, rels)) }
            try options.finishPart?(name, doc)
            changes.replaced[name] = try doc.serialize()
        }
        if !session.problems.isEmpty && !options.lenient {
            throw TemplateError.unresolved(path: package.path, problems: session.problems)
        }
        if let numbering = session.numberingIfUsed, numbering.changed {
            changes.replaced[Numbering.partName] = numbering.serialize()
        }
        for (name, rels) in relParts {
            if package.contains(name) { changes.replaced[name] = try rels.serialize() } else { changes.added.append((name, try rels.serialize())) }
        }
        if !session.addedParts.isEmpty {
            let list = try dialect.listAddedParts(session.addedParts, in: support, path: package.path)
            changes.replaced[list.name] = list.data
            for p in session.addedParts { changes.added.append((p.name, p.data)) }
        }
        var warnings = session.warnings
        if options.lenient { warnings += session.problems.map(\.description) }
        return (changes, RenderReport(warnings: warnings))
    }

    /// Fills the template and writes the document to `url` atomically. The extension must match the template's.
    @discardableResult
    public func render(_ data: TemplateValue, to url: URL, options: RenderOptions = RenderOptions()) throws -> RenderReport {
        guard url.pathExtension.lowercased() == kind.fileExtension else {
            throw TemplateError.outputExtension(output: url.path, expected: kind.fileExtension)
        }
        let (changes, report) = try render(data, options: options)
        try package.write(to: url, changes: changes)
        return report
    }
}
