/// Builds a ``Plan`` from parsed files: resolves every name, whatever file or order it is
/// declared in, and reports `unknown-reference`, `duplicate-definition` and `wrong-kind`
/// (plus the policy's own problems). The linking rules run afterwards, in ``PlanChecker``.
public struct PlanResolver {
  private var plan: Plan
  /// The syntax trees; what resolving no longer needs of them is let go as it goes.
  private var files: [SyntaxFile]
  private var problems = ResolutionProblems()
  /// What has been freed of the trees, to hand back to the system.
  private var freedMemory = FreedMemory()
  /// Every objective declaration, in traversal order: its id's ``ObjectiveID/index``, or -1 when it
  /// repeats an id (the later walks over the declarations read this instead of looking each one
  /// up again; see ``declaredID(_:)``).
  private var declaredObjectives: [Int32] = []
  /// The fewest objectives resolved as one piece of parallel work.
  private var objectivesPerPiece = 4_096
  /// From this many key results on, objectives are built a wave of pieces at a time so that the
  /// fact tables can go as they are used (about 80 MB of them); below, in one go.
  private var keyResultsWorthWaves = 1_000_000
  /// Every entity declaration whose objectives were declared, in traversal order.
  private var objectiveBlocks: [ObjectiveBlock] = []
  /// For each fact table of each file, the last of ``objectiveBlocks`` holding one of its
  /// objectives (-1 for none), noted as objectives are declared: after it, the table can go.
  private var lastBlockOfTable: [Int] = []
  /// Where each file's tables start in ``lastBlockOfTable``.
  private var firstTable: [Int] = []
  /// Per declared objective: its id within its owner and where that is written, to find repeated
  /// ids while objectives are declared (they are built later, on all cores, from their
  /// declarations).
  private var objectiveNames: [DeclaredName] = []
  /// Per declared objective: its owner, and where its key results and check-ins go.
  private var objectivePlaces: [ObjectivePlaces] = []
  /// How many key results and check-ins the objectives declared so far have.
  private var keyResultTotal: Int32 = 0
  private var checkinTotal: Int32 = 0
  /// Per declared objective, what resolving its links reads: the declarations can go as soon as
  /// the objectives are built.
  private var linkSources: [ObjectiveResolver.LinkSource] = []
  /// The `reuses` reference of each declared objective that has one, by ``ObjectiveID/index``.
  private var reusedReferences: [Int32: Reference] = [:]
  /// Whether the entity declarations' members were let go as their objectives were built.
  private var releasedDeclarations = false
  /// Per entity, its objectives as they are declared, and the index of those of owners with many
  /// (``Plan/largeOwnerIndex``): kept apart from the plan, which ``EntityDeclarer`` owns
  /// meanwhile on another core, then moved into it.
  private var ownedObjectives: [[ObjectiveID]] = []
  private var largeOwnerIndex: [Plan.ObjectiveKey: ObjectiveID] = [:]
  /// How many pieces are built, or have their links resolved, at a time: eight per core, each core
  /// taking the next as it comes free, so that none waits long for the others at the end of a
  /// wave (with four, the core done first waited about half a piece, 2–3 ms, every wave).
  private static var piecesPerWave: Int { ParallelWork.coreCount * 8 }
  /// From this many top-level declarations on, entities and objectives are declared on two cores;
  /// a smaller plan is declared before a thread would have started.
  private static let itemsWorthTwoCores = 1_024

  /// Resolves the parsed plan. Given the only copy of `parsed` (`resolve(consume parsed)`), it
  /// frees each part of the syntax trees once the plan holds what it says, so the trees and the
  /// plan are never all in memory at once; a shared `parsed` is left as it is.
  public static func resolve(_ parsed: consuming ParsedPlan) -> (plan: Plan, diagnostics: [Diagnostic]) {
    resolve(consume parsed, objectivesPerPiece: 4_096)
  }

  /// Resolves the parsed plan; objectives are declared and links resolved in pieces of at least
  /// `objectivesPerPiece` objectives, and declared in waves from `keyResultsWorthWaves` key results
  /// on (tests compare different sizes).
  static func resolve(
    _ parsed: consuming ParsedPlan, objectivesPerPiece: Int, keyResultsWorthWaves: Int = 1_000_000
  ) -> (plan: Plan, diagnostics: [Diagnostic]) {
    var resolver = PlanResolver(consume parsed)
    resolver.objectivesPerPiece = objectivesPerPiece
    resolver.keyResultsWorthWaves = keyResultsWorthWaves
    resolver.run()
    return (resolver.plan, resolver.problems.finished(in: resolver.plan))
  }

  private init(_ parsed: consuming ParsedPlan) {
    plan = Plan(sources: parsed.sources)
    files = parsed.syntax
    // Size every array and index once, from what the parser counted (duplicates make these upper bounds).
    // By index: each file copied out would have its lists counted in and out.
    var counts = DeclarationCounts()
    var tables = 0
    firstTable.reserveCapacity(files.count)
    for index in files.indices {
      counts.add(files[index].counts)
      firstTable.append(tables)
      tables += files[index].factTables.count
    }
    plan.entities.reserveCapacity(counts.entities)
    plan.entityIndex.reserveCapacity(counts.entities)
    plan.entityNames.reserveCapacity(counts.entities)
    declaredObjectives.reserveCapacity(counts.objectives)
    objectiveNames.reserveCapacity(counts.objectives)
    objectivePlaces.reserveCapacity(counts.objectives)
    lastBlockOfTable = Array(repeating: -1, count: tables)
    linkSources.reserveCapacity(counts.objectives)
  }

