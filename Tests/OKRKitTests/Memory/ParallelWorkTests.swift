import Dispatch
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
}
