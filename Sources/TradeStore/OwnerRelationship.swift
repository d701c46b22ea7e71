/// SPEC section 9's reading of an owner's flags and titles.
public enum OwnerRelationship {
    /// `OFFICER` if `isOfficer`, else `DIRECTOR`, else `TEN_PCT_OWNER`, else `OTHER`.
    public static func relation(of owner: StoredOwner) -> String {
        if owner.isOfficer { return "OFFICER" }
        if owner.isDirector { return "DIRECTOR" }
        if owner.isTenPercentOwner { return "TEN_PCT_OWNER" }
        return "OTHER"
    }

    /// `officerTitle` when not blank; else `Officer`, `Director`, `10% Owner`, or `otherText`
    /// when not blank, the first that applies; else `Other`.
    public static func title(of owner: StoredOwner) -> String {
        if let t = owner.officerTitle?.trimmed, !t.isEmpty { return t }
        if owner.isOfficer { return "Officer" }
        if owner.isDirector { return "Director" }
        if owner.isTenPercentOwner { return "10% Owner" }
        if let t = owner.otherText?.trimmed, !t.isEmpty { return t }
        return "Other"
    }
}

/// SPEC section 9's transaction types.
public enum TransactionType {
    /// `P` BUY; `S` SELL; `M`, `X`, `C`, `O` EXERCISE; `A` AWARD; `G` GIFT; anything else OTHER.
    public static func of(code: String) -> String {
        switch code {
        case "P": "BUY"
        case "S": "SELL"
        case "M", "X", "C", "O": "EXERCISE"
        case "A": "AWARD"
        case "G": "GIFT"
        default: "OTHER"
        }
    }
}

extension String {
    var trimmed: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
