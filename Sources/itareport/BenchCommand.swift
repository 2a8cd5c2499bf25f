import ArgumentParser
import Foundation
import ITAReports
import TemplateEngine

/// `itareport bench TEMPLATE DATA`: how long loading a template and filling it take, on the user's own
/// template and data, measured the way `fill` works (the document is written to disk each time).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time loading a template and filling it with a data file.",
        discussion: """
        Loads TEMPLATE once, then fills it COUNT times with DATA, writing each document to a temporary \
        folder. Prints the load time and the fill time per document (minimum, median, maximum), in \
        milliseconds; with --json, exactly {"load_ms": …, "fill_ms": {"min": …, "median": …, "max": …}}. \
        With --cpu the figures are the time this process spent on the CPU rather than the time that went \
        by: figures that hold on a busy machine, where the clock mostly measures waiting for a core.
        """
    )

    @Argument(help: "The template (.docx or .odt).")
    var template: String

    @Argument(help: "The data file (.yaml, .yml or .json), as for fill.")
    var data: String

    @Option(help: "How many documents to fill.")
    var count = 20

    @Flag(help: "Print the figures as one JSON object.")
    var json = false

    @Option(help: ArgumentHelp("Also keep the last filled document at this path.", valueName: "file"))
    var keep: String?

    @Flag(help: "Measure time on the CPU (user and system) instead of elapsed time.")
    var cpu = false

    @Flag(help: "Names missing from the data are left empty, as fill --lenient.")
    var lenient = false

    func validate() throws {
        guard count >= 1 else { throw ValidationError("--count must be at least 1") }
    }

    func run() throws {
        let dataURL = URL(fileURLWithPath: data)
        let templateURL = URL(fileURLWithPath: template)
        do {
            let values = try DataFile.load(dataURL)
            let options = RenderOptions(lenient: lenient, assetRoot: dataURL.deletingLastPathComponent())
            let clock = cpu ? Self.cpuNanoseconds : Self.wallNanoseconds
            let loadStart = clock()
            let t = try Template(contentsOf: templateURL, language: ThaiTemplateLanguage.language)
            let loadMs = Self.ms(since: loadStart, clock)
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("itareport-bench-\(UUID().uuidString.prefix(8))")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let out = folder.appendingPathComponent("bench.\(t.kind.fileExtension)")
            var times: [Double] = []
            for _ in 0..<count {
                let start = clock()
                try t.render(values, to: out, options: options)
                times.append(Self.ms(since: start, clock))
            }
            if let keep {
                let dest = URL(fileURLWithPath: keep)
                try? FileManager.default.removeItem(at: dest)
                try FileManager.default.copyItem(at: out, to: dest)
            }
            let stats = BenchFigures(load: loadMs, fills: times)
            print(json ? stats.json : stats.text(template: template, kind: t.kind.rawValue.uppercased()))
        } catch let e as CLIError {
            throw e
        } catch {
            throw CLIError("\(error)")
        }
    }

    static func wallNanoseconds() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    /// User and system time of this process so far.
    static func cpuNanoseconds() -> UInt64 {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_nsec)
    }

    static func ms(since start: UInt64, _ clock: () -> UInt64) -> Double {
        Double(clock() - start) / 1_000_000
    }
}

/// The figures `bench` prints: load time once, fill time per document.
struct BenchFigures {
    let load: Double
    let min: Double
    let median: Double
    let max: Double
    let count: Int

    init(load: Double, fills: [Double]) {
        let sorted = fills.sorted()
        self.load = load
        count = sorted.count
        min = sorted.first ?? 0
        max = sorted.last ?? 0
        let n = sorted.count
        median = n == 0 ? 0 : (n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2)
    }

    static func number(_ v: Double) -> String { String(format: "%.3f", v) }

    var json: String {
        "{\"load_ms\": \(Self.number(load)), \"fill_ms\": {\"min\": \(Self.number(min)), \"median\": \(Self.number(median)), \"max\": \(Self.number(max))}}"
    }

    func text(template: String, kind: String) -> String {
        """
        \(template): \(kind) template, \(count) documents
          load  \(String(format: "%8.2f", load)) ms (once)
          fill  \(String(format: "%8.2f", min)) ms min, \(String(format: "%.2f", median)) ms median, \(String(format: "%.2f", max)) ms max per document
        """
    }
}
