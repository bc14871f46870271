/// Answers "does some entity at or above X match?" by walking upward through the plan's
/// entities, with the answers memoised per (entity, key).
///
/// The walk is an iterative depth-first search that guards against enclosure loops. When it
/// finds a match, every entity on the current path reaches it too; when it finds none, no entity
/// it visited can. Both facts are remembered, so a deep enclosure asked about many times is
/// walked about once per key.
struct EnclosureSearch {
  /// The entities directly above an entity.
  private let upward: (EntityID) -> [EntityID]
  private var known: [Query: Bool] = [:]

  private struct Query: Hashable {
    var entity: EntityID
    var key: EntityID
  }

  init(upward: @escaping (EntityID) -> [EntityID]) { self.upward = upward }

  /// Whether `start` or an entity above it matches; `key` names what `matches` looks for.
  mutating func reaches(from start: EntityID, key: EntityID, where matches: (EntityID) -> Bool) -> Bool {
    if let answer = known[Query(entity: start, key: key)] { return answer }
    if matches(start) {
      known[Query(entity: start, key: key)] = true
      return true
    }
    var visited: Set<EntityID> = [start]
    var path: [(entity: EntityID, above: [EntityID], next: Int)] = [(start, upward(start), 0)]
    while let top = path.last {
      guard top.next < top.above.count else {
        path.removeLast()
        continue
      }
      path[path.count - 1].next += 1
      let entity = top.above[top.next]
      guard visited.insert(entity).inserted else { continue }
      let answer = known[Query(entity: entity, key: key)] ?? (matches(entity) ? true : nil)
      if answer == true {
        for step in path { known[Query(entity: step.entity, key: key)] = true }
        known[Query(entity: entity, key: key)] = true
        return true
      }
      if answer == nil { path.append((entity, upward(entity), 0)) }
    }
    for entity in visited { known[Query(entity: entity, key: key)] = false }
    return false
  }
}
