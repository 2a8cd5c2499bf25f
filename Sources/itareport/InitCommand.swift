import ArgumentParser

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "Not yet available.")
    func run() throws { throw ValidationError("'init' is not available yet") }
}
