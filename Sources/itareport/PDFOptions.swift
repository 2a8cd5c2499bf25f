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

    /// The converter when `formats` include PDF; nil otherwise. Fails with install instructions when LibreOffice is missing.
    func converter(for formats: [ExportFormat]) throws -> PDFConverter? {
        guard formats.contains(.pdf) else {
            if pdfa { throw ValidationError(Console.text(Message("cli.pdfa-without-pdf"))) }
            return nil
        }
        do { return try PDFConverter.locate(explicit: soffice, pdfA: pdfa) } catch { throw CLIError(error) }
    }
}
