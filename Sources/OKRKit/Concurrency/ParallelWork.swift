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
  static func map<Input, Output>(
    _ inputs: [Input], preparingInOrder prepare: (Input) -> Void, _ transform: (Input) -> Output
  ) -> [Output] {
    guard inputs.count > 1, coreCount > 1 else {
      return inputs.map { input in
        prepare(input)
        return transform(input)
      }
    }
    let prepared = inputs.map { _ in DispatchSemaphore(value: 0) }
    let caller = pthread_self()
    let callerPrepared = Flag()
    let taken = Atomic<Int>(0)
    return collecting(inputs.count) { results in
      // Each input is taken once, so each slot is written by one thread.
      nonisolated(unsafe) let slots = results
      nonisolated(unsafe) let items = inputs
      withoutActuallyEscaping(prepare) { prepare in
        withoutActuallyEscaping(transform) { transform in
          nonisolated(unsafe) let (prepare, transform) = (prepare, transform)
          DispatchQueue.concurrentPerform(iterations: coreCount) { _ in
            if pthread_equal(pthread_self(), caller) != 0, !callerPrepared.isSet {
              callerPrepared.isSet = true
              for (index, input) in items.enumerated() {
                prepare(input)
                prepared[index].signal()
              }
            }
            while true {
              let index = taken.wrappingAdd(1, ordering: .relaxed).oldValue
              guard index < items.count else { return }
              if prepared[index].wait(timeout: .now() + .milliseconds(100)) == .timedOut { prepare(items[index]) }
              slots[index] = transform(items[index])
            }
          }
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

  /// A flag that only the calling thread reads and writes.
  private final class Flag: @unchecked Sendable {
    var isSet = false
  }
}
