import Foundation
import InsiderCore
import ZIPFoundation
@testable import InsiderClusters

/// SEC's bulk data as the trade store's tests need it: two quarters' data-set ZIPs (one in each
/// of SEC's two folders, one of the old schema without `AFF10B5ONE`), a listing page, daily form
/// indexes that list each filing once per party, and the full submissions they point at.
/// Every figure is chosen so that the expected answers can be computed by hand (see the tests).
final class BulkWorld: @unchecked Sendable {
    let lock = NSLock()
    var files: [String: CannedResponse] = [:]
    /// Paths that answer 500 until cleared (a source that breaks mid-run).
    var failing: Set<String> = []

    static let submissionHeader = "ACCESSION_NUMBER|FILING_DATE|PERIOD_OF_REPORT|DATE_OF_ORIG_SUB|NO_SECURITIES_OWNED|NOT_SUBJECT_SEC16|FORM3_HOLDINGS_REPORTED|FORM4_TRANS_REPORTED|DOCUMENT_TYPE|ISSUERCIK|ISSUERNAME|ISSUERTRADINGSYMBOL|REMARKS|AFF10B5ONE"
    static let ownerHeader = "ACCESSION_NUMBER|RPTOWNERCIK|RPTOWNERNAME|RPTOWNER_RELATIONSHIP|RPTOWNER_TITLE|RPTOWNER_TXT|RPTOWNER_STREET1|RPTOWNER_STREET2|RPTOWNER_CITY|RPTOWNER_STATE|RPTOWNER_ZIPCODE|RPTOWNER_STATE_DESC|FILE_NUMBER"
    static let nonDerivHeader = "ACCESSION_NUMBER|NONDERIV_TRANS_SK|SECURITY_TITLE|SECURITY_TITLE_FN|TRANS_DATE|TRANS_DATE_FN|DEEMED_EXECUTION_DATE|DEEMED_EXECUTION_DATE_FN|TRANS_FORM_TYPE|TRANS_CODE|EQUITY_SWAP_INVOLVED|EQUITY_SWAP_TRANS_CD_FN|TRANS_TIMELINESS|TRANS_TIMELINESS_FN|TRANS_SHARES|TRANS_SHARES_FN|TRANS_PRICEPERSHARE|TRANS_PRICEPERSHARE_FN|TRANS_ACQUIRED_DISP_CD|TRANS_ACQUIRED_DISP_CD_FN|SHRS_OWND_FOLWNG_TRANS|SHRS_OWND_FOLWNG_TRANS_FN|VALU_OWND_FOLWNG_TRANS|VALU_OWND_FOLWNG_TRANS_FN|DIRECT_INDIRECT_OWNERSHIP|DIRECT_INDIRECT_OWNERSHIP_FN|NATURE_OF_OWNERSHIP|NATURE_OF_OWNERSHIP_FN"
    static let derivHeader = "ACCESSION_NUMBER|DERIV_TRANS_SK|SECURITY_TITLE|SECURITY_TITLE_FN|CONV_EXERCISE_PRICE|CONV_EXERCISE_PRICE_FN|TRANS_DATE|TRANS_DATE_FN|DEEMED_EXECUTION_DATE|DEEMED_EXECUTION_DATE_FN|TRANS_FORM_TYPE|TRANS_CODE|EQUITY_SWAP_INVOLVED|EQUITY_SWAP_TRANS_CD_FN|TRANS_TIMELINESS|TRANS_TIMELINESS_FN|TRANS_SHARES|TRANS_SHARES_FN|TRANS_TOTAL_VALUE|TRANS_TOTAL_VALUE_FN|TRANS_PRICEPERSHARE|TRANS_PRICEPERSHARE_FN|TRANS_ACQUIRED_DISP_CD|TRANS_ACQUIRED_DISP_CD_FN|EXCERCISE_DATE|EXCERCISE_DATE_FN|EXPIRATION_DATE|EXPIRATION_DATE_FN|UNDLYNG_SEC_TITLE|UNDLYNG_SEC_TITLE_FN|UNDLYNG_SEC_SHARES|UNDLYNG_SEC_SHARES_FN|UNDLYNG_SEC_VALUE|UNDLYNG_SEC_VALUE_FN|SHRS_OWND_FOLWNG_TRANS|SHRS_OWND_FOLWNG_TRANS_FN|VALU_OWND_FOLWNG_TRANS|VALU_OWND_FOLWNG_TRANS_FN|DIRECT_INDIRECT_OWNERSHIP|DIRECT_INDIRECT_OWNERSHIP_FN|NATURE_OF_OWNERSHIP|NATURE_OF_OWNERSHIP_FN"
    static let footnoteHeader = "ACCESSION_NUMBER|FOOTNOTE_ID|FOOTNOTE_TXT"

