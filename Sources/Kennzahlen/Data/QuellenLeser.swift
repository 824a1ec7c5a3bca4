import Foundation

/// Reads the export files of one source, file by file, into `Datensatz` rows, rejecting every row
/// it cannot trust with a German reason. Keeps interned values across the files of the source.
///
/// Case lists must be read newest file first: a case listed in several quarterly exports counts
/// with its newest record (`Datensatz.naechsteDatei`).
public struct QuellenLeser {
    public let quelle: Quelle
    private let gebiete: Gebietsverzeichnis
    private let anzahlSozialraeume: Int

    private var roh: [ByteInterner]
    /// The decoded values of the interned raw values, shared with the row consumer.
    public let werte: QuellenWerte
    private var gebietRoh = ByteInterner()
    /// Per raw Sozialraum value: index, or -1 when unknown.
    private var gebietCache: [Int] = []
    private var ids = ByteInterner(kapazitaet: 1024)
    private var neuesteDatei: [Int] = []
    private var ersteZeile: [Int32] = []
    /// Missing columns already reported for this source.
    private var gemeldet = Set<String>()

    /// Rejected rows are reported in detail up to this many per file; all are counted.
    public static let detailGrenze = 50

    public init(quelle: Quelle, katalog: Katalog) {
        self.quelle = quelle
        gebiete = Gebietsverzeichnis(katalog)
        anzahlSozialraeume = katalog.sozialraeume.count
        roh = quelle.felder.map { _ in ByteInterner() }
        werte = QuellenWerte(felder: quelle.felder.count)
    }

    // MARK: Reading

    /// Reads one file. `dateiIndex` is the file's position in the source's sorted file list.
    /// Returns the file's statistics; problems go to `diagnosen` (missing columns are errors,
    /// rejected rows warnings).
    public mutating func lies(_ datei: Exportdatei, dateiIndex: Int, diagnosen: inout [Diagnose],
                              _ verarbeite: (Datensatz, QuellenWerte) -> Void) -> DateiStatistik {
        var statistik = DateiStatistik(pfad: datei.pfad, quelle: quelle.id, kodierung: quelle.kodierung ?? .utf8)
        guard let daten = FileManager.default.contents(atPath: datei.pfad) else {
            diagnosen.append(.fehler("KZ210", "Datei nicht lesbar", ort: Ort(datei: datei.pfad)))
            return statistik
        }
        var bytes: [UInt8]
        switch Textkodierung.nachUTF8([UInt8](daten), erklaert: quelle.kodierung) {
        case .failure(.utf16):
            diagnosen.append(.fehler("KZ211", "Datei ist in UTF-16 gespeichert; bitte als UTF-8 (CSV UTF-8) oder Windows-1252 speichern", ort: Ort(datei: datei.pfad)))
            return statistik
        case .failure(.keinUTF8):
            diagnosen.append(.fehler("KZ212", "Datei ist kein gültiges UTF-8, die Quelle erklärt aber 'kodierung \"utf-8\"'", ort: Ort(datei: datei.pfad)))
            return statistik
        case .success(let e):
            bytes = e.bytes
            statistik.kodierung = e.kodierung
        }
        let kopie = bytes.withUnsafeBufferPointer { CsvLeser.trennzeichen($0) }
        bytes.withUnsafeMutableBufferPointer { mp in
            let p = UnsafeBufferPointer(mp)
            var spalten: Spalten?
            var fehlerhafteKopfzeile = false
            var details = 0
            var weitere = 0
            CsvLeser.lies(mp, trennzeichen: kopie) { z in
                if fehlerhafteKopfzeile { return }
                guard let sp = spalten else {
                    if z.istLeer { return }
                    switch Spalten.finde(z, p, quelle: quelle, datei: datei.pfad) {
                    case .success(let s): spalten = s
                    case .failure(let f):
                        // Each missing column once per source, not once per quarterly file.
                        let neu = f.diagnosen.filter { !gemeldet.contains($0.text.components(separatedBy: " gibt es in ").first ?? $0.text) }
                        for d in neu { gemeldet.insert(d.text.components(separatedBy: " gibt es in ").first ?? d.text) }
                        diagnosen.append(contentsOf: neu.isEmpty ? [.fehler("KZ215", "Kopfzeile passt nicht zur Quelle '\(quelle.id)' (siehe oben)", ort: Ort(datei: datei.pfad, zeile: z.zeile))] : neu)
                        fehlerhafteKopfzeile = true
                    }
                    return
                }
                // Empty lines, and Excel's lines of bare delimiters, carry no data.
                if z.istLeer || (z.problem == nil && z.felder.allSatisfy { p.getrimmt($0).isEmpty }) { return }
                statistik.zeilenGelesen += 1
                switch zeile(z, p, sp, datei: datei, dateiIndex: dateiIndex) {
                case .success(let satz):
                    statistik.uebernommen += 1
                    verarbeite(satz, werte)
                case .failure(let v):
                    statistik.verworfen[v.grund, default: 0] += 1
                    if details < QuellenLeser.detailGrenze {
                        details += 1
                        diagnosen.append(.warnung("KZ220", "Zeile verworfen: \(v.text)",
                                                  ort: Ort(datei: datei.pfad, zeile: z.zeile), hinweis: v.hinweis))
                    } else {
                        weitere += 1
                    }
                }
            }
            if spalten == nil && !fehlerhafteKopfzeile {
                diagnosen.append(.fehler("KZ213", "Datei ist leer: keine Kopfzeile gefunden", ort: Ort(datei: datei.pfad)))
            }
            if weitere > 0 {
                diagnosen.append(.warnung("KZ221", "\(weitere) weitere Zeilen verworfen (Einzelheiten oben für die ersten \(QuellenLeser.detailGrenze))",
                                          ort: Ort(datei: datei.pfad)))
            }
        }
        return statistik
    }

