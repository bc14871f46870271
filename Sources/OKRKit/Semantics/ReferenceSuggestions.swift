/// "Did you mean" for links to unknown objectives and key results, as ``Suggestions/didYouMean(_:among:)``
/// answers it, for many questions: each owner's objectives (or objective's key results) are
/// lowered once into a ``Suggestions/Pool``, and each answer is kept by what was written, since a
/// renamed objective is often named by many links. (Asking anew took about a millisecond per
/// link among 400 objectives: 20,000 links to a renamed one checked in 20 s.)
struct ReferenceSuggestions {
  /// Where the candidates come from.
  enum Scope: Hashable {
    /// The objectives of an entity.
    case owner(EntityID)
    /// The key results of an objective.
    case objective(ObjectiveID)
  }

  private struct Question: Hashable {
    var scope: Scope
    /// As bytes: `String`s equal in another normalization form may get other answers.
    var written: [UInt8]
  }

  private var pools: [Scope: Suggestions.Pool] = [:]
  private var answers: [Question: String?] = [:]

  /// The help for `written`, unknown in `scope`, whose `count` candidates `candidates` lists.
  mutating func didYouMean(
    _ written: String, in scope: Scope, count: Int, candidates: () -> [String]
  ) -> String? {
    let question = Question(scope: scope, written: Array(written.utf8))
    if let known = answers[question] { return known }
    var answer: String?
    if count <= Suggestions.candidateLimit {
      let pool = pools[scope] ?? Suggestions.Pool(candidates())
      pools[scope] = pool
      answer = Suggestions.sentence(suggesting: pool.nearest(to: written).names)
    }
    answers[question] = answer
    return answer
  }
}
