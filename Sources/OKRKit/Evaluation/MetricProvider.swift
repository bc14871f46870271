/// Supplies live values for key results that name a `source` (LANGUAGE.md §3), when OKRKit is
/// embedded in a host program (a dashboard reading a warehouse, a bot reading a ticket system).
///
/// A value returned here acts as the key result's latest value: it wins over check-ins and
/// `current`. Returning nil falls back to the plan's own values. Only metric key results
/// (`from A to B`) use host values; a milestone or manual key result keeps its own measure.
public protocol MetricProvider {
  /// The value of the source `name` for the key result `keyResult` (its qualified name,
  /// e.g. `acme.csat.nps`) as of `asOf`, or nil when the host has none.
  func value(forSource name: String, keyResult: String, asOf: Day) -> Double?
}
