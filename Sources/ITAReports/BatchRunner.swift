import Foundation
import ITAKit

/// Writes the documents of many organisations at once, on `workers` threads sharing one
/// `ReportExporter` (so each template is read once).
///
/// Each organisation's files are written into a staging folder inside the output folder and
/// moved into the organisation's own subfolder only when all of them were written: an
/// organisation that fails leaves nothing behind, and the others are not affected.
public final class BatchRunner: Sendable {
    /// One organisation to produce.
    public struct Job: Sendable {
        /// How the job is named in progress and in the summary: a file name, or "scores.csv:5 (name)".
        public var name: String
        /// The subfolder of the output folder its files go to; unique within a batch.
        public var folder: String
        /// Reads (or builds) the data: the loaded data and the file pictures are relative to.
        public var load: @Sendable () throws -> (loaded: ReportLoader.Result, dataURL: URL)

        public init(name: String, folder: String, load: @escaping @Sendable () throws -> (loaded: ReportLoader.Result, dataURL: URL)) {
            self.name = name
            self.folder = folder
            self.load = load
        }
    }

    /// What became of one job.
    public struct Outcome: Sendable {
        public var name: String
        public var folder: URL
        /// The files written (empty when the job failed).
        public var files: [URL]
        /// Why the job failed; nil when it succeeded.
        public var failure: String?
        /// Every warning, as printed: the data file's (each with its line and column) first, then
        /// those of filling the templates.
        public var warnings: [String]
        /// The data file's warnings as diagnostics (a subset of `warnings`), for counting by kind.
        public var dataWarnings: [Diagnostic]
        public var seconds: Double

        public init(name: String, folder: URL, files: [URL], failure: String?, warnings: [String],
                    dataWarnings: [Diagnostic], seconds: Double) {
            self.name = name
            self.folder = folder
            self.files = files
            self.failure = failure
            self.warnings = warnings
            self.dataWarnings = dataWarnings
            self.seconds = seconds
        }

        public var succeeded: Bool { failure == nil }
    }

    /// Where a batch has got to, reported after each job.
    public struct Progress: Sendable {
        public var finished: Int
        public var total: Int
        public var failed: Int
        /// Warnings of all the jobs finished so far.
        public var warnings: Int
        /// The job just finished.
        public var last: Outcome
    }

    public let exporter: ReportExporter
    public let formats: [ExportFormat]
    public let selection: ReportSelection
    public let outputDirectory: URL
    public let workers: Int
    public let formYear: Int?

    public init(exporter: ReportExporter, formats: [ExportFormat], selection: ReportSelection = .all,
                outputDirectory: URL, workers: Int = ProcessInfo.processInfo.activeProcessorCount, formYear: Int? = nil) {
        self.exporter = exporter
        self.formats = formats
        self.selection = selection
        self.outputDirectory = outputDirectory
        self.workers = max(1, workers)
        self.formYear = formYear
    }

    /// Runs every job and returns their outcomes in the jobs' order. `progress` is called after
    /// each job, one call at a time.
    public func run(_ jobs: [Job], progress: @escaping @Sendable (Progress) -> Void = { _ in }) throws -> [Outcome] {
        let fm = FileManager.default
        try OutputFolder.create(outputDirectory)
        Self.removeAbandonedStaging(in: outputDirectory)
        let staging = outputDirectory.appendingPathComponent("\(Self.stagingPrefix)\(getpid())-\(UUID().uuidString.prefix(8))")
        try OutputFolder.create(staging)
        defer { try? fm.removeItem(at: staging) }
        preloadTemplates()

        let state = State(count: jobs.count)
        let group = DispatchGroup()
        for _ in 0..<min(workers, max(1, jobs.count)) {
            group.enter()
            Thread.detachNewThread { [self] in
                while let i = state.next() {
                    let outcome = self.run(jobs[i], staging: staging)
                    state.finish(i, outcome, total: jobs.count, progress: progress)
                }
                group.leave()
            }
        }
        group.wait()
        return state.outcomes.map { $0! }
    }

    /// Staging folders are named `.itareport-staging-<process id>-<random>`.
    static let stagingPrefix = ".itareport-staging-"

