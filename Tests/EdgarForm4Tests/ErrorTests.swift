import EdgarForm4
import Foundation
import Testing

/// Bodies that are not filings, and broken or truncated ones: the parser throws, it never crashes.
struct ErrorTests {
    @Test(.enabled(if: Fixtures.available, Fixtures.skip),
          arguments: ["sec_rate_limit_exceeded_page.html", "error_NoSuchKey_archives_txt_wrong_accession.xml",
                      "error_404_NoSuchKey_data.sec.gov_submissions_bad_CIK.xml", "error_403_AccessDenied_full-index_nonexistent_quarter.xml",
                      "error_503_getcurrent_past_end.html", "xsl_rendered_form4_374Water_SCWO.html",
                      "xsl_rendered_form4_GOOG_Brin_0001209191-22-024552.html", "xsl_rendered_form4_MSFT_List_Teri.html"])
    func errorAndRenderedPagesAreNotOwnershipDocuments(_ name: String) throws {
        let bytes = try Fixtures.bytes(name, in: Fixtures.other)
        #expect(!bytes.isEmpty)
        #expect(throws: Form4ParseError.noOwnershipDocument) { try Form4Parser.parse(bytes) }
    }

    @Test(.enabled(if: Fixtures.available, Fixtures.skip))
    func theRateLimitPageIsRecognisableAndStillNotAFiling() throws {
        let bytes = try Fixtures.bytes("sec_rate_limit_exceeded_page.html", in: Fixtures.other)
        #expect(String(decoding: bytes, as: UTF8.self).contains("Request Rate Threshold Exceeded"))
        let error = #expect(throws: Form4ParseError.self) { try Form4Parser.parse(bytes) }
        #expect(error == .noOwnershipDocument)
        #expect(error?.description.contains("rate-limit") == true)
    }

    @Test func emptyAndWhitespaceBodiesThrow() {
        #expect(throws: Form4ParseError.noOwnershipDocument) { try Form4Parser.parse([]) }
        #expect(throws: Form4ParseError.noOwnershipDocument) { try Form4Parser.parse(Array(" \n\t".utf8)) }
        #expect(throws: Form4ParseError.noOwnershipDocument) { try Form4Parser.parse(Array("<html><body>Not Found</body></html>".utf8)) }
    }

