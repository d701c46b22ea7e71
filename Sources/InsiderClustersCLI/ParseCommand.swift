import ArgumentParser
import EdgarForm4
import Foundation
import OpenInsiderPages

/// `insider-clusters parse`: shows what the parsers read from a saved page or filing.
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse a saved OpenInsider page or Form 4 and print it as JSON.",
        discussion: "Examples: insider-clusters parse openinsider page.html; insider-clusters parse form4 filing.xml",
        subcommands: [OpenInsiderParse.self, Form4Parse.self])

    struct OpenInsiderParse: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "openinsider",
            abstract: "Parse an OpenInsider page (listing, cluster or ticker layout).",
            discussion: "Example: insider-clusters parse openinsider latest-cluster-buys.html")
        @Argument(help: ArgumentHelp("The saved page; - reads stdin. Example: page.html", valueName: "file"))
        var file: String
        func run() throws {
            let bytes = try readFileOrStdin(file, what: "parse")
            do {
                print(try OpenInsiderPageParser.parse(bytes).renderJSON())
            } catch {
                printError("parse: \(file): \(error)")
                throw ExitCode(1)
            }
        }
    }

    struct Form4Parse: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "form4",
            abstract: "Parse a Form 4 (raw XML, full-submission .txt or .nc).",
            discussion: "Example: insider-clusters parse form4 ownership.xml")
        @Argument(help: ArgumentHelp("The saved filing; - reads stdin. Example: doc4.xml", valueName: "file"))
        var file: String
        func run() throws {
            let bytes = try readFileOrStdin(file, what: "parse")
            do {
                let doc = try Form4Parser.parse(bytes)
                print(doc.renderJSON())
            } catch {
                printError("parse: \(file): \(error)")
                throw ExitCode(1)
            }
        }
    }
}

/// The bytes of `path`, or of stdin for `-`; an unreadable file is a usage error (exit 2).
func readFileOrStdin(_ path: String, what: String) throws -> [UInt8] {
    if path == "-" { return Array(FileHandle.standardInput.readDataToEndOfFile()) }
    guard let data = FileManager.default.contents(atPath: path) else {
        printError("\(what): cannot read \(path)")
        throw ExitCode(2)
    }
    return Array(data)
}
