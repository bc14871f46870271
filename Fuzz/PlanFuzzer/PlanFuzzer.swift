import OKRKit

/// libFuzzer entry point: runs the whole pipeline on one input and traps on any broken guarantee.
@_cdecl("LLVMFuzzerTestOneInput")
public func planFuzzerTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  PipelineInvariants.check(bytes)
  return 0
}
