import ArgumentParser

struct FillCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "fill", abstract: "Not yet available.")
    func run() throws { throw ValidationError("'fill' is not available yet") }
}
