/// A field of the rows a listing returns, usable in `where`, `sort` and as a column.
public struct QueryField: Sendable, Hashable {
  /// The name written in queries, e.g. `progress`.
  public let name: String
  let type: QueryFieldType

  init(_ name: String, _ type: QueryFieldType) {
    self.name = name
    self.type = type
  }
}

/// What a field holds, which decides the operators and values it accepts.
enum QueryFieldType: Sendable, Hashable {
  /// Free text (`id`, `title`, `unit`): every operator; `contains` ignores case.
  case text
  /// A fraction 0…1 (`progress`, `expected`, `confidence`): ordered, compared with `50%` or `0.5`.
  case fraction
  /// A plain number (`weight`, `value`, `from`, `to`).
  case number
  /// A whole number (`krs`, `checkins`, `objectives`).
  case count
  /// Names of related nodes (`parents`, `children`, `leads`): compared by count, or `contains NAME`.
  case relation(RelatedKind)
  case level
  case status
  /// A cycle: `=`/`!=` a period or cycle name, `contains DATE`.
  case cycle
  /// An entity id (`entity`, `owner`, `acceptor`), or `none`.
  case entity
  /// Words (`tags`): `contains WORD`.
  case tags
  /// One of a few fixed words (`measure`, `form`).
  case keyword([String])
  /// An objective or key result (`objective`, `child`, `parent`).
  case node

  /// What the related names name.
  enum RelatedKind: Sendable, Hashable {
    case alignment, entity
  }

  /// How the type reads in error messages.
  var description: String {
    switch self {
    case .text: "text"
    case .fraction: "a fraction from 0 to 1"
    case .number: "a number"
    case .count: "a count"
    case .relation: "a set of names"
    case .level: "a level"
    case .status: "a status"
    case .cycle: "a cycle"
    case .entity: "an entity"
    case .tags: "a set of tags"
    case .keyword: "a word"
    case .node: "an objective or key result"
    }
  }
}

extension ListingKind {
  /// The fields a row of this listing has.
  public var fields: [QueryField] {
    switch self {
    case .objectives:
      [
        QueryField("id", .text), QueryField("title", .text), QueryField("level", .level),
        QueryField("entity", .entity), QueryField("owner", .entity), QueryField("cycle", .cycle),
        QueryField("progress", .fraction), QueryField("expected", .fraction), QueryField("status", .status),
        QueryField("parents", .relation(.alignment)), QueryField("children", .relation(.alignment)),
        QueryField("krs", .count), QueryField("tags", .tags), QueryField("confidence", .fraction),
        QueryField("override", .fraction),
      ]
    case .krs:
      [
        QueryField("id", .text), QueryField("title", .text), QueryField("objective", .node),
        QueryField("level", .level), QueryField("entity", .entity), QueryField("owner", .entity),
        QueryField("cycle", .cycle), QueryField("measure", .keyword(QueryEngine.measureWords)),
        QueryField("value", .number), QueryField("from", .number), QueryField("to", .number),
        QueryField("unit", .text), QueryField("progress", .fraction), QueryField("expected", .fraction),
        QueryField("status", .status), QueryField("weight", .number), QueryField("confidence", .fraction),
        QueryField("checkins", .count), QueryField("children", .relation(.alignment)),
      ]
    case .links:
      [
        QueryField("id", .text), QueryField("child", .node), QueryField("parent", .node),
        QueryField("form", .keyword(QueryEngine.formWords)), QueryField("weight", .number),
        QueryField("acceptor", .entity), QueryField("level", .level), QueryField("cycle", .cycle),
        QueryField("progress", .fraction), QueryField("status", .status),
      ]
    case .entities:
      [
        QueryField("id", .text), QueryField("title", .text), QueryField("level", .level),
        QueryField("parents", .relation(.entity)), QueryField("children", .relation(.entity)),
        QueryField("leads", .relation(.entity)), QueryField("objectives", .count),
      ]
    }
  }

  /// The columns shown when a query names no other fields.
  var defaultColumns: [String] {
    switch self {
    case .objectives: ["id", "level", "cycle", "progress", "expected", "status", "title"]
    case .krs: ["id", "measure", "value", "progress", "weight", "status", "title"]
    case .links: ["id", "form", "weight", "acceptor"]
    case .entities: ["id", "level", "objectives", "title"]
    }
  }

  /// The field named `name`, if rows of this listing have one.
  func field(named name: String) -> QueryField? { fields.first { $0.name == name } }
}

/// A typed value in a query answer: a table cell, a field of `show`, a row's field in `where`.
public enum QueryValue: Sendable, Equatable {
  /// No value (e.g. no `owner`): `-` in text, `null` in JSON; in `where` it equals only `none`.
  case none
  /// Free text: an id, a title, a unit, a note.
  case text(String)
  /// 0…1, shown as a percentage.
  case fraction(Double)
  /// A plain number: a weight, a value, a metric's `from` or `to`.
  case number(Double)
  /// A whole number: how many key results, check-ins or objectives.
  case count(Int)
  /// A level: `company`, `unit`, `team` or `person`.
  case level(Level)
  /// A progress status, e.g. `at-risk`.
  case status(ProgressStatus)
  /// A cycle: its label (the declared cycle's name, or the period as written) and its period.
  case cycle(label: String, period: Period)
  /// A date, e.g. a check-in's.
  case date(Day)
  /// An identifier-like word: an entity id, a measure, a link form, a node kind.
  case word(String)
  /// Several names or tags.
  case list([String])

