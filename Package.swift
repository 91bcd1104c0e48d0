// swift-tools-version:6.0
import PackageDescription

// Arrows point one way (see README "Decisions"):
// ecsrole -> App -> {TUIKit, AWSKit, ExecRoleKit -> IAMKit}; NcursesBackend -> {TUIKit, CNcurses}.
// IAMKit and ExecRoleKit are pure (Foundation only): no terminal, no network.
let package = Package(
    name: "ecsrole",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "ecsrole", targets: ["ecsrole"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        // YAML CloudFormation templates for `lint`; used only by App's YAML→JSONNode bridge, never by the pure kits.
        .package(url: "https://github.com/jpsim/Yams.git", from: "5.0.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CNcurses",
            path: "CNcurses",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        .target(name: "IAMKit"),
        .target(name: "ExecRoleKit", dependencies: ["IAMKit"]),
        // libcurl loaded with dlopen on the first live-AWS request (see Sources/CCurl/include/ccurl.h).
        .target(name: "CCurl"),
        // glibc's heap growth step, set by `lint` before a large run (Sources/ecsrole/LintStartup.swift).
        .target(name: "CMallocTuning"),
        .target(name: "AWSKit", dependencies: [
            "IAMKit", "ExecRoleKit",
            .target(name: "CCurl", condition: .when(platforms: [.linux])),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .target(name: "TUIKit"),
        .target(name: "NcursesBackend", dependencies: ["TUIKit", "CNcurses"]),
        .target(name: "App", dependencies: [
            "TUIKit", "AWSKit", "ExecRoleKit", "IAMKit",
            .product(name: "Yams", package: "Yams"),
        ]),
        .executableTarget(name: "ecsrole", dependencies: [
            "App", "NcursesBackend", "AWSKit", "ExecRoleKit", "IAMKit", "CMallocTuning",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Helpers shared by the test targets (process runner, moto harness, snapshot assertion).
        // Imports XCTest; nothing outside Tests/ depends on it, so it never reaches the executable.
        .target(name: "TestSupport", dependencies: ["TUIKit"], path: "Tests/TestSupport"),
        .testTarget(name: "IAMKitTests", dependencies: ["IAMKit"], exclude: ["Fixtures"]),
        .testTarget(name: "ExecRoleKitTests", dependencies: ["ExecRoleKit", "IAMKit"], exclude: ["Fixtures"]),
        .testTarget(name: "AWSKitTests", dependencies: ["AWSKit", "ExecRoleKit", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "TUIKitTests", dependencies: ["TUIKit", "TestSupport"], exclude: ["Snapshots"]),
        .testTarget(name: "AppTests", dependencies: ["App", "TUIKit", "ExecRoleKit", "TestSupport"], exclude: ["Snapshots"]),
        .testTarget(name: "CLITests", dependencies: ["ExecRoleKit", "IAMKit", "TestSupport", "CMallocTuning"], exclude: ["Fixtures"]),
    ]
)
