import InsiderCore

/// A transaction in force with its filing's facts and owners: what the batch job's EDGAR path
/// turns into `Trade`s.
public struct StoredTradeRow: Sendable, Equatable {
    /// Accession.
    public var accession: String
    /// `4` or `4/A`.
    public var formType: String
    /// Filing date.
    public var filingDate: Day
    /// Acceptance time (New York), when known.
    public var acceptance: String?
    /// Issuer CIK.
    public var issuerCIK: String
    /// Issuer name as filed.
    public var issuerName: String
    /// Issuer ticker as filed (upper case).
    public var issuerTicker: String
    /// Every reporting owner of the filing, document order.
    public var owners: [StoredOwner]
    /// The transaction.
    public var transaction: StoredTransaction

    /// Creates a row.
    public init(accession: String, formType: String, filingDate: Day, acceptance: String?, issuerCIK: String,
                issuerName: String, issuerTicker: String, owners: [StoredOwner], transaction: StoredTransaction) {
        self.accession = accession; self.formType = formType; self.filingDate = filingDate; self.acceptance = acceptance
        self.issuerCIK = issuerCIK; self.issuerName = issuerName; self.issuerTicker = issuerTicker
        self.owners = owners; self.transaction = transaction
    }
}
