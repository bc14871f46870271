import Testing

@testable import OKRKit

/// Checks the formatter's promises on one input: it keeps the meaning (same tree, ignoring
/// spans, and same diagnostics), keeps every comment where it was, and is idempotent.
enum FormatGuarantees {
  /// Formats `source` (which must parse cleanly), checks every guarantee and returns the result.
  @discardableResult
  static func verify(_ source: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> String {
    let input = SourceFile(id: FileID(0), path: "input.okr", bytes: Array(source.utf8))
    let (inputTree, inputProblems) = PlanParser.parse(input)
    try #require(inputProblems.isEmpty, "the input does not parse:\n\(source)", sourceLocation: sourceLocation)
    let formatted = PlanFormatter.format(input, inputTree)

    let output = SourceFile(id: FileID(0), path: "input.okr", bytes: Array(formatted.utf8))
    let (outputTree, outputProblems) = PlanParser.parse(output)
    try #require(
      outputProblems.isEmpty, "the output does not parse: \(outputProblems.map(\.message))\n\(formatted)",
      sourceLocation: sourceLocation)

    #expect(
      SyntaxShape.of(outputTree, in: output) == SyntaxShape.of(inputTree, in: input),
      "the tree changed:\n\(source)\n---\n\(formatted)", sourceLocation: sourceLocation)
    #expect(
      analysis(source) == analysis(formatted), "the diagnostics changed:\n\(source)\n---\n\(formatted)",
      sourceLocation: sourceLocation)
    #expect(
      PlanFormatter.format(output, outputTree) == formatted, "formatting twice changes the text:\n\(formatted)",
      sourceLocation: sourceLocation)

    let before = SyntaxShape.commentPlaces(inputTree, in: input)
    let after = SyntaxShape.commentPlaces(outputTree, in: output)
    #expect(
      before.map(\.text).sorted() == after.map(\.text).sorted(), "comments were lost or added:\n\(formatted)",
      sourceLocation: sourceLocation)
    #expect(before == after, "comments moved:\n\(source)\n---\n\(formatted)", sourceLocation: sourceLocation)
    return formatted
  }

  /// The rules and messages `okr check` would report for the file on its own.
  private static func analysis(_ text: String) -> [String] {
    var parsed = ParsedPlan()
    parsed.add(path: "input.okr", text: text)
    return PlanAnalysis(parsed).diagnostics.map { "\($0.rule.rawValue): \($0.message)" }
  }
}
