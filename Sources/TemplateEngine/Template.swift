import Foundation
import OfficePackage
import OfficeXML

/// A DOCX or ODT template, read and analysed once, then filled any number of times.
public final class Template: @unchecked Sendable {
    /// One tag of the template and what it expands to.
    public struct TagInfo: Sendable, CustomStringConvertible {
        public let location: TagLocation
        public let tag: String
        public let meaning: String
        public var description: String { "\(location.part) ¶\(location.paragraph): {{\(tag)}} — \(meaning)" }
    }

    public let package: OfficePackage
    public var kind: PackageKind { package.kind }
    /// Every tag in document order with what it does.
    public private(set) var tags: [TagInfo] = []
    /// The text parts, tags anchored; `hasTags` false for parts a fill leaves as they are (an ODT's
    /// styles.xml without tags), which are then copied raw, never parsed again nor rewritten.
    private var parts: [(name: String, document: XMLDocument, hasTags: Bool)] = []
    /// `word/numbering.xml`, parsed once; each fill works on a copy.
    private var numbering: XMLDocument?
    /// The relationships parts of the text parts that have one (DOCX), parsed once; each fill works on a copy.
    private var relationships: [String: XMLDocument] = [:]
    /// `[Content_Types].xml` (DOCX) or `META-INF/manifest.xml` (ODT), parsed once; a fill that adds
    /// pictures works on a copy.
    private var partList: XMLDocument?
    /// The template's tags parsed once, by their text, for every fill to start from.
    private var parsedTags: [String: Tag] = [:]
    private let dialect: Dialect
    /// The largest page: pictures are bounded by it.
    private var page = PageSize.a4

    /// Reads and checks a template file.
    public convenience init(contentsOf url: URL, limits: PackageLimits = .default) throws {
        try self.init(package: OfficePackage(contentsOf: url, limits: limits))
    }

    /// Checks a template package: tag syntax, balanced blocks and what each block repeats. All problems
    /// are reported together in one `TemplateError.invalidTemplate`.
    public init(package: OfficePackage) throws {
        self.package = package
        dialect = Dialect(kind: package.kind)
        var problems: [TemplateProblem] = []
        var nextId = 1
        let textParts = Self.textParts(of: package)
        try package.verify(skipping: Set(textParts))
        var docs: [(String, XMLDocument)] = []
        for name in textParts { docs.append((name, try package.xmlDocument(name))) }
        page = PageSize.largest(docxBody: docs.first { $0.0 == "word/document.xml" }?.1, odfStyles: docs.first { $0.0 == "styles.xml" }?.1)
        let analysis = RenderSession(options: .init(), dialect: dialect, page: page)
        for (name, doc) in docs {
            problems += try TagNormalizer(dialect: dialect, document: doc, part: name).run(startingId: &nextId)
            guard let root = doc.root else { parts.append((name, doc, false)); continue }
            let analyser = PartRenderer(document: doc, part: name, session: analysis, loadRelationships: { nil })
            let anchors = analyser.anchors(in: root)
            parts.append((name, doc, !anchors.isEmpty))
            let (items, blockProblems) = BlockParser.parse(anchors)
            problems += blockProblems
            problems += check(items)
        }
        if !problems.isEmpty { throw TemplateError.invalidTemplate(path: package.path, problems: problems) }
        parsedTags = analysis.parsedTags
        switch package.kind {
        case .docx:
            if package.contains(Numbering.partName) { numbering = try package.xmlDocument(Numbering.partName) }
            for (name, _, _) in parts {
                let relName = Relationships.partName(for: name)
                if package.contains(relName) { relationships[relName] = try package.xmlDocument(relName) }
            }
            partList = try package.xmlDocument(ContentTypes.partName)
        case .odt:
            if package.contains(ODFManifest.partName) { partList = try package.xmlDocument(ODFManifest.partName) }
        }
    }

    private func check(_ items: [Item]) -> [TemplateProblem] {
        var problems: [TemplateProblem] = []
        for item in items {
            switch item {
            case let .leaf(a):
                guard let tag = a.tag else { continue }
                let meaning: String
                switch tag {
                case let .value(e): meaning = "value of \(e.path?.description ?? "\"\(e.literal ?? "")\"")" + (e.filters.isEmpty ? "" : " through " + e.filters.map(\.name.rawValue).joined(separator: ", "))
                case let .merge(e): meaning = "value of \(e.path?.description ?? "") in a cell merged down over equal rows"
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
                problems += check(b.children)
                problems += check(b.elseChildren)
            }
        }
        return problems
    }

    /// The parts that hold text the engine fills: body, headers, footers, notes (DOCX); content and styles (ODT).
    static func textParts(of package: OfficePackage) -> [String] {
        switch package.kind {
        case .docx:
            return package.partNames.filter { n in
                n == "word/document.xml" || n == "word/footnotes.xml" || n == "word/endnotes.xml"
                    || (n.hasPrefix("word/header") || n.hasPrefix("word/footer")) && n.hasSuffix(".xml") && !n.dropFirst(5).contains("/")
            }
        case .odt:
            return ["content.xml", "styles.xml"].filter(package.contains)
        }
    }

    /// Fills the template and returns the changed and added parts.
    public func render(_ data: TemplateValue, options: RenderOptions = RenderOptions()) throws -> (changes: PackageChanges, report: RenderReport) {
        let session = RenderSession(options: options, dialect: dialect, page: page)
        session.parsedTags = parsedTags
        session.numberingSource = numbering
        if options.digits == .thai { session.numbering?.useThaiDigits() }
        var changes = PackageChanges()
        var relParts: [(String, Relationships)] = []
        // Thai digits change every part's static text; otherwise a part without tags stays as it is.
        for (name, original, hasTags) in parts where hasTags || options.digits == .thai {
            let doc = original.copy()
            let relName = Relationships.partName(for: name)
            let renderer = PartRenderer(document: doc, part: name, session: session) { [relationships] in
                if let original = relationships[relName] { return try Relationships(document: original.copy()) }
                return try Relationships(data: nil, name: relName)
            }
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
            changes.replaced[Numbering.partName] = try numbering.document.serialize()
        }
        for (name, rels) in relParts {
            if package.contains(name) { changes.replaced[name] = try rels.serialize() } else { changes.added.append((name, try rels.serialize())) }
        }
        if !session.addedParts.isEmpty {
            switch kind {
            case .docx:
                guard let partList else { throw PackageError.missingPart(path: package.path, part: ContentTypes.partName) }
                let ct = ContentTypes(document: partList.copy())
                for p in session.addedParts {
                    try ct.ensureDefault(extension: (p.name as NSString).pathExtension, contentType: p.mediaType)
                }
                changes.replaced[ContentTypes.partName] = try ct.serialize()
            case .odt:
                guard let partList else { throw PackageError.missingPart(path: package.path, part: ODFManifest.partName) }
                let manifest = ODFManifest(document: partList.copy())
                for p in session.addedParts { try manifest.add(path: p.name, mediaType: p.mediaType) }
                changes.replaced[ODFManifest.partName] = try manifest.serialize()
            }
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
