/// One parsed query of the query language (LANGUAGE.md §7), as typed at the REPL or given to
/// `okr query`. Made by ``QueryParser``, answered by ``QueryEngine``.
public enum Query: Sendable, Equatable {
  /// `show REF`: everything about one entity, objective, key result or link.
  case show(QueryReference)
  /// `tree [REF] [depth N]`: the alignment tree below REF (or below every top-level objective).
  case tree(QueryReference?, depth: Int?)
  /// `path REF`, `parents REF`, `children REF`, `ancestors REF`, `descendants REF`.
  case related(QueryRelation, QueryReference)
  /// `impact REF [on REF]`: how much REF moves an ancestor (without `on`: each top-level ancestor).
  case impact(QueryReference, on: QueryReference?)
  /// `orphans`: objectives that should support something and do not.
  case orphans
  /// `progress REF [at DATE]`.
  case progress(QueryReference, at: Day?)
  /// `history REF`: progress at each check-in date of REF's subtree.
  case history(QueryReference)
  /// `check`: the plan's diagnostics.
  case check
  /// `stats`: counts, parentage forms, acceptance and orphan rates.
  case stats
  /// `set REF FIELD VALUE`: a what-if change, in memory only.
  case set(QueryReference, field: QueryWord, value: QueryLiteral)
  /// `reset`: drops every what-if change.
  case reset
  /// `objectives|krs|links|entities [where EXPR] [sort FIELD [asc|desc]] [limit N]`.
  case listing(QueryListing)
}

/// The node-set questions: where a node sits in the alignment graph.
public enum QueryRelation: String, Sendable, CaseIterable {
  /// From the node up to the top, following the first parent at each step.
  case path
  /// One step up (`parents`) or down (`children`), or every step, breadth first (`ancestors`, `descendants`).
  /// For an entity they follow `in`: the entities it is in, or the entities directly inside it.
  case parents, children, ancestors, descendants
}

/// A name in a query: `acme`, `acme.csat`, `acme.csat.nps`, or a link `cs.csat95->acme.csat`.
public struct QueryReference: Sendable, Equatable, CustomStringConvertible {
  /// The dot-separated parts of the name (of the link's child, for a link).
  public var parts: [String]
  /// The parts of a link's parent, after `->`.
  public var linkParent: [String]?
  /// Where the reference is in the query text (UTF-8 byte offsets).
  public var span: Span
  /// Where a link's parent is in the query text.
  public var linkParentSpan: Span?

  /// A reference whose `span` covers all of it, a link's parent included.
  public init(parts: [String], linkParent: [String]? = nil, span: Span, linkParentSpan: Span? = nil) {
    self.parts = parts
    self.linkParent = linkParent
    self.span = span
    self.linkParentSpan = linkParentSpan
  }

  /// The name as written: `acme.csat`, or `cs.csat95->acme.csat` for a link.
  public var description: String {
    let name = parts.joined(separator: ".")
    guard let linkParent else { return name }
    return name + "->" + linkParent.joined(separator: ".")
  }
}

/// A bare word in a query with its span (a field name, an operator word).
public struct QueryWord: Sendable, Equatable {
  /// The word as typed, e.g. the field `current` of `set acme.csat.nps current 45`.
  public var text: String
  /// Where the word is in the query text (UTF-8 byte offsets).
  public var span: Span

  /// A word and where it was typed.
  public init(_ text: String, span: Span) {
    self.text = text
    self.span = span
  }
}

/// A value written in a query: `50%`, `0.5`, `"text"`, `2026-02-20`, `2026-Q1`, `team`, `at-risk`, `acme.csat`.
public struct QueryLiteral: Sendable, Equatable {
  /// The kinds of value a query can write.
  public enum Value: Sendable, Equatable {
    /// A number as written (`50` for `50%`), and whether a `%` followed it.
    case number(Double, isPercent: Bool)
    /// A quoted string, its escapes decoded.
    case string(String)
    /// A date: `2026-02-20`.
    case date(Day)
    /// A period: `2026-Q1`, `2026-H2` or `2026-03` (a bare year such as `2026` reads as a number).
    case period(Period)
    /// A single identifier: a level, status, entity id, cycle name, tag, `none`, `true`…
    case word(String)
    /// A dotted name: an objective or key result.
    case reference([String])
  }

