import ArgumentParser
import Foundation
import ITAWeb

/// `itareport serve`: the local web app for filling the year's data in a browser.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve a local web app (in Thai) for filling the data files of a folder and downloading the documents.",
        discussion: """
        Opens the data files (YAML) of --data in a browser: the organisations and years found there with each \
        document's state, forms for the data each document prints, the validator's messages beside the fields, \
        previews and downloads (DOCX, ODT, PDF), the year's bundle as a zip and the start of the next year. \
        Saves write the data files in place; documents go to Output/ inside the folder. Listens on 127.0.0.1 \
        (this computer only) unless --host says otherwise; stop it with Ctrl-C.
        """
    )

    @Option(help: "The folder of data files.")
    var data: String = "."

    @Option(help: "The port to listen on (0: any free port).")
    var port: Int = 8080

    @Option(help: "The address to listen on. Other computers can reach the app only if it is not 127.0.0.1.")
    var host: String = "127.0.0.1"

    @Flag(help: "Open the app in the default browser.")
    var open = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535, not \(port)") }
    }

    func run() async throws {
        let folder: DataFolder
        do { folder = try DataFolder(data) } catch { throw CLIError("\(error)") }
        let app = WebApp(folder: folder, host: host)
        let openBrowser = open
        try await app.run(host: host, port: port) { url in
            // Written straight away (not buffered), so a script waiting for the address sees it.
            FileHandle.standardOutput.write(Data("itareport serve: \(url)  (data: \(folder.root.path); Ctrl-C to stop)\n".utf8))
            if openBrowser { Self.openInBrowser(url) }
        }
    }

    static func openInBrowser(_ url: String) {
        #if os(macOS)
        let tool = "/usr/bin/open"
        #else
        let tool = "/usr/bin/xdg-open"
        #endif
        guard FileManager.default.isExecutableFile(atPath: tool) else {
            FileHandle.standardError.write(Data("note: cannot open a browser here (\(tool) is missing); open \(url) yourself\n".utf8))
            return
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = [url]
        try? p.run()
    }
}
