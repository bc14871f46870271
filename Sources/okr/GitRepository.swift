import OKRKit

/// The git repository around the current folder, read through the `git` program on `PATH`.
struct GitRepository {
  /// Why something could not be read from git; the message is shown after `okr: `.
  struct Failure: Error {
    var message: String
  }

  /// The `git` executable.
  let git: String
  /// The absolute path of the working tree's top folder.
  let topLevel: String
  /// The current folder relative to ``topLevel`` (`""` or `plans/`).
  let prefix: String

  /// The repository the current folder is in.
  static func current() throws(Failure) -> GitRepository {
    guard let git = Subprocess.findExecutable("git") else {
      throw Failure(message: "git was not found on PATH; name OLD and NEW as existing files or folders instead")
    }
    let result = try run(git, ["rev-parse", "--show-toplevel", "--show-prefix"])
    guard result.status == 0 else { throw Failure(message: "not in a git repository (\(result.errorText))") }
    let lines = String(decoding: result.output, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    guard let top = lines.first, !top.isEmpty else {
      throw Failure(message: "git did not name the repository's top folder")
    }
    return GitRepository(git: git, topLevel: String(top), prefix: lines.count > 1 ? String(lines[1]) : "")
  }

  /// Whether `revision` names a commit.
  func isCommit(_ revision: String) throws(Failure) -> Bool {
    guard !revision.hasPrefix("-") else { return false }
    return try git(["rev-parse", "--verify", "--quiet", revision + "^{commit}"]).status == 0
  }

  /// The plan named by `paths` (files or folders, relative to the current folder) as it was at
  /// `revision`: every `.okr` file under the paths' folders is read from git into memory, so
  /// includes resolve as they would in a checkout of that revision.
  func plan(at revision: String, paths: [String]) throws(Failure) -> ParsedPlan {
    var fileSystem = InMemoryFileSystem(files: [:])
    var roots: [String] = []
    var listed = Set<String>()
    for path in paths {
      let file = try repositoryPath(path)
      let object = revision + ":" + file
      let type = try git(["cat-file", "-t", object])
      guard type.status == 0 else { throw Failure(message: "'\(path)' does not exist in \(revision)") }
      let isFolder = String(decoding: type.output, as: UTF8.self).trimmingWhitespace() == "tree"
      roots.append(file.isEmpty ? topLevel : topLevel + "/" + file)
      let folder = isFolder ? file : PlanPath.folder(of: file) == "." ? "" : PlanPath.folder(of: file)
      if !isFolder { fileSystem.files[topLevel + "/" + file] = try blob(revision, file) }
      guard listed.insert(folder).inserted else { continue }
      let listing = try git([
        "--literal-pathspecs", "ls-tree", "-r", "-z", "--full-tree", revision, "--", folder.isEmpty ? "." : folder,
      ])
      guard listing.status == 0 else { throw Failure(message: "cannot list \(revision): \(listing.errorText)") }
      // Each entry is `MODE TYPE OBJECT<tab>NAME`; the files' bytes are read all at once.
      var names: [String] = []
      var named = Set<String>()
      var objects: [String] = []
      for entry in listing.output.split(separator: 0) {
        guard let tab = entry.firstIndex(of: UInt8(ascii: "\t")) else { continue }
        let name = String(decoding: entry[(tab + 1)...], as: UTF8.self)
        guard name.hasSuffix(".okr"), fileSystem.files[topLevel + "/" + name] == nil, named.insert(name).inserted
        else { continue }
        let fields = entry[..<tab].split(separator: UInt8(ascii: " "))
        guard fields.count == 3, fields[1].elementsEqual("blob".utf8) else {
          throw Failure(message: "cannot read \(name) at \(revision): it is not a file")
        }
        names.append(name)
        objects.append(String(decoding: fields[2], as: UTF8.self))
      }
      for (name, bytes) in zip(names, try blobs(objects, named: names, at: revision)) {
        fileSystem.files[topLevel + "/" + name] = bytes
      }
    }
    return PlanLoader(fileSystem: fileSystem).load(roots)
  }

  /// The bytes of the blobs `objects` (the files `names` at `revision`), exactly as committed,
  /// read by one `git cat-file --batch`.
  private func blobs(_ objects: [String], named names: [String], at revision: String) throws(Failure) -> [[UInt8]] {
    guard !objects.isEmpty else { return [] }
    let result = try git(["cat-file", "--batch"], input: Array(objects.map { $0 + "\n" }.joined().utf8))
    guard result.status == 0 else {
      throw Failure(message: "cannot read the files at \(revision): \(result.errorText)")
    }
    // Each object is `OBJECT TYPE SIZE\n`, its bytes and `\n`; `OBJECT missing\n` when absent.
    var contents: [[UInt8]] = []
    var offset = 0
    let output = result.output
    for name in names {
      guard offset <= output.count, let end = output[offset...].firstIndex(of: UInt8(ascii: "\n")) else {
        throw Failure(message: "cannot read \(name) at \(revision): git's answer ended early")
      }
      let header = output[offset..<end].split(separator: UInt8(ascii: " "))
      guard header.count == 3, let size = Int(String(decoding: header[2], as: UTF8.self)),
        end + 1 + size <= output.count
      else {
        throw Failure(
          message: "cannot read \(name) at \(revision): \(String(decoding: output[offset..<end], as: UTF8.self))")
      }
      contents.append(Array(output[(end + 1)..<(end + 1 + size)]))
      offset = end + 1 + size + 1
    }
    return contents
  }

  /// `path` (relative to the current folder, or absolute inside the working tree) relative to the top folder.
  private func repositoryPath(_ path: String) throws(Failure) -> String {
    let relative: String
    if path.hasPrefix("/") {
      let normalized = PlanPath.normalized(path)
      guard PlanPath.isInside(normalized, folder: topLevel) else {
        throw Failure(message: "'\(path)' is outside the repository at \(topLevel)")
      }
      relative = String(normalized.dropFirst(topLevel.count).drop { $0 == "/" })
    } else {
      relative = prefix + path
    }
    let normalized = PlanPath.normalized(relative)
    guard normalized != "..", !normalized.hasPrefix("../"), !normalized.hasPrefix("/") else {
      throw Failure(message: "'\(path)' is outside the repository at \(topLevel)")
    }
    return normalized == "." ? "" : normalized
  }

  /// The bytes of `file` at `revision`, exactly as committed (no text conversion).
  private func blob(_ revision: String, _ file: String) throws(Failure) -> [UInt8] {
    let result = try git(["cat-file", "blob", revision + ":" + file])
    guard result.status == 0 else { throw Failure(message: "cannot read \(file) at \(revision): \(result.errorText)") }
    return result.output
  }

  private func git(_ arguments: [String], input: [UInt8]? = nil) throws(Failure) -> Subprocess.Result {
    try GitRepository.run(git, arguments, input: input)
  }

  private static func run(_ git: String, _ arguments: [String], input: [UInt8]? = nil) throws(Failure)
    -> Subprocess.Result
  {
    do {
      return try Subprocess.run(git, ["--no-pager"] + arguments, input: input)
    } catch {
      throw Failure(message: "cannot run \(git): \(error.message)")
    }
  }
}
