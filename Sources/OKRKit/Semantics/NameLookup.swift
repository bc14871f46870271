extension Plan {
  /// The entity whose id is written at `span` of `source`, found without making a `String` of
  /// it unless one side is not plain ASCII.
  func entity(writtenAt span: Span, in source: SourceFile) -> EntityID? {
    source.withBytes(of: span) { bytes in
      if let id = entityNames.find(bytes) { return id }
      guard entityNames.hasNonASCIIName || !WrittenName.isASCII(bytes) else { return nil }
      return entityIndex[String(decoding: bytes, as: UTF8.self)]
    }
  }

  /// Resolves the person id written at `span` of `source`, as ``resolvePerson(_:file:role:problems:)``.
  func resolvePerson(
    writtenAt span: Span, in source: SourceFile, role: String, problems: inout ResolutionProblems
  ) -> EntityID? {
    if let id = entity(writtenAt: span, in: source), self[id].level == .person { return id }
    return resolvePerson(Identifier(at: span, in: source), file: source.id, role: role, problems: &problems)
  }

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
