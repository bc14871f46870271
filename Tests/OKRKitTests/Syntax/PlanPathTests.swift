import Testing

@testable import OKRKit

/// Path arithmetic on the bytes the system sees: `/` separates names whatever follows it.
@Suite struct PlanPathTests {
  @Test func folderIsEverythingBeforeTheLastSlash() {
    #expect(PlanPath.folder(of: "plan.okr") == ".")
    #expect(PlanPath.folder(of: "/plan.okr") == "/")
    #expect(PlanPath.folder(of: "plans/teams/cs.okr") == "plans/teams")
    #expect(PlanPath.folder(of: "/home/caf\u{E9}/plan.okr") == "/home/caf\u{E9}")
    // A combining mark after the slash makes one `Character` of the two; the slash still counts.
    #expect(PlanPath.folder(of: "plans/\u{301}x.okr") == "plans")
  }

  @Test func normalizingFoldsDotsAndEmptyNames() {
    #expect(PlanPath.normalized("a/./b//c/") == "a/b/c")
    #expect(PlanPath.normalized("a/../../b") == "../b")
    #expect(PlanPath.normalized("/../a/..") == "/")
    #expect(PlanPath.normalized("./") == ".")
    #expect(PlanPath.normalized("...x/.../y") == "...x/.../y")
    // Compared as bytes: `==` would take either spelling of the name for the other.
    #expect(Array(PlanPath.normalized("caf\u{E9}/../cafe\u{301}/plan.okr").utf8) == Array("cafe\u{301}/plan.okr".utf8))
    #expect(Array(PlanPath.folder(of: "/caf\u{E9}/plan.okr").utf8) == Array("/caf\u{E9}".utf8))
    #expect(PlanPath.join("/work/plans", "../teams/./cs.okr") == "/work/teams/cs.okr")
    #expect(PlanPath.join(".", "teams/cs.okr") == "teams/cs.okr")
    #expect(PlanPath.join("/work", "/etc/plan.okr") == "/etc/plan.okr")
  }

  @Test func aPathIsInsideAFolderWhenItsBytesSaySo() {
    #expect(PlanPath.isInside("/r/a/x.okr", folder: "/r/a"))
    #expect(PlanPath.isInside("/r/a", folder: "/r/a"))
    #expect(PlanPath.isInside("/anything", folder: "/"))
    #expect(!PlanPath.isInside("/r/ab/x.okr", folder: "/r/a"))
    #expect(!PlanPath.isInside("/r/cafe\u{301}/x.okr", folder: "/r/caf\u{E9}"))
    #expect(PlanPath.join("/r", "/\u{301}x") == "/\u{301}x")
  }

  /// `normalized` gives a path that needs nothing done back as it is; every path of up to six
  /// bytes from `a`, `.` and `/` gets what folding its names one by one gives.
  @Test func normalizingAgreesWithFoldingNameByName() {
    func folded(_ path: String) -> String {
      let absolute = path.hasPrefix("/")
      var names: [Substring] = []
      for name in path.split(separator: "/", omittingEmptySubsequences: true) {
        if name == "." { continue }
        if name == "..", let last = names.last, last != ".." {
          names.removeLast()
        } else if name == "..", absolute {
          continue
        } else {
          names.append(name)
        }
      }
      let joined = (absolute ? "/" : "") + names.joined(separator: "/")
      return joined.isEmpty ? "." : joined
    }
    var paths = [""]
    var checked = 0
    for _ in 1...6 {
      paths = paths.flatMap { path in ["a", ".", "/"].map { path + $0 } }
      for path in paths {
        #expect(PlanPath.normalized(path) == folded(path), "\(path)")
        checked += 1
      }
    }
    #expect(checked == 1_092)
  }

  @Test func insideMeansTheFolderThenASlash() {
    #expect(PlanPath.isInside("/r/a/", folder: "/r/a"))
    #expect(!PlanPath.isInside("/r/a", folder: "/r/a/x"))
    #expect(!PlanPath.isInside("/r", folder: "/r/a"))
    #expect(!PlanPath.isInside("/r/a.okr", folder: "/r/a"))
  }

