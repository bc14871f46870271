/// The words plans are made of: names, objective topics, title parts and key-result templates.
///
/// Everything is stored as UTF-8 bytes once, so writing a title is a few `memcpy`s.
/// A few names and notes carry accents and escaped quotes, as real plans do.
struct Vocabulary {
  /// An area of work: the noun phrase in objective titles and the stem of objective ids.
  struct Topic {
    let phrase: [UInt8]
    let slug: [UInt8]
  }

  /// A measurable key result: `from` and `to` in tenths when `decimal`, else whole numbers.
  struct Metric {
    let title: [UInt8]
    let unit: [UInt8]?
    let isPercent: Bool
    let isDecimal: Bool
    let from: Int
    let to: Int
  }

  let topics: [Topic]
  let verbs: [[UInt8]]
  let qualifiers: [[UInt8]]
  let metrics: [Metric]
  /// Titles of key results that are done or not (milestones) or estimated (`progress N%`).
  let deliverables: [[UInt8]]
  /// Optional endings of key-result titles, each starting with a space.
  let scopes: [[UInt8]]
  let checkinNotes: [[UInt8]]
  let firstNames: [[UInt8]]
  let lastNames: [[UInt8]]
  let unitNames: [[UInt8]]
  let teamAreas: [[UInt8]]
  let teamKinds: [[UInt8]]
  /// Link and key-result weights other than the default 1.
  let weights: [[UInt8]]