    @Test func randomBytesThrow() {
        var rng = SplitMix64(state: 0x5EC_F04)
        for round in 0..<300 {
            let junk = (0..<Int.random(in: 0...2000, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            #expect(throws: Form4ParseError.self, "round \(round)") { try Form4Parser.parse(junk) }
            // Behind a real root the reader runs over the junk; the root is never closed.
            #expect(throws: Form4ParseError.self, "round \(round)") { try Form4Parser.parse(Array("<ownershipDocument>".utf8) + junk) }
        }
    }

    @Test(.enabled(if: Fixtures.available, Fixtures.skip))
    func everyPrefixAtAStepOf97BytesThrows() throws {
        for part in ["C_S_18rows_officerTitle_Co-Founder_GOOG", "P_purchase_5_owners"] {
            let bytes = try Fixtures.bytes(part)
            let full = try Form4Parser.parse(bytes)
            let text = String(decoding: bytes, as: UTF8.self)
            let close = try #require(text.range(of: "</ownershipDocument>"))
            let complete = text.utf8.distance(from: text.startIndex, to: close.upperBound)
            var thrown = 0, parsed = 0
            for n in stride(from: 0, through: bytes.count, by: 97) {
                let prefix = Array(bytes[0..<n])
                if n < complete {
                    #expect(throws: Form4ParseError.self, "\(part) prefix \(n)") { try Form4Parser.parse(prefix) }
                    thrown += 1
                } else {
                    // Everything of the document is there: only trailing wrapper bytes are missing.
                    #expect(try Form4Parser.parse(prefix) == full, "\(part) prefix \(n)")
                    parsed += 1
                }
            }
            #expect(thrown == (complete + 96) / 97, "\(part)")
            #expect(thrown + parsed == bytes.count / 97 + 1)
        }
    }

    @Test(.enabled(if: Fixtures.available, Fixtures.skip))
    func everySingleBytePrefixOfASmallFilingThrows() throws {
        let bytes = try Fixtures.bytes("P_open_market_purchase_TSLA")
        let text = String(decoding: bytes, as: UTF8.self)
        let close = try #require(text.range(of: "</ownershipDocument>"))
        let complete = text.utf8.distance(from: text.startIndex, to: close.upperBound)
        var failures: [Int] = []
        for n in 0..<complete where (try? Form4Parser.parse(Array(bytes[0..<n]))) != nil { failures.append(n) }
        #expect(failures.isEmpty, "prefixes that parsed: \(failures.prefix(10))")
    }

    @Test(.enabled(if: Fixtures.available, Fixtures.skip))
    func mutatedFilingsNeverCrashAndWhatParsesStillRendersJSON() throws {
        let original = try Fixtures.bytes("M_S_director_option_exercise_indirect_holding_AAPL_Levinson")
        var rng = SplitMix64(state: 97)
        let alphabet = Array("<>/=\"'&;!?-[]CDATA 0123456789.E".utf8)
        var parsedCount = 0, thrownCount = 0
        for _ in 0..<400 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...8, using: &rng) {
                let i = Int.random(in: 0..<bytes.count, using: &rng)
                bytes[i] = Bool.random(using: &rng) ? alphabet.randomElement(using: &rng)! : UInt8.random(in: 0...255, using: &rng)
            }
            do {
                let doc = try Form4Parser.parse(bytes)
                parsedCount += 1
                let json = Data(doc.renderJSON().utf8)
                #expect((try? JSONSerialization.jsonObject(with: json)) != nil, "mutated filing rendered invalid JSON")
            } catch {
                thrownCount += 1
            }
        }
        #expect(parsedCount + thrownCount == 400)
        #expect(thrownCount > 0 && parsedCount > 0)
    }

    @Test(arguments: [
        "<ownershipDocument><documentType>4</issuer></ownershipDocument>",
        "<ownershipDocument><documentType>4</documentType><issuer><issuerCik>1</issuerCik></Issuer></ownershipDocument>",
        "<ownershipDocument><documentType>4</documentType><issuer><issuerCik>1</issuerCik></issuer><x><y></x></y></ownershipDocument>",
        "<ownershipDocument><documentType>4</documentType><issuer><issuerCik>1</issuerCik></issuer></stray></ownershipDocument>",
        "<ownershipDocument><documentType>4</documentType><issuer><issuerCik>1</issuerCik></issuer><nonDerivativeTable></ownershipDocument>",
        "<ownershipDocument><documentType>4</documentType><issuer><issuerCik>1</issuerCik></issuer><remarks>a < b</remarks></ownershipDocument>",
        "<ownershipDocument><documentType>4</documentType><issuer><issuerCik>1</issuerCik></issuer><!-- never closed </ownershipDocument>",
        "<ownershipDocument><documentType>4</documentType><issuer><issuerCik>1</issuerCik></issuer>",
    ])
    func mismatchedOrUnclosedTagsAreMalformed(_ text: String) {
        let error = #expect(throws: Form4ParseError.self) { try Form4Parser.parse(Array(text.utf8)) }
        guard case .malformed = error else {
            Issue.record("expected .malformed, got \(String(describing: error))")
            return
        }
    }

    @Test func missingRequiredElementsAreNamed() {
        #expect(throws: Form4ParseError.missingElement("documentType")) {
            try Form4Parser.parse(Array("<ownershipDocument><issuer><issuerCik>1</issuerCik></issuer></ownershipDocument>".utf8))
        }
        #expect(throws: Form4ParseError.missingElement("issuerCik")) {
            try Form4Parser.parse(Array("<ownershipDocument><documentType>4</documentType></ownershipDocument>".utf8))
        }
    }
}
