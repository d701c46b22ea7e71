import EdgarForm4
import Foundation
import Testing

/// `renderJSON()`: valid JSON, keys in the documented order (JSON.swift), explicit nulls.
struct JSONTests {
    static let topKeys = ["document_type", "period_of_report", "date_of_original_submission", "issuer", "owners", "aff10b5_one",
                          "transactions", "holdings", "footnotes", "remarks"]
    static let issuerKeys = ["cik", "name", "ticker"]
    static let ownerKeys = ["cik", "name", "is_director", "is_officer", "is_ten_percent_owner", "is_other", "officer_title", "other_text"]
    static let transactionKeys = ["table", "security_title", "date", "code", "shares", "price", "acquired_disposed", "shares_owned_after",
                                  "direct_indirect", "nature_of_ownership", "footnote_ids", "rule_10b5_1"]
    static let holdingKeys = ["table", "security_title", "shares_owned_after", "direct_indirect", "nature_of_ownership"]

    /// The keys of every object in `json`, in the order written, keyed by the object's path (`owners[]`, `issuer`, ...).
    static func keyOrder(_ json: String) -> [String: [[String]]] {
        var result: [String: [[String]]] = [:]
        var stack: [(path: String, keys: [String], isObject: Bool)] = []
        var lastKey: String?
        let scalars = Array(json.unicodeScalars)
        var i = 0
        var pendingString: String?
        while i < scalars.count {
            let c = scalars[i]
            switch c {
            case "\"":
                var s = "", j = i + 1
                while scalars[j] != "\"" { if scalars[j] == "\\" { j += 1 }; s.unicodeScalars.append(scalars[j]); j += 1 }
                pendingString = s
                i = j
            case ":":
                if let k = pendingString, stack.last?.isObject == true { stack[stack.count - 1].keys.append(k); lastKey = k }
                pendingString = nil
            case "{", "[":
                let parent = stack.last
                let name = parent.map { $0.isObject ? ($0.path.isEmpty ? "" : $0.path + ".") + (lastKey ?? "?") : $0.path + "[]" } ?? ""
                stack.append((name, [], c == "{"))
                pendingString = nil
            case "}", "]":
                let top = stack.removeLast()
                if top.isObject { result[top.path, default: []].append(top.keys) }
                pendingString = nil
            default: break
            }
            i += 1
        }
        return result
    }

    static let sample = Synthetic.document(
        owners: [Synthetic.owner(), Synthetic.owner(cik: "1496686", name: "WILLIAMS \"JEFF\" E", relationship: "<isOfficer>1</isOfficer><officerTitle>COO</officerTitle>")],
        head: "<aff10b5One>0</aff10b5One>",
        nonDerivative: Synthetic.row(code: "P", price: "<value>0.102</value><footnoteId id=\"F1\"/>")
            + Synthetic.row(code: "S", price: "<footnoteId id=\"F1\"/>")
            + "<nonDerivativeHolding><securityTitle><value>Common Stock</value></securityTitle><postTransactionAmounts><sharesOwnedFollowingTransaction><value>14000</value></sharesOwnedFollowingTransaction></postTransactionAmounts><ownershipNature><directOrIndirectOwnership><value>I</value></directOrIndirectOwnership><natureOfOwnership><value>By Spouse</value></natureOfOwnership></ownershipNature></nonDerivativeHolding>",
        footnotes: "<footnote id=\"F1\">Weighted average; \"quoted\" \\ back\tslash\nnew line \u{01}</footnote><footnote id=\"F2\">Rule 10b5-1 plan</footnote>",
        remarks: "line1\nline2 \u{2014} \u{1F4C8}")

