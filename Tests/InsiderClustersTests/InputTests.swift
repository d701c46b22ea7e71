import Foundation
import InsiderCore
import InsiderClusters
import Testing

@Suite struct InputTests {
    let schema: InputSchema
    init() throws { schema = try Paths.schema() }

    func problems(_ json: String) -> [String] {
        if case .failure(let p) = RunInput.parse(Array(json.utf8), schema: schema) { return p.lines }
        return []
    }

    func input(_ json: String) throws -> RunInput {
        switch RunInput.parse(Array(json.utf8), schema: schema) {
        case .success(let i): return i
        case .failure(let p): Issue.record("unexpected problems: \(p)"); throw p
        }
    }

    @Test func defaultsApplyToMissingFields() throws {
        let i = try input("{}")
        #expect(i.minClusterSize == 3 && i.dateRange == "last_30d" && i.minValueUSD == 25000)
        #expect(i.excludeSells && i.tickers.isEmpty && i.limit == 25 && i.includeIndustry && i.source == .openinsider)
        #expect(i.windowDays == 30)
        #expect(i.resolved.compactText == #"{"min_cluster_size":3,"date_range":"last_30d","min_value_usd":25000,"exclude_sells":true,"tickers":[],"limit":25,"include_industry":true,"source":"openinsider"}"#)
    }

    @Test func theCommittedExampleInputIsValid() throws {
        let bytes = Array(try Data(contentsOf: Paths.projectRoot.appendingPathComponent("storage/key_value_stores/default/INPUT.json")))
        guard case .success(let i) = RunInput.parse(bytes, schema: schema) else { Issue.record("INPUT.json is invalid"); return }
        #expect(i.limit == 5 && i.minClusterSize == 3)
    }