  private mutating func run() {
    declareCycles()
    declareEntitiesAndObjectives()
    // The same pieces for both: they are cut by where the declarations' facts are, which the
    // first lets go of.
    let pieces = piecesOfEqualWork()
    let order = tablesInReleaseOrder()
    declareObjectivesAndKeyResults(in: pieces, releasing: order)
    resolveLinks(in: pieces, releasing: order)
    resolvePolicy()
    // The trees are read no more; most of what is left of them is objective declarations, unless
    // they went as their objectives were built.
    files = []
    if !releasedDeclarations {
      freedMemory.noteFreed(smallBlocks: declaredObjectives.count * MemoryLayout<ObjectiveDecl>.stride)
    }
    freedMemory.handBack()
    plan.buildAdjacency()
  }

  private func location(_ file: FileID, _ span: Span) -> SourceLocation {
    SourceLocation(file: file, span: span)
  }

  private mutating func report(_ diagnostic: Diagnostic) { problems.report(diagnostic) }

  // MARK: - Cycles

  private mutating func declareCycles() {
    var byName: [String: Int] = [:]
    var closings: [(name: Identifier, file: FileID)] = []
    // By index, reading only the cycles: each file or item copied out would have its lists
    // counted in and out.
    for fileIndex in files.indices where !files[fileIndex].holdsOnlyEntities {
      let file = files[fileIndex].file
      for itemIndex in files[fileIndex].items.indices {
        guard case .cycle(let decl) = files[fileIndex].items[itemIndex] else { continue }
        if let name = decl.name, let period = decl.period {
          guard case .literal(let value) = period.value else { continue }
          if let existing = byName[name.name] {
            report(
              Diagnostic(
                .duplicateDefinition, "the cycle '\(name.name)' is declared twice",
                at: location(file, name.span), label: "declared again here",
                labels: [.init(plan.cycles[existing].location, "first declared here")],
                help: "give the second cycle another name, or remove it"))
            continue
          }
          byName[name.name] = plan.cycles.count
          plan.cycles.append(
            NamedCycle(
              name: name.name, period: value, isClosed: decl.closed != nil,
              location: location(file, name.span)))
        } else if let name = decl.name {
          closings.append((name, file))
        } else if let period = decl.period, case .literal(let value) = period.value {
          plan.closedPeriods.insert(value)
        }
      }
    }
    for (name, file) in closings {
      if let index = byName[name.name] {
        plan.cycles[index].isClosed = true
      } else {
        report(
          Diagnostic(
            .unknownReference, "there is no cycle named '\(name.name)' to close",
            at: location(file, name.span), label: "unknown cycle",
            help: Suggestions.didYouMean(name.name, among: plan.cycles.lazy.map(\.name))
              ?? "declare it first: cycle \(name.name) 2026-01-01..2026-06-30"))
      }
    }
  }

  // MARK: - Entities

  /// Declares the entities, then resolves their `in`, `lead` and `admin` names, on one core,
  /// while declaring their objectives (ids, repeated ids, where key results go) on another, each
  /// entity declaration's as soon as its entity is known.
  private mutating func declareEntitiesAndObjectives() {
    // At most one entity declaration per item, and one entity per declaration.
    let items = files.reduce(0) { $0 + $1.items.count }
    // The plan goes to the entities' side (moved, not copied): the objectives' side reads none of it.
    var entities = EntityDeclarer(plan: Plan(sources: plan.sources), capacity: items)
    swap(&plan, &entities.plan)
    let declared = DeclaredEntities(capacity: items)
    ownedObjectives = Array(repeating: [], count: items)
    let files = files
    let objectivesProblems = ParallelWork.pair(
      concurrently: items >= Self.itemsWorthTwoCores,
      {
        entities.declareEntities(of: files, publishingTo: declared)
        entities.resolveRelations(of: files, declared)
      },
      { () -> ResolutionProblems in
        var problems = ResolutionProblems()
        swap(&problems, &self.problems)
        declareObjectivesOfEveryEntity(declared)
        swap(&problems, &self.problems)
        return problems
      }
    ).1
    swap(&plan, &entities.plan)
    // In the order of one walk: the cycles', the entities' (only they ask for suggestions, which
    // are answered in the order asked), then the objectives'.
    problems.append(contentsOf: entities.problems)
    problems.append(contentsOf: objectivesProblems)
    for index in plan.entities.indices where !ownedObjectives[index].isEmpty {
      swap(&plan.entities[index].objectives, &ownedObjectives[index])
    }
    ownedObjectives = []
    plan.largeOwnerIndex = largeOwnerIndex
    largeOwnerIndex = [:]
  }

