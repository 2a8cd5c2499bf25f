import Foundation
import ITAKit
import ITAReports

/// The first step of every command that works on a data file: load it, show its diagnostics on
/// standard error, and stop with one clear line when it has errors.
enum DataFileLoading {
    /// Loads `path`. `warnings` also shows warnings (errors are always shown); `consequence` finishes
    /// the stopping message, e.g. "nothing was written".
    static func load(_ path: String, warnings: Bool, consequence: Message) throws -> (result: ReportLoader.Result, data: ReportData) {
        do { try RegularFile.check(path, role: .dataFile) } catch { throw CLIError(error) }
        let loaded = ReportLoader.load(path: path)
        for d in warnings ? loaded.diagnostics : loaded.diagnostics.errors { Console.err(d) }
        guard let data = loaded.data, !loaded.hasErrors else {
            throw CLIError(Message("cli.data-file-has-errors", ["file": "\(path)", "consequence": .message(consequence)]))
        }
        return (loaded, data)
    }

    /// Shows the notices that levels or strengths splits come from thresholds no source confirms; for
    /// commands that otherwise show only errors but print what those thresholds decide.
    static func showProvisionalRubrics(_ loaded: ReportLoader.Result) {
        for d in loaded.diagnostics where d.kind == .provisionalRubric { Console.err(d) }
    }
}
