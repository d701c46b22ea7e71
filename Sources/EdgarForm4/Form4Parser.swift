import Foundation

/// Parses SEC ownership documents (Forms 3, 4, 4/A, 5) from raw XML, a full-submission `.txt`
/// or a dissemination `.nc` file.
///
/// A hand-written byte scanner rather than an XML library: filings are small and arrive by the
/// thousand, and the parser is the product's edge. It tracks the element path by name hashes,
/// keeps only the leaves it needs, and never allocates per tag.
public enum Form4Parser {
    /// Parses one document; throws for bytes that hold no well-formed ownership document.
    public static func parse(_ bytes: [UInt8]) throws(Form4ParseError) -> Form4Document {
        guard let start = find(openTag, in: bytes, from: 0) else { throw .noOwnershipDocument }
        let end = find(closeTag, in: bytes, from: start).map { $0 + closeTag.count } ?? bytes.count
        var reader = Reader(bytes: bytes, position: start, end: end)
        var document = try reader.run()
        let header = header(bytes, before: start)
        document.accession = header.accession
        document.acceptanceDateTime = header.acceptance
        return document
    }

    static let openTag = Array("<ownershipDocument".utf8)
    static let closeTag = Array("</ownershipDocument>".utf8)

    static func find(_ needle: [UInt8], in hay: [UInt8], from: Int) -> Int? {
        let n = needle.count
        guard n > 0, hay.count >= n else { return nil }
        let first = needle[0]
        var i = from
        let last = hay.count - n
        while i <= last {
            if hay[i] == first {
                var j = 1
                while j < n && hay[i + j] == needle[j] { j += 1 }
                if j == n { return i }
            }
            i += 1
        }
        return nil
    }

    /// Accession and acceptance time from a `.txt` (`KEY:\tvalue`) or `.nc` (`<KEY>value`) header.
    static func header(_ bytes: [UInt8], before limit: Int) -> (accession: String?, acceptance: String?) {
        guard limit > 0 else { return (nil, nil) }
        let region = Array(bytes[0..<limit])
        func value(after key: String) -> String? {
            guard let at = find(Array(key.utf8), in: region, from: 0) else { return nil }
            var i = at + key.utf8.count
            while i < region.count, region[i] == 32 || region[i] == 9 { i += 1 }
            let s = i
            while i < region.count, region[i] != 10, region[i] != 13, region[i] != 60 { i += 1 }
            let text = String(decoding: region[s..<i], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            return text.isEmpty ? nil : text
        }
        return (value(after: "ACCESSION NUMBER:") ?? value(after: "<ACCESSION-NUMBER>"),
                value(after: "ACCEPTANCE-DATETIME:") ?? value(after: "<ACCEPTANCE-DATETIME>"))
    }
}

/// Element names the parser reacts to, identified by the FNV-1a hash of their bytes.
enum Tag: UInt8 {
    case other
    case schemaVersion, documentType, periodOfReport, dateOfOriginalSubmission, notSubjectToSection16, aff10b5One, remarks
    case issuerCik, issuerName, issuerTradingSymbol
    case reportingOwner, rptOwnerCik, rptOwnerName, isDirector, isOfficer, isTenPercentOwner, isOther, officerTitle, otherText
    case nonDerivativeTransaction, nonDerivativeHolding, derivativeTransaction, derivativeHolding
    case value, footnoteId, footnote
    case securityTitle, transactionDate, transactionFormType, transactionCode, transactionShares, transactionPricePerShare
    case transactionAcquiredDisposedCode, sharesOwnedFollowingTransaction, directOrIndirectOwnership, natureOfOwnership
    case conversionOrExercisePrice, underlyingSecurityTitle, underlyingSecurityShares

    static func hash(_ p: [UInt8], _ from: Int, _ to: Int) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        var i = from
        while i < to { h = (h ^ UInt64(p[i])) &* 0x100000001b3; i += 1 }
        return h
    }

