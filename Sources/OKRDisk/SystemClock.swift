import OKRKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Today's date from the system clock, in local time: the default as-of date of the commands.
public enum SystemClock {
  /// Today's date in the local time zone (the UTC date, should that fail).
  public static func today() -> Day {
    var now = time(nil)
    var parts = tm()
    localtime_r(&now, &parts)
    return Day(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
      ?? Day(ordinal: Int32(clamping: now / 86_400))
  }
}
