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
    // Work list of (path so far, index of the next segment, its kind when its folder's listing
    // gave it); iterative, so deep trees are fine.
    var pending: [(String, Int, FileKind?)] = [("/", 0, nil)]
    var visited = Set<String>()
    while let (folder, index, listedKind) = pending.popLast() {
      if results.count >= limit { break }
      if index == segments.count {
        if (listedKind ?? fileSystem.kind(of: folder)) == .file { results.append(folder) }
        continue
      }
      let segment = segments[index]
      let prefix = PlanPath.entryPrefix(ofFolder: folder)
      if segment == "**" {
        guard visited.insert("\(folder)\u{0}\(index)").inserted else { continue }
        pending.append((folder, index + 1, listedKind))
        for entry in fileSystem.entries(ofFolder: folder) where !isHidden(entry.name) {
          let child = PlanPath.entry(entry.name, prefix: prefix)
          // Do not descend through links that loop: canonical paths are compared.
          if (entry.kind ?? fileSystem.kind(of: child)) == .folder, let canonical = fileSystem.canonicalPath(child),
            visited.insert(canonical).inserted
          {
            pending.append((child, index, .folder))
          }
        }
      } else if isPattern(segment) {
        let wildcards = wildcards(segment)
        for entry in fileSystem.entries(ofFolder: folder) where matches(entry.name, wildcards) {
          if isHidden(entry.name), !isHidden(segment) { continue }
          pending.append((PlanPath.entry(entry.name, prefix: prefix), index + 1, entry.kind))
        }
      } else {
        let child = PlanPath.entry(segment, prefix: prefix)
        if let kind = fileSystem.kind(of: child) { pending.append((child, index + 1, kind)) }
      }
    }
    return PlanPath.sortedOnce(results)
  }

  /// Whether a name starts with `.` (hidden, unless a pattern names it).
  private static func isHidden(_ name: String) -> Bool { name.utf8.first == UInt8(ascii: ".") }

  /// Whether `name` matches the single-segment pattern whose scalars' values are `pattern`.
  /// A name of ASCII characters (most are) is matched on its bytes in place; any other, on its
  /// scalars.
  static func matches(_ name: String, _ pattern: [UInt32]) -> Bool {
    let inPlace = name.utf8.withContiguousStorageIfAvailable { bytes in
      bytes.allSatisfy { $0 < 0x80 } ? matches(bytes, pattern) : nil
    }
    if let inPlace = inPlace ?? nil { return inPlace }
    return matches(name.unicodeScalars.map(\.value), pattern)
  }

  /// The scalars of `pattern` as numbers, as ``matches(_:_:)`` takes them.
  static func wildcards(_ pattern: String) -> [UInt32] { pattern.unicodeScalars.map(\.value) }

  /// The value of a pattern's special character.
  private static func code(_ scalar: Unicode.Scalar) -> UInt32 { scalar.value }

  /// Whether the scalars `text` match `pattern`.
  private static func matches<Text: RandomAccessCollection>(_ text: Text, _ pattern: [UInt32]) -> Bool
  where Text.Element: BinaryInteger, Text.Index == Int {
    let (star, question, open) = (code("*"), code("?"), code("["))
    var t = text.startIndex
    var p = 0
    var starP = -1
    var starT = 0
    while t < text.endIndex {
      let scalar = UInt32(truncatingIfNeeded: text[t])
      if p < pattern.count, pattern[p] == open, let (matched, next) = matchSet(pattern, p, scalar) {
        if matched {
          t += 1
          p = next
          continue
        }
      } else if p < pattern.count, pattern[p] == question || pattern[p] == scalar {
        t += 1
        p += 1
        continue
      } else if p < pattern.count, pattern[p] == star {
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
    while p < pattern.count, pattern[p] == star { p += 1 }
    return p == pattern.count
  }

  /// Matches a `[…]` set at `start`; returns whether `scalar` is in it and the index after `]`.
  private static func matchSet(_ pattern: [UInt32], _ start: Int, _ scalar: UInt32) -> (Bool, Int)? {
    var index = start + 1
    var negated = false
    if index < pattern.count, pattern[index] == code("!") || pattern[index] == code("^") {
      negated = true
      index += 1
    }
    var matched = false
    var first = true
    while index < pattern.count, pattern[index] != code("]") || first {
      first = false
      if index + 2 < pattern.count, pattern[index + 1] == code("-"), pattern[index + 2] != code("]") {
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
