/// A small, fast, deterministic pseudo-random generator (SplitMix64, Steele, Lea and Flood 2014).
///
/// It never reads the system's randomness, so one seed gives the same plan on every
/// platform and every run. Independent streams (one per team) let the text of a team be
/// generated without replaying the draws of every team before it.
struct SplitMix64 {
  private var state: UInt64

  /// A generator for stream `stream` of `seed`; different streams do not overlap in practice.
  init(seed: UInt64, stream: UInt64 = 0) {
    state = Self.mix(seed ^ Self.mix(stream &+ 0x632B_E59B_D9B4_E019))
  }

  /// The next 64 random bits.
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    return Self.mix(state)
  }

  /// A uniform integer in `0..<bound` (multiply-shift; the bias is far below what a plan shows).
  mutating func below(_ bound: Int) -> Int {
    Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(bound)).high)
  }

  /// A uniform integer in `range`.
  mutating func between(_ range: ClosedRange<Int>) -> Int {
    range.lowerBound + below(range.count)
  }

  /// `true` with a probability of `percent` in 100.
  mutating func chance(_ percent: Int) -> Bool {
    below(100) < percent
  }

  /// The SplitMix64 finaliser: a bijective scramble of 64 bits.
  private static func mix(_ value: UInt64) -> UInt64 {
    var z = value
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
