/// What a key result's clauses say, gathered while the parser reads them, so that resolving a
/// plan never reads them again. Kept small (a plan may have millions): the clauses most key
/// results do without (unit, weight, note, source, owner) are kept apart, as ``KeyResultExtra``.
struct KeyResultFacts: Sendable {
  /// How the key result measures progress.
  enum Kind: UInt8, Sendable {
    case none, metric, milestone, manual
  }

  /// The range's start and target (`from A to B`); for `progress N%`, `from` is the fraction.
  var from = 0.0
  var to = 0.0
  /// `current V`; NaN when not written.
  var current = Double.nan
  var weight = 1.0
  /// The clause that sets the measure: `from … to …`, `milestone`/`done`, or the `progress N%` literal.
  var measureSpan = PackedSpan(nil)
  /// The first of the key result's check-ins (as many as it counts) in ``KeyResultFactTable/checkins``.
  var firstCheckin: Int32 = 0
  /// The first of its ``KeyResultExtra`` in ``KeyResultFactTable/extras``.
  var firstExtra: Int32 = 0
  /// The date after `done`, as a ``Day/ordinal``; `Int32.min` when none is written.
  var doneOn = Int32.min
  var kind = Kind.none
  var isDone = false
  var extraCount: UInt8 = 0
  /// How many `owner` clauses there are, up to 2 (each one names a person to look up; the
  /// extras keep the last).
  var ownerClauses: UInt8 = 0
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

/// The facts of the key results one parser read (a file, or one piece of a large file).
struct KeyResultFactTable: Sendable {
  var keyResults: [KeyResultFacts] = []
  var checkins: [Checkin] = []
  var extras: [KeyResultExtra] = []
}

/// Where a key result's facts are: a table of ``SyntaxFile/factTables`` and a place in it.
struct KeyResultFactsPlace: Sendable, Hashable {
  var table: Int32
  var index: Int32
}

extension KeyResultFactTable {
  /// Adds the facts of a key result whose clauses, in written order, are `clauses`, and returns
  /// their index. The last range, `current`, `progress`, weight, unit, note, source and owner
  /// count; the milestone is written where the first `milestone` or `done` is; a range beats a
  /// milestone, which beats manual progress.
  mutating func add(_ clauses: ArraySlice<KeyResultClause>) -> Int32 {
    var facts = KeyResultFacts()
    facts.firstCheckin = Int32(checkins.count)
    var range: Span?
    var milestone: Span?
    var manual: NumberLiteral?
    var extra = KeyResultExtraSpans()
    for clause in clauses {
      switch clause {
      case .range(let from, let to, let unitWord, let span):
        (facts.from, facts.to, range) = (from.value, to.value, span)
        extra.unit = unitWord?.span
      case .current(let value, _): facts.current = value.value
      case .checkin(let checkin): checkins.append(checkin)
      case .milestone(let span): milestone = milestone ?? span
      case .done(let date, let span):
        (facts.isDone, facts.doneOn) = (true, date?.day.ordinal ?? .min)
        milestone = milestone ?? span
      case .progress(let value, _): manual = value
      case .weight(let value, _):
        facts.weight = value.value
        extra.weight = value.span
      case .owner(let person, _):
        extra.owner = person.span
        facts.ownerClauses = min(facts.ownerClauses + 1, 2)
      case .note(let literal, _): extra.note = literal.span
      case .source(let literal, _): extra.source = literal.span
      }
    }
    if let range {
      (facts.kind, facts.measureSpan) = (.metric, PackedSpan(range))
    } else if let milestone {
      (facts.kind, facts.measureSpan) = (.milestone, PackedSpan(milestone))
    } else if let manual {
      (facts.kind, facts.from, facts.measureSpan) = (.manual, manual.fraction, PackedSpan(manual.span))
    }
    facts.firstExtra = Int32(extras.count)
    func keep(_ span: Span?, as kind: KeyResultExtra.Kind) {
      if let span { extras.append(KeyResultExtra(span: span, kind: kind)) }
    }
    keep(extra.unit, as: .unit)
    keep(extra.weight, as: .weight)
    keep(extra.note, as: .note)
    keep(extra.source, as: .source)
    keep(extra.owner, as: .owner)
    facts.extraCount = UInt8(extras.count - Int(facts.firstExtra))
    keyResults.append(facts)
    return Int32(keyResults.count - 1)
  }

  /// Where the extras of `facts` are written.
  func extraSpans(of facts: KeyResultFacts) -> KeyResultExtraSpans {
    var spans = KeyResultExtraSpans()
    let first = Int(facts.firstExtra)
    for extra in extras[first..<first + Int(facts.extraCount)] {
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
