/// Writes a plan's text from its shape: the company and its units, then one team at a time.
///
/// Each part draws from its own random stream of the seed (the company and units from
/// stream 1, team `i` from stream `i + 2`), so a team's text is the same whether it goes to
/// a file of its own or into one big file.
struct PlanWriter {
  /// What has been written so far.
  struct Tally {
    var objectives = 0
    var keyResults = 0
    var checkins = 0
    var persons = 0
  }

  /// An entity as the plan names it: `acme`, `u3`, `t12` or `p345`.
  private enum EntityName {
    case company
    case unit(Int)
    case team(Int)
    case person(Int)
  }

  /// A `supports` target and the person who accepted the link.
  private struct Link {
    let entity: EntityName
    let objective: [UInt8]
    /// The 0-based index of the supported key result, or `nil` for the objective itself.
    let keyResult: Int?
    let acceptor: Int
  }

  /// A team objective, as its members' objectives need it.
  private struct TeamObjective {
    let id: [UInt8]
    let topic: Int
    let owner: Int?
  }

  /// Where text goes; ``startFile(at:)`` swaps it between parts to write one file per team.
  private(set) var sink: ByteSink
  /// The bytes written to the sinks closed so far.
  private(set) var closedByteCount = 0
  private(set) var tally = Tally()
  private let shape: PlanShape
  private let words: Vocabulary
  private let calendar = Calendar2026()
  private let seed: UInt64
  private var random: SplitMix64
  private var ids: ObjectiveIDs
  /// The key-result titles the current objective has used: metrics in bits 0 to 31,
  /// deliverables from bit 32 on, so no objective repeats a title.
  private var usedTitles: UInt64 = 0

  init(shape: PlanShape, vocabulary: Vocabulary, seed: UInt64, sink: ByteSink) {
    self.shape = shape
    self.words = vocabulary
    self.seed = seed
    self.sink = sink
    random = SplitMix64(seed: seed, stream: 1)
    ids = ObjectiveIDs(topicCount: vocabulary.topics.count)
  }

  /// A comment naming the generator, and `include "teams/*.okr"` when there are team files
  /// (an include that matches nothing is an error).
  mutating func writeHeader(includingTeams: Bool) {
    sink.write("# Benchmark plan written by okr-plangen: ")
    sink.write(number: shape.objectiveCount)
    sink.write(" objectives, seed ")
    sink.write(Array(String(seed).utf8))
    sink.write(".\n")
    if includingTeams { sink.write("include \"teams/*.okr\"\n") }
    sink.write("\n")
  }

  /// The company with its admin, executives and objectives, then every unit with its two people.
  mutating func writeCompanyAndUnits() throws {
    random = SplitMix64(seed: seed, stream: 1)
    sink.write("company acme \"Acme Corp\" {\n  admin p")
    sink.write(number: PlanShape.admin)
    sink.write("\n")
    for objective in shape.companyObjectives {
      try writeObjective(
        id: objective.id, topic: objective.topic, cycle: objective.cycle, owner: objective.owner, links: [],
        keyResultCount: objective.keyResultCount, promotedKeyResults: 0)
    }
    sink.write("}\n")
    for person in 1...PlanShape.executiveCount {
      writePerson(person, in: .company, opensBlock: false)
    }
    for unit in shape.units {
      sink.write("\nunit ")
      write(.unit(unit.number))
      sink.write(" \"")
      sink.write(words.unitNames[(unit.number - 1) % words.unitNames.count])
      if unit.number > words.unitNames.count {
        sink.write(" ")
        sink.write(number: (unit.number - 1) / words.unitNames.count + 1)
      }
      sink.write("\" in acme {\n  lead p")
      sink.write(number: unit.lead)
      sink.write("\n")
      for objective in shape.unitObjectives[unit.objectives] {
        let parent = shape.companyObjectives[objective.parent!]
        let acceptor = random.chance(60) ? parent.owner ?? PlanShape.admin : PlanShape.admin
        try writeObjective(
          id: objective.id, topic: objective.topic, cycle: objective.cycle, owner: objective.owner,
          links: [Link(entity: .company, objective: parent.id, keyResult: nil, acceptor: acceptor)],
          keyResultCount: objective.keyResultCount, promotedKeyResults: objective.promotedKeyResults)
      }
      sink.write("}\n")
      writePerson(unit.lead, in: .unit(unit.number), opensBlock: false)
      writePerson(unit.staff, in: .unit(unit.number), opensBlock: false)
    }
  }