    static func hash(_ s: String) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        return h
    }

    static let names: [(String, Tag)] = [
        ("schemaVersion", .schemaVersion), ("documentType", .documentType), ("periodOfReport", .periodOfReport),
        ("dateOfOriginalSubmission", .dateOfOriginalSubmission), ("notSubjectToSection16", .notSubjectToSection16),
        ("aff10b5One", .aff10b5One), ("remarks", .remarks), ("issuerCik", .issuerCik), ("issuerName", .issuerName),
        ("issuerTradingSymbol", .issuerTradingSymbol), ("reportingOwner", .reportingOwner), ("rptOwnerCik", .rptOwnerCik),
        ("rptOwnerName", .rptOwnerName), ("isDirector", .isDirector), ("isOfficer", .isOfficer),
        ("isTenPercentOwner", .isTenPercentOwner), ("isOther", .isOther), ("officerTitle", .officerTitle), ("otherText", .otherText),
        ("nonDerivativeTransaction", .nonDerivativeTransaction), ("nonDerivativeHolding", .nonDerivativeHolding),
        ("derivativeTransaction", .derivativeTransaction), ("derivativeHolding", .derivativeHolding), ("value", .value),
        ("footnoteId", .footnoteId), ("footnote", .footnote), ("securityTitle", .securityTitle), ("transactionDate", .transactionDate),
        ("transactionFormType", .transactionFormType), ("transactionCode", .transactionCode), ("transactionShares", .transactionShares),
        ("transactionPricePerShare", .transactionPricePerShare), ("transactionAcquiredDisposedCode", .transactionAcquiredDisposedCode),
        ("sharesOwnedFollowingTransaction", .sharesOwnedFollowingTransaction), ("directOrIndirectOwnership", .directOrIndirectOwnership),
        ("natureOfOwnership", .natureOfOwnership), ("conversionOrExercisePrice", .conversionOrExercisePrice),
        ("underlyingSecurityTitle", .underlyingSecurityTitle), ("underlyingSecurityShares", .underlyingSecurityShares),
    ]

    static let byHash: [UInt64: Tag] = Dictionary(uniqueKeysWithValues: names.map { (hash($0.0), $0.1) })
}

/// A row being read.
struct RowBuilder {
    var table: Form4Table
    var isHolding: Bool
    var row = Form4Transaction(table: .nonDerivative, securityTitle: nil, date: nil, code: nil, formType: nil, shares: nil, price: nil,
                               acquiredDisposed: nil, sharesOwnedAfter: nil, directIndirect: nil, natureOfOwnership: nil,
                               footnoteIds: [], rule10b5_1: false, conversionOrExercisePrice: nil, underlyingSecurityTitle: nil,
                               underlyingShares: nil)
    var hasCoding = false
}

struct Reader {
    let bytes: [UInt8]
    var position: Int
    let end: Int

    var stack: [UInt64] = []
    var tags: [Tag] = []
    var text: [UInt8] = []
    var doc = Form4Document(schemaVersion: nil, documentType: "", periodOfReport: nil, dateOfOriginalSubmission: nil,
                            notSubjectToSection16: nil, issuer: Form4Issuer(cik: "", name: nil, ticker: nil), owners: [],
                            aff10b5One: nil, transactions: [], holdings: [], footnotes: [], remarks: nil,
                            accession: nil, acceptanceDateTime: nil)
    var owner: Form4Owner?
    var row: RowBuilder?
    var footnoteID: String?
    var sawDocumentType = false
    var sawIssuerCik = false
    var derivativeTransactions: [Form4Transaction] = []
    var derivativeHoldings: [Form4Holding] = []

    init(bytes: [UInt8], position: Int, end: Int) {
        self.bytes = bytes
        self.position = position
        self.end = end
        stack.reserveCapacity(16)
        tags.reserveCapacity(16)
        text.reserveCapacity(256)
    }

