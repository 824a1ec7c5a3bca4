import Foundation
import KennzahlTesthilfen
import Testing

@testable import KennzahlBasis
@testable import KennzahlBeispiele
@testable import KennzahlDaten
@testable import KennzahlDefinition
@testable import KennzahlKommandozeile

/// Deterministic mutations of real inputs: every input must end in a result or in diagnostics,
/// never in a trap or a hang. By default 2000 rounds over the Ulm catalogue, 3000 over the heads of
/// the Ulm sample exports and 300 over a hand-made export; a longer campaign:
/// `KENNZAHL_MUTATIONEN=30000 swift test --filter MutationsTests` (ten times as many rounds each
/// over catalogue and samples). Coverage-guided fuzzing with libFuzzer: `Tests/Fuzz/run`.
@Suite struct MutationsTests {
    static let runden = Int(ProcessInfo.processInfo.environment["KENNZAHL_MUTATIONEN"] ?? "") ?? 300

    struct Zufall {
        var z: UInt64
        mutating func next(_ n: Int) -> Int {
            z = z &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((z >> 33) % UInt64(max(1, n)))
        }
    }

    static func mutiere(_ b: [UInt8], _ r: inout Zufall) -> [UInt8] {
        var x = b
        let bausteine: [[UInt8]] = [
            Array("\"".utf8), Array(";".utf8), Array("\n".utf8), Array("{".utf8), Array("}".utf8),
            Array("wo".utf8), Array("-".utf8), Array("31.02.2021".utf8), [0xFF], [0xC3], [0x00], Array("ä".utf8),
        ]
        for _ in 0..<(1 + r.next(4)) {
            guard !x.isEmpty else { break }
            let i = r.next(x.count)
            switch r.next(4) {
            case 0: x.remove(at: i)
            case 1: x.insert(contentsOf: bausteine[r.next(bausteine.count)], at: i)
            case 2: x[i] = UInt8(truncatingIfNeeded: r.next(256))
            default:
                let j = min(x.count, i + r.next(40))
                x.removeSubrange(i..<j)
            }
        }
        return x
    }

    /// Each round mutates one file of the Ulm catalogue (2000 rounds by default).
    @Test(.timeLimit(.minutes(2)))
    func definitionenEndenInDiagnosenOderErfolg() throws {
        let namen = try FileManager.default.contentsOfDirectory(atPath: Paket.definitionenUlm).filter {
            $0.hasSuffix(".kz")
        }.sorted()
        let originale = try namen.map {
            try #require(FileManager.default.contents(atPath: Paket.definitionenUlm + "/" + $0)).map { $0 }
        }
        var r = Zufall(z: 2023)
        for _ in 0..<(MutationsTests.runden * 20 / 3) {
            let opfer = r.next(namen.count)
            var texte = zip(namen, originale).map { (pfad: $0.0, text: String(decoding: $0.1, as: UTF8.self)) }
            texte[opfer].text = String(decoding: MutationsTests.mutiere(originale[opfer], &r), as: UTF8.self)
            let (k, d) = KatalogLeser.lade(texte: texte)
            #expect(k != nil || d.contains { $0.schwere == .fehler })
        }
    }

    @Test(.timeLimit(.minutes(2)))
    func exporteEndenInZeilenOderVerwerfungen() throws {
        let k = try katalog(kleinerKatalog)
        let gut = Array(
            "Fall;Sozialraum;Form;Beginn;Ende\r\n1;Nord;a;01.01.2020;\r\n2;\"Süd\";s;15.03.2021;\r\n3;N;a;01.02.2021;30.03.2021\r\n"
                .utf8)
        var r = Zufall(z: 7)
        let f = try Fixture([:])
        let q = Zeitraum.quartal(Quartal(jahr: 2021, nummer: 1))
        var geprueft = 0
        for _ in 0..<MutationsTests.runden {
            try f.schreibe("hilfen-2021-Q1.csv", MutationsTests.mutiere(gut, &r))
            let (a, d) = try werte(k, f, [("AMB", q), ("ANTEIL", q)])
            if let s = a.statistik.first, !d.contains(where: { $0.schwere == .fehler }) {
                #expect(s.uebernommen + s.verworfenGesamt == s.zeilenGelesen)
                geprueft += 1
            }
        }
        // Many mutated files are still read (about 46 % with the default seed): the rounds test
        // rows, not only broken headers.
        #expect(geprueft * 4 > MutationsTests.runden, "nur \(geprueft) von \(MutationsTests.runden) Runden gelesen")
    }

    /// Mutated heads (first 40 lines) of every Ulm sample export, read by the source's reader with a
    /// random small block size: every data line ends up taken or rejected, counted once, or the file
    /// ends in an error. 3000 rounds by default.
    @Test(.timeLimit(.minutes(2)))
    func beispielexporteEndenInZeilenOderVerwerfungen() throws {
        let (k, d) = KatalogLeser.lade(ordner: Paket.definitionenUlm)
        let katalog = try #require(k, "\(d)")
        let bestand = try #require(Datenbestand.finde(ordner: Paket.beispieleUlm, katalog: katalog).0)
        var vorlagen: [(quelle: Int, datei: Exportdatei, kopf: [UInt8])] = []
        for (qi, dateien) in bestand.dateien.enumerated() {
            for datei in dateien {
                let bytes = try #require(FileManager.default.contents(atPath: datei.pfad)).map { $0 }
                let ende = bytes.indices.filter { bytes[$0] == 0x0A }.dropFirst(39).first ?? bytes.count - 1
                vorlagen.append((qi, datei, Array(bytes[...ende])))
            }
        }
        #expect(vorlagen.count > 50)
        let f = try Fixture([:])
        var r = Zufall(z: 1952)
        var zeilen = 0
        for _ in 0..<(MutationsTests.runden * 10) {
            let v = vorlagen[r.next(vorlagen.count)]
            let name = (v.datei.pfad as NSString).lastPathComponent
            try f.schreibe(name, MutationsTests.mutiere(v.kopf, &r))
            var leser = QuellenLeser(
                quelle: katalog.quellen[v.quelle], katalog: katalog, blockgroesse: 64 + r.next(2000))
            var diagnosen: [Diagnose] = []
            var saetze = 0
            let s = leser.lies(
                Exportdatei(pfad: f.ordner + "/" + name, periode: v.datei.periode), dateiIndex: 0, diagnosen: &diagnosen
            ) { _, _ in saetze += 1 }
            if !diagnosen.contains(where: { $0.schwere == .fehler }) {
                #expect(s.uebernommen + s.verworfenGesamt == s.zeilenGelesen, "\(name)")
                #expect(saetze == s.uebernommen, "\(name)")
                zeilen += s.zeilenGelesen
            }
        }
        // The mutations leave most files readable: the rounds test rows, not only broken headers.
        #expect(zeilen > MutationsTests.runden * 100)
    }
}
