import ArgumentParser
import Foundation
import ITAKit

/// `--lang en|th`, on every command: the language of the messages. Without it, the locale decides
/// (`LC_ALL`, then `LC_MESSAGES`, then `LANG`: Thai when it starts with `th`, else English).
struct LanguageOption: ParsableArguments {
    @Option(name: .customLong("lang"),
            help: "Language of the messages: en or th (default: th when LC_ALL, LC_MESSAGES or LANG is a Thai locale, else en).")
    var lang: String?

    func validate() throws {
        if let lang, MessageLanguage(option: lang) == nil {
            throw ValidationError("--lang must be en or th, not '\(lang)'")
        }
    }

    /// Sets the language of this run's messages.
    func apply() {
        Console.language = lang.flatMap(MessageLanguage.init(option:)) ?? .fromEnvironment()
    }
}

/// Where the command line writes messages, in the language of the run.
enum Console {
    /// The language of this run's messages: set once by `LanguageOption.apply()` before any output.
    nonisolated(unsafe) static var language: MessageLanguage = .fromEnvironment()

    /// `message` in the run's language.
    static func text(_ message: Message) -> String { message.text(in: language) }

    /// A diagnostic as one line in the run's language.
    static func text(_ diagnostic: Diagnostic) -> String { diagnostic.description(in: language) }

    /// Any error's text in the run's language (catalogued errors are translated, others kept as they are).
    static func text(_ error: Error) -> String { errorText(error, in: language) }

    /// Writes a line to standard output.
    static func out(_ message: Message) { print(text(message)) }

    /// Writes a line to standard error.
    static func err(_ line: String) { FileHandle.standardError.write(Data((line + "\n").utf8)) }
    static func err(_ message: Message) { err(text(message)) }
    static func err(_ diagnostic: Diagnostic) { err(text(diagnostic)) }
}
