import Foundation
import Synchronization
import ITAKit
import ITAReports

/// Shows a batch's progress on standard error: a bar redrawn in place on a terminal, one line
/// per organisation otherwise (logs, CI).
final class ProgressDisplay: Sendable {
    private let total: Int
    private let terminal: Bool
    private let start = Date()
    /// One update written at a time.
    private let writing = Mutex(())
    private let width = 30
    private let language: MessageLanguage

    init(total: Int, language: MessageLanguage = .en, terminal: Bool = isatty(STDERR_FILENO) == 1) {
        self.total = total
        self.language = language
        self.terminal = terminal
    }

    private func text(_ m: Message) -> String { m.text(in: language) }

    func update(_ p: BatchRunner.Progress) {
        writing.withLock { _ in draw(p) }
    }

    private func draw(_ p: BatchRunner.Progress) {
        if terminal {
            let filled = total == 0 ? width : p.finished * width / total
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            let elapsed = Date().timeIntervalSince(start)
            var line = "\r\u{1B}[2K[\(bar)] \(p.finished)/\(p.total)  \(String(format: "%.0f", elapsed)) s"
            if p.failed > 0 { line += "  " + text(Message("progress.failed-count", ["count": "\(p.failed)"])) }
            if p.warnings > 0 { line += "  " + text(Message("progress.warning-count", ["count": "\(p.warnings)"])) }
            line += "  \(p.last.name)"
            if !p.last.succeeded {
                // Failures stay on screen above the bar.
                line = "\r\u{1B}[2K" + text(Message("progress.failed", ["name": "\(p.last.name)", "reason": "\(p.last.failure(in: language) ?? "")"]))
                    + "\n" + line
            }
            write(line)
        } else {
            let status = p.last.succeeded ? text(Message("progress.ok")) : text(Message("progress.failed-status"))
            var line = "[\(p.finished)/\(p.total)] \(status) \(p.last.name)"
            if p.last.succeeded {
                let warnings = p.last.warnings.count
                let seconds = String(format: "%.1f", p.last.seconds)
                line += " " + (warnings > 0
                    ? text(Message("progress.done.warnings", ["files": "\(p.last.files.count)", "seconds": "\(seconds)", "warnings": "\(warnings)"]))
                    : text(Message("progress.done", ["files": "\(p.last.files.count)", "seconds": "\(seconds)"])))
            } else {
                line += ": \(p.last.failure(in: language) ?? "")"
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
