/// Amendment handling (SPEC section 8), one rule for the batch job, EDGAR-only mode and the store.
///
/// A 4/A's rows replace, table by table, the rows of the filing it amends and of every earlier 4/A
/// of that filing, so the latest amendment stands. The XML of a 4/A names no original accession,
/// only `dateOfOriginalSubmission`, so the amended filing is the latest earlier Form 4 of the same
/// issuer and the same first reporting owner whose *filing date* (the Eastern date EDGAR assigns,
/// never the UTC acceptance instant) is that date. When none is found, the 4/A's rows stand on
/// their own. A 4/A read only from OpenInsider (no XML, so no `dateOfOriginalSubmission`) amends
/// the latest earlier Form 4 of that issuer and owner holding a row of the same code, date and table.
public enum Amendments {
    /// `trades` without the rows a later amendment replaces.
    public static func resolve(_ trades: [Trade]) -> [Trade] {
        guard trades.contains(where: \.isAmendment) else { return trades }
        let filings = Filing.gather(trades)
        let superseded = supersededTables(filings)
        guard !superseded.isEmpty else { return trades }
        return trades.filter { t in
            guard let accession = t.accession, let tables = superseded[accession] else { return true }
            return !tables.contains(.of(isDerivative: t.isDerivative))
        }
    }

    /// For each filing some of whose tables a later amendment replaces: those tables.
    static func supersededTables(_ filings: [Filing]) -> [String: FilingTables] {
        let originals = filings.filter { !$0.isAmendment }
        // Chains keyed by the amended filing's accession (or, for an amendment whose original is
        // not at hand, by what identifies that original), amendments in filing order.
        var chains: [String: [Filing]] = [:]
        for amendment in filings.filter(\.isAmendment).sorted(by: Filing.filedBefore) {
            let key = original(of: amendment, among: originals).map { "filing:" + $0.accession }
                ?? amendment.originalFilingDate.map { "missing:\(amendment.issuer)|\(amendment.ownerIdentity)|\($0)" }
                ?? "alone:" + amendment.accession
            chains[key, default: []].append(amendment)
        }
        let byAccession = Dictionary(originals.map { ($0.accession, $0) }, uniquingKeysWith: { a, _ in a })
        var out: [String: FilingTables] = [:]
        for (key, amendments) in chains {
            var members = amendments
            if key.hasPrefix("filing:"), let original = byAccession[String(key.dropFirst("filing:".count))] {
                members.insert(original, at: 0)
            }
            for table in [FilingTables.nonDerivative, .derivative] {
                // The latest member restating this table stands; every earlier one is replaced.
                guard let last = members.lastIndex(where: { $0.tables.contains(table) }) else { continue }
                for member in members[..<last] where member.tables.contains(table) {
                    out[member.accession, default: []].insert(table)
                }
            }
        }
        return out
    }

    /// The filing `amendment` amends: the latest earlier original of the same issuer and first
    /// owner filed on `dateOfOriginalSubmission`.
    static func original(of amendment: Filing, among originals: [Filing]) -> Filing? {
        originals.filter { o in
            guard o.issuer == amendment.issuer, o.filingDate <= amendment.filingDate, o.sameFirstOwner(as: amendment) else { return false }
            if let date = amendment.originalFilingDate { return o.filingDate == date }
            return !o.rowKeys.isDisjoint(with: amendment.rowKeys)
        }.max(by: Filing.filedBefore)
    }

    /// What the rule needs to know about one filing, gathered from its rows.
    struct Filing {
        struct RowKey: Hashable { var code: String; var date: Day; var derivative: Bool }
        var accession: String
        var issuer: String
        var filingDate: Day
        var isAmendment: Bool
        var originalFilingDate: Day?
        var firstOwner: String?
        var owners: Set<String>
        var tables: FilingTables
        var rowKeys: Set<RowKey>

        /// The first owner when the filing was read, else every owner seen on its rows.
        var ownerIdentity: String { firstOwner ?? owners.sorted().joined(separator: "+") }

        /// Same first reporting owner; where a side's first owner is unknown, an owner in common.
        func sameFirstOwner(as other: Filing) -> Bool {
            switch (firstOwner, other.firstOwner) {
            case let (a?, b?): a == b
            case let (a?, nil): other.owners.contains(a)
            case let (nil, b?): owners.contains(b)
            case (nil, nil): !owners.isDisjoint(with: other.owners)
            }
        }

        /// Filing order: filing date, then accession (SPEC section 9's ties).
        static func filedBefore(_ a: Filing, _ b: Filing) -> Bool {
            a.filingDate != b.filingDate ? a.filingDate < b.filingDate : a.accession < b.accession
        }

        static func gather(_ trades: [Trade]) -> [Filing] {
            var order: [String] = []
            var byAccession: [String: Filing] = [:]
            for t in trades {
                guard let accession = t.accession, let date = t.effectiveFilingDate else { continue }
                let key = RowKey(code: t.code, date: t.tradeDate, derivative: t.isDerivative)
                if var f = byAccession[accession] {
                    f.owners.insert(t.insiderKey)
                    f.tables.formUnion(t.filingTables ?? .of(isDerivative: t.isDerivative))
                    f.rowKeys.insert(key)
                    f.isAmendment = f.isAmendment || t.isAmendment
                    f.originalFilingDate = f.originalFilingDate ?? t.originalFilingDate
                    f.firstOwner = f.firstOwner ?? t.firstOwnerKey
                    byAccession[accession] = f
                } else {
                    order.append(accession)
                    byAccession[accession] = Filing(
                        accession: accession, issuer: t.ticker.uppercased(), filingDate: date, isAmendment: t.isAmendment,
                        originalFilingDate: t.originalFilingDate, firstOwner: t.firstOwnerKey, owners: [t.insiderKey],
                        tables: t.filingTables ?? .of(isDerivative: t.isDerivative), rowKeys: [key])
                }
            }
            return order.compactMap { byAccession[$0] }
        }
    }
}