  /// Closes the current sink and goes on writing into a new file at `path`.
  mutating func startFile(at path: String) throws {
    try sink.close()
    closedByteCount += sink.byteCount
    sink = try ByteSink(path: path)
  }

  /// Closes the current sink; what was written to all of them.
  mutating func finish() throws -> Int {
    try sink.close()
    closedByteCount += sink.byteCount
    return closedByteCount
  }

  /// Team `index` with its lead and objectives, then each member with their own objectives; with
  /// `parts` above one, the team block and its members' blocks are spread in order over that many
  /// files, part `n` (from 1) going to `path(n)` (the team is then declared in one file and its
  /// people in others, which a plan allows).
  mutating func writeTeam(_ index: Int, parts: Int = 1, path: (Int) -> String = { _ in "" }) throws {
    let team = shape.teams[index]
    let unit = shape.units[team.unit]
    let lead = team.firstPerson
    random = SplitMix64(seed: seed, stream: UInt64(index) + 2)

    sink.write("\nteam ")
    write(.team(team.number))
    sink.write(" \"")
    sink.write(words.teamAreas[random.below(words.teamAreas.count)])
    sink.write(" ")
    sink.write(words.teamKinds[random.below(words.teamKinds.count)])
    sink.write("\" in ")
    write(.unit(unit.number))
    sink.write(" {\n  lead p")
    sink.write(number: lead)
    sink.write("\n")
    ids.startOwner()
    var teamObjectives: [TeamObjective] = []
    var byQuarter: [[Int]] = Array(repeating: [], count: 4)
    for link in shape.teamObjectives[team.teamObjectives] {
      let parent = shape.unitObjectives[link.parent]
      let topic = random.chance(40) ? parent.topic : random.below(words.topics.count)
      let id = ids.next(topic: topic, slug: words.topics[topic].slug)
      let ownerDraw = random.below(100)
      let owner = ownerDraw < 45 ? lead : ownerDraw < 80 ? lead + 1 + random.below(team.memberCount - 1) : nil
      // The unit's lead, the parent's owner or the admin accepts; a promoted key result has no
      // owner of its own, so only the lead or the admin accepts a link to it.
      let acceptorDraw = random.below(100)
      let acceptor =
        acceptorDraw >= 90
        ? PlanShape.admin
        : acceptorDraw >= 55 && link.keyResult == nil ? parent.owner ?? unit.lead : unit.lead
      try writeObjective(
        id: id, topic: topic, cycle: .quarter(link.quarter), owner: owner,
        links: [Link(entity: .unit(unit.number), objective: parent.id, keyResult: link.keyResult, acceptor: acceptor)],
        keyResultCount: PlanShape.keyResultCount(&random), promotedKeyResults: 0)
      byQuarter[link.quarter].append(teamObjectives.count)
      teamObjectives.append(TeamObjective(id: id, topic: topic, owner: owner))
    }
    sink.write("}\n")

    // Spread the members' objectives over (member, quarter) slots, at most four per slot,
    // in the quarters where the team has objectives to support.
    let quarters = team.coveredQuarters
    var perSlot = Array(repeating: 0, count: team.memberCount * quarters)
    for _ in 0..<(team.objectiveCount - team.teamObjectives.count) {
      var slot: Int
      repeat { slot = random.below(perSlot.count) } while perSlot[slot] == PlanShape.objectivesPerQuarter
      perSlot[slot] += 1
    }
    var part = 0
    for member in 0..<team.memberCount {
      // The team block is the first of the team's memberCount + 1 blocks.
      let memberPart = (member + 1) * parts / (team.memberCount + 1)
      if memberPart != part {
        part = memberPart
        try startFile(at: path(part))
      }
      let slots = member * quarters..<(member + 1) * quarters
      let hasObjectives = perSlot[slots].contains { $0 > 0 }
      writePerson(team.firstPerson + member, in: .team(team.number), opensBlock: hasObjectives)
      guard hasObjectives else { continue }
      ids.startOwner()
      for quarter in 0..<quarters {
        for _ in 0..<perSlot[slots.lowerBound + quarter] {
          let candidates = byQuarter[quarter]
          var parents = [candidates[random.below(candidates.count)]]
          if candidates.count > 1 && random.chance(3) {
            let other = random.below(candidates.count - 1)
            parents.append(candidates.filter { $0 != parents[0] }[other])
          }
          let links = parents.map { parent in
            Link(
              entity: .team(team.number), objective: teamObjectives[parent].id, keyResult: nil,
              acceptor: random.chance(70) ? lead : teamObjectives[parent].owner ?? lead)
          }
          let topic = random.chance(40) ? teamObjectives[parents[0]].topic : random.below(words.topics.count)
          try writeObjective(
            id: ids.next(topic: topic, slug: words.topics[topic].slug), topic: topic, cycle: .quarter(quarter),
            owner: nil, links: links, keyResultCount: PlanShape.keyResultCount(&random), promotedKeyResults: 0)
        }
      }
      sink.write("}\n")
    }
  }