    @Test(arguments: [
        (#"{"min_cluster_size": 2}"#, true), (#"{"min_cluster_size": 20}"#, true),
        (#"{"min_cluster_size": 1}"#, false), (#"{"min_cluster_size": 21}"#, false), (#"{"min_cluster_size": "3"}"#, false),
        (#"{"min_cluster_size": 3.5}"#, false), (#"{"min_cluster_size": null}"#, false),
        (#"{"date_range": "last_60d"}"#, true), (#"{"date_range": "last_90d"}"#, true), (#"{"date_range": "last_7d"}"#, false),
        (#"{"date_range": 30}"#, false),
        (#"{"min_value_usd": 0}"#, true), (#"{"min_value_usd": 100000000}"#, true), (#"{"min_value_usd": -1}"#, false),
        (#"{"min_value_usd": 100000001}"#, false),
        (#"{"exclude_sells": false}"#, true), (#"{"exclude_sells": "false"}"#, false), (#"{"exclude_sells": 0}"#, false),
        (#"{"limit": 1}"#, true), (#"{"limit": 500}"#, true), (#"{"limit": 0}"#, false), (#"{"limit": 501}"#, false),
        (#"{"include_industry": false}"#, true), (#"{"include_industry": []}"#, false),
        (#"{"tickers": ["AAPL", "BRK.B", "BF-B", "X1"]}"#, true), (#"{"tickers": ["ABCDEFGHIJ"]}"#, true),
        (#"{"tickers": ["ABCDEFGHIJK"]}"#, false), (#"{"tickers": [""]}"#, false), (#"{"tickers": ["A B"]}"#, false),
        (#"{"tickers": ["A$"]}"#, false), (#"{"tickers": [3]}"#, false), (#"{"tickers": "AAPL"}"#, false),
        (#"{"source": "edgar", "tickers": ["AAPL"]}"#, true), (#"{"source": "edgar"}"#, true), (#"{"source": "bloomberg"}"#, false),
        (#"{"unknown_field": 1}"#, false), (#"[]"#, false), (#"3"#, false),
    ] as [(String, Bool)])
    func rules(json: String, valid: Bool) {
        let p = problems(json)
        #expect(p.isEmpty == valid, "\(json) -> \(p)")
        for line in p { #expect(line.hasPrefix("input"), "\(line)") }
    }

    @Test func messagesNameTheFieldAndTheRule() {
        #expect(problems(#"{"min_cluster_size": 25}"#) == ["input.min_cluster_size: 25 is above the maximum 20"])
        #expect(problems(#"{"limit": 0}"#) == ["input.limit: 0 is below the minimum 1"])
        #expect(problems(#"{"date_range": "last_7d"}"#) == [#"input.date_range: "last_7d" is not one of last_30d, last_60d, last_90d"#])
        #expect(problems(#"{"exclude_sells": "no"}"#) == [#"input.exclude_sells: expected a boolean (true or false), got string "no""#])
        #expect(problems(#"{"colour": "red"}"#).first?.hasPrefix("input.colour: unknown field") == true)
        #expect(problems(#"{"tickers": ["OK", "WAY-TOO-LONG"]}"#).first?.hasPrefix(#"input.tickers[1]: "WAY-TOO-LONG" does not match"#) == true)
    }

    @Test func everyProblemIsReportedAtOnce() {
        #expect(problems(#"{"min_cluster_size": 1, "limit": 9999, "foo": true}"#).count == 3)
    }

    @Test func tickersAreTrimmedUpperCasedAndCollapsed() throws {
        let i = try input(#"{"tickers": [" aapl ", "AAPL", "brk.b", "Aapl"]}"#)
        #expect(i.tickers == ["AAPL", "BRK.B"])
        #expect(problems("{\"tickers\": [\(Array(repeating: "\"A\"", count: 150).joined(separator: ","))]}").isEmpty)
        let many = (0..<101).map { "\"T\($0)\"" }.joined(separator: ",")
        #expect(problems("{\"tickers\": [\(many)]}") == ["input.tickers: 101 items is above the maximum 100 items"])
    }

    @Test func malformedJSONReportsLineAndColumn() {
        #expect(problems("{\n  \"limit\": 3,\n  \"x\" 4}") == ["input: malformed JSON at line 3, column 7: expected ':' after field name"])
        #expect(problems("{\"limit\": 3,}").first?.contains("line 1, column 13") == true)
        #expect(problems("").first?.hasPrefix("input: malformed JSON at line 1, column 1") == true)
        #expect(problems("{\"limit\": 3, \"limit\": 4}").first?.contains("duplicate field \"limit\"") == true)
    }

    @Test func aBoundAddedToTheSchemaIsEnforcedWithoutCodeChanges() throws {
        let text = try String(contentsOf: Paths.projectRoot.appendingPathComponent("input_schema.json"), encoding: .utf8)
            .replacingOccurrences(of: "\"maximum\": 500", with: "\"maximum\": 50")
        let tightened = try InputSchema(bytes: Array(text.utf8))
        guard case .failure(let p) = RunInput.parse(Array(#"{"limit": 60}"#.utf8), schema: tightened) else {
            Issue.record("expected the tightened bound to reject 60"); return
        }
        #expect(p.lines == ["input.limit: 60 is above the maximum 50"])
    }

    @Test func schemaHasWhatApifyRequires() throws {
        let root = try JSONValue.parse(Array(try Data(contentsOf: Paths.projectRoot.appendingPathComponent("input_schema.json"))))
        #expect(root["schemaVersion"]?.integerValue == 1)
        #expect(root["type"]?.stringValue == "object")
        #expect(root["title"]?.stringValue?.isEmpty == false)
        #expect(root["additionalProperties"]?.boolValue == false)
        for (name, spec) in root["properties"]?.objectValue ?? [] {
            #expect(spec["title"] != nil && spec["description"] != nil && spec["type"] != nil && spec["editor"] != nil, "\(name)")
            #expect(spec["default"] != nil, "\(name) has a default")
        }
        #expect(schema.properties.map(\.name) == ["min_cluster_size", "date_range", "min_value_usd", "exclude_sells", "tickers", "limit", "include_industry", "source"])
    }
}

@Suite struct JSONValueTests {
    @Test func roundTripsKeepingKeyOrder() throws {
        let text = #"{"b":1,"a":[true,false,null,"x\"y\\z\n",-1.5e3],"c":{"z":0,"y":"é"}}"#
        let v = try JSONValue.parse(text)
        #expect(v.compactText == text)
        #expect(try JSONValue.parse(v.prettyText) == v)
        #expect(v["a"]?.arrayValue?.count == 5)
    }

    @Test func unicodeEscapes() throws {
        #expect(try JSONValue.parse(#""\u00e9\ud83d\ude00""#).stringValue == "é😀")
    }
}
