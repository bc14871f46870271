#if canImport(Glibc)
  import Glibc
#endif

/// Where the REPL keeps the lines typed into it between sessions.
public enum HistoryFile {
  /// The history file's path for a process with `environment`.
  ///
  /// `$XDG_STATE_HOME/okr/history`, or `$HOME/.local/state/okr/history` when
  /// `XDG_STATE_HOME` is unset, empty or relative (the XDG Base Directory
  /// specification says to ignore relative paths). `nil` when neither gives an
  /// absolute folder: then no history is kept.
  public static func defaultPath(environment: [String: String]) -> String? {
    if let state = absolutePath(environment["XDG_STATE_HOME"]) {
      return state + "/okr/history"
    }
    if let home = absolutePath(environment["HOME"]) {
      return home + "/.local/state/okr/history"
    }
    return nil
  }

  /// The variables of this process's environment that ``defaultPath(environment:)`` reads.
  public static var processEnvironment: [String: String] {
    var environment: [String: String] = [:]
    for name in ["XDG_STATE_HOME", "HOME"] {
      if let value = getenv(name) { environment[name] = String(cString: value) }
    }
    return environment
  }

  /// Creates the folder that holds `historyFile` and any missing folder above it, readable
  /// by the user alone; does nothing where they exist or cannot be made (then no history is
  /// saved).
  static func createFolder(of historyFile: String) {
    var folder = historyFile.hasPrefix("/") ? "" : "."
    for component in historyFile.split(separator: "/").dropLast() {
      folder += "/" + component
      _ = mkdir(folder, 0o700)
    }
  }

  /// `path` without trailing slashes, if it is absolute.
  private static func absolutePath(_ path: String?) -> String? {
    guard let path, path.hasPrefix("/") else { return nil }
    let trimmed = path.reversed().drop { $0 == "/" }.reversed()
    return String(trimmed)
  }
}
