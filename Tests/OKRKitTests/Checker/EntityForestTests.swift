import Testing

@testable import OKRKit

/// ``EntityForest`` against walking up the enclosures, on random shapes: trees, entities in two
/// others, loops, and persons who lead or administer.
@Suite struct EntityForestTests {
  /// A small deterministic generator (SplitMix64), so a failure can be replayed.
  struct Random {
    var state: UInt64
    mutating func next(below bound: Int) -> Int {
      state &+= 0x9E37_79B9_7F4A_7C15
      var mixed = state
      mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
      mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
      return Int((mixed ^ (mixed >> 31)) % UInt64(bound))
    }
  }

  struct Shape {
    var parents: [[EntityID]]
    var heads: [[EntityID]]

    init(seed: UInt64) {
      var random = Random(state: seed)
      let count = 1 + random.next(below: 30)
      parents = (0..<count).map { index in
        switch random.next(below: 10) {
        case 0: return []
        case 1: return [EntityID(random.next(below: count)), EntityID(random.next(below: count))]
        // A parent declared later may close a loop.
        case 2: return [EntityID(random.next(below: count))]
        default: return index == 0 ? [] : [EntityID(random.next(below: index))]
        }
      }
      heads = (0..<count).map { _ in
        random.next(below: 4) == 0 ? [EntityID(random.next(below: count))] : []
      }
    }

    /// The entities reached going up from `start` (itself included) along `edges`.
    func above(_ start: Int, withHeads: Bool) -> Set<Int> {
      var seen: Set<Int> = [start]
      var stack = [start]
      while let entity = stack.popLast() {
        let up = parents[entity] + (withHeads ? heads[entity] : [])
        for next in up.map({ Int($0.index) }) where seen.insert(next).inserted { stack.append(next) }
      }
      return seen
    }

    /// Whether every entity at or above `start` has at most one parent and no loop passes there.
    func isSimple(_ start: Int) -> Bool {
      var seen: Set<Int> = []
      var entity = start
      while seen.insert(entity).inserted {
        guard parents[entity].count <= 1 else { return false }
        guard let parent = parents[entity].first else { return true }
        entity = Int(parent.index)
      }
      return false
    }
  }

  @Test(arguments: 0..<300)
  func answersWhatWalkingUpFinds(seed: UInt64) {
    let shape = Shape(seed: seed)
    let forest = EntityForest(parents: shape.parents, heads: shape.heads)
    var random = Random(state: seed ^ 0xABCD)
    let count = shape.parents.count
    for lower in 0..<count {
      let simple = shape.isSimple(lower)
      #expect(forest.isSimple(EntityID(lower)) == simple)
      let above = shape.above(lower, withHeads: false)
      for _ in 0..<4 {
        let group = (0..<random.next(below: 4)).map { _ in EntityID(random.next(below: count)) }
        let answer = forest.anyOf(forest.outermost(of: group), isAtOrAbove: EntityID(lower))
        #expect(answer == (simple ? group.contains { above.contains(Int($0.index)) } : nil))
      }
    }
    for _ in 0..<20 {
      let group = (0..<1 + random.next(below: 3)).map { _ in EntityID(random.next(below: count)) }
      let headless = group.allSatisfy { member in
        shape.isSimple(Int(member.index))
          && shape.above(Int(member.index), withHeads: false).allSatisfy { shape.heads[$0].isEmpty }
      }
      let numbers = forest.headlessNumbers(of: group)
      #expect((numbers != nil) == headless)
      guard let numbers else { continue }
      for upper in 0..<count {
        let expected = group.contains { shape.above(Int($0.index), withHeads: true).contains(upper) }
        #expect(forest.anyAtOrBelow(EntityID(upper), among: numbers) == expected)
      }
    }
  }

  @Test func aTreeIsSimpleAndALoopOrATwoParentEntityIsNot() {
    // 0 ← 1 ← 2; 3 in 0 and 1; 4 below 3; 5 and 6 in each other.
    let parents: [[EntityID]] = [
      [], [EntityID(0)], [EntityID(1)], [EntityID(0), EntityID(1)], [EntityID(3)], [EntityID(6)], [EntityID(5)],
    ]
    let forest = EntityForest(parents: parents, heads: Array(repeating: [], count: parents.count))
    #expect((0..<7).map { forest.isSimple(EntityID($0)) } == [true, true, true, false, false, false, false])
    #expect(forest.anyOf(forest.outermost(of: [EntityID(0)]), isAtOrAbove: EntityID(2)) == true)
    #expect(forest.anyOf(forest.outermost(of: [EntityID(2)]), isAtOrAbove: EntityID(1)) == false)
    #expect(forest.anyOf(forest.outermost(of: [EntityID(0)]), isAtOrAbove: EntityID(4)) == nil)
  }
}
