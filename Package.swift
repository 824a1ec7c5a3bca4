// swift-tools-version:6.0
import PackageDescription

// No package dependencies: the toolchain's Foundation and Swift Testing only.
//
// One target per stage of the pipeline, each depending only on earlier ones, so the compiler
// rejects a backward reference (docs/architecture.md draws the graph):
// Basis → Definition → Daten → Auswertung → Ampel → Geheimhaltung → Bericht → Kommandozeile.
// The sample generators sit outside the product library; only the command line uses them.
let basis: Target.Dependency = "KennzahlBasis"
let definition: Target.Dependency = "KennzahlDefinition"
let daten: Target.Dependency = "KennzahlDaten"
let auswertung: Target.Dependency = "KennzahlAuswertung"
let ampel: Target.Dependency = "KennzahlAmpel"
let geheimhaltung: Target.Dependency = "KennzahlGeheimhaltung"
let bericht: Target.Dependency = "KennzahlBericht"
let beispiele: Target.Dependency = "KennzahlBeispiele"
let kommandozeile: Target.Dependency = "KennzahlKommandozeile"
let hilfen: Target.Dependency = "KennzahlTesthilfen"

let package = Package(
    name: "kennzahl",
    products: [
        .executable(name: "kennzahl", targets: ["kennzahl"])
    ],
    targets: [
        .target(name: "KennzahlBasis"),
        .target(name: "KennzahlDefinition", dependencies: [basis]),
        .target(name: "KennzahlDaten", dependencies: [basis, definition]),
        .target(name: "KennzahlAuswertung", dependencies: [basis, definition, daten]),
        .target(name: "KennzahlAmpel", dependencies: [basis, definition, daten, auswertung]),
        .target(name: "KennzahlGeheimhaltung", dependencies: [basis, definition, auswertung, ampel]),
        .target(name: "KennzahlBericht", dependencies: [basis, definition, daten, auswertung, ampel, geheimhaltung]),
        .target(name: "KennzahlBeispiele", dependencies: [basis, definition, daten, bericht]),
        .target(
            name: "KennzahlKommandozeile",
            dependencies: [basis, definition, daten, auswertung, ampel, geheimhaltung, bericht, beispiele]
        ),
        .executableTarget(name: "kennzahl", dependencies: [kommandozeile]),
        // Tests mirror the modules: one test target per module with the tests of its behaviour
        // (tests that drive it through the whole pipeline also use later modules), and one
        // helper target shared by all (fixtures, paths, running a command in-process).
        .target(
            name: "KennzahlTesthilfen",
            dependencies: [basis, definition, daten, auswertung, ampel, bericht, kommandozeile],
            path: "Tests/KennzahlTesthilfen"
        ),
        .testTarget(name: "KennzahlBasisTests", dependencies: [basis]),
        .testTarget(
            name: "KennzahlDefinitionTests", dependencies: [basis, definition, auswertung, hilfen], exclude: ["Korpus"]),
        .testTarget(
            name: "KennzahlDatenTests", dependencies: [basis, definition, daten, bericht, kommandozeile, hilfen]),
        .testTarget(name: "KennzahlAuswertungTests", dependencies: [basis, definition, daten, auswertung, hilfen]),
        .testTarget(
            name: "KennzahlAmpelTests",
            dependencies: [basis, definition, auswertung, ampel, bericht, kommandozeile, hilfen]
        ),
        .testTarget(
            name: "KennzahlGeheimhaltungTests",
            dependencies: [
                basis, definition, auswertung, ampel, geheimhaltung, bericht, beispiele, kommandozeile, hilfen,
            ]
        ),
        .testTarget(
            name: "KennzahlBerichtTests", dependencies: [basis, bericht, kommandozeile, hilfen],
            exclude: ["Golden"]),
        .testTarget(name: "KennzahlBeispieleTests", dependencies: [daten, beispiele, hilfen]),
        .testTarget(
            name: "KennzahlKommandozeileTests",
            dependencies: [
                basis, definition, daten, auswertung, ampel, geheimhaltung, bericht, beispiele, kommandozeile, hilfen,
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