    /// A TSV member: the header, then each row's named cells (the rest empty).
    static func tsv(_ header: String, _ rows: [[String: String]], dropColumn: String? = nil) -> String {
        let columns = header.split(separator: "|").map(String.init).filter { $0 != dropColumn }
        return ([columns.joined(separator: "\t")] + rows.map { row in columns.map { row[$0] ?? "" }.joined(separator: "\t") })
            .joined(separator: "\n") + "\n"
    }

    static func submission(_ acc: String, _ filed: String, _ type: String, issuer: String, name: String, ticker: String,
                           original: String = "", aff: String = "0") -> [String: String] {
        ["ACCESSION_NUMBER": acc, "FILING_DATE": filed, "PERIOD_OF_REPORT": filed, "DATE_OF_ORIG_SUB": original, "DOCUMENT_TYPE": type,
         "ISSUERCIK": issuer, "ISSUERNAME": name, "ISSUERTRADINGSYMBOL": ticker, "AFF10B5ONE": aff]
    }

    static func owner(_ acc: String, _ cik: String, _ name: String, _ relation: String, title: String = "", text: String = "") -> [String: String] {
        ["ACCESSION_NUMBER": acc, "RPTOWNERCIK": cik, "RPTOWNERNAME": name, "RPTOWNER_RELATIONSHIP": relation,
         "RPTOWNER_TITLE": title, "RPTOWNER_TXT": text]
    }

    static func trade(_ acc: String, sk: String, _ code: String, _ date: String, _ shares: String, _ price: String,
                      priceFN: String = "", sharesFN: String = "", derivative: Bool = false) -> [String: String] {
        [ "ACCESSION_NUMBER": acc, (derivative ? "DERIV_TRANS_SK" : "NONDERIV_TRANS_SK"): sk,
          "SECURITY_TITLE": derivative ? "Stock Option" : "Common Stock", "TRANS_DATE": date, "TRANS_FORM_TYPE": "4",
          "TRANS_CODE": code, "TRANS_SHARES": shares, "TRANS_SHARES_FN": sharesFN, "TRANS_PRICEPERSHARE": price,
          "TRANS_PRICEPERSHARE_FN": priceFN, "TRANS_ACQUIRED_DISP_CD": code == "S" ? "D" : "A",
          "SHRS_OWND_FOLWNG_TRANS": "5000", "DIRECT_INDIRECT_OWNERSHIP": "D" ]
    }

