/// The entities whose enclosures form a plain tree, numbered so that "is A at or above X?" takes
/// constant time.
///
/// An entity is *simple* when it and every entity above it has at most one parent and no
/// enclosure loop runs through them: the usual shape of a plan. A depth-first walk of those
/// entities numbers each on entering it and notes the last number given inside it, so A is at or
/// above X exactly when X's number falls within A's. Questions about other entities (an entity
/// `in` two others, or below one that is) get nil, and go to an ``EnclosureSearch``.
///
/// Without it, the people rules walked up from each asking entity and remembered every walk
/// per person asked about: a chain 2,000 units deep with an owner or acceptor at each level took
/// 1.3–1.8 s and grew with the square of the depth.
struct EntityForest {
  /// The number each simple entity gets on entering it; -1 for the others.
  private var enter: [Int32]
  /// The last number given inside each simple entity (itself included).
  private var last: [Int32]
  /// Whether each simple entity, and every entity above it, heads nothing: no person on the way
  /// up leads or administers an entity, so belonging follows `in` alone.
  private var headless: [Bool]

  /// The forest of `entities`, given each one's parents and the entities each one leads or
  /// administers (`heads`, non-empty only for persons).
  init(parents: [[EntityID]], heads: [[EntityID]]) {
    let count = parents.count
    enter = Array(repeating: -1, count: count)
    last = Array(repeating: -1, count: count)
    headless = Array(repeating: false, count: count)
    let simple = Self.simpleEntities(parents: parents)
    var children = [[Int32]](repeating: [], count: count)
    var roots: [Int32] = []
    for index in 0..<count where simple[index] {
      if let parent = parents[index].first {
        children[Int(parent.index)].append(Int32(index))
      } else {
        roots.append(Int32(index))
      }
    }
    var next: Int32 = 0
    // (entity, how many of its children are entered so far)
    var path: [(entity: Int32, child: Int)] = []
    for root in roots {
      enter[Int(root)] = next
      headless[Int(root)] = heads[Int(root)].isEmpty
      next += 1
      path.append((root, 0))
      while let top = path.last {
        let entity = Int(top.entity)
        guard top.child < children[entity].count else {
          last[entity] = next - 1
          path.removeLast()
          continue
        }
        path[path.count - 1].child += 1
        let child = Int(children[entity][top.child])
        enter[child] = next
        headless[child] = headless[entity] && heads[child].isEmpty
        next += 1
        path.append((Int32(child), 0))
      }
    }
  }

  /// Which entities are simple: each walk up stops at an entity already decided, a root, an
  /// entity with several parents or a loop, and decides every entity it passed.
  private static func simpleEntities(parents: [[EntityID]]) -> [Bool] {
    enum State { case unknown, onPath, simple, tangled }
    var states = [State](repeating: .unknown, count: parents.count)
    var path: [Int] = []
    for start in parents.indices where states[start] == .unknown {
      var entity = start
      var outcome = State.tangled
      while true {
        switch states[entity] {
        case .simple, .tangled: outcome = states[entity]
        case .onPath: outcome = .tangled
        case .unknown:
          let above = parents[entity]
          if above.count > 1 {
            outcome = .tangled
          } else {
            states[entity] = .onPath
            path.append(entity)
            if let parent = above.first {
              entity = Int(parent.index)
              continue
            }
            outcome = .simple
          }
        }
        break
      }
      for entity in path { states[entity] = outcome }
      path.removeAll(keepingCapacity: true)
    }
    return states.map { $0 == .simple }
  }

  /// Whether `entity` is simple.
  func isSimple(_ entity: EntityID) -> Bool { enter[Int(entity.index)] >= 0 }

  /// The numbers a simple entity spans: its own, then those of every entity inside it.
  struct Interval {
    var first: Int32
    var last: Int32
  }

  /// The simple ones of `entities` that no other of them encloses, in order, for
  /// ``anyOf(_:isAtOrAbove:)``.
  func outermost(of entities: [EntityID]) -> [Interval] {
    let intervals = entities.compactMap { entity -> Interval? in
      let first = enter[Int(entity.index)]
      return first < 0 ? nil : Interval(first: first, last: last[Int(entity.index)])
    }.sorted { $0.first < $1.first }
    var outermost: [Interval] = []
    // Two entities' spans are either apart or one within the other.
    for interval in intervals where outermost.last.map({ interval.first > $0.last }) ?? true {
      outermost.append(interval)
    }
    return outermost
  }

  /// Whether one of the entities spanning `outermost` (from ``outermost(of:)``) is `lower` or
  /// encloses it; nil unless `lower` is simple (then so is every entity above it).
  func anyOf(_ outermost: [Interval], isAtOrAbove lower: EntityID) -> Bool? {
    let number = enter[Int(lower.index)]
    guard number >= 0 else { return nil }
    // They are apart, so only the last one starting at or before `lower` can enclose it.
    let after = Self.partition(outermost.count) { outermost[$0].first <= number }
    return after > 0 && number <= outermost[after - 1].last
  }

  /// The numbers of `entities`, sorted, for ``anyAtOrBelow(_:among:)``; nil unless each one is
  /// simple and heads nothing, nor does any entity above it.
  func headlessNumbers(of entities: [EntityID]) -> [Int32]? {
    var numbers: [Int32] = []
    numbers.reserveCapacity(entities.count)
    for entity in entities {
      let number = enter[Int(entity.index)]
      guard number >= 0, headless[Int(entity.index)] else { return nil }
      numbers.append(number)
    }
    return numbers.sorted()
  }

  /// Whether one of the entities numbered `numbers` (from ``headlessNumbers(of:)``) is `upper`
  /// or lies within it.
  func anyAtOrBelow(_ upper: EntityID, among numbers: [Int32]) -> Bool {
    let first = enter[Int(upper.index)]
    guard first >= 0 else { return false }
    let next = Self.partition(numbers.count) { numbers[$0] < first }
    return next < numbers.count && numbers[next] <= last[Int(upper.index)]
  }

  /// The first position in `0..<count` where `isBefore` is false; it is true on a prefix.
  private static func partition(_ count: Int, isBefore: (Int) -> Bool) -> Int {
    var low = 0
    var high = count
    while low < high {
      let middle = (low + high) / 2
      if isBefore(middle) { low = middle + 1 } else { high = middle }
    }
    return low
  }
}
