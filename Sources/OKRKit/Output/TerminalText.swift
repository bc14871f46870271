/// Makes plan text safe to show on a terminal.
public enum TerminalText {
  /// `text` with every C0 and C1 control character, line breaks and tabs included, shown as `\u{…}`.
  ///
  /// Titles, notes and names come from plan files that anyone may have written;
  /// an escape sequence in them must never reach a terminal raw.
  public static func escaped(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isControl) else { return text }
    var output = ""
    for scalar in text.unicodeScalars { appendShowingControls(scalar, to: &output) }
    return output
  }

  /// Appends `scalar` to `output`, or for a control character `backslash` + `u{…}` (each output
  /// format writes the backslash its own way, e.g. `\\` inside a DOT string).
  static func appendShowingControls(_ scalar: Unicode.Scalar, to output: inout String, backslash: String = "\\") {
    if isControl(scalar) {
      output += backslash + "u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
    } else {
      output.unicodeScalars.append(scalar)
    }
  }

  static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
  }
}
