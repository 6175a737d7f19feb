// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "wt",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "wt", targets: ["wt"]),
        .library(name: "WTKit", targets: ["WTKit"]),
    ],
    targets: [
        // libxcrypt's crypt.h is not part of Swift's Glibc module.
        .systemLibrary(name: "CCrypt", path: "Sources/CCrypt"),
        .target(name: "WTKit", dependencies: ["CCrypt"], path: "Sources/WTKit"),
        .executableTarget(name: "wt", dependencies: ["WTKit"], path: "Sources/wt"),
        // The end-to-end tests run the built `wt`, so the test target depends on it.
        // Tests drive processes from Dispatch queues; Swift 5 mode spares them Sendable ceremony.
        .testTarget(
            name: "WTKitTests", dependencies: ["WTKit", "wt"], path: "Tests/WTKitTests",
            // Python helpers the tests run (Python's email package builds replies; an SMTP sink).
            exclude: ["Support/mailshapes.py", "Support/smtpsink.py"],
            swiftSettings: [.swiftLanguageMode(.v5)]),
    ]
)
