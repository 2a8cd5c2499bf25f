import Foundation
import OfficePackage
import XCTest

/// The programs users open documents with, run on the files the tests produce: LibreOffice (to PDF),
/// python-docx and openxml-audit. A missing program fails the test (run `make setup-test`), unless
/// ITAREPORT_SKIP_OFFICE=1.
enum RealClients {
    static var skipped: Bool { ProcessInfo.processInfo.environment["ITAREPORT_SKIP_OFFICE"] == "1" }

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Runs a program found on PATH; nil when it is not there. `environment` is set over the inherited
    /// one (an empty value removes the variable). The locale variables are English unless given: the tests
    /// read the programs' English messages, whatever the locale of the machine running them.
    static func run(_ program: String, _ args: [String], timeout: TimeInterval = 240,
                    environment: [String: String] = [:]) -> Result? {
        guard let exe = which(program) else { return nil }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: exe)
        p.arguments = args
        var env = ProcessInfo.processInfo.environment
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] where env[name]?.lowercased().hasPrefix("th") == true {
            env[name] = "C.UTF-8"
        }
        for (name, value) in environment { env[name] = value.isEmpty ? nil : value }
        p.environment = env
        // Output goes to files, so a chatty child can never block on a full pipe.
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("itareport-run-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: tmp.path + ".out", contents: nil)
        FileManager.default.createFile(atPath: tmp.path + ".err", contents: nil)
        defer {
            try? FileManager.default.removeItem(atPath: tmp.path + ".out")
            try? FileManager.default.removeItem(atPath: tmp.path + ".err")
        }
        guard let outHandle = FileHandle(forWritingAtPath: tmp.path + ".out"),
              let errHandle = FileHandle(forWritingAtPath: tmp.path + ".err") else { return nil }
        p.standardOutput = outHandle
        p.standardError = errHandle
        p.standardInput = FileHandle.nullDevice
        do { try p.run() } catch { return nil }
        let deadline = Date().addingTimeInterval(timeout)
        while p.isRunning && Date() < deadline { usleep(20_000) }
        if p.isRunning { p.terminate() }
        p.waitUntilExit()
        try? outHandle.close()
        try? errHandle.close()
        let outData = (try? Data(contentsOf: URL(fileURLWithPath: tmp.path + ".out"))) ?? Data()
        let errData = (try? Data(contentsOf: URL(fileURLWithPath: tmp.path + ".err"))) ?? Data()
        return Result(status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }

    static func which(_ program: String) -> String? {
        if program.hasPrefix("/") { return FileManager.default.isExecutableFile(atPath: program) ? program : nil }
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(dir)/\(program)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// Fails (with what to do) when a client is missing; returns false when the checks cannot run.
    static func available(file: StaticString = #filePath, line: UInt = #line) -> Bool {
        if skipped { return false }
        var missing: [String] = []
        if which("soffice") == nil { missing.append("LibreOffice (soffice)") }
        if which("pdftotext") == nil { missing.append("poppler-utils (pdftotext)") }
        if run("python3", ["-c", "import docx"])?.status != 0 { missing.append("python-docx") }
        if which("openxml-audit") == nil { missing.append("openxml-audit") }
        if !missing.isEmpty {
            XCTFail("missing \(missing.joined(separator: ", ")): run `make setup-test` (or set ITAREPORT_SKIP_OFFICE=1 to skip the real-client checks)", file: file, line: line)
            return false
        }
        return true
    }

    /// Converts files with LibreOffice in one call; returns the converted files (same stem, new extension).
    static func convert(_ files: [URL], to format: String, extension ext: String, into dir: URL,
                        file: StaticString = #filePath, line: UInt = #line) -> [URL] {
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("itareport-lo-\(ProcessInfo.processInfo.processIdentifier)")
        let r = run("soffice", ["-env:UserInstallation=file://\(profile.path)", "--headless", "--norestore",
                                "--convert-to", format, "--outdir", dir.path] + files.map(\.path))
        let results = files.map { dir.appendingPathComponent($0.deletingPathExtension().lastPathComponent + "." + ext) }
        for (f, out) in zip(files, results) {
            let size = (try? FileManager.default.attributesOfItem(atPath: out.path)[.size] as? Int) ?? 0
            if size == 0 {
                XCTFail("LibreOffice did not convert \(f.lastPathComponent) to \(ext): \(r?.stdout ?? "") \(r?.stderr ?? "")", file: file, line: line)
            }
        }
        return results
    }

    /// Every output converts to PDF in LibreOffice, with no tag left in the PDF's text; every DOCX
    /// opens in python-docx; openxml-audit finds no error in an output that its template does not have.
    static func check(outputs: [(output: URL, template: URL)], in folder: URL,
                      file: StaticString = #filePath, line: UInt = #line) {
        // The ODF manifest lists every part (readers refuse or repair packages with unlisted parts).
        for o in outputs where o.output.pathExtension == "odt" {
            do {
                let pkg = try OfficePackage(contentsOf: o.output)
                let listed = Set(try ODFManifest(data: pkg.read(ODFManifest.partName)).paths())
                let unlisted = pkg.partNames.filter { !$0.hasSuffix("/") && $0 != "mimetype" && !$0.hasPrefix("META-INF/") && !listed.contains($0) }
                XCTAssertEqual(unlisted, [], "\(o.output.lastPathComponent): parts missing from the manifest", file: file, line: line)
            } catch {
                XCTFail("\(o.output.lastPathComponent): \(error)", file: file, line: line)
            }
        }
        guard !outputs.isEmpty, available(file: file, line: line) else { return }
        let pdfDir = folder.appendingPathComponent("pdf")
        let pdfs = convert(outputs.map(\.output), to: "pdf", extension: "pdf", into: pdfDir, file: file, line: line)
        for (o, pdf) in zip(outputs, pdfs) where FileManager.default.fileExists(atPath: pdf.path) {
            let text = run("pdftotext", ["-enc", "UTF-8", pdf.path, "-"])?.stdout ?? ""
            XCTAssertFalse(text.contains("{{"), "\(o.output.lastPathComponent): a tag is left in the PDF text:\n\(text)", file: file, line: line)
        }

        let docx = outputs.map(\.output).filter { $0.pathExtension == "docx" }
        if !docx.isEmpty {
            let script = """
            import sys, docx
            bad = 0
            for f in sys.argv[1:]:
                try:
                    d = docx.Document(f)
                    _ = [p.text for p in d.paragraphs]
                    _ = [s.header for s in d.sections]
                except Exception as e:
                    print(f"{f}: {type(e).__name__}: {e}")
                    bad += 1
            sys.exit(1 if bad else 0)
            """
            let r = run("python3", ["-c", script] + docx.map(\.path))
            XCTAssertEqual(r?.status, 0, "python-docx cannot open: \(r?.stdout ?? "") \(r?.stderr ?? "")", file: file, line: line)
        }

        let audits = audit(Array(Set(outputs.map(\.output) + outputs.map(\.template))))
        for o in outputs {
            guard let out = audits[o.output.path], let tpl = audits[o.template.path] else {
                XCTFail("openxml-audit gave no result for \(o.output.lastPathComponent) or its template", file: file, line: line)
                continue
            }
            let added = out.subtracting(tpl)
            XCTAssertTrue(added.isEmpty, "openxml-audit finds errors in \(o.output.lastPathComponent) that its template does not have:\n  " + added.sorted().joined(separator: "\n  "), file: file, line: line)
        }
    }

    /// openxml-audit's error messages per file (ids and line numbers left out, so template and output compare).
    static func audit(_ files: [URL]) -> [String: Set<String>] {
        var out: [String: Set<String>] = [:]
        for f in files {
            guard let r = run("openxml-audit", ["-o", "json", "-m", "0", f.path]),
                  let data = r.stdout.data(using: .utf8),
                  let json = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]] else { continue }
            for entry in json {
                let errors = (entry["errors"] as? [[String: Any]]) ?? []
                out[f.path] = Set(errors.map { e in
                    let desc = (e["description"] as? String) ?? (e["message"] as? String) ?? "\(e)"
                    return "\(e["part"] ?? e["path"] ?? ""): " + desc.replacingOccurrences(of: #"\d+"#, with: "#", options: .regularExpression)
                })
            }
        }
        return out
    }
}
