import Testing

@testable import OKRKit

/// Names read from the sources (link targets, acceptors, owners) are looked up by their bytes,
/// yet resolve as `String`s compare: a name written in another Unicode normalization form, or
/// with a character canonically equivalent to an ASCII one, names the same entity.
@Suite struct WrittenNameLookupTests {
  static let composed = "caf\u{E9}"
  static let decomposed = "cafe\u{301}"
  /// U+212A KELVIN SIGN, canonically equivalent to `K`.
  static let kelvin = "\u{212A}"

  @Test func namesInAnotherNormalizationFormResolve() throws {
    let text = """
      company acme "Acme" {
        admin boss
        objective grow "Grow" { kr k1 "Revenue" from 0 to 10 }
      }
      person boss "Boss" in acme
      team \(Self.composed) "Café" in acme {
        lead \(Self.kelvin)x
        objective brew "Brew" { kr k1 "Cups" from 0 to 10 }
      }
      person \(Self.kelvin)x "Kelvin" in \(Self.decomposed)
      team t2 "T2" in acme {
        objective a "A" {
          owner Kx
          shared
          supports \(Self.decomposed).brew.k1 accepted by Kx
          supports acme.grow accepted by boss
          kr k1 "X" from 0 to 1 owner Kx
        }
      }
      """
    let (plan, diagnostics) = PlanResolver.resolve(FrontEndFixtures.parse(text))
    #expect(!diagnostics.contains { $0.rule == .unknownReference || $0.rule == .wrongKind })
    let person = try #require(plan.entity(named: "\(Self.kelvin)x"))
    let team = try #require(plan.entity(named: "t2"))
    let objective = try #require(plan.objective(owner: team, localID: "a"))
    #expect(plan[objective].accountable == person)
    #expect(plan.links.map { plan.qualifiedName($0.target) } == ["\(Self.composed).brew.k1", "acme.grow"])
    #expect(plan.links.map(\.acceptedBy) == [person, plan.entity(named: "boss")])
    #expect(plan.keyResults.last?.owner == person)
  }

  /// Neighbouring links mostly name the same acceptor, which is remembered once found to be a
  /// person; a name that is not a person's is reported at every link that writes it.
  @Test func everyAcceptorThatIsNoPersonIsReported() throws {
    let text = """
      company acme "Acme" {
        admin boss
        objective grow "Grow"
        objective keep "Keep"
      }
      person boss "Boss" in acme
      team t "T" in acme {
        objective a "A" {
          supports acme.grow accepted by t
          supports acme.keep accepted by t
        }
        objective b "B" {
          supports acme.grow accepted by boss
          supports acme.keep accepted by boss
        }
        objective c "C" { supports acme.grow accepted by t }
        objective d "D" { supports acme.grow accepted by bosss }
        objective e "E" { supports acme.grow accepted by bosss }
      }
      """
    let (plan, diagnostics) = PlanResolver.resolve(FrontEndFixtures.parse(text))
    let boss = try #require(plan.entity(named: "boss"))
    #expect(plan.links.map(\.acceptedBy) == [nil, nil, boss, boss, nil, nil, nil])
    let renderer = DiagnosticRenderer(sources: plan.sources)
    func lines(_ rule: Rule) -> [Int] {
      diagnostics.filter { $0.rule == rule }.map { renderer.lineColumn($0.location).line }
    }
    let (wrongKind, unknown) = (lines(.wrongKind), lines(.unknownReference))
    #expect(wrongKind == [9, 10, 16])
    #expect(unknown == [17, 18])
  }

  @Test func unknownAndWrongKindNamesAreStillReported() {
    let text = """
      company acme "Acme" {
        admin boss
        objective grow "Grow" { kr k1 "Revenue" from 0 to 10 }
      }
      person boss "Boss" in acme
      team t "T" in acme {
        objective a "A" {
          owner acme
          supports acmee.grow accepted by bos
          supports acme accepted by boss
        }
      }
      """
    let (_, diagnostics) = PlanResolver.resolve(FrontEndFixtures.parse(text))
    #expect(
      diagnostics.map(\.message) == [
        "expected a person as an objective's owner, found the company 'acme'",
        "unknown entity 'acmee' in 'acmee.grow'",
        "expected an objective or key result, found the company 'acme'",
      ])
    #expect(diagnostics[1].help == "did you mean `acme.grow`?")
  }

  @Test func theTableFindsEveryIDByItsBytesAndNothingElse() {
    var table = EntityNameTable()
    let names = (0..<1_000).map { "e\($0)" } + [Self.composed]
    for name in names { table.append(name) }
    for (index, name) in names.enumerated() {
      var name = name
      #expect(name.withUTF8 { table.find(UnsafeRawBufferPointer($0)) } == EntityID(index))
    }
    for absent in ["e1000", "", "E1", Self.decomposed] {
      var absent = absent
      #expect(absent.withUTF8 { table.find(UnsafeRawBufferPointer($0)) } == nil)
    }
    #expect(table.hasNonASCIIName)
  }
}
