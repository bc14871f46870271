import Dispatch
import Foundation
import Synchronization
import Testing

@testable import OKRKit

/// `ParallelWork.map(_:preparingInOrder:alongside:_:)`: the resolver maps each piece's pages on one thread
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

  /// Who did what, in order, kept behind a queue.
  final class EventLog: @unchecked Sendable {
    private let queue = DispatchQueue(label: "event log")
    private var events: [(thread: pthread_t, isAlongside: Bool)] = []

    func record(isAlongside: Bool) { queue.sync { events.append((pthread_self(), isAlongside)) } }
    var recorded: [(thread: pthread_t, isAlongside: Bool)] { queue.sync { events } }
  }

  /// The job `alongside` (the resolver's hand-back of the last wave's memory) runs once: on
  /// another core before it takes an input, or on the calling thread when no other core joins.
  @Test(arguments: [0, 1, 2, 64, 500])
  func theJobAlongsideRunsOnceBeforeItsCoreTakesAnInput(count: Int) {
    let log = EventLog()
    let caller = pthread_self()
    let transform = { (input: Int) -> Int in
      log.record(isAlongside: false)
      // Long enough for another core to join.
      usleep(200)
      return input * 2
    }
    let outputs = ParallelWork.map(
      Array(0..<count), preparingInOrder: { _ in }, alongside: { log.record(isAlongside: true) }, transform)
    #expect(outputs == (0..<count).map { $0 * 2 })
    let events = log.recorded
    #expect(events.count == count + 1)
    let alongside = events.indices.filter { events[$0].isAlongside }
    #expect(alongside.count == 1)
    guard let position = alongside.first else { return }
    let thread = events[position].thread
    if count < 2 {
      // Nothing to share: first, on the calling thread.
      #expect(position == 0 && pthread_equal(thread, caller) != 0)
    } else if pthread_equal(thread, caller) != 0 {
      // No other core joined: after the calling thread's inputs.
      #expect(events[(position + 1)...].allSatisfy { pthread_equal($0.thread, caller) == 0 })
    } else {
      // Before its core took any input.
      #expect(events[..<position].allSatisfy { pthread_equal($0.thread, thread) == 0 })
    }
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

  /// `consuming(_:producedBy:_:)`: the consumer takes every job's output, in any order it likes,
  /// each once, while other cores do the jobs; jobs nobody started when it is done stay undone.
  @Test(arguments: [0, 1, 2, 7, 300])
  func theConsumerTakesEveryOutputOnce(count: Int) {
    let started = Atomic<Int>(0)
    var taken: [Int] = []
    var again: [Int?] = []
    let square = { (job: Int) in
      started.add(1, ordering: .relaxed)
      return job * job
    }
    ParallelWork.consuming(count, producedBy: square) { outputs in
      // Backwards: the consumer waits for the last job first, doing others itself meanwhile.
      for job in (0..<count).reversed() { taken.append(outputs.take(job)!) }
      again = (0..<count).map { outputs.take($0) }
    }
    #expect(taken == (0..<count).reversed().map { $0 * $0 })
    #expect(again.allSatisfy { $0 == nil })
    #expect(started.load(ordering: .relaxed) == count)
  }

  /// A consumer that needs only the first jobs leaves most of the rest undone.
  @Test func jobsNotStartedWhenTheConsumerIsDoneStayUndone() {
    let started = Atomic<Int>(0)
    let slowly = { (job: Int) in
      started.add(1, ordering: .relaxed)
      Thread.sleep(forTimeInterval: 0.001)
      return job
    }
    ParallelWork.consuming(1_000, producedBy: slowly) { outputs in
      #expect(outputs.take(0) == 0)
    }
    #expect(started.load(ordering: .relaxed) < 100)
  }
}
