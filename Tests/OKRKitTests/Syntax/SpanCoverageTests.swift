import Foundation
import Testing

@testable import OKRKit

/// The tree's spans and comments account for every byte of a file, so a formatter can
/// reproduce it: outside the top-level items and the comments there is only white space
/// and `;`, items come in order without overlapping, and every node lies inside its parent.
@Suite struct SpanCoverageTests {
  /// The plans that must parse cleanly: the hand-made plan, the sample plans (when the
  /// repository has them) and a CRLF copy of the hand-made plan.
  static var cleanPlans: [URL] {
    FrontEndFixtures.okrFiles(under: FrontEndFixtures.folder.appendingPathComponent("plans"))
      + FrontEndFixtures.okrFiles(under: FrontEndFixtures.repositoryRoot.appendingPathComponent("samples"))
  }

  @Test(arguments: cleanPlans)
  func cleanPlansAreCoveredExactly(_ url: URL) throws {
    let bytes = try FrontEndFixtures.bytes(url)
    let plan = FrontEndFixtures.parse(bytes, path: url.lastPathComponent)
    #expect(FrontEndFixtures.renderedText(plan) == "", "\(url.lastPathComponent) parses without diagnostics")
    SpanChecks.expectCoverage(plan.syntax[0], bytes: bytes)
    SpanChecks.expectNesting(plan.syntax[0], bytes: bytes)
  }

  @Test func crlfLineBreaksAreWhiteSpace() throws {
    let url = FrontEndFixtures.folder.appendingPathComponent("plans/every-construct.okr")
    let text = try String(contentsOf: url, encoding: .utf8)
    let bytes = Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
    let plan = FrontEndFixtures.parse(bytes)
    #expect(plan.diagnostics.isEmpty)
    SpanChecks.expectCoverage(plan.syntax[0], bytes: bytes)
    SpanChecks.expectNesting(plan.syntax[0], bytes: bytes)
  }

  @Test func theHandMadePlanHasEveryKindOfNode() throws {
    let url = FrontEndFixtures.folder.appendingPathComponent("plans/every-construct.okr")
    let bytes = try FrontEndFixtures.bytes(url)
    let plan = FrontEndFixtures.parse(bytes)
    let kinds = Set(SpanChecks.nodes(of: plan.syntax[0], bytes: bytes).map(\.kind))
    let expected: Set<String> = [
      "include", "cycle", "entity", "policy", "admins", "leads", "objective", "reuses", "supports",
      "shared", "progress-override", "tags", "note", "key-result", "range", "current", "checkin",
      "milestone", "done", "progress", "weight", "owner", "source", "max-parents", "allow", "deny",
      "objectives-per-owner", "status", "rule",
    ]
    #expect(expected.subtracting(kinds).isEmpty, "missing: \(expected.subtracting(kinds).sorted())")
  }

  /// Files with errors keep what parsed: those nodes are still in order and nested.
  @Test(arguments: FrontEndFixtures.syntaxFixtureNames)
  func filesWithErrorsKeepOrderedNestedSpans(_ name: String) throws {
    let url = FrontEndFixtures.folder.appendingPathComponent("syntax/\(name).okr")
    let bytes = try FrontEndFixtures.bytes(url)
    let plan = FrontEndFixtures.parse(bytes)
    SpanChecks.expectNesting(plan.syntax[0], bytes: bytes)
  }
}

/// A node of the syntax tree reduced to what the span checks need.
struct SpanNode {
  var kind: String
  var span: Span
  var children: [SpanNode] = []
}

