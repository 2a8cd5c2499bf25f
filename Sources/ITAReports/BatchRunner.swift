import Foundation
import Synchronization
import ITAKit

/// Writes the documents of many organisations at once, on `workers` threads sharing one
/// `ReportExporter` (so each template is read once).
///
/// Each organisation's files are written into a scratch folder inside its own subfolder and moved into
/// place only when all of them were written: an organisation that fails leaves nothing behind, and the
/// others are not affected. Each subfolder gets a `manifest.json`; as in a bundle, only files listed in
/// the earlier manifest there are replaced or removed, and other files are left alone.
/// With PDF, a worker takes a few organisations at a time and converts all their PDFs in one LibreOffice run.
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
        public var failureMessage: Message?
        /// Every warning, as printed: the data file's (each with its line and column) first, then
        /// those of filling the templates.
        public var warnings: [String]
        /// The data file's warnings as diagnostics (a subset of `warnings`), for counting by kind.
        public var dataWarnings: [Diagnostic]
        public var seconds: Double

        public init(name: String, folder: URL, files: [URL], failure: Message?, warnings: [String],
                    dataWarnings: [Diagnostic], seconds: Double) {
            self.name = name
            self.folder = folder
            self.files = files
            self.failureMessage = failure
            self.warnings = warnings
            self.dataWarnings = dataWarnings
            self.seconds = seconds
        }

        public var succeeded: Bool { failureMessage == nil }

        /// Why the job failed, in English; nil when it succeeded.
        public var failure: String? { failureMessage?.text(in: .en) }

        /// Why the job failed, in `language`; nil when it succeeded.
        public func failure(in language: MessageLanguage) -> String? { failureMessage?.text(in: language) }

        /// The warnings in `language`: the data file's (translated), then those of filling the templates (as they are).
        public func warnings(in language: MessageLanguage) -> [String] {
            dataWarnings.map { $0.description(in: language) } + warnings.dropFirst(dataWarnings.count)
        }
    }

    /// Where a batch has got to, reported after each job.
    public struct Progress: Sendable {
        /// The index of the job just finished, in the jobs given to `run`.
        public var index: Int
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
    /// With PDF, how many organisations a worker takes at once: their PDFs are converted by one LibreOffice run.
    public let organisationsPerPDFRun: Int

    public init(exporter: ReportExporter, formats: [ExportFormat], selection: ReportSelection = .all,
                outputDirectory: URL, workers: Int = ProcessInfo.processInfo.activeProcessorCount, formYear: Int? = nil,
                organisationsPerPDFRun: Int = 10) {
        self.exporter = exporter
        self.formats = formats
        self.selection = selection
        self.outputDirectory = outputDirectory
        self.workers = max(1, workers)
        self.formYear = formYear
        self.organisationsPerPDFRun = max(1, organisationsPerPDFRun)
    }

    /// Runs every job and returns their outcomes in the jobs' order. `progress` is called after
    /// each job, one call at a time, with its whole outcome. With `keepDetails` false the outcomes
    /// returned keep only the name, folder and failure of each job (no files, no warnings), so a batch
    /// of any size holds little in memory: take what is needed from `progress` (e.g. `BatchLog.Stream`).
    public func run(_ jobs: [Job], keepDetails: Bool = true, progress: @escaping @Sendable (Progress) -> Void = { _ in }) throws -> [Outcome] {
        try OutputFolder.create(outputDirectory)
        ScratchFiles.removeAbandoned(in: outputDirectory)
        preloadTemplates()

        let chunk = formats.contains(.pdf) ? organisationsPerPDFRun : 1
        let state = State(count: jobs.count, keepDetails: keepDetails)
        let group = DispatchGroup()
        for _ in 0..<min(workers, max(1, jobs.count)) {
            group.enter()
            Thread.detachNewThread { [self] in
                defer { group.leave() }
                // Each worker converts with a LibreOffice profile of its own, kept for all its runs.
                var profile: PDFProfile?
                if formats.contains(.pdf) {
                    profile = try? PDFProfile()
                }
                while let range = state.next(chunk) {
                    let outcomes = self.run(Array(jobs[range]), profile: profile)
                    for (i, outcome) in zip(range, outcomes) { state.finish(i, outcome, total: jobs.count, progress: progress) }
                }
            }
        }
        group.wait()
        return state.outcomes.map { $0! }
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

    /// Runs a few jobs on one worker: fills each organisation's documents, converts all their PDFs with one
    /// LibreOffice run, then puts each organisation's files in place.
    private func run(_ jobs: [Job], profile: PDFProfile?) -> [Outcome] {
        let start = Date()
        var outcomes: [Outcome?] = Array(repeating: nil, count: jobs.count)
        var staged: [(index: Int, staged: ReportExporter.Staged, dataWarnings: [Diagnostic])] = []
        defer { for s in staged { s.staged.discard() } }
        func failed(_ i: Int, folder: URL, _ reason: Message, _ dataWarnings: [Diagnostic]) -> Outcome {
            Outcome(name: jobs[i].name, folder: folder, files: [], failure: reason, warnings: dataWarnings.map(\.description),
                    dataWarnings: dataWarnings, seconds: Date().timeIntervalSince(start))
        }
        for (i, job) in jobs.enumerated() {
            var dataWarnings: [Diagnostic] = []
            do {
                let s = try stage(job, dataWarnings: &dataWarnings)
                staged.append((i, s, dataWarnings))
            } catch {
                outcomes[i] = failed(i, folder: outputDirectory.appendingPathComponent(job.folder), Message(error), dataWarnings)
            }
        }
        if formats.contains(.pdf) {
            let failures: [Int: Error]
            if let profile { failures = exporter.convertPDFs(staged.map(\.staged), profile: profile) } else {
                failures = Dictionary(uniqueKeysWithValues: staged.indices.map { ($0, PDFConversionError.failed(file: outputDirectory.path, reason: Message("batch.no-profile").text(in: .en)) as Error) })
            }
            for (n, error) in failures {
                let i = staged[n].index
                outcomes[i] = failed(i, folder: staged[n].staged.folder, Message(error), staged[n].dataWarnings)
            }
        }
        for (i, s, dataWarnings) in staged where outcomes[i] == nil {
            do {
                let manifest = try SubmissionBundle.place([s])
                let fill = s.files.flatMap { f in f.warnings.map { "\(f.url.lastPathComponent): \($0)" } }
                outcomes[i] = Outcome(name: jobs[i].name, folder: s.folder,
                                      files: manifest.files.map { s.folder.appendingPathComponent($0.path) }, failure: nil,
                                      warnings: dataWarnings.map(\.description) + fill, dataWarnings: dataWarnings,
                                      seconds: Date().timeIntervalSince(start))
            } catch {
                outcomes[i] = failed(i, folder: s.folder, Message(error), dataWarnings)
            }
        }
        return outcomes.map { $0! }
    }

    /// One organisation's documents filled into a scratch folder inside its own folder, checked against
    /// the folder's earlier manifest. `dataWarnings` receives the data file's warnings as soon as it is read.
    private func stage(_ job: Job, dataWarnings: inout [Diagnostic]) throws -> ReportExporter.Staged {
        let input = try job.load()
        dataWarnings = input.loaded.diagnostics.warnings
        let errors = input.loaded.diagnostics.errors
        guard let data = input.loaded.data, errors.isEmpty else {
            let shown: Message.Argument = .joined(errors.prefix(3).map { .diagnostic($0) }, "; ")
            throw BatchFailure(errors.isEmpty ? Message("batch.unreadable")
                : errors.count > 3 ? Message("batch.errors.more", ["errors": shown, "more": "\(errors.count - 3)"])
                : Message("batch.errors", ["errors": shown]))
        }
        let kinds = try selection.kinds(for: data)
        let folder = outputDirectory.appendingPathComponent(job.folder)
        let staged = try exporter.stage(loaded: input.loaded, dataURL: input.dataURL, kinds: kinds, formats: formats,
                                        outputDirectory: folder, formYear: formYear)
        do { _ = try ManagedFolder(folder).check(writing: staged.names) } catch {
            staged.discard()
            throw error
        }
        return staged
    }

    /// A reason a job failed, as it is shown.
    private struct BatchFailure: CataloguedError, CustomStringConvertible {
        let catalogueMessage: Message
        init(_ m: Message) { catalogueMessage = m }
        var description: String { catalogueMessage.text(in: .en) }
    }

    /// The shared state of the workers: the next job to take, and the outcomes so far.
    private final class State: Sendable {
        private struct Counts {
            var nextIndex = 0
            var finished = 0
            var failed = 0
            var warnings = 0
            var outcomes: [Outcome?]
        }
        private let counts: Mutex<Counts>
        private let keepDetails: Bool

        init(count: Int, keepDetails: Bool) {
            counts = Mutex(Counts(outcomes: Array(repeating: nil, count: count)))
            self.keepDetails = keepDetails
        }

        var outcomes: [Outcome?] { counts.withLock { $0.outcomes } }

        /// The next `count` jobs (fewer at the end), nil when none is left.
        func next(_ count: Int) -> Range<Int>? {
            counts.withLock { c in
                guard c.nextIndex < c.outcomes.count else { return nil }
                let range = c.nextIndex..<min(c.outcomes.count, c.nextIndex + count)
                c.nextIndex = range.upperBound
                return range
            }
        }

        func finish(_ i: Int, _ outcome: Outcome, total: Int, progress: (Progress) -> Void) {
            let kept = keepDetails ? outcome
                : Outcome(name: outcome.name, folder: outcome.folder, files: [], failure: outcome.failureMessage, warnings: [],
                          dataWarnings: [], seconds: outcome.seconds)
            counts.withLock { c in
                c.outcomes[i] = kept
                c.finished += 1
                if !outcome.succeeded { c.failed += 1 }
                c.warnings += outcome.warnings.count
                progress(Progress(index: i, finished: c.finished, total: total, failed: c.failed, warnings: c.warnings, last: outcome))
            }
        }
    }
}
