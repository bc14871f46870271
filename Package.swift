// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "okr",
  platforms: [.macOS(.v13)],
  products: [
    .library(name: "OKRKit", targets: ["OKRKit"]),
    .executable(name: "okr", targets: ["okr"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
  ],
  targets: [
    // The language: sources, diagnostics, syntax, semantics, evaluation, query, format, diff.
    // Pure: no file I/O, no printing.
    .target(name: "OKRKit", dependencies: ["CAllocator", "CProcessorHints"]),
    // Disk access for the executables: reading plans through the C library.
    .target(name: "OKRDisk", dependencies: ["OKRKit", "CAllocator"]),
    .testTarget(name: "OKRDiskTests", dependencies: ["OKRDisk", "OKRKit"]),
    // The C library's allocator settings (malloc.h), for HeapGrowth in OKRDisk.
    .systemLibrary(name: "CAllocator"),
    // Hints to the processor (prefetching), for OKRKit's walks over a plan's text.
    .systemLibrary(name: "CProcessorHints"),
    // The command-line tool: one file per subcommand, thin.
    .executableTarget(
      name: "okr",
      dependencies: [
        "OKRKit",
        "OKRDisk",
        "OKRRepl",
        "OKRLineEditing",
        "CLineEdit",
        "CQuickExit",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Ending the command-line tool without waiting for the system to free a large plan's memory.
    .target(name: "CQuickExit"),
    .testTarget(name: "OKRKitTests", dependencies: ["OKRKit"], resources: [.copy("Fixtures")]),

    // Terminal input for the REPL: libedit, loaded at run time so building needs no
    // libedit headers (CLineEdit), behind a Swift line reader API (OKRLineEditing).
    .target(name: "CLineEdit", linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]),
    .target(name: "OKRLineEditing", dependencies: ["CLineEdit"]),
    // A test fixture: a tiny line-editing program that OKRLineEditingTests drives in a pseudo-terminal.
    .executableTarget(name: "LineEditProbe", dependencies: ["OKRLineEditing"]),
    .testTarget(name: "OKRLineEditingTests", dependencies: ["OKRLineEditing"]),
    // The REPL: a session over OKRKit driven through a line reader.
    .target(name: "OKRRepl", dependencies: ["OKRKit", "OKRDisk", "OKRLineEditing", "CLineEdit"]),
    .testTarget(
      name: "OKRReplTests", dependencies: ["OKRRepl", "OKRKit", "OKRDisk", "OKRLineEditing", "CLineEdit"],
      resources: [.copy("Transcripts")]),

    // A host program that embeds OKRKit: live metric values, a tree, a what-if.
    .executableTarget(name: "okr-embedding-example", dependencies: ["OKRKit"], path: "Examples/EmbeddingExample"),

    // Benchmarks: writes large valid plans, and prints the time of each phase (see BENCHMARKS.md).
    .executableTarget(
      name: "okr-plangen",
      dependencies: [.product(name: "ArgumentParser", package: "swift-argument-parser")],
      path: "Benchmarks/PlanGenerator"
    ),
    // Benchmarks: prints the time of each phase on generated plans (see BENCHMARKS.md).
    .executableTarget(name: "okr-benchmark", dependencies: ["OKRKit", "OKRDisk"], path: "Benchmarks/OKRBenchmark"),

    // libFuzzer targets; build with the recipe in Fuzz/README.md.
    .executableTarget(name: "PlanFuzzer", dependencies: ["OKRKit", "OKRDisk"], path: "Fuzz/PlanFuzzer"),
    .executableTarget(name: "QueryFuzzer", dependencies: ["OKRKit"], path: "Fuzz/QueryFuzzer"),
  ]
)
