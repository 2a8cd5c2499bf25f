import ArgumentParser
import Foundation
import ITAKit
import ThaiFormat

/// `itareport init`: writes a starter data file with Thai comments on every field.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a starter data file for an organisation and fiscal year."
    )

    @Option(help: "The organisation's name, e.g. องค์การบริหารส่วนตำบลหนองบัว.")
    var org: String?

    @Option(help: "The document's fiscal year in BE, e.g. 2568 (default: the current fiscal year).")
    var year: Int?

    @Option(name: .shortAndLong, help: "Where to write the file (default: print it).")
    var output: String?

    @Flag(help: "Overwrite the output file if it exists.")
    var force = false

    @OptionGroup var language: LanguageOption

    func validate() throws {
        language.apply()
        if let year { try BuddhistEraYear.validate(year, option: "--year", example: 2568) }
    }

    func run() throws {
        language.apply()
        let fiscalYear = year ?? currentFiscalYear()
        let text = try StarterFile.text(organization: org, fiscalYear: fiscalYear)
        guard let output else {
            print(text, terminator: "")
            return
        }
        if FileManager.default.fileExists(atPath: output), !force {
            throw ValidationError(Console.text(Message("cli.init.exists", ["file": "\(output)"])))
        }
        try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        Console.out(Message("cli.init.wrote", ["file": "\(output)"]))
    }

    private func currentFiscalYear() -> Int {
        let c = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: c.year ?? 2025, month: c.month ?? 1, day: c.day ?? 1)?.fiscalYear ?? 2568
    }
}
