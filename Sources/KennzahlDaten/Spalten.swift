import Foundation
import KennzahlBasis
import KennzahlDefinition

struct KopfzeilenFehler: Error {
    var diagnosen: [Diagnose]
}

/// Where the source's columns are in a file's header. A class with constants: rows read it
/// without copying.
final class Spalten {
    let anzahl: Int
    let namen: [String]
    let id: Int?
    let gebiet: Int?
    let beginn: Int?
    let ende: Int?
    let anzahlSpalte: Int?
    let geburt: Int?
    let felder: [Int]

    init(
        anzahl: Int, namen: [String], id: Int?, gebiet: Int?, beginn: Int?, ende: Int?, anzahlSpalte: Int?,
        geburt: Int?, felder: [Int]
    ) {
        self.anzahl = anzahl
        self.namen = namen
        self.id = id
        self.gebiet = gebiet
        self.beginn = beginn
        self.ende = ende
        self.anzahlSpalte = anzahlSpalte
        self.geburt = geburt
        self.felder = felder
    }

    static func finde(
        _ kopf: CsvZeile, _ wert: (CsvFeld) -> UnsafeBufferPointer<UInt8>, quelle: Quelle,
        datei: String
    ) -> Result<Spalten, KopfzeilenFehler> {
        let namen = kopf.felder.map { wert($0).getrimmt.text }
        var fehlend: [Diagnose] = []
        func index(_ gesucht: String?, _ rolle: String) -> Int? {
            guard let g = gesucht else { return nil }
            if let i = namen.firstIndex(of: g) { return i }
            let klein = Schreibweise.vergleichsform(g)
            if let i = namen.firstIndex(where: { Schreibweise.vergleichsform($0) == klein }) { return i }
            let vorhanden = namen.map { "'\($0)'" }.joined(separator: ", ")
            let dateiname = datei.split(separator: "/").last.map(String.init) ?? datei
            // Point at the declaration in the catalogue: that is where the name is written.
            let ort = quelle.spaltenOrte[g] ?? Ort(datei: datei, zeile: kopf.zeile)
            fehlend.append(
                Diagnose(
                    DatenMeldung.spalteFehlt(
                        spalte: g, rolle: rolle, quelle: quelle.id, datei: dateiname, vorhanden: vorhanden),
                    ort: ort, hinweis: Aehnlichkeit.vorschlag(fuer: g, aus: namen).map { "meinten Sie '\($0)'?" }))
            return nil
        }
        let id = index(quelle.idSpalte, "Fallnummer")
        var gebiet: Int?
        switch quelle.gebiet {
        case .sozialraum(let n): gebiet = index(n, "Sozialraum")
        case .stadtviertel(let n): gebiet = index(n, "Stadtviertel")
        case .keine: break
        }
        let beginn = index(quelle.beginnSpalte, "Beginn")
        let ende = quelle.endeSpalte == quelle.beginnSpalte ? beginn : index(quelle.endeSpalte, "Ende")
        let anzahlSpalte = index(quelle.anzahlSpalte, "Anzahl")
        let geburt = index(quelle.geburtsdatumSpalte, "Geburtsdatum")
        let felder = quelle.felder.map { index($0.spalte, "Feld \($0.name)") ?? -1 }
        let s = Spalten(
            anzahl: namen.count, namen: namen, id: id, gebiet: gebiet, beginn: beginn, ende: ende,
            anzahlSpalte: anzahlSpalte, geburt: geburt, felder: felder)
        return fehlend.isEmpty ? .success(s) : .failure(KopfzeilenFehler(diagnosen: fehlend))
    }
}
