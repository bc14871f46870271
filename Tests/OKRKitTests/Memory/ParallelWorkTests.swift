import Dispatch
import Synchronization
import Testing

@testable import OKRKit

/// `ParallelWork.map(_:preparingInOrder:_:)`: the resolver maps each piece's pages on one thread
/// while the other cores build the pieces already mapped.
@Suite struct ParallelWorkTests {
  /// The inputs prepared so far, kept behind a queue.
  final class PreparationLog: @unchecked Sendable {
    private let queue = DispatchQueue(label: "preparation log")
    private var prepared: [Int] = []

    func record(_ input: Int) { queue.sync { prepared.append(input) } }
    func wasPrepared(_ input: Int) -> Bool { queue.sync { prepared.contains(input) } }
    var preparedInputs: [Int] { queue.sync { prepared } }
  }

  @Test(arguments: [0, 1, 2, 3, 64, 500])
  func everyInputIsPreparedBeforeItIsTransformedAndOutputsKeepTheirOrder(count: Int) {
    let log = PreparationLog()
    let inputs = Array(0..<count)
    let prepare = { (input: Int) in log.record(input) }
    let outputs = ParallelWork.map(inputs, preparingInOrder: prepare) { input in
      (input * 3, log.wasPrepared(input))
    }
    #expect(outputs.map(\.0) == inputs.map { $0 * 3 })
    #expect(outputs.allSatisfy { $0.1 })
    // Each once, in order, unless a piece tired of waiting and prepared its own as well.
    let prepared = log.preparedInputs
    #expect(Set(prepared) == Set(inputs))
    #expect(prepared.count > count || prepared == inputs)
  }

  /// `pair(concurrently:_:_:)`: `second` may wait for what `first` publishes (the resolver's
  /// objectives wait for their entities), run at once or one after the other.
  @Test(arguments: [true, false])
  func theSecondMayWaitForWhatTheFirstPublishes(concurrently: Bool) {
    let published = Atomic<Int>(0)
    let (first, second) = ParallelWork.pair(
      concurrently: concurrently,
      {
        for step in 1...1_000 { published.store(step, ordering: .releasing) }
        return "first"
      },
      { () -> Int in
        var seen = 0
        while seen < 1_000 { seen = published.load(ordering: .acquiring) }
        return seen
      })
    #expect(first == "first")
    #expect(second == 1_000)
  }

  /// `array(repeating:count:)` fills every place, below and above the size it splits at, and in
  /// parts that do not divide evenly.
  @Test(arguments: [0, 1, 1 << 18 - 1, 1 << 18, 1 << 18 + 3])
  func filledArraysHoldTheValueEverywhere(count: Int) {
    let filled = ParallelWork.array(repeating: 2.5, count: count)
    #expect(filled.count == count)
    #expect(filled.allSatisfy { $0 == 2.5 })
  }
}
