/// "Did you mean" suggestions by edit distance.
public enum Suggestions {
  /// The candidates closest to `name` (at most `limit`), if they are close enough to be a likely typo.
  public static func nearest<S: Sequence<String>>(to name: String, among candidates: S, limit: Int = 3) -> [String] {
    let target = Array(name.lowercased().utf8)
    let threshold = max(1, min(3, target.count / 3 + 1))
    var scored: [(distance: Int, name: String)] = []
    for candidate in candidates where candidate != name {
      let bytes = Array(candidate.lowercased().utf8)
      guard abs(bytes.count - target.count) <= threshold else { continue }
      let distance = editDistance(target, bytes, limit: threshold)
      if distance <= threshold { scored.append((distance, candidate)) }
    }
    scored.sort { $0.distance != $1.distance ? $0.distance < $1.distance : $0.name < $1.name }
    var result: [String] = []
    for (_, candidate) in scored where !result.contains(candidate) {
      result.append(candidate)
      if result.count == limit { break }
    }
    return result
  }

  /// A help sentence such as "did you mean `acme.csat`?", or nil with no candidate close enough.
  public static func didYouMean<S: Sequence<String>>(_ name: String, among candidates: S) -> String? {
    let near = nearest(to: name, among: candidates)
    guard !near.isEmpty else { return nil }
    return "did you mean " + near.map { "`\($0)`" }.joined(separator: " or ") + "?"
  }

  /// Levenshtein distance with transpositions counted as one edit, cut off above `limit`.
  static func editDistance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previousPrevious = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      var rowMinimum = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          value = min(value, previousPrevious[j - 2] + 1)
        }
        current[j] = value
        rowMinimum = min(rowMinimum, value)
      }
      if rowMinimum > limit { return limit + 1 }
      (previousPrevious, previous, current) = (previous, current, previousPrevious)
    }
    return previous[b.count]
  }
}