  init() {
    topics = [
      ("checkout conversion", "checkout"), ("customer onboarding", "onboard"),
      ("support response times", "support"), ("release reliability", "releases"),
      ("cloud infrastructure costs", "cloud"), ("mobile app engagement", "mobile"),
      ("enterprise pipeline", "pipeline"), ("partner ecosystem", "partners"),
      ("data platform adoption", "data"), ("employee retention", "people"),
      ("hiring velocity", "hiring"), ("security posture", "security"),
      ("search relevance", "search"), ("billing accuracy", "billing"),
      ("net revenue retention", "nrr"), ("developer productivity", "devex"),
      ("analytics coverage", "insight"), ("self-serve signups", "signups"),
      ("warehouse throughput", "fulfil"), ("delivery lead times", "delivery"),
      ("brand awareness", "brand"), ("content quality", "content"),
      ("API platform stability", "api"), ("accessibility compliance", "a11y"),
      ("incident response", "incident"), ("sales win rates", "win-rate"),
      ("customer health scoring", "health"), ("internal tooling", "tooling"),
      ("localization coverage", "l10n"), ("payment success rates", "pay"),
      ("fraud detection", "fraud"), ("acquisition costs", "cac"),
      ("trial activation", "activate"), ("documentation quality", "docs"),
      ("test automation", "testing"), ("on-call health", "oncall"),
      ("vendor spend", "vendors"), ("renewal rates", "renewals"),
      ("developer community", "devrel"), ("recommendation quality", "recs"),
    ].map { Topic(phrase: Array($0.0.utf8), slug: Array($0.1.utf8)) }
    verbs = Self.bytes([
      "Improve", "Strengthen", "Accelerate", "Modernize", "Simplify", "Scale", "Transform",
      "Stabilize", "Rethink", "Grow", "Automate", "Measurably improve", "Fix", "Invest in",
    ])
    qualifiers = Self.bytes([
      "across the EU", "for enterprise", "before peak season", "without new hires",
      "in every product", "for self-serve", "ahead of the audit", "for top accounts",
      "at flat cost", "in North America", "for new users", "on web and mobile",
      "to best in class", "for new pricing tiers", "by the spring launch", "for mid-market deals",
      "in customer-facing teams", "with a repeatable process", "for the APAC launch",
      "so teams move faster",
    ])
    metrics = [
      Self.metric("Cut p95 checkout latency", unit: "ms", 420, 250),
      Self.metric("Raise weekly active users", unit: "users", 12_000, 18_000),
      Self.metric("Lift trial conversion", percent: true, 8, 12),
      Self.metric("Reduce monthly churn", percent: true, decimal: true, 62, 45),
      Self.metric("Grow qualified pipeline", unit: "keur", 800, 1_400),
      Self.metric("Raise app store rating", decimal: true, 42, 46),
      Self.metric("Cut ticket resolve time", unit: "hours", 30, 12),
      Self.metric("Raise NPS", 30, 45),
      Self.metric("Reduce open P1 bugs", 40, 10),
      Self.metric("Raise test coverage", percent: true, 62, 80),
      Self.metric("Cut cloud cost per user", unit: "eur", 14, 10),
      Self.metric("Shorten time to hire", unit: "days", 48, 35),
      Self.metric("Raise weekly deploys", 20, 60),
      Self.metric("Cut failed payments", percent: true, decimal: true, 38, 25),
      Self.metric("Grow MRR", unit: "keur", 900, 1_200),
      Self.metric("Raise engagement", 68, 75),
      Self.metric("Grow organic signups", 3_000, 4_500),
      Self.metric("Cut time to recovery", unit: "min", 90, 30),
      Self.metric("Cut onboarding drop-off", percent: true, 35, 20),
      Self.metric("Lift search click-through", percent: true, 22, 30),
    ]
    deliverables = Self.bytes([
      "Ship new pricing page", "Move billing to new ledger", "Sign two resellers",
      "Publish API sunset plan", "Launch partner portal beta", "Pass the SOC 2 audit",
      "Roll out SSO everywhere", "Retire legacy reporting", "Hire a staff data engineer",
      "Run customer advisory board", "Open the Berlin office", "Finish the design system",
      "Automate release checklist", "Document all public APIs", "Launch referral program",
      "Migrate to Postgres 17",
    ])
    scopes = Self.bytes([" in EMEA", " for mobile", " on web", " in the US", " for SMB", " for partners"])
    checkinNotes = Self.bytes([
      "new onboarding flow helps", "blocked on vendor contract", "holiday dip expected",
      "pilot customers live", "hiring slipped a month", "ahead of plan after launch",
      "data pipeline fixed", #"customers love the \"quick pay\" button"#, "café partners onboarded",
      "needs a decision from finance",
    ])
    firstNames = Self.bytes([
      "Alice", "Bob", "Chen", "Dana", "Elif", "Farah", "Gustavo", "Hana", "Ivan", "Jana", "Kofi",
      "Léa", "Mateo", "Nadia", "Oskar", "Priya", "Quentin", "Rosa", "Søren", "Tomás", "Uma",
      "Vikram", "Wen", "Ximena", "Yusuf", "Zoë", "Amara", "Björn", "Chloé", "Diego", "Emeka",
      "Fatima", "Giulia", "Hiro", "Inès", "Jonas", "Kavya", "Liam", "Mei", "Noah",
    ])
    lastNames = Self.bytes([
      "Martin", "Chen", "Lee", "Okafor", "Novak", "García", "Müller", "Nguyen", "Kowalski",
      "Haddad", "Silva", "Johansson", "Rossi", "Tanaka", "Dubois", "Patel", "Schmidt", "Andersen",
      "Moreau", "Kim", "Ivanova", "O'Brien", "Costa", "Yılmaz", "Fischer", "Sato", "Mensah",
      "López", "Berg", "Nowak",
    ])
    unitNames = Self.bytes([
      "Engineering", "Product", "Sales", "Marketing", "Customer Success", "Operations", "Finance",
      "People", "Data & Analytics", "Security", "Infrastructure", "Design", "Legal",
      "Partnerships", "Research",
    ])
    teamAreas = Self.bytes([
      "Payments", "Checkout", "Search", "Identity", "Billing", "Mobile", "Data", "Growth",
      "Platform", "Security", "Infra", "Support", "Onboarding", "Pricing", "Analytics", "Catalog",
      "Fulfilment", "Messaging", "Partnerships", "Recruiting",
    ])
    teamKinds = Self.bytes([
      "Core", "Experience", "Platform", "Insights", "Operations", "Enablement", "Squad", "Lab",
    ])
    weights = Self.bytes(["2", "3", "0.5", "1.5"])
  }

  private static func bytes(_ strings: [String]) -> [[UInt8]] {
    strings.map { Array($0.utf8) }
  }

  private static func metric(
    _ title: String, unit: String? = nil, percent: Bool = false, decimal: Bool = false,
    _ from: Int, _ to: Int
  ) -> Metric {
    Metric(
      title: Array(title.utf8), unit: unit.map { Array($0.utf8) }, isPercent: percent,
      isDecimal: decimal, from: from, to: to)
  }
}
