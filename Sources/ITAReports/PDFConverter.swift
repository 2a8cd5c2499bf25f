import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Converts documents to PDF with LibreOffice running headless.
///
/// One LibreOffice run converts many documents, in a user profile of the caller's (`PDFProfile`): a
/// worker keeps its own profile for all its runs, so runs may go on in parallel without fighting over
/// one profile's lock and LibreOffice sets a profile up once rather than for every document.
/// Fonts are embedded; `pdfA` asks for PDF/A-2b. Convert ODT files: LibreOffice renders Thai
/// page and list numbers from ODT correctly, and not from DOCX.
public struct PDFConverter: Sendable {
    /// The `soffice` (or `libreoffice`) program.
    public let executable: URL
    /// Write PDF/A-2b instead of plain PDF.
    public var pdfA: Bool
    /// How long LibreOffice may take for each document of a run, beyond `startup`.
    public var timeout: TimeInterval
    /// How long LibreOffice may take to start (and set a new profile up) in a run.
    public var startup: TimeInterval

    /// The default `timeout`: a long document on a slow office PC converts in well under a minute.
    public static let defaultTimeout: TimeInterval = 90

    /// A converter that runs `executable`.
    public init(executable: URL, pdfA: Bool = false, timeout: TimeInterval = PDFConverter.defaultTimeout, startup: TimeInterval = 60) {
        self.executable = executable
        self.pdfA = pdfA
        self.timeout = timeout
        self.startup = startup
    }

    /// How long a run converting `count` documents may take before LibreOffice is stopped.
    func allowance(for count: Int) -> TimeInterval { startup + timeout * Double(count) }

    /// Program names looked up on `PATH`, in order.
    public static let programNames = ["soffice", "libreoffice"]

