import OKRKit

/// A fixed plan the queries run against: every kind of node and link.
let fuzzPlan = """
  cycle 2025-Q4 closed
  company acme "Acme" {
    admin ceo
    objective csat "Customer satisfaction" {
      cycle 2026
      owner ceo
      kr nps "NPS of 60" from 30 to 60 {
        checkin 2026-01-15 34
        checkin 2026-02-15 41 confidence 0.6 "helps"
      }
      kr churn "Churn to 5%" from 9% to 5% current 7%
    }
  }
  unit ops "Operations" in acme { lead dana }
  team cs "Customer Success" in ops { lead alice }
  person ceo "Casey" in acme
  person dana "Dana" in ops
  person alice "Alice" in cs
  person bob "Bob" in cs
  team cs {
    objective csat95 "CSAT 95%" {
      cycle 2026-Q1
      owner alice
      supports acme.csat weight 2 accepted by ceo on 2026-01-08
      kr score "CSAT at 95%" from 88% to 95% current 91%
    }
    objective nps60 reuses acme.csat {
      cycle 2026-Q1
      supports acme.csat accepted by ceo
      kr detractors "Call back detractors" milestone done 2026-02-01
    }
  }
  person bob {
    objective rating "Rating 4.8" {
      cycle 2026-Q1
      shared
      supports cs.csat95 accepted by alice
      supports acme.csat.nps accepted by ceo
      kr rating "Rating" from 4.5 to 4.8 current 4.6
    }
  }
  """

#if FUZZING
  nonisolated(unsafe) var engine: QueryEngine = {
    var parsed = ParsedPlan()
    parsed.add(path: "plan.okr", text: fuzzPlan)
    return QueryEngine(analysis: PlanAnalysis(parsed), asOf: Day(year: 2026, month: 2, day: 20)!)
  }()

  /// libFuzzer entry point: any text as a query line, in text and JSON, then `reset`.
  @_cdecl("LLVMFuzzerTestOneInput")
  public func queryFuzzerTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    engine.format = .text
    _ = engine.answer(text)
    engine.format = .json
    _ = engine.answer(text)
    _ = engine.answer("reset")
    return 0
  }
#else
  /// Without libFuzzer: runs each argument as a query line and prints the answer.
  @main
  enum QueryFuzzerReplay {
    static func main() {
      var parsed = ParsedPlan()
      parsed.add(path: "plan.okr", text: fuzzPlan)
      var engine = QueryEngine(analysis: PlanAnalysis(parsed), asOf: Day(year: 2026, month: 2, day: 20)!)
      for query in CommandLine.arguments.dropFirst() {
        let answer = engine.answer(query)
        print(answer.output + (answer.error ?? ""))
      }
    }
  }
#endif