    /// 2026q1: amendments, a joint filing, a footnote-only price, 10b5-1 by box and by footnote.
    static func quarter2026q1(corruptNumber: Bool = false, dropColumn: String? = nil) -> [String: String] {
        let s = [
            submission("0000001001-26-000001", "10-MAR-2026", "4", issuer: "1001", name: "Acme Corp", ticker: "ACME"),
            submission("0000001001-26-000002", "20-MAR-2026", "4/A", issuer: "1001", name: "Acme Corp", ticker: "ACME", original: "10-MAR-2026"),
            submission("0000001001-26-000003", "12-MAR-2026", "4", issuer: "1001", name: "Acme Corp", ticker: "ACME", aff: ""),
            submission("0000001001-26-000004", "16-MAR-2026", "4", issuer: "1001", name: "Acme Corp", ticker: "ACME", aff: "1"),
            submission("0000001002-26-000010", "02-FEB-2026", "4", issuer: "1002", name: "Beta Inc", ticker: "BETA"),
            submission("0000001002-26-000011", "05-FEB-2026", "4/A", issuer: "1002", name: "Beta Inc", ticker: "BETA", original: "02-FEB-2026"),
            submission("0000001002-26-000012", "09-FEB-2026", "4/A", issuer: "1002", name: "Beta Inc", ticker: "BETA", original: "02-FEB-2026"),
            submission("0000001002-26-000020", "20-FEB-2026", "4/A", issuer: "1002", name: "Beta Inc", ticker: "BETA", original: "13-FEB-2026"),
            submission("0000001002-26-000030", "20-FEB-2026", "3", issuer: "1002", name: "Beta Inc", ticker: "BETA"),
        ]
        let o = [
            owner("0000001001-26-000001", "2001", "Smith Jane", "Officer", title: "CEO"),
            owner("0000001001-26-000002", "2001", "Smith Jane", "Officer", title: "CEO"),
            owner("0000001001-26-000003", "2002", "Doe John", "Director"),
            owner("0000001001-26-000004", "2003", "Big Fund LP", "TenPercentOwner"),
            owner("0000001001-26-000004", "2004", "Big Fund Trust", "Other", text: "Trust managed by Big Fund"),
            owner("0000001002-26-000010", "2002", "Doe John", "Director"),
            owner("0000001002-26-000011", "2002", "Doe John", "Director"),
            owner("0000001002-26-000012", "2002", "Doe John", "Director"),
            owner("0000001002-26-000020", "2003", "Big Fund LP", "TenPercentOwner"),
            owner("0000001002-26-000030", "2003", "Big Fund LP", "TenPercentOwner"),
        ]
        let n = [
            trade("0000001001-26-000001", sk: "11", "P", "09-MAR-2026", "100", "10.00"),
            trade("0000001001-26-000003", sk: "13", "P", "11-MAR-2026", "10", "", priceFN: "F1"),
            trade("0000001001-26-000003", sk: "12", "P", "11-MAR-2026", "200", corruptNumber ? "10,50" : "10.50"),
            trade("0000001001-26-000004", sk: "14", "P", "13-MAR-2026", "1000", "11"),
            trade("0000001002-26-000010", sk: "15", "P", "30-JAN-2026", "100", "20"),
            trade("0000001002-26-000011", sk: "16", "P", "30-JAN-2026", "110", "20"),
            trade("0000001002-26-000012", sk: "17", "P", "31-JAN-2026", "120", "20"),
            trade("0000001002-26-000020", sk: "18", "S", "12-FEB-2026", "500", "21", sharesFN: "F1"),
        ]
        let d = [
            trade("0000001001-26-000001", sk: "21", "M", "09-MAR-2026", "50", "5", derivative: true),
            trade("0000001001-26-000002", sk: "22", "M", "09-MAR-2026", "60", "5", derivative: true),
        ]
        let f = [
            ["ACCESSION_NUMBER": "0000001001-26-000003", "FOOTNOTE_ID": "F1", "FOOTNOTE_TXT": "The price is reported in footnote form only."],
            ["ACCESSION_NUMBER": "0000001002-26-000020", "FOOTNOTE_ID": "F1", "FOOTNOTE_TXT": "Sold under a Rule 10b5-1 trading plan adopted May 1, 2025."],
        ]
        return [
            "SUBMISSION.tsv": tsv(submissionHeader, s, dropColumn: dropColumn), "REPORTINGOWNER.tsv": tsv(ownerHeader, o),
            "NONDERIV_TRANS.tsv": tsv(nonDerivHeader, n), "DERIV_TRANS.tsv": tsv(derivHeader, d), "FOOTNOTES.tsv": tsv(footnoteHeader, f),
        ]
    }

    /// 2025q4, the old schema: no `AFF10B5ONE` column at all.
    static func quarter2025q4() -> [String: String] {
        [
            "SUBMISSION.tsv": tsv(submissionHeader, [submission("0000001001-25-000100", "15-DEC-2025", "4", issuer: "1001", name: "Acme Corp", ticker: "ACME")],
                                  dropColumn: "AFF10B5ONE"),
            "REPORTINGOWNER.tsv": tsv(ownerHeader, [owner("0000001001-25-000100", "2001", "Smith Jane", "Director,Officer", title: "CEO")]),
            "NONDERIV_TRANS.tsv": tsv(nonDerivHeader, [trade("0000001001-25-000100", sk: "1", "S", "12-DEC-2025", "100", "9")]),
            "DERIV_TRANS.tsv": tsv(derivHeader, []), "FOOTNOTES.tsv": tsv(footnoteHeader, []),
        ]
    }

