import Testing

@testable import OKRKit

/// What listing a folder says of its entries spares the loader a system call per file: a file
/// the listing calls a file (not a link) is neither asked its kind nor resolved.
@Suite struct FolderListingTests {
  /// An in-memory file system that counts the questions it is asked about each path, and whose
  /// listings give each entry's kind unless the entry is named as a link.
  /// (The loader asks from one thread: it reads concurrently only when told it may.)
  final class CountingFileSystem: PlanFileSystem {
    let memory: InMemoryFileSystem
    let links: Set<String>
    let givesKinds: Bool
    /// Relative paths are taken from here; canonical paths are absolute.
    let workingFolder = "/work"
    private var asked: [String: Int] = [:]
    /// How many times each folder was listed.
    private(set) var listed: [String: Int] = [:]

    init(_ files: [String: String], links: Set<String> = [], givesKinds: Bool) {
      memory = InMemoryFileSystem(files: files)
      self.links = links
      self.givesKinds = givesKinds
    }

    /// How many times `kind(of:)` and `canonicalPath(_:)` were asked about `path`.
    func questions(about path: String) -> Int { asked[path, default: 0] }

    private func note(_ path: String) { asked[path, default: 0] += 1 }

    private func absolute(_ path: String) -> String { PlanPath.join(workingFolder, path) }

    func kind(of path: String) -> FileKind? {
      note(path)
      return memory.kind(of: absolute(path))
    }
    func readFile(_ path: String) throws(FileReadError) -> [UInt8] { try memory.readFile(absolute(path)) }
    func contents(ofFolder path: String) -> [String] { memory.contents(ofFolder: absolute(path)) }
    func entries(ofFolder path: String) -> [FolderEntry] {
      listed[path, default: 0] += 1
      let prefix = absolute(path) == "/" ? "/" : absolute(path) + "/"
      return memory.contents(ofFolder: absolute(path)).map { name in
        let kind = givesKinds && !links.contains(prefix + name) ? memory.kind(of: prefix + name) : nil
        return FolderEntry(name: name, kind: kind)
      }
    }
    func canonicalPath(_ path: String) -> String? {
      note(path)
      return memory.canonicalPath(absolute(path))
    }
  }

  static let files = [
    "/plan/root.okr": "include \"teams/*.okr\"\ncompany acme\n",
    "/plan/teams/a.okr": "team a in acme\n",
    "/plan/teams/b.okr": "team b in acme\n",
    "/plan/teams/sub/c.okr": "team c in acme\n",
    "/plan/people/p.okr": "person pat in a\n",
  ]

  @Test func filesTheListingNamesAreNotAskedAbout() {
    let listing = CountingFileSystem(Self.files, givesKinds: true)
    let plan = PlanLoader(fileSystem: listing).load(["/plan"])
    #expect(
      plan.sources.files.map(\.path) == [
        "/plan/people/p.okr", "/plan/root.okr", "/plan/teams/a.okr", "/plan/teams/b.okr", "/plan/teams/sub/c.okr",
      ])
    #expect(plan.diagnostics.isEmpty && plan.failures.isEmpty)
    for file in Self.files.keys { #expect(listing.questions(about: file) == 0, "asked about \(file)") }
    // Only the folder named is asked about (its kind and its canonical path, once each); what
    // lies below it, folders too, follows from the listings.
    #expect(listing.questions(about: "/plan") == 2)
    #expect(listing.questions(about: "/plan/teams") == 0)
    // Walked and matched by the glob, the folder is listed once.
    #expect(listing.listed["/plan/teams"] == 1)
  }

  /// Named by a relative path, the files are known by their canonical paths all the same: a
  /// glob that names them again finds them loaded.
  @Test func aFolderNamedRelativelyLoadsEachFileOnce() {
    let files = Self.files.reduce(into: [:]) { $0["/work" + $1.key] = $1.value }
    let listing = CountingFileSystem(files, givesKinds: true)
    let asking = CountingFileSystem(files, givesKinds: false)
    let listed = PlanLoader(fileSystem: listing).load(["plan"])
    let asked = PlanLoader(fileSystem: asking).load(["plan"])
    #expect(listed.sources.files.map(\.path) == asked.sources.files.map(\.path))
    #expect(listed.sources.files.map(\.path).first == "plan/people/p.okr")
    #expect(listed.diagnostics.isEmpty && listed.failures.isEmpty && asked.diagnostics.isEmpty)
    #expect(listing.questions(about: "plan/teams/a.okr") == 0)
    #expect(listing.questions(about: "/work/plan/teams/a.okr") == 0)
    // Walked as `plan/teams`, then matched by the glob as `/work/plan/teams`: listed once.
    #expect(listing.listed["plan/teams", default: 0] + listing.listed["/work/plan/teams", default: 0] == 1)
  }

  @Test func aLinkIsStillAskedAboutAndTheLoadIsTheSame() {
    let withKinds = CountingFileSystem(Self.files, links: ["/plan/teams/b.okr"], givesKinds: true)
    let withoutKinds = CountingFileSystem(Self.files, givesKinds: false)
    let listed = PlanLoader(fileSystem: withKinds).load(["/plan"])
    let asked = PlanLoader(fileSystem: withoutKinds).load(["/plan"])
    #expect(listed.sources.files.map(\.path) == asked.sources.files.map(\.path))
    #expect(listed.diagnostics.map(\.message) == asked.diagnostics.map(\.message))
    #expect(withKinds.questions(about: "/plan/teams/b.okr") > 0)
    #expect(withKinds.questions(about: "/plan/teams/a.okr") == 0)
    #expect(withoutKinds.questions(about: "/plan/teams/a.okr") > 0)
  }
}
