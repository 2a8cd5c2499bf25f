import ArgumentParser
import Foundation
import TemplateEngine

/// `itareport bench`: how long filling a report-sized template takes, in DOCX and ODT.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time the template engine on a report-sized DOCX and ODT template.",
        discussion: "Builds the templates in a temporary folder, loads each once and fills it N times; prints milliseconds per document."
    )

    @Option(help: "How many documents to fill from each template.")
    var iterations = 20

    @Option(help: ArgumentHelp("Keep the templates and the last filled documents in this folder.", valueName: "folder"))
    var keep: String?

    func run() throws {
        guard iterations > 0 else { throw ValidationError("--iterations must be at least 1") }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("itareport-bench-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = BenchDocument.data
        print("itareport bench: \(iterations) documents per format; \(BenchDocument.blocks.count) template blocks, 45 indicator rows, 30 measure rows")
        for (label, ext, build) in [("DOCX", "docx", BenchDocument.writeDOCX), ("ODT", "odt", BenchDocument.writeODT)] as [(String, String, (URL) throws -> Void)] {
            let templateURL = folder.appendingPathComponent("bench-template.\(ext)")
            try build(templateURL)
            let loadStart = DispatchTime.now()
            let template = try Template(contentsOf: templateURL)
            let loadMs = Self.ms(since: loadStart)
            var times: [Double] = []
            var size = 0
            for i in 0..<iterations {
                let out = folder.appendingPathComponent("out\(i).\(ext)")
                let start = DispatchTime.now()
                try template.render(data, to: out)
                times.append(Self.ms(since: start))
                size = (try? FileManager.default.attributesOfItem(atPath: out.path)[.size] as? Int) ?? 0
                if let keep, i == iterations - 1 {
                    let dest = URL(fileURLWithPath: keep)
                    try FileManager.default.createDirectory(at: dest, withIntermediateDirectories: true)
                    for f in [templateURL, out] {
                        try? FileManager.default.removeItem(at: dest.appendingPathComponent(f.lastPathComponent))
                        try FileManager.default.copyItem(at: f, to: dest.appendingPathComponent(f.lastPathComponent))
                    }
                }
                try? FileManager.default.removeItem(at: out)
            }
            times.sort()
            let median = times.count % 2 == 1 ? times[times.count / 2] : (times[times.count / 2 - 1] + times[times.count / 2]) / 2
            print(String(format: "%@: load %.1f ms once; fill %.1f ms min, %.1f ms median per document (%d KB)", label, loadMs, times[0], median, size / 1024))
        }
    }

    static func ms(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000
    }
}
