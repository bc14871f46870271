import Foundation
import Testing

/// Golden files: compared byte for byte with what the code produces, or rewritten instead when
/// the tests run with `OKR_RECORD=1` (review the diff before committing).
enum Golden {
  /// Whether goldens are rewritten instead of compared.
  static var isRecording: Bool { ProcessInfo.processInfo.environment["OKR_RECORD"] == "1" }

  /// Records an issue unless `actual` equals the file at `url`; when recording, writes it there.
  static func expect(_ actual: String, matches url: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    if isRecording {
      do {
        try actual.write(to: url, atomically: true, encoding: .utf8)
      } catch {
        Issue.record("cannot record \(url.path): \(error)", sourceLocation: sourceLocation)
      }
      return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
      Issue.record(
        "missing golden \(url.lastPathComponent); run with OKR_RECORD=1 to create it", sourceLocation: sourceLocation)
      return
    }
    #expect(
      actual == expected, "\(url.lastPathComponent) differs from the output (OKR_RECORD=1 rewrites it)",
      sourceLocation: sourceLocation)
  }
}