    mutating func run() throws(Form4ParseError) -> Form4Document {
        while position < end {
            let c = bytes[position]
            if c != 60 {   // text up to the next '<'
                let s = position
                while position < end && bytes[position] != 60 { position += 1 }
                if !tags.isEmpty { text.append(contentsOf: bytes[s..<position]) }
                continue
            }
            try markup()
        }
        guard stack.isEmpty else { throw .malformed("document ends inside an open element (truncated?) at byte \(end)") }
        guard sawDocumentType else { throw .missingElement("documentType") }
        guard sawIssuerCik else { throw .missingElement("issuerCik") }
        // Table I rows come first; the two tables are read as they appear.
        doc.transactions.append(contentsOf: derivativeTransactions)
        doc.holdings.append(contentsOf: derivativeHoldings)
        // 10b5-1 per row: the document box, or a 10b5-1 statement in an attached footnote.
        var plans: [String: Bool] = [:]
        for f in doc.footnotes { plans[f.id] = statesRule10b5_1Plan(f.text) }
        let box = doc.aff10b5One == true
        for i in doc.transactions.indices {
            doc.transactions[i].rule10b5_1 = box || doc.transactions[i].footnoteIds.contains { plans[$0] == true }
        }
        return doc
    }

    func starts(with literal: StaticString, at i: Int) -> Bool {
        let n = literal.utf8CodeUnitCount
        guard i + n <= end else { return false }
        let p = literal.utf8Start
        for k in 0..<n where bytes[i + k] != p[k] { return false }
        return true
    }

    mutating func skip(past literal: StaticString) throws(Form4ParseError) {
        let n = literal.utf8CodeUnitCount
        while position + n <= end {
            if starts(with: literal, at: position) { position += n; return }
            position += 1
        }
        throw .malformed("unterminated markup before byte \(end)")
    }

    mutating func markup() throws(Form4ParseError) {
        let open = position
        if starts(with: "<!--", at: open) { position += 4; try skip(past: "-->"); return }
        if starts(with: "<![CDATA[", at: open) {
            position += 9
            let s = position
            try skip(past: "]]>")
            // CDATA is literal: escape '&' so that entity decoding later gives it back unchanged.
            if !tags.isEmpty {
                for b in bytes[s..<(position - 3)] {
                    if b == 38 { text.append(contentsOf: [38, 97, 109, 112, 59]) } else { text.append(b) }
                }
            }
            return
        }
        if starts(with: "<?", at: open) { position += 2; try skip(past: "?>"); return }
        if starts(with: "<!", at: open) { position += 2; try skip(past: ">"); return }
        let closing = open + 1 < end && bytes[open + 1] == 47
        var i = open + (closing ? 2 : 1)
        let nameStart = i
        while i < end {
            let b = bytes[i]
            if b == 32 || b == 9 || b == 10 || b == 13 || b == 47 || b == 62 { break }
            i += 1
        }
        let nameEnd = i
        guard nameEnd > nameStart else { throw .malformed("empty tag name at byte \(open)") }
        // Attributes run to the next '>' outside quotes.
        var quote: UInt8 = 0
        while i < end {
            let b = bytes[i]
            if quote != 0 { if b == quote { quote = 0 } } else if b == 34 || b == 39 { quote = b } else if b == 62 { break }
            i += 1
        }
        guard i < end else { throw .malformed("unterminated tag at byte \(open)") }
        let selfClosing = !closing && bytes[i - 1] == 47
        let attrEnd = selfClosing ? i - 1 : i
        position = i + 1
        let h = Tag.hash(bytes, nameStart, nameEnd)
        if closing {
            guard let top = stack.last, top == h else {
                throw .malformed("closing tag </\(String(decoding: bytes[nameStart..<nameEnd], as: UTF8.self))> does not match the open element at byte \(open)")
            }
            stack.removeLast()
            let tag = tags.removeLast()
            close(tag)
            return
        }
        let tag = Tag.byHash[h] ?? .other
        opened(tag, attributes: nameEnd..<attrEnd)
        if selfClosing {
            close(tag)
        } else {
            stack.append(h)
            tags.append(tag)
        }
    }

