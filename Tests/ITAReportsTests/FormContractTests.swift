import Foundation
import ITAKit
@testable import ITAReports
import OfficePackage
import TemplateEngine
import XCTest

/// The data → document contract: every tag of every shipped template names something in its form's
/// typed view, and every name of the view is printed by the template or listed here as left out on purpose.
final class FormContractTests: XCTestCase {
    static let templates = BatchFixture.examples.deletingLastPathComponent().appendingPathComponent("Templates")

    /// Names a form's view offers that its shipped template does not print, and why.
    static let deliberatelyUnused: [String: Set<String>] = [
        // For users' own templates (org.<name>): the official layouts print name, district and province only;
        // the head's title stands in for a missing signatory position.
        "*": ["org.kind", "org.website", "org.address", "org.head"],
        // The O35 forms print no scores of their own beyond the cited ones.
        "o35-2567": ["total", "level", "assessed_year"],
        "o35-2564": ["total", "level"],
        // For users' own templates with the form's six columns: the shipped grid prints each run's
        // indicator and analysis once, from the run (measure_groups.indicator_label, .analysis).
        "analysis-2568": ["measure_groups.measures.indicator_label", "measure_groups.measures.analysis"],
    ]

    /// The names `org` always has, whatever fields the data file adds.
    static let orgFields: Set<String> = {
        let org = OrgView(name: "", district: "", province: "", kind: "", website: "", address: "", head: "", logo: nil, extra: [:])
        return Set(names(.object(["org": (try? TemplateValueEncoder.encode(org)) ?? .null])))
    }()

    /// Every example, built into every form: together they fill every list and optional of each view.
    static let sources = ["sisaket-2568.yaml", "sisaket-o35-2568.yaml", "khlongsaensaep-2564.yaml", "khlongsaensaep-o35-2564.yaml",
                          "wangthong-2567.yaml", "nongbua-2568.yaml"]

    /// The view of `form` built from one example's data, as its documents are filled.
    func view(of form: ReportForm, from example: String) throws -> TemplateValue {
        let url = BatchFixture.example(example)
        let loaded = ReportLoader.load(path: url.path)
        let filled = try XCTUnwrap(try loaded.filled(for: [try XCTUnwrap(DocumentKind(rawValue: form.kind.rawValue))]))
        let builder = ReportViewBuilder(data: filled.data, scores: loaded.scoreCard, catalog: loaded.catalog,
                                        baseDirectory: url.deletingLastPathComponent())
        return builder.view(for: form)
    }

    /// The names of `form`'s view over all examples, and the names no example gives a value to look into
    /// (an empty list or a null in every one): the test cannot tell what a template may use under those.
    func names(of form: ReportForm) throws -> (names: Set<String>, unexplored: Set<String>) {
        var names: Set<String> = []
        var empty: Set<String> = []
        var filled: Set<String> = []
        for example in Self.sources {
            let v = try view(of: form, from: example)
            names.formUnion(Self.names(v))
            let (e, f) = Self.emptiness(v)
            empty.formUnion(e)
            filled.formUnion(f)
        }
        return (names, empty.subtracting(filled))
    }

    /// Names whose value is an empty list or null, and names whose value is anything else.
    static func emptiness(_ v: TemplateValue, prefix: String = "") -> (empty: Set<String>, filled: Set<String>) {
        var empty: Set<String> = []
        var filled: Set<String> = []
        switch v {
        case let .object(o):
            if !prefix.isEmpty { filled.insert(prefix) }
            for (k, x) in o where !k.hasPrefix("chart_") {
                let (e, f) = emptiness(x, prefix: prefix.isEmpty ? k : "\(prefix).\(k)")
                empty.formUnion(e)
                filled.formUnion(f)
            }
        case let .list(items):
            if items.isEmpty { empty.insert(prefix) } else { filled.insert(prefix) }
            for x in items {
                let (e, f) = emptiness(x, prefix: prefix)
                empty.formUnion(e)
                filled.formUnion(f)
            }
        case .null: empty.insert(prefix)
        default: filled.insert(prefix)
        }
        return (empty, filled)
    }

    /// Every name of a view: `org.name`, `measures`, `measures.title` (list entries share their list's name).
    static func names(_ v: TemplateValue, prefix: String = "") -> Set<String> {
        var out: Set<String> = []
        switch v {
        case let .object(o):
            for (k, x) in o {
                let p = prefix.isEmpty ? k : "\(prefix).\(k)"
                out.insert(p)
                // A chart's series are read by the chart frame of that name, not by tags.
                if !k.hasPrefix("chart_") { out.formUnion(names(x, prefix: p)) }
            }
        case let .list(items):
            for x in items { out.formUnion(names(x, prefix: prefix)) }
        default: break
        }
        return out
    }

