import InsiderAPI
import Testing

/// Reading the server's settings from the environment.
@Suite struct SettingsTests {
    @Test func defaultsAndOverrides() throws {
        let defaults = try APISettings(environment: [:])
        #expect(defaults.rateLimits == RateLimits())
        #expect(defaults.corsOrigin == nil)
        let set = try APISettings(environment: ["INSIDER_API_RATE_PRO": "6000", "INSIDER_API_CORS_ORIGIN": "https://app.example",
                                                "INSIDER_API_VERSION_CHECK_MS": "0"])
        #expect(set.rateLimits?.pro == .perMinute(6000))
        #expect(set.corsOrigin == "https://app.example")
        #expect(set.versionCheckInterval == .zero)
        #expect(try APISettings(environment: ["INSIDER_API_RATE_LIMIT": "off"]).rateLimits == nil)
    }

    @Test(arguments: [["INSIDER_API_RATE_LIMIT": "maybe"], ["INSIDER_API_RATE_FREE": "0"], ["INSIDER_API_RATE_PRO": "lots"],
                      ["INSIDER_API_VERSION_CHECK_MS": "-1"]])
    func badValuesNameTheVariable(environment: [String: String]) {
        #expect {
            try APISettings(environment: environment)
        } throws: { error in
            String(describing: error).contains(environment.keys.first!)
        }
    }

    @Test func keysAreHashedAndPrefixed() {
        let (key, record) = APIKeyIssuer.issue(tier: .pro, name: "research")
        #expect(key.hasPrefix("ick_"))
        #expect(key.count == 68)
        #expect(record.hash == APIKeyIssuer.hash(of: key))
        #expect(record.hash.count == 64)
        #expect(!record.hash.contains(key))
        // SHA-256 of "abc", the FIPS 180-2 test vector.
        #expect(APIKeyIssuer.hash(of: "abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(APIKeyIssuer.issue(tier: .free, name: nil).key != key)
    }
}