    /// Removes staging folders left by a batch whose process no longer runs (killed mid-run);
    /// those of a batch still running into the same folder are left alone.
    static func removeAbandonedStaging(in directory: URL) {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: directory.path) else { return }
        for name in names where name.hasPrefix(stagingPrefix) {
            guard let pid = Int32(name.dropFirst(stagingPrefix.count).prefix { $0.isNumber }) else { continue }
            if pid != getpid(), kill(pid, 0) != 0, errno == ESRCH {
                try? fm.removeItem(at: directory.appendingPathComponent(name))
            }
        }
    }

    /// Reads every template the formats need before the workers start, so they load once and
    /// libxml2 is initialised on one thread.
    private func preloadTemplates() {
        var kinds = Set(formats.compactMap(\.packageKind))
        if formats.contains(.pdf) { kinds.insert(.odt) }
        for form in ReportForm.all {
            for kind in kinds { _ = try? exporter.generator.template(for: form, format: kind) }
        }
    }

    private func run(_ job: Job, staging: URL) -> Outcome {
        let start = Date()
        let final = outputDirectory.appendingPathComponent(job.folder)
        var dataWarnings: [Diagnostic] = []
        func failed(_ reason: String) -> Outcome {
            Outcome(name: job.name, folder: final, files: [], failure: reason, warnings: dataWarnings.map(\.description),
                    dataWarnings: dataWarnings, seconds: Date().timeIntervalSince(start))
        }
        let input: (loaded: ReportLoader.Result, dataURL: URL)
        do { input = try job.load() } catch { return failed("\(error)") }
        dataWarnings = input.loaded.diagnostics.warnings
        let errors = input.loaded.diagnostics.errors
        guard let data = input.loaded.data, errors.isEmpty else {
            let shown = errors.prefix(3).map(\.description).joined(separator: "; ")
            return failed(errors.isEmpty ? "the data file cannot be read" : shown + (errors.count > 3 ? "; and \(errors.count - 3) more error(s)" : ""))
        }
        let kinds: [ReportKind]
        do { kinds = try selection.kinds(for: data) } catch { return failed("\(error)") }

        let fm = FileManager.default
        let work = staging.appendingPathComponent(UUID().uuidString)
        defer { try? fm.removeItem(at: work) }
        let files: [ReportExporter.File]
        do {
            files = try exporter.export(loaded: input.loaded, dataURL: input.dataURL, kinds: kinds, formats: formats,
                                        outputDirectory: work, formYear: formYear).files
        } catch {
            return failed("\(error)")
        }
        do {
            let moved = try Self.publish(files.map(\.url), into: final)
            let fill = files.flatMap { f in f.warnings.map { "\(f.url.lastPathComponent): \($0)" } }
            return Outcome(name: job.name, folder: final, files: moved, failure: nil,
                           warnings: dataWarnings.map(\.description) + fill, dataWarnings: dataWarnings,
                           seconds: Date().timeIntervalSince(start))
        } catch {
            return failed("\(final.path): cannot move the finished files into place (\(OutputFolder.reason(error)))")
        }
    }

    /// Moves finished files into `folder` (renames within one file system); on failure, removes the ones moved.
    static func publish(_ files: [URL], into folder: URL) throws -> [URL] {
        let fm = FileManager.default
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        var moved: [URL] = []
        for file in files {
            let target = folder.appendingPathComponent(file.lastPathComponent)
            if rename(file.path, target.path) != 0 {
                let reason = String(cString: strerror(errno))
                for m in moved { try? fm.removeItem(at: m) }
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: reason])
            }
            moved.append(target)
        }
        return moved
    }

    /// The shared state of the workers: the next job to take, and the outcomes so far.
    private final class State: @unchecked Sendable {
        private let lock = NSLock()
        private var nextIndex = 0
        private var finished = 0
        private var failed = 0
        private var warnings = 0
        private(set) var outcomes: [Outcome?]

        init(count: Int) { outcomes = Array(repeating: nil, count: count) }

        func next() -> Int? {
            lock.lock(); defer { lock.unlock() }
            guard nextIndex < outcomes.count else { return nil }
            defer { nextIndex += 1 }
            return nextIndex
        }

        func finish(_ i: Int, _ outcome: Outcome, total: Int, progress: (Progress) -> Void) {
            lock.lock(); defer { lock.unlock() }
            outcomes[i] = outcome
            finished += 1
            if !outcome.succeeded { failed += 1 }
            warnings += outcome.warnings.count
            progress(Progress(finished: finished, total: total, failed: failed, warnings: warnings, last: outcome))
        }
    }
}