    private struct Verwerfung: Error {
        var grund: String
        var text: String
        var hinweis: String?
    }

    private mutating func zeile(_ z: CsvZeile, _ p: UnsafeBufferPointer<UInt8>, _ sp: Spalten, datei: Exportdatei,
                                dateiIndex: Int) -> Result<Datensatz, Verwerfung> {
        if let problem = z.problem {
            return .failure(Verwerfung(grund: "Anführungszeichen nicht geschlossen", text: problem))
        }
        if z.felder.count != sp.anzahl {
            let zuviel = z.felder.count > sp.anzahl && z.felder[sp.anzahl...].allSatisfy { p.getrimmt($0).isEmpty }
            if !zuviel {
                return .failure(Verwerfung(grund: "falsche Anzahl Felder",
                                           text: "Zeile hat \(z.felder.count) Felder, die Kopfzeile \(sp.anzahl)"))
            }
        }
        var satz = Datensatz(zeile: z.zeile, gebiet: anzahlSozialraeume, beginn: nil, ende: nil, anzahl: 0,
                             naechsteDatei: Int.max, werte: [], geburt: nil)
        // Sozialraum or Stadtviertel.
        if let g = sp.gebiet {
            let r = p.getrimmt(z.felder[g])
            if !r.isEmpty {
                let id = Int(gebietRoh.intern(p, r))
                if id == gebietCache.count {
                    let text = p.text(r)
                    switch quelle.gebiet {
                    case .stadtviertel: gebietCache.append(gebiete.stadtviertel(text) ?? -1)
                    default: gebietCache.append(gebiete.sozialraum(text) ?? -1)
                    }
                }
                let index = gebietCache[id]
                if index < 0 {
                    let text = p.text(r)
                    if case .stadtviertel = quelle.gebiet {
                        return .failure(Verwerfung(grund: "unbekanntes Stadtviertel",
                                                   text: "unbekanntes Stadtviertel '\(text)' (Spalte '\(sp.namen[g])')",
                                                   hinweis: Aehnlichkeit.vorschlag(fuer: text, aus: gebiete.alleViertel).map { "meinten Sie '\($0)'?" }))
                    }
                    return .failure(Verwerfung(grund: "unbekannter Sozialraum",
                                               text: "unbekannter Sozialraum '\(text)' (Spalte '\(sp.namen[g])')",
                                               hinweis: Aehnlichkeit.vorschlag(fuer: text, aus: gebiete.alleNamen).map { "meinten Sie '\($0)'?" }))
                }
                satz.gebiet = index
            }
        }
        // Dates.
        if let b = sp.beginn {
            let r = p.getrimmt(z.felder[b])
            if r.isEmpty {
                return .failure(Verwerfung(grund: "Datum fehlt", text: "Datum fehlt (Spalte '\(sp.namen[b])')"))
            }
            guard let t = DatumLeser.tag(p, r.lowerBound, r.upperBound) else {
                return .failure(Verwerfung(grund: "unlesbares Datum", text: "unlesbares Datum '\(p.text(r))' (Spalte '\(sp.namen[b])')"))
            }
            satz.beginn = t
        }
        if let e = sp.ende, e != sp.beginn {
            let r = p.getrimmt(z.felder[e])
            if !r.isEmpty {
                guard let t = DatumLeser.tag(p, r.lowerBound, r.upperBound) else {
                    return .failure(Verwerfung(grund: "unlesbares Datum", text: "unlesbares Datum '\(p.text(r))' (Spalte '\(sp.namen[e])')"))
                }
                if let b = satz.beginn, t < b {
                    return .failure(Verwerfung(grund: "Ende vor Beginn", text: "Ende \(t.deutsch) liegt vor dem Beginn \(b.deutsch)"))
                }
                satz.ende = t
            }
        } else if sp.ende != nil {
            satz.ende = satz.beginn
        }
        if let g = sp.geburt {
            let r = p.getrimmt(z.felder[g])
            if !r.isEmpty {
                guard let t = DatumLeser.tag(p, r.lowerBound, r.upperBound) else {
                    return .failure(Verwerfung(grund: "unlesbares Datum", text: "unlesbares Datum '\(p.text(r))' (Spalte '\(sp.namen[g])')"))
                }
                satz.geburt = t
            }
        }
        // Count.
        if let a = sp.anzahlSpalte {
            let r = p.getrimmt(z.felder[a])
            guard let f = ZahlLeser.festkomma(p, r.lowerBound, r.upperBound) else {
                return .failure(Verwerfung(grund: "unlesbare Zahl", text: "unlesbare Zahl '\(p.text(r))' (Spalte '\(sp.namen[a])')"))
            }
            satz.anzahl = f.hundertstelCent
        }
        // Declared fields.
        satz.werte.reserveCapacity(quelle.felder.count)
        for (fi, feld) in quelle.felder.enumerated() {
            let spalte = sp.felder[fi]
            let r = p.getrimmt(z.felder[spalte])
            let id = roh[fi].intern(p, r)
            if Int(id) == werte.gueltig[fi].count { lerneWert(feld: fi, id: id, text: p.text(r)) }
            if !werte.gueltig[fi][Int(id)] {
                let text = p.text(r)
                switch feld.typ {
                case .zahl:
                    return .failure(Verwerfung(grund: "unlesbare Zahl", text: "unlesbare Zahl '\(text)' (Spalte '\(sp.namen[spalte])')"))
                case .datum:
                    return .failure(Verwerfung(grund: "unlesbares Datum", text: "unlesbares Datum '\(text)' (Spalte '\(sp.namen[spalte])')"))
                case .text:
                    return .failure(Verwerfung(grund: "unbekannter Wert",
                                               text: "unbekannter Wert '\(text)' (Spalte '\(sp.namen[spalte])'; bekannt: \(feld.werte.keys.sorted().joined(separator: ", ")))",
                                               hinweis: Aehnlichkeit.vorschlag(fuer: text, aus: feld.werte.keys.sorted() + feld.zielwerte).map { "meinten Sie '\($0)'?" }))
                }
            }
            satz.werte.append(id)
        }
        // Case id last: only accepted rows claim their id.
        if let c = sp.id {
            let r = p.getrimmt(z.felder[c])
            if r.isEmpty {
                return .failure(Verwerfung(grund: "Fallnummer fehlt", text: "Fallnummer fehlt (Spalte '\(sp.namen[c])')"))
            }
            let fall = Int(ids.intern(p, r))
            if fall == neuesteDatei.count {
                neuesteDatei.append(Int.max)
                ersteZeile.append(0)
            }
            if neuesteDatei[fall] == dateiIndex {
                return .failure(Verwerfung(grund: "doppelte Fallnummer",
                                           text: "doppelte Fallnummer '\(p.text(r))' (schon in Zeile \(ersteZeile[fall]))"))
            }
            satz.naechsteDatei = neuesteDatei[fall]
            neuesteDatei[fall] = dateiIndex
            ersteZeile[fall] = Int32(clamping: z.zeile)
        }
        return .success(satz)
    }

