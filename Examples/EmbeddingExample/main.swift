// An example host program: embeds OKRKit, feeds live metric values into a plan and prints its tree.
//
// Run it with `swift run okr-embedding-example`.
import OKRKit

/// Metric values from the host's own systems (here: a fixed table standing in for a database).
struct WarehouseMetrics: MetricProvider {
  let values: [String: Double]

  func value(forSource name: String, keyResult: String, asOf: Day) -> Double? { values[name] }
}

let plan = """
  company shop "Example Shop" {
    admin ana
    objective growth "Grow online revenue" {
      cycle 2026
      owner ana
      kr revenue "Monthly revenue" from 100 to 200 unit keur source "warehouse.revenue"
      kr conversion "Checkout conversion" from 2% to 4% source "analytics.conversion"
    }
  }
  team web "Web" in shop { lead ben }
  person ana "Ana Silva" in shop
  person ben "Ben Okoro" in web
  team web {
    objective checkout "Make checkout effortless" {
      cycle 2026-Q1
      owner ben
      supports shop.growth accepted by ana on 2026-01-05
      kr speed "Checkout under 2 seconds" from 5 to 2 unit s source "rum.checkout-seconds"
    }
  }
  """

let session = OKRSession(asOf: Day(year: 2026, month: 2, day: 15)!)
session.load(text: plan, path: "shop.okr")
for diagnostic in session.diagnostics {
  print("\(diagnostic.severity.rawValue)[\(diagnostic.rule.rawValue)]: \(diagnostic.message)")
}
session.metrics = WarehouseMetrics(values: [
  "warehouse.revenue": 140, "analytics.conversion": 3, "rum.checkout-seconds": 3.5,
])
print(session.answer("tree").output, terminator: "")

// Typed results: read numbers, not text.
if case .progress(let report) = session.query("progress shop.growth").results.first {
  print("shop.growth is \(QueryRenderer.percent(report.progress, decimals: 1)) done")
}

// What-if: the same question after a change, without touching the plan.
_ = session.query("set web.checkout.speed current 2")
print(session.json("progress shop.growth").serialized(pretty: false))
