/// Why a PDF could not be written, worded for the user.
public enum PDFConversionError: Error, CustomStringConvertible {
    /// LibreOffice is not on PATH nor in the usual places.
    case notInstalled
    /// `--soffice` names something that cannot be run.
    case notExecutable(path: String)
    /// LibreOffice ran but wrote no PDF.
    case failed(file: String, reason: String)
    /// LibreOffice did not finish in time.
    case timedOut(file: String, seconds: Int)

    public var description: String {
        switch self {
        case .notInstalled:
            return """
                PDF needs LibreOffice, which was not found (looked for soffice and libreoffice on PATH). \
                Install it with 'sudo apt-get install libreoffice-writer-nogui fonts-tlwg-laksaman' \
                (or 'make setup-test' in the itareport sources), or give its path with --soffice PATH; \
                or leave pdf out of --format.
                """
        case let .notExecutable(path):
            return "\(path): not an executable LibreOffice program; give the path of 'soffice' with --soffice (e.g. /usr/bin/soffice)."
        case let .failed(file, reason):
            return "\(file): the PDF could not be written: \(reason)"
        case let .timedOut(file, seconds):
            return "\(file): LibreOffice took more than \(seconds) s to convert it and was stopped; try again with fewer --jobs."
        }
    }
}

extension PDFConversionError {
    /// The same failure told of `file` (the file the user asked for rather than a scratch copy).
    func naming(_ file: String) -> PDFConversionError {
        switch self {
        case let .failed(_, reason): return .failed(file: file, reason: reason)
        case let .timedOut(_, seconds): return .timedOut(file: file, seconds: seconds)
        default: return self
        }
    }
}
