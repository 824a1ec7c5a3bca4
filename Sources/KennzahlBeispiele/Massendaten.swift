import Foundation
import KennzahlBasis
import KennzahlBericht
import KennzahlDaten
import KennzahlDefinition

/// A large export set for measurements (`kennzahl samples ulm --rows N`): the Ulm sample set with
/// its two biggest sources – the ProSoz Jugendhilfe and the OPEN/PROSOZ exports, 2020-Q1 …
/// 2022-Q4 – replaced by synthetic case lists of about `N` rows in total, half each. The catalogue
/// `Definitions/ulm` evaluates it unchanged.
///
/// Files are streamed to disk (a 5-million-row set is about 500 MB); the set appears atomically.
/// The published Ulm figures do not hold for it: only the small sources are the real samples.
package enum Massendaten {
    package struct Ergebnis: Sendable {
        package var dateien: Int
        package var zeilen: Int
        package var bytes: Int
    }

    package static func schreibe(zeilen: Int, seed: UInt64, nach ziel: String) throws -> Ergebnis {
        var ergebnis = Ergebnis(dateien: 0, zeilen: 0, bytes: 0)
        // The big set has the sample set's file names: only those may be replaced.
        let namen = Set(UlmBeispiel.dateien(seed: seed).map(\.pfad))
        try Ausgabe.schreibe(nach: ziel, eigene: { namen.contains($0) }) { ordner in
            for d in UlmBeispiel.dateien(seed: seed)
            where !d.pfad.hasPrefix("prosoz-jugendhilfe-") && !d.pfad.hasPrefix("open-sozialhilfe-") {
                let text = d.pfad == "LIESMICH.txt" ? Array(liesmich(zeilen: zeilen, seed: seed).utf8) : d.inhalt
                try Data(text).write(to: try Ausgabe.pfad(d.pfad, in: ordner))
                ergebnis.dateien += 1
                ergebnis.zeilen += text.filter { $0 == 0x0A }.count
                ergebnis.bytes += text.count
            }
            var g = Generator(seed: seed)
            for art in [Art.jugendhilfe, .open] {
                let faelle = g.faelle(zeilen: zeilen / 2, art: art)
                for q in 1...12 {
                    let quartal = Quartal(jahr: 2019, nummer: 4).verschoben(um: q)
                    let name =
                        (art == .jugendhilfe ? "prosoz-jugendhilfe-" : "open-sozialhilfe-") + quartal.name + ".csv"
                    let (z, b) = try g.export(
                        faelle, art: art, quartal: quartal, nach: try Ausgabe.pfad(name, in: ordner))
                    ergebnis.dateien += 1
                    ergebnis.zeilen += z
                    ergebnis.bytes += b
                }
            }
        }
        return ergebnis
    }

    static func liesmich(zeilen: Int, seed: UInt64) -> String {
        """
        \(Beispiele.kennzeichen) (Katalog Definitions/ulm), großer Datensatz für Messungen
        ==========================================================================================

        Wie Samples/ulm, aber die Exporte prosoz-jugendhilfe-* und open-sozialhilfe-* sind durch
        erfundene Falllisten mit zusammen etwa \(zeilen) Zeilen ersetzt. Die in GD 072/23
        veröffentlichten Zahlen gelten für diesen Datensatz nicht.

        Neu erzeugen: swift run -c release kennzahl samples ulm --rows \(zeilen) --seed \(seed)

        """
    }

    enum Art { case jugendhilfe, open }

    /// One case, compact: days as `Tag.nummer`, attributes as small numbers.
    struct Fall {
        var beginn: Int32
        /// `Int32.max`: still open.
        var ende: Int32
        /// 0…4 Sozialraum, 5 none.
        var raum: UInt8
        /// Index into the category list of the source.
        var art: UInt8
        /// Stadtviertel (OPEN) within the Sozialraum, or a note (Jugendhilfe).
        var zusatz: UInt8
        /// Birth date (Jugendhilfe) or birth year and monthly need in cents (OPEN).
        var geburt: Int32
        var betrag: Int32
    }

    static let jugendhilfeArten: [(hilfeart: String, form: String, uma: String, gewicht: Int)] = [
        ("27.2", "amb", "N", 12), ("30", "amb", "N", 10), ("31", "amb", "N", 30), ("35a", "amb", "N", 8),
        ("33", "stat", "N", 14), ("34", "stat", "N", 18), ("35a", "stat", "N", 3), ("34", "stat", "J", 3),
        ("30", "amb", "J", 2),
    ]
    static let notizen = [
        "", "", "", "", "", "", "Hilfeplan fortgeschrieben; nächstes Gespräch im Herbst",
        "Fallübergabe aus anderem Sozialraum",
        "Mutter: \"läuft gut\"", "Hilfeplangespräch verschoben",
    ]

    struct Generator {
        var rng: Zufall
        /// The window of the exports: 01.01.2020 … 31.12.2022.
        let von = Tag(jahr: 2020, monat: 1, tag: 1)!.nummer
        let bis = Tag(jahr: 2022, monat: 12, tag: 31)!.nummer
        /// "dd.mm.yyyy" per day from 1900 on, built once.
        let datumText: [[UInt8]]
        let ersterTag = Tag(jahr: 1900, monat: 1, tag: 1)!.nummer

        init(seed: UInt64) {
            rng = Zufall(seed: seed ^ 0x4D41_5353_454E)
            let erster = Tag(jahr: 1900, monat: 1, tag: 1)!.nummer
            let letzter = Tag(jahr: 2023, monat: 12, tag: 31)!.nummer
            datumText = (erster...letzter).map { Array(Tag(nummer: $0).deutsch.utf8) }
        }

        /// Cases until their rows in the twelve quarterly exports reach `zeilen`.
        mutating func faelle(zeilen: Int, art: Art) -> [Fall] {
            let start = Tag(jahr: 2016, monat: 1, tag: 1)!.nummer
            let artGewichte =
                art == .jugendhilfe ? Massendaten.jugendhilfeArten.map(\.gewicht) : UlmGenerator.openArten.map(\.anker)
            var liste: [Fall] = []
            var summe = 0
            while summe < zeilen {
                let beginn = Int32(rng.zahl(Int(start)...Int(bis)))
                let dauer = rng.zahl(20...(art == .jugendhilfe ? 1_100 : 2_500))
                let endeTag = Int(beginn) + dauer
                let ende = endeTag > Int(bis) + 200 ? Int32.max : Int32(endeTag)
                guard ende >= von else { continue }
                let raum = UInt8(rng.promille(12) ? 5 : rng.gewichtet([11, 20, 25, 23, 21]))
                let a = UInt8(rng.gewichtet(artGewichte))
                var f = Fall(beginn: beginn, ende: ende, raum: raum, art: a, zusatz: 0, geburt: 0, betrag: 0)
                switch art {
                case .jugendhilfe:
                    let uma = Massendaten.jugendhilfeArten[Int(a)].uma == "J"
                    f.geburt = beginn - Int32((uma ? rng.zahl(14...17) : rng.zahl(0...16)) * 365 + rng.zahl(0...364))
                    f.zusatz = UInt8(rng.zahl(0...(Massendaten.notizen.count - 1)))
                case .open:
                    if raum < 5 { f.zusatz = UInt8(rng.gewichtet(UlmGenerator.viertel[Int(raum)].map(\.1))) }
                    f.geburt = Int32(Tag(nummer: beginn).jahr - rng.zahl(19...85))
                    let leistung = UlmGenerator.openArten[Int(a)].leistung
                    let basis = leistung == "GSI" ? 95_000 : leistung == "HzP" ? 180_000 : 60_000
                    f.betrag = Int32(basis + rng.zahl(-25_000...45_000))
                }
                summe += quartale(f)
                liste.append(f)
            }
            return liste
        }

        /// In how many of the twelve exports the case appears.
        func quartale(_ f: Fall) -> Int {
            (1...12).reduce(0) { n, q in
                let quartal = Quartal(jahr: 2019, nummer: 4).verschoben(um: q)
                return n + (f.beginn <= quartal.letzterTag.nummer && f.ende >= quartal.ersterTag.nummer ? 1 : 0)
            }
        }

        func datum(_ nummer: Int32) -> [UInt8] { datumText[Int(nummer - ersterTag)] }

        /// Writes the export of one quarter: every case open on some day of it, the end shown once
        /// it has happened. Returns rows and bytes.
        func export(_ faelle: [Fall], art: Art, quartal: Quartal, nach url: URL) throws -> (Int, Int) {
            guard FileManager.default.createFile(atPath: url.path, contents: nil),
                let h = try? FileHandle(forWritingTo: url)
            else {
                throw Ausgabe.Fehler(pfad: url.path, grund: "Datei lässt sich nicht anlegen")
            }
            defer { try? h.close() }
            let erster = quartal.ersterTag.nummer, letzter = quartal.letzterTag.nummer
            var puffer: [UInt8] = [0xEF, 0xBB, 0xBF]
            puffer.reserveCapacity(1 << 21)
            var bytes = 0
            func feld(_ s: String) { puffer.append(contentsOf: s.utf8) }
            func feld(_ b: [UInt8]) { puffer.append(contentsOf: b) }
            func trenner() { puffer.append(0x3B) }
            func zeilenende() { puffer.append(0x0D); puffer.append(0x0A) }
            func nummer(_ praefix: String, _ n: Int) {
                feld(praefix)
                let z = String(n + 1)
                for _ in z.count..<7 { puffer.append(0x30) }
                feld(z)
            }
            switch art {
            case .jugendhilfe:
                feld(
                    "Fallnummer;Personennummer;Sozialraum;Hilfeart;Hilfeform;UMA;Hilfebeginn;Hilfeende;Geburtsdatum;Bemerkung"
                )
            case .open:
                feld(
                    "Aktenzeichen;Stadtviertel;Leistung;Unterbringung;Wohnform;Bewilligt ab;Bewilligt bis;Geburtsjahr;Bruttobedarf mtl."
                )
            }
            zeilenende()
            var zeilen = 0
            for (i, f) in faelle.enumerated() where f.beginn <= letzter && f.ende >= erster {
                zeilen += 1
                let ende = f.ende <= letzter ? datum(f.ende) : []
                switch art {
                case .jugendhilfe:
                    let a = Massendaten.jugendhilfeArten[Int(f.art)]
                    nummer("JH-", i); trenner()
                    nummer("P-", i); trenner()
                    if f.raum < 5 { feld(UlmGenerator.raeume[Int(f.raum)]) }
                    trenner()
                    feld(a.hilfeart); trenner(); feld(a.form); trenner(); feld(a.uma); trenner()
                    feld(datum(f.beginn)); trenner(); feld(ende); trenner(); feld(datum(f.geburt)); trenner()
                    feld(CsvSchreiber.feld(Massendaten.notizen[Int(f.zusatz)]))
                case .open:
                    let a = UlmGenerator.openArten[Int(f.art)]
                    nummer("O-", i); trenner()
                    if f.raum < 5 { feld(UlmGenerator.viertel[Int(f.raum)][Int(f.zusatz)].0) }
                    trenner()
                    feld(a.leistung); trenner(); feld(a.unterbringung); trenner(); feld(a.wohnform); trenner()
                    feld(datum(f.beginn)); trenner(); feld(ende); trenner(); feld(String(f.geburt)); trenner()
                    feld(String(f.betrag / 100)); puffer.append(0x2C)
                    let cent = f.betrag % 100
                    if cent < 10 { puffer.append(0x30) }
                    feld(String(cent))
                }
                zeilenende()
                if puffer.count >= 1 << 20 {
                    try h.write(contentsOf: puffer)
                    bytes += puffer.count
                    puffer.removeAll(keepingCapacity: true)
                }
            }
            try h.write(contentsOf: puffer)
            bytes += puffer.count
            return (zeilen + 1, bytes)
        }
    }
}
