import Foundation
import ZIPFoundation

/// A synthetic `YYYYqN_form345.zip` shaped like a real 2026 quarter (DOMAIN 6.1): about 35,000
/// Form 4 and 4/A filings, 60,000 table I rows with the real code mix, table II rows, owners with
/// addresses, footnotes, holdings and signatures, every member with SEC's real header row.
struct SyntheticQuarter {
    let year: Int
    let quarter: Int
    let filings: Int
    var seed: UInt64

    static let issuers = 5_000
    static let owners = 40_000
    static let months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]

    mutating func next() -> UInt64 {
        seed = seed &* 6364136223846793005 &+ 1442695040888963407
        return seed >> 33
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }

    func date(_ dayOfQuarter: Int) -> String {
        let month = (quarter - 1) * 3 + min(2, dayOfQuarter / 30)
        let day = dayOfQuarter % 30 + 1
        let clipped = month % 3 == 1 && day > 28 ? 28 : day
        return String(format: "%02d-%@-%04d", clipped, SyntheticQuarter.months[month], year)
    }

    /// The members as TSV text, by name.
    mutating func members() -> [String: String] {
        var sub = [Headers.submission.joined(separator: "\t")]
        var own = [Headers.owner.joined(separator: "\t")]
        var nd = [Headers.nonDeriv.joined(separator: "\t")]
        var dv = [Headers.deriv.joined(separator: "\t")]
        var fn = [Headers.footnotes.joined(separator: "\t")]
        var ndh = [Headers.nonDerivHolding.joined(separator: "\t")]
        var sig = [Headers.signature.joined(separator: "\t")]
        let codes: [(String, Int)] = [("S", 40), ("A", 15), ("M", 12), ("F", 11), ("P", 8), ("G", 5), ("J", 3), ("C", 2), ("D", 2), ("X", 2)]
        let total = codes.reduce(0) { $0 + $1.1 }
        var sk = year * 10_000_000 + quarter * 1_000_000
        var lastByKey: [Int: (acc: String, date: String)] = [:]
        for f in 0..<filings {
            let issuer = below(SyntheticQuarter.issuers)
            let owner = (issuer * 7 + below(12)) % SyntheticQuarter.owners
            let acc = String(format: "%010d-%02d-%06d", 1_000_000 + owner, year % 100, quarter * 100_000 + f)
            let filed = date(min(89, f * 90 / filings))
            let key = issuer * 100_000 + owner
            var type = "4", original = ""
            if let prior = lastByKey[key], below(100) < 3 { type = "4/A"; original = prior.date } else { lastByKey[key] = (acc, filed) }
            let remarks = below(4) == 0 ? "Exhibit 24 - Power of Attorney; the reporting person disclaims beneficial ownership except to the extent of any pecuniary interest." : ""
            sub.append([acc, filed, filed, original, "0", "0", "", "", type, String(100_000 + issuer), "Issuer \(issuer) Holdings Inc",
                        String(format: "T%04d", issuer), remarks, below(3) == 0 ? "1" : "0"].joined(separator: "\t"))
            let joint = below(10) == 0
            for o in 0..<(joint ? 2 : 1) {
                let oc = (owner + o * 17) % SyntheticQuarter.owners
                let relation = ["Director", "Officer", "TenPercentOwner", "Director,Officer", "Other"][below(5)]
                own.append([acc, String(2_000_000 + oc), "Owner\(oc) Firstname M", relation, relation.contains("Officer") ? "Chief Executive Officer" : "",
                            relation == "Other" ? "Member of 13(d) group" : "", "\(below(9999)) Main Street", "Suite \(below(900))",
                            "New York", "NY", "10001", "", "001-\(below(99999))"].joined(separator: "\t"))
            }
            let rows = 1 + (below(10) < 6 ? 0 : below(3))
            for r in 0..<rows {
                var pick = below(total), code = "S"
                for (c, w) in codes { if pick < w { code = c; break }; pick -= w }
                sk += 1
                let hasNote = r == 0 && below(2) == 0
                var row = Array(repeating: "", count: Headers.nonDeriv.count)
                row[0] = acc; row[1] = String(sk); row[2] = "Common Stock"; row[4] = date(min(89, f * 90 / filings))
                row[8] = "4"; row[9] = code; row[10] = "0"; row[14] = String(10 + below(50_000))
                row[16] = code == "A" || code == "G" ? "0" : String(format: "%d.%04d", 1 + below(400), below(10_000))
                row[17] = hasNote ? "F1" : ""; row[18] = code == "S" || code == "F" || code == "D" || code == "G" ? "D" : "A"
                row[20] = String(below(5_000_000)); row[24] = below(5) == 0 ? "I" : "D"; row[26] = row[24] == "I" ? "By Trust" : ""
                nd.append(row.joined(separator: "\t"))
            }
            if below(10) < 7 {
                sk += 1
                var row = Array(repeating: "", count: Headers.deriv.count)
                row[0] = acc; row[1] = String(sk); row[2] = "Stock Option (right to buy)"; row[4] = "\(1 + below(200)).50"
                row[6] = date(min(89, f * 90 / filings)); row[10] = "4"; row[11] = ["M", "A", "C"][below(3)]; row[16] = String(100 + below(20_000))
                row[22] = row[11] == "M" ? "D" : "A"; row[24] = "01-JAN-2020"; row[26] = "01-JAN-2030"; row[28] = "Common Stock"
                row[30] = row[16]; row[34] = String(below(100_000)); row[38] = "D"
                dv.append(row.joined(separator: "\t"))
            }
            fn.append([acc, "F1", below(6) == 0
                       ? "The transactions were effected pursuant to a Rule 10b5-1 trading plan adopted by the reporting person on March 1, 2025."
                       : "The price reported is a weighted average price. These shares were sold in multiple transactions at prices ranging from $10.00 to $10.50, inclusive."].joined(separator: "\t"))
            if below(3) == 0 {
                var row = Array(repeating: "", count: Headers.nonDerivHolding.count)
                row[0] = acc; sk += 1; row[1] = String(sk); row[2] = "Common Stock"; row[6] = String(below(1_000_000)); row[10] = "I"; row[12] = "By 401(k) Plan"
                ndh.append(row.joined(separator: "\t"))
            }
            sig.append([acc, "/s/ Attorney-in-fact for Owner\(owner)", filed].joined(separator: "\t"))
        }
        func text(_ lines: [String]) -> String { lines.joined(separator: "\n") + "\n" }
        return ["SUBMISSION.tsv": text(sub), "REPORTINGOWNER.tsv": text(own), "NONDERIV_TRANS.tsv": text(nd), "DERIV_TRANS.tsv": text(dv),
                "FOOTNOTES.tsv": text(fn), "NONDERIV_HOLDING.tsv": text(ndh), "DERIV_HOLDING.tsv": Headers.derivHolding.joined(separator: "\t") + "\n",
                "OWNER_SIGNATURE.tsv": text(sig)]
    }

    /// Writes the ZIP (deflated) to `url`; returns the members' total size.
    mutating func write(to url: URL) throws -> (tsvBytes: Int, nonDerivRows: Int) {
        let members = self.members()
        try? FileManager.default.removeItem(at: url)
        let archive = try Archive(url: url, accessMode: .create)
        var total = 0
        for (name, text) in members.sorted(by: { $0.key < $1.key }) {
            let data = Data(text.utf8)
            total += data.count
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { pos, size in
                data.subdata(in: Int(pos)..<Int(pos) + size)
            }
        }
        return (total, members["NONDERIV_TRANS.tsv"]!.split(separator: "\n").count - 1)
    }
}

