import EdgarForm4
import Foundation
import Testing

/// What one fixture holds, read from its XML by hand: document fields, every owner, and the
/// first (and last, and first derivative) transaction rows and first holding rows field by field.
/// Row indexes are positions in `Form4Document.transactions` / `.holdings` (non-derivative first).
struct FixtureCase: Sendable, CustomTestStringConvertible {
    var file: String
    var schema: String?, type: String, period: String?, original: String?, notSubject: Bool?
    var issuer: (cik: String, name: String?, ticker: String?)
    var aff10b5One: Bool?, accession: String?, acceptance: String?
    var counts: (transactions: Int, holdings: Int, footnotes: Int)
    var hasRemarks: Bool
    var owners: [O]
    var transactions: [(Int, T)]
    var holdings: [(Int, H)]

    init(_ file: String, schema: String?, type: String, period: String?, original: String?, notSubject: Bool?,
         issuer: (String, String?, String?), aff10b5One: Bool?, accession: String?, acceptance: String?,
         counts: (transactions: Int, holdings: Int, footnotes: Int), hasRemarks: Bool,
         owners: [O], transactions: [(Int, T)], holdings: [(Int, H)]) {
        self.file = file; self.schema = schema; self.type = type; self.period = period; self.original = original
        self.notSubject = notSubject; self.issuer = (issuer.0, issuer.1, issuer.2); self.aff10b5One = aff10b5One
        self.accession = accession; self.acceptance = acceptance; self.counts = counts; self.hasRemarks = hasRemarks
        self.owners = owners; self.transactions = transactions; self.holdings = holdings
    }

    var testDescription: String { file }
}

