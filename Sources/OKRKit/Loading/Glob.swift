/// Shell-style wildcard matching for `include` paths: `*` and `?` within one path segment,
/// `[abc]` character sets, and `**` for any number of folders.
enum Glob {
  /// Whether `text` contains wildcard characters.
  static func isPattern(_ text: String) -> Bool {
    text.contains { $0 == "*" || $0 == "?" || $0 == "[" }
  }

  /// Every path on `fileSystem` matching the absolute, normalized `pattern`, sorted.
  static func expand(_ pattern: String, in fileSystem: some PlanFileSystem, limit: Int) -> [String] {
    let segments = pattern.split(separator: "/").map(String.init)
    var results: [String] = []
    // Work list of (folder so far, index of the next segment); iterative, so deep trees are fine.
    var pending: [(String, Int)] = [("/", 0)]
    var visited = Set<String>()
    while let (folder, index) = pending.popLast() {
      if results.count >= limit { break }
      if index == segments.count {
        if fileSystem.kind(of: folder) == .file { results.append(folder) }
        continue
      }
      let segment = segments[index]
      let prefix = PlanPath.entryPrefix(ofFolder: folder)
      if segment == "**" {
        guard visited.insert("\(folder)\u{0}\(index)").inserted else { continue }
        pending.append((folder, index + 1))
        for entry in fileSystem.entries(ofFolder: folder) where !isHidden(entry.name) {
          let child = prefix + entry.name
          // Do not descend through links that loop: canonical paths are compared.
          if (entry.kind ?? fileSystem.kind(of: child)) == .folder, let canonical = fileSystem.canonicalPath(child),
            visited.insert(canonical).inserted
          {
            pending.append((child, index))
          }
        }
      } else if isPattern(segment) {
        let wildcards = Array(segment.unicodeScalars)
        for entry in fileSystem.entries(ofFolder: folder) where matches(entry.name, wildcards) {
          if isHidden(entry.name), !isHidden(segment) { continue }
          pending.append((prefix + entry.name, index + 1))
        }
      } else {
        let child = prefix + segment
        if fileSystem.kind(of: child) != nil { pending.append((child, index + 1)) }
      }
    }
    return PlanPath.sortedOnce(results)
  }

  /// Whether a name starts with `.` (hidden, unless a pattern names it).
  private static func isHidden(_ name: String) -> Bool { name.utf8.first == UInt8(ascii: ".") }

  /// Whether `name` matches the single-segment pattern whose scalars are `pattern`.
  static func matches(_ name: String, _ pattern: [Unicode.Scalar]) -> Bool {
    let text = Array(name.unicodeScalars)
    var t = 0
    var p = 0
    var starP = -1
    var starT = 0
    while t < text.count {
      if p < pattern.count, pattern[p] == "[", let (matched, next) = matchSet(pattern, p, text[t]) {
        if matched {
          t += 1
          p = next
          continue
        }
      } else if p < pattern.count, pattern[p] == "?" || pattern[p] == text[t] {
        t += 1
        p += 1
        continue
      } else if p < pattern.count, pattern[p] == "*" {
        starP = p
        starT = t
        p += 1
        continue
      }
      guard starP >= 0 else { return false }
      p = starP + 1
      starT += 1
      t = starT
    }
    while p < pattern.count, pattern[p] == "*" { p += 1 }
    return p == pattern.count
  }

  /// Matches a `[…]` set at `start`; returns whether `scalar` is in it and the index after `]`.
  private static func matchSet(_ pattern: [Unicode.Scalar], _ start: Int, _ scalar: Unicode.Scalar) -> (Bool, Int)? {
    var index = start + 1
    var negated = false
    if index < pattern.count, pattern[index] == "!" || pattern[index] == "^" {
      negated = true
      index += 1
    }
    var matched = false
    var first = true
    while index < pattern.count, pattern[index] != "]" || first {
      first = false
      if index + 2 < pattern.count, pattern[index + 1] == "-", pattern[index + 2] != "]" {
        if pattern[index] <= scalar && scalar <= pattern[index + 2] { matched = true }
        index += 3
      } else {
        if pattern[index] == scalar { matched = true }
        index += 1
      }
    }
    guard index < pattern.count else { return nil }
    return (matched != negated, index + 1)
  }
}