/// SEC's header rows (edgar/other/insider_transactions_dataset_TSV_headers_EXCERPT.txt).
enum Headers {
    static let submission = "ACCESSION_NUMBER|FILING_DATE|PERIOD_OF_REPORT|DATE_OF_ORIG_SUB|NO_SECURITIES_OWNED|NOT_SUBJECT_SEC16|FORM3_HOLDINGS_REPORTED|FORM4_TRANS_REPORTED|DOCUMENT_TYPE|ISSUERCIK|ISSUERNAME|ISSUERTRADINGSYMBOL|REMARKS|AFF10B5ONE".split(separator: "|").map(String.init)
    static let owner = "ACCESSION_NUMBER|RPTOWNERCIK|RPTOWNERNAME|RPTOWNER_RELATIONSHIP|RPTOWNER_TITLE|RPTOWNER_TXT|RPTOWNER_STREET1|RPTOWNER_STREET2|RPTOWNER_CITY|RPTOWNER_STATE|RPTOWNER_ZIPCODE|RPTOWNER_STATE_DESC|FILE_NUMBER".split(separator: "|").map(String.init)
    static let nonDeriv = "ACCESSION_NUMBER|NONDERIV_TRANS_SK|SECURITY_TITLE|SECURITY_TITLE_FN|TRANS_DATE|TRANS_DATE_FN|DEEMED_EXECUTION_DATE|DEEMED_EXECUTION_DATE_FN|TRANS_FORM_TYPE|TRANS_CODE|EQUITY_SWAP_INVOLVED|EQUITY_SWAP_TRANS_CD_FN|TRANS_TIMELINESS|TRANS_TIMELINESS_FN|TRANS_SHARES|TRANS_SHARES_FN|TRANS_PRICEPERSHARE|TRANS_PRICEPERSHARE_FN|TRANS_ACQUIRED_DISP_CD|TRANS_ACQUIRED_DISP_CD_FN|SHRS_OWND_FOLWNG_TRANS|SHRS_OWND_FOLWNG_TRANS_FN|VALU_OWND_FOLWNG_TRANS|VALU_OWND_FOLWNG_TRANS_FN|DIRECT_INDIRECT_OWNERSHIP|DIRECT_INDIRECT_OWNERSHIP_FN|NATURE_OF_OWNERSHIP|NATURE_OF_OWNERSHIP_FN".split(separator: "|").map(String.init)
    static let nonDerivHolding = "ACCESSION_NUMBER|NONDERIV_HOLDING_SK|SECURITY_TITLE|SECURITY_TITLE_FN|TRANS_FORM_TYPE|TRANS_FORM_TYPE_FN|SHRS_OWND_FOLWNG_TRANS|SHRS_OWND_FOLWNG_TRANS_FN|VALU_OWND_FOLWNG_TRANS|VALU_OWND_FOLWNG_TRANS_FN|DIRECT_INDIRECT_OWNERSHIP|DIRECT_INDIRECT_OWNERSHIP_FN|NATURE_OF_OWNERSHIP|NATURE_OF_OWNERSHIP_FN".split(separator: "|").map(String.init)
    static let deriv = "ACCESSION_NUMBER|DERIV_TRANS_SK|SECURITY_TITLE|SECURITY_TITLE_FN|CONV_EXERCISE_PRICE|CONV_EXERCISE_PRICE_FN|TRANS_DATE|TRANS_DATE_FN|DEEMED_EXECUTION_DATE|DEEMED_EXECUTION_DATE_FN|TRANS_FORM_TYPE|TRANS_CODE|EQUITY_SWAP_INVOLVED|EQUITY_SWAP_TRANS_CD_FN|TRANS_TIMELINESS|TRANS_TIMELINESS_FN|TRANS_SHARES|TRANS_SHARES_FN|TRANS_TOTAL_VALUE|TRANS_TOTAL_VALUE_FN|TRANS_PRICEPERSHARE|TRANS_PRICEPERSHARE_FN|TRANS_ACQUIRED_DISP_CD|TRANS_ACQUIRED_DISP_CD_FN|EXCERCISE_DATE|EXCERCISE_DATE_FN|EXPIRATION_DATE|EXPIRATION_DATE_FN|UNDLYNG_SEC_TITLE|UNDLYNG_SEC_TITLE_FN|UNDLYNG_SEC_SHARES|UNDLYNG_SEC_SHARES_FN|UNDLYNG_SEC_VALUE|UNDLYNG_SEC_VALUE_FN|SHRS_OWND_FOLWNG_TRANS|SHRS_OWND_FOLWNG_TRANS_FN|VALU_OWND_FOLWNG_TRANS|VALU_OWND_FOLWNG_TRANS_FN|DIRECT_INDIRECT_OWNERSHIP|DIRECT_INDIRECT_OWNERSHIP_FN|NATURE_OF_OWNERSHIP|NATURE_OF_OWNERSHIP_FN".split(separator: "|").map(String.init)
    static let derivHolding = "ACCESSION_NUMBER|DERIV_HOLDING_SK|SECURITY_TITLE|SECURITY_TITLE_FN|CONV_EXERCISE_PRICE|CONV_EXERCISE_PRICE_FN|TRANS_FORM_TYPE|TRANS_FORM_TYPE_FN|EXERCISE_DATE|EXERCISE_DATE_FN|EXPIRATION_DATE|EXPIRATION_DATE_FN|UNDLYNG_SEC_TITLE|UNDLYNG_SEC_TITLE_FN|UNDLYNG_SEC_SHARES|UNDLYNG_SEC_SHARES_FN|UNDLYNG_SEC_VALUE|UNDLYNG_SEC_VALUE_FN|SHRS_OWND_FOLWNG_TRANS|SHRS_OWND_FOLWNG_TRANS_FN|VALU_OWND_FOLWNG_TRANS|VALU_OWND_FOLWNG_TRANS_FN|DIRECT_INDIRECT_OWNERSHIP|DIRECT_INDIRECT_OWNERSHIP_FN|NATURE_OF_OWNERSHIP|NATURE_OF_OWNERSHIP_FN".split(separator: "|").map(String.init)
    static let footnotes = ["ACCESSION_NUMBER", "FOOTNOTE_ID", "FOOTNOTE_TXT"]
    static let signature = ["ACCESSION_NUMBER", "OWNERSIGNATURENAME", "OWNERSIGNATUREDATE"]
}
