import Foundation
import KennzahlAmpel
import KennzahlAuswertung
import KennzahlBasis
import KennzahlBeispiele
import KennzahlBericht
import KennzahlDaten
import KennzahlDefinition
import KennzahlGeheimhaltung
import KennzahlKommandozeile
import Testing

/// Paths inside the package, independent of the working directory of `swift test`.
package enum Paket {
    package static let wurzel: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    package static var definitionenUlm: String { wurzel + "/Definitions/ulm" }
    package static var beispieleUlm: String { wurzel + "/Samples/ulm" }
    package static var golden: String { wurzel + "/Tests/KennzahlBerichtTests/Golden" }
    /// The catalogue a bundled sample set belongs to, and the set's folder.
    package static func definitionen(_ name: String) -> String { wurzel + "/Definitions/" + name }
    package static func beispiele(_ name: String) -> String { wurzel + "/Samples/" + name }
}

/// The Ulm evaluation through the same code path as `kennzahl report`, computed once per period.
package enum Ulm {
    package static func grundlage(_ periode: String) -> Berichtsgrundlage? {
        switch periode {
        case "2021-Q4": return q4Jahr2021
        case "2020-Q4": return q4Jahr2020
        case "2022-Q4": return q4Jahr2022
        default: return berechne(periode)
        }
    }

    package static let q4Jahr2021 = berechne("2021-Q4")
    package static let q4Jahr2020 = berechne("2020-Q4")
    package static let q4Jahr2022 = berechne("2022-Q4")

    /// The Ulm catalogue on the Ulm samples; `oeffentlich`: as for `report --public`.
    package static func berechne(_ periode: String, oeffentlich: Bool = false) -> Berichtsgrundlage? {
        var a = Berichtslauf.Auftrag()
        a.definitionen = Paket.definitionenUlm
        a.daten = Paket.beispieleUlm
        a.periode = Berichtsperiode.parse(periode)
        a.oeffentlich = oeffentlich
        return Berichtslauf.berechne(a).0
    }
}

extension Berichtsgrundlage {
    /// The current value of a Kennzahl by id for an area.
    package func wert(_ id: String, _ g: Gebiet) throws -> Kennwert {
        let i = try #require(katalog.kennzahlen.firstIndex { $0.id == id }, "Kennzahl \(id)")
        return kennwert(i, zeitplan(katalog.kennzahlen[i]).aktuell, g)
    }

    package func sozialraum(_ name: String) throws -> Gebiet {
        .sozialraum(try #require(katalog.sozialraeume.firstIndex { $0.name == name }, "Sozialraum \(name)"))
    }

    package func licht(_ id: String, _ g: Gebiet) throws -> Licht? {
        ampel.licht(try #require(katalog.kennzahlen.firstIndex { $0.id == id }, "Kennzahl \(id)"), g)
    }
}
