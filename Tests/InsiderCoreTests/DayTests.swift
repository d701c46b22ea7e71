import InsiderCore
import Testing

@Suite struct DayTests {
    @Test func parsesAndPrintsDates() throws {
        let d = try #require(Day("2026-04-22"))
        #expect(d.description == "2026-04-22")
        #expect(d.usFormat == "04/22/2026")
        #expect(Day("1970-01-01")?.ordinal == 0)
        #expect(Day("2026-04-22T10:00:00")?.description == "2026-04-22")
    }

    @Test func rejectsImpossibleDates() {
        #expect(Day("2026-02-30") == nil)
        #expect(Day("2026-13-01") == nil)
        #expect(Day("2026-4-22") == nil)
        #expect(Day("") == nil)
        #expect(Day("2024-02-29") != nil)
        #expect(Day("2023-02-29") == nil)
    }

    @Test func arithmeticCrossesMonthAndYearEnds() throws {
        let d = try #require(Day("2026-03-01"))
        #expect(d.adding(days: -1).description == "2026-02-28")
        #expect(try #require(Day("2025-12-31")).adding(days: 1).description == "2026-01-01")
        #expect(try #require(Day("2026-01-01")).days(to: try #require(Day("2026-12-31"))) == 364)
    }

    @Test func lookbackIncludesBothEnds() throws {
        let asOf = try #require(Day("2026-04-30"))
        let window = Lookback(asOf: asOf, days: 30)
        #expect(window.start.description == "2026-03-31")
        #expect(window.contains(try #require(Day("2026-03-31"))))
        #expect(window.contains(asOf))
        #expect(!window.contains(try #require(Day("2026-03-30"))))
        #expect(!window.contains(try #require(Day("2026-05-01"))))
    }
}

@Suite struct RoleTests {
    @Test(arguments: [
        ("CEO", [Role.ceo]), ("Pres, CEO", [.ceo, .president]), ("COB, CEO, 10%", [.ceo, .tenPercentOwner, .chairman]),
        ("Dir", [.director]), ("Dir, 10%", [.tenPercentOwner, .director]), ("EVP, CFO", [.cfo, .officer]),
        ("Exec. COB", [.chairman]), ("Exec COB, 10%", [.tenPercentOwner, .chairman]), ("Co-CEO", [.ceo]),
        ("Co-Pres", [.president]), ("Interim Pres, CEO", [.ceo, .president]), ("Chief Accounting Officer", [.officer]),
        ("See Remarks", [.other]), ("*See Remarks", [.other]), ("See footnote 2", [.other]), ("CHAIRPERSON, CEO", [.ceo, .chairman]),
        ("Pres, ceo", [.ceo, .president]), ("CTO,, 10%", [.tenPercentOwner, .officer]), ("COO ,  Chief Business Officer", [.coo, .officer]),
        ("GC", [.generalCounsel]), ("VP", [.officer]), ("SVP", [.officer]), ("CMO", [.officer]),
        ("Pres, Latin America, Canada", [.president]), ("Chief Executive Officer", [.ceo]), ("Chief Financial Officer", [.cfo]),
        ("Chief Operating Officer", [.coo]), ("General Counsel", [.generalCounsel]), ("Senior VP, GC, CAO & Secretary", [.generalCounsel, .officer]),
        ("Pres,Prod Architect & Director", [.president, .director]), ("President and Chief Executive Officer", [.ceo, .president]),
        ("GM, ASE Inc. Chung-Li Branch", [.officer]), ("Vice President", [.officer]), ("Chairman", [.chairman]),
    ] as [(String, [Role])])
    func readsTitles(title: String, expected: [Role]) {
        #expect(Role.ordered(RoleReader.roles(fromTitle: title)) == expected, "\(title)")
    }

    @Test func emptyTitleHasNoRole() {
        #expect(RoleReader.roles(fromTitle: nil).isEmpty)
        #expect(RoleReader.roles(fromTitle: "  ").isEmpty)
        #expect(RoleReader.weight(of: []) == 1)
    }

    @Test func weightsFollowTheSpecTable() {
        #expect(Role.ceo.weight == 5)
        #expect(Role.cfo.weight == 4 && Role.tenPercentOwner.weight == 4)
        #expect(Role.coo.weight == 3 && Role.president.weight == 3)
        #expect(Role.director.weight == 2 && Role.chairman.weight == 2)
        #expect(Role.generalCounsel.weight == 1 && Role.officer.weight == 1 && Role.other.weight == 1)
        #expect(RoleReader.weight(of: [.director, .ceo]) == 5)
    }

    @Test func edgarFlagsAndTitlesFollowSpecSection3() {
        func roles(director: Bool = false, officer: Bool = false, tenPercent: Bool = false, other: Bool = false,
                   title: String? = nil, otherText: String? = nil) -> [Role] {
            Role.ordered(RoleReader.roles(isDirector: director, isOfficer: officer, isTenPercentOwner: tenPercent, isOther: other,
                                          officerTitle: title, otherText: otherText))
        }
        #expect(roles(director: true, officer: true, tenPercent: true, title: "CEO") == [.ceo, .tenPercentOwner, .director])
        // isOfficer adds no role of its own: the title says which, and "See Remarks" is Other, as on OpenInsider.
        #expect(roles(officer: true, title: "See Remarks") == [.other])
        #expect(roles(officer: true, title: "Chief Technology Officer") == [.officer])
        #expect(roles(officer: true, title: "President and Chief Executive Officer") == [.ceo, .president])
        // No role from any flag or title: Other.
        #expect(roles(officer: true) == [.other])
        #expect(roles() == [.other])
        // otherText is read with the same token table; isOther adds Other.
        #expect(roles(other: true, otherText: "Chief Revenue Officer") == [.officer, .other])
        #expect(roles(other: true) == [.other])
        #expect(roles(tenPercent: true, other: true) == [.tenPercentOwner, .other])
    }

    @Test func aTrailingAbbreviationDotNamesTheSameRole() {
        #expect(Role.ordered(RoleReader.roles(fromTitle: "Pres.")) == [.president])
        #expect(Role.ordered(RoleReader.roles(fromTitle: "Pres. & CEO")) == [.ceo, .president])
        #expect(Role.ordered(RoleReader.roles(fromTitle: "Dir.")) == [.director])
        #expect(Role.ordered(RoleReader.roles(fromTitle: "Exec. COB")) == [.chairman])
    }

    @Test func orderedByWeightThenName() {
        #expect(Role.ordered([.other, .officer, .generalCounsel, .director, .chairman]) == [.chairman, .director, .generalCounsel, .officer, .other])
    }
}
