import ArgumentParser
import Foundation
import InsiderClusters

/// `insider-clusters validate-input FILE`: checks an input without running.
struct ValidateInputCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate-input",
        abstract: "Check an input file against input_schema.json and print it with defaults applied.",
        discussion: "Prints one line per problem (input.<field>: <rule>) and exits 2 when the input is bad. Example: insider-clusters validate-input input.json")

    @Argument(help: ArgumentHelp("The input JSON file; - reads stdin. Example: input.json", valueName: "file"))
    var file: String

    func run() throws {
        let bytes = try readFileOrStdin(file, what: "input")
        let schema: InputSchema
        do { schema = try InputSchema.locate() } catch {
            printError("configuration: \(error)")
            throw ExitCode(2)
        }
        switch RunInput.parse(bytes, schema: schema) {
        case .success(let input):
            print(input.resolved.prettyText)
        case .failure(let problems):
            problems.lines.forEach(printError)
            throw ExitCode(2)
        }
    }
}
