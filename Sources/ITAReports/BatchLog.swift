import Foundation
import ITAKit

/// What a batch leaves beside the documents: every organisation's warnings and failures in one
/// log file in the output folder, and the few lines that sum them up at the end of the run.
public enum BatchLog {
    /// The log's name in the output folder.
    public static let fileName = "itareport-batch.log"

    /// The log: one section per organisation that has warnings or failed, in the jobs' order.
    public static func text(_ outcomes: [BatchRunner.Outcome], in language: MessageLanguage = .en) -> String {
        var tally = Tally()
        var sections = ""
        for (i, o) in outcomes.enumerated() {
            tally.add(i, o)
            if let section = section(o, in: language) { sections += section }
        }
        return tally.head(in: language) + sections
    }

    /// One organisation's part of the log (a blank line, its heading, its warnings), or nil when it
    /// succeeded without warnings.
    static func section(_ o: BatchRunner.Outcome, in language: MessageLanguage) -> String? {
        guard !o.warnings.isEmpty || !o.succeeded else { return nil }
        let status = o.failureMessage.map { Message("batch.log.failed", ["reason": .message($0)]) }
            ?? Message("batch.log.written", ["folder": "\(o.folder.lastPathComponent)"])
        let lines = ["", Message("batch.log.organisation", ["name": "\(o.name)", "warnings": "\(o.warnings.count)", "status": .message(status)])
            .text(in: language)] + o.warnings(in: language)
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
        var tally = Tally()
        for (i, o) in outcomes.enumerated() { tally.add(i, o) }
        return tally.summary(log: log, in: language)
    }

    /// What the head of the log and the summary need, gathered one outcome at a time: counts, warnings
    /// by kind and the few organisations with the most warnings, never the outcomes themselves.
    public struct Tally: Sendable {
        public private(set) var count = 0
        public private(set) var warnings = 0
        public private(set) var failed = 0
        public private(set) var files = 0
        /// Organisations with at least one warning.
        public private(set) var warned = 0
        private var kinds: [String: Int] = [:]
        /// The organisations with the most warnings, most first (ties: the earlier job first).
        private var worst: [(index: Int, name: String, warnings: Int)] = []
        private static let worstShown = 5

        public init() {}

        /// Counts outcome `o` of job `index`.
        public mutating func add(_ index: Int, _ o: BatchRunner.Outcome) {
            count += 1
            warnings += o.warnings.count
            files += o.files.count
            if !o.succeeded { failed += 1 }
            guard !o.warnings.isEmpty else { return }
            warned += 1
            for d in o.dataWarnings { kinds[d.kind.rawValue, default: 0] += 1 }
            let fill = o.warnings.count - o.dataWarnings.count
            if fill > 0 { kinds["template", default: 0] += fill }
            worst.append((index, o.name, o.warnings.count))
            worst.sort { ($1.warnings, $0.index) < ($0.warnings, $1.index) }
            if worst.count > Self.worstShown { worst.removeLast() }
        }

        /// The log's first line, and "no warnings" when there is nothing below it.
        func head(in language: MessageLanguage) -> String {
            var lines = [Message("batch.log.head", ["count": "\(count)", "warnings": "\(warnings)", "failed": "\(failed)"]).text(in: language)]
            if warned == 0 && failed == 0 { lines.append(Message("batch.log.none").text(in: language)) }
            return lines.joined(separator: "\n") + "\n"
        }