  @Test func aPathIsRebasedOnlyWhenItsBytesStartWithTheFileFolder() {
    func rebased(_ path: String, from file: String, to shown: String = "plans/plan.okr") -> String? {
      PlanPath.rebased(path, fromFolderOf: file, toFolderOf: shown)
    }
    #expect(rebased("/work/teams/cs.okr", from: "/work/plan.okr") == "plans/teams/cs.okr")
    #expect(rebased("/work/plan.okr", from: "/work/plan.okr", to: "plan.okr") == "plan.okr")
    #expect(rebased("/workshop/cs.okr", from: "/work/plan.okr") == nil)
    #expect(rebased("/work", from: "/work/plan.okr") == nil)
    #expect(rebased("/teams/cs.okr", from: "/plan.okr", to: "./plan.okr") == "teams/cs.okr")
    #expect(rebased("./teams/cs.okr", from: "plan.okr") == "plans/teams/cs.okr")
    #expect(rebased("teams/cs.okr", from: "plan.okr") == nil)
    // Shown from the root, or from a folder named with `..`: as joining the two would.
    #expect(rebased("/w/t/cs.okr", from: "/w/plan.okr", to: "/plan.okr") == "/t/cs.okr")
    #expect(rebased("/w/t/cs.okr", from: "/w/plan.okr", to: "a/../b/plan.okr") == "b/t/cs.okr")
    // The same `String` written with other bytes is another path on disk.
    #expect(rebased("/cafe\u{301}/cs.okr", from: "/caf\u{E9}/plan.okr") == nil)
    #expect(rebased("/caf\u{E9}/cs.okr", from: "/caf\u{E9}/plan.okr", to: "caf\u{E9}.okr") == "cs.okr")
  }

  @Test func anEntryPathIsItsFolderPrefixAndItsName() {
    #expect(PlanPath.entry("cs.okr", prefix: PlanPath.entryPrefix(ofFolder: "/work/teams")) == "/work/teams/cs.okr")
    #expect(PlanPath.entry("caf\u{E9}.okr", prefix: PlanPath.entryPrefix(ofFolder: "/")) == "/caf\u{E9}.okr")
    #expect(PlanPath.name("caf\u{E9}.okr", endsWith: ".okr"))
    #expect(!PlanPath.name("okr", endsWith: ".okr"))
  }

  @Test func theFolderOfAPathIsWhatComesBeforeItsLastSlash() {
    #expect(PlanPath.folder(of: "/work/teams/cs.okr") == "/work/teams")
    #expect(PlanPath.folder(of: "/plan.okr") == "/")
    #expect(PlanPath.folder(of: "plan.okr") == ".")
    #expect(PlanPath.folder(of: "caf\u{E9}/plan.okr") == "caf\u{E9}")
  }

  @Test func pathKeysAreEqualWhenTheirBytesAre() {
    #expect(PathKey("/work/teams/cs.okr") == PathKey("/work/teams/" + "cs.okr"))
    #expect(PathKey("/work/teams/cs.okr") != PathKey("/work/teams/cs.okx"))
    // Canonically equivalent `String`s, other bytes: two files on disk.
    #expect(PathKey("/caf\u{E9}.okr") != PathKey("/cafe\u{301}.okr"))
    // Every name of 1 to 12 bytes over `a` and `/` is one key, however its `String` was made.
    var names: [String] = [""]
    var all = Set<PathKey>()
    for _ in 1...12 {
      names = names.flatMap { [$0 + "a", $0 + "/"] }
      for name in names {
        all.insert(PathKey("/long/prefix/" + name))
        all.insert(PathKey(String(decoding: Array("/long/prefix/\(name)".utf8), as: UTF8.self)))
      }
    }
    #expect(all.count == 8_190)
  }
}
