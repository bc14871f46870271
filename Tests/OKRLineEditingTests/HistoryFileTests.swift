import Testing

@testable import OKRLineEditing

#if canImport(Glibc)
  import Glibc
#endif

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

  @Test func createsTheMissingFoldersReadableByTheUserAlone() throws {
    let root = "/tmp/okr-history-test-\(getpid())"
    HistoryFile.createFolder(of: root + "/state/okr/history")
    for folder in [root, root + "/state", root + "/state/okr"] {
      var info = stat()
      #expect(stat(folder, &info) == 0, "\(folder) exists")
      #expect(info.st_mode & S_IFMT == S_IFDIR)
      #expect(info.st_mode & 0o077 == 0, "\(folder) is closed to others")
    }
    // The history file itself is not created here, and existing folders are left as they are.
    #expect(access(root + "/state/okr/history", F_OK) != 0)
    HistoryFile.createFolder(of: root + "/state/okr/history")
    #expect(rmdir(root + "/state/okr") == 0)
    #expect(rmdir(root + "/state") == 0)
    #expect(rmdir(root) == 0)
  }

  @Test func readsTheProcessEnvironment() {
    let environment = HistoryFile.processEnvironment
    #expect(environment["HOME"] == getenv("HOME").map { String(cString: $0) })
    #expect(Set(environment.keys).isSubset(of: ["HOME", "XDG_STATE_HOME"]))
  }
}