  /// The value, by kind: a number, string, date, period, word or dotted name.
  public var value: Value
  /// Where the value is in the query text (UTF-8 byte offsets).
  public var span: Span

  /// A value and where it was written.
  public init(_ value: Value, span: Span) {
    self.value = value
    self.span = span
  }

  /// The number as a fraction: `50%` and `0.5` are both 0.5.
  var fraction: Double? {
    guard case .number(let number, let isPercent) = value else { return nil }
    return isPercent ? number / 100 : number
  }

  /// The literal read as text: strings, words and dotted names.
  var text: String? {
    switch value {
    case .string(let text), .word(let text): text
    case .reference(let parts): parts.joined(separator: ".")
    default: nil
    }
  }

  /// What kind of value this is, for error messages.
  var kindDescription: String {
    switch value {
    case .number(_, let isPercent): isPercent ? "a percentage" : "a number"
    case .string: "a string"
    case .date: "a date"
    case .period: "a period"
    case .word(let word): "the word '\(word)'"
    case .reference(let parts): "the name '\(parts.joined(separator: "."))'"
    }
  }
}

/// What a listing lists.
public enum ListingKind: String, Sendable, CaseIterable {
  /// `objectives`, `krs` (key results), `links` (`supports` and `reuses` links) or `entities`.
  case objectives, krs, links, entities
}

/// `objectives|krs|links|entities [where EXPR] [sort FIELD [asc|desc]] [limit N]`.
public struct QueryListing: Sendable, Equatable {
  /// Which rows are listed: objectives, key results, links or entities.
  public var kind: ListingKind
  /// The `where` condition; nil lists every row.
  public var filter: QueryFilter?
  /// The `sort` order; nil keeps the rows in plan order.
  public var sort: QuerySort?
  /// The `limit`: at most this many rows, taken after sorting; nil for no limit.
  public var limit: Int?

  /// A listing of `kind` rows, optionally filtered, sorted and cut.
  public init(kind: ListingKind, filter: QueryFilter? = nil, sort: QuerySort? = nil, limit: Int? = nil) {
    self.kind = kind
    self.filter = filter
    self.sort = sort
    self.limit = limit
  }
}

/// `sort FIELD [asc|desc]`.
public struct QuerySort: Sendable, Equatable {
  /// The field sorted by; rows without a value for it come last.
  public var field: QueryField
  /// True for `desc`; `asc`, the default, sorts ascending.
  public var descending: Bool
}

/// A `where` condition. `and` and `or` chains are flat lists, so a long chain is not a deep tree;
/// nesting (parentheses, `not`) is bounded by ``QueryParser/maximumNesting``.
public indirect enum QueryFilter: Sendable, Equatable {
  /// One `FIELD OP VALUE` test.
  case comparison(QueryComparison)
  /// `A and B and …`: every term holds.
  case and([QueryFilter])
  /// `A or B or …`: at least one term holds.
  case or([QueryFilter])
  /// `not A`: the term does not hold.
  case not(QueryFilter)
}

/// `FIELD OP VALUE`, checked against the field's type when parsed.
public struct QueryComparison: Sendable, Equatable {
  /// The field compared, e.g. `progress`.
  public var field: QueryField
  /// Where the field's name is in the query text (UTF-8 byte offsets).
  public var fieldSpan: Span
  /// How the field's value is compared with ``value``.
  public var op: ComparisonOperator
  /// The value compared with, as written.
  public var value: QueryLiteral
}

/// The comparison operators of `where`.
public enum ComparisonOperator: String, Sendable, CaseIterable {
  /// `=`: equal (numbers within a billionth).
  case equal = "="
  /// `!=`: not equal.
  case notEqual = "!="
  /// `<`: less than (numbers, counts, text).
  case less = "<"
  /// `<=`: at most.
  case lessEqual = "<="
  /// `>`: more than.
  case greater = ">"
  /// `>=`: at least.
  case greaterEqual = ">="
  /// `contains`: text containing a substring (ignoring case), a list of names or tags containing one,
  /// or a cycle containing a date.
  case contains

  /// Whether the operator orders values (`<`, `<=`, `>`, `>=`).
  var isOrdering: Bool {
    switch self {
    case .less, .lessEqual, .greater, .greaterEqual: true
    default: false
    }
  }
}
