import EdgarForm4
import Foundation
import InsiderCore
import TradeStore
import ZIPFoundation

/// Reads one quarter's `YYYYqN_form345.zip` into the store's filings (SPEC section 8): Forms 4
/// and 4/A only, owners in file order, each table's rows in the order of their surrogate keys,
/// footnotes attached by id, 10b5-1 from the box or an attached footnote.
public enum QuarterReader {
    /// The filings of the ZIP named `fileName` (for messages).
    public static func filings(zip: Data, fileName: String) throws -> [StoredFiling] {
        let archive: Archive
        do { archive = try Archive(data: zip, accessMode: .read) } catch {
            throw DataSetError(origin: fileName, line: nil, column: nil, reason: "not a readable ZIP archive (corrupt or truncated): \(error)")
        }
        func member(_ name: String) throws -> TabSeparatedTable {
            guard let entry = archive.first(where: { $0.path.split(separator: "/").last.map(String.init)?.uppercased() == name }) else {
                throw DataSetError(origin: fileName, line: nil, column: nil, reason: "the archive has no member \(name)")
            }
            let member = entry.path.split(separator: "/").last.map(String.init) ?? name
            var data = Data()
            data.reserveCapacity(Int(entry.uncompressedSize))
            do { _ = try archive.extract(entry, skipCRC32: false) { data.append($0) } } catch {
                throw DataSetError(origin: "\(fileName): \(member)", line: nil, column: nil, reason: "cannot be extracted (corrupt or truncated ZIP): \(error)")
            }
            return try TabSeparatedTable(bytes: Array(data), origin: "\(fileName): \(member)")
        }
        var builder = try FilingsBuilder(submissions: try member("SUBMISSION.TSV"))
        try builder.addFootnotes(try member("FOOTNOTES.TSV"))
        try builder.addOwners(try member("REPORTINGOWNER.TSV"))
        try builder.addTransactions(try member("NONDERIV_TRANS.TSV"), table: .nonDerivative, key: "NONDERIV_TRANS_SK")
        try builder.addTransactions(try member("DERIV_TRANS.TSV"), table: .derivative, key: "DERIV_TRANS_SK")
        return builder.finish()
    }
}

/// Assembles filings member by member, keyed by accession.
struct FilingsBuilder {
    var filings: [StoredFiling] = []
    var index: [String: Int] = [:]
    /// Transactions waiting for their row numbers: (surrogate key, transaction) per filing and table.
    var pending: [Int: [(key: Int64, line: Int, transaction: StoredTransaction)]] = [:]
    var footnotes: [String: [String: String]] = [:]

    init(submissions t: TabSeparatedTable) throws {
        let acc = try t.require("ACCESSION_NUMBER"), filed = try t.require("FILING_DATE"), type = try t.require("DOCUMENT_TYPE")
        let cik = try t.require("ISSUERCIK"), name = try t.require("ISSUERNAME"), symbol = try t.require("ISSUERTRADINGSYMBOL")
        let period = t.optional("PERIOD_OF_REPORT"), original = t.optional("DATE_OF_ORIG_SUB"), box = t.optional("AFF10B5ONE")
        filings.reserveCapacity(t.count)
        for i in 0..<t.count {
            let f = t.fields(i)
            let form = f.text(type)
            guard form == "4" || form == "4/A" else { continue }
            let accession = f.text(acc)
            guard !accession.isEmpty, index[accession] == nil else { continue }
            guard let filingDate = try f.day(filed, "FILING_DATE") else {
                throw DataSetError(origin: t.origin, line: f.line, column: "FILING_DATE", reason: "empty filing date")
            }
            index[accession] = filings.count
            filings.append(StoredFiling(
                accession: accession, formType: form, filingDate: filingDate, issuerCIK: padCIK(f.text(cik)),
                issuerName: f.text(name), issuerTicker: IssuerTicker.normalised(f.text(symbol)) ?? f.text(symbol).uppercased(),
                periodOfReport: try period.flatMap { try f.day($0, "PERIOD_OF_REPORT") },
                dateOfOriginalSubmission: try original.flatMap { try f.day($0, "DATE_OF_ORIG_SUB") },
                aff10b5One: f.nonEmpty(box).flatMap(FilingsBuilder.flag), source: .dataSet, owners: [], transactions: []))
        }
    }

