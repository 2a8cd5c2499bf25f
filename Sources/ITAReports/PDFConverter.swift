import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Converts documents to PDF with LibreOffice running headless.
///
/// Each conversion runs its own LibreOffice with its own user profile in a fresh temporary
/// folder, so conversions may run in parallel without fighting over one profile's lock.
/// Fonts are embedded; `pdfA` asks for PDF/A-2b. Convert ODT files: LibreOffice renders Thai
/// page and list numbers from ODT correctly, and not from DOCX.
public struct PDFConverter: Sendable {
    /// The `soffice` (or `libreoffice`) program.
    public let executable: URL
    /// Write PDF/A-2b instead of plain PDF.
    public var pdfA: Bool
    /// How long one conversion may take before it is stopped.
    public var timeout: TimeInterval

    /// A converter that runs `executable`.
    public init(executable: URL, pdfA: Bool = false, timeout: TimeInterval = 300) {
        self.executable = executable
        self.pdfA = pdfA
        self.timeout = timeout
    }

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

    /// Converts `source` (ODT or DOCX) to the PDF `destination`, which appears complete or not at all.
    public func convert(_ source: URL, to destination: URL) throws {
        let fm = FileManager.default
        let work = fm.temporaryDirectory.appendingPathComponent("itareport-pdf-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: work) }
        let input = work.appendingPathComponent("in"), output = work.appendingPathComponent("out")
        do {
            try fm.createDirectory(at: input, withIntermediateDirectories: true)
            try fm.createDirectory(at: output, withIntermediateDirectories: true)
        } catch {
            throw PDFConversionError.failed(file: destination.path, reason: "cannot create a temporary folder: \(error.localizedDescription)")
        }
        // A plain ASCII name inside the work folder: the PDF's name is then known, whatever the source is called.
        let staged = input.appendingPathComponent("document." + source.pathExtension.lowercased())
        do { try fm.copyItem(at: source, to: staged) } catch {
            throw PDFConversionError.failed(file: source.path, reason: "cannot read the document: \(error.localizedDescription)")
        }
        let log = work.appendingPathComponent("soffice.log")
        _ = fm.createFile(atPath: log.path, contents: nil)

        let process = Process()
        process.executableURL = executable
        process.environment = Self.environment(ProcessInfo.processInfo.environment)
        process.arguments = [
            "-env:UserInstallation=file://" + work.appendingPathComponent("profile").path,
            "--headless", "--invisible", "--nologo", "--norestore", "--nodefault", "--nolockcheck",
            "--convert-to", filter, "--outdir", output.path, staged.path,
        ]
        let handle = try? FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        do { try process.run() } catch {
            throw PDFConversionError.failed(file: destination.path, reason: "cannot start \(executable.path): \(error.localizedDescription)")
        }
        if done.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            if done.wait(timeout: .now() + 5) == .timedOut { kill(process.processIdentifier, SIGKILL); done.wait() }
            throw PDFConversionError.timedOut(file: destination.path, seconds: Int(timeout))
        }
        try? handle?.close()
        let pdf = output.appendingPathComponent("document.pdf")
        guard process.terminationStatus == 0, fm.fileExists(atPath: pdf.path) else {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            let said = text.split(separator: "\n").filter { !$0.contains("javaldx") }.joined(separator: " ")
            throw PDFConversionError.failed(file: destination.path,
                                            reason: "LibreOffice exited with status \(process.terminationStatus)" + (said.isEmpty ? "" : ": \(said)"))
        }
        try Self.place(pdf, at: destination)
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
        let tmp = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).\(UUID().uuidString.prefix(8)).tmp")
        do {
            try fm.copyItem(at: file, to: tmp)
        } catch {
            throw PDFConversionError.failed(file: destination.path, reason: "cannot write the PDF: \(error.localizedDescription)")
        }
        if rename(tmp.path, destination.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? fm.removeItem(at: tmp)
            throw PDFConversionError.failed(file: destination.path, reason: "cannot write the PDF: \(reason)")
        }
    }
}
