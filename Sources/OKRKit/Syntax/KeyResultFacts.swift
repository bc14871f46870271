/// What a key result says (its id, title and clauses), gathered while the parser reads it, so that
/// resolving a plan never reads it again. Kept small (a plan may have millions): the clauses most
/// key results do without (unit, weight, note, source, owner) are kept apart, as
/// ``KeyResultExtra``.
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
  /// The key result's id and title.
  var idSpan: Span
  var titleSpan: Span
  /// Where the key result's statement ends (it starts at `kr`).
  var end: UInt32
  /// The first of the key result's check-ins in ``BodyFactTable/checkins``, and how many it has.
  var firstCheckin: Int32 = 0
  var checkinCount: Int32 = 0
  /// The first of its ``KeyResultExtra`` in ``BodyFactTable/extras``.
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

extension BodyFactTable {
  /// Adds the facts of the key result with id `id` and title `title`, ending at `end`, whose
  /// clauses, in written order, are `clauses`. The last range, `current`, `progress`, weight,
  /// unit, note, source and owner count; the milestone is written where the first `milestone` or
  /// `done` is; a range beats a milestone, which beats manual progress.
  mutating func addKeyResult(_ clauses: ArraySlice<KeyResultClause>, id: Span, title: Span, end: UInt32) {
    var facts = KeyResultFacts(idSpan: id, titleSpan: title, end: end)
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
    facts.checkinCount = Int32(checkins.count) - facts.firstCheckin
    keyResults.append(facts)
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