  /// Declares the objectives of every entity declaration whose entity `declared` gives, in
  /// traversal order.
  private mutating func declareObjectivesOfEveryEntity(_ declared: DeclaredEntities) {
    var declaration = 0
    // By index, and read in part, as the entities' walk on the other core reads the same trees.
    for fileIndex in files.indices {
      for itemIndex in files[fileIndex].items.indices {
        guard let (entityID, members) = files[fileIndex].items[itemIndex].entityMembers else { continue }
        defer { declaration += 1 }
        guard let owner = declared.entity(declaredBy: declaration) else { continue }
        objectiveBlocks.append(
          ObjectiveBlock(file: fileIndex, item: itemIndex, firstDeclared: declaredObjectives.count, table: -1))
        declareObjectives(of: members, declaredBy: entityID, owner: owner, file: fileIndex)
      }
    }
  }

  // MARK: - Objectives and key results

  /// Gives the objectives among the `members` of an entity declaration of `files[fileIndex]`
  /// (written with the id `entityID`), the last of ``objectiveBlocks``, their ids, in declaration
  /// order, reports repeated ones, counts out where each one's key results and check-ins go, and
  /// notes which fact tables the block reads; the objectives are built later, on all cores.
  private mutating func declareObjectives(
    of members: [EntityMember], declaredBy entityID: Identifier, owner: EntityID, file fileIndex: Int
  ) {
    let file = files[fileIndex].file
    let block = objectiveBlocks.count - 1
    // Sized once, by the first declaration: reserving again for each reopening would copy the
    // list each time (`reserveCapacity` grows to exactly what is asked), where appending grows it
    // geometrically.
    if ownedObjectives[Int(owner.index)].isEmpty {
      ownedObjectives[Int(owner.index)].reserveCapacity(members.count)
    }
    // Only the ids and counts are read: copying each whole declaration would cost more.
    var table: Int32 = -1
    for index in members.indices {
      guard let (objectiveID, counts, facts, reuses) = members[index].objectiveHeading else { continue }
      if facts.table != table {
        table = facts.table
        lastBlockOfTable[firstTable[fileIndex] + Int(table)] = block
        if objectiveBlocks[block].table < 0 { objectiveBlocks[block].table = table }
      }
      let here = location(file, objectiveID.span)
      // From the name, not the source: the declarations are at hand, the source's pages are not.
      var name = objectiveID.name
      let fingerprint = name.withUTF8 { WrittenName.fingerprint(UnsafeRawBufferPointer($0)) }
      if let existing = earlierObjective(owner: owner, localID: objectiveID.name, fingerprint: fingerprint) {
        declaredObjectives.append(-1)
        report(
          Diagnostic(
            .duplicateDefinition,
            "'\(entityID.name).\(objectiveID.name)' is declared twice",
            at: here, label: "declared again here",
            labels: [.init(objectiveNames[Int(existing.index)].location, "first declared here")],
            help: "an objective's id is unique within its owner; rename one of them"))
        continue
      }
      let id = ObjectiveID(objectiveNames.count)
      declaredObjectives.append(id.index)
      linkSources.append(ObjectiveResolver.LinkSource(table: facts.table, supports: facts.supports))
      if let reuses { reusedReferences[id.index] = reuses }
      // Two records, not a value per field in six lists: each append tests its list's uniqueness.
      objectiveNames.append(DeclaredName(name: objectiveID.name, fingerprint: fingerprint, location: here))
      objectivePlaces.append(
        ObjectivePlaces(owner: owner, firstKeyResult: keyResultTotal, firstCheckin: checkinTotal))
      (keyResultTotal, checkinTotal) = (keyResultTotal + counts.keyResults, checkinTotal + counts.checkins)
      addObjective(id, to: owner)
    }
  }

  /// The objective `localID` of `owner` declared so far, if any; `fingerprint` is the name's
  /// ``WrittenName/fingerprint(_:)``. A search through the owner's few objectives, or a hash
  /// lookup for an owner with many. Inlined: called from a mutating method, a call copied the
  /// whole resolver (376 bytes) for every objective declared.
  @inline(__always)
  private func earlierObjective(owner: EntityID, localID: String, fingerprint: UInt32) -> ObjectiveID? {
    let owned = ownedObjectives[Int(owner.index)]
    guard owned.count <= Plan.linearObjectiveLookup else {
      return largeOwnerIndex[Plan.ObjectiveKey(owner: owner, localID: localID)]
    }
    for id in owned {
      // ASCII names with other fingerprints differ: no need to compare the `String`s.
      let other = objectiveNames[Int(id.index)].fingerprint
      if fingerprint != 0, other != 0, fingerprint != other { continue }
      if objectiveNames[Int(id.index)].name == localID { return id }
    }
    return nil
  }

  /// Adds the objective `id` to those of `owner`, indexing them once the owner has many.
  private mutating func addObjective(_ id: ObjectiveID, to owner: EntityID) {
    ownedObjectives[Int(owner.index)].append(id)
    let count = ownedObjectives[Int(owner.index)].count
    if count == Plan.linearObjectiveLookup + 1 {
      for earlier in ownedObjectives[Int(owner.index)] {
        largeOwnerIndex[Plan.ObjectiveKey(owner: owner, localID: objectiveNames[Int(earlier.index)].name)] = earlier
      }
    } else if count > Plan.linearObjectiveLookup + 1 {
      largeOwnerIndex[Plan.ObjectiveKey(owner: owner, localID: objectiveNames[Int(id.index)].name)] = id
    }
  }

