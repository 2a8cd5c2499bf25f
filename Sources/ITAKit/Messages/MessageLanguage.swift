import Foundation

/// The language user-facing messages are written in.
public enum MessageLanguage: String, Sendable, CaseIterable, Codable {
    case en, th

    /// The language the locale of `environment` asks for: the first of `LC_ALL`, `LC_MESSAGES` and `LANG`
    /// that is set and not empty decides (the POSIX order); a locale starting with `th` (`th_TH.UTF-8`,
    /// `th`) is Thai, anything else (`C`, `POSIX`, `en_US.UTF-8`, none) English.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment)
        -> MessageLanguage {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { continue }
            return value.lowercased().hasPrefix("th") ? .th : .en
        }
        return .en
    }

    /// The language asked for by a `--lang` value (`en`, `th`, `thai`, `english`, any case), or nil.
    public init?(option: String) {
        switch option.lowercased().trimmingCharacters(in: .whitespaces) {
        case "en", "eng", "english": self = .en
        case "th", "tha", "thai", "ไทย": self = .th
        default: return nil
        }
    }
}
