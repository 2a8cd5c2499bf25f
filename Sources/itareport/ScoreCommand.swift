import ArgumentParser
import Foundation
import ITAKit
import ThaiFormat

/// `itareport score DATA [--json]`: total, tool scores, level, strengths and weaknesses.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Compute the ITA total, tool scores and level from a data file."
    )

    @Argument(help: "The data file (YAML or JSON).")
    var data: String

    @Flag(help: "Print the result as JSON.")
    var json = false

    @OptionGroup var language: LanguageOption

    func run() throws {
        language.apply()
        // A score out of range or a CE year would give a total no document may print.
        let (loaded, _) = try DataFileLoading.load(data, warnings: false, consequence: Message("cli.consequence.no-score"))
        guard let card = loaded.scoreCard, let catalog = loaded.catalog else {
            Console.err(Message("cli.score.no-scores", ["file": "\(data)"]))
            throw ExitCode.failure
        }
        for d in loaded.diagnostics.warnings { Console.err(d) }
        if json {
            print(ScoreJSON.render(card))
        } else {
            print(text(card, catalog))
        }
    }

    private func text(_ card: ScoreCard, _ catalog: FrameworkCatalog) -> String {
        func f(_ d: Decimal?) -> String { d.map { ThaiNumberFormat.fixed($0, places: 2) } ?? "-" }
        var lines: [String] = []
        lines.append("ITA \(card.year.map(String.init) ?? "")")
        for n in card.indicators.keys.sorted() {
            let name = catalog.indicator(n)?.name ?? ""
            lines.append("  ตัวชี้วัดที่ \(n) \(name): \(f(card.indicators[n]))")
        }
        for tool in catalog.tools { lines.append("\(tool.code): \(f(card.tools[tool.code]))") }
        // A level or split from thresholds no source confirms says so where it is printed.
        let provisional = " (เกณฑ์ปี \(catalog.fiscalYear) ยังไม่ยืนยัน)"
        let levelMark = card.levelRubricConfirmed || card.computedLevel == nil ? "" : provisional
        lines.append("คะแนนรวม (คำนวณ): \(f(card.computedTotal))  ระดับ: \(card.computedLevel ?? "-")\(levelMark)")
        if card.officialTotal != nil || card.officialLevel != nil {
            lines.append("คะแนนรวม (ประกาศ): \(f(card.officialTotal))  ระดับ: \(card.officialLevel ?? "-")")
        }
        lines += Self.splitLines(card, fiscalYear: catalog.fiscalYear)
        return lines.joined(separator: "\n")
    }

    /// The strengths and weaknesses lines: each with the threshold it is counted from, and "ไม่มี" (none)
    /// rather than nothing after the colon when no scored indicator falls on that side.
    static func splitLines(_ card: ScoreCard, fiscalYear: Int) -> [String] {
        let threshold = card.strengthThreshold.map { ThaiNumberFormat.fixed($0, places: 2) }
        let mark = card.strengthRubricConfirmed ? nil : "เกณฑ์ปี \(fiscalYear) ยังไม่ยืนยัน"
        func head(_ label: String, _ range: String?) -> String {
            let notes = [range, mark].compactMap { $0 }
            return notes.isEmpty ? label : "\(label) (\(notes.joined(separator: "; ")))"
        }
        func items(_ numbers: [Int]) -> String {
            numbers.isEmpty ? "ไม่มี" : numbers.map(String.init).joined(separator: ", ")
        }
        return [
            "\(head("จุดแข็ง", threshold.map { "ตั้งแต่ \($0) คะแนน" })): \(items(card.strengths))",
            "\(head("จุดอ่อน", threshold.map { "ต่ำกว่า \($0) คะแนน" })): \(items(card.weaknesses))",
        ]
    }
}
