import Testing

@testable import OKRKit

/// One mistake gives one diagnostic, and parsing goes on: independent mistakes are each
/// reported exactly once, on their own line, and nothing else is.
@Suite struct RecoveryTests {
  @Test func independentMistakesAreEachReportedOnce() {
    let plan = FrontEndFixtures.parse(
      """
      company acme "Acme Corp" {
        admin
        objective csat "Customer satisfaction" {
          cycle 2026-Q5
          kr nps "NPS" from 30 too 60
          kr churn "Churn" from 9% to 5% {
            checkin 2026-02-30 7%
            checkin 2026-03-01 6% confidense 0.5
          }
          suports acme.growth
        }
      }
      team cs "Customer Success" in acme @ {
        lead alice
      }
      person alice "Alice Martin" in cs
      team cs {
        objective csat95 {
          cycle 2026-Q1
        }
        objective ok "This one is fine" {
          cycle 2026-Q1
          kr score "Score" from 1 to 2
        }
      }
      policy {
        max-parents 2
        alow unit -> team
        status at-risk 0.8 off-track
      }
      cycle FY26 2026-06-30..2025-07-01
      """)
    #expect(
      FrontEndFixtures.positions(plan) == [
        "2:8 syntax",  // `admin` without a name
        "4:11 invalid-literal",  // 2026-Q5
        "5:26 syntax",  // `too`
        "7:15 invalid-literal",  // 2026-02-30
        "8:29 syntax",  // `confidense`
        "10:5 syntax",  // `suports`
        "13:36 syntax",  // `@`
        "18:20 syntax",  // objective without a title
        "28:3 syntax",  // `alow`
        "29:31 syntax",  // `off-track` without a number
        "31:12 invalid-literal",  // reversed range
      ])
    // What parsed around the mistakes is kept.
    let entities = plan.syntax[0].items.compactMap { item -> EntityDecl? in
      if case .entity(let decl) = item { return decl }
      return nil
    }
    // The header before `@` parsed, so team cs is still declared.
    #expect(entities.map(\.id.name) == ["acme", "cs", "alice", "cs"])
    let objectives = entities.last?.members.compactMap { member -> String? in
      if case .objective(let decl) = member { return decl.id.name }
      return nil
    }
    #expect(objectives == ["ok"])
  }

  @Test func aMissingClosingBraceIsOneError() {
    let plan = FrontEndFixtures.parse(
      """
      team cs {
        objective a "A" {
          cycle 2026-Q1
        objective b "B" {
          cycle 2026-Q1
        }
      }
      person alice "Alice" in cs
      """)
    #expect(FrontEndFixtures.positions(plan) == ["2:19 syntax"])
    #expect(plan.syntax[0].items.count == 2)
  }

  @Test func aMissingClosingBraceBeforeTheNextDeclarationIsOneError() {
    let plan = FrontEndFixtures.parse(
      """
      team cs {
        lead alice

      person alice "Alice" in cs
      team ops { lead bob }
      """)
    #expect(FrontEndFixtures.positions(plan) == ["1:9 syntax"])
    #expect(plan.syntax[0].items.count == 3)
  }

  @Test func anExtraClosingBraceIsOneError() {
    let plan = FrontEndFixtures.parse(
      """
      team cs {
        objective a "A" {
          cycle 2026-Q1
        }
        }
      }
      person alice "Alice" in cs
      """)
    #expect(FrontEndFixtures.positions(plan) == ["6:1 syntax"])
    #expect(plan.syntax[0].items.count == 2)
  }

  @Test func anUnterminatedStringIsOneError() {
    let plan = FrontEndFixtures.parse(
      """
      team cs "Customer Success {
        objective a "A {
          kr k "K from 1 to 2
          kr j "J" from 1 to 2
        }
      }
      person alice "Alice" in cs
      """)
    #expect(FrontEndFixtures.positions(plan) == ["1:9 syntax", "2:15 syntax", "3:10 syntax"])
    #expect(plan.syntax[0].items.count == 2)
  }

  @Test func aStrayTokenIsOneError() {
    for stray in ["@", "!", "$$$", "->", "..", "(", ")", "=", "<", ":", "42", "\"text\"", "2026-Q1"] {
      let plan = FrontEndFixtures.parse(
        """
        team cs {
          objective a "A" {
            cycle 2026-Q1 \(stray)
            kr k "K" from 1 to 2
          }
        }
        person alice "Alice" in cs
        """)
      #expect(FrontEndFixtures.positions(plan) == ["3:19 syntax"], "after \(stray)")
      #expect(plan.syntax[0].items.count == 2, "after \(stray)")
    }
  }

  @Test func aStrayTokenAtTheTopLevelIsOneError() {
    let plan = FrontEndFixtures.parse("@@ { team x { } }\nperson alice \"Alice\"\n")
    #expect(FrontEndFixtures.positions(plan) == ["1:1 syntax"])
    #expect(plan.syntax[0].items.count == 1)
  }

  @Test func aFileStopsAtExactlyTheErrorCapPlusOneNotice() {
    let cap = Parser.maximumSyntaxErrors
    // Exactly at the cap: every error, no notice.
    let atCap = FrontEndFixtures.parse(String(repeating: "team t \"unterminated\n", count: cap))
    #expect(atCap.diagnostics.count == cap)
    #expect(!atCap.diagnostics.contains { $0.message.hasPrefix("too many errors") })
    // Past it, from the lexer, from the parser, or from tokens that carry several problems each.
    for line in ["team t \"unterminated\n", "bogus\n", "team t \"\\q \\q \\q\" \u{FF}\n"] {
      let plan = FrontEndFixtures.parse(String(repeating: line, count: cap * 2))
      #expect(plan.diagnostics.count == cap + 1, "\(line)")
      #expect(plan.diagnostics.last?.message == "too many errors; the rest of this file is not checked")
    }
  }
}
