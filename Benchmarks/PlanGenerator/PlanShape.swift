/// The skeleton of a plan: who exists, how many objectives each entity owns, and which
/// objective supports which, decided before any text is written.
///
/// Only what crosses a file boundary lives here: the company's and the units' objectives
/// (team files link to them, and a key result that teams support is written without a
/// measure of its own) and the links of team objectives. Person objectives are decided
/// while their team is written, from the team's own random stream.
struct PlanShape {
  /// Persons 1 to 4 are the company's executives; person 1 is the company admin.
  static let executiveCount = 4
  /// The admin of the company, who may accept any link.
  static let admin = 1
  /// Most objectives one team or person owns in one quarter (the default policy, §5).
  static let objectivesPerQuarter = 4

  /// An objective of the company or of a unit, with what teams need to link to it.
  struct UpperObjective {
    let id: [UInt8]
    let topic: Int
    let cycle: Cycle
    /// The accountable person, if the objective names one.
    let owner: Int?
    let keyResultCount: Int
    /// For a unit objective, the index of the company objective it supports.
    let parent: Int?
    /// Bit `k` is set when a team objective supports key result `k + 1`.
    var promotedKeyResults: UInt8 = 0
  }

  /// A business unit: its lead, one more member, and its objectives.
  struct Unit {
    let number: Int
    let lead: Int
    let staff: Int
    let objectives: Range<Int>
  }

  /// A team: its members (the first one leads), its objective budget and its own objectives.
  struct Team {
    let number: Int
    let unit: Int
    let firstPerson: Int
    let memberCount: Int
    /// Objectives of the team and of its members together.
    let objectiveCount: Int
    let teamObjectives: Range<Int>

    /// The team's objectives per quarter decide the quarters in which members have objectives.
    var coveredQuarters: Int { min(teamObjectives.count, 4) }
  }

  /// What a team objective supports: a unit objective, or one of its key results.
  struct TeamObjectiveLink {
    let quarter: Int
    let parent: Int
    /// The promoted key result's index (0-based), or `nil` for the objective itself.
    let keyResult: Int?
  }

  let objectiveCount: Int
  let companyObjectives: [UpperObjective]
  let units: [Unit]
  private(set) var unitObjectives: [UpperObjective]
  let teams: [Team]
  let teamObjectives: [TeamObjectiveLink]

  /// Shapes a plan of exactly `objectiveCount` objectives from stream 0 of `seed`.
  init(objectiveCount: Int, seed: UInt64, vocabulary: Vocabulary) {
    var random = SplitMix64(seed: seed)
    var ids = ObjectiveIDs(topicCount: vocabulary.topics.count)
    self.objectiveCount = objectiveCount

    let companyCount = min(objectiveCount, max(1, min(5, objectiveCount / 100)))
    companyObjectives = (0..<companyCount).map { _ in
      let topic = random.below(vocabulary.topics.count)
      return UpperObjective(
        id: ids.next(topic: topic, slug: vocabulary.topics[topic].slug), topic: topic, cycle: .year,
        owner: random.between(1...Self.executiveCount), keyResultCount: Self.keyResultCount(&random),
        parent: nil)
    }

    // About thirty units per 100,000 objectives, each with six to ten objectives spread over
    // 2026, 2026-H1 and 2026-H2 (at most four per cycle); every unit gets a 2026 one first.
    let unitCount = max(1, (objectiveCount * 3 + 9_999) / 10_000)
    let afterCompany = objectiveCount - companyCount
    var unitBudget = min(afterCompany, max(unitCount, afterCompany / 4))
    let wanted = (0..<unitCount).map { _ in random.between(6...10) }
    var perUnit = Array(repeating: 0, count: unitCount)
    for round in 0..<10 {
      for unit in 0..<unitCount where unitBudget > 0 && wanted[unit] > round {
        perUnit[unit] += 1
        unitBudget -= 1
      }
    }
    var units: [Unit] = []
    var unitObjectives: [UpperObjective] = []
    for unit in 0..<unitCount {
      let lead = Self.executiveCount + 1 + 2 * unit
      let first = unitObjectives.count
      let cycles = (0..<perUnit[unit]).map { [Cycle.year, .firstHalf, .secondHalf][$0 % 3] }
      ids.startOwner()
      for cycle in cycles.sorted(by: { $0.rawValue < $1.rawValue }) {
        let parent = random.below(companyCount)
        let topic = random.chance(40) ? companyObjectives[parent].topic : random.below(vocabulary.topics.count)
        let ownerDraw = random.below(10)
        unitObjectives.append(
          UpperObjective(
            id: ids.next(topic: topic, slug: vocabulary.topics[topic].slug), topic: topic, cycle: cycle,
            owner: ownerDraw < 5 ? lead : ownerDraw < 8 ? lead + 1 : nil,
            keyResultCount: Self.keyResultCount(&random), parent: parent))
      }
      units.append(Unit(number: unit + 1, lead: lead, staff: lead + 1, objectives: first..<unitObjectives.count))
    }

    // Teams of six to ten people with 56 to 96 objectives each (about 16% of them the
    // team's own, spread evenly over the quarters), until the budget is spent.
    var remaining = afterCompany - unitObjectives.count
    var budgets: [Int] = []
    while remaining > 0 {
      budgets.append(min(remaining, random.between(56...96)))
      remaining -= budgets[budgets.count - 1]
    }
    var teams: [Team] = []
    var links: [TeamObjectiveLink] = []
    var nextPerson = Self.executiveCount + 2 * unitCount + 1
    for (index, budget) in budgets.enumerated() {
      let unit = units[index * unitCount / budgets.count]
      let teamObjectiveCount = min(16, max(1, (budget * 16 + 50) / 100))
      let quarters = min(teamObjectiveCount, 4)
      let perMemberCapacity = Self.objectivesPerQuarter * quarters
      let personObjectives = budget - teamObjectiveCount
      let members = max(random.between(6...10), (personObjectives + perMemberCapacity - 1) / perMemberCapacity)
      let first = links.count
      for quarter in 0..<4 {
        let count = teamObjectiveCount / 4 + (quarter < teamObjectiveCount % 4 ? 1 : 0)
        let half = Cycle.quarter(quarter).enclosingHalf
        let candidates = unit.objectives.filter {
          unitObjectives[$0].cycle == .year || unitObjectives[$0].cycle == half
        }
        for _ in 0..<count {
          let parent = candidates[random.below(candidates.count)]
          var keyResult: Int?
          if random.chance(15) {
            let promoted = random.below(unitObjectives[parent].keyResultCount)
            unitObjectives[parent].promotedKeyResults |= 1 << promoted
            keyResult = promoted
          }
          links.append(TeamObjectiveLink(quarter: quarter, parent: parent, keyResult: keyResult))
        }
      }
      teams.append(
        Team(
          number: index + 1, unit: unit.number - 1, firstPerson: nextPerson, memberCount: members,
          objectiveCount: budget, teamObjectives: first..<links.count))
      nextPerson += members
    }
    self.units = units
    self.unitObjectives = unitObjectives
    self.teams = teams
    self.teamObjectives = links
  }

  /// Two to four key results, three on average.
  static func keyResultCount(_ random: inout SplitMix64) -> Int {
    [2, 3, 3, 4][random.below(4)]
  }
}
