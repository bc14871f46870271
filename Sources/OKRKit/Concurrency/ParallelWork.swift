import Dispatch
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs independent pieces of work on every core.
enum ParallelWork {
  /// The number of cores online.
  static let coreCount: Int = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))

  /// `0..<count` cut into consecutive ranges of `size` (the last may be shorter).
  static func pieces(of count: Int, size: Int) -> [Range<Int>] {
    stride(from: 0, to: count, by: size).map { $0..<min($0 + size, count) }
  }

  /// `transform` applied to every element, concurrently, results in input order.
  static func map<Input, Output>(_ inputs: [Input], _ transform: (Input) -> Output) -> [Output] {
    guard inputs.count > 1, coreCount > 1 else { return inputs.map(transform) }
    return collecting(inputs.count) { results in
      // Each iteration writes only its own slot, so the buffer needs no lock.
      nonisolated(unsafe) let slots = results
      nonisolated(unsafe) let items = inputs
      withoutActuallyEscaping(transform) { transform in
        nonisolated(unsafe) let work = transform
        DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
          slots[index] = work(items[index])
        }
      }
    }
  }

  /// Calls `fill` with `count` empty slots, each of which it must fill, and returns what they hold.
  private static func collecting<Output>(_ count: Int, _ fill: (UnsafeMutableBufferPointer<Output?>) -> Void)
    -> [Output]
  {
    let results = UnsafeMutableBufferPointer<Output?>.allocate(capacity: count)
    results.initialize(repeating: nil)
    defer {
      results.deinitialize()
      results.deallocate()
    }
    fill(results)
    return results.map { $0! }
  }

  /// `first` and `second` run at once, on two cores when there are two and `concurrently` holds
  /// (work too small is not worth starting a thread); otherwise `first`, then `second`. `first` is
  /// always started first (the iterations of `concurrentPerform` are taken in order), so `second`
  /// may wait for what `first` publishes, but not the other way round. They must share nothing
  /// else that either of them changes.
  static func pair<First, Second>(
    concurrently: Bool = true, _ first: () -> First, _ second: () -> Second
  ) -> (First, Second) {
    guard concurrently, coreCount > 1 else {
      let firstResult = first()
      return (firstResult, second())
    }
    let firstResult = UnsafeMutablePointer<First>.allocate(capacity: 1)
    let secondResult = UnsafeMutablePointer<Second>.allocate(capacity: 1)
    defer {
      firstResult.deallocate()
      secondResult.deallocate()
    }
    // Each iteration writes only its own result.
    nonisolated(unsafe) let slots = (firstResult, secondResult)
    withoutActuallyEscaping(first) { first in
      withoutActuallyEscaping(second) { second in
        nonisolated(unsafe) let (first, second) = (first, second)
        DispatchQueue.concurrentPerform(iterations: 2) { iteration in
          if iteration == 0 {
            slots.0.initialize(to: first())
          } else {
            slots.1.initialize(to: second())
          }
        }
      }
    }
    return (firstResult.move(), secondResult.move())
  }

  /// ``map(_:_:)`` where each input needs `prepare` first: the calling thread prepares the
  /// inputs in order while the other cores take on those already prepared, in order, as they come
  /// free; then it joins them. An input still not prepared after a while (the calling thread may
  /// be late to start) is prepared by the thread that takes it, so `prepare` must be safe to call
  /// twice, and alongside `transform` of the same input.
  ///
  /// `alongside`, when given, runs once: on another core, before that core takes any input,
  /// while the calling thread prepares; on the calling thread when no other core joins (first when
  /// there is nothing to share, else last). For work that neither waits for the inputs nor is
  /// waited for by them.
  static func map<Input, Output>(
    _ inputs: [Input], preparingInOrder prepare: (Input) -> Void, alongside: (() -> Void)? = nil,
    _ transform: (Input) -> Output
  ) -> [Output] {
    guard inputs.count > 1, coreCount > 1 else {
      alongside?()
      return inputs.map { input in
        prepare(input)
        return transform(input)
      }
    }
    let prepared = inputs.map { _ in DispatchSemaphore(value: 0) }
    let caller = pthread_self()
    let callerPrepared = Flag()
    let besideTaken = Atomic<Bool>(alongside == nil)
    let taken = Atomic<Int>(0)
    return collecting(inputs.count) { results in
      // Each input is taken once, so each slot is written by one thread.
      nonisolated(unsafe) let slots = results
      nonisolated(unsafe) let items = inputs
      withoutActuallyEscaping(prepare) { prepare in
        withoutActuallyEscaping(transform) { transform in
          nonisolated(unsafe) let (prepare, transform, alongside) = (prepare, transform, alongside)
          DispatchQueue.concurrentPerform(iterations: coreCount) { _ in
            if pthread_equal(pthread_self(), caller) != 0 {
              if !callerPrepared.isSet {
                callerPrepared.isSet = true
                for (index, input) in items.enumerated() {
                  prepare(input)
                  prepared[index].signal()
                }
              }
            } else if !besideTaken.exchange(true, ordering: .relaxed) {
              alongside?()
            }
            while true {
              let index = taken.wrappingAdd(1, ordering: .relaxed).oldValue
              guard index < items.count else { return }
              if prepared[index].wait(timeout: .now() + .milliseconds(100)) == .timedOut { prepare(items[index]) }
              slots[index] = transform(items[index])
            }
          }
          // No other core joined.
          if !besideTaken.exchange(true, ordering: .relaxed) { alongside?() }
        }
      }
    }
  }

  /// `count` copies of `value`, written on all cores when there are many (each core touches the
  /// pages of its own part for the first time).
  static func array<Element: Sendable>(repeating value: Element, count: Int) -> [Element] {
    guard count >= 1 << 18, coreCount > 1 else { return Array(repeating: value, count: count) }
    return Array(unsafeUninitializedCapacity: count) { buffer, initializedCount in
      // Each piece initializes only its own part.
      nonisolated(unsafe) let buffer = buffer
      _ = map(pieces(of: count, size: (count + coreCount - 1) / coreCount)) { piece in
        (buffer.baseAddress! + piece.lowerBound).initialize(repeating: value, count: piece.count)
      }
      initializedCount = count
    }
  }

  /// Runs `consume` on one core while the others work through `count` jobs in order with
  /// `produce`. `consume` takes each job's output from the ``Outputs`` it is given; when the one it
  /// needs is not done yet, it does the next jobs itself meanwhile, so its core is never idle.
  /// Jobs not started when `consume` returns are left undone.
  static func consuming<Output>(
    _ count: Int, producedBy produce: @escaping (Int) -> Output, _ consume: (Outputs<Output>) -> Void
  ) {
    let outputs = Outputs(count: count, produce: produce)
    guard coreCount > 1, count > 1 else {
      consume(outputs)
      return
    }
    withoutActuallyEscaping(consume) { consume in
      nonisolated(unsafe) let consume = consume
      DispatchQueue.concurrentPerform(iterations: coreCount) { iteration in
        guard iteration == 0 else {
          while outputs.produceNext() {}
          return
        }
        consume(outputs)
        outputs.stop()
      }
    }
  }

  /// The outputs of ``consuming(_:producedBy:_:)``'s jobs: made on any core, taken on one.
  final class Outputs<Output>: @unchecked Sendable {
    private let produce: (Int) -> Output
    /// Each job's output, written once by the core that did the job, before it signals `done`.
    private let slots: UnsafeMutableBufferPointer<Output?>
    private let done: [DispatchSemaphore]
    /// The next job no core has started.
    private let next = Atomic<Int>(0)
    private let stopped = Atomic<Bool>(false)
    /// Which jobs ``take(_:)`` has seen done (read and written by the consuming core only).
    private var seen: [Bool]

    fileprivate init(count: Int, produce: @escaping (Int) -> Output) {
      self.produce = produce
      slots = .allocate(capacity: count)
      slots.initialize(repeating: nil)
      done = (0..<count).map { _ in DispatchSemaphore(value: 0) }
      seen = Array(repeating: false, count: count)
    }

    /// Starts the next job and does it; false when every job has been started, or when the
    /// consumer is done.
    fileprivate func produceNext() -> Bool {
      guard !stopped.load(ordering: .acquiring) else { return false }
      let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
      guard index < slots.count else { return false }
      slots[index] = produce(index)
      done[index].signal()
      return true
    }

    fileprivate func stop() { stopped.store(true, ordering: .releasing) }

    /// Job `index`'s output, moved out (a second take of the same job is nil): when the job is
    /// not done, the next jobs are done here until it is, or, with none left, waited for.
    func take(_ index: Int) -> Output? {
      if !seen[index] {
        while done[index].wait(timeout: .now()) == .timedOut {
          guard produceNext() else {
            done[index].wait()
            break
          }
        }
        seen[index] = true
      }
      return slots[index].take()
    }

    deinit {
      slots.deinitialize()
      slots.deallocate()
    }
  }

  /// A flag that only the calling thread reads and writes.
  private final class Flag: @unchecked Sendable {
    var isSet = false
  }
}
