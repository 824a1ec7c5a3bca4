import Foundation

// libFuzzer entry for the export reader: any bytes as a case export must end in accepted or
// rejected rows (every row counted once) or in an error diagnostic, never in a trap or a hang.
// A small block size drives rows, quotes and multi-byte characters across block boundaries.
// Built and run by Tests/Fuzz/run.

private let katalogText = """
    katalog "Fuzz" { gesamt "Stadt"; produkt 2 "Fallzahlen" }
    sozialraum "Nord" { codes "N" }
    sozialraum "Süd" { codes "S" }
    quelle hilfen "Testsystem" {
      art faelle
      datei "hilfen-{quartal}.csv"
      id "Fall"
      sozialraum "Sozialraum"
      beginn "Beginn"
      ende "Ende"
      geburtsdatum "Geburt"
      feld form "Form" { "a" -> "ambulant"; "s" -> "stationär" }
      feld kosten "Kosten" zahl
    }
    """

private let katalog: Katalog = {
    guard let k = KatalogLeser.lade(texte: [(pfad: "fuzz.kz", text: katalogText)]).0 else {
        fatalError("Fuzz-Katalog ungültig")
    }
    return k
}()

private let pfad = NSTemporaryDirectory() + "kennzahl-fuzz-\(getpid())-hilfen-2021-Q1.csv"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExport(_ daten: UnsafePointer<UInt8>, _ laenge: Int) -> CInt {
    guard FileManager.default.createFile(atPath: pfad, contents: Data(bytes: daten, count: laenge)) else {
        fatalError("Kann \(pfad) nicht schreiben")
    }
    let blockgroesse = laenge > 0 ? 16 + Int(daten[0] % 64) : 64
    var leser = QuellenLeser(quelle: katalog.quellen[0], katalog: katalog, blockgroesse: blockgroesse)
    var diagnosen: [Diagnose] = []
    var saetze = 0
    let datei = Exportdatei(pfad: pfad, periode: .quartal(Quartal(jahr: 2021, nummer: 1)))
    let s = leser.lies(datei, dateiIndex: 0, diagnosen: &diagnosen) { _, _ in saetze += 1 }
    if diagnosen.contains(where: { $0.code == "KZ216" }) {
        fatalError("Zeilenbilanz gemeldet: \(diagnosen.map(\.zeile))")
    }
    if !diagnosen.contains(where: { $0.schwere == .fehler }) {
        if s.uebernommen + s.verworfenGesamt != s.zeilenGelesen || saetze != s.uebernommen {
            fatalError(
                "Zeilen verloren: gelesen \(s.zeilenGelesen), übernommen \(s.uebernommen), verworfen \(s.verworfenGesamt), Datensätze \(saetze)"
            )
        }
        // Physical lines counted here, independently of the reader (after BOMs and before any
        // conversion: Windows-1252 keeps line breaks).
        let physisch = physischeZeilen(UnsafeBufferPointer(start: daten, count: laenge))
        if s.physischeZeilen != physisch || s.verbuchteZeilen != physisch {
            fatalError("Zeilenbilanz: \(physisch) Zeilen, Leser \(s.physischeZeilen), verbucht \(s.verbuchteZeilen)")
        }
    }
    return 0
}

/// Line breaks (CRLF, LF, CR) plus a last line without one; leading UTF-8 BOMs skipped.
private func physischeZeilen(_ b: UnsafeBufferPointer<UInt8>) -> Int {
    var i = 0
    while i + 3 <= b.count && b[i] == 0xEF && b[i + 1] == 0xBB && b[i + 2] == 0xBF { i += 3 }
    let anfang = i
    var n = 0
    while i < b.count {
        if b[i] == 0x0A {
            n += 1
        } else if b[i] == 0x0D {
            n += 1
            if i + 1 < b.count && b[i + 1] == 0x0A { i += 1 }
        }
        i += 1
    }
    if b.count > anfang, let letztes = b.last, letztes != 0x0A && letztes != 0x0D { n += 1 }
    return n
}
