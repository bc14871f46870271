/// "Did you mean" suggestions by edit distance.
public enum Suggestions {
  /// The most candidates one question looks through. A broken plan may ask once per unknown
  /// name, each time among all of an owner's objectives or all cycles; past this many, none is
  /// suggested, so that the cost stays linear in the plan.
  public static let candidateLimit = 500

  /// The candidates closest to `name` (at most `limit`), if they are close enough to be a likely
  /// typo; none when there are more than ``candidateLimit`` candidates.
  public static func nearest<S: Sequence<String>>(to name: String, among candidates: S, limit: Int = 3) -> [String] {
    guard candidates.underestimatedCount <= candidateLimit else { return [] }
    let target = Array(name.lowercased().utf8)
    let threshold = threshold(for: target)
    var ranking = Ranking(limit: limit)
    var scratch = EditDistanceScratch()
    for candidate in candidates where candidate != name {
      let bytes = Array(candidate.lowercased().utf8)
      guard abs(bytes.count - target.count) <= threshold else { continue }
      let distance = editDistance(target, bytes[...], limit: threshold, scratch: &scratch)
      if distance <= threshold { ranking.add(candidate, distance: distance) }
    }
    return ranking.names
  }

  /// A help sentence such as "did you mean `acme.csat`?", or nil with no candidate close enough.
  public static func didYouMean<S: Sequence<String>>(_ name: String, among candidates: S) -> String? {
    sentence(suggesting: nearest(to: name, among: candidates))
  }

  /// "did you mean `a` or `b`?" for the names `near`; nil when there are none.
  static func sentence(suggesting near: [String]) -> String? {
    guard !near.isEmpty else { return nil }
    return "did you mean " + near.map { "`\($0)`" }.joined(separator: " or ") + "?"
  }

  /// The largest edit distance still taken for a typo of `target`.
  static func threshold(for target: [UInt8]) -> Int { max(1, min(3, target.count / 3 + 1)) }

  /// Many candidates lowered once, for asking about many names (see ``nearest(to:limit:)``).
  struct Pool {
    private let names: [String]
    /// Every lowered name, one after the other; name `i` is `lowered[offsets[i]..<offsets[i + 1]]`.
    private let lowered: [UInt8]
    private let offsets: [Int]
    /// Per name, which of 64 byte classes it uses (see ``byteClasses(_:)``).
    private let classes: [UInt64]

    init<S: Sequence<String>>(_ candidates: S) {
      var names: [String] = []
      var lowered: [UInt8] = []
      var offsets = [0]
      var classes: [UInt64] = []
      for name in candidates {
        names.append(name)
        let bytes = Array(name.lowercased().utf8)
        lowered.append(contentsOf: bytes)
        offsets.append(lowered.count)
        classes.append(Pool.byteClasses(bytes[...]))
      }
      (self.names, self.lowered, self.offsets, self.classes) = (names, lowered, offsets, classes)
    }

    /// The number of candidates.
    var count: Int { names.count }

    /// The byte classes (byte modulo 64) present in `bytes`. One edit adds or removes at most
    /// one class on each side, so two names whose classes differ in more than twice `limit`
    /// places are further apart than `limit` edits.
    static func byteClasses(_ bytes: ArraySlice<UInt8>) -> UInt64 {
      bytes.reduce(0) { $0 | 1 << UInt64($1 & 63) }
    }

    /// The same answer as ``Suggestions/nearest(to:among:limit:)`` over these candidates, and
    /// the work it took: one unit per candidate looked at, more per edit distance computed.
    func nearest(to name: String, limit: Int = 3) -> (names: [String], work: Int) {
      let target = Array(name.lowercased().utf8)
      let targetClasses = Pool.byteClasses(target[...])
      let threshold = Suggestions.threshold(for: target)
      var ranking = Ranking(limit: limit)
      var scratch = EditDistanceScratch()
      var work = names.count
      for index in names.indices {
        let start = offsets[index]
        let end = offsets[index + 1]
        guard abs(end - start - target.count) <= threshold,
          (classes[index] ^ targetClasses).nonzeroBitCount <= 2 * threshold, names[index] != name
        else { continue }
        work += Pool.distanceWork
        let distance = Suggestions.editDistance(target, lowered[start..<end], limit: threshold, scratch: &scratch)
        if distance <= threshold { ranking.add(names[index], distance: distance) }
      }
      return (ranking.names, work)
    }