    /// The `id` attribute in `range`.
    func attributeID(_ range: Range<Int>) -> String? {
        var i = range.lowerBound
        while i + 3 < range.upperBound {
            if bytes[i] == 105, bytes[i + 1] == 100, (bytes[i - 1] == 32 || bytes[i - 1] == 9 || bytes[i - 1] == 10 || bytes[i - 1] == 13) {
                var j = i + 2
                while j < range.upperBound && (bytes[j] == 32 || bytes[j] == 9) { j += 1 }
                if j < range.upperBound && bytes[j] == 61 {
                    j += 1
                    while j < range.upperBound && (bytes[j] == 32 || bytes[j] == 9) { j += 1 }
                    guard j < range.upperBound else { return nil }
                    let q = bytes[j]
                    if q == 34 || q == 39 {
                        let s = j + 1
                        var k = s
                        while k < range.upperBound && bytes[k] != q { k += 1 }
                        return String(decoding: bytes[s..<k], as: UTF8.self)
                    }
                }
            }
            i += 1
        }
        return nil
    }

    var inFreeText: Bool { footnoteID != nil || tags.last == .remarks }

    mutating func opened(_ tag: Tag, attributes: Range<Int>) {
        switch tag {
        case .reportingOwner:
            owner = Form4Owner(cik: "", name: "", isDirector: false, isOfficer: false, isTenPercentOwner: false, isOther: false,
                               officerTitle: nil, otherText: nil)
        case .nonDerivativeTransaction: row = RowBuilder(table: .nonDerivative, isHolding: false)
        case .nonDerivativeHolding: row = RowBuilder(table: .nonDerivative, isHolding: true)
        case .derivativeTransaction: row = RowBuilder(table: .derivative, isHolding: false)
        case .derivativeHolding: row = RowBuilder(table: .derivative, isHolding: true)
        case .footnoteId:
            if row != nil, let id = attributeID(attributes), !row!.row.footnoteIds.contains(id) { row!.row.footnoteIds.append(id) }
        case .footnote:
            footnoteID = attributeID(attributes) ?? ""
            text.removeAll(keepingCapacity: true)
            return
        default: break
        }
        // Free text (footnotes, remarks) keeps what nested markup splits; elsewhere each element starts afresh.
        if !inFreeText { text.removeAll(keepingCapacity: true) }
    }

    static func string(_ text: [UInt8]) -> String? {
        let s = decodeText(text)
        return s.isEmpty ? nil : s
    }

    static func flag(_ s: String?) -> Bool? {
        switch s?.lowercased() {
        case "1", "true": true
        case "0", "false": false
        default: nil
        }
    }

