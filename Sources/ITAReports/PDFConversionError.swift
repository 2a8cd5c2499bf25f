import ITAKit
/// Why a PDF could not be written, worded for the user.
public enum PDFConversionError: CataloguedError, CustomStringConvertible {
    /// LibreOffice is not on PATH nor in the usual places.
    case notInstalled
    /// `--soffice` names something that cannot be run.
    case notExecutable(path: String)
    /// LibreOffice ran but wrote no PDF.
    case failed(file: String, reason: String)
    /// LibreOffice did not finish in time.
    case timedOut(file: String, seconds: Int)

    public var catalogueMessage: Message {
        switch self {
        case .notInstalled:
            return Message("pdf.not-installed")
        case let .notExecutable(path):
            return Message("pdf.not-executable", ["path": "\(path)"])
        case let .failed(file, reason):
            return Message("pdf.failed", ["file": "\(file)", "reason": "\(reason)"])
        case let .timedOut(file, seconds):
            return Message("pdf.timed-out", ["file": "\(file)", "seconds": "\(seconds)"])
        }
    }

    public var description: String { catalogueMessage.text(in: .en) }
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
