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

  /// `path` without trailing slashes, if it is absolute.
  private static func absolutePath(_ path: String?) -> String? {
    guard let path, path.hasPrefix("/") else { return nil }
    let trimmed = path.reversed().drop { $0 == "/" }.reversed()
    return String(trimmed)
  }
}