    /// Places LibreOffice installs itself outside `PATH`.
    public static let knownLocations = [
        "/usr/lib/libreoffice/program/soffice",
        "/opt/libreoffice/program/soffice",
        "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    ]

    /// Finds LibreOffice: `explicit` when given (a path), else `soffice`/`libreoffice` on `PATH`,
    /// else the usual install locations (`knownLocations`).
    public static func locate(explicit: String? = nil, pdfA: Bool = false,
                              environment: [String: String] = ProcessInfo.processInfo.environment,
                              knownLocations: [String] = PDFConverter.knownLocations) throws -> PDFConverter {
        let fm = FileManager.default
        if let explicit, !explicit.isEmpty {
            guard fm.isExecutableFile(atPath: explicit) else { throw PDFConversionError.notExecutable(path: explicit) }
            return PDFConverter(executable: URL(fileURLWithPath: explicit), pdfA: pdfA)
        }
        let dirs = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in programNames {
            for dir in dirs where !dir.isEmpty {
                let candidate = (dir as NSString).appendingPathComponent(name)
                if fm.isExecutableFile(atPath: candidate) {
                    return PDFConverter(executable: URL(fileURLWithPath: candidate), pdfA: pdfA)
                }
            }
        }
        for path in knownLocations where fm.isExecutableFile(atPath: path) {
            return PDFConverter(executable: URL(fileURLWithPath: path), pdfA: pdfA)
        }
        throw PDFConversionError.notInstalled
    }

    /// The `--convert-to` argument: the Writer PDF export filter with its options (LibreOffice 7.4+ JSON syntax).
    var filter: String {
        var options = [#""EmbedStandardFonts":{"type":"boolean","value":"true"}"#]
        if pdfA { options.append(#""SelectPdfVersion":{"type":"long","value":"2"}"#) }
        return "pdf:writer_pdf_Export:{" + options.joined(separator: ",") + "}"
    }

    /// One document to convert: an ODT (or DOCX) and where its PDF goes.
    public struct Job: Sendable {
        public var source: URL
        public var destination: URL
        public init(source: URL, destination: URL) {
            self.source = source
            self.destination = destination
        }
    }

    /// Converts `source` (ODT or DOCX) to the PDF `destination`, which appears complete or not at all,
    /// with a LibreOffice profile of its own made for this conversion.
    public func convert(_ source: URL, to destination: URL) throws {
        let profile = try PDFProfile()
        if let failure = convert([Job(source: source, destination: destination)], profile: profile)[0] { throw failure }
    }

    /// Converts every job with one LibreOffice run in `profile` (a worker's own, kept from one call to
    /// the next so LibreOffice sets it up once). A document LibreOffice cannot convert is tried once more
    /// on its own; what still fails is returned by the job's index, and the others are written.
    public func convert(_ jobs: [Job], profile: PDFProfile) -> [Int: PDFConversionError] {
        guard !jobs.isEmpty else { return [:] }
        let first = run(jobs, profile: profile)
        guard !first.failures.isEmpty, jobs.count > 1 else { return first.failures }
        // A LibreOffice that hung before writing any PDF would hang again on each document alone: it is not tried again.
        if first.timedOut && first.failures.count == jobs.count { return first.failures }
        // Whatever stopped the shared run (a document that crashes LibreOffice, a timeout) is found by trying each alone.
        var failures: [Int: PDFConversionError] = [:]
        for i in first.failures.keys.sorted() {
            if let failure = run([jobs[i]], profile: profile).failures[0] { failures[i] = failure }
        }
        return failures
    }

    /// One LibreOffice run converting `jobs`.
    private func run(_ jobs: [Job], profile: PDFProfile) -> (failures: [Int: PDFConversionError], timedOut: Bool) {
        let fm = FileManager.default
        let work = profile.root.appendingPathComponent("run-\(UUID().uuidString.prefix(8))")
        defer { try? fm.removeItem(at: work) }
        var failures: [Int: PDFConversionError] = [:]
        func failAll(_ make: (Job) -> PDFConversionError) -> (failures: [Int: PDFConversionError], timedOut: Bool) {
            for (i, job) in jobs.enumerated() where failures[i] == nil { failures[i] = make(job) }
            return (failures, false)
        }
        let input = work.appendingPathComponent("in"), output = work.appendingPathComponent("out")
        do {
            try fm.createDirectory(at: input, withIntermediateDirectories: true)
            try fm.createDirectory(at: output, withIntermediateDirectories: true)
        } catch {
            return failAll { .failed(file: $0.destination.path, reason: "cannot create a temporary folder: \(OutputFolder.reason(error))") }
        }
        // Plain ASCII names inside the work folder: each PDF's name is then known, whatever its source is called.
        var staged: [Int: URL] = [:]
        for (i, job) in jobs.enumerated() {
            let copy = input.appendingPathComponent("doc\(i)." + job.source.pathExtension.lowercased())
            do { try fm.copyItem(at: job.source, to: copy); staged[i] = copy } catch {
                failures[i] = .failed(file: job.source.path, reason: "cannot read the document: \(OutputFolder.reason(error))")
            }
        }
        guard !staged.isEmpty else { return (failures, false) }
        let log = work.appendingPathComponent("soffice.log")
        _ = fm.createFile(atPath: log.path, contents: nil)

        let process = Process()
        process.executableURL = executable
        process.environment = Self.environment(ProcessInfo.processInfo.environment)
        process.arguments = [
            "-env:UserInstallation=" + profile.url.absoluteString,
            "--headless", "--invisible", "--nologo", "--norestore", "--nodefault", "--nolockcheck",
            "--convert-to", filter, "--outdir", output.path,
        ] + staged.keys.sorted().map { staged[$0]!.path }
        let handle = try? FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        do { try ChildProcesses.start(process) } catch {
            try? handle?.close()
            return failAll { .failed(file: $0.destination.path, reason: "cannot start \(executable.path): \(error.localizedDescription)") }
        }
        let allowed = allowance(for: staged.count)
        var timedOut = false
        if done.wait(timeout: .now() + allowed) == .timedOut {
            timedOut = true
            // `soffice` is a script whose LibreOffice runs as its child: the whole process group is stopped.
            ChildProcesses.signal(process, SIGTERM)
            if done.wait(timeout: .now() + 5) == .timedOut { ChildProcesses.signal(process, SIGKILL); done.wait() }
        }
        ChildProcesses.finished(process)
        ChildProcesses.waitIfInterrupted()
        // What the script started and left running in its group (a LibreOffice still exiting) goes with it.
        ChildProcesses.signal(process, SIGKILL)
        try? handle?.close()
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        let said = text.split(separator: "\n").filter { !$0.contains("javaldx") && !$0.hasPrefix("convert ") }.joined(separator: " ")
        for i in staged.keys.sorted() {
            let pdf = output.appendingPathComponent("doc\(i).pdf")
            let job = jobs[i]
            guard fm.fileExists(atPath: pdf.path) else {
                failures[i] = timedOut
                    ? .timedOut(file: job.destination.path, seconds: Int(allowed))
                    : .failed(file: job.destination.path, reason: "LibreOffice wrote no PDF (exit status \(process.terminationStatus))" + (said.isEmpty ? "" : ": \(said)"))
                continue
            }
            do { try Self.place(pdf, at: job.destination) } catch let e as PDFConversionError { failures[i] = e } catch {
                failures[i] = .failed(file: job.destination.path, reason: "\(error)")
            }
        }
        return (failures, timedOut)
    }

    /// The environment LibreOffice runs in: `base` with the system folders added to `PATH`, since its
    /// `soffice` start script calls dirname, grep and uname even when it was found outside `PATH`.
    static func environment(_ base: [String: String]) -> [String: String] {
        var env = base
        var dirs = (base["PATH"] ?? "").split(separator: ":").map(String.init).filter { !$0.isEmpty }
        for dir in ["/usr/local/bin", "/usr/bin", "/bin"] where !dirs.contains(dir) { dirs.append(dir) }
        env["PATH"] = dirs.joined(separator: ":")
        return env
    }

    /// Moves `file` to `destination` so that a reader sees either the old file or the whole new one.
    static func place(_ file: URL, at destination: URL) throws {
        let fm = FileManager.default
        let tmp = ScratchFiles.url(in: destination.deletingLastPathComponent(), suffix: ".pdf")
        do {
            try fm.copyItem(at: file, to: tmp)
        } catch {
            throw PDFConversionError.failed(file: destination.path, reason: "cannot write the PDF: \(OutputFolder.reason(error))")
        }
        if rename(tmp.path, destination.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? fm.removeItem(at: tmp)
            throw PDFConversionError.failed(file: destination.path, reason: "cannot write the PDF: \(reason)")
        }
    }
}

/// The programs the tool runs (LibreOffice), each in a process group of its own, so that a run that
/// times out, and the tool itself when it is interrupted, stop them with everything they started.
public enum ChildProcesses {
    private struct State {
        var running: Set<pid_t> = []
        var interrupted = false
    }
    private static let state = Mutex(State())

    /// Starts `process` (Foundation gives it a process group of its own) and keeps it as running.
    /// Once the tool is interrupted, nothing more starts.
    static func start(_ process: Process) throws {
        try state.withLock { state in
            guard !state.interrupted else { throw CocoaError(.userCancelled) }
            try process.run()
            state.running.insert(process.processIdentifier)
        }
    }

    /// `process` has ended: it is no longer stopped by `stopAll`.
    static func finished(_ process: Process) {
        _ = state.withLock { $0.running.remove(process.processIdentifier) }
    }

    /// Sends `signal` to the process group of `process`, which outlives it while anything it started
    /// runs (to the process alone where it has no group of its own).
    static func signal(_ process: Process, _ signal: Int32) {
        let pid = process.processIdentifier
        guard pid > 0 else { return }
        if kill(-pid, signal) != 0 && process.isRunning { kill(pid, signal) }
    }

    /// Stops every program still running with all it started, when the tool itself is interrupted: from
    /// then on nothing more starts, and a conversion that sees its LibreOffice end waits for the tool to
    /// exit rather than report the stop as a failure. Returns how many there were.
    @discardableResult
    public static func stopAll() -> Int {
        let groups = state.withLock { state -> [pid_t] in
            state.interrupted = true
            defer { state.running.removeAll() }
            return Array(state.running)
        }
        for pid in groups { kill(-pid, SIGKILL) }
        return groups.count
    }

    /// Called when a conversion's LibreOffice has ended: never returns once `stopAll` has run.
    static func waitIfInterrupted() {
        guard state.withLock({ $0.interrupted }) else { return }
        while true { pause() }
    }
}
