// swift-tools-version: 6.1
import Foundation
import PackageDescription

let package = Package(
    name: "GanDan",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "gandan", targets: ["gandan"]),
        .library(name: "GanDanCore", targets: ["GanDanCore"]),
        .library(name: "GanDanInterchange", targets: ["GanDanInterchange"]),
        .library(name: "GanDanStorage", targets: ["GanDanStorage"]),
        .library(name: "GanDanWeb", targets: ["GanDanWeb"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-kit.git", from: "1.57.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/leaf.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/leaf-kit.git", from: "1.14.3"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/yaslab/CSV.swift.git", from: "2.5.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"6.0.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", exact: "0.9.20"),
    ],
    targets: [
        .target(
            name: "GanDanCore"
        ),
        // zlib, to inflate .xlsx parts as they are read, within a cap (issue 21).
        .systemLibrary(
            name: "CGanDanZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),
        .target(
            name: "GanDanInterchange",
            dependencies: [
                "GanDanCore",
                "CGanDanZlib",
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .target(
            name: "GanDanStorage",
            dependencies: [
                "GanDanCore",
                "GanDanInterchange",
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),
        .target(
            name: "GanDanWeb",
            dependencies: [
                "GanDanCore",
                "GanDanInterchange",
                "GanDanStorage",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Leaf", package: "leaf"),
                .product(name: "LeafKit", package: "leaf-kit"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            resources: [.copy("Resources/Views"), .copy("Resources/Public"), .copy("Resources/OpenAPI")]
        ),
        .target(
            name: "GanDanDemo",
            dependencies: [
                "GanDanCore",
                "GanDanInterchange",
                "GanDanStorage",
            ],
            resources: [.copy("Resources/Data")]
        ),
        .executableTarget(
            name: "gandan",
            dependencies: [
                "GanDanCore",
                "GanDanDemo",
                "GanDanInterchange",
                "GanDanStorage",
                "GanDanWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Vapor", package: "vapor"),
            ]
        ),
        .target(
            name: "GanDanTesting",
            dependencies: [
                "GanDanCore", "GanDanDemo", "GanDanInterchange", "GanDanStorage",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            path: "Tests/GanDanTesting"
        ),
        .testTarget(name: "GanDanCoreTests", dependencies: ["GanDanCore"]),
        .testTarget(
            name: "GanDanInterchangeTests",
            dependencies: [
                "GanDanCore", "GanDanInterchange", "GanDanTesting",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .testTarget(
            name: "GanDanStorageTests",
            dependencies: [
                "GanDanCore", "GanDanDemo", "GanDanInterchange", "GanDanStorage", "GanDanTesting",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .testTarget(
            name: "GanDanDemoTests",
            dependencies: ["GanDanCore", "GanDanDemo", "GanDanStorage", "GanDanTesting"]
        ),
        .testTarget(
            name: "GanDanCLITests",
            dependencies: [
                "gandan", "GanDanWeb", "GanDanStorage", "GanDanCore", "GanDanTesting",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "FluentKit", package: "fluent-kit"),
            ]
        ),
        .testTarget(
            name: "GanDanWebTests",
            dependencies: [
                "GanDanWeb", "GanDanStorage", "GanDanInterchange", "GanDanCore", "GanDanTesting",
                .product(name: "VaporTesting", package: "vapor"),
            ]
        ),
    ]
)

// The benchmarks (bench/*/run) are built only when asked: `GANDAN_BENCHMARKS=1 swift run -c release gandan-bench …`.
if Context.environment["GANDAN_BENCHMARKS"] != nil {
    package.products.append(.executable(name: "gandan-bench", targets: ["GanDanBench"]))
    package.targets += [
        .executableTarget(
            name: "GanDanBench",
            dependencies: [
                "GanDanCore",
                "GanDanDemo",
                "GanDanInterchange",
                "GanDanStorage",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "FluentKit", package: "fluent-kit"),
            ]
        ),
        .testTarget(
            name: "GanDanBenchTests",
            dependencies: ["GanDanBench", "GanDanCore", "GanDanDemo", "GanDanStorage", "GanDanTesting"]
        ),
    ]
}

// The "does not compile without a scope" probe (issue 17): scripts/test builds it with GANDAN_SCOPE_PROBE=1 and
// expects it to fail with one missing-scope error per query type; a plain `swift build` never sees it.
if Context.environment["GANDAN_SCOPE_PROBE"] == "1" {
    package.targets.append(
        .target(
            name: "ScopeProbe",
            dependencies: ["GanDanStorage"],
            path: "Tests/ScopeProbe"))
}