    mutating func close(_ tag: Tag) {
        switch tag {
        case .value:
            guard let parent = tags.last, row != nil else {
                text.removeAll(keepingCapacity: true)
                return
            }
            switch parent {
            case .securityTitle: row!.row.securityTitle = Reader.string(text)
            case .transactionDate: row!.row.date = Reader.string(text).map { String($0.prefix(10)) }
            case .transactionShares: row!.row.shares = decimal(text)
            case .transactionPricePerShare: row!.row.price = decimal(text)
            case .transactionAcquiredDisposedCode: row!.row.acquiredDisposed = Reader.string(text)
            case .sharesOwnedFollowingTransaction: row!.row.sharesOwnedAfter = decimal(text)
            case .directOrIndirectOwnership: row!.row.directIndirect = Reader.string(text)
            case .natureOfOwnership: row!.row.natureOfOwnership = Reader.string(text)
            case .conversionOrExercisePrice: row!.row.conversionOrExercisePrice = decimal(text)
            case .underlyingSecurityTitle: row!.row.underlyingSecurityTitle = Reader.string(text)
            case .underlyingSecurityShares: row!.row.underlyingShares = decimal(text)
            default: break
            }
        case .transactionCode: if row != nil { row!.row.code = Reader.string(text); row!.hasCoding = true }
        case .transactionFormType: if row != nil { row!.row.formType = Reader.string(text) }
        case .nonDerivativeTransaction, .derivativeTransaction:
            if var r = row {
                r.row.table = r.table
                // A row without transactionCoding is skipped; the filing is kept (DOMAIN.md 2.5).
                if r.hasCoding || r.row.code != nil {
                    if r.table == .nonDerivative { doc.transactions.append(r.row) } else { derivativeTransactions.append(r.row) }
                }
            }
            row = nil
        case .nonDerivativeHolding, .derivativeHolding:
            if let r = row {
                let h = Form4Holding(table: r.table, securityTitle: r.row.securityTitle, sharesOwnedAfter: r.row.sharesOwnedAfter,
                                     directIndirect: r.row.directIndirect, natureOfOwnership: r.row.natureOfOwnership, footnoteIds: r.row.footnoteIds)
                if r.table == .nonDerivative { doc.holdings.append(h) } else { derivativeHoldings.append(h) }
            }
            row = nil
        case .footnote:
            if let id = footnoteID { doc.footnotes.append(Form4Footnote(id: id, text: decodeText(text))) }
            footnoteID = nil
        case .remarks: if footnoteID == nil { doc.remarks = Reader.string(text) }
        case .schemaVersion: doc.schemaVersion = Reader.string(text)
        case .documentType: doc.documentType = Reader.string(text) ?? ""; sawDocumentType = true
        case .periodOfReport: doc.periodOfReport = Reader.string(text).map { String($0.prefix(10)) }
        case .dateOfOriginalSubmission: doc.dateOfOriginalSubmission = Reader.string(text).map { String($0.prefix(10)) }
        case .notSubjectToSection16: doc.notSubjectToSection16 = Reader.flag(Reader.string(text))
        case .aff10b5One: doc.aff10b5One = Reader.flag(Reader.string(text))
        case .issuerCik: doc.issuer.cik = zeroPaddedCIK(Reader.string(text) ?? ""); sawIssuerCik = true
        case .issuerName: doc.issuer.name = Reader.string(text)
        case .issuerTradingSymbol: doc.issuer.ticker = Reader.string(text)
        case .rptOwnerCik: owner?.cik = zeroPaddedCIK(Reader.string(text) ?? "")
        case .rptOwnerName: owner?.name = Reader.string(text) ?? ""
        case .isDirector: owner?.isDirector = Reader.flag(Reader.string(text)) ?? false
        case .isOfficer: owner?.isOfficer = Reader.flag(Reader.string(text)) ?? false
        case .isTenPercentOwner: owner?.isTenPercentOwner = Reader.flag(Reader.string(text)) ?? false
        case .isOther: owner?.isOther = Reader.flag(Reader.string(text)) ?? false
        case .officerTitle: owner?.officerTitle = Reader.string(text)
        case .otherText: owner?.otherText = Reader.string(text)
        case .reportingOwner:
            if let o = owner { doc.owners.append(o) }
            owner = nil
        default: break
        }
        if !inFreeText { text.removeAll(keepingCapacity: true) }
    }
}

/// 10 digits, zero-padded; digits only.
func zeroPaddedCIK(_ raw: String) -> String {
    var digits = raw.utf8.filter { $0 >= 48 && $0 <= 57 }
    while digits.count > 10, digits.first == 48 { digits.removeFirst() }
    while digits.count < 10 { digits.insert(48, at: 0) }
    return String(decoding: digits, as: UTF8.self)
}

