import ArgumentParser
import OKRKit

/// `okr explain RULE`: what a rule means, an example that triggers it, and how to fix it.
struct ExplainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "explain",
    abstract: "Explain a checker rule: what it means, an example, and the fix.",
    discussion: "Without a rule name, lists every rule with its default severity."
  )

  @Argument(help: "A rule name, e.g. orphan or supports-cycle.")
  var rule: String?

  func run() throws {
    guard let name = rule else {
      let width = Rule.allCases.map(\.rawValue.count).max() ?? 0
      for rule in Rule.allCases {
        let padding = String(repeating: " ", count: width - rule.rawValue.count)
        Output.line(
          "\(rule.rawValue)\(padding)  \(rule.defaultSeverity.rawValue.padding(7))  \(rule.documentation.summary)")
      }
      return
    }
    guard let rule = Rule(rawValue: name) else {
      let suggestion = Suggestions.didYouMean(name, among: Rule.allCases.map(\.rawValue))
      Output.error("okr: unknown rule '\(TerminalText.escaped(name))'" + (suggestion.map { "; \($0)" } ?? ""))
      Output.error("run `okr explain` to list every rule")
      throw ExitCode.badInput
    }
    Output.write(ExplainPage(rule.documentation).text)
  }
}

/// The text of one `okr explain` page.
struct ExplainPage {
  let documentation: RuleDocumentation

  init(_ documentation: RuleDocumentation) { self.documentation = documentation }

  var text: String {
    let rule = documentation.rule
    var lines = [
      "\(rule.rawValue) (\(rule.defaultSeverity.rawValue) by default)", "",
      documentation.summary, "", documentation.details, "", "Example:", indented(documentation.example), "",
      "Fix:", indented(documentation.fix), "",
    ]
    if rule.isConfigurable {
      lines.append(
        "A plan's policy can change its severity or turn it off: rule \(rule.rawValue) error|warning|note|off")
    } else {
      lines.append("A policy cannot relax this rule.")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private func indented(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "    " + $0 }
      .joined(separator: "\n")
  }
}

extension String {
  fileprivate func padding(_ width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }
}
