import Foundation
import ITAKit

/// What a batch leaves beside the documents: every organisation's warnings and failures in one
/// log file in the output folder, and the few lines that sum them up at the end of the run.
public enum BatchLog {
    /// The log's name in the output folder.
    public static let fileName = "itareport-batch.log"

    /// The log: one section per organisation that has warnings or failed, in the jobs' order.
    public static func text(_ outcomes: [BatchRunner.Outcome], in language: MessageLanguage = .en) -> String {
        let warned = outcomes.filter { !$0.warnings.isEmpty || !$0.succeeded }
        var lines = [Message("batch.log.head", ["count": "\(outcomes.count)", "warnings": "\(outcomes.reduce(0) { $0 + $1.warnings.count })",
                                                "failed": "\(outcomes.filter { !$0.succeeded }.count)"]).text(in: language)]
        if warned.isEmpty { lines.append(Message("batch.log.none").text(in: language)) }
        for o in warned {
            lines.append("")
            let status = o.failureMessage.map { Message("batch.log.failed", ["reason": .message($0)]) }
                ?? Message("batch.log.written", ["folder": "\(o.folder.lastPathComponent)"])
            lines.append(Message("batch.log.organisation", ["name": "\(o.name)", "warnings": "\(o.warnings.count)", "status": .message(status)])
                .text(in: language))
            lines += o.warnings(in: language)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes the log into `directory`; returns where.
    @discardableResult
    public static func write(_ outcomes: [BatchRunner.Outcome], into directory: URL, in language: MessageLanguage = .en) throws -> URL {
        let url = directory.appendingPathComponent(fileName)
        try Data(text(outcomes, in: language).utf8).write(to: url, options: .atomic)
        return url
    }

    /// The end-of-run summary of warnings: how many, in how many organisations, the kinds that
    /// recur most, and where the log is. Empty when there were none.
    public static func summary(_ outcomes: [BatchRunner.Outcome], log: URL?, in language: MessageLanguage = .en) -> [String] {
        let total = outcomes.reduce(0) { $0 + $1.warnings.count }
        guard total > 0 else { return [] }
        let organisations = outcomes.filter { !$0.warnings.isEmpty }.count
        var lines = [(log.map { Message("batch.summary.logged", ["total": "\(total)", "organisations": "\(organisations)",
                                                                 "count": "\(outcomes.count)", "log": "\($0.path)"]) }
                      ?? Message("batch.summary", ["total": "\(total)", "organisations": "\(organisations)", "count": "\(outcomes.count)"]))
            .text(in: language)]
        var kinds: [String: Int] = [:]
        for o in outcomes {
            for d in o.dataWarnings { kinds[d.kind.rawValue, default: 0] += 1 }
            let fill = o.warnings.count - o.dataWarnings.count
            if fill > 0 { kinds["template", default: 0] += fill }
        }
        let ranked = kinds.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
        lines.append(Message("batch.summary.kinds", ["kinds": "\(ranked.map { "\($0.key) \($0.value)" }.joined(separator: ", "))"]).text(in: language))
        // The organisations with the most warnings, so the worst can be looked at first.
        let worst = outcomes.enumerated().filter { !$0.element.warnings.isEmpty }
            .sorted { ($1.element.warnings.count, $0.offset) < ($0.element.warnings.count, $1.offset) }.prefix(5).map(\.element)
        for o in worst {
            lines.append(Message("batch.summary.organisation", ["name": "\(o.name)", "warnings": "\(o.warnings.count)"]).text(in: language))
        }
        return lines
    }
}
