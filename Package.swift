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
        .target(name: "KennzahlGeheimhaltung", dependencies: [basis, definition, auswertung]),
        .target(name: "KennzahlBericht", dependencies: [basis, definition, daten, auswertung, ampel, geheimhaltung]),
        .target(name: "KennzahlBeispiele", dependencies: [basis, definition, daten, bericht]),
        .target(
            name: "KennzahlKommandozeile",
            dependencies: [basis, definition, daten, auswertung, ampel, geheimhaltung, bericht, beispiele]
        ),
        .executableTarget(name: "kennzahl", dependencies: [kommandozeile]),
        .testTarget(
            name: "KennzahlenTests",
            dependencies: [
                basis, definition, daten, auswertung, ampel, geheimhaltung, bericht, beispiele, kommandozeile,
            ],
            exclude: ["Golden", "Korpus"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