    static func flag(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "1", "true", "y", "yes": true
        case "0", "false", "n", "no": false
        default: nil
        }
    }

    mutating func addFootnotes(_ t: TabSeparatedTable) throws {
        let acc = try t.require("ACCESSION_NUMBER"), id = try t.require("FOOTNOTE_ID"), text = try t.require("FOOTNOTE_TXT")
        for i in 0..<t.count {
            let f = t.fields(i)
            let accession = f.text(acc)
            guard let at = index[accession] else { continue }
            let fid = f.text(id)
            guard !fid.isEmpty, footnotes[accession]?[fid] == nil else { continue }
            let body = f.text(text)
            footnotes[accession, default: [:]][fid] = body
            filings[at].footnotes.append(StoredFootnote(id: fid, text: body))
        }
    }

    mutating func addOwners(_ t: TabSeparatedTable) throws {
        let acc = try t.require("ACCESSION_NUMBER"), cik = try t.require("RPTOWNERCIK"), name = try t.require("RPTOWNERNAME")
        let relation = try t.require("RPTOWNER_RELATIONSHIP")
        let title = t.optional("RPTOWNER_TITLE"), other = t.optional("RPTOWNER_TXT")
        for i in 0..<t.count {
            let f = t.fields(i)
            guard let at = index[f.text(acc)] else { continue }
            let flags = Set(f.text(relation).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
            filings[at].owners.append(StoredOwner(
                cik: padCIK(f.text(cik)), name: f.text(name), isDirector: flags.contains("director"),
                isOfficer: flags.contains("officer"), isTenPercentOwner: flags.contains("tenpercentowner"),
                isOther: flags.contains("other"), officerTitle: f.nonEmpty(title), otherText: f.nonEmpty(other)))
        }
    }

    mutating func addTransactions(_ t: TabSeparatedTable, table: TransactionTable, key: String) throws {
        let acc = try t.require("ACCESSION_NUMBER"), sk = try t.require(key), code = try t.require("TRANS_CODE")
        let date = try t.require("TRANS_DATE"), shares = try t.require("TRANS_SHARES"), price = try t.require("TRANS_PRICEPERSHARE")
        let title = t.optional("SECURITY_TITLE"), ad = t.optional("TRANS_ACQUIRED_DISP_CD")
        let after = t.optional("SHRS_OWND_FOLWNG_TRANS"), direct = t.optional("DIRECT_INDIRECT_OWNERSHIP")
        // Every `*_FN` column holds the footnote ids attached to its value; in header order.
        let footnoteColumns = t.columns.filter { $0.key.hasSuffix("_FN") }.map(\.value).sorted()
        for i in 0..<t.count {
            let f = t.fields(i)
            let accession = f.text(acc)
            guard let at = index[accession] else { continue }
            let keyText = f.text(sk)
            guard let surrogate = Int64(keyText) else {
                throw DataSetError(origin: t.origin, line: f.line, column: key, reason: "\"\(keyText.prefix(40))\" is not a whole number")
            }
            var ids: [String] = []
            for c in footnoteColumns {
                for id in f.text(c).split(whereSeparator: { $0 == "," || $0 == " " || $0 == ";" }) where !ids.contains(String(id)) {
                    ids.append(String(id))
                }
            }
            let notes = footnotes[accession]
            let plan = filings[at].aff10b5One == true || ids.contains { notes?[$0].map(statesRule10b5_1Plan) ?? false }
            let transaction = StoredTransaction(
                table: table, row: 0, securityTitle: f.nonEmpty(title), tradeDate: try f.day(date, "TRANS_DATE"),
                code: f.text(code).uppercased(), shares: try f.decimal(shares, "TRANS_SHARES"),
                price: try f.decimal(price, "TRANS_PRICEPERSHARE"), acquiredDisposed: f.nonEmpty(ad),
                sharesOwnedAfter: try after.flatMap { try f.decimal($0, "SHRS_OWND_FOLWNG_TRANS") },
                directIndirect: f.nonEmpty(direct), footnoteIds: ids, rule10b5_1: plan)
            pending[at, default: []].append((surrogate, f.line, transaction))
        }
        for (at, rows) in pending {
            let ordered = rows.sorted { ($0.key, $0.line) < ($1.key, $1.line) }
            for (n, row) in ordered.enumerated() {
                var t = row.transaction
                t.row = n + 1
                filings[at].transactions.append(t)
            }
        }
        pending = [:]
    }

    func finish() -> [StoredFiling] { filings }
}
