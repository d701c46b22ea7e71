import Foundation
import OpenInsiderPages
import Testing

/// Deterministic generator so failures reproduce.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Parses and reports the outcome; the point is that this returns at all.
func outcome(_ bytes: [UInt8]) -> Result<OpenInsiderPage, OpenInsiderPageError> {
    Result { () throws(OpenInsiderPageError) -> OpenInsiderPage in try OpenInsiderPageParser.parse(bytes) }
}

struct RobustnessTests {
    @Test(.enabled(if: Fixtures.available, "../shared/fixtures not found: skipping fixture tests"))
    func truncatedPrefixesOfARealPageNeverCrash() throws {
        let full = try Fixtures.bytes("latest-officer-purchases-25k__btopn_2026-04.html")
        var cuts = Array(stride(from: 0, to: full.count, by: 173))
        // Dense cuts around the first data row, where a cut lands inside attributes and entities.
        if let i = String(decoding: full, as: UTF8.self).utf8.firstIndex(of: UInt8(ascii: "$")) {
            let base = String(decoding: full, as: UTF8.self).utf8.distance(from: String(decoding: full, as: UTF8.self).utf8.startIndex, to: i)
            cuts += Array(max(0, base - 1500)..<min(full.count, base + 200))
        }
        var lastRows = 0
        for cut in cuts {
            switch outcome(Array(full[0..<cut])) {
            case .success(let page):
                #expect(page.rows.count <= 100)
                #expect(page.rows.count >= lastRows || page.rows.isEmpty, "row count grows with the prefix")
                lastRows = max(lastRows, page.rows.count)
            case .failure:
                break  // any typed error is acceptable for a cut page
            }
        }
        #expect(lastRows > 0, "long prefixes yield rows")
        #expect((try? outcome(full).get())?.rows.count == 100)
    }

    @Test func randomBytesNeverCrash() {
        var rng = SplitMix64(state: 42)
        for _ in 0..<300 {
            let n = Int.random(in: 0..<4096, using: &rng)
            let bytes = (0..<n).map { _ in UInt8.random(in: 0...255, using: &rng) }
            if case .success(let page) = outcome(bytes) {
                Issue.record("random bytes parsed as a page with \(page.rows.count) rows")
            }
        }
    }

    @Test func markupSoupNeverCrashes() {
        let pieces = ["<", ">", "\"", "'", "&", "&amp", "&#", "&#x", "&#99999999999;", "<!--", "-->", "</", "<table class=tinytable>",
                      "</table>", "<tr>", "</tr>", "<td>", "</td>", "<th>X</th>", "<a href=\"/insider/x/12", "<a href='/industry/x/",
                      "<title>", "</title>", "<form action=\"/screener\">", "<script>", "</script>", "<style>", "$1,0", "+27,500", "\r\n",
                      "\n", " ", "<div id=\"subjectDetails\">", "CIK: ", "</div>", "<th><h3>Filing&nbsp;Date</h3></th>", "\u{00}", "\u{FF}"]
        var rng = SplitMix64(state: 7)
        var parsedSome = false
        for _ in 0..<2000 {
            var s = ""
            for _ in 0..<Int.random(in: 0..<60, using: &rng) { s += pieces[Int.random(in: 0..<pieces.count, using: &rng)] }
            if case .success = outcome(Array(s.utf8)) { parsedSome = true }
        }
        #expect(parsedSome, "some soups have a title and a form and no table, and parse as empty pages")
    }

    @Test func synthesisedPageWithRandomCorruptionNeverCrashes() {
        let base = Array(Synth.page(rows: [Synth.row(), Synth.row(ticker: "BRK.B")]).utf8)
        var rng = SplitMix64(state: 99)
        for _ in 0..<500 {
            var b = base
            for _ in 0..<Int.random(in: 1..<8, using: &rng) {
                b[Int.random(in: 0..<b.count, using: &rng)] = [0x3C, 0x3E, 0x22, 0x27, 0x26, 0x00, 0x2F][Int.random(in: 0..<7, using: &rng)]
            }
            _ = outcome(b)
        }
        #expect(base.count > 1000)
    }
}