        /// The end-of-run summary of warnings (see `BatchLog.summary`).
        public func summary(log: URL?, in language: MessageLanguage = .en) -> [String] {
            guard warnings > 0 else { return [] }
            var lines = [(log.map { Message("batch.summary.logged", ["total": "\(warnings)", "organisations": "\(warned)",
                                                                     "count": "\(count)", "log": "\($0.path)"]) }
                          ?? Message("batch.summary", ["total": "\(warnings)", "organisations": "\(warned)", "count": "\(count)"]))
                .text(in: language)]
            let ranked = kinds.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
            lines.append(Message("batch.summary.kinds", ["kinds": "\(ranked.map { "\($0.key) \($0.value)" }.joined(separator: ", "))"]).text(in: language))
            // The organisations with the most warnings, so the worst can be looked at first.
            for o in worst {
                lines.append(Message("batch.summary.organisation", ["name": "\(o.name)", "warnings": "\(o.warnings)"]).text(in: language))
            }
            return lines
        }
    }

    /// The log written while the batch runs: each outcome's section goes to disk as soon as the jobs
    /// before it are done (the log keeps the jobs' order), and only the tally stays in memory, so the
    /// memory of a batch does not grow with its size. `finish` puts the head on and the log in place.
    public final class Stream: @unchecked Sendable {
        public let url: URL
        private let language: MessageLanguage
        private let lock = NSLock()
        private let scratch: URL
        private var handle: FileHandle?
        private var failure: Error?
        /// Sections of jobs finished before an earlier one, until it is done.
        private var pending: [Int: String] = [:]
        private var next = 0
        private var counted = Tally()

        /// Starts the log of a batch writing into `directory` (which must exist).
        public init(directory: URL, in language: MessageLanguage = .en) throws {
            url = directory.appendingPathComponent(BatchLog.fileName)
            self.language = language
            scratch = ScratchFiles.url(in: directory, suffix: ".log")
            guard FileManager.default.createFile(atPath: scratch.path, contents: nil), let h = FileHandle(forWritingAtPath: scratch.path) else {
                throw GenerateError.cannotWrite(path: url.path, reason: String(cString: strerror(errno)))
            }
            handle = h
        }

        deinit {
            try? handle?.close()
            unlink(scratch.path)
        }

        /// The counts so far.
        public var tally: Tally {
            lock.lock(); defer { lock.unlock() }
            return counted
        }

        /// Adds outcome `o` of job `index` (each index once, in any order).
        public func add(_ index: Int, _ o: BatchRunner.Outcome) {
            let section = BatchLog.section(o, in: language) ?? ""
            lock.lock(); defer { lock.unlock() }
            counted.add(index, o)
            pending[index] = section
            while let text = pending.removeValue(forKey: next) {
                next += 1
                guard failure == nil, !text.isEmpty else { continue }
                do { try handle?.write(contentsOf: Data(text.utf8)) } catch { failure = error }
            }
        }

        /// Writes the log in place: its head, then every section. Returns where.
        @discardableResult
        public func finish() throws -> URL {
            lock.lock(); defer { lock.unlock() }
            try? handle?.close()
            handle = nil
            if let failure { throw GenerateError.cannotWrite(path: url.path, reason: OutputFolder.reason(failure)) }
            let whole = ScratchFiles.url(in: url.deletingLastPathComponent(), suffix: ".log")
            defer { unlink(whole.path); unlink(scratch.path) }
            do {
                guard FileManager.default.createFile(atPath: whole.path, contents: Data(counted.head(in: language).utf8)),
                      let out = FileHandle(forWritingAtPath: whole.path), let input = FileHandle(forReadingAtPath: scratch.path) else {
                    throw GenerateError.cannotWrite(path: url.path, reason: String(cString: strerror(errno)))
                }
                defer { try? out.close(); try? input.close() }
                try out.seekToEnd()
                while let chunk = try input.read(upToCount: 1 << 20), !chunk.isEmpty { try out.write(contentsOf: chunk) }
            } catch let error as GenerateError {
                throw error
            } catch {
                throw GenerateError.cannotWrite(path: url.path, reason: OutputFolder.reason(error))
            }
            if rename(whole.path, url.path) != 0 {
                throw GenerateError.cannotWrite(path: url.path, reason: String(cString: strerror(errno)))
            }
            return url
        }
    }
}
