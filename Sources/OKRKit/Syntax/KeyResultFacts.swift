/// What a key result says (its id, title and clauses), gathered while the parser reads it, so that
/// resolving a plan never reads it again. Kept small (a plan may have millions; 64 bytes): the
/// clauses most key results do without (unit, weight, note, source, owner) are kept apart, as
/// ``KeyResultExtra``, in the order of their key results (an objective's first is in its
/// ``ObjectiveFactsPlace``).
struct KeyResultFacts: Sendable {
  /// How the key result measures progress.
  enum Kind: UInt8, Sendable {
    case none, metric, milestone, manual
  }

  /// The range's start and target (`from A to B`); for `progress N%`, `from` is the fraction;
  /// for a milestone done on a date, `from` is the date's ``Day/ordinal``, NaN when done with no date.
  var from = 0.0
  var to = 0.0
  /// `current V`; NaN when not written.
  var current = Double.nan
  /// The clause that sets the measure: `from … to …`, `milestone`/`done`, or the `progress N%` literal.
  var measureSpan = PackedSpan(nil)
  /// The key result's id and title.
  var idSpan: Span
  var titleSpan: Span
  /// Where the key result's statement ends (it starts at `kr`).
  var end: UInt32
  /// The first of the key result's check-ins in ``BodyFactTable/checkins``, and how many it has.
  var firstCheckin: Int32 = 0
  var checkinCount: Int32 = 0
  var kind = Kind.none
  var isDone = false
  var extraCount: UInt8 = 0
  /// How many `owner` clauses there are, up to 2 (each one names a person to look up; the
  /// extras keep the last).
  var ownerClauses: UInt8 = 0
}

/// A key result's clause as the parser reads it: a ``KeyResultClause`` with its names (the unit
/// word, the owner) as spans, so that it holds nothing to let go of (the clause, with `String`s, is
/// made only when statements are kept). It repeats the cases of ``KeyResultClause`` on purpose:
/// one enum generic over the names was tried, and reading a clause cost about 50 instructions more.
enum WrittenClause {
  case range(from: NumberLiteral, to: NumberLiteral, unit: Span?, span: Span)
  case current(NumberLiteral, span: Span)
  case checkin(Checkin)
  case milestone(span: Span)
  case done(DateLiteral?, span: Span)
  case progress(NumberLiteral, span: Span)
  case weight(NumberLiteral, span: Span)
  case owner(Span, span: Span)
  case note(StringLiteral, span: Span)
  case source(StringLiteral, span: Span)
}

/// A clause most key results do without, and where it is written.
struct KeyResultExtra: Sendable {
  enum Kind: UInt8, Sendable {
    /// The word or string after `unit`.
    case unit
    /// The weight's literal.
    case weight
    /// A `note` or `source` string literal.
    case note, source
    /// The person named by `owner`.
    case owner
  }

  var span: Span
  var kind: Kind
}

/// What a key result's clauses say, gathered clause by clause as the parser reads them (see
/// ``BodyFactTable/startKeyResult(id:title:)``). The last range, `current`, `progress`, weight,
/// unit, note, source and owner count; the milestone is written where the first `milestone` or
/// `done` is; a range beats a milestone, which beats manual progress.
struct KeyResultFactsBuilder {
  fileprivate var facts: KeyResultFacts
  fileprivate var range: Span?
  fileprivate var milestone: Span?
  fileprivate var manual: NumberLiteral?
  /// The date after the last `done`, as a ``Day/ordinal``; `Int32.min` when none is written.
  fileprivate var doneOn = Int32.min
  fileprivate var extra = KeyResultExtraSpans()
}

extension BodyFactTable {
  /// Starts gathering the facts of the key result with id `id` and title `title` (inlined, so the
  /// builder is made where the parser keeps it rather than copied there).
  @inline(__always) func startKeyResult(id: Span, title: Span) -> KeyResultFactsBuilder {
    var facts = KeyResultFacts(idSpan: id, titleSpan: title, end: 0)
    facts.firstCheckin = Int32(checkins.count)
    return KeyResultFactsBuilder(facts: facts)
  }

