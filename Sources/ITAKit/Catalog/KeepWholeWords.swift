import Foundation

/// The Thai words the documents keep whole at line ends (เจ้าหน้าที่, หน่วยงาน, ปีงบประมาณ, …):
/// data, one a line, in `Resources/linebreak/th-keep-whole.txt`.
public enum KeepWholeWords {
    /// Why the list could not be read.
    public struct Unreadable: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String {
            "cannot read the list of words kept whole at line ends (\(path)): \(reason); reinstall itareport or restore the file"
        }
    }

    /// The shipped list, read once per process.
    public static func shipped() throws -> [String] { try shippedList.get() }

    private static let shippedList: Result<[String], Unreadable> = {
        let url = ResourceLocator.url("linebreak/th-keep-whole.txt")
        do { return .success(try parse(String(contentsOf: url, encoding: .utf8))) } catch {
            return .failure(Unreadable(path: url.path, reason: error.localizedDescription))
        }
    }()

    /// The words of a list: one a line, `#` starts a comment, blank lines ignored.
    public static func parse(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).compactMap { line in
            let word = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let trimmed = word.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty ? nil : trimmed
        }
    }
}
