/// `nonpositive-weight`, `empty-range`, `value-out-of-range`, `duplicate-checkin` and
/// `checkin-outside-cycle`: the numbers and dates of a plan make sense.
///
/// Works on the resolved plan (not the syntax), so a what-if change to a value is checked
/// like a written one; values without a written literal are reported at their declaration.
enum ValueRules {
  static func check(_ plan: Plan, into diagnostics: inout [Diagnostic]) {
    for link in plan.links where !(link.weight > 0) {
      diagnostics.append(
        nonpositiveWeight(
          link.weight, at: link.weightLocation, declaration: link.location,
          of: "the link from '\(plan.qualifiedName(link.child))' to '\(plan.qualifiedName(link.target))'", plan))
    }
    for index in plan.objectives.indices {
      // Fields read in place: copying every objective would cost more than the checks.
      if let override = plan.objectives[index].progressOverride, !(0...1).contains(override) {
        let objective = plan.objectives[index]
        let location = objective.overrideLocation ?? objective.location
        diagnostics.append(
          Diagnostic(
            .valueOutOfRange,
            "a progress override is between 0% and 100%, found \(NumberText.percent(override))",
            at: location, label: "out of range",
            help: "write a percentage from 0% to 100%, e.g. progress 40% override"))
      }
      for keyResult in plan.objectives[index].keyResults {
        checkKeyResult(KeyResultID(keyResult), plan, into: &diagnostics)
      }
    }
  }

  private static func checkKeyResult(
    _ id: KeyResultID, _ plan: Plan, into diagnostics: inout [Diagnostic]
  ) {
    // Field by field, in place (`plan[id].weight`): a copy of the whole key result costs more than the checks.
    if !(plan[id].weight > 0) {
      diagnostics.append(
        nonpositiveWeight(
          plan[id].weight, at: plan[id].weightLocation,
          declaration: plan[id].location, of: "the key result \(name(of: id, plan))", plan))
    }
    switch plan[id].measureValues {
    case .metric(let from, let to, _) where from == to:
      diagnostics.append(emptyRange(of: id, from: from, to: to, plan))
    case .manual(let progress) where !(0...1).contains(progress):
      diagnostics.append(progressOutOfRange(of: id, progress, plan))
    default:
      break
    }
    checkCheckins(of: id, plan, into: &diagnostics)
  }

  /// How messages name the key result `id`. This and the reports below are out of line: their
  /// messages made checking every key result set up a larger frame.
  @inline(never)
  private static func name(of id: KeyResultID, _ plan: Plan) -> String { "'\(plan.qualifiedName(id))'" }

  @inline(never)
  private static func emptyRange(of id: KeyResultID, from: Double, to: Double, _ plan: Plan) -> Diagnostic {
    let written = "from \(NumberText.plain(from)) to \(NumberText.plain(to))"
    return Diagnostic(
      .emptyRange,
      "the key result \(name(of: id, plan)) starts at its target (\(written)): there is nothing to achieve",
      at: plan[id].measureLocation ?? plan[id].location, label: "from equals to",
      help:
        "set a target that differs from the start, e.g. from \(NumberText.plain(from)) to \(NumberText.plain(from + 10)), or make it a milestone"
    )
  }

  @inline(never)
  private static func progressOutOfRange(of id: KeyResultID, _ progress: Double, _ plan: Plan) -> Diagnostic {
    let written = plan[id].measureLocation.map { plan.literal(at: $0) } ?? NumberText.percent(progress)
    return Diagnostic(
      .valueOutOfRange,
      "the progress of \(name(of: id, plan)) is between 0% and 100%, found \(written)",
      at: plan[id].measureLocation ?? plan[id].location, label: "out of range",
      help: "write a percentage from 0% to 100%, e.g. progress 40%")
  }

  private static func checkCheckins(of id: KeyResultID, _ plan: Plan, into diagnostics: inout [Diagnostic]) {
    guard !plan[id].checkins.isEmpty else { return }
    // The cycle's days, worked out once for all the objectives of the cycle (``CycleTerms``).
    let cycleDays = plan.objectives[Int(plan[id].objective.index)].cycleDays
    // Check-ins are sorted by date, those of one date in written order.
    var firstOfDate: CheckinRecord?
    for index in plan[id].checkins {
      let checkin = plan.checkins[Int(index)]
      if let first = firstOfDate, first.date == checkin.date {
        diagnostics.append(repeatedDate(of: checkin, first: first, in: id, plan))
      } else {
        firstOfDate = checkin
      }
      if let confidence = checkin.confidence, !(0...1).contains(confidence) {
        diagnostics.append(confidenceOutOfRange(of: checkin, confidence, plan))
      }
      if let cycleDays, !cycleDays.contains(checkin.date), let cycle = plan[plan[id].objective].cycle {
        diagnostics.append(outsideCycle(checkin, of: id, cycle, plan))
      }
    }
  }

  @inline(never)
  private static func repeatedDate(
    of checkin: CheckinRecord, first: CheckinRecord, in id: KeyResultID, _ plan: Plan
  ) -> Diagnostic {
    Diagnostic(
      .duplicateCheckin,
      "\(name(of: id, plan)) has more than one check-in on \(checkin.date)",
      at: checkin.location, label: "another check-in on \(checkin.date)",
      labels: [.init(first.location, "first check-in on \(checkin.date)")],
      help: "keep one check-in per date: correct the date or remove one of them")
  }

  @inline(never)
  private static func confidenceOutOfRange(of checkin: CheckinRecord, _ confidence: Double, _ plan: Plan)
    -> Diagnostic
  {
    let written = checkin.confidenceLocation.map { plan.literal(at: $0) } ?? NumberText.plain(confidence)
    return Diagnostic(
      .valueOutOfRange,
      "a confidence is between 0 and 1, found \(written)",
      at: checkin.confidenceLocation ?? checkin.location, label: "out of range",
      help: "write a confidence from 0 to 1 (or 0% to 100%), e.g. confidence 0.6")
  }

  /// The check-in `checkin` of `id`, dated outside `cycle`, its objective's.
  @inline(never)
  private static func outsideCycle(
    _ checkin: CheckinRecord, of id: KeyResultID, _ cycle: CycleAssignment, _ plan: Plan
  ) -> Diagnostic {
    let objective = plan.qualifiedName(plan[id].objective)
    return Diagnostic(
      .checkinOutsideCycle,
      "the check-in of \(name(of: id, plan)) on \(checkin.date) is outside the cycle \(cycle.label) of '\(objective)'",
      at: checkin.location, label: "outside \(cycle.period.first)..\(cycle.period.last)",
      labels: [.init(cycle.location, "'\(objective)' is in \(cycle.label)")],
      help: "correct the date, or record the value on the objective of the cycle it belongs to")
  }

  private static func nonpositiveWeight(
    _ weight: Double, at literal: SourceLocation?, declaration: SourceLocation, of what: String, _ plan: Plan
  ) -> Diagnostic {
    let written = literal.map { plan.literal(at: $0) } ?? NumberText.plain(weight)
    return Diagnostic(
      .nonpositiveWeight, "the weight of \(what) must be above 0, found \(written)",
      at: literal ?? declaration, label: "not a positive weight",
      help: "write a positive weight such as 1 or 2; to stop counting it, remove it")
  }
}
