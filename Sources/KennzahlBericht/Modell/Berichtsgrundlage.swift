import Foundation
import KennzahlAmpel
import KennzahlAuswertung
import KennzahlBasis
import KennzahlDaten
import KennzahlDefinition
import KennzahlGeheimhaltung

/// Records what public reports read through `Berichtsgrundlage.kennwert` (for the test that no
/// number escapes the audit).
package final class Lesemitschrift: @unchecked Sendable {
    package struct Eintrag: Sendable {
        package var kennzahl: Int
        package var zeitraum: Zeitraum
        package var gebiet: Gebiet
        package var teil: Geheimhaltung.Teil
        /// The true number (nil for a symbol).
        package var wert: Bruch?
        /// Whether the audit saw the cell, and whether it is shown.
        package var geprueft: Bool
        package var gezeigt: Bool
    }

    private let sperre = NSLock()
    private var liste: [Eintrag] = []

    package init() {}

    func notiere(
        _ k: Int, _ z: Zeitraum, _ g: Gebiet, _ t: Geheimhaltung.Teil, _ w: Bruch?, geprueft: Bool, gezeigt: Bool
    ) {
        sperre.withLock {
            liste.append(
                Eintrag(kennzahl: k, zeitraum: z, gebiet: g, teil: t, wert: w, geprueft: geprueft, gezeigt: gezeigt))
        }
    }

    package var eintraege: [Eintrag] { sperre.withLock { liste } }
}