  /// Builds every objective, key result and check-in, in pieces on all cores: each piece writes
  /// the places ``declareObjectives(of:declaredBy:owner:file:)`` counted out for its objectives. Fact tables
  /// are let go, in `order`, as their last objective block (``lastBlockOfTable``) is built and,
  /// in waves, the declarations of each wave once it is built.
  private mutating func declareObjectivesAndKeyResults(in pieces: [Range<Int>], releasing order: [TablePlace]) {
    let objectiveCount = objectivePlaces.count
    // Building reads the names and where they are written from the declarations.
    objectiveNames = []
    let keyResultCount = Int(keyResultTotal)
    let checkinCount = Int(checkinTotal)
    var keyResults: [KeyResult] = []
    var checkins: [CheckinRecord] = []
    var reported: [ResolutionProblems] = []
    let objectives = [Objective](unsafeUninitializedCapacity: objectiveCount) { objectiveSlots, objectivesWritten in
      keyResults = [KeyResult](unsafeUninitializedCapacity: keyResultCount) { keyResultSlots, keyResultsWritten in
        checkins = [CheckinRecord](unsafeUninitializedCapacity: checkinCount) { checkinSlots, checkinsWritten in
          // A few pieces at a time (``piecesPerWave``), letting go of each fact table once declared;
          // in one go when the tables are too small for that to matter.
          var released = 0
          let waveSize = keyResultCount >= keyResultsWorthWaves ? Self.piecesPerWave : pieces.count
          // Each wave's memory is handed back while the next one starts (see `declare`).
          var handingBack = false
          for wave in stride(from: 0, to: pieces.count, by: waveSize) {
            let wavePieces = Array(pieces[wave..<min(wave + waveSize, pieces.count)])
            let handBack = handingBack ? { FreedMemory.handBackAll() } : nil
            reported.append(
              contentsOf: declare(
                in: wavePieces, into: objectiveSlots, keyResultSlots, checkinSlots, alongside: handBack))
            releaseFacts(before: wavePieces[wavePieces.count - 1].upperBound, in: order, from: &released) {
              $0.releaseDeclaringFacts(into: &$1)
            }
            if waveSize < pieces.count {
              releaseDeclarations(wavePieces[0].lowerBound..<wavePieces[wavePieces.count - 1].upperBound)
              // Each wave, as the plan grows by about as much as this frees.
              handingBack = freedMemory.takeHandBack(worth: 0)
            } else {
              freedMemory.handBack()
            }
          }
          if handingBack { FreedMemory.handBackAll() }
          checkinsWritten = checkinCount
        }
        keyResultsWritten = keyResultCount
      }
      objectivesWritten = objectiveCount
    }
    plan.objectives = objectives
    plan.keyResults = keyResults
    plan.checkins = checkins
    for piece in reported { problems.append(contentsOf: piece) }
    // Only declaring needed these (12 MB at a million objectives): gone before links are built.
    objectivePlaces = []
  }

  /// Lets go of the members and parents of the entity declarations `blocks` of ``objectiveBlocks``
  /// and of those written between them (persons, mostly) once their objectives are built:
  /// ``linkSources`` keeps what resolving links reads of them. Those written between them go too
  /// so that whole pages of the heap are freed and can be handed back (``freedMemory`` notes them).
  /// A file of entity blocks alone is read no more once its last block is built: its whole list of
  /// declarations goes, which leaves no part of the file's tree between the blocks freed (each such
  /// part would keep the freed blocks around it apart: a hand-back's cost is one call per block).
  private mutating func releaseDeclarations(_ blocks: Range<Int>) {
    releasedDeclarations = true
    for index in blocks {
      let block = objectiveBlocks[index]
      let next = objectiveBlocks.indices.contains(index + 1) ? objectiveBlocks[index + 1] : nil
      // Where the file's next block starts; nil after its last.
      let nextInFile = next.flatMap { $0.file == block.file ? $0.item : nil }
      let wholeFile = nextInFile == nil && files[block.file].holdsOnlyEntities
      let end = nextInFile ?? files[block.file].items.count
      for item in (wholeFile ? 0 : block.item)..<end {
        guard case .entity(var decl) = files[block.file].items[item] else { continue }
        freedMemory.noteFreed(decl.members.capacity, of: EntityMember.self)
        freedMemory.noteFreed(decl.parents.capacity, of: Reference.self)
        if wholeFile { continue }
        (decl.members, decl.parents) = ([], [])
        files[block.file].items[item] = .entity(decl)
      }
      if wholeFile {
        freedMemory.noteFreed(files[block.file].items.capacity, of: SyntaxFile.Item.self)
        files[block.file].items = []
      }
    }
  }

  /// Lets go, with `release`, of part of the fact tables whose objectives are all in
  /// ``objectiveBlocks`` before `end`: those of `order` (``tablesInReleaseOrder()``) from
  /// `next` on, which moves past them. Frees memory when the resolver holds the only copy of the
  /// trees; ``freedMemory`` notes it, for the caller to hand back (once for all it lets go of:
  /// each hand-back walks every heap).
  private mutating func releaseFacts(
    before end: Int, in order: [TablePlace], from next: inout Int,
    _ release: (inout BodyFactTable, inout FreedMemory) -> Void
  ) {
    while next < order.count, order[next].lastBlock < end {
      release(&files[Int(order[next].file)].factTables[Int(order[next].table)], &freedMemory)
      next += 1
    }
  }