  /// `person pN "Name" in ENTITY`, opening a block for the person's objectives if asked to.
  private mutating func writePerson(_ person: Int, in entity: EntityName, opensBlock: Bool) {
    sink.write(opensBlock ? "\nperson " : "person ")
    write(.person(person))
    sink.write(" \"")
    sink.write(words.firstNames[random.below(words.firstNames.count)])
    sink.write(" ")
    sink.write(words.lastNames[random.below(words.lastNames.count)])
    sink.write("\" in ")
    write(entity)
    sink.write(opensBlock ? " {\n" : "\n")
    tally.persons += 1
  }

  /// One objective block, indented for an entity block; more than one link makes it `shared`.
  private mutating func writeObjective(
    id: [UInt8], topic: Int, cycle: Cycle, owner: Int?, links: [Link], keyResultCount: Int,
    promotedKeyResults: UInt8
  ) throws {
    sink.write("  objective ")
    sink.write(id)
    sink.write(" \"")
    writeObjectiveTitle(topic: topic)
    sink.write("\" {\n    cycle ")
    sink.write(cycle.spelling)
    if let owner {
      sink.write("\n    owner ")
      write(.person(owner))
    }
    for link in links {
      sink.write("\n    supports ")
      write(link.entity)
      sink.write(".")
      sink.write(link.objective)
      if let keyResult = link.keyResult {
        sink.write(".k")
        sink.write(number: keyResult + 1)
      }
      if random.chance(15) {
        sink.write(" weight ")
        sink.write(words.weights[random.below(words.weights.count)])
      }
      sink.write(" accepted by ")
      write(.person(link.acceptor))
      sink.write(" on ")
      sink.write(calendar.spelling(ofDay: cycle.firstDay + random.between(0...12)))
    }
    if links.count > 1 { sink.write("\n    shared") }
    sink.write("\n")
    usedTitles = 0
    for index in 0..<keyResultCount {
      writeKeyResult(index, cycle: cycle, measured: promotedKeyResults & (1 << index) == 0)
    }
    sink.write("  }\n")
    tally.objectives += 1
    try sink.flushIfFull()
  }

  /// A verb, the topic and a qualifier, 40 to 70 characters in all.
  private mutating func writeObjectiveTitle(topic: Int) {
    let phrase = words.topics[topic].phrase
    var verb: [UInt8]
    var qualifier: [UInt8]
    var length: Int
    repeat {
      verb = words.verbs[random.below(words.verbs.count)]
      qualifier = words.qualifiers[random.below(words.qualifiers.count)]
      length = verb.count + phrase.count + qualifier.count + 2
    } while !(40...70).contains(length)
    sink.write(verb)
    sink.write(" ")
    sink.write(phrase)
    sink.write(" ")
    sink.write(qualifier)
  }

  /// Key result `index + 1`: a metric with `current` or with check-ins, a milestone, a
  /// `progress N%`, or, when teams support it (`measured` is false), a title alone.
  private mutating func writeKeyResult(_ index: Int, cycle: Cycle, measured: Bool) {
    sink.write("    kr k")
    sink.write(number: index + 1)
    sink.write(" \"")
    tally.keyResults += 1
    guard measured else {
      writeDeliverableTitle()
      sink.write("\"\n")
      return
    }
    switch random.below(100) {
    case ..<33: writeMetric(index, cycle: cycle, withCheckins: false)
    case ..<41: writeMetric(index, cycle: cycle, withCheckins: true)
    case ..<68:
      writeDeliverableTitle()
      sink.write("\" milestone")
      if random.chance(40) {
        sink.write(" done ")
        sink.write(calendar.spelling(ofDay: cycle.firstDay + random.between(7...cycle.dayCount - 1)))
      }
      sink.write("\n")
    default:
      writeDeliverableTitle()
      sink.write("\" progress ")
      sink.write(number: random.between(0...20) * 5)
      sink.write("%\n")
    }
  }