/// Everything the report builders read: catalogue, values, lights, period and data quality.
package struct Berichtsgrundlage: Sendable {
    package var katalog: Katalog
    var auswertung: Auswertung
    package var ampel: Ampelstand
    package var periode: Berichtsperiode
    package var stand: Tag?
    /// Warnings about the data (rejected rows, missing files) for the data-quality note.
    package var datenwarnungen: [Diagnose]
    /// The folders as given, so reports can name files relative to them (same bytes wherever the
    /// folders are).
    var datenordner: String
    var definitionsordner: String
    /// The export files of the periods this set shows (its data-quality note counts only these;
    /// a 2021-Q4 report does not list problems of 2022 files); nil: every file.
    package var berichtsdateien: Set<String>?
    /// The Sozialräume's shapes for maps (the catalogue's `karte`), nil without one.
    package var karte: Karte? { didSet { kartenbild = karte.map { Kartenbau.projiziere($0, katalog) } } }
    /// The shapes projected and simplified for drawing, once per run (maps of every report share it).
    private(set) var kartenbild: Kartenbild?
    /// Public reports: the values to withhold; nil for internal reports (nothing withheld).
    package var geheimhaltung: Geheimhaltung?

    package init(
        katalog: Katalog, auswertung: Auswertung, ampel: Ampelstand, periode: Berichtsperiode, stand: Tag?,
        datenwarnungen: [Diagnose], datenordner: String, definitionsordner: String
    ) {
        self.katalog = katalog
        self.auswertung = auswertung
        self.ampel = ampel
        self.periode = periode
        self.stand = stand
        self.datenwarnungen = datenwarnungen
        self.datenordner = datenordner
        self.definitionsordner = definitionsordner
    }

    /// A file path as reports show it: relative to the data or definitions folder.
    func anzeigepfad(_ pfad: String) -> String {
        for ordner in [datenordner, definitionsordner] {
            let praefix = ordner.hasSuffix("/") ? ordner : ordner + "/"
            if pfad.hasPrefix(praefix) { return String(pfad.dropFirst(praefix.count)) }
        }
        return pfad.split(separator: "/").last.map(String.init) ?? pfad
    }

    /// A diagnostic line with its file shown relative (see `anzeigepfad`).
    func anzeige(_ d: Diagnose) -> String {
        var x = d
        if let o = x.ort { x.ort?.datei = anzeigepfad(o.datei) }
        if let t = x.berichtstext {
            x.text = t
            x.hinweis = nil
        }
        return x.zeile
    }

    /// The city first, then the Sozialräume in catalogue order.
    package var gebiete: [Gebiet] { [.gesamt] + katalog.sozialraeume.indices.map { .sozialraum($0) } }

    package func slug(_ g: Gebiet) -> String { katalog.slug(g) }

    package func name(_ g: Gebiet) -> String {
        switch g {
        case .gesamt: return katalog.gesamtName
        case .sozialraum(let i): return katalog.sozialraeume[i].name
        case .ohneZuordnung: return katalog.ohneZuordnungName
        }
    }

    /// Title line for the area: "Sozialraum Wiblingen" or "SO-Gesamt (Gesamtstadt)".
    func gebietTitel(_ g: Gebiet) -> String {
        switch g {
        case .gesamt: return katalog.gesamtName == "Gesamtstadt" ? "Gesamtstadt" : katalog.gesamtName + " (Gesamtstadt)"
        case .sozialraum(let i): return "Sozialraum " + katalog.sozialraeume[i].name
        case .ohneZuordnung: return katalog.ohneZuordnungName
        }
    }

    package func zeitplan(_ k: Kennzahl) -> Zeitplan { Zeitplan(rhythmus: k.rhythmus, periode: periode) }

    /// The value as the reports show it. Public reports read every number through the audit's
    /// published view: a number the audit did not see is withheld (fail closed), a shown one is
    /// rounded to the places it is printed with, so no format (Excel, chart coordinates) can
    /// carry more than the audit modelled.
    package func kennwert(_ k: Int, _ z: Zeitraum, _ g: Gebiet) -> Kennwert {
        var w = auswertung.kennwert(k, z, g)
        guard let geheimhaltung else { return w }
        let kz = katalog.kennzahlen[k]
        func gezeigt(_ teil: Geheimhaltung.Teil, _ b: Bruch?) -> Bool {
            let ja = geheimhaltung.gezeigt(k, z, g, teil)
            mitschrift?.notiere(k, z, g, teil, b, geprueft: geheimhaltung.geprueft(k, z, g, teil), gezeigt: ja)
            return ja
        }
        if let b = w.wert {
            if gezeigt(.wert, b) {
                w.zustand = .wert(Geheimhaltung.gerundet(b, kz, .wert))
            } else {
                w.zustand = .geheim
            }
        } else if w.zustand != .keineDaten && w.zustand != .ueberlauf && !geheimhaltung.geprueft(k, z, g, .wert) {
            // A symbol the audit did not see either: withheld too.
            mitschrift?.notiere(k, z, g, .wert, nil, geprueft: false, gezeigt: false)
            w.zustand = .geheim
        }
        // Numerator and denominator travel with every value; reports print them for the current
        // period only, which is what the audit sees. Others are dropped without being read.
        if let b = w.zaehler {
            if geheimhaltung.geprueft(k, z, g, .zaehler) && gezeigt(.zaehler, b) {
                w.zaehler = Geheimhaltung.gerundet(b, kz, .zaehler)
            } else {
                w.zaehler = nil
                w.zaehlerGeheim = true
            }
        }
        if let b = w.nenner {
            if geheimhaltung.geprueft(k, z, g, .nenner) && gezeigt(.nenner, b) {
                w.nenner = Geheimhaltung.gerundet(b, kz, .nenner)
            } else {
                w.nenner = nil
                w.nennerGeheim = true
            }
        }
        return w
    }

    /// Test support: every number public reports read, with whether the audit saw it.
    package var mitschrift: Lesemitschrift?

    /// A light's reason as reports show it. Reasons quote values (this period, the comparison
    /// periods, the city); a public report puts `.` for each number that comes from a value it
    /// withholds in any part (value, numerator, denominator) and keeps the rest of the sentence.
    func begruendung(_ l: Licht, _ i: Int, _ k: Kennzahl, _ g: Gebiet) -> String {
        guard let geheimhaltung else { return l.begruendung.text }
        let plan = zeitplan(k)
        return l.begruendung.text { bezug in
            let zeitraum: Zeitraum? =
                switch bezug.zeitpunkt {
                case .aktuell: plan.aktuell
                case .vorquartal: plan.vorquartal
                case .vorjahr: plan.vorjahr
                }
            guard let zeitraum else { return true }
            let gebiet = bezug.gesamtstadt ? Gebiet.gesamt : g
            // A number is shown only where its value is shown (for the current period the value
            // is withheld whenever its numerator or denominator is).
            return !geheimhaltung.gezeigt(i, zeitraum, gebiet, .wert)
        }
    }

    /// The symbol notes under a table showing these Kennzahlen; the note on withheld values names
    /// the Kennzahlen whose Mindestfallzahl differs from the catalogue's.
    func zeichenerklaerung(_ t: Tabelle, _ kennzahlen: [Kennzahl]) -> [String] {
        let abweichend = kennzahlen.filter { $0.mindestfallzahl != katalog.mindestfallzahl }.map {
            (id: $0.id, mindestfallzahl: $0.mindestfallzahl)
        }
        return Tabellenzeichen.fussnoten(t, mindestfallzahl: katalog.mindestfallzahl, abweichend: abweichend)
    }

    /// True for public reports.
    var oeffentlich: Bool { geheimhaltung != nil }

    /// The cell for a value: the number, or the Destatis symbol saying why there is none.
    func zelle(_ w: Kennwert, _ k: Kennzahl) -> Zelle {
        switch w.zustand {
        case .wert(let b): return .zahl(b, dezimalen: k.dezimalen, suffix: Berichtsgrundlage.suffix(k.einheit))
        case .nennerNull: return .symbol(Tabellenzeichen.keinWert)
        case .keineDaten, .ueberlauf: return .symbol(Tabellenzeichen.unbekannt)
        case .nurGesamt: return .symbol(Tabellenzeichen.nichtSinnvoll)
        case .geheim: return .geheim
        }
    }

    /// A value as short text for a cell that holds more than the number: `74,0 %`, or the symbol.
    func kurzwert(_ w: Kennwert, _ k: Kennzahl) -> String {
        switch zelle(w, k) {
        case .zahl(let b, let d, let suffix):
            return Zahlformat.deutsch(b, dezimalen: d) + (suffix.isEmpty ? "" : " " + suffix)
        case .symbol(let s): return s
        default: return "."
        }
    }

    /// A numerator or denominator: whole numbers without decimals, sums with two.
    func teilzelle(_ b: Bruch?, geheim: Bool = false) -> Zelle {
        if geheim { return .geheim }
        guard let b else { return .leer }
        return .zahl(b, dezimalen: b.nenner == 1 ? 0 : 2, suffix: "")
    }

    static func suffix(_ e: Einheit) -> String {
        switch e {
        case .prozent: return "%"
        case .euro: return "€"
        case .anzahl, .je, .benannt: return ""
        }
    }

    /// How the period of a value reads: "Stichtag 31.12.2021" or "2021", "4. Quartal 2021".
    func zeitraumText(_ k: Kennzahl, _ z: Zeitraum) -> String {
        if k.regel == .stichtag { return "Stichtag " + z.stichtag.deutsch }
        if k.rhythmus == .jahr && !z.istJahr { return "01.01.–" + z.stichtag.deutsch + " (Jahr bis Quartalsende)" }
        return z.deutsch
    }

    /// A note for tables holding yearly values of a year not yet complete.
    func unterjaehrigHinweis(_ kennzahlen: [Kennzahl]) -> [String] {
        guard case .quartal(let q) = periode, q.nummer < 4, kennzahlen.contains(where: { $0.rhythmus == .jahr }) else {
            return []
        }
        return [
            "Jahreskennzahlen zeigen unterjährig den Stand vom 01.01. bis zum Quartalsende; Zielwerte und Ampelregeln gelten für das ganze Jahr und sind vorläufig."
        ]
    }

    /// The report's period line.
    var periodenzeile: String {
        switch periode {
        case .quartal(let q): return "Berichtszeitraum: \(q.deutsch) (Stichtag \(q.letzterTag.deutsch))"
        case .jahr(let j):
            return "Berichtszeitraum: Jahr \(j) (Stichtag \(Quartal(jahr: j, nummer: 4).letzterTag.deutsch))"
        }
    }

    var standzeile: String {
        if let s = stand { return "Stand der Daten: \(s.deutsch)" }
        return "Stand der Daten: nicht angegeben (stand.txt fehlt im Datenordner)"
    }

    /// A "Vorquartal" column only in quarterly reports and only when some Kennzahl is quarterly.
    func zeigtVorquartal(_ kennzahlen: [Kennzahl]) -> Bool {
        if case .quartal = periode { return kennzahlen.contains { $0.rhythmus == .quartal } }
        return false
    }

    /// "Vorjahresquartal" when every value is a quarter's, otherwise "Vorjahr".
    func vorjahrTitel(_ kennzahlen: [Kennzahl]) -> String {
        if case .quartal = periode, !kennzahlen.isEmpty, kennzahlen.allSatisfy({ $0.rhythmus == .quartal }) {
            return "Vorjahresquartal"
        }
        return "Vorjahr"
    }

    /// Index of a Kennzahl in the catalogue.
    func index(_ k: Kennzahl) -> Int { katalog.index(id: k.id) ?? 0 }
}