    private mutating func lerneWert(feld fi: Int, id: Int32, text: String) {
        let feld = quelle.felder[fi]
        var katalogText: String? = text
        var zahl: Festkomma?
        var tag: Tag?
        var ok = true
        switch feld.typ {
        case .text:
            if !feld.werte.isEmpty && !text.isEmpty {
                if let z = feld.werte[text] {
                    katalogText = z
                } else if feld.zielwerte.contains(text) {
                    katalogText = text
                } else {
                    katalogText = nil
                    ok = false
                }
            }
        case .zahl:
            if !text.isEmpty {
                zahl = ZahlLeser.festkomma(aus: text)
                ok = zahl != nil
            }
        case .datum:
            if !text.isEmpty {
                tag = DatumLeser.tag(aus: text)
                ok = tag != nil
            }
        }
        werte.texte[fi].append(katalogText)
        werte.zahlen[fi].append(zahl)
        werte.tage[fi].append(tag)
        werte.gueltig[fi].append(ok)
    }
}

/// The decoded meaning of every interned raw value of a source's fields.
public final class QuellenWerte {
    /// Per field, per raw id: catalogue text (nil = unknown value).
    fileprivate(set) var texte: [[String?]]
    fileprivate(set) var zahlen: [[Festkomma?]]
    fileprivate(set) var tage: [[Tag?]]
    fileprivate(set) var gueltig: [[Bool]]

