import Foundation

/// Checks a picture before it is kept for a document, with the same rules the templates apply when they
/// embed it: a whole, undamaged PNG or JPEG within `PictureLimits`.
public enum PictureCheck {
    /// The checked picture's format and size.
    public struct Info: Sendable, Equatable {
        /// `png` or `jpeg`.
        public let fileExtension: String
        public let mediaType: String
        public let width: Int
        public let height: Int
    }

    /// The largest picture accepted, in bytes.
    public static var maxBytes: Int { PictureLimits.maxBytes }

    /// The picture's format and size, or why it cannot be used (worded to follow "the file …").
    public static func check(_ data: Data) -> Result<Info, PictureCheckError> {
        do {
            let info = try ImageInfo(data)
            return .success(Info(fileExtension: info.fileExtension, mediaType: info.mediaType,
                                 width: info.width, height: info.height))
        } catch {
            let kind: PictureCheckError.Kind
            switch error {
            case .notAPicture: kind = .notAPicture
            case .damaged: kind = .damaged
            case .tooManyBytes: kind = .tooLarge
            case .tooManyPixels: kind = .tooManyPixels
            }
            return .failure(PictureCheckError(kind: kind, description: error.description))
        }
    }
}

/// Why a picture was refused.
public struct PictureCheckError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable { case notAPicture, damaged, tooLarge, tooManyPixels }
    public let kind: Kind
    public let description: String
}
