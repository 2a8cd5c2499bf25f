import ArgumentParser
import Foundation
import ITAReports
import TemplateEngine

/// `itareport template …`: work with templates without data.
struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Inspect templates.",
        subcommands: [Check.self]
    )

    /// `itareport template check TEMPLATE`
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "List a template's tags and what each expands to; report template errors without data."
        )

        @Argument(help: "The template (.docx or .odt).")
        var template: String

        func run() throws {
            do {
                let t = try Template(contentsOf: URL(fileURLWithPath: template), language: ThaiTemplateLanguage.language)
                print("\(template): \(t.kind.rawValue.uppercased()) template, \(t.tags.count) tags, no errors")
                for tag in t.tags { print("  \(tag)") }
            } catch {
                throw CLIError("\(error)")
            }
        }
    }
}
