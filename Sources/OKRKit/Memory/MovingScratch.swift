/// Elements collected one at a time and then moved out together into an array of exactly their
/// number: what a parser collects a block's members in. Moving them out copies no element and
/// releases none (copying the elements of an array slice, then destroying them, goes through
/// their type's value witnesses one element at a time).
///
/// A class, so that its room is freed once: a parser that holds one is not copied while in use.
/// Its room is taken at the first element (many parsers read a single statement again).
final class MovingScratch<Element> {
  private var base: UnsafeMutablePointer<Element>?
  private var capacity = 0
  /// How many elements it holds.
  private(set) var count = 0

  deinit {
    base?.deinitialize(count: count)
    base?.deallocate()
  }

  func append(_ element: consuming Element) {
    if count == capacity {
      let larger = UnsafeMutablePointer<Element>.allocate(capacity: max(16, capacity * 2))
      if let base {
        larger.moveInitialize(from: base, count: count)
        base.deallocate()
      }
      (base, capacity) = (larger, max(16, capacity * 2))
    }
    (base! + count).initialize(to: element)
    count += 1
  }

  /// The elements from position `first` on, moved out (the scratch keeps those before it).
  func moveOut(from first: Int) -> [Element] {
    let moved = count - first
    precondition(moved >= 0, "moving out from past the end")
    guard moved > 0, let base else { return [] }
    let elements = [Element](unsafeUninitializedCapacity: moved) { buffer, initialized in
      buffer.baseAddress!.moveInitialize(from: base + first, count: moved)
      initialized = moved
    }
    count = first
    return elements
  }
}