    /// The tags of a template in document order, read from the text of its parts (tags split over runs joined).
    static func tags(_ url: URL) throws -> [(part: String, tag: String)] {
        let pkg = try OfficePackage(contentsOf: url)
        let parts = pkg.kind == .docx
            ? pkg.partNames.filter { $0 == "word/document.xml" || ($0.hasPrefix("word/header") || $0.hasPrefix("word/footer")) && $0.hasSuffix(".xml") }
            : ["content.xml", "styles.xml"]
        var out: [(String, String)] = []
        for part in parts.sorted() {
            let xml = String(decoding: try pkg.read(part), as: UTF8.self)
            let text = xml.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
            let regex = try NSRegularExpression(pattern: #"\{\{(.*?)\}\}"#)
            for m in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                out.append((part, String(text[Range(m.range(at: 1), in: text)!]).trimmingCharacters(in: .whitespaces)))
            }
        }
        return out
    }

    /// Checks a template against a view's names: the names it uses (full paths, prefixes included) and
    /// the tags that name nothing in the view.
    static func check(_ url: URL, names: Set<String>) throws -> (used: Set<String>, unknown: [String]) {
        var used: Set<String> = []
        var unknown: [String] = []
        var loops: [String?] = []     // full path of each open #each; nil for #if/#unless
        func resolve(_ name: String) -> String? {
            for scope in loops.compactMap({ $0 }).reversed() where names.contains("\(scope).\(name)") { return "\(scope).\(name)" }
            return names.contains(name) ? name : nil
        }
        func use(_ raw: String, _ where_: String) {
            let name = raw.components(separatedBy: "|")[0].trimmingCharacters(in: .whitespaces)
            if name.isEmpty || name.hasPrefix("@") || name == "this" || name.hasPrefix("\"") { return }
            guard let full = resolve(name) else {
                unknown.append("\(url.lastPathComponent) \(where_): {{\(raw)}}")
                return
            }
            var parts = full.components(separatedBy: ".")
            while !parts.isEmpty { used.insert(parts.joined(separator: ".")); parts.removeLast() }
        }
        for (part, tag) in try Self.tags(url) {
            let words = tag.split(separator: " ").map(String.init)
            switch words.first ?? "" {
            case "#each":
                use(words[1], part)
                loops.append(resolve(words[1]))
            case "#if", "#unless":
                use(words[1], part)
                loops.append(nil)
            case "/each", "/if", "/unless":
                _ = loops.popLast()
            case "else":
                break
            case "image", "merge":
                use(words[1], part)
            default:
                use(tag, part)
            }
        }
        if !loops.isEmpty { unknown.append("\(url.lastPathComponent): blocks left open") }
        return (used, unknown)
    }

    func testEveryTagOfEveryShippedTemplateNamesItsFormsViewAndEveryNameIsUsed() throws {
        for form in ReportForm.all {
            let (names, unexplored) = try names(of: form)
            XCTAssertFalse(names.isEmpty, form.name)
            XCTAssertEqual(unexplored.sorted(), [], "\(form.name): names no example fills, so the names under them go unchecked")
            // Extra organisation fields (org.phone, org.email, …) are for users' own templates.
            let extras = names.filter { $0.hasPrefix("org.") && !Self.orgFields.contains($0) }
            let unused = (Self.deliberatelyUnused["*"] ?? []).union(Self.deliberatelyUnused[form.name] ?? []).union(extras)
            for ext in ["docx", "odt"] {
                let url = Self.templates.appendingPathComponent("\(form.name).\(ext)")
                let (used, unknown) = try Self.check(url, names: names)
                XCTAssertEqual(unknown, [], "tags that name nothing in the \(form.name) view")
                let left = names.subtracting(used).subtracting(unused).filter { n in !unused.contains { n.hasPrefix($0 + ".") } }
                XCTAssertEqual(left.sorted(), [], "\(form.name).\(ext): names of the view that the template does not print")
                XCTAssertEqual(unused.subtracting(names).sorted(), [], "\(form.name): listed as unused but not in the view")
                XCTAssertEqual(unused.intersection(used).sorted(), [], "\(form.name).\(ext): listed as unused but printed")
            }
        }
    }


    /// The check catches a tag the view lacks, and a view name the template leaves out.
    func testTheContractCheckFailsOnAMismatch() throws {
        let form = try XCTUnwrap(ReportForm.all.first { $0.name == "o35-2567" })
        var names = try names(of: form).names
        names.remove("measures.outcome")
        let url = Self.templates.appendingPathComponent("o35-2567.docx")
        let (used, unknown) = try Self.check(url, names: names)
        XCTAssertTrue(unknown.contains { $0.hasSuffix("{{outcome}}") }, "\(unknown)")
        let (_, none) = try Self.check(url, names: names.union(["measures.outcome"]))
        XCTAssertEqual(none, [])
        XCTAssertFalse(used.contains("measures.outcome"))

        // A list no example fills is reported, so a name under it cannot slip by unchecked.
        let sample: TemplateValue = .object(["measures": .list([]), "org": .object(["logo": .null, "name": .string("x")])])
        XCTAssertEqual(Self.emptiness(sample).empty, ["measures", "org.logo"])
    }
}
