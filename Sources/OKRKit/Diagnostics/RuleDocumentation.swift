/// The page `okr explain` shows for a rule.
///
/// Plain text, wrapped for a terminal; code lines in ``example`` and ``fix``
/// are plan text that can be pasted into a `.okr` file.
public struct RuleDocumentation: Sendable {
  /// The rule the page explains.
  public let rule: Rule
  /// One sentence: what the rule checks.
  public let summary: String
  /// Why it matters and exactly when it fires, a short paragraph.
  public let details: String
  /// A small plan that triggers the rule.
  public let example: String
  /// How to fix it, with the corrected lines.
  public let fix: String
}

extension Rule {
  /// This rule's `okr explain` page.
  public var documentation: RuleDocumentation {
    switch self {
    case .syntax:
      RuleDocumentation(
        rule: self,
        summary: "The text does not follow the grammar of the plan language.",
        details: """
          A plan that does not parse cannot be checked. This fires when a word
          or symbol stands where the grammar does not allow it: a misspelled
          keyword, a clause without its value (current with no number, from
          with no to), a string not closed on its line, a missing brace, or a
          block's { put on a line of its own instead of the header's line.
          Each mistake is reported once; the parser then skips to the next
          line, ';' or closing brace and goes on, so one run shows every
          independent mistake and the rest of the plan is still checked.
          Always an error; a policy cannot change it.
          """,
        example: """
          company acme "Acme" {
            admin ceo

            objective grow "Grow recurring revenue" {
              cycle 2026
              owner ceo
              kr arr "Reach 2M ARR" from 1_000_000 to 2_000_000 current
            }
          }

          person ceo "Casey Ortiz" in acme
          """,
        fix: """
          Give the clause its value; the message says what was expected at
          that point. Here current needs the latest figure:

              kr arr "Reach 2M ARR" from 1_000_000 to 2_000_000 current 1_250_000
          """)

    case .invalidLiteral:
      RuleDocumentation(
        rule: self,
        summary: "A date, period, number or string is written in the right shape but has no valid value.",
        details: #"""
          Values written directly in a plan must exist. This fires for a date
          that is not in the calendar (2026-02-30), a quarter, half or month
          that does not exist (2026-Q5, 2026-H3, 2026-13), a range that ends
          before it starts, a malformed number (1__000, 12abc, a % on a
          weight), an escape a string does not know (only \" \\ \n \t and
          \u{...} exist), a \u{...} that names no Unicode character, and
          bytes that are not valid UTF-8. Always an error; a policy cannot
          change it.
          """#,
        example: """
          company acme "Acme" {
            admin ceo

            objective grow "Grow recurring revenue" {
              cycle 2026
              owner ceo
              kr arr "Reach 2M ARR" from 1_000_000 to 2_000_000 {
                checkin 2026-01-31 1_080_000
                checkin 2026-02-30 1_150_000
              }
            }
          }

          person ceo "Casey Ortiz" in acme
          """,
        fix: """
          Write a value that exists. February 2026 has 28 days:

              checkin 2026-02-28 1_150_000
          """)

    case .unknownReference:
      RuleDocumentation(
        rule: self,
        summary: "A name is used that the plan does not declare.",
        details: """
          Every name must be declared somewhere in the plan: the people named
          by owner, admin, lead and accepted by; the entities named by in; the
          objectives and key results named by supports and reuses; the cycle
          names used by cycle; the rules named in a policy. Names are resolved
          once every file is loaded, so order and file do not matter, but a
          name declared in a file that is not loaded (a wrong include, a
          folder not given to okr) is unknown. Ids are case-sensitive. The
          message suggests the closest declared name. Always an error; a
          policy cannot change it.
          """,
        example: """
          company acme "Acme" {
            admin ceo

            objective grow "Grow recurring revenue" {
              cycle 2026
              owner coe
              kr arr "Reach 2M ARR" from 1_000_000 to 2_000_000
            }
          }

          person ceo "Casey Ortiz" in acme
          """,
        fix: """
          Use the declared id:

              owner ceo

          or, if the person is new, declare them:

              person coe "Cora Evans" in acme
          """)

    case .duplicateDefinition:
      RuleDocumentation(
        rule: self,
        summary: "The same id, or the same single setting, is defined twice in one scope.",
        details: """
          An id must name one thing, or references to it are ambiguous. This
          fires for two objectives with one id in an entity, two key results
          with one id in an objective, an entity id declared twice with a name
          or an in list, a cycle name declared twice, a statement that may
          appear once given twice (cycle or owner in one objective), two
          supports lines to the same target, and a policy setting given twice.
          Entity ids are unique across the whole plan, whatever their level.
          Reopening an entity to add objectives (team web { ... }, without a
          name) is not a duplicate. Always an error; a policy cannot change it.
          """,
        example: """
          company acme "Acme" {
            admin ceo

            objective grow "Grow recurring revenue" {
              cycle 2026
              owner ceo
              kr arr "Reach 2M ARR" from 1_000_000 to 2_000_000
              kr arr "Sign 40 enterprise customers" from 12 to 40
            }
          }

          person ceo "Casey Ortiz" in acme
          """,
        fix: """
          Give each key result its own id:

              kr arr "Reach 2M ARR" from 1_000_000 to 2_000_000
              kr enterprise "Sign 40 enterprise customers" from 12 to 40
          """)

    case .wrongKind:
      RuleDocumentation(
        rule: self,
        summary: "A name refers to the wrong kind of thing for its place.",
        details: """
          Each place expects one kind of thing: supports and reuses an
          objective or key result; owner, accepted by, admin and lead a
          person; in an entity that is not a person. This fires when the name
          exists but is of another kind, for example supports naming a team
          or a person, or owner naming a team. It also fires for admin outside
          a company block, lead outside a unit or team block, and a policy
          rule line naming a rule that cannot be changed. Always an error; a
          policy cannot change it.
          """,
        example: """
          company acme "Acme" {
            admin ceo

            objective grow "Grow recurring revenue" {
              cycle 2026
              owner acme
              kr arr "Reach 2M ARR" from 1_000_000 to 2_000_000
            }
          }

          person ceo "Casey Ortiz" in acme
          """,
        fix: """
          Name the accountable person, not the company:

              owner ceo
          """)

    case .includeError:
      RuleDocumentation(
        rule: self,
        summary: "An include cannot be followed: a missing file, a path outside the plan's folder, or a loop.",
        details: """
          An include line loads more files into the plan; its path is
          relative to the file that holds it and may use the globs *, ? and
          **. This fires when the path names no file or the glob matches none,
          when the target lies outside the plan's root folder (the folder
          given to okr, or the folder of the file given), when files include
          each other in a loop, or when a file cannot be read. A file reached
          twice is not an error: it is loaded once. Always an error; a policy
          cannot change it.
          """,
        example: """
          # plan.okr, in a folder that holds plan.okr and teams/web.okr
          include "team/web.okr"

          company acme "Acme" {
            admin ceo

            objective grow "Grow recurring revenue" {
              cycle 2026
              owner ceo
              kr arr "Reach 2M ARR" from 1_000_000 to 2_000_000
            }
          }

          person ceo "Casey Ortiz" in acme
          """,
        fix: """
          Point at the file as it lies next to plan.okr, or include the whole
          folder:

              include "teams/web.okr"
              include "teams/*.okr"
          """)

    case .companyTopLevel:
      RuleDocumentation(
        rule: self,
        summary: "A company objective supports an objective or key result below company level.",
        details: """
          Company objectives are the top of the alignment tree: units, teams
          and people link up to them, and their progress flows up. This fires
          when an objective owned by a company supports an objective or key
          result owned by a unit, a team or a person. If the company depends
          on that work, turn the link around so the lower objective supports
          the company's. Default severity: error. A policy may permit a pair
          with allow company -> team, or change the rule with
          rule company-top-level warning (or note, off).
          """,
        example: """
          company acme "Acme" {
            admin ceo

            objective grow "Grow recurring revenue" {
              cycle 2026
              owner ceo
              supports web.speed accepted by lea
              kr arr "Reach 2M ARR" from 1_000_000 to 2_000_000
            }
          }

          team web "Web" in acme {
            lead lea

            objective speed "Make every page load in under a second" {
              cycle 2026
              owner lea
              tag standalone
              kr p95 "p95 page load" from 2400 to 1000 unit ms
            }
          }

          person ceo "Casey Ortiz" in acme
          person lea "Lea Roux" in web
          """,
        fix: """
          Remove the supports line from acme.grow and let the team objective
          support the company's instead:

              objective speed "Make every page load in under a second" {
                cycle 2026
                owner lea
                supports acme.grow accepted by ceo
                kr p95 "p95 page load" from 2400 to 1000 unit ms
              }
          """)

    case .levelNotAllowed:
      RuleDocumentation(
        rule: self,
        summary: "A supports link joins two levels that the policy does not allow to be linked this way.",
        details: """
          The policy decides which levels may support which. The default
          matrix, child level and the parent levels it may support:

              company  ->  company
              unit     ->  company, unit
              team     ->  company, unit, team, person
              person   ->  company, unit, team, person

          This fires when a link joins a pair the matrix forbids, such as a
          unit objective supporting a team objective: units set direction for
          teams, so such a link usually points the wrong way. A key result
          has its objective's level. A company objective supporting a lower
          level is reported as company-top-level instead. Default severity:
          error. Change the matrix with allow unit -> team or
          deny person -> company in the policy block, or the severity with
          rule level-not-allowed warning (or note, off).
          """,
        example: """
          company acme "Acme" { admin ceo }

          unit ops "Operations" in acme {
            lead dana

            objective cost "Cut hosting cost by a third" {
              cycle 2026
              owner dana
              supports web.speed accepted by lea
              kr bill "Monthly hosting bill in kEUR" from 90 to 60
            }
          }

          team web "Web" in ops {
            lead lea

            objective speed "Make every page load in under a second" {
              cycle 2026
              owner lea
              tag standalone
              kr p95 "p95 page load" from 2400 to 1000 unit ms
            }
          }

          person ceo "Casey Ortiz" in acme
          person dana "Dana Lee" in ops
          person lea "Lea Roux" in web
          """,
        fix: """
          Usually the link points the wrong way: let the team objective
          support the unit's (supports ops.cost accepted by dana) and remove
          the unit's supports line. If your organisation does want units to
          back team objectives, allow the pair:

              policy {
                allow unit -> team
              }
          """)

    case .supportsCycle:
      RuleDocumentation(
        rule: self,
        summary: "Objectives support each other in a loop.",
        details: """
          Progress flows from child to parent, so a loop of supports links
          has no meaning: each objective's progress would depend on itself.
          This fires when following supports links from an objective leads
          back to it, directly (an objective supporting itself or one of its
          own key results) or through others (a supports b, b supports a).
          A link to a key result counts as a link to its objective. The
          message names every objective on the loop. Default severity: error;
          rule supports-cycle changes it.
          """,
        example: """
          company acme "Acme" { admin ceo }

          team web "Web" in acme {
            lead lea

            objective quality "Give visitors a fast and reliable site" {
              cycle 2026-Q1
              owner lea
              supports web.speed accepted by lea
              kr availability "Monthly availability" from 99.5% to 99.9%
            }

            objective speed "Make every page load in under a second" {
              cycle 2026-Q1
              owner lea
              supports web.quality accepted by lea
              kr p95 "p95 page load" from 2400 to 1000 unit ms
            }
          }

          person ceo "Casey Ortiz" in acme
          person lea "Lea Roux" in web
          """,
        fix: """
          Decide which objective serves which and keep only that direction.
          Speed is part of quality, so speed keeps its link; quality gets a
          parent of its own (a company objective) or, as here, a tag:

              objective quality "Give visitors a fast and reliable site" {
                cycle 2026-Q1
                owner lea
                tag standalone
                kr availability "Monthly availability" from 99.5% to 99.9%
              }
          """)

    case .tooManyParents:
      RuleDocumentation(
        rule: self,
        summary: "An objective supports more parents than the policy's max-parents allows.",
        details: """
          An objective that claims to serve many goals spreads one piece of
          work thin and makes impact hard to read. This fires when an
          objective has more supports links than max-parents, which is 2 by
          default; every supports line counts, even two that name key results
          of one objective. Even within the limit a second parent needs the
          shared statement (see unshared-second-parent). Default severity:
          error. Raise the limit with max-parents 3 in the policy block, or
          change the severity with rule too-many-parents warning.
          """,
        example: """
          company acme "Acme" {
            admin ceo
            objective grow "Grow recurring revenue" {
              cycle 2026; owner ceo; kr arr "Reach 2M ARR" from 1_000_000 to 2_000_000
            }
            objective retain "Keep the customers we win" {
              cycle 2026; owner ceo; kr churn "Monthly churn" from 4% to 2%
            }
            objective hire "Hire the team we need" {
              cycle 2026; owner ceo; kr hires "Engineers hired" from 0 to 12
            }
          }

          person ceo "Casey Ortiz" in acme

          person lea "Lea Roux" in acme {
            objective pricing "Ship the new pricing page" {
              cycle 2026-Q1
              shared
              supports acme.grow accepted by ceo
              supports acme.retain accepted by ceo
              supports acme.hire accepted by ceo
              kr live "New pricing page live" milestone
            }
          }
          """,
        fix: """
          Keep the links that the work really moves (here grow and retain)
          and drop the others:

              supports acme.grow accepted by ceo
              supports acme.retain accepted by ceo

          or, if your organisation accepts three parents:

              policy {
                max-parents 3
              }
          """)

    case .unsharedSecondParent:
      RuleDocumentation(
        rule: self,
        summary: "An objective has two parents but is not marked shared.",
        details: """
          A second parent is allowed when it is deliberate: a shared OKR that
          two teams both count as theirs, in full. The shared statement says
          so and tells readers to expect it in two places. This fires when an
          objective has two or more supports links and no shared statement.
          Default severity: warning; rule unshared-second-parent changes it.
          """,
        example: """
          company acme "Acme" {
            admin ceo
            objective grow "Grow recurring revenue" {
              cycle 2026; owner ceo; kr arr "Reach 2M ARR" from 1_000_000 to 2_000_000
            }
            objective retain "Keep the customers we win" {
              cycle 2026; owner ceo; kr churn "Monthly churn" from 4% to 2%
            }
          }

          person ceo "Casey Ortiz" in acme

          person lea "Lea Roux" in acme {
            objective pricing "Ship the new pricing page" {
              cycle 2026-Q1
              supports acme.grow accepted by ceo
              supports acme.retain accepted by ceo
              kr live "New pricing page live" milestone
            }
          }
          """,
        fix: """
          If both parents really count on it, say so:

              objective pricing "Ship the new pricing page" {
                cycle 2026-Q1
                shared
                supports acme.grow accepted by ceo
                supports acme.retain accepted by ceo
                kr live "New pricing page live" milestone
              }

          Otherwise remove one of the supports lines.
          """)

    case .periodTooLong:
      RuleDocumentation(
        rule: self,
        summary: "The child's cycle is longer than the cycle of the objective it supports.",
        details: """
          A child should deliver within its parent's period: a yearly
          objective cannot be one of the parts a quarterly objective is made
          of. This fires when the child's cycle is longer than the parent's.
          Lengths are nominal, so that all quarters compare equal: a month
          counts 31 days, a quarter 92, a half year 184 and a year 366; a
          custom range, or a named cycle, counts its days, both ends included.
          For a link to a key result, the key result's objective's cycle
          counts. Default severity: error; rule period-too-long changes it.
          """,
        example: """
          company acme "Acme" {
            admin ceo

            objective spain "Launch in Spain" {
              cycle 2026-Q1
              owner ceo
              kr customers "First Spanish customers" from 0 to 50
            }
          }

          team web "Web" in acme {
            lead lea

            objective spanish "Translate the whole site into Spanish" {
              cycle 2026
              owner lea
              supports acme.spain accepted by ceo
              kr pages "Pages translated" from 0 to 120
            }
          }

          person ceo "Casey Ortiz" in acme
          person lea "Lea Roux" in web
          """,
        fix: """
          Plan the child for the parent's period (and plan the rest of the
          year in objectives of later quarters):

              objective spanish "Translate the whole site into Spanish" {
                cycle 2026-Q1
                owner lea
                supports acme.spain accepted by ceo
                kr pages "Pages translated" from 0 to 120
              }
          """)

    case .backwardLink:
      RuleDocumentation(
        rule: self,
        summary: "The parent's cycle ends before the child's cycle begins.",
        details: """
          A child that only starts once its parent's period is over can no
          longer move the parent. This fires when the last day of the
          parent's cycle comes before the first day of the child's, for
          example a Q3 objective supporting a Q1 objective; it is usually a
          link left over from an earlier quarter. Overlapping cycles are
          fine. Default severity: error; rule backward-link changes it.
          """,
        example: """
          company acme "Acme" {
            admin ceo

            objective spain "Launch in Spain" {
              cycle 2026-Q1
              owner ceo
              kr customers "First Spanish customers" from 0 to 50
            }
          }

          team web "Web" in acme {
            lead lea

            objective checkout "Spanish payment methods in checkout" {
              cycle 2026-Q3
              owner lea
              supports acme.spain accepted by ceo
              kr methods "Local payment methods live" from 0 to 3
            }
          }

          person ceo "Casey Ortiz" in acme
          person lea "Lea Roux" in web
          """,
        fix: """
          Link the child to an objective that is still running, for example a
          yearly objective of acme:

              objective grow "Grow recurring revenue" {
                cycle 2026
                owner ceo
                kr arr "Reach 2M ARR" from 1_000_000 to 2_000_000
              }

          and in web.checkout:

              supports acme.grow accepted by ceo
          """)

    case .closedCycle:
      RuleDocumentation(
        rule: self,
        summary: "An objective in an open cycle supports an objective whose cycle is closed.",
        details: """
          Closing a cycle (cycle 2025-Q4 closed, cycle FY25 closed) says its
          results are final and reported. This fires when an objective whose
          cycle is still open supports an objective, or a key result of one,
          whose cycle is closed: the link would quietly change figures that
          were already reported. A cycle is closed when a closed declaration
          names it or names a period that contains it entirely (closing 2025
          closes 2025-Q4). Links between two closed objectives are fine.
          Default severity: error; rule closed-cycle changes it.
          """,
        example: """
          cycle 2025-Q4 closed
          cycle winter 2025-12-01..2026-02-27

          company acme "Acme" {
            admin ceo

            objective holidays "Win the holiday season" {
              cycle 2025-Q4
              owner ceo
              kr orders "Holiday orders" from 0 to 10_000 current 10_400
            }
          }

          team web "Web" in acme {
            lead lea

            objective gift-cards "Sell gift cards online" {
              cycle winter
              owner lea
              supports acme.holidays accepted by ceo
              kr cards "Gift cards sold" from 0 to 2_000
            }
          }

          person ceo "Casey Ortiz" in acme
          person lea "Lea Roux" in web
          """,
        fix: """
          Link the running objective to an objective of an open cycle, for
          example a yearly objective of acme:

              objective grow "Grow recurring revenue" {
                cycle 2026
                owner ceo
                kr arr "Reach 2M ARR" from 1_000_000 to 2_000_000
              }

          and in web.gift-cards:

              supports acme.grow accepted by ceo

          If the cycle was closed by mistake, remove its closed line instead.
          """)

    case .orphan:
      RuleDocumentation(
        rule: self,
        summary: "An objective below company level supports nothing and is not tagged as knowingly unlinked.",
        details: """
          Every objective below the company should contribute to something,
          or say plainly that it does not. This fires when a unit, team or
          person objective has no supports link and none of the tags
          exploratory, innovation, maintenance or standalone. Company
          objectives are never orphans. Default severity: warning; a policy
          can make it strict with rule orphan error, or silence it with
          rule orphan off.
          """,
        example: """
          company acme "Acme" {
            admin ceo

            objective hire "Hire the team we need" {
              cycle 2026
              owner ceo
              kr hires "Engineers hired" from 0 to 12
            }
          }

          person ceo "Casey Ortiz" in acme

          person lea "Lea Roux" in acme {
            objective talk "Give a talk at a conference" {
              cycle 2026-Q2
              kr cfp "Talk accepted by a conference" milestone
            }
          }
          """,
        fix: """
          Link it to the objective it serves (a talk helps hiring), with the
          parent's agreement:

              supports acme.hire accepted by ceo

          or, if it is deliberately on its own, tag it:

              objective talk "Give a talk at a conference" {
                cycle 2026-Q2
                tag standalone
                kr cfp "Talk accepted by a conference" milestone
              }
          """)

    case .unacceptedLink:
      RuleDocumentation(
        rule: self,
        summary: "A supports link has no accepted by: the contribution is self-declared.",
        details: """
          A link written only by the child is a claim: the parent's owner may
          not know about it or count on it. Accepting it records that the
          parent agreed. This fires for every supports link without an
          accepted by PERSON, including the link implied by reuses when no
          supports line for the same target adds one. Default severity:
          warning. Organisations that do not track acceptance use
          rule unaccepted-link off; strict ones rule unaccepted-link error.
          """,
        example: """
          company acme "Acme" {
            admin ceo

            objective grow "Grow recurring revenue" {
              cycle 2026
              owner ceo
              kr arr "Reach 2M ARR" from 1_000_000 to 2_000_000
            }
          }

          team web "Web" in acme {
            lead lea

            objective signup "Make sign-up effortless" {
              cycle 2026-Q1
              owner lea
              supports acme.grow
              kr conversion "Sign-up conversion" from 8% to 12%
            }
          }

          person ceo "Casey Ortiz" in acme
          person lea "Lea Roux" in web
          """,
        fix: """
          Ask the parent's owner, then record who accepted and when:

              supports acme.grow accepted by ceo on 2026-01-08
          """)

    case .acceptorWithoutAuthority:
      RuleDocumentation(
        rule: self,
        summary: "The person who accepted a link has no authority over the parent.",
        details: """
          Accepting a link commits the parent to count on the child, so only
          someone responsible for the parent may do it. This fires when the
          person named by accepted by is none of: the parent objective's
          owner (for a link to a key result, the key result's owner or its
          objective's owner); a lead of the entity that owns the parent, or of
          any entity enclosing it; the person whose own objective the parent
          is; an admin of the company. Default severity: error;
          rule acceptor-without-authority changes it.
          """,
        example: """
          company acme "Acme" {
            admin ceo

            objective grow "Grow recurring revenue" {
              cycle 2026
              owner ceo
              kr arr "Reach 2M ARR" from 1_000_000 to 2_000_000
            }
          }

          team web "Web" in acme {
            lead lea

            objective signup "Make sign-up effortless" {
              cycle 2026-Q1
              owner lea
              supports acme.grow accepted by lea
              kr conversion "Sign-up conversion" from 8% to 12%
            }
          }

          person ceo "Casey Ortiz" in acme
          person lea "Lea Roux" in web
          """,
        fix: """
          Have the link accepted by someone responsible for acme.grow, here
          its owner (who is also the company admin):

              supports acme.grow accepted by ceo
          """)

    case .ownerNotMember:
      RuleDocumentation(
        rule: self,
        summary: "An objective's owner is not a member or lead of the entity that owns it.",
        details: """
          The owner is the person accountable for an objective, so they must
          belong to the entity that owns it. This fires when owner names a
          person who is neither a member nor a lead of the owning entity.
          Membership follows in through enclosing entities: a person in team
          web, which is in unit ops, is a member of ops and of the company. A
          company's admins count as its leads, and a person's own objective
          can only be owned by that person. Default severity: error;
          rule owner-not-member changes it.
          """,
        example: """
          company acme "Acme" { admin ceo }

          team web "Web" in acme { lead lea }
          team api "API" in acme { lead max }

          team web {
            objective speed "Make every page load in under a second" {
              cycle 2026
              owner max
              tag standalone
              kr p95 "p95 page load" from 2400 to 1000 unit ms
            }
          }

          person ceo "Casey Ortiz" in acme
          person lea "Lea Roux" in web
          person max "Max Weber" in api
          """,
        fix: """
          Make someone in the team accountable:

              owner lea

          or, if Max really works in both teams, say so:

              person max "Max Weber" in api, web
          """)

    case .nonpositiveWeight:
      RuleDocumentation(
        rule: self,
        summary: "A weight is zero or negative.",
        details: """
          Weights say how much a key result counts in its objective, or a
          child in its parent; progress is the weighted mean. A weight of zero
          or less makes that mean meaningless. This fires for weight W with
          W <= 0, on a key result or on a supports link. To stop counting
          something, remove the key result or the link instead. Default
          severity: error; rule nonpositive-weight changes it.
          """,
        example: """
          company acme "Acme" {
            admin ceo

            objective grow "Grow recurring revenue" {
              cycle 2026
              owner ceo
              kr arr "Reach 2M ARR" from 1_000_000 to 2_000_000
              kr blog "Publish 24 customer stories" from 0 to 24 weight 0
            }
          }

          person ceo "Casey Ortiz" in acme
          """,
        fix: """
          Give it a positive weight (0.5 counts half as much as the others):

              kr blog "Publish 24 customer stories" from 0 to 24 weight 0.5

          or delete the key result if it no longer matters.
          """)

    case .emptyRange:
      RuleDocumentation(
        rule: self,
        summary: "A metric key result has the same from and to value.",
        details: """
          A metric key result runs from a start value to a target, and its
          progress is how far the value has travelled between them. This
          fires when from equals to: there is no distance to travel, so
          progress cannot be computed. Usually the start was copied from the
          target; from should be the value at the start of the cycle. Default
          severity: error; rule empty-range changes it.
          """,
        example: """
          company acme "Acme" {
            admin ceo

            objective loved "Be the tool customers recommend" {
              cycle 2026
              owner ceo
              kr nps "Reach an NPS of 60" from 60 to 60
            }
          }

          person ceo "Casey Ortiz" in acme
          """,
        fix: """
          Start from the baseline:

              kr nps "Reach an NPS of 60" from 41 to 60

          If the point is to hold a level rather than reach one, say so with
          a milestone marked done at the end of the cycle:

              kr nps "NPS stays at 60 or above all year" milestone
          """)

    case .valueOutOfRange:
      RuleDocumentation(
        rule: self,
        summary: "A confidence lies outside 0 to 1, or a progress outside 0% to 100%.",
        details: """
          Some values are fractions with fixed bounds: a check-in's
          confidence lies in [0, 1] (0% to 100%), and a key result's manual
          progress or an objective's progress override in [0%, 100%]. A plain
          number there is a fraction, so progress 40 means 4000%: write 40% or
          0.4. This fires for a value outside the bounds, typically 7 written
          for 0.7, or 120% for a goal beaten (record the real value on a
          metric instead). Metric values themselves may be anything. Default
          severity: error; rule value-out-of-range changes it.
          """,
        example: """
          company acme "Acme" {
            admin ceo

            objective grow "Grow recurring revenue" {
              cycle 2026
              owner ceo
              kr arr "Reach 2M ARR" from 1_000_000 to 2_000_000 {
                checkin 2026-02-27 1_150_000 confidence 7
              }
            }
          }

          person ceo "Casey Ortiz" in acme
          """,
        fix: """
          Write the confidence as a fraction (or as a percentage, 70%):

              checkin 2026-02-27 1_150_000 confidence 0.7
          """)

    case .duplicateCheckin:
      RuleDocumentation(
        rule: self,
        summary: "A key result has two check-ins on the same date.",
        details: """
          A key result has one value per day; with two check-ins on a date,
          which one is that day's value is a guess. This fires when one key
          result has two checkin clauses with the same date. It is usually a
          copied line whose date was not changed, or a correction added
          below the original. Default severity: error;
          rule duplicate-checkin changes it.
          """,
        example: """
          company acme "Acme" {
            admin ceo

            objective grow "Grow recurring revenue" {
              cycle 2026
              owner ceo
              kr arr "Reach 2M ARR" from 1_000_000 to 2_000_000 {
                checkin 2026-02-27 1_150_000
                checkin 2026-02-27 1_180_000 "corrected after the audit"
              }
            }
          }

          person ceo "Casey Ortiz" in acme
          """,
        fix: """
          Keep one check-in per date; for a correction, replace the old one:

              checkin 2026-02-27 1_180_000 "corrected after the audit"
          """)

    case .checkinOutsideCycle:
      RuleDocumentation(
        rule: self,
        summary: "A check-in is dated outside its objective's cycle.",
        details: """
          Check-ins record a key result's value during its objective's cycle.
          This fires when a check-in's date falls before the first or after
          the last day of that cycle: usually a typo in the date, or a value
          that belongs to the next cycle's objective. Default severity:
          warning; rule checkin-outside-cycle changes it.
          """,
        example: """
          company acme "Acme" {
            admin ceo

            objective grow "Grow recurring revenue" {
              cycle 2026
              owner ceo
              kr arr "Reach 2M ARR" from 1_000_000 to 2_000_000
            }
          }

          team web "Web" in acme {
            lead lea

            objective signup "Make sign-up effortless" {
              cycle 2026-Q1
              owner lea
              supports acme.grow accepted by ceo
              kr conversion "Sign-up conversion" from 8% to 12% {
                checkin 2026-02-13 9.5%
                checkin 2026-04-03 11%
              }
            }
          }

          person ceo "Casey Ortiz" in acme
          person lea "Lea Roux" in web
          """,
        fix: """
          Correct the date if it is a typo:

              checkin 2026-03-04 11%

          or record the value on the objective of the quarter it belongs to
          (web's Q2 objective).
          """)

    case .nothingToMeasure:
      RuleDocumentation(
        rule: self,
        summary: "An objective has no key results, no supporters and no progress override.",
        details: """
          An objective's progress comes from its key results and from the
          objectives that support it, or from a progress override. This fires
          for an objective with none of these: its progress is 0 whatever
          happens, so it can never be on track. Add key results, or link to it
          the objectives that deliver it. Default severity: warning;
          rule nothing-to-measure changes it.
          """,
        example: """
          company acme "Acme" {
            admin ceo

            objective loved "Be the tool customers recommend" {
              cycle 2026
              owner ceo
            }
          }

          person ceo "Casey Ortiz" in acme
          """,
        fix: """
          Say how you will know it is achieved:

              objective loved "Be the tool customers recommend" {
                cycle 2026
                owner ceo
                kr nps "Reach an NPS of 60" from 41 to 60
                kr referrals "Share of new customers who were referred" from 10% to 25%
              }
          """)

    case .measuredAndSupported:
      RuleDocumentation(
        rule: self,
        summary: "A key result with its own measure also has supporters, which therefore do not move it.",
        details: """
          A key result with supporters and no measure of its own is measured
          by them: the key result is promoted to the objectives that support
          it. This fires when a key result that has its own measure (from ...
          to, milestone, or progress) also has supporters: its own measure
          decides its progress, and the supporters stay linked for
          traceability only. It is a note because that is often intended.
          Otherwise either drop the key result's own measure so that its
          supporters measure it, or link the supporters to the objective.
          Default severity: note; rule measured-and-supported off silences it.
          """,
        example: """
          company acme "Acme" {
            admin ceo

            objective grow "Grow recurring revenue" {
              cycle 2026
              owner ceo
              kr arr "Reach 2M ARR" from 1_000_000 to 2_000_000
            }
          }

          team web "Web" in acme {
            lead lea

            objective signup "Make sign-up effortless" {
              cycle 2026-Q1
              owner lea
              supports acme.grow.arr accepted by ceo
              kr conversion "Sign-up conversion" from 8% to 12%
            }
          }

          person ceo "Casey Ortiz" in acme
          person lea "Lea Roux" in web
          """,
        fix: """
          Let the objective count the team's work next to the key result:

              supports acme.grow accepted by ceo

          or let the supporters measure the key result, without a metric:

              kr arr "Reach 2M ARR"
          """)

    case .overrideIgnores:
      RuleDocumentation(
        rule: self,
        summary: "A progress override hides the progress computed from key results and supporters.",
        details: """
          progress N% override sets an objective's progress by hand: its key
          results and supporters no longer count, whatever they say. This
          fires for every override, so that hand-set figures stay visible in
          reviews. Overrides are meant for short periods, for example while a
          data source is broken; remove them once the key results carry real
          figures again. Default severity: note; rule override-ignores off
          silences it.
          """,
        example: """
          company acme "Acme" {
            admin ceo

            objective grow "Grow recurring revenue" {
              cycle 2026
              owner ceo
              progress 70% override
              kr arr "Reach 2M ARR" from 1_000_000 to 2_000_000 current 1_250_000
            }
          }

          person ceo "Casey Ortiz" in acme
          """,
        fix: """
          Remove the override and record the value on the key result:

              objective grow "Grow recurring revenue" {
                cycle 2026
                owner ceo
                kr arr "Reach 2M ARR" from 1_000_000 to 2_000_000 {
                  checkin 2026-06-30 1_700_000
                }
              }
          """)

    case .tooManyObjectives:
      RuleDocumentation(
        rule: self,
        summary: "An entity owns more objectives in one cycle than the policy allows.",
        details: """
          Focus is the point of OKRs: with many objectives in one cycle, none
          of them really matters. This fires when one entity owns more
          objectives in one cycle than its level's limit: by default company
          5, unit 4, team 4, person 4. Objectives count per owning entity,
          not per owner person, and per cycle: two objectives for 2026-Q1 and
          one for 2026-Q2 are two and one. Default severity: warning. Change
          the limits with objectives-per-owner team 5, person 3 in the policy
          block, or the severity with rule too-many-objectives.
          """,
        example: """
          company acme "Acme" { admin ceo }

          person ceo "Casey Ortiz" in acme

          person lea "Lea Roux" in acme {
            objective pricing "Ship the pricing page" {
              cycle 2026-Q1; tag standalone; kr live "Page live" milestone
            }
            objective docs "Rewrite the API docs" {
              cycle 2026-Q1; tag standalone; kr pages "Pages rewritten" from 0 to 40
            }
            objective talk "Give a conference talk" {
              cycle 2026-Q1; tag standalone; kr cfp "Talk accepted" milestone
            }
            objective mentor "Mentor two juniors" {
              cycle 2026-Q1; tag standalone; kr sessions "Sessions held" from 0 to 12
            }
            objective rust "Learn Rust" {
              cycle 2026-Q1; tag exploratory; kr book "Finish the book" progress 20%
            }
          }
          """,
        fix: """
          Choose what matters this quarter and move the rest to a later
          cycle:

              objective rust "Learn Rust" {
                cycle 2026-Q2; tag exploratory; kr book "Finish the book" progress 20%
              }

          or raise the limit for people:

              policy {
                objectives-per-owner person 5
              }
          """)
    }
  }
}