let fixtureCases: [FixtureCase] = [
    FixtureCase(
        "4A_amendment_APT_X0609_nonUS_address_full_submission_0001258134-26-000004.txt",
        schema: "X0609", type: "4/A", period: "2023-09-28", original: "2023-10-02", notSubject: nil,
        issuer: ("0000884269", "ALPHA PRO TECH LTD", "APT"), aff10b5One: false, accession: "0001258134-26-000004", acceptance: "20260929165737",
        counts: (transactions: 1, holdings: 0, footnotes: 1), hasRemarks: true,
        owners: [
            O("0001258134", "HOFFMAN LLOYD", true, true, false, false, "CEO AND PRESIDENT", nil),
        ],
        transactions: [
            (0, T(.nonDerivative, "common stock", "2023-09-28", "A", "4", d("50000"), d("0"), "A", d("122505"), "D", nil, ["F1"], false)),
        ],
        holdings: []),
    FixtureCase(
        "A_D_J_M_mixed_codes_AUR_Hoffman_X0306_0000899243-21-043382.xml",
        schema: "X0306", type: "4", period: "2021-11-03", original: nil, notSubject: false,
        issuer: ("0001828108", "Aurora Innovation, Inc.", "AUR"), aff10b5One: nil, accession: nil, acceptance: nil,
        counts: (transactions: 10, holdings: 0, footnotes: 13), hasRemarks: false,
        owners: [
            O("0001519339", "Hoffman Reid", true, false, false, false, nil, nil),
        ],
        transactions: [
            (0, T(.nonDerivative, "Class A Common Stock", "2021-11-03", "A", "4", d("1000000"), d("10.00"), "A", d("1000000"), "I", "See Footnote", ["F1"], false)),
            (2, T(.nonDerivative, "Class A Common Stock", "2021-11-03", "A", "4", d("674719"), nil, "A", d("674719"), "I", "See Footnote", ["F5"], false)),
            (3, T(.derivative, "Class B Ordinary Shares", "2021-11-03", "D", "4", d("17434414"), nil, "D", d("6883086"), "I", "See Footnote", ["F6", "F2"], false, conv: nil, under: "Class A Common Stock", underShares: d("17434414"))),
        ],
        holdings: []),
    FixtureCase(
        "A_F_4rows_COO_AOSL_Li_X0508_full_submission_0001387467-25-000038.txt",
        schema: "X0508", type: "4", period: "2025-03-17", original: nil, notSubject: false,
        issuer: ("0001387467", "ALPHA & OMEGA SEMICONDUCTOR Ltd", "AOSL"), aff10b5One: false, accession: "0001387467-25-000038", acceptance: "20250318201408",
        counts: (transactions: 4, holdings: 0, footnotes: 7), hasRemarks: false,
        owners: [
            O("0001878542", "Li Wenjun", false, true, false, false, "Chief Operating Officer", nil),
        ],
        transactions: [
            (0, T(.nonDerivative, "Common Share", "2025-03-17", "A", "4", d("10000"), d("0"), "A", d("69064"), "D", nil, ["F1", "F2", "F3", "F4"], false)),
            (3, T(.nonDerivative, "Common Share", "2025-03-17", "A", "4", d("10000"), d("0"), "A", d("74213"), "D", nil, ["F7", "F2", "F3", "F4"], false)),
        ],
        holdings: []),
    FixtureCase(
        "A_F_award_and_tax_withholding_RUM_Sacks_X0508_aff0_0001213900-24-053550.xml",
        schema: "X0508", type: "4", period: "2024-06-14", original: nil, notSubject: false,
        issuer: ("0001830081", "Rumble Inc.", "RUM"), aff10b5One: false, accession: nil, acceptance: nil,
        counts: (transactions: 2, holdings: 0, footnotes: 2), hasRemarks: false,
        owners: [
            O("0001891801", "Sacks David O", true, false, false, false, nil, nil),
        ],
        transactions: [
            (0, T(.nonDerivative, "Class A Common Stock, par value $0.0001 per share", "2024-06-14", "F", "4", d("16309"), d("5.76"), "D", d("535797"), "D", nil, ["F1"], false)),
            (1, T(.nonDerivative, "Class A Common Stock, par value $0.0001 per share", "2024-06-14", "A", "4", d("35587"), d("0"), "A", d("571384"), "D", nil, ["F2"], false)),
        ],
        holdings: []),
    FixtureCase(
        "A_M_derivative_only_director_ZNGA_Hoffman_X0304_0001209191-11-061699.xml",
        schema: "X0304", type: "4", period: "2011-12-15", original: nil, notSubject: false,
        issuer: ("0001439404", "ZYNGA INC", "ZNGA"), aff10b5One: nil, accession: nil, acceptance: nil,
        counts: (transactions: 3, holdings: 0, footnotes: 4), hasRemarks: false,
        owners: [
            O("0001519339", "Hoffman Reid", true, false, false, false, nil, nil),
        ],
        transactions: [
            (0, T(.derivative, "Restricted Stock Unit", "2011-12-15", "A", "4", d("1474432"), d("0.00"), "A", d("1474432"), "D", nil, ["F1", "F2", "F3"], false, conv: d("0.00"), under: "Class B Common Stock", underShares: d("1474432"))),
        ],
        holdings: []),
    FixtureCase(
        "A_M_derivative_price_footnote_only_17_holdings_PLTR_Thiel_X0306_0000899243-21-018773.xml",
        schema: "X0306", type: "4", period: "2021-05-05", original: nil, notSubject: false,
        issuer: ("0001321655", "Palantir Technologies Inc.", "PLTR"), aff10b5One: nil, accession: nil, acceptance: nil,
        counts: (transactions: 3, holdings: 22, footnotes: 21), hasRemarks: false,
        owners: [
            O("0001211060", "THIEL PETER", true, false, false, false, nil, nil),
        ],
        transactions: [
            (0, T(.nonDerivative, "Class A Common Stock", "2021-05-05", "M", "4", d("3262"), nil, "A", d("3262"), "I", "See Footnote", ["F1", "F2", "F3"], false)),
            (1, T(.derivative, "Class B Common Stock", "2021-05-05", "A", "4", d("3262"), d("0.00"), "A", d("3262"), "I", "See Footnote", ["F2", "F21", "F3"], false, conv: nil, under: "Class A Common Stock", underShares: d("3262"))),
        ],
        holdings: [
            (0, H(.nonDerivative, "Class A Common Stock", d("3844639"), "D", nil, ["F4"])),
            (17, H(.derivative, "Class B Common Stock", d("13031306"), "D", nil, ["F2", "F4"])),
        ]),
    FixtureCase(
        "A_RSU_award_CTO_bool_true_false_SCWO_X0508.xml",
        schema: "X0508", type: "4", period: "2025-04-30", original: nil, notSubject: nil,
        issuer: ("0000933972", "374Water Inc.", "SCWO"), aff10b5One: false, accession: nil, acceptance: nil,
        counts: (transactions: 2, holdings: 0, footnotes: 1), hasRemarks: false,
        owners: [
            O("0002064133", "Melkote Rajesh Ramaswamy", false, true, false, false, "Chief Technology Officer", nil),
        ],
        transactions: [
            (0, T(.nonDerivative, "Common Stock (restricted stock units)", "2025-04-30", "A", "4", d("757756"), d("0"), "A", d("757756"), "D", nil, ["F1"], false)),
            (1, T(.derivative, "Stock options (right to buy)", "2025-04-30", "A", "4", d("757576"), d("0"), "A", d("757756"), "D", nil, ["F1"], false, conv: d("0.33"), under: "Common Stock", underShares: d("757576"))),
        ],
        holdings: []),
    FixtureCase(
        "A_RSU_grant_derivative_only_Chief_Digital_Tech_Officer_JBLU_X0508_full_submission_0001158463-25-000044.txt",
        schema: "X0508", type: "4", period: "2025-03-10", original: nil, notSubject: false,
        issuer: ("0001158463", "JETBLUE AIRWAYS CORP", "JBLU"), aff10b5One: false, accession: "0001158463-25-000044", acceptance: "20250312215740",
        counts: (transactions: 1, holdings: 0, footnotes: 2), hasRemarks: false,
        owners: [
            O("0001858380", "Clements Carol Ann", false, true, false, false, "Chief Digital & Tech Officer", nil),
        ],
        transactions: [
            (0, T(.derivative, "Restricted Stock Units", "2025-03-10", "A", "4", d("110474"), nil, "A", d("294910"), "D", nil, ["F1", "F2"], false, conv: nil, under: "Common Stock", underShares: d("110474"))),
        ],
        holdings: []),
    FixtureCase(
        "A_award_officerTitle_See_Remarks_TSVT_X0508_nc_format_0001562180-25-000280.nc",
        schema: "X0508", type: "4", period: "2025-01-06", original: nil, notSubject: false,
        issuer: ("0001860782", "2seventy bio, Inc.", "TSVT"), aff10b5One: false, accession: "0001562180-25-000280", acceptance: nil,
        counts: (transactions: 2, holdings: 0, footnotes: 2), hasRemarks: true,
        owners: [
            O("0002009134", "Snow Jessica", false, true, false, false, "See Remarks", nil),
        ],
        transactions: [
            (0, T(.nonDerivative, "Common Stock", "2025-01-06", "A", "4", d("106150.00"), d("0.00"), "A", d("253329.00"), "D", nil, ["F1"], false)),
            (1, T(.derivative, "Stock Option (Right to buy)", "2025-01-06", "A", "4", d("70750.00"), d("0.00"), "A", d("70750.00"), "D", nil, ["F2"], false, conv: d("2.64"), under: "Common Stock", underShares: d("70750.00"))),
        ],
        holdings: []),
    FixtureCase(
        "C_F_S_X_IPO_era_TSLA_Musk_X0303_officerTitle_Pres_Prod_Architect_0001181431-10-035864.xml",
        schema: "X0303", type: "4", period: "2010-07-02", original: nil, notSubject: false,
        issuer: ("0001318605", "TESLA MOTORS INC", "TSLA"), aff10b5One: nil, accession: nil, acceptance: nil,
        counts: (transactions: 11, holdings: 0, footnotes: 3), hasRemarks: false,
        owners: [
            O("0001494730", "Musk Elon", true, true, true, false, "Pres,Prod Architect & Director", nil),
        ],
        transactions: [
            (0, T(.nonDerivative, "Common Stock", "2010-07-02", "C", "4", d("20655342"), nil, "A", d("23322008"), "I", "By trust", ["F1"], false)),
            (4, T(.nonDerivative, "Common Stock", "2010-07-02", "S", "4", d("1415167"), d("17.00"), "D", d("25699596"), "I", "By trust", [], false)),
            (5, T(.derivative, "Series A Preferred Stock", "2010-07-02", "C", "4", d("4880343"), nil, "D", d("0"), "I", "By Trust", ["F1"], false, conv: nil, under: "Common Stock", underShares: d("1626781"))),
        ],
        holdings: []),
    FixtureCase(
        "C_F_X_large_derivative_table_PLTR_Thiel_X0306_0000899243-21-019441.xml",
        schema: "X0306", type: "4", period: "2021-05-11", original: nil, notSubject: false,
        issuer: ("0001321655", "Palantir Technologies Inc.", "PLTR"), aff10b5One: nil, accession: nil, acceptance: nil,
        counts: (transactions: 10, holdings: 24, footnotes: 30), hasRemarks: false,
        owners: [
            O("0001211060", "THIEL PETER", true, false, true, false, nil, nil),
        ],
        transactions: [
            (0, T(.nonDerivative, "Class A Common Stock", "2021-05-11", "C", "4", d("391269"), nil, "A", d("0"), "I", "See Footnote", ["F1", "F2", "F3", "F4"], true)),
            (1, T(.nonDerivative, "Class A Common Stock", "2021-05-11", "C", "4", d("125599"), nil, "A", d("0"), "I", "See Footnote", ["F1", "F2", "F3", "F5"], true)),
            (2, T(.derivative, "Class B Common Stock Warrant (Right to buy)", "2021-05-11", "X", "4", d("536445"), d("0.00"), "D", d("0"), "I", "See Footnote", ["F24", "F25", "F26"], true, conv: d("6.13"), under: "Class B Common Stock (2)", underShares: d("536445"))),
        ],
        holdings: [
            (0, H(.nonDerivative, "Class A Common Stock", d("5413781"), "D", nil, ["F3"])),
            (18, H(.derivative, "Class B Common Stock Warrant (Right to buy)", d("4502447"), "I", "See Footnote", ["F28", "F29", "F30"])),
        ]),
    FixtureCase(
        "C_G_S_2_owners_person_plus_trust_LNKD_Hoffman_X0305_0001209191-12-022044.xml",
        schema: "X0305", type: "4", period: "2012-04-02", original: nil, notSubject: false,
        issuer: ("0001271024", "LINKEDIN CORP", "LNKD"), aff10b5One: nil, accession: nil, acceptance: nil,
        counts: (transactions: 7, holdings: 0, footnotes: 6), hasRemarks: false,
        owners: [
            O("0001519339", "Hoffman Reid", true, false, true, false, nil, nil),
            O("0001521103", "Reid Hoffman & Michelle Yee Living Trust", false, false, true, false, nil, nil),
        ],
        transactions: [
            (0, T(.nonDerivative, "Class A Common Stock", "2012-04-02", "C", "4", d("78667"), nil, "A", d("78667"), "I", "See footnote", ["F1", "F2", "F3", "F4"], false)),
            (4, T(.nonDerivative, "Class A Common Stock", "2012-03-27", "G", "5", d("113000"), d("0.00"), "D", d("0"), "I", "See footnote", ["F4"], false)),
            (5, T(.derivative, "Class B Common Stock", "2012-04-02", "C", "4", d("78667"), d("0.00"), "D", d("18714696"), "I", "See footnote", ["F2", "F3", "F1", "F4"], false, conv: nil, under: "Class A Common Stock", underShares: d("78667"))),
        ],
        holdings: []),
    FixtureCase(
        "C_S_18rows_officerTitle_Co-Founder_GOOG_Brin_X0306_0001127602-15-028697.xml",
        schema: "X0306", type: "4", period: "2015-10-02", original: nil, notSubject: nil,
        issuer: ("0001288776", "GOOGLE INC.", "GOOG"), aff10b5One: nil, accession: nil, acceptance: nil,
        counts: (transactions: 19, holdings: 1, footnotes: 20), hasRemarks: true,
        owners: [
            O("0001295032", "Brin Sergey", true, true, true, false, "Co-Founder", nil),
        ],
        transactions: [
            (0, T(.nonDerivative, "Class A Common Stock", "2015-10-02", "C", "4", d("16670"), d("0"), "A", d("16670"), "D", nil, ["F1"], false)),
            (17, T(.nonDerivative, "Class A Common Stock", "2015-10-02", "S", "4", d("1207"), d("656.1295"), "D", d("0"), "D", nil, ["F1", "F18"], false)),
            (18, T(.derivative, "Class B Common Stock", "2015-10-02", "C", "4", d("16670"), d("0"), "D", d("21109310"), "D", nil, ["F19", "F20"], false, conv: d("0"), under: "Class A Common Stock", underShares: d("16670"))),
        ],
        holdings: [
            (0, H(.nonDerivative, "Class C Capital Stock", d("21169379"), "D", nil, [])),
        ]),
    FixtureCase(
        "C_conversion_aff10b5One_1_PLTR_Thiel_X0508_0001209191-23-055596.xml",
        schema: "X0508", type: "4", period: "2023-11-14", original: nil, notSubject: false,
        issuer: ("0001321655", "Palantir Technologies Inc.", "PLTR"), aff10b5One: true, accession: nil, acceptance: nil,
        counts: (transactions: 2, holdings: 12, footnotes: 12), hasRemarks: false,
        owners: [
            O("0001211060", "THIEL PETER", true, false, false, false, nil, nil),
        ],
        transactions: [
            (0, T(.nonDerivative, "Class A Common Stock", "2023-11-14", "C", "4", d("3330804"), d("0.00"), "A", d("0"), "I", "See Footnote", ["F1", "F2", "F3", "F4"], true)),
            (1, T(.derivative, "Class B Common Stock", "2023-11-14", "C", "4", d("3330804"), d("0.00"), "D", d("0"), "I", "See Footnote", ["F2", "F1", "F4"], true, conv: nil, under: "Class A Common Stock", underShares: d("3330804"))),
        ],
        holdings: [
            (0, H(.nonDerivative, "Class A Common Stock", d("20823993"), "I", "See Footnote", ["F3", "F5"])),
            (8, H(.derivative, "Class B Common Stock", d("2962961"), "I", "See Footnote", ["F2", "F6", "F8"])),
        ]),
    FixtureCase(
        "FORM3_7_owners_funds_holdings_BKSY_X0206_0000899243-21-036608.xml",
        schema: "X0206", type: "3", period: "2021-09-09", original: nil, notSubject: nil,
        issuer: ("0001753539", "BlackSky Technology Inc.", "BKSY"), aff10b5One: nil, accession: nil, acceptance: nil,
        counts: (transactions: 0, holdings: 2, footnotes: 4), hasRemarks: false,
        owners: [
            O("0001881891", "Mithril GP LP", false, false, true, false, nil, nil),
            O("0001552273", "Mithril LP", false, false, true, false, nil, nil),
            O("0001878230", "Mithril II UGP LLC", false, false, true, false, nil, nil),
            O("0001878232", "Mithril II GP LP", false, false, true, false, nil, nil),
            O("0001669609", "MITHRIL II LP", false, false, true, false, nil, nil),
            O("0001875614", "Royan Ajay", false, false, true, false, nil, nil),
            O("0001211060", "THIEL PETER", false, false, true, false, nil, nil),
        ],
        transactions: [],
        holdings: [
            (0, H(.nonDerivative, "Class A Common Stock", d("10386626"), "I", "See Footnote", ["F1", "F2"])),
        ]),
    FixtureCase(
        "FORM5_G_gifts_TSLA_Musk_X0306_0000899243-22-006240.xml",
        schema: "X0306", type: "5", period: "2021-12-31", original: nil, notSubject: false,
        issuer: ("0001318605", "Tesla, Inc.", "TSLA"), aff10b5One: nil, accession: nil, acceptance: nil,
        counts: (transactions: 5, holdings: 0, footnotes: 1), hasRemarks: false,
        owners: [
            O("0001494730", "Musk Elon", true, true, true, false, "CEO", nil),
        ],
        transactions: [
            (0, T(.nonDerivative, "Common Stock", "2021-11-19", "G", "5", d("2234000"), d("0.00"), "D", d("175418251"), "I", "By Trust", ["F1"], false)),
            (4, T(.nonDerivative, "Common Stock", "2021-11-29", "G", "5", d("250000"), d("0.00"), "D", d("172608251"), "I", "By Trust", ["F1"], false)),
        ],
        holdings: []),
    FixtureCase(
        "F_X_tax_withholding_option_exercise_PLTR_Thiel_X0306_10b5_footnote_0000899243-21-026830.xml",
        schema: "X0306", type: "4", period: "2021-06-28", original: nil, notSubject: false,
        issuer: ("0001321655", "Palantir Technologies Inc.", "PLTR"), aff10b5One: nil, accession: nil, acceptance: nil,
        counts: (transactions: 3, holdings: 14, footnotes: 15), hasRemarks: false,
        owners: [
            O("0001211060", "THIEL PETER", true, false, true, false, nil, nil),
        ],
        transactions: [
            (0, T(.derivative, "Class B Common Stock Warrant (Right to buy)", "2021-06-28", "X", "4", d("4502447"), d("0.00"), "D", d("0"), "I", "See Footnote", ["F12", "F13", "F14", "F15"], true, conv: d("6.13"), under: "Class B Common Stock", underShares: d("4502447"))),
        ],
        holdings: [
            (0, H(.nonDerivative, "Class A Common Stock", d("7072285"), "D", nil, ["F1"])),
            (10, H(.derivative, "Class B Common Stock", d("20849832"), "D", nil, ["F14", "F1"])),
        ]),
    FixtureCase(
        "F_tax_withholding_CEO_WDAY_Eschenbach_X0508_full_submission_0001327811-25-000050.txt",
        schema: "X0508", type: "4", period: "2025-03-05", original: nil, notSubject: false,
        issuer: ("0001327811", "Workday, Inc.", "WDAY"), aff10b5One: false, accession: "0001327811-25-000050", acceptance: "20250307182858",
        counts: (transactions: 1, holdings: 1, footnotes: 3), hasRemarks: false,
        owners: [
            O("0001409324", "Eschenbach Carl M.", true, true, false, false, "CEO", nil),
        ],
        transactions: [
            (0, T(.nonDerivative, "Class A Common Stock", "2025-03-05", "F", "4", d("11084"), d("253.63"), "D", d("627104"), "D", nil, ["F1", "F2"], false)),
        ],
        holdings: [
            (0, H(.nonDerivative, "Class A Common Stock", d("13972"), "I", "Eschenbach Family Trust dtd 4/15/2014, Carl Eschenbach Jr and Ana Eschenbach TTEE", ["F3"])),
        ]),
    FixtureCase(
        "G_gift_director_indirect_MDB_Botha_X0407_aff0_0001441816-23-000153.xml",
        schema: "X0407", type: "4", period: "2023-07-07", original: nil, notSubject: false,
        issuer: ("0001441816", "MongoDB, Inc.", "MDB"), aff10b5One: false, accession: nil, acceptance: nil,
        counts: (transactions: 2, holdings: 0, footnotes: 1), hasRemarks: false,
        owners: [
            O("0001222287", "BOTHA ROELOF", true, false, false, false, nil, nil),
        ],
        transactions: [
            (0, T(.nonDerivative, "Class A Common Stock", "2023-07-07", "G", "4", d("941"), d("0"), "D", d("715"), "D", nil, ["F1"], false)),
            (1, T(.nonDerivative, "Class A Common Stock", "2023-07-07", "G", "4", d("941"), d("0"), "A", d("244513"), "I", "By Estate Planning Vehicles", ["F1"], false)),
        ],
        holdings: []),
    FixtureCase(
        "J_other_TSLA_Musk_CEO_X0304_0001494730-12-000001.xml",
        schema: "X0304", type: "4", period: "2012-03-20", original: nil, notSubject: false,
        issuer: ("0001318605", "TESLA MOTORS INC", "TSLA"), aff10b5One: nil, accession: nil, acceptance: nil,
        counts: (transactions: 1, holdings: 0, footnotes: 1), hasRemarks: false,
        owners: [
            O("0001494730", "Musk Elon", true, true, true, false, "CEO", nil),
        ],
        transactions: [
            (0, T(.nonDerivative, "Common Stock", "2012-03-20", "J", "4", d("36274"), d("0"), "A", d("27167839"), "I", "by Trust", ["F1"], false)),
        ],
        holdings: []),
    FixtureCase(
        "J_other_merger_consideration_SQ_Botha_X0306_0000899243-18-029508.xml",
        schema: "X0306", type: "4", period: "2018-11-16", original: nil, notSubject: false,
        issuer: ("0001512673", "Square, Inc.", "SQ"), aff10b5One: nil, accession: nil, acceptance: nil,
        counts: (transactions: 2, holdings: 2, footnotes: 3), hasRemarks: false,
        owners: [
            O("0001222287", "BOTHA ROELOF", true, false, false, false, nil, nil),
        ],
        transactions: [
            (0, T(.nonDerivative, "Class A Common Stock", "2018-11-16", "J", "4", d("3465"), d("0.00"), "A", d("858081"), "I", "Sequoia Capital U.S. Growth Fund IV, L.P.", ["F2", "F3"], false)),
            (1, T(.nonDerivative, "Class A Common Stock", "2018-11-16", "J", "4", d("152"), d("0.00"), "A", d("35657"), "I", "Sequoia Capital USGF Principals Fund IV, L.P.", ["F2", "F3"], false)),
        ],
        holdings: [
            (0, H(.nonDerivative, "Class A Common Stock", d("49322"), "D", nil, [])),
        ]),
    FixtureCase(
        "M_F_RSU_vesting_President_ZIP_Travers_X0508_full_submission_0001617553-25-000024.txt",
        schema: "X0508", type: "4", period: "2025-03-15", original: nil, notSubject: false,
        issuer: ("0001617553", "ZIPRECRUITER, INC.", "ZIP"), aff10b5One: false, accession: "0001617553-25-000024", acceptance: "20250318201444",
        counts: (transactions: 9, holdings: 0, footnotes: 8), hasRemarks: false,
        owners: [
            O("0001859449", "TRAVERS DAVID", false, true, false, false, "President", nil),
        ],
        transactions: [
            (0, T(.nonDerivative, "Class A Common Stock", "2025-03-15", "M", "4", d("6250"), d("0"), "A", d("1114607"), "D", nil, [], false)),
            (4, T(.nonDerivative, "Class A Common Stock", "2025-03-15", "F", "4", d("33148"), d("5.96"), "D", d("1138960"), "D", nil, ["F1", "F2"], false)),
            (5, T(.derivative, "Restricted Stock Units", "2025-03-15", "M", "4", d("6250"), d("0"), "D", d("12500"), "D", nil, ["F3", "F4", "F5"], false, conv: d("0"), under: "Class A Common Stock", underShares: d("6250"))),
        ],
        holdings: []),
    FixtureCase(
        "M_F_S_RSU_vest_CEO_AAPL_Cook_X0306.xml",
        schema: "X0306", type: "4", period: "2019-08-24", original: nil, notSubject: false,
        issuer: ("0000320193", "Apple Inc.", "AAPL"), aff10b5One: nil, accession: nil, acceptance: nil,
        counts: (transactions: 6, holdings: 0, footnotes: 11), hasRemarks: false,
        owners: [
            O("0001214156", "COOK TIMOTHY D", true, true, false, false, "Chief Executive Officer", nil),
        ],
        transactions: [
            (0, T(.nonDerivative, "Common Stock", "2019-08-24", "M", "4", d("560000"), nil, "A", d("1414849"), "D", nil, ["F1", "F2", "F3", "F4", "F5"], false)),
            (4, T(.nonDerivative, "Common Stock", "2019-08-26", "S", "4", d("3492"), d("207.13"), "D", d("854849"), "D", nil, ["F7", "F10", "F5"], true)),
            (5, T(.derivative, "Restricted Stock Unit", "2019-08-24", "M", "4", d("560000"), nil, "D", d("1820000"), "D", nil, ["F4", "F11"], false, conv: nil, under: "Common Stock", underShares: d("560000.0"))),
        ],
        holdings: []),
    FixtureCase(
        "M_S_director_option_exercise_indirect_holding_AAPL_Levinson_X0306.xml",
        schema: "X0306", type: "4", period: "2019-08-12", original: nil, notSubject: false,
        issuer: ("0000320193", "Apple Inc.", "AAPL"), aff10b5One: nil, accession: nil, acceptance: nil,
        counts: (transactions: 3, holdings: 1, footnotes: 1), hasRemarks: false,
        owners: [
            O("0001214128", "LEVINSON ARTHUR D", true, false, false, false, nil, nil),
        ],
        transactions: [
            (0, T(.nonDerivative, "Common Stock", "2019-08-12", "M", "4", d("17500"), d("23.8257"), "A", d("1150783"), "D", nil, [], false)),
            (1, T(.nonDerivative, "Common Stock", "2019-08-12", "S", "4", d("17500"), d("201.69"), "D", d("1133283"), "D", nil, ["F1"], false)),
            (2, T(.derivative, "Director Stock Option (Right to Buy)", "2019-08-12", "M", "4", d("17500"), d("0"), "D", d("0"), "D", nil, [], false, conv: d("23.8257"), under: "Common Stock", underShares: d("17500.0"))),
        ],
        holdings: [
            (0, H(.nonDerivative, "Common Stock", d("14000"), "I", "By Spouse", [])),
        ]),
    FixtureCase(
        "M_exercise_notSubjectToSection16_JOBY_Hoffman_X0508_0001819848-24-000298.xml",
        schema: "X0508", type: "4", period: "2024-06-14", original: nil, notSubject: true,
        issuer: ("0001819848", "Joby Aviation, Inc.", "JOBY"), aff10b5One: false, accession: nil, acceptance: nil,
        counts: (transactions: 2, holdings: 2, footnotes: 3), hasRemarks: false,
        owners: [
            O("0001519339", "Hoffman Reid", true, false, false, false, nil, nil),
        ],
        transactions: [
            (0, T(.nonDerivative, "Common Stock", "2024-06-14", "M", "4", d("22556"), d("0"), "A", d("102603"), "D", nil, [], false)),
            (1, T(.derivative, "Restricted Stock Units (RSUs)", "2024-06-14", "M", "4", d("22556"), d("0"), "D", d("0"), "D", nil, ["F3"], false, conv: d("0"), under: "Common Stock", underShares: d("22556"))),
        ],
        holdings: [
            (0, H(.nonDerivative, "Common Stock", d("17130000"), "I", "By Reinvent Sponsor LLC", ["F1"])),
        ]),
    FixtureCase(
        "M_isOther_former_director_notSubjectToSection16_1_HIPO_Hoffman_X0306_0000899243-21-031284.xml",
        schema: "X0306", type: "4", period: "2021-08-02", original: nil, notSubject: true,
        issuer: ("0001828105", "Hippo Holdings Inc.", "HIPO"), aff10b5One: nil, accession: nil, acceptance: nil,
        counts: (transactions: 2, holdings: 0, footnotes: 3), hasRemarks: false,
        owners: [
            O("0001519339", "Hoffman Reid", false, false, false, true, nil, "Former Director and 10% Owner"),
        ],
        transactions: [
            (0, T(.nonDerivative, "Common Stock", "2021-08-02", "M", "4", d("5630000"), nil, "A", d("5630000"), "I", "See Footnote", ["F1", "F2", "F3"], false)),
            (1, T(.derivative, "Class B ordinary shares", "2021-08-02", "M", "4", d("5630000"), nil, "D", d("0"), "I", "See Footnote", ["F2", "F3"], false, conv: nil, under: "Common Stock", underShares: d("5630000"))),
        ],
        holdings: []),
    FixtureCase(
        "P_C_4_owners_10pct_funds_ADGI_Thiel_Mithril_X0306_0001209191-21-051298.xml",
        schema: "X0306", type: "4", period: "2021-08-10", original: nil, notSubject: false,
        issuer: ("0001832038", "Adagio Therapeutics, Inc.", "ADGI"), aff10b5One: nil, accession: nil, acceptance: nil,
        counts: (transactions: 5, holdings: 0, footnotes: 2), hasRemarks: false,
        owners: [
            O("0001669609", "MITHRIL II LP", false, false, true, false, nil, nil),
            O("0001878232", "Mithril II GP LP", false, false, true, false, nil, nil),
            O("0001878230", "Mithril II UGP LLC", false, false, true, false, nil, nil),
            O("0001211060", "THIEL PETER", false, false, true, false, nil, nil),
        ],
        transactions: [
            (0, T(.nonDerivative, "Common Stock", "2021-08-10", "C", "4", d("9244580"), nil, "A", d("9244580"), "D", nil, ["F1", "F2"], false)),
            (1, T(.nonDerivative, "Common Stock", "2021-08-10", "P", "4", d("1997000"), d("17.00"), "A", d("11241580"), "D", nil, ["F2"], false)),
            (2, T(.derivative, "Series A Preferred Stock", "2021-08-10", "C", "4", d("1250000"), d("0.00"), "D", d("0"), "D", nil, ["F1", "F2"], false, conv: nil, under: "Common Stock", underShares: d("6250000"))),
        ],
        holdings: []),
    FixtureCase(
        "P_open_market_purchase_TSLA_Musk_CEO_X0303_indirect_trust_0001494730-11-000006.xml",
        schema: "X0303", type: "4", period: "2011-06-08", original: nil, notSubject: false,
        issuer: ("0001318605", "TESLA MOTORS INC", "TSLA"), aff10b5One: nil, accession: nil, acceptance: nil,
        counts: (transactions: 1, holdings: 0, footnotes: 1), hasRemarks: false,
        owners: [
            O("0001494730", "Musk Elon", true, true, true, false, "Chief Executive Officer", nil),
        ],
        transactions: [
            (0, T(.nonDerivative, "Common Stock", "2011-06-08", "P", "4", d("1416000"), d("28.76"), "A", d("27131565"), "I", "by Trust", ["F1"], false)),
        ],
        holdings: []),
    FixtureCase(
        "P_purchase_5_owners_10pct_funds_weighted_avg_range_COUR_X0609_full_submission_0000921895-26-002677.txt",
        schema: "X0609", type: "4", period: "2026-09-25", original: nil, notSubject: false,
        issuer: ("0001651562", "Coursera, Inc.", "COUR"), aff10b5One: false, accession: "0000921895-26-002677", acceptance: "20260929172659",
        counts: (transactions: 2, holdings: 0, footnotes: 3), hasRemarks: false,
        owners: [
            O("0001922318", "Pale Fire Capital SE", false, false, true, false, nil, nil),
            O("0001959667", "Pale Fire Capital SICAV a.s.", false, false, true, false, nil, nil),
            O("0002055254", "Pale Fire Capital investicni spolecnost a.s.", false, false, true, false, nil, nil),
            O("0001922405", "Senkypl Dusan", false, false, true, false, nil, nil),
            O("0001892479", "Barta Jan", false, false, true, false, nil, nil),
        ],
        transactions: [
            (0, T(.nonDerivative, "Common Stock, $0.00001 par value per share", "2026-09-25", "P", "4", d("1332742"), d("5.0639"), "A", d("27806415"), "I", "By Pale Fire Capital SICAV a.s.", ["F1", "F2"], false)),
            (1, T(.nonDerivative, "Common Stock, $0.00001 par value per share", "2026-09-29", "P", "4", d("1000000"), d("4.6062"), "A", d("28806415"), "I", "By Pale Fire Capital SICAV a.s.", ["F1", "F3", "F2"], false)),
        ],
        holdings: []),
    FixtureCase(
        "P_purchase_director_fund_indirect_NTRA_Botha_X0306_0001062993-22-008150.xml",
        schema: "X0306", type: "4", period: "2022-03-16", original: nil, notSubject: nil,
        issuer: ("0001604821", "Natera, Inc.", "NTRA"), aff10b5One: nil, accession: nil, acceptance: nil,
        counts: (transactions: 3, holdings: 0, footnotes: 4), hasRemarks: false,
        owners: [
            O("0001222287", "BOTHA ROELOF", true, false, false, false, nil, nil),
        ],
        transactions: [
            (0, T(.nonDerivative, "Common Stock", "2022-03-16", "P", "4", d("26402"), d("31.9154"), "A", d("1164986"), "I", "By estate planning vehicles", ["F2", "F1"], false)),
            (2, T(.nonDerivative, "Common Stock", "2022-03-16", "P", "4", d("40695"), d("33.4881"), "A", d("1291584"), "I", "By estate planning vehicles", ["F4"], false)),
        ],
        holdings: []),
    FixtureCase(
        "P_purchase_isOther_otherText_penny_price_AMFN_X0609_full_submission_0001079973-26-001308.txt",
        schema: "X0609", type: "4", period: "2026-09-22", original: nil, notSubject: false,
        issuer: ("0000096664", "American Fusion, Inc.", "AMFN"), aff10b5One: false, accession: "0001079973-26-001308", acceptance: "20260929160758",
        counts: (transactions: 1, holdings: 0, footnotes: 1), hasRemarks: false,
        owners: [
            O("0002157492", "Rossa Alexander William", false, false, false, true, nil, "Chief Revenue Officer"),
        ],
        transactions: [
            (0, T(.nonDerivative, "Common Stock", "2026-09-22", "P", "4", d("842775"), d("0.102"), "A", d("3000000"), "D", nil, ["F1"], false)),
        ],
        holdings: []),
    FixtureCase(
        "S_5rows_COO_price_footnotes_10b5_1_footnote_AAPL_Williams_X0306.xml",
        schema: "X0306", type: "4", period: "2019-05-02", original: nil, notSubject: false,
        issuer: ("0000320193", "APPLE INC", "AAPL"), aff10b5One: nil, accession: nil, acceptance: nil,
        counts: (transactions: 5, holdings: 0, footnotes: 6), hasRemarks: false,
        owners: [
            O("0001496686", "WILLIAMS JEFFREY E", false, true, false, false, "COO", nil),
        ],
        transactions: [
            (0, T(.nonDerivative, "Common Stock", "2019-05-02", "S", "4", d("13433"), d("208.99"), "D", d("151187"), "D", nil, ["F1", "F2"], true)),
            (4, T(.nonDerivative, "Common Stock", "2019-05-02", "S", "4", d("1550"), d("212.46"), "D", d("108209"), "D", nil, ["F1", "F6"], true)),
        ],
        holdings: []),
    FixtureCase(
        "S_6rows_continuation_filing_derivative_holdings_GOOG_Brin_X0306_0001209191-22-024552.xml",
        schema: "X0306", type: "4", period: "2022-04-13", original: nil, notSubject: false,
        issuer: ("0001652044", "Alphabet Inc.", "GOOG"), aff10b5One: nil, accession: nil, acceptance: nil,
        counts: (transactions: 6, holdings: 3, footnotes: 7), hasRemarks: true,
        owners: [
            O("0001295032", "Sergey Brin", true, false, true, false, nil, nil),
        ],
        transactions: [
            (0, T(.nonDerivative, "Class A Common Stock", "2022-04-13", "S", "4", d("400"), d("2598.325"), "D", d("2310"), "D", nil, ["F1", "F2"], false)),
            (5, T(.nonDerivative, "Class A Common Stock", "2022-04-13", "S", "4", d("100"), d("2604.73"), "D", d("0"), "D", nil, [], false)),
        ],
        holdings: [
            (0, H(.derivative, "Class B Common Stock", d("18509696"), "D", nil, ["F6", "F7"])),
        ]),
    FixtureCase(
        "S_sale_aff10b5One_1_AFRM_Rabois_X0407_0001628280-23-010740.xml",
        schema: "X0407", type: "4", period: "2023-04-03", original: nil, notSubject: false,
        issuer: ("0001820953", "Affirm Holdings, Inc.", "AFRM"), aff10b5One: true, accession: nil, acceptance: nil,
        counts: (transactions: 1, holdings: 3, footnotes: 3), hasRemarks: false,
        owners: [
            O("0001539865", "Rabois Keith", true, false, false, false, nil, nil),
        ],
        transactions: [
            (0, T(.nonDerivative, "Class A Common Stock", "2023-04-03", "S", "4", d("17286"), d("11.1484"), "D", d("0"), "D", nil, ["F1", "F2"], true)),
        ],
        holdings: [
            (0, H(.nonDerivative, "Class A Common Stock", d("75000"), "I", "By FF Affirm Growth, LLC", ["F3"])),
        ]),
    FixtureCase(
        "S_sale_full_submission_2_documents_AIR_X0508_0001127602-25-001055.txt",
        schema: "X0508", type: "4", period: "2025-01-10", original: nil, notSubject: nil,
        issuer: ("0000001750", "AAR CORP", "AIR"), aff10b5One: false, accession: "0001127602-25-001055", acceptance: "20250110160730",
        counts: (transactions: 1, holdings: 0, footnotes: 1), hasRemarks: false,
        owners: [
            O("0001806647", "Garascia Jessica A.", false, true, false, false, "Senior VP, GC, CAO & Secretary", nil),
        ],
        transactions: [
            (0, T(.nonDerivative, "Common Stock", "2025-01-10", "S", "4", d("1500"), d("66.903"), "D", d("37565"), "D", nil, ["F1"], false)),
        ],
        holdings: []),
    FixtureCase(
        "S_sales_aff10b5One_1_PLTR_Thiel_X0508_0001321655-24-000181.xml",
        schema: "X0508", type: "4", period: "2024-09-24", original: nil, notSubject: false,
        issuer: ("0001321655", "Palantir Technologies Inc.", "PLTR"), aff10b5One: true, accession: nil, acceptance: nil,
        counts: (transactions: 4, holdings: 3, footnotes: 10), hasRemarks: true,
        owners: [
            O("0001211060", "THIEL PETER", true, false, false, false, nil, nil),
        ],
        transactions: [
            (0, T(.nonDerivative, "Class A Common Stock", "2024-09-24", "S", "4", d("7214637"), d("36.8567"), "D", d("55636551"), "I", "See Footnote", ["F1", "F2", "F3"], true)),
            (3, T(.nonDerivative, "Class A Common Stock", "2024-09-26", "S", "4", d("4561502"), d("37.0694"), "D", d("46672773"), "I", "See Footnote", ["F1", "F6", "F3"], true)),
        ],
        holdings: [
            (0, H(.nonDerivative, "Class A Common Stock", d("15733625"), "I", "See Footnote", ["F7", "F8"])),
        ]),
    FixtureCase(
        "holdings_only_no_transactions_4_owners_otherText_See_Remarks_ADGI_X0306_0000899243-22-012864.xml",
        schema: "X0306", type: "4", period: "2022-03-28", original: nil, notSubject: false,
        issuer: ("0001832038", "Adagio Therapeutics, Inc.", "ADGI"), aff10b5One: nil, accession: nil, acceptance: nil,
        counts: (transactions: 0, holdings: 1, footnotes: 1), hasRemarks: true,
        owners: [
            O("0001669609", "MITHRIL II LP", false, false, true, true, nil, "See Remarks"),
            O("0001878232", "Mithril II GP LP", false, false, true, true, nil, "See Remarks"),
            O("0001878230", "Mithril II UGP LLC", false, false, true, true, nil, "See Remarks"),
            O("0001211060", "THIEL PETER", false, false, true, true, nil, "See Remarks"),
        ],
        transactions: [],
        holdings: [
            (0, H(.nonDerivative, "Common Stock", d("11241580"), "D", nil, ["F1"])),
        ]),
]