  /// The rest of a metric key result after its opening quote: title, range, and either
  /// `current` or a block of check-ins.
  private mutating func writeMetric(_ index: Int, cycle: Cycle, withCheckins: Bool) {
    let metric = words.metrics[unusedTitle(of: words.metrics.count, from: 0)]
    sink.write(metric.title)
    writeScope()
    let (from, to) = values(of: metric)
    sink.write("\" from ")
    write(from, of: metric)
    sink.write(" to ")
    write(to, of: metric)
    if let unit = metric.unit {
      sink.write(" unit ")
      sink.write(unit)
    }
    if random.chance(5) {
      sink.write(" weight ")
      sink.write(words.weights[random.below(words.weights.count)])
    }
    guard withCheckins else {
      sink.write(" current ")
      write(from + (to - from) * random.between(5...85) / 100, of: metric)
      sink.write("\n")
      return
    }
    // One to three check-ins, one per third of the cycle; key result k checks in on days
    // 7k to 7k + 6 of each third, so no two check-ins of an objective share a date.
    sink.write(" {\n")
    let third = cycle.dayCount / 3
    var reached = 0
    for checkin in 0..<random.between(1...3) {
      reached = min(100, reached + random.between(5...30))
      sink.write("      checkin ")
      sink.write(calendar.spelling(ofDay: cycle.firstDay + checkin * third + 7 * index + random.between(0...6)))
      sink.write(" ")
      write(from + (to - from) * reached / 100, of: metric)
      if random.chance(75) {
        sink.write(" confidence 0.")
        sink.write(number: random.between(3...9))
      }
      if random.chance(20) {
        sink.write(" \"")
        sink.write(words.checkinNotes[random.below(words.checkinNotes.count)])
        sink.write("\"")
      }
      sink.write("\n")
      tally.checkins += 1
    }
    sink.write("    }\n")
  }

  /// A deliverable's title for a milestone, an estimate or a key result teams support.
  private mutating func writeDeliverableTitle() {
    sink.write(words.deliverables[unusedTitle(of: words.deliverables.count, from: 32)])
    writeScope()
  }

  /// A random index below `count` whose bit (counted from `firstBit`) is clear in
  /// `usedTitles`, which then has it set.
  private mutating func unusedTitle(of count: Int, from firstBit: Int) -> Int {
    var index: Int
    repeat { index = random.below(count) } while usedTitles & (1 << (firstBit + index)) != 0
    usedTitles |= 1 << (firstBit + index)
    return index
  }

  /// A region or segment after a key-result title, one time in twenty.
  private mutating func writeScope() {
    if random.chance(5) { sink.write(words.scopes[random.below(words.scopes.count)]) }
  }

  /// A metric's start and target: percentages shifted a little, counts scaled, decimals as they are.
  private mutating func values(of metric: Vocabulary.Metric) -> (from: Int, to: Int) {
    if metric.isDecimal { return (metric.from, metric.to) }
    if metric.isPercent {
      let shift = random.between(-3...3)
      return (metric.from + shift, metric.to + shift)
    }
    let scale = random.between(60...160)
    let from = metric.from * scale / 100
    let to = metric.to * scale / 100
    return (from, to != from ? to : from + (metric.to > metric.from ? 1 : -1))
  }

  /// A metric value: tenths for decimal metrics, with `%` for percentages.
  private mutating func write(_ value: Int, of metric: Vocabulary.Metric) {
    if metric.isDecimal { sink.write(tenths: value) } else { sink.write(number: value) }
    if metric.isPercent { sink.write("%") }
  }

  private mutating func write(_ entity: EntityName) {
    switch entity {
    case .company: sink.write("acme")
    case .unit(let number):
      sink.write("u")
      sink.write(number: number)
    case .team(let number):
      sink.write("t")
      sink.write(number: number)
    case .person(let number):
      sink.write("p")
      sink.write(number: number)
    }
  }
}
