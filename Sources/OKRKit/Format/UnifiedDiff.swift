#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Line-based unified diffs (the `diff -u` format), as `okr fmt --check` prints them.
///
/// Lines are matched with Myers' algorithm in linear space (the middle-snake
/// refinement), worked through with an explicit stack rather than recursion. When
/// a region's edit distance grows past ``costLimit`` the search settles for the
/// furthest point it reached, so a diff of two large, wholly different files stays
/// fast; it is then still correct, though not always the shortest.
public enum UnifiedDiff {
  /// Lines of unchanged context shown around each change.
  public static let contextLines = 3
  /// The edit distance past which a region is split where the search got furthest.
  static let costLimit = 512

  /// The unified diff that turns `old` into `new`, with `---`/`+++` headers naming them
  /// `oldLabel` and `newLabel`; empty when the texts are equal.
  ///
  /// A last line without a line break is marked `\ No newline at end of file`.
  public static func diff(old: String, new: String, oldLabel: String, newLabel: String) -> String {
    let oldLines = lines(of: old)
    let newLines = lines(of: new)
    // Lines are compared by their bytes, as numbers.
    var numbers: [LineKey: Int] = [:]
    let oldIDs = oldLines.map { number(of: $0, in: &numbers) }
    let newIDs = newLines.map { number(of: $0, in: &numbers) }
    let edits = script(oldIDs, newIDs)
    guard edits.contains(where: { $0.kind != .same }) else { return "" }
    var output = "--- \(oldLabel)\n+++ \(newLabel)\n"
    for hunk in hunks(edits) {
      output += header(hunk, edits)
      for edit in edits[hunk] {
        switch edit.kind {
        case .same: output += " " + printable(oldLines[edit.old])
        case .delete: output += "-" + printable(oldLines[edit.old])
        case .insert: output += "+" + printable(newLines[edit.new])
        }
      }
    }
    return output
  }

  /// Two texts to compare, with the labels their diff's headers give them.
  public struct Comparison: Sendable {
    public var old: String
    public var new: String
    public var oldLabel: String
    public var newLabel: String

    public init(old: String, new: String, oldLabel: String, newLabel: String) {
      (self.old, self.new, self.oldLabel, self.newLabel) = (old, new, oldLabel, newLabel)
    }
  }

  /// The diff of each comparison, made on all cores; the diffs in the comparisons' order.
  public static func diffs(_ comparisons: [Comparison]) -> [String] {
    ParallelWork.map(comparisons) { diff(old: $0.old, new: $0.new, oldLabel: $0.oldLabel, newLabel: $0.newLabel) }
  }

  /// One step of an edit script: a line kept, deleted from the old text or inserted from the new.
  struct Edit: Equatable {
    enum Kind { case same, delete, insert }
    var kind: Kind
    /// The old line's index (for `same` and `delete`), or the number of old lines before this step.
    var old: Int
    /// The new line's index (for `same` and `insert`), or the number of new lines before this step.
    var new: Int
  }

  /// The lines of `text`, each with its `\n` (the last may lack one).
  static func lines(of text: String) -> [Substring] {
    // Where each line ends, found in the bytes; then the lines cut at those offsets.
    var ends: [Int] = []
    var copy = text
    copy.withUTF8 { bytes in
      for offset in bytes.indices where bytes[offset] == UInt8(ascii: "\n") { ends.append(offset + 1) }
      if ends.last ?? 0 < bytes.count { ends.append(bytes.count) }
    }
    let utf8 = text.utf8
    var start = utf8.startIndex
    return ends.map { end in
      let next = utf8.index(utf8.startIndex, offsetBy: end)
      defer { start = next }
      return text[start..<next]
    }
  }

  /// The number standing for `line`: equal lines get equal numbers.
  private static func number(of line: Substring, in numbers: inout [LineKey: Int]) -> Int {
    let key = LineKey(line: line)
    if let number = numbers[key] { return number }
    let number = numbers.count
    numbers[key] = number
    return number
  }

