import OKRLineEditing
import Testing

@Suite struct HistoryFileTests {
  @Test func prefersXDGStateHome() {
    let path = HistoryFile.defaultPath(environment: [
      "XDG_STATE_HOME": "/state", "HOME": "/home/ana",
    ])
    #expect(path == "/state/okr/history")
  }

  @Test func fallsBackToHomeWhenXDGStateHomeIsUnsetEmptyOrRelative() {
    for state in [nil, "", "relative/state"] {
      var environment = ["HOME": "/home/ana"]
      environment["XDG_STATE_HOME"] = state
      #expect(
        HistoryFile.defaultPath(environment: environment) == "/home/ana/.local/state/okr/history")
    }
  }

  @Test func dropsTrailingSlashes() {
    #expect(
      HistoryFile.defaultPath(environment: ["XDG_STATE_HOME": "/state//"]) == "/state/okr/history")
    #expect(
      HistoryFile.defaultPath(environment: ["HOME": "/home/ana/"])
        == "/home/ana/.local/state/okr/history")
  }

  @Test func keepsNoHistoryWithoutAnAbsoluteFolder() {
    #expect(HistoryFile.defaultPath(environment: [:]) == nil)
    #expect(HistoryFile.defaultPath(environment: ["HOME": ""]) == nil)
  }
}
