import ArgumentParser
import Foundation
import InsiderClusters

/// `insider-clusters export`: a dataset as JSON, JSON Lines or CSV.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a dataset as JSON, JSONL or CSV (RFC 4180; lists joined with \"; \").",
        discussion: "Example: insider-clusters export --dataset default --format csv --output clusters.csv")

    @Option(name: .long, help: ArgumentHelp("Dataset name: default (the clusters) or charging-log. Example: --dataset charging-log", valueName: "name"))
    var dataset: String = "default"

    @Option(name: .long, help: ArgumentHelp("json, jsonl or csv. Example: --format jsonl", valueName: "format"))
    var format: String = "json"

    @Option(name: .long, help: ArgumentHelp("Write to this file instead of stdout. Example: --output out.json", valueName: "file"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("Storage folder. Default: $APIFY_LOCAL_STORAGE_DIR, $CRAWLEE_STORAGE_DIR, else ./storage. Example: --storage /tmp/run1", valueName: "dir"))
    var storage: String?

    func validate() throws {
        guard ExportFormat(rawValue: format.lowercased()) != nil else {
            throw ValidationError("--format: \"\(format)\" is not one of json, jsonl, csv")
        }
        guard dataset.range(of: "^[a-zA-Z0-9_.-]{1,128}$", options: .regularExpression) != nil else {
            throw ValidationError("--dataset: \"\(dataset)\" is not a dataset name (letters, digits, '-', '_', '.')")
        }
    }

    func run() throws {
        let root = RunEnvironment().storageRoot(override: storage)
        let ds = LocalStorage(root: root).dataset(dataset)
        guard FileManager.default.fileExists(atPath: ds.dir.path) else {
            printError("export: no dataset \"\(dataset)\" under \(root.path)/datasets")
            throw ExitCode(2)
        }
        let text = DatasetExport.render(try ds.items(), as: ExportFormat(rawValue: format.lowercased())!)   // validate() checked it
        if let output {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}
