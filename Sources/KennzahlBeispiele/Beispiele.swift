/// One bundled synthetic sample set: the exports a catalogue in `Definitions/<name>` reads.
package struct Beispielsatz: Sendable {
    /// Name on the command line and folder name: `ulm` → `Samples/ulm`.
    package let name: String
    package let standardSeed: UInt64
    let erzeuge: @Sendable (UInt64) -> [(pfad: String, inhalt: [UInt8])]

    /// All files of the set, paths relative to the sample folder. Same seed, same bytes.
    package func dateien(seed: UInt64? = nil) -> [(pfad: String, inhalt: [UInt8])] {
        erzeuge(seed ?? standardSeed)
    }

    /// Default folder of the set (relative to the package).
    package var ordner: String { "Samples/" + name }
}

/// The sample sets `kennzahl samples NAME` can write.
package enum Beispiele {
    /// First line of every set's LIESMICH.txt; marks a folder as a sample set that may be replaced.
    package static let kennzeichen = "Synthetische Beispieldaten für kennzahl"

    package static let alle: [Beispielsatz] = [
        Beispielsatz(name: "ulm", standardSeed: UlmBeispiel.standardSeed) { UlmBeispiel.dateien(seed: $0) },
        Beispielsatz(name: "nordfriesland", standardSeed: NordfrieslandBeispiel.standardSeed) {
            NordfrieslandBeispiel.dateien(seed: $0)
        },
    ]

    package static func satz(_ name: String) -> Beispielsatz? { alle.first { $0.name == name } }
}