/// Span invariants shared by the coverage, recovery and random-input tests.
enum SpanChecks {
  /// Outside top-level items and comments only white space and `;`; items in order, not overlapping.
  static func expectCoverage(
    _ syntax: SyntaxFile, bytes: [UInt8], sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    var covered = [Bool](repeating: false, count: bytes.count)
    let byteOrderMark = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    for index in 0..<byteOrderMark { covered[index] = true }
    for span in syntax.items.map(\.span) + syntax.comments {
      for index in Int(span.start)..<min(Int(span.end), bytes.count) { covered[index] = true }
    }
    let allowed: Set<UInt8> = [0x20, 0x09, 0x0D, 0x0A, UInt8(ascii: ";")]
    let stray = covered.indices.filter { !covered[$0] && !allowed.contains(bytes[$0]) }
    #expect(stray.isEmpty, "bytes outside every span at offsets \(stray.prefix(10))", sourceLocation: sourceLocation)
    let badComments = syntax.comments.filter {
      bytes[Int($0.start)] != UInt8(ascii: "#") || (Int($0.end) != bytes.count && bytes[Int($0.end)] != 0x0A)
    }
    #expect(
      badComments.isEmpty, "comments start with # and run to the end of their line: \(badComments)",
      sourceLocation: sourceLocation)
    expectOrdered(syntax.comments, "comments", sourceLocation: sourceLocation)
  }

  /// Every node lies inside its parent and inside the file; siblings are in order and do not overlap.
  static func expectNesting(
    _ syntax: SyntaxFile, bytes: [UInt8], sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    let problems = nestingProblems(syntax, bytes: bytes)
    #expect(problems.isEmpty, "\(problems.prefix(5))", sourceLocation: sourceLocation)
  }

  /// What `expectNesting` checks, as a list of problems (one `#expect` per file keeps big inputs fast).
  static func nestingProblems(_ syntax: SyntaxFile, bytes: [UInt8]) -> [String] {
    var problems: [String] = []
    let file = Span(start: 0, end: UInt32(bytes.count))
    var pending = [SpanNode(kind: "file", span: file, children: nodes(of: syntax, bytes: bytes, nested: true))]
    while let node = pending.popLast() {
      if node.span.start > node.span.end { problems.append("\(node.kind) has a reversed span \(node.span)") }
      for child in node.children where child.span.start < node.span.start || child.span.end > node.span.end {
        problems.append("\(child.kind) \(child.span) lies outside its \(node.kind) \(node.span)")
      }
      problems += orderProblems(node.children.map(\.span), "children of \(node.kind)")
      pending.append(contentsOf: node.children)
    }
    return problems
  }

  static func expectOrdered(_ spans: [Span], _ what: String, sourceLocation: Testing.SourceLocation) {
    let problems = orderProblems(spans, what)
    #expect(problems.isEmpty, "\(problems.prefix(5))", sourceLocation: sourceLocation)
  }

  static func orderProblems(_ spans: [Span], _ what: String) -> [String] {
    zip(spans, spans.dropFirst()).filter { $0.end > $1.start }.map {
      "\(what) overlap or are out of order: \($0) then \($1)"
    }
  }

  /// The top-level nodes with their descendants (`nested`), or every node flattened.
  static func nodes(of syntax: SyntaxFile, bytes: [UInt8], nested: Bool = false) -> [SpanNode] {
    let source = SourceFile(id: syntax.file, path: "plan.okr", bytes: bytes)
    let top = syntax.items.map { node($0, source) }
    guard !nested else { return top }
    var all: [SpanNode] = []
    var pending = top
    while let next = pending.popLast() {
      all.append(next)
      pending.append(contentsOf: next.children)
    }
    return all
  }

  private static func node(_ item: SyntaxFile.Item, _ source: SourceFile) -> SpanNode {
    switch item {
    case .include(let decl):
      return SpanNode(kind: "include", span: decl.span, children: [leaf("path", decl.path.span)])
    case .cycle(let decl):
      var children: [SpanNode] = []
      if let name = decl.name { children.append(leaf("name", name.span)) }
      if let period = decl.period { children.append(leaf("period", period.span)) }
      if let closed = decl.closed { children.append(leaf("closed", closed)) }
      return SpanNode(kind: "cycle", span: decl.span, children: children)
    case .entity(let decl):
      var children = [leaf("level", decl.levelSpan), leaf("id", decl.id.span)]
      if let name = decl.name { children.append(leaf("name", name.span)) }
      children += decl.parents.map(reference)
      if let body = decl.body {
        children.append(SpanNode(kind: "entity-body", span: body, children: decl.members.map { member($0, source) }))
      }
      return SpanNode(kind: "entity", span: decl.span, children: children)
    case .policy(let decl):
      return SpanNode(
        kind: "policy", span: decl.span,
        children: [SpanNode(kind: "policy-body", span: decl.body, children: decl.statements.map(policyStatement))])
    }
  }

  private static func member(_ member: EntityMember, _ source: SourceFile) -> SpanNode {
    switch member {
    case .admins(let people, let span):
      return SpanNode(kind: "admins", span: span, children: people.map { leaf("person", $0.span) })
    case .leads(let people, let span):
      return SpanNode(kind: "leads", span: span, children: people.map { leaf("person", $0.span) })
    case .objective(let decl):
      return objective(decl, source)
    }
  }

  private static func objective(_ decl: ObjectiveDecl, _ source: SourceFile) -> SpanNode {
    var children = [leaf("id", decl.id.span)]
    if let title = decl.title { children.append(leaf("title", title.span)) }
    if let reuses = decl.reuses {
      children.append(SpanNode(kind: "reuses", span: reuses.span, children: reference(reuses).children))
    }
    if let body = decl.body {
      children.append(
        SpanNode(
          kind: "objective-body", span: body, children: decl.statements(in: source).map { statement($0, source) }))
    }
    return SpanNode(kind: "objective", span: decl.span, children: children)
  }

  private static func statement(_ statement: ObjectiveStatement, _ source: SourceFile) -> SpanNode {
    switch statement {
    case .cycle(let period, let span):
      return SpanNode(kind: "cycle", span: span, children: [leaf("period", period.span)])
    case .owner(let person, let span):
      return SpanNode(kind: "owner", span: span, children: [leaf("person", person.span)])
    case .supports(let clause):
      var children = [reference(clause.target)]
      var options: [SpanNode] = []
      if let weight = clause.weight { options.append(leaf("weight", weight.span)) }
      if let person = clause.acceptedBy { options.append(leaf("accepted-by", person.span)) }
      if let date = clause.acceptedOn { options.append(leaf("accepted-on", date.span)) }
      // The options may come in any order.
      children += options.sorted { $0.span.start < $1.span.start }
      return SpanNode(kind: "supports", span: clause.span, children: children)
    case .shared(let span):
      return SpanNode(kind: "shared", span: span)
    case .keyResult(let decl):
      return keyResult(decl, source)
    case .progressOverride(let value, let span):
      return SpanNode(kind: "progress-override", span: span, children: [leaf("number", value.span)])
    case .tags(let tags, let span):
      return SpanNode(kind: "tags", span: span, children: tags.map { leaf("tag", $0.span) })
    case .note(let text, let span):
      return SpanNode(kind: "note", span: span, children: [leaf("string", text.span)])
    }
  }

  private static func keyResult(_ decl: KeyResultDecl, _ source: SourceFile) -> SpanNode {
    var children = [leaf("id", decl.id.span)]
    if let title = decl.title { children.append(leaf("title", title.span)) }
    let clauses = decl.clauses(in: source).map(clause)
    if let body = decl.body {
      children += clauses.filter { $0.span.end <= body.start }
      children.append(
        SpanNode(kind: "key-result-body", span: body, children: clauses.filter { $0.span.start >= body.start }))
      #expect(clauses.allSatisfy { $0.span.end <= body.start || $0.span.start >= body.start })
    } else {
      children += clauses
    }
    return SpanNode(kind: "key-result", span: decl.span, children: children)
  }

  private static func clause(_ clause: KeyResultClause) -> SpanNode {
    switch clause {
    case .range(let from, let to, let unit, let span):
      var children = [leaf("from", from.span), leaf("to", to.span)]
      if let unit { children.append(leaf("unit", unit.span)) }
      return SpanNode(kind: "range", span: span, children: children)
    case .current(let value, let span):
      return SpanNode(kind: "current", span: span, children: [leaf("number", value.span)])
    case .checkin(let checkin):
      var children = [leaf("date", checkin.date.span), leaf("value", checkin.value.span)]
      if let confidence = checkin.confidence { children.append(leaf("confidence", confidence.span)) }
      if let note = checkin.note { children.append(leaf("note", note.span)) }
      return SpanNode(kind: "checkin", span: checkin.span, children: children)
    case .milestone(let span):
      return SpanNode(kind: "milestone", span: span)
    case .done(let date, let span):
      return SpanNode(kind: "done", span: span, children: date.map { [leaf("date", $0.span)] } ?? [])
    case .progress(let value, let span):
      return SpanNode(kind: "progress", span: span, children: [leaf("number", value.span)])
    case .weight(let value, let span):
      return SpanNode(kind: "weight", span: span, children: [leaf("number", value.span)])
    case .owner(let person, let span):
      return SpanNode(kind: "owner", span: span, children: [leaf("person", person.span)])
    case .note(let text, let span):
      return SpanNode(kind: "note", span: span, children: [leaf("string", text.span)])
    case .source(let name, let span):
      return SpanNode(kind: "source", span: span, children: [leaf("string", name.span)])
    }
  }

  private static func policyStatement(_ statement: PolicyStatement) -> SpanNode {
    switch statement {
    case .maxParents(let value, let span):
      return SpanNode(kind: "max-parents", span: span, children: [leaf("number", value.span)])
    case .allow(let child, let parent, let span):
      return SpanNode(kind: "allow", span: span, children: [leaf("level", child.span), leaf("level", parent.span)])
    case .deny(let child, let parent, let span):
      return SpanNode(kind: "deny", span: span, children: [leaf("level", child.span), leaf("level", parent.span)])
    case .objectivesPerOwner(let limits, let span):
      return SpanNode(
        kind: "objectives-per-owner", span: span,
        children: limits.flatMap { [leaf("level", $0.level.span), leaf("number", $0.limit.span)] })
    case .status(let thresholds, let span):
      return SpanNode(
        kind: "status", span: span,
        children: thresholds.flatMap { [leaf("name", $0.name.span), leaf("number", $0.threshold.span)] })
    case .rule(let name, let setting, let span):
      return SpanNode(kind: "rule", span: span, children: [leaf("rule", name.span), leaf("setting", setting.span)])
    }
  }

  private static func reference(_ reference: Reference) -> SpanNode {
    SpanNode(kind: "reference", span: reference.span, children: reference.parts.map { leaf("part", $0.span) })
  }

  private static func leaf(_ kind: String, _ span: Span) -> SpanNode { SpanNode(kind: kind, span: span) }
}
