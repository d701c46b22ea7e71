import Foundation
import JSONEscaping

extension Form4Document {
    /// The document as JSON for `insider-clusters parse form4` (keys in a fixed order, explicit nulls).
    public func renderJSON() -> String {
        let w = JSONText()
        w.object {
            w.key("document_type"); w.string(documentType)
            w.key("period_of_report"); w.string(periodOfReport)
            w.key("date_of_original_submission"); w.string(dateOfOriginalSubmission)
            w.key("issuer"); w.object {
                w.key("cik"); w.string(issuer.cik)
                w.key("name"); w.string(issuer.name)
                w.key("ticker"); w.string(issuer.ticker)
            }
            w.key("owners"); w.array(owners) { o in
                w.object {
                    w.key("cik"); w.string(o.cik)
                    w.key("name"); w.string(o.name)
                    w.key("is_director"); w.bool(o.isDirector)
                    w.key("is_officer"); w.bool(o.isOfficer)
                    w.key("is_ten_percent_owner"); w.bool(o.isTenPercentOwner)
                    w.key("is_other"); w.bool(o.isOther)
                    w.key("officer_title"); w.string(o.officerTitle)
                    w.key("other_text"); w.string(o.otherText)
                }
            }
            w.key("aff10b5_one"); w.bool(aff10b5One)
            w.key("transactions"); w.array(transactions) { t in
                w.object {
                    w.key("table"); w.string(t.table.rawValue)
                    w.key("security_title"); w.string(t.securityTitle)
                    w.key("date"); w.string(t.date)
                    w.key("code"); w.string(t.code)
                    w.key("shares"); w.number(t.shares)
                    w.key("price"); w.number(t.price)
                    w.key("acquired_disposed"); w.string(t.acquiredDisposed)
                    w.key("shares_owned_after"); w.number(t.sharesOwnedAfter)
                    w.key("direct_indirect"); w.string(t.directIndirect)
                    w.key("nature_of_ownership"); w.string(t.natureOfOwnership)
                    w.key("footnote_ids"); w.array(t.footnoteIds) { w.string($0) }
                    w.key("rule_10b5_1"); w.bool(t.rule10b5_1)
                }
            }
            w.key("holdings"); w.array(holdings) { h in
                w.object {
                    w.key("table"); w.string(h.table.rawValue)
                    w.key("security_title"); w.string(h.securityTitle)
                    w.key("shares_owned_after"); w.number(h.sharesOwnedAfter)
                    w.key("direct_indirect"); w.string(h.directIndirect)
                    w.key("nature_of_ownership"); w.string(h.natureOfOwnership)
                }
            }
            w.key("footnotes"); w.object {
                for f in footnotes { w.key(f.id); w.string(f.text) }
            }
            w.key("remarks"); w.string(remarks)
        }
        return w.out
    }
}

/// A minimal ordered JSON writer.
final class JSONText {
    var out = ""
    var needsComma = [false]

    func separator() {
        if needsComma[needsComma.count - 1] { out += ", " }
        needsComma[needsComma.count - 1] = true
    }
    func key(_ k: String) {
        separator()
        escaped(k)
        out += ": "
        needsComma[needsComma.count - 1] = false
    }
    func value(_ text: String) {
        if needsComma.count > 1 || !out.isEmpty { separator() }
        out += text
    }
    func object(_ body: () -> Void) {
        value("{")
        needsComma.append(false)
        body()
        needsComma.removeLast()
        out += "}"
        needsComma[needsComma.count - 1] = true
    }
    func array<T>(_ items: [T], _ each: (T) -> Void) {
        value("[")
        needsComma.append(false)
        for item in items { each(item) }
        needsComma.removeLast()
        out += "]"
        needsComma[needsComma.count - 1] = true
    }
    func string(_ s: String?) {
        guard let s else { value("null"); return }
        separator()
        escaped(s)
    }
    func bool(_ b: Bool?) { value(b.map { $0 ? "true" : "false" } ?? "null") }
    func number(_ d: Decimal?) { value(d.map { NSDecimalNumber(decimal: $0).stringValue } ?? "null") }

    func escaped(_ s: String) { appendJSONString(s, to: &out) }
}
