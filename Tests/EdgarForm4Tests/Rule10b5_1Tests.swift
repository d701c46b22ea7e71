import EdgarForm4
import Foundation
import Testing

struct Rule10b5_1Tests {
    @Test(arguments: ["Rule 10b5-1", "10b5-1(c)", "10b-5-1", "10b5 1", "10b5\u{2011}1", "10b5-1 trading plan", "10b5 plan",
                      "10B5-1", "10b5\u{2013}1", "10b5\u{2212}1", "10b5\u{00A0}1", "10b51", "10b-5 plan", "10b5-1.", "(10b5-1)",
                      "a Rule 10b5-1(c)(1) plan adopted on May 1, 2024", "pursuant to Rule\n10b5-1\nplan", "10b5  PLAN", "10b 5 1 x"])
    func statesAPlan(_ text: String) {
        #expect(statesRule10b5_1Plan(text), "\(text.debugDescription)")
    }

    /// "110b5-1": a digit before "10b5" makes it another number, not the rule: decided NOT a plan
    /// (the parser refuses a preceding digit; DOMAIN.md's regex has no such guard and would match).
    @Test(arguments: ["Rule 10b-5", "10b5-10", "10b5-12", "110b5-1", "", "10b5", "10b-5", "Rule 10b-5 anti-fraud", "10b5-2",
                      "10b5plan", "10b5 - 1", "Rule 16a-13", "10c5-1", "1 0b5-1", "10b5-1234"])
    func doesNotStateAPlan(_ text: String) {
        #expect(!statesRule10b5_1Plan(text), "\(text.debugDescription)")
    }

    /// The hand-written matcher agrees with DOMAIN.md 2.12's regex on every combination of the parts
    /// (no digit before "10b", separators limited to the ones both accept).
    @Test func agreesWithTheDocumentedRegexOnGeneratedText() throws {
        let regex = try NSRegularExpression(pattern: #"(?i)10b[\s\-\u2010-\u2015\u2212]?5(?:[\s\-\u2010-\u2015\u2212]?1(?![0-9])|[\s\-\u2010-\u2015\u2212]+plan)"#)
        let before = ["", "Rule ", "a ", "(", "x"]
        let b = ["b", "B"]
        let seps = ["", " ", "-", "\u{2010}", "\u{2011}", "\u{2013}", "\u{2015}", "\u{2212}", "\n", "  ", "--"]
        let tails = ["1", "10", "12", "1)", "1(c)", "2", "plan", "Plan", " trading plan", "", "x1"]
        var checked = 0, positives = 0
        for pre in before { for bb in b { for s1 in seps { for s2 in seps { for tail in tails {
            let text = pre + "10" + bb + s1 + "5" + s2 + tail
            let ns = text as NSString
            let expected = regex.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)) != nil
            #expect(statesRule10b5_1Plan(text) == expected, "\(text.debugDescription)")
            checked += 1
            if expected { positives += 1 }
        } } } } }
        #expect(checked == before.count * b.count * seps.count * seps.count * tails.count)
        #expect(positives > 100 && positives < checked)
    }
}
