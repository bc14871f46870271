import OKRKit

/// The guarantees every input must keep, whatever its bytes: no crash anywhere in
/// lexer → parser → checker → evaluator → formatter, spans inside the file, and for input
/// that parses, a formatter that is idempotent and keeps the plan's meaning.
enum PipelineInvariants {
  static func check(_ bytes: [UInt8]) {
    var parsed = ParsedPlan()
    parsed.add(path: "fuzz.okr", bytes: bytes)
    let analysis = PlanAnalysis(parsed)
    for diagnostic in analysis.diagnostics {
      let span = diagnostic.location.span
      precondition(span.start <= span.end && Int(span.end) <= bytes.count, "diagnostic span outside the file")
    }
    let renderer = DiagnosticRenderer(sources: analysis.plan.sources)
    for diagnostic in analysis.diagnostics.prefix(20) {
      precondition(!renderer.render(diagnostic).isEmpty)
    }
    let evaluation = PlanEvaluator(analysis.plan).evaluate(asOf: Day(year: 2026, month: 2, day: 20)!)
    for index in analysis.plan.objectives.indices {
      let progress = evaluation.progress(of: ObjectiveID(index))
      precondition(progress >= 0 && progress <= 1, "progress outside 0…1")
    }
    checkFormatter(parsed.sources.files[0], analysis)
  }

  /// Formatting twice changes nothing, and the formatted plan has the same diagnostics.
  static func checkFormatter(_ file: SourceFile, _ analysis: PlanAnalysis) {
    guard case .formatted(let once) = PlanFormatter.format(file) else { return }
    var reparsed = ParsedPlan()
    reparsed.add(path: "fuzz.okr", text: once)
    guard case .formatted(let twice) = PlanFormatter.format(reparsed.sources.files[0]) else {
      preconditionFailure("formatted text does not parse")
    }
    precondition(once == twice, "formatting is not idempotent")
    let before = analysis.diagnostics.map { "\($0.rule.rawValue): \($0.message)" }.sorted()
    let after = PlanAnalysis(reparsed).diagnostics.map { "\($0.rule.rawValue): \($0.message)" }.sorted()
    precondition(before == after, "formatting changed the plan's meaning")
  }
}