/// Trims white space and decodes XML entities (named and numeric).
func decodeText(_ raw: [UInt8]) -> String {
    var s = 0, e = raw.count
    while s < e, raw[s] == 32 || raw[s] == 9 || raw[s] == 10 || raw[s] == 13 { s += 1 }
    while e > s, raw[e - 1] == 32 || raw[e - 1] == 9 || raw[e - 1] == 10 || raw[e - 1] == 13 { e -= 1 }
    guard s < e else { return "" }
    var hasEntity = false
    for i in s..<e where raw[i] == 38 { hasEntity = true; break }
    if !hasEntity { return String(decoding: raw[s..<e], as: UTF8.self) }
    var out: [UInt8] = []
    out.reserveCapacity(e - s)
    var i = s
    while i < e {
        let b = raw[i]
        guard b == 38, let semi = raw[i..<min(e, i + 12)].firstIndex(of: 59) else { out.append(b); i += 1; continue }
        let name = String(decoding: raw[(i + 1)..<semi], as: UTF8.self)
        var scalar: UnicodeScalar?
        switch name {
        case "amp": scalar = "&"
        case "lt": scalar = "<"
        case "gt": scalar = ">"
        case "quot": scalar = "\""
        case "apos": scalar = "'"
        case "nbsp": scalar = "\u{A0}"
        default:
            if name.hasPrefix("#x") || name.hasPrefix("#X") { scalar = UInt32(name.dropFirst(2), radix: 16).flatMap(UnicodeScalar.init) }
            else if name.hasPrefix("#") { scalar = UInt32(name.dropFirst()).flatMap(UnicodeScalar.init) }
        }
        if let scalar {
            out.append(contentsOf: Array(String(Character(scalar)).utf8))
            i = semi + 1
        } else {
            out.append(b)
            i += 1
        }
    }
    return String(decoding: out, as: UTF8.self)
}

/// An exact decimal from text such as `1000`, `-12.34`, `0.102`, `1.5E3`; nil for empty or non-numeric text.
func decimal(_ raw: [UInt8]) -> Decimal? {
    var i = 0, e = raw.count
    while i < e, raw[i] == 32 || raw[i] == 9 || raw[i] == 10 || raw[i] == 13 { i += 1 }
    while e > i, raw[e - 1] == 32 || raw[e - 1] == 9 || raw[e - 1] == 10 || raw[e - 1] == 13 { e -= 1 }
    guard i < e else { return nil }
    var negative = false
    if raw[i] == 45 { negative = true; i += 1 } else if raw[i] == 43 { i += 1 }
    var significand: UInt64 = 0
    var exponent = 0
    var digits = 0
    var seenDot = false
    while i < e {
        let b = raw[i]
        if b >= 48 && b <= 57 {
            digits += 1
            if significand < 1_000_000_000_000_000_000 {
                significand = significand * 10 + UInt64(b - 48)
                if seenDot { exponent -= 1 }
            } else if !seenDot {
                // Digits past 19 significant ones only scale the integer part.
                exponent += 1
            }
        } else if b == 46 && !seenDot {
            seenDot = true
        } else if b == 44 && !seenDot {
            // thousands separators occur in hand-made filings
        } else if b == 101 || b == 69 {
            var j = i + 1
            var expNegative = false
            if j < e, raw[j] == 45 { expNegative = true; j += 1 } else if j < e, raw[j] == 43 { j += 1 }
            var x = 0
            guard j < e else { return nil }
            while j < e {
                guard raw[j] >= 48 && raw[j] <= 57 else { return nil }
                x = min(x * 10 + Int(raw[j] - 48), 1000)
                j += 1
            }
            exponent += expNegative ? -x : x
            break
        } else {
            return nil
        }
        i += 1
    }
    guard digits > 0 else { return nil }
    // Decimal holds exponents in -128...127; a share count or price outside that is not a number we can trust.
    guard exponent >= -110, exponent <= 110 else { return nil }
    return Decimal(sign: negative ? .minus : .plus, exponent: exponent, significand: Decimal(significand))
}
