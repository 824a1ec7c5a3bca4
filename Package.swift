// swift-tools-version:6.0
import PackageDescription

// No package dependencies: the toolchain's Foundation and Swift Testing only.
let package = Package(
    name: "kennzahl",
    products: [
        .executable(name: "kennzahl", targets: ["kennzahl"]),
        .library(name: "Kennzahlen", targets: ["Kennzahlen"]),
    ],
    targets: [
        .target(name: "Kennzahlen"),
        .executableTarget(name: "kennzahl", dependencies: ["Kennzahlen"]),
        .testTarget(
            name: "KennzahlenTests",
            dependencies: ["Kennzahlen"],
            exclude: ["Golden", "Korpus"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
