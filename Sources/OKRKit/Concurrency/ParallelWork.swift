import Dispatch

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
    let results = UnsafeMutableBufferPointer<Output?>.allocate(capacity: inputs.count)
    results.initialize(repeating: nil)
    defer {
      results.deinitialize()
      results.deallocate()
    }
    // Each iteration writes only its own slot, so the buffer needs no lock.
    nonisolated(unsafe) let slots = results
    nonisolated(unsafe) let items = inputs
    withoutActuallyEscaping(transform) { transform in
      nonisolated(unsafe) let work = transform
      DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
        slots[index] = work(items[index])
      }
    }
    return results.map { $0! }
  }

  /// ``map(_:_:)`` where each input needs `prepare` first: the calling thread prepares the
  /// inputs in order, as soon as it takes its first one, while the other cores take on those
  /// already prepared; then it joins them. An input still not prepared after a while (the calling
  /// thread may not take any) is prepared by the thread that takes it, so `prepare` must be safe
  /// to call twice, and alongside `transform` of the same input.
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
    // Read and written on the calling thread only.
    let callerPrepared = Flag()
    return map(Array(inputs.indices)) { index in
      if pthread_equal(pthread_self(), caller) != 0, !callerPrepared.isSet {
        callerPrepared.isSet = true
        for (index, input) in inputs.enumerated() {
          prepare(input)
          prepared[index].signal()
        }
      }
      if prepared[index].wait(timeout: .now() + .milliseconds(100)) == .timedOut { prepare(inputs[index]) }
      return transform(inputs[index])
    }
  }

  /// A flag that only one thread reads and writes.
  private final class Flag: @unchecked Sendable {
    var isSet = false
  }
}
