import EdgarForm4
import InsiderCore

extension Form4Document {
    /// Whether the document is an amendment (`4/A`).
    var isAmendment: Bool { documentType.uppercased().hasSuffix("/A") }

    /// The insider key of the first reporting owner: with the issuer, what finds the filing a 4/A amends.
    var firstOwnerKey: String? { owners.first.map { Trade.insiderKey(cik: padCIK($0.cik), name: $0.name) } }

    /// The tables the document holds transaction rows in: the tables an amendment restates.
    var filingTables: FilingTables {
        transactions.reduce(into: FilingTables()) { $0.insert(.of(isDerivative: $1.table == .derivative)) }
    }

    /// Marks `trade` with the filing facts the amendment rule (SPEC section 8) reads.
    func stampAmendmentFacts(on trade: inout Trade) {
        trade.isAmendment = isAmendment
        trade.originalFilingDate = dateOfOriginalSubmission.flatMap { Day($0) }
        trade.firstOwnerKey = firstOwnerKey
        trade.filingTables = filingTables
    }
}
