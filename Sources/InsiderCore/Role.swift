/// A normalised insider role with its weight (SPEC section 3).
public enum Role: String, Sendable, Hashable, CaseIterable, Codable {
    case ceo = "CEO"
    case cfo = "CFO"
    case tenPercentOwner = "10% Owner"
    case coo = "COO"
    case president = "President"
    case director = "Director"
    case chairman = "Chairman"
    case generalCounsel = "General Counsel"
    case officer = "Officer"
    case other = "Other"

    /// The weight that scores a cluster: how much an insider of this role knows about the issuer.
    public var weight: Int {
        switch self {
        case .ceo: 5
        case .cfo, .tenPercentOwner: 4
        case .coo, .president: 3
        case .director, .chairman: 2
        case .generalCounsel, .officer, .other: 1
        }
    }

    /// Roles ordered as records list them: by weight, heaviest first, then by name.
    public static func ordered(_ roles: some Sequence<Role>) -> [Role] {
        Set(roles).sorted { a, b in a.weight != b.weight ? a.weight > b.weight : a.rawValue < b.rawValue }
    }
}

/// Reads roles from free-text titles (OpenInsider's `Title` column, EDGAR's `officerTitle`) and
/// from EDGAR's relationship flags.
///
/// Titles are comma-separated, but free text may itself hold commas ("Pres, Latin America,
/// Canada"), so known tokens are matched and the rest is judged by officer heuristics; `Other`
/// is only given when nothing in the title names a known role, so a qualifier such as
/// "Latin America" does not add a role of its own.
public enum RoleReader {
    /// The roles named by a title; `[.other]` for text naming none (`See Remarks`), `[]` for an empty title.
    public static func roles(fromTitle title: String?) -> Set<Role> {
        guard let title else { return [] }
        var found = Set<Role>()
        var sawText = false
        for piece in pieces(of: title) {
            sawText = true
            if let role = role(ofPiece: piece) { found.insert(role) }
        }
        if found.isEmpty && sawText { found.insert(.other) }
        return found
    }

    /// The roles of an EDGAR reporting owner (SPEC section 3).
    ///
    /// `officerTitle` and `otherText` are read with the same token table as OpenInsider's titles;
    /// the flags add `Director`, `10% Owner` and `Other`. `isOfficer` adds no role of its own: the
    /// title says which officer, so an officer titled "See Remarks" is `Other`, as OpenInsider's
    /// title for the same filing gives. An owner with no role from any of these is `Other`.
    public static func roles(isDirector: Bool, isOfficer: Bool, isTenPercentOwner: Bool, isOther: Bool,
                             officerTitle: String?, otherText: String? = nil) -> Set<Role> {
        var found = roles(fromTitle: officerTitle).union(roles(fromTitle: otherText))
        if isDirector { found.insert(.director) }
        if isTenPercentOwner { found.insert(.tenPercentOwner) }
        if isOther { found.insert(.other) }
        if found.isEmpty { found.insert(.other) }
        return found
    }

    /// The largest weight among `roles`; 1 (an unknown insider counts as `Other`) when empty.
    public static func weight(of roles: some Collection<Role>) -> Int {
        roles.map(\.weight).max() ?? Role.other.weight
    }

    static func pieces(of title: String) -> [String] {
        var out: [String] = []
        var current = ""
        func flush() {
            let words = current.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
            var piece = words.joined(separator: " ")
            while piece.hasPrefix("*") { piece.removeFirst() }
            piece = piece.trimmingSpaces()
            // "Pres." is "Pres": a trailing abbreviation dot names the same role.
            while piece.hasSuffix(".") { piece.removeLast() }
            piece = piece.trimmingSpaces()
            if !piece.isEmpty { out.append(piece.uppercased()) }
            current = ""
        }
        for ch in title {
            if ch == "," || ch == "&" || ch == "/" || ch == ";" { flush() } else { current.append(ch) }
        }
        flush()
        // " and " joins two titles as "&" does ("President and Chief Executive Officer").
        return out.flatMap { piece -> [String] in
            piece.contains(" AND ") ? piece.components(separatedBy: " AND ").map { $0.trimmingSpaces() }.filter { !$0.isEmpty } : [piece]
        }
    }

    static let exact: [String: Role] = [
        "CEO": .ceo, "CO-CEO": .ceo, "INTERIM CEO": .ceo, "CHIEF EXECUTIVE OFFICER": .ceo,
        "CFO": .cfo, "CHIEF FINANCIAL OFFICER": .cfo, "INTERIM CFO": .cfo,
        "10%": .tenPercentOwner, "10% OWNER": .tenPercentOwner, "10 PERCENT OWNER": .tenPercentOwner,
        "COO": .coo, "CHIEF OPERATING OFFICER": .coo,
        "PRES": .president, "PRESIDENT": .president, "CO-PRES": .president, "INTERIM PRES": .president,
        "CO-PRESIDENT": .president, "INTERIM PRESIDENT": .president,
        "DIR": .director, "DIRECTOR": .director,
        "COB": .chairman, "EXEC. COB": .chairman, "EXEC COB": .chairman, "CHAIRMAN": .chairman,
        "CHAIRPERSON": .chairman, "CHAIR": .chairman, "CHAIRWOMAN": .chairman,
        "EXECUTIVE CHAIRMAN": .chairman, "CHAIRMAN OF THE BOARD": .chairman,
        "GC": .generalCounsel, "GENERAL COUNSEL": .generalCounsel,
    ]

    static let officerWords: Set<String> = [
        "VP", "SVP", "EVP", "CTO", "CMO", "CAO", "CIO", "CCO", "CRO", "CLO", "CSO", "CPO", "CBO", "CHRO",
        "CDO", "CXO", "CISO", "TREASURER", "SECRETARY", "CONTROLLER", "OFFICER", "GM", "SEC", "TREAS",
    ]

    static func role(ofPiece piece: String) -> Role? {
        if let r = exact[piece] { return r }
        if piece.contains("CHIEF EXECUTIVE OFFICER") { return .ceo }
        if piece.contains("CHIEF FINANCIAL OFFICER") { return .cfo }
        if piece.contains("CHIEF OPERATING OFFICER") { return .coo }
        if piece.contains("GENERAL COUNSEL") { return .generalCounsel }
        if piece.hasPrefix("CHAIRMAN") || piece.hasPrefix("CHAIRPERSON") || piece.hasSuffix(" CHAIRMAN") { return .chairman }
        if piece.contains("VICE PRES") { return .officer }
        if piece.hasPrefix("CHIEF ") || piece.hasSuffix(" OFFICER") { return .officer }
        let words = piece.split(separator: " ").map(String.init)
        if words.contains(where: { officerWords.contains($0) }) { return .officer }
        if words.first.map({ $0.hasSuffix("VP") && $0.count <= 4 }) == true { return .officer }
        return nil
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