  /// A line as a key: equal to another when their bytes are, hashed by its bytes at once (with
  /// no copy of them, and not a byte at a time).
  private struct LineKey: Hashable {
    let line: Substring

    static func == (a: LineKey, b: LineKey) -> Bool {
      guard a.line.utf8.count == b.line.utf8.count else { return false }
      return a.withBytes { first in
        b.withBytes { second in
          guard let first = first.baseAddress, let second = second.baseAddress else { return true }
          return memcmp(first, second, a.line.utf8.count) == 0
        }
      }
    }

    func hash(into hasher: inout Hasher) { withBytes { hasher.combine(bytes: $0) } }

    private func withBytes<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
      if let result = line.utf8.withContiguousStorageIfAvailable({ body(UnsafeRawBufferPointer($0)) }) {
        return result
      }
      return Array(line.utf8).withUnsafeBytes(body)
    }
  }

  /// A line of a hunk, ending in a line break; a last line without one gets the marker `diff` uses.
  private static func printable(_ line: Substring) -> String {
    line.utf8.last == UInt8(ascii: "\n") ? String(line) : line + "\n\\ No newline at end of file\n"
  }

  // MARK: - Hunks

  /// The ranges of `edits` shown as hunks: each change with up to ``contextLines`` kept lines
  /// around it, changes closer than twice that merged into one hunk.
  static func hunks(_ edits: [Edit]) -> [Range<Int>] {
    var hunks: [Range<Int>] = []
    var index = 0
    while index < edits.count {
      guard edits[index].kind != .same else {
        index += 1
        continue
      }
      let start = max(0, index - contextLines)
      var lastChange = index
      var scan = index + 1
      while scan < edits.count, scan - lastChange <= 2 * contextLines + 1 {
        if edits[scan].kind != .same { lastChange = scan }
        scan += 1
      }
      let end = min(edits.count, lastChange + 1 + contextLines)
      hunks.append(start..<end)
      index = end
    }
    return hunks
  }

  /// `@@ -start,count +start,count @@`: a count of 1 is left out; an empty side names the line before it.
  private static func header(_ hunk: Range<Int>, _ edits: [Edit]) -> String {
    let first = edits[hunk.lowerBound]
    let oldCount = edits[hunk].filter { $0.kind != .insert }.count
    let newCount = edits[hunk].filter { $0.kind != .delete }.count
    func side(_ start: Int, _ count: Int) -> String {
      switch count {
      case 0: "\(start),0"
      case 1: "\(start + 1)"
      default: "\(start + 1),\(count)"
      }
    }
    return "@@ -\(side(first.old, oldCount)) +\(side(first.new, newCount)) @@\n"
  }

  // MARK: - Myers

  /// A rectangle of the edit graph: old lines `left..<right`, new lines `top..<bottom`.
  private struct Box {
    var left: Int
    var top: Int
    var right: Int
    var bottom: Int

    var size: Int { (right - left) + (bottom - top) }
    var delta: Int { (right - left) - (bottom - top) }
  }

  private struct Point {
    var x: Int
    var y: Int
  }

  /// A shortest (or, past the cost limit, a short) edit script from `old` to `new`.
  static func script(_ old: [Int], _ new: [Int]) -> [Edit] {
    var points = [Point(x: 0, y: 0), Point(x: old.count, y: new.count)]
    var pending = [Box(left: 0, top: 0, right: old.count, bottom: new.count)]
    while let box = pending.popLast() {
      guard let (start, end) = middleSnake(box, old, new) else { continue }
      points.append(start)
      points.append(end)
      pending.append(Box(left: box.left, top: box.top, right: start.x, bottom: start.y))
      pending.append(Box(left: end.x, top: end.y, right: box.right, bottom: box.bottom))
    }
    // Every point lies on one monotone path, so sorting puts them in path order.
    points.sort { $0.x != $1.x ? $0.x < $1.x : $0.y < $1.y }
    var edits: [Edit] = []
    var x = 0
    var y = 0
    for point in points {
      while x < point.x || y < point.y {
        if x < point.x, y < point.y, old[x] == new[y] {
          edits.append(Edit(kind: .same, old: x, new: y))
          x += 1
          y += 1
        } else if point.x - x >= point.y - y, x < point.x {
          edits.append(Edit(kind: .delete, old: x, new: y))
          x += 1
        } else {
          edits.append(Edit(kind: .insert, old: x, new: y))
          y += 1
        }
      }
    }
    return edits
  }

  /// The middle snake of `box`: where a shortest path through it crosses its middle
  /// (Myers 1986, §4b), searching from both corners at once. Nil for an empty box.
  /// Past ``costLimit`` steps it returns a split point instead (see ``furthestPoint``).
  private static func middleSnake(_ box: Box, _ old: [Int], _ new: [Int]) -> (Point, Point)? {
    guard box.size > 0 else { return nil }
    let fullSearch = (box.size + 1) / 2
    let limit = min(fullSearch, costLimit)
    let offset = limit + 1
    var forward = [Int](repeating: 0, count: 2 * limit + 3)
    var backward = [Int](repeating: 0, count: 2 * limit + 3)
    forward[1 + offset] = box.left
    backward[1 + offset] = box.bottom
    let deltaIsOdd = box.delta % 2 != 0
    for d in 0...limit {
      for k in stride(from: d, through: -d, by: -2) {
        var x: Int
        let previousX: Int
        if k == -d || (k != d && forward[k - 1 + offset] < forward[k + 1 + offset]) {
          x = forward[k + 1 + offset]
          previousX = x
        } else {
          previousX = forward[k - 1 + offset]
          x = previousX + 1
        }
        var y = box.top + (x - box.left) - k
        let previousY = (d == 0 || x != previousX) ? y : y - 1
        while x < box.right, y < box.bottom, old[x] == new[y] {
          x += 1
          y += 1
        }
        forward[k + offset] = x
        let c = k - box.delta
        if deltaIsOdd, c >= -(d - 1), c <= d - 1, y >= backward[c + offset] {
          return (Point(x: previousX, y: previousY), Point(x: x, y: y))
        }
      }
      for c in stride(from: d, through: -d, by: -2) {
        var y: Int
        let previousY: Int
        if c == -d || (c != d && backward[c - 1 + offset] > backward[c + 1 + offset]) {
          y = backward[c + 1 + offset]
          previousY = y
        } else {
          previousY = backward[c - 1 + offset]
          y = previousY - 1
        }
        let k = c + box.delta
        var x = box.left + (y - box.top) + k
        let previousX = (d == 0 || y != previousY) ? x : x + 1
        while x > box.left, y > box.top, old[x - 1] == new[y - 1] {
          x -= 1
          y -= 1
        }
        backward[c + offset] = y
        if !deltaIsOdd, k >= -d, k <= d, x <= forward[k + offset] {
          return (Point(x: x, y: y), Point(x: previousX, y: previousY))
        }
      }
    }
    // The search gave up at the cost limit: split where it got furthest or, failing that,
    // after one step (a deletion or an insertion), which always makes progress.
    if let split = furthestPoint(box, forward, offset: offset, d: limit) { return (split, split) }
    let start = Point(x: box.left, y: box.top)
    return box.right > box.left
      ? (start, Point(x: box.left + 1, y: box.top)) : (start, Point(x: box.left, y: box.top + 1))
  }

  /// The point inside `box`, other than its corners, that the forward search reached
  /// furthest in `d` steps: a valid (if not shortest) place to split the box.
  private static func furthestPoint(_ box: Box, _ forward: [Int], offset: Int, d: Int) -> Point? {
    var best: Point?
    for k in stride(from: d, through: -d, by: -2) {
      let x = forward[k + offset]
      let y = box.top + (x - box.left) - k
      guard x <= box.right, y >= box.top, y <= box.bottom else { continue }
      if x == box.right && y == box.bottom || x == box.left && y == box.top { continue }
      if best.map({ x + y > $0.x + $0.y }) ?? true { best = Point(x: x, y: y) }
    }
    return best
  }
}
