import Foundation
import OfficeXML

/// The digits a document is written in: Arabic (as typed), or a script a caller registers, which
/// turns every digit of the document (fixed text, values, page numbers, list numbers) into its own.
public struct DigitScript: Sendable, Equatable {
    public let name: String
    /// Text with its ASCII digits written in this script; nil for Arabic digits.
    let convert: (@Sendable (String) -> String)?
    /// Word's page and list number format in this script (`thaiNumbers`).
    let wordNumberFormat: String?
    /// ODF's page and list number format in this script (`Native Numbering`).
    let odfNumberFormat: String?

    public init(name: String, convert: @escaping @Sendable (String) -> String, wordNumberFormat: String?, odfNumberFormat: String?) {
        self.name = name
        self.convert = convert
        self.wordNumberFormat = wordNumberFormat
        self.odfNumberFormat = odfNumberFormat
    }

    private init(arabic: ()) {
        name = "arabic"
        convert = nil
        wordNumberFormat = nil
        odfNumberFormat = nil
    }

    /// Digits as they are written.
    public static let arabic = DigitScript(arabic: ())

    /// The script when a fill must rewrite digits, nil for Arabic.
    var pass: DigitScript? { convert == nil ? nil : self }

    public static func == (a: DigitScript, b: DigitScript) -> Bool { a.name == b.name }
}

/// What a template's tags may use beyond the engine's own: filters and digit scripts.
public struct TemplateLanguage: Sendable {
    public var filters: FilterSet
    /// Scripts a template compiles for when it is read (others are compiled on first use).
    public var digitScripts: [DigitScript]

    public init(filters: FilterSet = .standard, digitScripts: [DigitScript] = []) {
        self.filters = filters
        self.digitScripts = digitScripts
    }

    /// The engine's own filters, Arabic digits.
    public static let standard = TemplateLanguage()
}

/// How a template is filled.
public struct RenderOptions: Sendable {
    public typealias Digits = DigitScript

    /// Render names missing from the data as empty and report them as warnings instead of failing.
    public var lenient: Bool
    /// The digits of the whole document.
    public var digits: DigitScript
    /// Folder that relative picture paths start from (usually the data file's folder).
    public var assetRoot: URL?
    /// Called with each filled part (its name and tree) before the part is written out, to change it
    /// further without reading it again: e.g. line-break rules applied to all of its text.
    public var finishPart: (@Sendable (_ name: String, _ document: XMLDocument) throws -> Void)?

    public init(lenient: Bool = false, digits: DigitScript = .arabic, assetRoot: URL? = nil) {
        self.lenient = lenient
        self.digits = digits
        self.assetRoot = assetRoot
    }
}

/// What filling a template produced besides the file: warnings a user should read.
public struct RenderReport: Sendable {
    public let warnings: [String]
}
