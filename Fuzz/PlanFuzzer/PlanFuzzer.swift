import OKRKit

#if FUZZING
  /// libFuzzer entry point: runs the whole pipeline on one input and traps on any broken guarantee.
  @_cdecl("LLVMFuzzerTestOneInput")
  public func planFuzzerTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    PipelineInvariants.check(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
  }
#else
  import OKRDisk

  /// Without libFuzzer: replays saved inputs (e.g. crash files) given as arguments.
  @main
  enum PlanFuzzerReplay {
    static func main() {
      let fileSystem = DiskFileSystem()
      for path in CommandLine.arguments.dropFirst() {
        guard let bytes = try? fileSystem.readFile(path) else {
          print("cannot read \(path)")
          continue
        }
        PipelineInvariants.check(bytes)
        print("ok: \(path)")
      }
    }
  }
#endif
