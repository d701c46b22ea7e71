import InsiderCore
import Testing

/// SPEC section 8's amendment rule, the one the batch job and the trade store share.
@Suite struct AmendmentTests {
    /// A purchase row of filing `accession`, filed at `filed` (New York wall clock).
    func row(_ accession: String, owner: String = "1", date: String = "2026-04-06", shares: Double = 1000, filed: String,
             amends: String? = nil, filingDate: String? = nil, derivative: Bool = false, code: String = "P",
             firstOwner: String? = nil) -> Trade {
        var t = buy(cik: owner, name: "Owner \(owner)", date: date, shares: shares, filed: filed, code: code, accession: accession)
        t.isDerivative = derivative
        t.isAmendment = amends != nil
        t.originalFilingDate = amends.map(day)
        t.filingDate = filingDate.map(day)
        t.firstOwnerKey = firstOwner.map { "cik:" + $0 }
        return t
    }

    func kept(_ trades: [Trade]) -> [String] { Amendments.resolve(trades).compactMap(\.accession) }

    @Test func anOriginalAcceptedAfter20hNewYorkIsFoundByItsFilingDate() {
        // Accepted 20:30 New York time: 00:30 UTC the next day. The filing date is the Eastern date.
        let original = row("orig", filed: "2026-04-08 20:30:00", filingDate: "2026-04-08")
        let amendment = row("amend", shares: 1200, filed: "2026-04-15 10:00:00", amends: "2026-04-08")
        #expect(kept([original, amendment]) == ["amend"])
        // Without a stated filing date, the wall clock's date is the filing date (OpenInsider's rows).
        #expect(kept([row("orig", filed: "2026-04-08 20:30:00"), amendment]) == ["amend"])
        // A filing of another date is not the amended one: both stand.
        #expect(kept([row("orig", filed: "2026-04-09 09:00:00"), amendment]) == ["orig", "amend"])
    }

    @Test func aSecondAmendmentReplacesTheFirstAndTheOriginal() {
        let trades = [row("orig", shares: 500, filed: "2026-04-10 16:00:00"),
                      row("a1", shares: 600, filed: "2026-04-14 09:00:00", amends: "2026-04-10"),
                      row("a2", shares: 700, filed: "2026-04-20 09:00:00", amends: "2026-04-10")]
        #expect(kept(trades) == ["a2"])
        #expect(kept(trades.reversed()) == ["a2"])   // input order does not matter
    }

    @Test func aDateCorrectingAmendmentReplacesTheOriginal() {
        let trades = [row("orig", date: "2026-04-10", filed: "2026-04-11 12:00:00"),
                      row("amend", date: "2026-04-12", filed: "2026-04-13 12:00:00", amends: "2026-04-11")]
        #expect(kept(trades) == ["amend"])
    }

    @Test func theLatestEarlierFilingOfTheSameIssuerAndFirstOwnerIsAmended() {
        let trades = [row("early", filed: "2026-04-08 09:00:00", firstOwner: "1"),
                      row("late", date: "2026-04-07", filed: "2026-04-08 15:00:00", firstOwner: "1"),
                      row("other-owner", owner: "2", filed: "2026-04-08 16:00:00", firstOwner: "2"),
                      row("amend", filed: "2026-04-15 10:00:00", amends: "2026-04-08", firstOwner: "1")]
        #expect(kept(trades) == ["early", "other-owner", "amend"])
    }

    @Test func anAmendmentReplacesOnlyTheTablesItRestates() {
        var derivativeOnly = row("amend", filed: "2026-04-22 15:00:00", amends: "2026-04-17", derivative: true, code: "A")
        derivativeOnly.filingTables = .derivative
        let original = row("orig", filed: "2026-04-17 15:00:00")
        #expect(kept([original, derivativeOnly]) == ["orig", "amend"])
        var originalOption = row("orig", filed: "2026-04-17 15:00:00", derivative: true, code: "M")
        originalOption.filingTables = [.nonDerivative, .derivative]
        #expect(kept([original, originalOption, derivativeOnly]) == ["orig", "amend"])   // the option row of the original is replaced
    }

    @Test func anAmendmentWithoutItsOriginalStandsOnItsOwn() {
        let trades = [row("unrelated", filed: "2026-04-05 10:00:00"), row("amend", filed: "2026-04-17 11:00:00", amends: "2026-04-02")]
        #expect(kept(trades) == ["unrelated", "amend"])
    }

    @Test func anOpenInsiderAmendmentWithoutItsXMLAmendsTheFilingOfTheSameRow() {
        // OpenInsider's X flag A, not verified: no dateOfOriginalSubmission.
        var unverified = row("amend", shares: 1200, filed: "2026-04-15 10:00:00")
        unverified.isAmendment = true
        #expect(kept([row("orig", filed: "2026-04-08 20:30:00"), unverified]) == ["amend"])
        #expect(kept([row("orig", date: "2026-04-01", filed: "2026-04-08 20:30:00"), unverified]) == ["orig", "amend"])
    }
}
