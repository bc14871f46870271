extension Dictionary {
  /// The value for `key`, after storing `value` there when the key had none: one probe of the
  /// table where a lookup followed by an insertion takes two.
  mutating func value(forKey key: Key, insertingIfAbsent value: Value) -> Value {
    func stored(_ slot: inout Value) -> Value { slot }
    return stored(&self[key, default: value])
  }
}