    /// A ZIP of `members`, deflated, made in memory.
    static func zip(_ members: [String: String]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (name, text) in members.sorted(by: { $0.key < $1.key }) {
            let bytes = Data(text.utf8)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data!
    }

    static let oldFolder = "/files/structureddata/data/insider-transactions-data-sets"
    static let newFolder = "/files/datastandardsinnovation/data/insider-transactions-data-sets"

    static func listing(_ links: [String]) -> String {
        "<html><body><h1>Insider Transactions Data Sets</h1><table>" + links.map {
            "<tr><td><a href=\"\($0)\">\(($0 as NSString).lastPathComponent)</a></td></tr>"
        }.joined() + "</table></body></html>"
    }

    /// A full submission (`.txt`) around a Form 4 XML.
    static func submissionText(accession: String, accepted: String, issuerCIK: String, issuer: String, ticker: String,
                               ownerCIK: String, owner: String, relation: String, code: String, date: String, shares: String, price: String) -> String {
        """
        <SEC-DOCUMENT>\(accession).txt : \(accepted.prefix(8))
        <SEC-HEADER>\(accession).hdr.sgml : \(accepted.prefix(8))
        <ACCEPTANCE-DATETIME>\(accepted)
        ACCESSION NUMBER:\t\t\(accession)
        CONFORMED SUBMISSION TYPE:\t4
        </SEC-HEADER>
        <DOCUMENT>
        <TYPE>4
        <TEXT>
        <XML>
        <?xml version="1.0"?>
        <ownershipDocument>
        <schemaVersion>X0508</schemaVersion>
        <documentType>4</documentType>
        <periodOfReport>\(date)</periodOfReport>
        <issuer><issuerCik>\(issuerCIK)</issuerCik><issuerName>\(issuer)</issuerName><issuerTradingSymbol>\(ticker)</issuerTradingSymbol></issuer>
        <reportingOwner><reportingOwnerId><rptOwnerCik>\(ownerCIK)</rptOwnerCik><rptOwnerName>\(owner)</rptOwnerName></reportingOwnerId>
        <reportingOwnerRelationship>\(relation)</reportingOwnerRelationship></reportingOwner>
        <aff10b5One>0</aff10b5One>
        <nonDerivativeTable><nonDerivativeTransaction>
        <securityTitle><value>Common Stock</value></securityTitle>
        <transactionDate><value>\(date)</value></transactionDate>
        <transactionCoding><transactionFormType>4</transactionFormType><transactionCode>\(code)</transactionCode><equitySwapInvolved>0</equitySwapInvolved></transactionCoding>
        <transactionAmounts><transactionShares><value>\(shares)</value></transactionShares><transactionPricePerShare><value>\(price)</value></transactionPricePerShare><transactionAcquiredDisposedCode><value>A</value></transactionAcquiredDisposedCode></transactionAmounts>
        <postTransactionAmounts><sharesOwnedFollowingTransaction><value>9000</value></sharesOwnedFollowingTransaction></postTransactionAmounts>
        <ownershipNature><directOrIndirectOwnership><value>D</value></directOrIndirectOwnership></ownershipNature>
        </nonDerivativeTransaction></nonDerivativeTable>
        </ownershipDocument>
        </XML>
        </TEXT>
        </DOCUMENT>
        </SEC-DOCUMENT>
        """
    }

    static func indexLine(_ form: String, _ company: String, _ cik: String, _ date: String, _ path: String) -> String {
        func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s + " " : s + String(repeating: " ", count: n - s.count) }
        return pad(form, 12) + pad(company, 62) + pad(cik, 12) + pad(date, 12) + path
    }

    static func dailyIndex(_ lines: [String]) -> String {
        """
        Description:           Daily Index of EDGAR Dissemination Feed by Form Type
        Last Data Received:    Apr 6, 2026
        Comments:              webmaster@sec.gov
         
        Form Type   Company Name                                                  CIK         Date Filed  File Name
        ---------------------------------------------------------------------------------------------------------------------------------------------
        \(lines.joined(separator: "\n"))

        """
    }

