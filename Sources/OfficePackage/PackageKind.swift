/// The family of an office package.
public enum PackageKind: String, Sendable {
    /// WordprocessingML (Word .docx).
    case docx
    /// OpenDocument Text (LibreOffice .odt).
    case odt

    /// The file extension used for this kind.
    public var fileExtension: String { rawValue }
}
