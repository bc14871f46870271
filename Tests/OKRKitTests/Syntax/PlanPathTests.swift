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

  @Test func aPrefixIsDroppedOnlyWhenItsBytesStartThePath() {
    #expect(PlanPath.dropping(prefix: "/work/", from: "/work/teams/cs.okr") == "teams/cs.okr")
    #expect(PlanPath.dropping(prefix: "/work/", from: "/workshop/cs.okr") == nil)
    // The same `String` written with other bytes is another path on disk.
    #expect(PlanPath.dropping(prefix: "/caf\u{E9}/", from: "/cafe\u{301}/cs.okr") == nil)
  }
}
