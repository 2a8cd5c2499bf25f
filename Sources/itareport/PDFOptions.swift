import ArgumentParser
import Foundation
import ITAKit
import ITAReports

/// `--soffice` and `--pdfa`, shared by the commands that write PDF.
struct PDFOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The LibreOffice program to convert to PDF with (default: soffice or libreoffice on PATH).",
                               valueName: "path"))
    var soffice: String?

    @Flag(help: "Write PDF/A-2b (for archiving) instead of plain PDF.")
    var pdfa = false

    @Option(help: ArgumentHelp("How long LibreOffice may take per document before it is stopped (after a minute to start).",
                               valueName: "seconds"))
    var pdfTimeout: Int = Int(PDFConverter.defaultTimeout)

    func validate() throws {
        guard (1...3600).contains(pdfTimeout) else {
            throw ValidationError(Console.text(Message("cli.pdf-timeout", ["value": "\(pdfTimeout)"])))
        }
    }

    /// The converter when `formats` include PDF; nil otherwise. Fails with install instructions when LibreOffice is missing.
    func converter(for formats: [ExportFormat]) throws -> PDFConverter? {
        guard formats.contains(.pdf) else {
            if pdfa { throw ValidationError(Console.text(Message("cli.pdfa-without-pdf"))) }
            return nil
        }
        var converter: PDFConverter
        do { converter = try PDFConverter.locate(explicit: soffice, pdfA: pdfa) } catch { throw CLIError(error) }
        converter.timeout = TimeInterval(pdfTimeout)
        InterruptCleanup.install()
        return converter
    }
}

/// Interrupted (Ctrl-C, `kill`, a closed terminal) while LibreOffice converts, the tool stops the
/// LibreOffice it started and removes its profile folders before it ends.
enum InterruptCleanup {
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []
    private static let once: Void = {
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler {
                ChildProcesses.stopAll()
                PDFProfile.removeOwn()
                exit(128 + sig)
            }
            source.resume()
            sources.append(source)
        }
    }()

    static func install() { _ = once }
}
