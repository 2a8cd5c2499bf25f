import Foundation

/// A name usable as one file or folder name on Linux, macOS and Windows alike.
public enum SafeFileName {
    /// `raw` with path separators, the characters Windows forbids and control characters made `_`,
    /// the ends trimmed and spaces made `_`: "เทศบาล ก/ข" → "เทศบาล_ก_ข". May be empty.
    public static func from(_ raw: String) -> String {
        raw.unicodeScalars
            .map { forbidden.contains($0) || $0.properties.generalCategory == .control ? "_" : String($0) }
            .joined().trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " ", with: "_")
    }

    private static let forbidden = CharacterSet(charactersIn: "/\\:*?\"<>|")
}
