import Foundation
import KennzahlBasis
import KennzahlDefinition

/// Reads the export files of one source, file by file and block by block, into `Datensatz` rows,
/// rejecting every row it cannot trust with a German reason. Keeps interned values across the
/// files of the source. Memory does not grow with the size of a file: only with the number of
/// distinct case ids and values.
///
/// Case lists must be read newest file first: a case listed in several quarterly exports counts
/// with its newest record (`Datensatz.naechsteDatei`).
package struct QuellenLeser {
    let quelle: Quelle
    let gebiete: Gebietsverzeichnis
    let anzahlSozialraeume: Int
    /// Per field: whether its values must be interned (a counting reads it, or its values are
    /// checked against a mapping). Number fields are parsed per row; other fields only validated.
    let interniert: [Bool]
    /// Per field: interned only when a distinct count reads it (`SpaeteWerte`).
    let spaet: [Bool]
    /// The interner of such fields, shared with the tallies of this source.
    package let spaeteWerte: SpaeteWerte
    let typen: [FeldTyp]

    var roh: [ByteInterner]
    /// Per field: whether some value was refused (unknown code, unreadable date); only then does
    /// a row look its value up among the refused ones.
    var hatUngueltige: [Bool]
    /// Per field: how many values `lerneWert` has seen (ids below are known).
    var gelernt: [Int]
    /// The decoded values of the interned raw values, shared with the row consumer.
    let werte: QuellenWerte
    var gebietRoh = ByteInterner()
    /// Per raw Sozialraum value: index, or -1 when unknown.
    var gebietCache: [Int] = []
    var ids = ByteInterner(kapazitaet: 1024)
    /// Reading a piece of a split file: its case ids, compact (`ids` stays empty).
    var kompakt: Fallnummern? {
        didSet { kompaktRoh = kompakt.map { Unmanaged.passUnretained($0) } }
    }
    /// The same, unretained, for the row loop (`kompakt` keeps it alive).
    private var kompaktRoh: Unmanaged<Fallnummern>?
    /// Reading a piece: the bytes put in front of the file's (the header line).
    var vorspannLaenge = 0
    /// Per case id: the newest file read so far that lists it, and its line there.
    let neuesteDatei = Wachsfeld<Int32>(kapazitaet: 1024)
    let ersteZeile = Wachsfeld<Int32>(kapazitaet: 1024)
    /// Missing columns already reported for this source.
    var gemeldet = Set<String>()
    /// Suggestions for refused values, computed once per distinct value.
    let vorschlaege = Vorschlaege()
    let speicher: Speicher

    /// Rejected rows are reported in detail up to this many per file; all are counted.
    package static let detailGrenze = 50
    /// Bytes read at a time; also the longest row.
    static let standardBlock = 1 << 20

    /// Buffers of one reader, reused for every file.
    final class Speicher {
        let block: UnsafeMutablePointer<UInt8>
        let groesse: Int
        /// Unescaped quoted fields; grows to the longest such field.
        private var feldpuffer: UnsafeMutablePointer<UInt8>
        private var feldpufferGroesse = 4096
        /// The interned value ids, the numbers and the raw late fields of the current row.
        let werte: UnsafeMutablePointer<Int32>
        let zahlen: UnsafeMutablePointer<Int64>
        let roh: UnsafeMutablePointer<UnsafeBufferPointer<UInt8>>

        init(groesse: Int, felder: Int) {
            self.groesse = groesse
            block = .allocate(capacity: groesse)
            feldpuffer = .allocate(capacity: feldpufferGroesse)
            werte = .allocate(capacity: max(1, felder))
            werte.initialize(repeating: 0, count: max(1, felder))
            zahlen = .allocate(capacity: max(1, felder))
            zahlen.initialize(repeating: 0, count: max(1, felder))
            roh = .allocate(capacity: max(1, felder))
            roh.initialize(repeating: UnsafeBufferPointer(start: nil, count: 0), count: max(1, felder))
        }

        /// The bytes of a field of the current block (unescaped when quoted with doubled quotes).
        func wert(_ f: CsvFeld) -> UnsafeBufferPointer<UInt8> {
            guard f.maskiert else { return UnsafeBufferPointer(start: block + f.von, count: f.bis - f.von) }
            if f.bis - f.von > feldpufferGroesse {
                feldpuffer.deallocate()
                feldpufferGroesse = f.bis - f.von
                feldpuffer = .allocate(capacity: feldpufferGroesse)
            }
            return CsvZerleger.wert(f, block, puffer: feldpuffer)
        }

        deinit {
            block.deallocate()
            feldpuffer.deallocate()
            werte.deallocate()
            zahlen.deallocate()
            roh.deallocate()
        }
    }

    /// `blockgroesse`: bytes read at a time (tests use small blocks to cross block borders).
    package init(quelle: Quelle, katalog: Katalog, blockgroesse: Int = QuellenLeser.standardBlock) {
        self.quelle = quelle
        gebiete = Gebietsverzeichnis(katalog)
        anzahlSozialraeume = katalog.sozialraeume.count
        roh = quelle.felder.map { _ in ByteInterner() }
        hatUngueltige = quelle.felder.map { _ in false }
        gelernt = quelle.felder.map { _ in 0 }
        werte = QuellenWerte(felder: quelle.felder.count)
        typen = quelle.felder.map(\.typ)
        let qi = katalog.quellen.firstIndex { $0.id == quelle.id }
        var gelesen = Set<Int>(), verschieden = Set<Int>()
        for z in katalog.zaehlungen where z.quelle == qi {
            switch z.art {
            case .verschieden(let f): verschieden.insert(f)
            case .summe(let f?): gelesen.insert(f)
            case .summe(nil), .anzahl: break
            }
            z.bedingung?.felder(in: &gelesen)
        }
        // A text field that only distinct counts read (persons) is interned when a row is counted,
        // not for every row of every file: most rows of most quarters count in no distinct tally.
        let spaet = quelle.felder.enumerated().map { i, f in
            f.typ == .text && f.werte.isEmpty && verschieden.contains(i) && !gelesen.contains(i)
        }
        self.spaet = spaet
        interniert = quelle.felder.enumerated().map { i, f in
            f.typ != .zahl && !spaet[i] && (gelesen.contains(i) || verschieden.contains(i) || !f.werte.isEmpty)
        }
        spaeteWerte = SpaeteWerte(felder: quelle.felder.count)
        speicher = Speicher(groesse: max(64, blockgroesse), felder: quelle.felder.count)
        // Id 0 of every field is the empty value: fields that are only validated point there.
        for fi in quelle.felder.indices {
            _ = roh[fi].intern("")
            lerneWert(feld: fi, id: 0, text: "")
        }
    }

    // MARK: Reading

    /// Reads one file. `dateiIndex` is the file's position in the source's sorted file list.
    /// Returns the file's statistics; problems go to `diagnosen` (missing columns are errors,
    /// rejected rows warnings). `fortschritt` hears the raw bytes read so far. With `stueck`, only
    /// that piece of the file (see `Dateiteilung`): its rejected rows and records spanning lines
    /// go to the piece, which also learns where reading stopped.
    package mutating func lies(
        _ datei: Exportdatei, dateiIndex: Int, diagnosen: inout [Diagnose],
        fortschritt: ((Int) -> Void)? = nil, stueck: Dateiteilung.Stueck? = nil,
        _ verarbeite: (Datensatz, QuellenWerte) -> Void
    ) -> DateiStatistik {
        var statistik = DateiStatistik(pfad: datei.pfad, quelle: quelle.id, kodierung: quelle.kodierung ?? .utf8)
        let strom: Dateistrom
        let geoeffnet =
            stueck.map { Dateistrom.oeffne(datei.pfad, ab: $0.von, vorspann: $0.kopf) }
            ?? Dateistrom.oeffne(datei.pfad, erklaert: quelle.kodierung)
        switch geoeffnet {
        case .failure(.nichtLesbar(let p)):
            diagnosen.append(Diagnose(DatenMeldung.dateiNichtLesbar(grund: p.text), ort: Ort(datei: datei.pfad)))
            return statistik
        case .failure(.utf16):
            diagnosen.append(
                Diagnose(DatenMeldung.utf16, ort: Ort(datei: datei.pfad)))
            return statistik
        case .failure(.keinUTF8):
            diagnosen.append(
                Diagnose(DatenMeldung.keinUTF8, ort: Ort(datei: datei.pfad)))
            return statistik
        case .success(let s):
            strom = s
            statistik.kodierung = s.kodierung
        }
        let block = speicher.block, kapazitaet = speicher.groesse
        // Locals for the row loop: the closure reads them without reference counting per row.
        let werte = self.werte, speicher = self.speicher
        var spalten: Spalten?
        unowned(unsafe) var spaltenRoh: Spalten? = nil
        var fehlerhafteKopfzeile = false
        var details = 0, weitere = 0, mehrzeiligGemeldet = 0
        func zeileGelesen(_ z: CsvZeile) {
            if fehlerhafteKopfzeile { return }
            guard let sp = spaltenRoh else {
                if z.istLeer {
                    statistik.leereZeilen += z.zeilen
                    return
                }
                statistik.kopfzeilen += 1
                statistik.folgezeilen += z.zeilen - 1
                switch Spalten.finde(z, speicher.wert, quelle: quelle, datei: datei.pfad) {
                case .success(let s):
                    spalten = s
                    spaltenRoh = s
                    if let stueck, let id = s.id {
                        kompakt = Fallnummern(
                            pfad: datei.pfad, von: stueck.von, ersteZeile: stueck.ersteDatenzeile,
                            erwartet: stueck.zeilenSchaetzung, trennzeichen: stueck.trennzeichen, spalte: id)
                        vorspannLaenge = stueck.kopf.count
                    }
                case .failure(let f):
                    // Each missing column once per source, not once per quarterly file.
                    let neu = f.diagnosen.filter {
                        !gemeldet.contains($0.text.components(separatedBy: " gibt es in ").first ?? $0.text)
                    }
                    for d in neu { gemeldet.insert(d.text.components(separatedBy: " gibt es in ").first ?? d.text) }
                    diagnosen.append(
                        contentsOf: neu.isEmpty
                            ? [
                                Diagnose(
                                    DatenMeldung.kopfzeilePasstNicht(quelle: quelle.id),
                                    ort: Ort(datei: datei.pfad, zeile: z.zeile))
                            ] : neu)
                    fehlerhafteKopfzeile = true
                }
                return
            }
            // Empty lines, and Excel's lines of bare delimiters, carry no data.
            if z.istLeer || (z.problem == nil && QuellenLeser.nurLeereFelder(z.felder, speicher)) {
                statistik.leereZeilen += z.zeilen
                return
            }
            statistik.zeilenGelesen += 1
            statistik.folgezeilen += z.zeilen - 1
            switch zeile(z, sp, dateiIndex: dateiIndex) {
            case .uebernommen(let satz):
                statistik.uebernommen += 1
                if z.zeilen > 1 && mehrzeiligGemeldet < QuellenLeser.detailGrenze {
                    mehrzeiligGemeldet += 1
                    let d = Diagnose(
                        DatenMeldung.mehrzeiligerDatensatz(von: z.zeile, bis: z.zeile + z.zeilen - 1),
                        ort: Ort(datei: datei.pfad, zeile: z.zeile))
                    if let stueck { stueck.zeilenmeldungen.append((true, d)) } else { diagnosen.append(d) }
                }
                verarbeite(satz, werte)
            case .verworfen(let v):
                statistik.verworfen[v.grund, default: 0] += 1
                if details < QuellenLeser.detailGrenze {
                    details += 1
                    // Texts and suggestions only for the rows shown in detail.
                    let (text, hinweis) = v.einzelheiten()
                    var d = Diagnose(
                        DatenMeldung.zeileVerworfen(grund: text), ort: Ort(datei: datei.pfad, zeile: z.zeile),
                        hinweis: hinweis)
                    d.berichtstext = DatenMeldung.zeileVerworfen(grund: v.grund).text
                    if let stueck { stueck.zeilenmeldungen.append((false, d)) } else { diagnosen.append(d) }
                } else {
                    weitere += 1
                }
            }
        }
        let physisch = CsvZerleger.zerlegeStrom(
            block: block, kapazitaet: kapazitaet, lies: { strom.lies($0, maximal: $1) },
            nachBlock: { fortschritt?(strom.gelesen) }, ersteZeile: stueck?.ersteZeile ?? 1, grenze: stueck?.grenze,
            angehalten: { stueck?.angehaltenBei = $0 }, zeileGelesen)
        if let physisch {
            statistik.physischeZeilen = physisch
            // Nothing lost: the scanner's count of lines against what became of them.
            if !fehlerhafteKopfzeile && physisch != statistik.verbuchteZeilen {
                diagnosen.append(
                    Diagnose(
                        DatenMeldung.zeilenbilanz(physisch: physisch, verbucht: statistik.verbuchteZeilen),
                        ort: Ort(datei: datei.pfad)))
            }
        } else {
            diagnosen.append(
                Diagnose(
                    DatenMeldung.dateiAbgebrochen(gelesen: Zahlformat.groesse(strom.gelesen)),
                    ort: Ort(datei: datei.pfad)))
        }
        if spalten == nil && !fehlerhafteKopfzeile {
            diagnosen.append(Diagnose(DatenMeldung.dateiLeer, ort: Ort(datei: datei.pfad)))
        }
        if weitere > 0 && stueck == nil {
            diagnosen.append(
                Diagnose(
                    DatenMeldung.weitereVerworfen(anzahl: weitere, gezeigt: QuellenLeser.detailGrenze),
                    ort: Ort(datei: datei.pfad)))
        }
        return statistik
    }

    /// Whether a case id this piece's reader accepted was also accepted by the reader of an
    /// earlier piece (then the file holds a case twice and must be read from start to end).
    /// `teil`/`von`: check only every `von`-th id from `teil` on, so several threads share the work.
    package func teiltFallnummer(mit frueher: QuellenLeser, teil: Int = 0, von: Int = 1) -> Bool {
        guard let hier = kompakt, let dort = frueher.kompakt else { return false }
        return hier.teiltFallnummer(mit: dort, teil: teil, von: von)
    }

    /// Whether every field is empty or blank (Excel's lines of bare delimiters). Usually the
    /// first field already says no.
    static func nurLeereFelder(_ felder: UnsafeBufferPointer<CsvFeld>, _ speicher: Speicher) -> Bool {
        for f in felder where !speicher.wert(f).getrimmt.isEmpty { return false }
        return true
    }

    /// A rejected row: the reason (a fixed text, counted per file), and the details with the
    /// row's values and a suggestion, built only for the rows shown in detail.
    /// A rejected row: the reason (a fixed text, counted per file), and the details with the
    /// row's values and a suggestion, built only for the rows shown in detail.
    struct Verwerfung {
        var grund: String
        var einzelheiten: () -> (text: String, hinweis: String?)

        init(_ grund: String, hinweis: @escaping () -> String? = { nil }, text: @escaping @autoclosure () -> String) {
            self.grund = grund
            einzelheiten = { (text(), hinweis()) }
        }
    }

    enum Zeilenergebnis {
        case uebernommen(Datensatz)
        case verworfen(Verwerfung)
    }

    mutating func zeile(_ z: CsvZeile, _ sp: Spalten, dateiIndex: Int) -> Zeilenergebnis {
        if let problem = z.problem {
            return .verworfen(Verwerfung(problem.grund, text: problem.text(zeile: z.zeile)))
        }
        let felder = z.felder
        if felder.count != sp.anzahl {
            let zuviel =
                felder.count > sp.anzahl && felder[sp.anzahl...].allSatisfy { speicher.wert($0).getrimmt.isEmpty }
            if !zuviel {
                return .verworfen(
                    Verwerfung(
                        "falsche Anzahl Felder", text: "Zeile hat \(felder.count) Felder, die Kopfzeile \(sp.anzahl)"))
            }
        }
        /// The trimmed value of column `i`; valid until the next call.
        func wert(_ i: Int) -> UnsafeBufferPointer<UInt8> { speicher.wert(felder[i]).getrimmt }
        func unlesbaresDatum(_ r: UnsafeBufferPointer<UInt8>, _ spalte: Int) -> Zeilenergebnis {
            .verworfen(
                Verwerfung("unlesbares Datum", text: "unlesbares Datum '\(r.text)' (Spalte '\(sp.namen[spalte])')"))
        }
        func unlesbareZahl(_ r: UnsafeBufferPointer<UInt8>, _ spalte: Int) -> Zeilenergebnis {
            .verworfen(Verwerfung("unlesbare Zahl", text: "unlesbare Zahl '\(r.text)' (Spalte '\(sp.namen[spalte])')"))
        }
        let ids = UnsafeMutableBufferPointer(start: speicher.werte, count: quelle.felder.count)
        let zahlen = UnsafeMutableBufferPointer(start: speicher.zahlen, count: quelle.felder.count)
        let rohe = UnsafeMutableBufferPointer(start: speicher.roh, count: quelle.felder.count)
        var satz = Datensatz(
            zeile: z.zeile, gebiet: anzahlSozialraeume, beginn: nil, ende: nil, anzahl: 0,
            naechsteDatei: Int.max, werte: UnsafeBufferPointer(ids), zahlen: UnsafeBufferPointer(zahlen),
            roh: UnsafeBufferPointer(rohe), geburt: nil)
        // Sozialraum or Stadtviertel.
        if let g = sp.gebiet {
            let r = wert(g)
            if !r.isEmpty {
                let id = gebietRoh.intern(r)
                if Int(id) == gebietCache.count {
                    let text = r.text
                    switch quelle.gebiet {
                    case .stadtviertel: gebietCache.append(gebiete.stadtviertel(text) ?? -1)
                    default: gebietCache.append(gebiete.sozialraum(text) ?? -1)
                    }
                }
                let index = gebietCache[Int(id)]
                if index < 0 {
                    let viertel: Bool
                    if case .stadtviertel = quelle.gebiet { viertel = true } else { viertel = false }
                    let art = viertel ? "unbekanntes Stadtviertel" : "unbekannter Sozialraum"
                    let text = r.text, spalte = sp.namen[g], vorschlaege = self.vorschlaege, gebiete = self.gebiete
                    return .verworfen(
                        Verwerfung(
                            art,
                            hinweis: {
                                vorschlaege.fuer(
                                    feld: -1, id: id, text, aus: viertel ? gebiete.alleViertel : gebiete.alleNamen)
                            }, text: "\(art) '\(text)' (Spalte '\(spalte)')"))
                }
                satz.gebiet = index
            }
        }
        // Dates.
        if let b = sp.beginn {
            let r = wert(b)
            if r.isEmpty {
                return .verworfen(Verwerfung("Datum fehlt", text: "Datum fehlt (Spalte '\(sp.namen[b])')"))
            }
            guard let t = DatumLeser.tag(r) else { return unlesbaresDatum(r, b) }
            satz.beginn = t
        }
        if let e = sp.ende, e != sp.beginn {
            let r = wert(e)
            if !r.isEmpty {
                guard let t = DatumLeser.tag(r) else { return unlesbaresDatum(r, e) }
                if let b = satz.beginn, t < b {
                    return .verworfen(
                        Verwerfung("Ende vor Beginn", text: "Ende \(t.deutsch) liegt vor dem Beginn \(b.deutsch)"))
                }
                satz.ende = t
            }
        } else if sp.ende != nil {
            satz.ende = satz.beginn
        }
        if let g = sp.geburt {
            let r = wert(g)
            if !r.isEmpty {
                guard let t = DatumLeser.tag(r) else { return unlesbaresDatum(r, g) }
                satz.geburt = t
            }
        }
        // Count.
        if let a = sp.anzahlSpalte {
            let r = wert(a)
            guard let f = ZahlLeser.festkomma(r) else { return unlesbareZahl(r, a) }
            satz.anzahl = f.hundertstelCent
        }
        // Declared fields.
        for fi in 0..<ids.count {
            let spalte = sp.felder[fi]
            let r = wert(spalte)
            if spaet[fi] {
                ids[fi] = -1
                rohe[fi] = r
                continue
            }
            guard interniert[fi] else {
                // Numbers are kept per row; other fields nobody reads are only validated.
                ids[fi] = 0
                switch typen[fi] {
                case .zahl:
                    if r.isEmpty {
                        zahlen[fi] = Datensatz.leer
                    } else if let z = ZahlLeser.festkomma(r) {
                        zahlen[fi] = z.hundertstelCent
                    } else {
                        return unlesbareZahl(r, spalte)
                    }
                    continue
                case .datum where !r.isEmpty && DatumLeser.tag(r) == nil:
                    return unlesbaresDatum(r, spalte)
                default: continue
                }
            }
            let id = roh[fi].intern(r)
            if Int(id) == gelernt[fi] {
                lerneWert(feld: fi, id: id, text: r.text)
                if !werte.gueltig(feld: fi, id: id) { hatUngueltige[fi] = true }
            }
            if hatUngueltige[fi] && !werte.gueltig(feld: fi, id: id) {
                let feld = quelle.felder[fi]
                switch feld.typ {
                case .zahl: return unlesbareZahl(r, spalte)
                case .datum: return unlesbaresDatum(r, spalte)
                case .text:
                    let text = r.text, name = sp.namen[spalte], vorschlaege = self.vorschlaege
                    return .verworfen(
                        Verwerfung(
                            "unbekannter Wert",
                            hinweis: {
                                vorschlaege.fuer(feld: fi, id: id, text, aus: feld.werte.keys.sorted() + feld.zielwerte)
                            },
                            text:
                                "unbekannter Wert '\(text)' (Spalte '\(name)'; bekannt: \(feld.werte.keys.sorted().joined(separator: ", ")))"
                        ))
                }
            }
            ids[fi] = id
        }
        // Case id last: only accepted rows claim their id.
        if let c = sp.id {
            let r = wert(c)
            if r.isEmpty {
                return .verworfen(Verwerfung("Fallnummer fehlt", text: "Fallnummer fehlt (Spalte '\(sp.namen[c])')"))
            }
            if let kompaktRoh {
                // A piece of one file: no newer file, only duplicates within the file.
                let versatz = UInt32(z.versatz - vorspannLaenge)
                if let frueher = kompaktRoh._withUnsafeGuaranteedRef({ $0.merke(r, versatz: versatz) }) {
                    let t = kompaktRoh.takeUnretainedValue()
                    return .verworfen(
                        Verwerfung(
                            "doppelte Fallnummer",
                            text: "doppelte Fallnummer '\(r.text)' (schon in Zeile \(t.zeile(bei: frueher)))"))
                }
                return .uebernommen(satz)
            }
            let fall = Int(self.ids.intern(r))
            if fall == neuesteDatei.count {
                neuesteDatei.append(Int32.max)
                ersteZeile.append(0)
            }
            if neuesteDatei[fall] == Int32(dateiIndex) {
                let erste = ersteZeile[fall]
                return .verworfen(
                    Verwerfung("doppelte Fallnummer", text: "doppelte Fallnummer '\(r.text)' (schon in Zeile \(erste))")
                )
            }
            satz.naechsteDatei = neuesteDatei[fall] == Int32.max ? Int.max : Int(neuesteDatei[fall])
            neuesteDatei[fall] = Int32(dateiIndex)
            ersteZeile[fall] = Int32(clamping: z.zeile)
        }
        return .uebernommen(satz)
    }
}
