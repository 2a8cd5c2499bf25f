import Foundation
import OfficeXML

/// How a template is filled.
public struct RenderOptions: Sendable {
    /// The digits a document is written in.
    public enum Digits: String, Sendable { case arabic, thai }

    /// Render names missing from the data as empty and report them as warnings instead of failing.
    public var lenient: Bool
    /// `.thai` writes every digit of the document (static text, values, page numbers) in Thai digits.
    public var digits: Digits
    /// Folder that relative picture paths start from (usually the data file's folder).
    public var assetRoot: URL?
    /// Called with each filled part (its name and tree) before the part is written out, to change it
    /// further without reading it again: e.g. line-break rules applied to all of its text.
    public var finishPart: (@Sendable (_ name: String, _ document: XMLDocument) throws -> Void)?

    public init(lenient: Bool = false, digits: Digits = .arabic, assetRoot: URL? = nil) {
        self.lenient = lenient
        self.digits = digits
        self.assetRoot = assetRoot
    }
}

/// What filling a template produced besides the file: warnings a user should read.
public struct RenderReport: Sendable {
    public let warnings: [String]
}