  /// Orders two values of one field for `sort`: numbers numerically, levels from company down,
  /// statuses from the most worrying, cycles by their first then last day; nil when incomparable.
  static func ascending(_ a: QueryValue, _ b: QueryValue) -> Bool? {
    switch (a, b) {
    case (.fraction(let x), .fraction(let y)), (.number(let x), .number(let y)): return x < y
    case (.count(let x), .count(let y)): return x < y
    case (.text(let x), .text(let y)), (.word(let x), .word(let y)): return x < y
    case (.level(let x), .level(let y)): return x < y
    case (.status(let x), .status(let y)): return x < y
    case (.date(let x), .date(let y)): return x < y
    case (.cycle(_, let x), .cycle(_, let y)):
      return x.first != y.first ? x.first < y.first : x.last < y.last
    case (.list(let x), .list(let y)): return x.count < y.count
    default: return nil
    }
  }
}

/// A `where` value checked against its field and resolved against the plan.
enum QueryOperand: Sendable, Equatable {
  case none
  case number(Double)
  case text(String)
  case period(Period)
  case cycleName(String)
  case date(Day)
}

extension QueryComparison {
  /// Whether a row's value satisfies the comparison. A missing value equals only `none`. The
  /// operand of `contains` on text comes lowercased (see ``QueryEngine/compile(_:)``).
  static func holds(_ value: QueryValue, _ op: ComparisonOperator, _ operand: QueryOperand) -> Bool {
    if case .none = value {
      switch op {
      case .equal: return operand == .none
      case .notEqual: return operand != .none
      default: return false
      }
    }
    if operand == .none { return op == .notEqual }
    switch (value, operand) {
    case (.fraction(let x), .number(let y)), (.number(let x), .number(let y)): return compare(x, y, op)
    case (.count(let x), .number(let y)): return compare(Double(x), y, op)
    case (.list(let items), .number(let y)): return compare(Double(items.count), y, op)
    case (.list(let items), .text(let name)):
      switch op {
      case .contains: return items.contains(name)
      default: return false
      }
    case (.text(let x), .text(let y)):
      switch op {
      case .equal: return x == y
      case .notEqual: return x != y
      case .contains: return containsIgnoringCase(x, lowercased: y)
      case .less: return x < y
      case .lessEqual: return x <= y
      case .greater: return x > y
      case .greaterEqual: return x >= y
      }
    case (.word(let x), .text(let y)): return equality(x == y, op)
    case (.level(let x), .text(let y)): return equality(x.rawValue == y, op)
    case (.status(let x), .text(let y)): return equality(x.rawValue == y, op)
    case (.cycle(_, let period), .period(let y)): return equality(period == y, op)
    case (.cycle(let label, _), .cycleName(let name)): return equality(label == name, op)
    case (.cycle(_, let period), .date(let day)): return op == .contains && period.contains(day)
    default: return op == .notEqual
    }
  }

