import ITAKit
import Foundation
import OfficePackage
import TemplateEngine

/// Where each report's template comes from: the user's own templates (`--template`, a folder or one
/// file) first, the shipped ones for everything the user's do not cover.
///
/// A folder holds templates named like the shipped ones (`o34-2567.docx`); a file missing from it is
/// taken from the shipped templates, and `ReportGenerator` says so once. A single file is the template
/// of one report kind in its own format (DOCX or ODT), whatever the form year.
public struct TemplateSet: Sendable {
    /// The user's templates.
    public enum Custom: Sendable, Equatable {
        case folder(URL)
        case file(URL, kind: ReportKind, format: PackageKind)
    }

    public let custom: Custom?
    /// Finds the shipped templates folder; called only when a template is not among the user's.
    private let shippedFolder: @Sendable () throws -> URL

    /// The shipped templates in `folder`, with no templates of the user's.
    public static func shipped(_ folder: URL) -> TemplateSet {
        TemplateSet(custom: nil, shipped: { folder })
    }

    /// `custom` first, then the shipped templates that `shipped` finds (by default `TemplateLocator`).
    public init(custom: Custom?, shipped: @escaping @Sendable () throws -> URL = { try TemplateLocator.defaultDirectory() }) {
        self.custom = custom
        self.shippedFolder = shipped
    }

    /// Reads `--template PATH`: a folder, or a single `.docx`/`.odt` file for one report kind. The kind of a
    /// file is read from its name (`o34`, `o35` or `analysis` in it), else is `kinds` when that is one kind,
    /// else `own` (the data file's own document).
    public static func custom(path: String, kinds: [ReportKind], own: ReportKind?) throws -> Custom {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) else {
            throw TemplateSetError.notFound(path: path)
        }
        if isDir.boolValue { return .folder(url) }
        guard let format = PackageKind(rawValue: url.pathExtension.lowercased()) else {
            throw TemplateSetError.notATemplate(path: path)
        }
        let named = kind(fromName: url.deletingPathExtension().lastPathComponent)
        guard let kind = named ?? (Set(kinds).count == 1 ? kinds.first : nil) ?? own else {
            throw TemplateSetError.kindUnknown(path: path, kinds: kinds)
        }
        return .file(url, kind: kind, format: format)
    }

    /// The report kind a file name speaks of: `o34`, `o35` or `analysis` as a word of it (case ignored).
    static func kind(fromName name: String) -> ReportKind? {
        let words = Set(name.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init))
        let found = ReportKind.allCases.filter { words.contains($0.rawValue) || words.contains($0.filePrefix.lowercased()) }
        return found.count == 1 ? found[0] : nil
    }

    /// The organisation fields (`org.<name>`) the user's own templates print: `validate` says a field no
    /// shipped form prints is lost, which is not so when the user's template prints it. A template that
    /// cannot be read counts for nothing here (generating from it reports why).
    public func organizationFieldsInOwnTemplates() -> Set<String> {
        let files: [URL]
        switch custom {
        case let .folder(dir):
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            files = names.filter { n in ["docx", "odt"].contains { n.lowercased().hasSuffix("." + $0) } }.map { dir.appendingPathComponent($0) }
        case let .file(url, _, _):
            files = [url]
        case nil:
            files = []
        }
        var out: Set<String> = []
        for url in files {
            guard let t = try? Template(contentsOf: url, language: ThaiTemplateLanguage.language) else { continue }
            for tag in t.tags {
                for match in tag.tag.matches(of: /(^|[^A-Za-z0-9_.])org\.([A-Za-z_][A-Za-z0-9_]*)/) { out.insert(String(match.2)) }
            }
        }
        return out
    }

    /// The template file of `form` in `format`, and whether it is a shipped one standing in for one the
    /// user's folder lacks (the note says so).
    public func resolve(_ form: ReportForm, format: PackageKind) throws -> (url: URL, note: String?) {
        let name = "\(form.name).\(format.fileExtension)"
        var note: String?
        switch custom {
        case let .folder(dir):
            let own = dir.appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: own.path) { return (own, nil) }
            note = "\(name) is not in \(dir.path); the shipped one is used"
        case let .file(url, kind, fileFormat):
            if kind == form.kind && fileFormat == format { return (url, nil) }
            note = "\(form.kind.filePrefix) \(format.rawValue.uppercased()) is written from the shipped template \(name) (\(url.lastPathComponent) is the \(kind.filePrefix) \(fileFormat.rawValue.uppercased()) template)"
        case nil:
            break
        }
        let shipped = try shippedFolder().appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: shipped.path) else { throw GenerateError.templateMissing(path: shipped.path) }
        return (shipped, note)
    }
}

/// A `--template` value that cannot be used, worded for the user.
public enum TemplateSetError: CataloguedError, CustomStringConvertible {
    case notFound(path: String)
    case notATemplate(path: String)
    case kindUnknown(path: String, kinds: [ReportKind])

    public var catalogueMessage: Message {
        switch self {
        case let .notFound(path):
            return Message("template.not-found", ["path": "\(path)"])
        case let .notATemplate(path):
            return Message("template.not-a-template", ["path": "\(path)"])
        case let .kindUnknown(path, kinds):
            return Message("template.kind-unknown", ["path": "\(path)", "reports": "\(kinds.map(\.filePrefix).joined(separator: ", "))"])
        }
    }

    public var description: String { catalogueMessage.text(in: .en) }
}
