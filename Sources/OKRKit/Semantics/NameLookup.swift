extension Plan {
  /// Resolves a person id; reports unknown names and entities of other levels into `problems`.
  func resolvePerson(_ name: Identifier, file: FileID, role: String, problems: inout ResolutionProblems) -> EntityID? {
    let here = SourceLocation(file: file, span: name.span)
    guard let id = entityIndex[name.name] else {
      problems.report(
        .unknown(
          "person", name.name, at: here,
          fallback: "declare the person: person \(name.name) \"Full Name\" in TEAM"),
        suggestingNear: name.name, among: .persons)
      return nil
    }
    let level = self[id].level
    guard level == .person else {
      problems.report(
        Diagnostic(
          .wrongKind, "expected a person as \(role), found the \(level.rawValue) '\(name.name)'",
          at: here, label: "a \(level.rawValue), not a person", labels: [.init(self[id].location, "declared here")],
          help: "name a person declared with person ID \"Name\" in …"))
      return nil
    }
    return id
  }
}

extension Diagnostic {
  /// `unknown KIND 'NAME'`, with `help` as help.
  static func unknown(_ kind: String, _ name: String, at location: SourceLocation, fallback help: String) -> Diagnostic
  {
    Diagnostic(.unknownReference, "unknown \(kind) '\(name)'", at: location, label: "not defined", help: help)
  }

  /// `unknown KIND 'NAME'`, with a did-you-mean among `candidates` or else `fallback` as help.
  static func unknown<S: Sequence<String>>(
    _ kind: String, _ name: String, at location: SourceLocation, candidates: S, fallback: String
  ) -> Diagnostic {
    Diagnostic(
      .unknownReference, "unknown \(kind) '\(name)'", at: location, label: "not defined",
      help: Suggestions.didYouMean(name, among: candidates) ?? fallback)
  }
}
