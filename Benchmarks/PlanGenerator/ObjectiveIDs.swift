/// Names one owner's objectives after their topics: `checkout`, then `checkout-2`, and so on.
///
/// Ids are unique within the owner by construction; call `startOwner()` before the next owner.
struct ObjectiveIDs {
  private var uses: [Int]
  private var usedTopics: [Int] = []

  init(topicCount: Int) {
    uses = Array(repeating: 0, count: topicCount)
  }

  /// Forgets the previous owner's ids.
  mutating func startOwner() {
    for topic in usedTopics { uses[topic] = 0 }
    usedTopics.removeAll(keepingCapacity: true)
  }

  /// The id of the owner's next objective about `topic`, whose slug is `slug`.
  mutating func next(topic: Int, slug: [UInt8]) -> [UInt8] {
    uses[topic] += 1
    guard uses[topic] > 1 else {
      usedTopics.append(topic)
      return slug
    }
    return slug + [UInt8(ascii: "-")] + Array(String(uses[topic]).utf8)
  }
}
