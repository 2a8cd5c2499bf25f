import Foundation
import ITAReports

/// Shows a batch's progress on standard error: a bar redrawn in place on a terminal, one line
/// per organisation otherwise (logs, CI).
final class ProgressDisplay: @unchecked Sendable {
    private let total: Int
    private let terminal: Bool
    private let start = Date()
    private let lock = NSLock()
    private let width = 30

    init(total: Int, terminal: Bool = isatty(STDERR_FILENO) == 1) {
        self.total = total
        self.terminal = terminal
    }

    func update(_ p: BatchRunner.Progress) {
        lock.lock(); defer { lock.unlock() }
        if terminal {
            let filled = total == 0 ? width : p.finished * width / total
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            let elapsed = Date().timeIntervalSince(start)
            var line = "\r\u{1B}[2K[\(bar)] \(p.finished)/\(p.total)  \(String(format: "%.0f", elapsed)) s"
            if p.failed > 0 { line += "  \(p.failed) failed" }
            if p.warnings > 0 { line += "  \(p.warnings) warning(s)" }
            line += "  \(p.last.name)"
            if !p.last.succeeded {
                // Failures stay on screen above the bar.
                line = "\r\u{1B}[2Kfailed: \(p.last.name): \(p.last.failure ?? "")\n" + line
            }
            write(line)
        } else {
            let status = p.last.succeeded ? "ok    " : "FAILED"
            var line = "[\(p.finished)/\(p.total)] \(status) \(p.last.name)"
            if p.last.succeeded {
                let warnings = p.last.warnings.count
                line += " (\(p.last.files.count) files, \(String(format: "%.1f", p.last.seconds)) s"
                    + (warnings > 0 ? ", \(warnings) warning(s))" : ")")
            } else {
                line += ": \(p.last.failure ?? "")"
            }
            write(line + "\n")
        }
    }

    /// Ends the bar's line on a terminal.
    func finish() {
        if terminal { write("\n") }
    }

    private func write(_ s: String) {
        FileHandle.standardError.write(Data(s.utf8))
    }
}