    /// The standard world: both quarters published, indexes for 2026-03-31 and 2026-04-06.
    init(q1: [String: String] = BulkWorld.quarter2026q1()) throws {
        let zipQ4 = try BulkWorld.zip(BulkWorld.quarter2025q4())
        let zipQ1 = try BulkWorld.zip(q1)
        let e1 = "0000001001-26-000050", e2 = "0000001002-26-000051"
        files = [
            "/data-research/sec-markets-data/insider-transactions-data-sets": .text(200, BulkWorld.listing([
                "https://www.sec.gov\(BulkWorld.newFolder)/2026q1_form345.zip", "\(BulkWorld.oldFolder)/2025q4_form345.zip",
            ])),
            "\(BulkWorld.oldFolder)/2025q4_form345.zip": CannedResponse(status: 200, headers: [("Content-Type", "application/zip"), ("ETag", "\"q4-v1\"")], body: Array(zipQ4)),
            "\(BulkWorld.newFolder)/2026q1_form345.zip": CannedResponse(status: 200, headers: [("Content-Type", "application/zip"), ("ETag", "\"q1-v1\"")], body: Array(zipQ1)),
            "/Archives/edgar/daily-index/2026/QTR1/form.20260331.idx": .text(200, BulkWorld.dailyIndex([
                BulkWorld.indexLine("4", "Acme Corp", "1001", "20260331", "edgar/data/1001/0000001001-26-000004.txt"),
                BulkWorld.indexLine("4", "Big Fund LP", "2003", "20260331", "edgar/data/2003/0000001001-26-000004.txt"),
            ]), contentType: "text/plain"),
            "/Archives/edgar/daily-index/2026/QTR2/form.20260406.idx": .text(200, BulkWorld.dailyIndex([
                BulkWorld.indexLine("10-K", "Acme Corp", "1001", "20260406", "edgar/data/1001/0000001001-26-000049.txt"),
                BulkWorld.indexLine("4", "Acme Corp", "1001", "20260406", "edgar/data/1001/\(e1).txt"),
                BulkWorld.indexLine("4", "Smith Jane", "2001", "20260406", "edgar/data/2001/\(e1).txt"),
                BulkWorld.indexLine("4", "Beta Inc", "1002", "20260406", "edgar/data/1002/\(e2).txt"),
                BulkWorld.indexLine("4", "Big Fund LP", "2003", "20260406", "edgar/data/2003/\(e2).txt"),
            ]), contentType: "text/plain"),
            "/Archives/edgar/data/1001/\(e1).txt": .text(200, BulkWorld.submissionText(
                accession: e1, accepted: "20260406183000", issuerCIK: "0000001001", issuer: "Acme Corp", ticker: "ACME",
                ownerCIK: "0000002001", owner: "Smith Jane", relation: "<isOfficer>1</isOfficer><officerTitle>CEO</officerTitle>",
                code: "P", date: "2026-04-02", shares: "10", price: "12"), contentType: "text/plain"),
            "/Archives/edgar/data/1002/\(e2).txt": .text(200, BulkWorld.submissionText(
                accession: e2, accepted: "20260406190000", issuerCIK: "0000001002", issuer: "Beta Inc", ticker: "BETA",
                ownerCIK: "0000002003", owner: "Big Fund LP", relation: "<isTenPercentOwner>1</isTenPercentOwner>",
                code: "P", date: "2026-04-03", shares: "300", price: "22"), contentType: "text/plain"),
        ]
    }

    func set(_ path: String, _ response: CannedResponse) { lock.withLock { files[path] = response } }
    func fail(_ path: String, _ on: Bool) { lock.withLock { if on { failing.insert(path) } else { failing.remove(path) } } }

    func respond(_ req: RecordedRequest) -> CannedResponse {
        lock.withLock {
            if failing.contains(req.path) { return .text(500, "server error", contentType: "text/plain") }
            guard let r = files[req.path] else { return .text(404, "<Error><Code>NoSuchKey</Code></Error>", contentType: "application/xml") }
            if let etag = r.headers.first(where: { $0.0 == "ETag" })?.1, req.headers["if-none-match"] == etag {
                return CannedResponse(status: 304, headers: [("ETag", etag)], body: [])
            }
            return r
        }
    }

    /// A server for this world.
    func serve() throws -> TestHTTPServer { try TestHTTPServer { [self] req in self.respond(req) } }

    /// The environment for the CLI against `server`.
    static func env(_ server: TestHTTPServer, storage: URL, extra: [String: String] = [:]) -> [String: String] {
        ["SEC_BASE_URL": server.baseURL, "SEC_DATA_BASE_URL": server.baseURL, "SEC_USER_AGENT": "insider-clusters tests test@example.com",
         "APIFY_LOCAL_STORAGE_DIR": storage.path, "SEC_RPS": "10", "HTTP_BACKOFF_MS": "20", "HTTP_MAX_RETRIES": "1"].merging(extra) { $1 }
    }
}