    @Test func renderedJSONParsesAndKeepsTheValues() throws {
        let doc = try Synthetic.parse(Self.sample)
        let text = doc.renderJSON()
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(json["document_type"] as? String == "4")
        #expect(json["period_of_report"] as? String == "2024-03-01")
        #expect(json["date_of_original_submission"] is NSNull)
        #expect(json["aff10b5_one"] as? Bool == false)
        #expect((json["issuer"] as? [String: Any])?["cik"] as? String == "0000320193")
        let owners = try #require(json["owners"] as? [[String: Any]])
        #expect(owners.count == 2 && owners[1]["name"] as? String == "WILLIAMS \"JEFF\" E" && owners[1]["officer_title"] as? String == "COO")
        #expect(owners[0]["officer_title"] is NSNull && owners[0]["is_director"] as? Bool == true)
        let rows = try #require(json["transactions"] as? [[String: Any]])
        #expect(rows.count == 2)
        #expect(rows[0]["table"] as? String == "non_derivative")
        #expect(rows[0]["footnote_ids"] as? [String] == ["F1"])
        #expect(rows[1]["price"] is NSNull)                  // footnote-only price: explicit null
        #expect(rows[0]["rule_10b5_1"] as? Bool == false)
        #expect(text.contains("\"price\": 0.102,"))           // exact decimal text, not 0.10199999
        let holdings = try #require(json["holdings"] as? [[String: Any]])
        #expect(holdings.count == 1 && holdings[0]["nature_of_ownership"] as? String == "By Spouse")
        let footnotes = try #require(json["footnotes"] as? [String: String])
        #expect(footnotes["F1"] == "Weighted average; \"quoted\" \\ back\tslash\nnew line \u{01}")
        #expect(json["remarks"] as? String == "line1\nline2 \u{2014} \u{1F4C8}")
    }

    @Test func keysFollowTheDocumentedOrder() throws {
        let order = Self.keyOrder(try Synthetic.parse(Self.sample).renderJSON())
        #expect(order[""] == [Self.topKeys])
        #expect(order["issuer"] == [Self.issuerKeys])
        #expect(order["owners[]"] == [Self.ownerKeys, Self.ownerKeys])
        #expect(order["transactions[]"] == [Self.transactionKeys, Self.transactionKeys])
        #expect(order["holdings[]"] == [Self.holdingKeys])
        #expect(order["footnotes"] == [["F1", "F2"]])   // document order
    }

    @Test func anEmptyDocumentStillWritesEveryKey() throws {
        let text = try Synthetic.parse(Synthetic.document(owners: [])).renderJSON()
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(Set(json.keys) == Set(Self.topKeys))
        #expect(json["aff10b5_one"] is NSNull && json["remarks"] is NSNull)
        #expect((json["owners"] as? [Any])?.isEmpty == true && (json["transactions"] as? [Any])?.isEmpty == true)
        #expect((json["footnotes"] as? [String: Any])?.isEmpty == true)
        #expect(Self.keyOrder(text)[""] == [Self.topKeys])
    }

    @Test(.enabled(if: Fixtures.available, Fixtures.skip))
    func everyFixtureRendersValidJSONInTheDocumentedOrder() throws {
        for name in try Fixtures.form4Names() {
            let doc = try Form4Parser.parse(Array(try Data(contentsOf: Fixtures.form4.appendingPathComponent(name))))
            let text = doc.renderJSON()
            let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "\(name)")
            #expect((json["transactions"] as? [Any])?.count == doc.transactions.count, "\(name)")
            #expect((json["owners"] as? [Any])?.count == doc.owners.count, "\(name)")
            let order = Self.keyOrder(text)
            #expect(order[""] == [Self.topKeys], "\(name)")
            #expect(order["owners[]"]?.allSatisfy { $0 == Self.ownerKeys } == true, "\(name)")
            #expect((order["transactions[]"] ?? []).allSatisfy { $0 == Self.transactionKeys }, "\(name)")
            #expect((order["holdings[]"] ?? []).allSatisfy { $0 == Self.holdingKeys }, "\(name)")
        }
    }

    /// An exponent outside Decimal's range ("1E200") gives Decimal NaN, and renderJSON then writes the bare word NaN.
    @Test func outOfRangeExponentsDoNotBreakTheJSON() throws {
        let doc = try Synthetic.parse(Synthetic.document(nonDerivative: Synthetic.row(shares: "<value>1E200</value>", price: "<value>2.5E-300</value>")))
        let t = try #require(doc.transactions.first)
        do {
            #expect(t.shares.map { !$0.isNaN } ?? true, "shares = \(String(describing: t.shares))")
            #expect(t.price != 0, "price = \(String(describing: t.price))")
            #expect((try? JSONSerialization.jsonObject(with: Data(doc.renderJSON().utf8))) != nil, "renderJSON: \(doc.renderJSON())")
        }
    }
}