    init(felder: Int) {
        texte = Array(repeating: [], count: felder)
        zahlen = Array(repeating: [], count: felder)
        tage = Array(repeating: [], count: felder)
        gueltig = Array(repeating: [], count: felder)
    }

    /// The catalogue text of a field's value (after value mapping), trimmed.
    public func text(feld: Int, id: Int32) -> String { texte[feld][Int(id)] ?? "" }
    public func zahl(feld: Int, id: Int32) -> Festkomma? { zahlen[feld][Int(id)] }
    public func tag(feld: Int, id: Int32) -> Tag? { tage[feld][Int(id)] }
}

struct KopfzeilenFehler: Error {
    var diagnosen: [Diagnose]
}

/// Where the source's columns are in a file's header.
struct Spalten {
    var anzahl: Int
    var namen: [String]
    var id: Int?
    var gebiet: Int?
    var beginn: Int?
    var ende: Int?
    var anzahlSpalte: Int?
    var geburt: Int?
    var felder: [Int]


    static func finde(_ kopf: CsvZeile, _ p: UnsafeBufferPointer<UInt8>, quelle: Quelle, datei: String) -> Result<Spalten, KopfzeilenFehler> {
        let namen = kopf.felder.map { p.text(p.getrimmt($0)) }
        var fehlend: [Diagnose] = []
        func index(_ gesucht: String?, _ rolle: String) -> Int? {
            guard let g = gesucht else { return nil }
            if let i = namen.firstIndex(of: g) { return i }
            let klein = Semantik.vergleichsform(g)
            if let i = namen.firstIndex(where: { Semantik.vergleichsform($0) == klein }) { return i }
            let vorhanden = namen.map { "'\($0)'" }.joined(separator: ", ")
            let dateiname = datei.split(separator: "/").last.map(String.init) ?? datei
            // Point at the declaration in the catalogue: that is where the name is written.
            let ort = quelle.spaltenOrte[g] ?? Ort(datei: datei, zeile: kopf.zeile)
            fehlend.append(.fehler("KZ214", "Spalte '\(g)' (\(rolle) der Quelle '\(quelle.id)') gibt es in \(dateiname) nicht; vorhanden: \(vorhanden)",
                                   ort: ort, hinweis: Aehnlichkeit.vorschlag(fuer: g, aus: namen).map { "meinten Sie '\($0)'?" }))
            return nil
        }
        var s = Spalten(anzahl: namen.count, namen: namen, felder: [])
        s.id = index(quelle.idSpalte, "Fallnummer")
        switch quelle.gebiet {
        case .sozialraum(let n): s.gebiet = index(n, "Sozialraum")
        case .stadtviertel(let n): s.gebiet = index(n, "Stadtviertel")
        case .keine: break
        }
        s.beginn = index(quelle.beginnSpalte, "Beginn")
        s.ende = quelle.endeSpalte == quelle.beginnSpalte ? s.beginn : index(quelle.endeSpalte, "Ende")
        s.anzahlSpalte = index(quelle.anzahlSpalte, "Anzahl")
        s.geburt = index(quelle.geburtsdatumSpalte, "Geburtsdatum")
        for f in quelle.felder {
            s.felder.append(index(f.spalte, "Feld \(f.name)") ?? -1)
        }
        return fehlend.isEmpty ? .success(s) : .failure(KopfzeilenFehler(diagnosen: fehlend))
    }
}