  /// A fact table of a file, and the last of ``objectiveBlocks`` that reads it.
  private struct TablePlace {
    var lastBlock: Int
    var file: Int32
    var table: Int32
  }

  /// Every fact table, in the order their last readers come (``lastBlockOfTable``): each wave
  /// lets go of the next few, without looking at the tables of every file again.
  private func tablesInReleaseOrder() -> [TablePlace] {
    var order: [TablePlace] = []
    order.reserveCapacity(lastBlockOfTable.count)
    for file in firstTable.indices {
      let end = file + 1 < firstTable.count ? firstTable[file + 1] : lastBlockOfTable.count
      for table in firstTable[file]..<end {
        order.append(
          TablePlace(lastBlock: lastBlockOfTable[table], file: Int32(file), table: Int32(table - firstTable[file])))
      }
    }
    // Stable, in file order among tables with the same last reader.
    return order.enumerated().sorted { ($0.element.lastBlock, $0.offset) < ($1.element.lastBlock, $1.offset) }
      .map(\.element)
  }

  /// Declares the objectives of each piece of ``objectiveBlocks`` and their key results, on all
  /// cores; returns each piece's problems.
  private func declare(
    in pieces: [Range<Int>], into objectives: UnsafeMutableBufferPointer<Objective>,
    _ keyResults: UnsafeMutableBufferPointer<KeyResult>, _ checkins: UnsafeMutableBufferPointer<CheckinRecord>,
    alongside: (() -> Void)?
  ) -> [ResolutionProblems] {
    nonisolated(unsafe) let (objectiveSlots, keyResultSlots, checkinSlots) = (objectives, keyResults, checkins)
    let cycleIndex = Dictionary(plan.cycles.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
    // Each piece's places are written in full, in order: their pages are mapped together first,
    // by the calling thread, which let go of the last wave's memory, while the other cores start
    // on the pieces already mapped (see BENCHMARKS.md, eighteenth pass).
    let mapPages = { (piece: Range<Int>) in
      let ids = objectiveIDs(in: piece)
      guard !ids.isEmpty else { return }
      let (first, next) = (objectivePlaces[ids.lowerBound], nextPlaces(after: ids.upperBound - 1))
      let keyResults = Int(first.firstKeyResult)..<Int(next.keyResult)
      let checkins = Int(first.firstCheckin)..<Int(next.checkin)
      FreshPages.map(UnsafeMutableBufferPointer(rebasing: objectiveSlots[ids]))
      FreshPages.map(UnsafeMutableBufferPointer(rebasing: keyResultSlots[keyResults]))
      FreshPages.map(UnsafeMutableBufferPointer(rebasing: checkinSlots[checkins]))
    }
    // Another core meanwhile hands back what the last wave let go of (`alongside`: the hand-back
    // walks every heap, about 4 ms at a million objectives); mapping pages takes no lock of the
    // allocator's.
    return ParallelWork.map(pieces, preparingInOrder: mapPages, alongside: alongside) { piece in
      var statements = ObjectiveStatementReader(plan: plan, cycleIndex: cycleIndex)
      var declarer = KeyResultDeclarer(plan: plan, keyResults: keyResultSlots, checkins: checkinSlots)
      var readAhead = ReadAhead()
      forEachDeclaredObjective(in: piece) { decl, id, file, source in
        readAhead.reach(decl.id.span.start, in: source)
        let index = Int(id.index)
        let owned = objectivePlaces[index]
        let places = owned.firstKeyResult..<nextPlaces(after: index).keyResult
        var objective = Objective(
          owner: owned.owner, localID: decl.id.name, title: decl.title, keyResults: places,
          location: SourceLocation(file: file.file, span: decl.id.span))
        statements.read(decl.facts, into: &objective, syntax: file, problems: &declarer.problems)
        (objectiveSlots.baseAddress! + index).initialize(to: consume objective)
        declarer.declare(
          decl.facts, of: id, writtenAs: decl.id.name, owner: owned.owner, keyResults: places,
          firstCheckin: Int(owned.firstCheckin), in: file, source: source)
      }
      return declarer.problems
    }
  }

  // MARK: - Links

  /// Where the key results and check-ins of the objective after `index` start: past the last
  /// objective, the totals.
  private func nextPlaces(after index: Int) -> (keyResult: Int32, checkin: Int32) {
    guard index + 1 < objectivePlaces.count else { return (keyResultTotal, checkinTotal) }
    return (objectivePlaces[index + 1].firstKeyResult, objectivePlaces[index + 1].firstCheckin)
  }

  /// A declared objective's id within its owner, its ``WrittenName/fingerprint(_:)`` (to tell
  /// names apart without comparing them) and where it is written.
  private struct DeclaredName {
    var name: String
    var fingerprint: UInt32
    var location: SourceLocation
  }

  /// A declared objective's owner, and where its key results and check-ins start in
  /// ``Plan/keyResults`` and ``Plan/checkins``.
  private struct ObjectivePlaces {
    var owner: EntityID
    var firstKeyResult: Int32
    var firstCheckin: Int32
  }

  /// An entity declaration whose objectives are declared: where it is, and where its objectives
  /// start in ``declaredObjectives``.
  private struct ObjectiveBlock {
    var file: Int
    var item: Int
    var firstDeclared: Int
    /// The fact table of its first objective (those of one declaration share one), -1 for none.
    var table: Int32
  }

  /// Resolves every objective's links, in pieces of about equal size on all cores, and joins the
  /// pieces in declaration order: links and diagnostics come out as from one walk. In a large plan
  /// the pieces run a few at a time (``piecesPerWave``), so their results never hold more than a
  /// small part of the plan, and the `supports` facts are let go, in `order`, as their last
  /// objective block (``lastBlockOfTable``) is done. Each piece's links are copied into the plan's
  /// on all cores too.
  private mutating func resolveLinks(in pieces: [Range<Int>], releasing order: [TablePlace]) {
    var released = 0
    let waveSize = plan.keyResults.count >= keyResultsWorthWaves ? Self.piecesPerWave : pieces.count
    // At least as many as resolve: the links written.
    let capacity = linkCount(in: 0..<objectiveBlocks.count)
    plan.links = [Link](unsafeUninitializedCapacity: capacity) { links, linksWritten in
      for wave in stride(from: 0, to: pieces.count, by: waveSize) {
        let wavePieces = pieces[wave..<min(wave + waveSize, pieces.count)]
        let outputs = resolveLinks(in: wavePieces)
        releaseFacts(before: wavePieces[wavePieces.endIndex - 1].upperBound, in: order, from: &released) {
          $0.releaseLinkFacts(into: &$1)
        }
        freedMemory.handBack()
        var starts: [Int] = []
        for output in outputs {
          starts.append(linksWritten)
          linksWritten += output.links.count
        }
        nonisolated(unsafe) let slots = links
        _ = ParallelWork.map(Array(outputs.indices)) { piece in
          let places = starts[piece]..<starts[piece] + outputs[piece].links.count
          _ = UnsafeMutableBufferPointer(rebasing: slots[places]).initialize(fromContentsOf: outputs[piece].links)
        }
        for output in outputs {
          for parents in output.parents {
            let index = Int(parents.objective.index)
            plan.objectives[index].reuses = parents.reuses
            plan.objectives[index].hasUnresolvedParent = parents.hasUnresolvedParent
          }
          problems.append(contentsOf: output.problems)
        }
      }
    }
  }

  /// Resolves the links of each piece of ``objectiveBlocks``, on all cores, from ``linkSources``
  /// in the order the objectives were declared.
  private func resolveLinks(in pieces: ArraySlice<Range<Int>>) -> [ObjectiveResolver.Output] {
    ParallelWork.map(Array(pieces)) { piece in
      var resolver = ObjectiveResolver(plan: plan)
      resolver.reserveLinks(linkCount(in: piece))
      forEachFile(of: piece) { blocks, syntax, source in
        for index in blocks {
          let block = objectiveBlocks[index]
          for position in block.firstDeclared..<firstDeclared(after: index) {
            guard let id = declaredID(position) else { continue }
            let reuses = reusedReferences.isEmpty ? nil : reusedReferences[id.index]
            resolver.resolve(linkSources[Int(id.index)], reuses: reuses, id: id, syntax: syntax, source: source)
          }
        }
      }
      return resolver.output
    }
  }

  /// Calls `body` with each run of the entity declarations `blocks` of ``objectiveBlocks`` made
  /// in one file, and that file's tree and source: taken once per file rather than once per
  /// declaration, as every piece reads the same few, and each copy counts references in memory
  /// that the cores would otherwise take turns to own.
  private func forEachFile(of blocks: Range<Int>, _ body: (Range<Int>, SyntaxFile, SourceFile) -> Void) {
    var start = blocks.lowerBound
    while start < blocks.upperBound {
      let file = objectiveBlocks[start].file
      var end = start + 1
      while end < blocks.upperBound, objectiveBlocks[end].file == file { end += 1 }
      // Passed straight from the lists: a copy of the tree counted each of its lists in and out.
      body(start..<end, files[file], plan.sources.files[Int(files[file].file.index)])
      start = end
    }
  }

  /// How many links the objectives of the entity declarations `blocks` of ``objectiveBlocks``
  /// write (`supports` and `reuses`): at least as many as they resolve to.
  private func linkCount(in blocks: Range<Int>) -> Int {
    guard let last = blocks.last else { return 0 }
    var count = 0
    for position in objectiveBlocks[blocks.lowerBound].firstDeclared..<firstDeclared(after: last) {
      guard let id = declaredID(position) else { continue }
      count += linkSources[Int(id.index)].supports.count
      if !reusedReferences.isEmpty, reusedReferences[id.index] != nil { count += 1 }
    }
    return count
  }

  /// Calls `body` with what building reads of each objective declared by the entity declarations
  /// `blocks` of ``objectiveBlocks`` (not yet let go; ``EntityMember/objectiveParts``), its id,
  /// file and source: the same walk as the declaring one, so the same objectives, repeated ids
  /// skipped.
  ///
  /// The file and source are taken once per file (``forEachFile(of:_:)``), and of each
  /// declaration only its members.
  private func forEachDeclaredObjective(
    in blocks: Range<Int>, _ body: (EntityMember.ObjectiveParts, ObjectiveID, SyntaxFile, SourceFile) -> Void
  ) {
    forEachFile(of: blocks) { blocks, syntax, source in
      for block in objectiveBlocks[blocks] {
        guard let (_, members) = syntax.items[block.item].entityMembers else { continue }
        var next = block.firstDeclared
        for member in members.indices {
          guard let objective = members[member].objectiveParts else { continue }
          defer { next += 1 }
          guard let id = declaredID(next) else { continue }
          body(objective, id, syntax, source)
        }
      }
    }
  }

  /// Ranges of ``objectiveBlocks`` holding about the same number of objectives, enough for eight
  /// waves (so that the trees go an eighth at a time as the plan is built); one range for small
  /// plans. A file parsed in pieces has its facts in several tables: the objectives of each table
  /// get a whole number of waves of pieces (a multiple of ``piecesPerWave``), so that a table can
  /// go right after the wave that reads the last of it.
  private func piecesOfEqualWork() -> [Range<Int>] {
    let count = min(Self.piecesPerWave * 8, declaredObjectives.count / objectivesPerPiece)
    guard count > 1 else { return [0..<objectiveBlocks.count] }
    var pieces: [Range<Int>] = []
    for segment in blocksByFactTable() {
      let first = objectiveBlocks[segment.lowerBound].firstDeclared
      let objectives = firstDeclared(after: segment.upperBound - 1) - first
      let share = max(1, (count * objectives + declaredObjectives.count / 2) / declaredObjectives.count)
      let segmentCount = (share + Self.piecesPerWave - 1) / Self.piecesPerWave * Self.piecesPerWave
      var start = segment.lowerBound
      var cuts = 0
      for block in segment.dropFirst()
      where cuts + 1 < segmentCount
        && objectiveBlocks[block].firstDeclared - first >= max(1, objectives * (cuts + 1) / segmentCount)
      {
        pieces.append(start..<block)
        start = block
        cuts += 1
      }
      pieces.append(start..<segment.upperBound)
    }
    return pieces
  }

  /// The ids of the objectives declared in `blocks` of ``objectiveBlocks`` (ids are given in
  /// declaration order, so they are consecutive).
  private func objectiveIDs(in blocks: Range<Int>) -> Range<Int> {
    guard !blocks.isEmpty else { return 0..<0 }
    let declared = objectiveBlocks[blocks.lowerBound].firstDeclared..<firstDeclared(after: blocks.upperBound - 1)
    guard let first = declared.first(where: { declaredObjectives[$0] >= 0 }),
      let last = declared.last(where: { declaredObjectives[$0] >= 0 })
    else { return 0..<0 }
    return Int(declaredObjectives[first])..<Int(declaredObjectives[last]) + 1
  }

  /// The id of the objective declaration at `position` of ``declaredObjectives``; nil when it
  /// repeats an id.
  private func declaredID(_ position: Int) -> ObjectiveID? {
    declaredObjectives[position] < 0 ? nil : ObjectiveID(declaredObjectives[position])
  }

  /// Where the declared objectives of `block` of ``objectiveBlocks`` end in ``declaredObjectives``.
  private func firstDeclared(after block: Int) -> Int {
    block + 1 < objectiveBlocks.count ? objectiveBlocks[block + 1].firstDeclared : declaredObjectives.count
  }

  /// ``objectiveBlocks`` in runs whose objectives' facts are in one table of a file parsed in
  /// pieces, or in files parsed whole.
  private func blocksByFactTable() -> [Range<Int>] {
    var runs: [Range<Int>] = []
    var start = 0
    var table = factTable(of: objectiveBlocks[0])
    for block in objectiveBlocks.indices.dropFirst() {
      // A block without objectives (a person's, mostly) goes with the run it is in.
      guard let blockTable = factTable(of: objectiveBlocks[block]), blockTable != table else { continue }
      runs.append(start..<block)
      (start, table) = (block, blockTable)
    }
    runs.append(start..<objectiveBlocks.count)
    return runs
  }

  /// Where the facts of a block's objectives are: a file parsed in pieces and one of its tables.
  private struct FactTablePlace: Equatable {
    var file: Int
    var table: Int32
  }

  /// Where the facts of `block`'s objectives are (those of one entity declaration are in one
  /// table), when its file was parsed in pieces; nil for a file parsed whole.
  private func factTable(of block: ObjectiveBlock) -> FactTablePlace? {
    guard files[block.file].factTables.count > 1, block.table >= 0 else { return nil }
    return FactTablePlace(file: block.file, table: block.table)
  }

  // MARK: - Policy

  private mutating func resolvePolicy() {
    var first: SourceLocation?
    // By index, as the cycles are read.
    for fileIndex in files.indices where !files[fileIndex].holdsOnlyEntities {
      let file = files[fileIndex].file
      for itemIndex in files[fileIndex].items.indices {
        guard case .policy(let decl) = files[fileIndex].items[itemIndex] else { continue }
        let here = location(file, Span(start: decl.span.start, end: decl.span.start + 6))
        if let first {
          report(
            Diagnostic(
              .duplicateDefinition, "a plan has at most one policy block", at: here,
              label: "second policy", labels: [.init(first, "the plan's policy is here")],
              help: "merge the settings into the first policy block"))
          continue
        }
        first = here
        plan.policy.location = here
        for statement in decl.statements { apply(statement, file: file) }
      }
    }
  }

  private mutating func apply(_ statement: PolicyStatement, file: FileID) {
    switch statement {
    case .maxParents(let value, _):
      if value.value < 1 || value.value != value.value.rounded() || value.isPercent {
        report(
          Diagnostic(
            .valueOutOfRange, "max-parents must be a whole number of at least 1",
            at: location(file, value.span), help: "write max-parents 2"))
      } else {
        plan.policy.maxParents = Int(min(value.value, 1_000_000))
      }
    case .allow(let child, let parent, _), .deny(let child, let parent, _):
      guard let childLevel = level(child, file: file), let parentLevel = level(parent, file: file) else { return }
      if case .allow = statement, childLevel == .company, parentLevel != .company {
        report(
          Diagnostic(
            .companyTopLevel, "company objectives can never support lower levels",
            at: location(file, child.span.union(parent.span)),
            help: "remove this line; company objectives are the top of the plan"))
        return
      }
      if case .allow = statement {
        plan.policy.levelOverrides[.init(childLevel, parentLevel)] = true
      } else {
        plan.policy.levelOverrides[.init(childLevel, parentLevel)] = false
      }
    case .objectivesPerOwner(let limits, _):
      for (levelName, limit) in limits {
        guard let level = level(levelName, file: file) else { continue }
        if limit.value < 1 || limit.value != limit.value.rounded() || limit.isPercent {
          report(
            Diagnostic(
              .valueOutOfRange, "objectives-per-owner needs a whole number of at least 1",
              at: location(file, limit.span), help: "write objectives-per-owner \(level.rawValue) 4"))
          continue
        }
        plan.policy.objectivesPerOwner[level] = Int(min(limit.value, 1_000_000))
      }
    case .status(let thresholds, _):
      for (name, threshold) in thresholds {
        let value = threshold.fraction
        guard (0...1).contains(value) else {
          report(
            Diagnostic(
              .valueOutOfRange, "a status threshold is a ratio between 0 and 1",
              at: location(file, threshold.span), help: "write e.g. status at-risk 0.8 off-track 0.5"))
          continue
        }
        switch name.name {
        case "at-risk": plan.policy.onTrackRatio = value
        case "off-track": plan.policy.atRiskRatio = value
        default:
          report(
            Diagnostic.unknown(
              "status threshold", name.name, at: location(file, name.span),
              candidates: ["at-risk", "off-track"],
              fallback: "the thresholds are at-risk (below it an objective is at risk) and off-track"))
        }
      }
      if plan.policy.atRiskRatio > plan.policy.onTrackRatio {
        report(
          Diagnostic(
            .valueOutOfRange, "the off-track threshold is above the at-risk threshold",
            at: location(file, statement.span),
            help: "off-track must be at most at-risk, e.g. status at-risk 0.8 off-track 0.5"))
      }
    case .rule(let name, let setting, _):
      guard let rule = Rule(rawValue: name.name) else {
        report(
          Diagnostic.unknown(
            "rule", name.name, at: location(file, name.span), candidates: Rule.allCases.map(\.rawValue),
            fallback: "`okr explain` lists the rule names"))
        return
      }
      guard rule.isConfigurable else {
        report(
          Diagnostic(
            .wrongKind, "the rule '\(rule.rawValue)' cannot be changed by a policy",
            at: location(file, name.span), help: "only linking and hygiene rules can be relaxed; fix the plan instead"))
        return
      }
      switch setting.name {
      case "error": plan.policy.severities[rule] = .some(.error)
      case "warning": plan.policy.severities[rule] = .some(.warning)
      case "note": plan.policy.severities[rule] = .some(.note)
      case "off": plan.policy.severities[rule] = .some(nil)
      default:
        report(
          Diagnostic.unknown(
            "rule setting", setting.name, at: location(file, setting.span),
            candidates: ["error", "warning", "note", "off"], fallback: "write error, warning, note or off"))
      }
    }
  }

  private mutating func level(_ name: Identifier, file: FileID) -> Level? {
    if let level = Level(rawValue: name.name) { return level }
    report(
      Diagnostic.unknown(
        "level", name.name, at: location(file, name.span), candidates: Level.allCases.map(\.rawValue),
        fallback: "the levels are company, unit, team and person"))
    return nil
  }
}

/// Finds an element by key among the last ones appended to an array (one objective's key results
/// or links): a linear search while there are a few, a hash index once there are many, so an
/// objective with thousands of them stays linear.
struct TailIndex<Key: Hashable> {
  /// Where the indexed range starts, and how many of its elements are indexed.
  private var start = -1
  private var indexed = 0
  private var positions: [Key: Int] = [:]
  private static var linearLimit: Int { 16 }

  /// The first position in `range` whose key is `key`. `range` grows at its end between calls
  /// and starts elsewhere for the next group.
  mutating func find(_ key: Key, in range: Range<Int>, key keyAt: (Int) -> Key) -> Int? {
    if range.count <= Self.linearLimit { return range.first { keyAt($0) == key } }
    if start != range.lowerBound {
      positions.removeAll(keepingCapacity: true)
      start = range.lowerBound
      indexed = 0
    }
    while indexed < range.count {
      let position = range.lowerBound + indexed
      let found = keyAt(position)
      if positions[found] == nil { positions[found] = position }
      indexed += 1
    }
    return positions[key]
  }
}
