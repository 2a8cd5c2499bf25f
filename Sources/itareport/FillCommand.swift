import ArgumentParser
import Foundation
import ITAReports
import OfficePackage
import TemplateEngine

/// `itareport fill TEMPLATE DATA --output FILE`
struct FillCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fill",
        abstract: "Fill a DOCX or ODT template with a JSON or YAML data file.",
        discussion: "The output format is the template's: a .docx template gives a .docx file, an .odt template an .odt file."
    )

    @Argument(help: "The template (.docx or .odt) with {{tags}}.")
    var template: String

    @Argument(help: "The data file (.yaml, .yml or .json).")
    var data: String

    @Option(name: .shortAndLong, help: "Where to write the filled document; its extension must match the template's.")
    var output: String

    @Flag(help: "Leave names missing from the data empty and warn, instead of failing.")
    var lenient = false

    @Option(help: "Digits of the whole document: arabic or thai.")
    var digits: String = "arabic"

    func run() throws {
        guard let d = DigitScript.named(digits) else {
            throw ValidationError("--digits must be arabic or thai, not '\(digits)'")
        }
        let templateURL = URL(fileURLWithPath: template)
        let dataURL = URL(fileURLWithPath: data)
        let outURL = URL(fileURLWithPath: output)
        do {
            try RegularFile.check(templateURL.path, role: .template)
            let t = try Template(contentsOf: templateURL, language: ThaiTemplateLanguage.language)
            guard outURL.pathExtension.lowercased() == t.kind.fileExtension else {
                throw ValidationError("the template is a .\(t.kind.fileExtension) file, so --output must end in .\(t.kind.fileExtension) (got '\(outURL.lastPathComponent)')")
            }
            let values = try DataFile.load(dataURL)
            let options = RenderOptions(lenient: lenient, digits: d, assetRoot: dataURL.deletingLastPathComponent())
            // Written under a short scratch name beside the output, then renamed: a killed run leaves a
            // name the next run recognises, and messages name the file asked for.
            if outURL.standardizedFileURL.resolvingSymlinksInPath().path == templateURL.standardizedFileURL.resolvingSymlinksInPath().path {
                throw CLIError("\(outURL.path): refused: the output would overwrite the template itself. Choose another output path.")
            }
            let folder = outURL.deletingLastPathComponent()
            ScratchFiles.removeAbandoned(in: folder)
            let scratch = ScratchFiles.url(in: folder, suffix: "." + t.kind.fileExtension)
            defer { unlink(scratch.path) }
            let report: RenderReport
            do { report = try t.render(values, to: scratch, options: options) } catch let PackageError.writeFailed(_, reason) {
                throw CLIError("\(outURL.path): cannot write the document (\(reason)); nothing was written.")
            }
            if rename(scratch.path, outURL.path) != 0 {
                throw CLIError("\(outURL.path): cannot write the document (\(String(cString: strerror(errno)))); nothing was written.")
            }
            for w in report.warnings { FileHandle.standardError.write(Data("warning: \(w)\n".utf8)) }
            print(outURL.path)
        } catch let e as ValidationError {
            throw e
        } catch let e as CLIError {
            throw e
        } catch {
            throw CLIError("\(error)")
        }
    }
}
