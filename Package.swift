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
        .testTarget(name: "WTKitTests", dependencies: ["WTKit"], path: "Tests/WTKitTests"),
    ]
)