  /// Whether `text` contains `needle` (already lowercased), ignoring case: byte by byte for
  /// ASCII text, through `lowercased()` otherwise.
  static func containsIgnoringCase(_ text: String, lowercased needle: String) -> Bool {
    let pattern = Array(needle.utf8)
    let ascii: Bool?? = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
      guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
      guard bytes.count >= pattern.count else { return false }
      guard !pattern.isEmpty else { return true }
      for start in 0...(bytes.count - pattern.count) {
        var index = 0
        while index < pattern.count {
          let byte = bytes[start + index]
          guard (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) == pattern[index] else { break }
          index += 1
        }
        if index == pattern.count { return true }
      }
      return false
    }
    if let found = ascii ?? nil { return found }
    return text.lowercased().contains(needle)
  }

  private static func equality(_ equal: Bool, _ op: ComparisonOperator) -> Bool {
    switch op {
    case .equal: equal
    case .notEqual: !equal
    default: false
    }
  }

  /// Numbers within a billionth are equal (progress is a sum of weighted means).
  private static func compare(_ x: Double, _ y: Double, _ op: ComparisonOperator) -> Bool {
    let tolerance = 1e-9
    switch op {
    case .equal: return abs(x - y) <= tolerance
    case .notEqual: return abs(x - y) > tolerance
    case .less: return x < y - tolerance
    case .lessEqual: return x <= y + tolerance
    case .greater: return x > y + tolerance
    case .greaterEqual: return x >= y - tolerance
    case .contains: return false
    }
  }

  /// Checks the operator and value against the field's type (no plan needed); the error points
  /// at the operator or the value.
  static func check(field: QueryField, op: QueryWord, operator comparison: ComparisonOperator, value: QueryLiteral)
    throws(QueryError)
  {
    let name = field.name
    func wrongOperator(_ allowed: String) -> QueryError {
      QueryError(
        "'\(comparison.rawValue)' does not apply to \(name), which is \(field.type.description)",
        at: op.span, label: "not for \(name)", help: "\(name) takes \(allowed)")
    }
    func wrongValue(_ expected: String, help: String? = nil) -> QueryError {
      QueryError(
        "\(name) is \(field.type.description); it cannot be compared with \(value.kindDescription)",
        at: value.span, label: "expected \(expected)", help: help)
    }
    let isNone = value.value == .word("none")
    if isNone {
      guard comparison == .equal || comparison == .notEqual else {
        throw QueryError("'none' can only be compared with = or !=", at: op.span, label: "use = or !=")
      }
      return
    }
    switch field.type {
    case .text:
      guard value.text != nil else {
        throw wrongValue("text", help: "write text in quotes, e.g. \(name) contains \"NPS\"")
      }
    case .fraction, .number, .count:
      guard comparison != .contains else { throw wrongOperator("=, !=, <, <=, > or >=") }
      guard let number = value.fraction else {
        throw wrongValue(
          "a number",
          help: field.type == .fraction
            ? "write a percentage or a fraction, e.g. \(name) < 50% or \(name) < 0.5"
            : "write a number, e.g. \(name) > 1")
      }
      if field.type == .fraction, case .number(_, false) = value.value, number > 1 {
        throw QueryError(
          "\(name) is a fraction from 0 to 1, so \(number.plainText) is out of range",
          at: value.span, label: "did you mean \(number.plainText)%?",
          help:
            "write \(name) \(comparison.rawValue) \(number.plainText)% or \(name) \(comparison.rawValue) \((number / 100).plainText)"
        )
      }
      if field.type == .count, number != number.rounded() {
        throw wrongValue("a whole number")
      }
    case .relation(let kind):
      if comparison == .contains {
        guard value.text != nil, value.value != .string("") else {
          throw wrongValue(
            kind == .entity ? "an entity id" : "an objective or key result",
            help: "e.g. \(name) contains \(kind == .entity ? "acme" : "acme.csat")")
        }
      } else {
        guard let number = value.fraction, number == number.rounded() else {
          throw wrongValue(
            "a whole number (how many), or use contains",
            help: "e.g. \(name) = 0, or \(name) contains \(kind == .entity ? "acme" : "acme.csat")")
        }
      }
    case .level:
      try requireEquality(wrongOperator)
      guard case .word(let word) = value.value, Level(rawValue: word) != nil else {
        throw choice(value, name: name, among: Level.allCases.map(\.rawValue))
      }
    case .status:
      try requireEquality(wrongOperator)
      guard case .word(let word) = value.value, ProgressStatus(rawValue: word) != nil else {
        throw choice(value, name: name, among: ProgressStatus.allCases.map(\.rawValue))
      }
    case .keyword(let words):
      try requireEquality(wrongOperator)
      guard case .word(let word) = value.value, words.contains(word) else {
        throw choice(value, name: name, among: words)
      }
    case .entity:
      try requireEquality(wrongOperator)
      guard case .word = value.value else {
        throw wrongValue("an entity id", help: "e.g. \(name) = alice, or \(name) = none")
      }
    case .node:
      try requireEquality(wrongOperator)
      guard case .reference = value.value else {
        throw wrongValue("an objective or key result", help: "e.g. \(name) = acme.csat")
      }
    case .tags:
      guard comparison == .contains else { throw wrongOperator("contains, e.g. tags contains exploratory") }
      guard value.text != nil else { throw wrongValue("a tag", help: "e.g. tags contains exploratory") }
    case .cycle:
      if comparison == .contains {
        guard case .date = value.value else {
          throw wrongValue("a date", help: "e.g. cycle contains 2026-02-20, or cycle = 2026-Q1")
        }
        return
      }
      try requireEquality(wrongOperator)
      switch value.value {
      case .period, .word: return
      case .number(let year, false) where year == year.rounded() && (1...9999).contains(year): return
      default:
        throw wrongValue(
          "a period or cycle name", help: "e.g. cycle = 2026-Q1, cycle = FY26 or cycle contains 2026-02-20")
      }
    }

    func requireEquality(_ error: (String) -> QueryError) throws(QueryError) {
      guard comparison == .equal || comparison == .notEqual else { throw error("= or !=") }
    }
  }

  /// The error for a word that is not one of a field's fixed values.
  private static func choice(_ value: QueryLiteral, name: String, among words: [String]) -> QueryError {
    let written = value.text ?? ""
    let help =
      Suggestions.didYouMean(written, among: words)
      ?? "\(name) is one of " + words.map { "`\($0)`" }.joined(separator: ", ")
    return QueryError("\(value.kindDescription) is not a \(name)", at: value.span, label: "not a \(name)", help: help)
  }
}

extension Double {
  /// The number as a query would write it: no trailing `.0`.
  var plainText: String {
    if self == rounded(), abs(self) < 1e15 { return String(Int64(self)) }
    return String(self)
  }
}
