import OKRKit

/// The guarantees every input must keep, whatever its bytes.
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
  }
}