    /// What one edit distance costs, in candidates looked at.
    static let distanceWork = 32
  }

  /// The closest names seen so far: by distance, then by name, without repeats.
  struct Ranking {
    let limit: Int
    private var scored: [(distance: Int, name: String)] = []

    init(limit: Int) { self.limit = limit }

    mutating func add(_ name: String, distance: Int) { scored.append((distance, name)) }

    var names: [String] {
      let sorted = scored.sorted { $0.distance != $1.distance ? $0.distance < $1.distance : $0.name < $1.name }
      var result: [String] = []
      for (_, candidate) in sorted where !result.contains(candidate) {
        result.append(candidate)
        if result.count == limit { break }
      }
      return result
    }
  }

  /// Three rows of the edit-distance table, kept between comparisons.
  struct EditDistanceScratch {
    var rows: [Int] = []
  }

  /// ``editDistance(_:_:limit:scratch:)`` with scratch rows of its own.
  static func editDistance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
    var scratch = EditDistanceScratch()
    return editDistance(a, b[...], limit: limit, scratch: &scratch)
  }

  /// Levenshtein distance with a swap of two neighbouring bytes counted as one edit, no part of
  /// either name edited twice ("ca" to "abc" is 3, not 2): exact up to `limit` (at least 0), some
  /// number above `limit` beyond it.
  static func editDistance(
    _ a: [UInt8], _ b: ArraySlice<UInt8>, limit: Int, scratch: inout EditDistanceScratch
  ) -> Int {
    a.withUnsafeBufferPointer { a in
      b.withUnsafeBufferPointer { b in
        // A start or end both share is no part of the distance: only what lies between is compared.
        var (aStart, aEnd, bStart, bEnd) = (0, a.count, 0, b.count)
        while aStart < aEnd, bStart < bEnd, a[aStart] == b[bStart] { (aStart, bStart) = (aStart + 1, bStart + 1) }
        while aStart < aEnd, bStart < bEnd, a[aEnd - 1] == b[bEnd - 1] { (aEnd, bEnd) = (aEnd - 1, bEnd - 1) }
        let (n, m) = (aEnd - aStart, bEnd - bStart)
        if n == 0 || m == 0 { return n + m }
        // No distance exceeds the longer name: a larger limit changes nothing (and cannot overflow).
        let limit = min(limit, max(n, m))
        // Cell (i, j) is at least |i - j|: only the band of cells within `limit` of the diagonal can
        // be close enough; the cells either side of it count as `limit + 1`.
        guard abs(n - m) <= limit else { return limit + 1 }
        if scratch.rows.count < 3 * (m + 1) { scratch.rows = [Int](repeating: 0, count: 3 * (m + 1)) }
        return scratch.rows.withUnsafeMutableBufferPointer { rows in
          let outside = limit + 1
          var (beforeLast, last, current) = (
            rows.baseAddress!, rows.baseAddress! + (m + 1), rows.baseAddress! + 2 * (m + 1)
          )
          for j in 0...m { last[j] = min(j, outside) }
          for i in 1...n {
            let (low, high) = (max(1, i - limit), min(m, i + limit))
            current[0] = min(i, outside)
            if low > 1 { current[low - 1] = outside }
            var rowMinimum = low == 1 ? current[0] : outside
            let byte = a[aStart + i - 1]
            for j in low...high {
              let other = b[bStart + j - 1]
              var value = min(last[j] + 1, current[j - 1] + 1, last[j - 1] + (byte == other ? 0 : 1))
              if i > 1, j > 1, byte == b[bStart + j - 2], a[aStart + i - 2] == other {
                value = min(value, beforeLast[j - 2] + 1)
              }
              current[j] = value
              rowMinimum = min(rowMinimum, value)
            }
            if high < m { current[high + 1] = outside }
            // Every way to the last cell crosses this row, or swaps across it from a cell of the
            // row before that is at most one edit cheaper than this row's cell on its diagonal.
            if rowMinimum > limit { return outside }
            (beforeLast, last, current) = (last, current, beforeLast)
          }
          return last[m]
        }
      }
    }
  }
}