  /// Adds what `clause` says to the key result `builder` gathers (a check-in goes to
  /// ``checkins`` at once). Inlined where each kind of clause is read (see the parser's
  /// `add(_:to:)`).
  @inline(__always)
  mutating func add(_ clause: WrittenClause, to builder: inout KeyResultFactsBuilder) {
    switch clause {
    case .range(let from, let to, let unitWord, let span):
      (builder.facts.from, builder.facts.to, builder.range) = (from.value, to.value, span)
      builder.extra.unit = unitWord
    case .current(let value, _): builder.facts.current = value.value
    case .checkin(let checkin): checkins.append(checkin)
    case .milestone(let span): builder.milestone = builder.milestone ?? span
    case .done(let date, let span):
      (builder.facts.isDone, builder.doneOn) = (true, date?.day.ordinal ?? .min)
      builder.milestone = builder.milestone ?? span
    case .progress(let value, _): builder.manual = value
    case .weight(let value, _): builder.extra.weight = value.span
    case .owner(let person, _):
      builder.extra.owner = person
      builder.facts.ownerClauses = min(builder.facts.ownerClauses + 1, 2)
    case .note(let literal, _): builder.extra.note = literal.span
    case .source(let literal, _): builder.extra.source = literal.span
    }
  }

  /// Adds the facts `builder` gathered, of a key result ending at `end`. The builder is passed
  /// in place and left as it was: passed by value, its 169 bytes were copied for every key result.
  /// Inlined into the one place that reads key results, where the builder already is.
  @inline(__always)
  mutating func addKeyResult(_ builder: inout KeyResultFactsBuilder, end: UInt32) {
    var facts = builder.facts
    facts.end = end
    if let range = builder.range {
      (facts.kind, facts.measureSpan) = (.metric, PackedSpan(range))
    } else if let milestone = builder.milestone {
      (facts.kind, facts.measureSpan) = (.milestone, PackedSpan(milestone))
      if facts.isDone { facts.from = builder.doneOn == .min ? .nan : Double(builder.doneOn) }
    } else if let manual = builder.manual {
      (facts.kind, facts.from, facts.measureSpan) = (.manual, manual.fraction, PackedSpan(manual.span))
    }
    let firstExtra = extras.count
    func keep(_ span: Span?, as kind: KeyResultExtra.Kind) {
      if let span { extras.append(KeyResultExtra(span: span, kind: kind)) }
    }
    keep(builder.extra.unit, as: .unit)
    keep(builder.extra.weight, as: .weight)
    keep(builder.extra.note, as: .note)
    keep(builder.extra.source, as: .source)
    keep(builder.extra.owner, as: .owner)
    facts.extraCount = UInt8(extras.count - firstExtra)
    facts.checkinCount = Int32(checkins.count) - facts.firstCheckin
    keyResults.append(facts)
  }

  /// Lets go of what `builder` gathered, for a key result that did not parse.
  mutating func dropKeyResult(_ builder: KeyResultFactsBuilder) {
    checkins.removeSubrange(Int(builder.facts.firstCheckin)...)
  }

  /// Where the extras of a key result are written: `count` of them from `first` on.
  func extraSpans(from first: Int, count: Int) -> KeyResultExtraSpans {
    var spans = KeyResultExtraSpans()
    for extra in extras[first..<first + count] {
      switch extra.kind {
      case .unit: spans.unit = extra.span
      case .weight: spans.weight = extra.span
      case .note: spans.note = extra.span
      case .source: spans.source = extra.span
      case .owner: spans.owner = extra.span
      }
    }
    return spans
  }
}

/// Where a key result's extras are written, by kind (the last clause of each kind).
struct KeyResultExtraSpans {
  var unit: Span?
  var weight: Span?
  var note: Span?
  var source: Span?
  var owner: Span?
}
