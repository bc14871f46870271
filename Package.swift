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
    .target(name: "OKRKit"),
    // The command-line tool: one file per subcommand, thin.
    .executableTarget(
      name: "okr",
      dependencies: [
        "OKRKit",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(name: "OKRKitTests", dependencies: ["OKRKit"], resources: [.copy("Fixtures")]),
    // Writes large, valid plans for benchmarks; independent of OKRKit on purpose.
    .executableTarget(
      name: "okr-plangen",
      dependencies: [.product(name: "ArgumentParser", package: "swift-argument-parser")],
      path: "Benchmarks/PlanGenerator"
    ),
  ]
)
