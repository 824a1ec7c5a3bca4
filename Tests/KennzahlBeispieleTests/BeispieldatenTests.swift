import Foundation
import KennzahlTesthilfen
import Testing

@testable import KennzahlBeispiele
@testable import KennzahlDaten

@Suite struct BeispieldatenTests {
    /// Every committed sample set is exactly what `kennzahl samples NAME` writes with its default seed.
    @Test(arguments: Beispiele.alle.map(\.name))
    func eingecheckteBeispieleSindAktuell(_ name: String) throws {
        let satz = try #require(Beispiele.satz(name))
        let erzeugt = satz.dateien()
        let ordner = Paket.beispiele(name)
        let vorhanden = try FileManager.default.contentsOfDirectory(atPath: ordner).sorted()
        #expect(
            vorhanden == erzeugt.map(\.pfad).sorted(),
            "\(satz.ordner) neu schreiben: swift run kennzahl samples \(name)")
        for d in erzeugt {
            let inhalt = FileManager.default.contents(atPath: ordner + "/" + d.pfad).map { [UInt8]($0) }
            #expect(inhalt == d.inhalt, "\(d.pfad) weicht ab: swift run kennzahl samples \(name)")
        }
    }

    @Test(arguments: Beispiele.alle.map(\.name))
    func gleicherSeedGleicheBytesAndererSeedAndereDaten(_ name: String) throws {
        let satz = try #require(Beispiele.satz(name))
        let a = satz.dateien(seed: 1), b = satz.dateien(seed: 1), c = satz.dateien(seed: 2)
        #expect(a.map(\.inhalt) == b.map(\.inhalt))
        #expect(a.map(\.inhalt) != c.map(\.inhalt))
        // Every set marks its folder so `samples` may replace it later.
        let liesmich = try #require(a.first { $0.pfad == "LIESMICH.txt" }?.inhalt)
        #expect(String(decoding: liesmich, as: UTF8.self).hasPrefix(Beispiele.kennzeichen))
    }

    @Test func exporteSehenAusWieEchte() throws {
        let dateien = UlmBeispiel.dateien()
        let prosoz = try #require(dateien.first { $0.pfad == "prosoz-jugendhilfe-2021-Q4.csv" }?.inhalt)
        #expect(Array(prosoz.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: prosoz, as: UTF8.self)
        #expect(text.contains("\r\n"))
        #expect(text.contains("\"Hilfeplan fortgeschrieben; nächstes Gespräch im Herbst\""))
        // BW SD-F writes Windows-1252: "Böfingen" with the single byte 0xF6.
        let hvf = try #require(dateien.first { $0.pfad == "bwsdf-hilfen-vor-dem-fall-2021-Q4.csv" }?.inhalt)
        #expect(hvf.contains(0xF6))
        #expect(!Textkodierung.istUTF8(hvf))
    }
}
