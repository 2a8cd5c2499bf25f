import ArgumentParser

struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "score", abstract: "Not yet available.")
    func run() throws { throw ValidationError("'score' is not available yet") }
}
