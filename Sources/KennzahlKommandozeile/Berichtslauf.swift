import Foundation
import KennzahlAmpel
import KennzahlAuswertung
import KennzahlBasis
import KennzahlBericht
import KennzahlDaten
import KennzahlDefinition
import KennzahlGeheimhaltung

/// The main job, end to end: definitions → exports → evaluation → Ampel → report model →
/// renderers → files, written atomically.
package enum Berichtslauf {
    enum Format: String, CaseIterable, Sendable {
        case csv, md, html, xlsx, docx
        /// What `report` writes without `--format`.
        static let standard: [Format] = [.csv, .md, .html]
    }

    package struct Auftrag: Sendable {
        package var definitionen = "Definitions/ulm"
        package var daten = "Samples/ulm"
        var ausgabe = "reports"
        package var periode: Berichtsperiode?
        var formate: [Format] = Format.standard
        var csv = CsvDialekt.excel
        var streng = false
        /// Public reports: small counts withheld (`Geheimhaltung`).
        package var oeffentlich = false
        /// Keep the audit's system for export (`check --public --pruefsystem`).
        var mitPruefsystem = false
        /// Progress while reading the exports (terminal only).
        var fortschritt: Fortschritt?
        /// Told (with the folder) when the run waits for another run writing into its `--out`.
        var wartet: (@Sendable (String) -> Void)?

        package init() {}
    }

    package struct Ergebnis: Sendable {
        /// 0 success, 1 input errors, 2 a set of the other kind in the way (internal ↔ public).
        var exitCode: Int32
        var diagnosen: [Diagnose]
        /// Folder written, when successful.
        var ordner: String?
        var periode: Berichtsperiode?
        var dateien: [String] = []
        /// Data warnings the reports' data-quality note lists (those of the set's periods).
        var hinweiseImBericht = 0
        /// Public reports: values withheld per reason, and lights withheld.
        var geheim: [Geheimhaltung.Grund: Int]?
        var lichterGeheim = 0
        /// Lights per area (name, counts per colour), for the summary.
        var ampel: [(gebiet: String, anzahl: [Ampelfarbe: Int])] = []
    }

    /// Evaluates and builds the report set without writing it (used by `run` and by tests).
    /// `vorDerRechnung` is asked once the period is known, before any export is read; a message
    /// it returns stops the run.
    package static func berechne(
        _ a: Auftrag, vorDerRechnung: (Berichtsperiode) -> Diagnose? = { _ in nil }
    ) -> (Berichtsgrundlage?, [Diagnose]) {
        Zeitmessung.beginne()
        let (katalogOpt, d1) = KatalogLeser.lade(ordner: a.definitionen)
        guard let katalog = katalogOpt else { return (nil, d1) }
        let (bestandOpt, d2) = Datenbestand.finde(ordner: a.daten, katalog: katalog)
        var diagnosen = d1 + d2
        // The maps' geometry: bad geometry stops the run like a bad definition.
        var karte: Karte?
        if let angabe = katalog.karte {
            let (k, d) = Kartenleser.lies(angabe, katalog: katalog)
            karte = k
            diagnosen += d
        }
        guard let bestand = bestandOpt, !diagnosen.contains(where: { $0.schwere == .fehler }) else {
            return (nil, diagnosen)
        }
        guard let periode = a.periode ?? bestand.letztesQuartal.map({ .quartal($0) }) else {
            diagnosen.append(
                Diagnose(LaufMeldung.keinZeitraum, ort: Ort(datei: a.daten)))
            return (nil, diagnosen)
        }
        if let halt = vorDerRechnung(periode) { return (nil, diagnosen + [halt]) }
        // Public sets are audited together with the sets published before them: their periods
        // are evaluated too.
        let erstesQuartal = bestand.abdeckung.map { Quartal(index: $0.lowerBound) }
        let perioden = a.oeffentlich ? Geheimhaltung.kette(periode, ab: erstesQuartal) : [periode]
        var anfragen: [(kennzahl: Int, zeitraum: Zeitraum)] = []
        for (i, k) in katalog.kennzahlen.enumerated() {
            var gesehen = Set<Zeitraum>()
            for p in perioden {
                for z in Zeitplan(rhythmus: k.rhythmus, periode: p).alle where gesehen.insert(z).inserted {
                    anfragen.append((i, z))
                }
            }
        }
        Zeitmessung.markiere("Katalog und Dateiliste")
        let (gelesen, d3) = lies(katalog, bestand, anfragen: anfragen, a)
        diagnosen += d3
        guard let (auswertung, schaltungen) = gelesen else { return (nil, diagnosen) }
        let ampel = Ampelstand.schalte(
            katalog: katalog, auswertung: auswertung, periode: periode, schaltungen: schaltungen)
        Zeitmessung.markiere("Ampel")
        // The data-quality note names the files of the periods the set shows, not later ones.
        let alleDateien = Set(bestand.dateien.joined().map(\.pfad))
        let berichtsdateien = dateien(bestand, katalog, periode)
        var grundlage = Berichtsgrundlage(
            katalog: katalog, auswertung: auswertung, ampel: ampel, periode: periode,
            stand: bestand.stand,
            datenwarnungen: diagnosen.filter { d in
                d.schwere == .warnung
                    && (d.ort.map { !alleDateien.contains($0.datei) || berichtsdateien.contains($0.datei) } ?? true)
            },
            datenordner: a.daten, definitionsordner: a.definitionen)
        grundlage.berichtsdateien = berichtsdateien
        grundlage.karte = karte
        if a.oeffentlich {
            do throws(Geheimhaltung.Fehler) {
                let geheimhaltung = try Geheimhaltung.berechne(
                    katalog: katalog, auswertung: auswertung, periode: periode, ab: erstesQuartal,
                    schaltungen: schaltungen, mitSystem: a.mitPruefsystem)
                grundlage.geheimhaltung = geheimhaltung
                // The lights as the public set shows them (on its values, the withheld ones dark).
                grundlage.ampel = geheimhaltung.ampel
            } catch {
                switch error {
                case .nichtSicherbar(let grund):
                    diagnosen.append(
                        Diagnose(LaufMeldung.oeffentlichNichtSicher(grund: grund), ort: Ort(datei: a.daten)))
                }
                return (nil, diagnosen)
            }
            Zeitmessung.markiere("Geheimhaltung")
        }
        return (grundlage, diagnosen)
    }

    /// The export files whose period overlaps the periods a set for `periode` shows (each
    /// Kennzahl's current, comparison and history periods).
    static func dateien(_ bestand: Datenbestand, _ katalog: Katalog, _ periode: Berichtsperiode) -> Set<String> {
        let quartale = katalog.kennzahlen.flatMap { Zeitplan(rhythmus: $0.rhythmus, periode: periode).alle }
            .flatMap { [$0.von.index, $0.bis.index] }
        guard let von = quartale.min(), let bis = quartale.max() else { return [] }
        return Set(
            bestand.dateien.joined().filter { $0.periode.spanne.bis >= von && $0.periode.spanne.von <= bis }.map(\.pfad)
        )
    }

    /// The stage `report` and `check --data` share: every export read and tallied for
    /// `anfragen` (none: only read, as `check` does), then the manual switchings. nil when an
    /// error (or, with `--streng`, a rejected row) stops the run.
    static func lies(
        _ katalog: Katalog, _ bestand: Datenbestand, anfragen: [(kennzahl: Int, zeitraum: Zeitraum)], _ a: Auftrag
    ) -> ((Auswertung, ManuelleSchaltungen)?, [Diagnose]) {
        let (auswertung, d1) = Auswerter.werteAus(
            katalog: katalog, bestand: bestand, anfragen: anfragen, fortschritt: a.fortschritt)
        Zeitmessung.markiere("Exporte lesen und auswerten")
        var diagnosen = d1
        if diagnosen.contains(where: { $0.schwere == .fehler }) { return (nil, diagnosen) }
        if a.streng {
            let verworfen = auswertung.statistik.reduce(0) { $0 + $1.verworfenGesamt }
            if verworfen > 0 {
                diagnosen.append(
                    Diagnose(LaufMeldung.strengVerworfen(anzahl: verworfen), ort: Ort(datei: a.daten)))
                return (nil, diagnosen)
            }
        }
        let (schaltungen, d2) = ManuelleSchaltungen.lade(
            ordner: a.definitionen, katalog: katalog, daten: bestand.abdeckung)
        diagnosen += d2
        if d2.contains(where: { $0.schwere == .fehler }) { return (nil, diagnosen) }
        return ((auswertung, schaltungen), diagnosen)
    }

    /// Every report of a set as (area slug, model).
    static func berichte(_ g: Berichtsgrundlage) -> [(slug: String, bericht: Bericht)] {
        auftraege(g).map { (g.slug($0.gebiet), baue($0.produkt, $0.gebiet, g)) }
    }

    private static func auftraege(_ g: Berichtsgrundlage) -> [(gebiet: Gebiet, produkt: Produkt)] {
        g.gebiete.flatMap { geb in g.katalog.produkte.map { (geb, $0) } }
    }

    private static func baue(_ p: Produkt, _ geb: Gebiet, _ g: Berichtsgrundlage) -> Bericht {
        p.istAmpel ? AmpelBericht.baue(p, geb, g) : KennzahlenBericht.baue(p, geb, g)
    }

    /// Renders the set into file contents (paths relative to `OUT/<period>`). Reports are built
    /// and formatted on all cores; the list is in the same order whatever the timing.
    static func dateien(_ g: Berichtsgrundlage, formate: [Format], csv: CsvDialekt) -> [(
        pfad: String, inhalt: [UInt8]
    )] {
        let liste = auftraege(g)
        let ablage = Ablage<[(pfad: String, inhalt: [UInt8])]>(anzahl: liste.count + 1)
        let naechste = Laufnummer()
        DispatchQueue.concurrentPerform(iterations: min(ProcessInfo.processInfo.activeProcessorCount, liste.count + 1))
        { _ in
            while let i = naechste.weiter(bis: liste.count + 1) {
                guard i < liste.count else {
                    // The catalogue and the overview.
                    let katalog = KatalogBericht.baue(g)
                    var gemeinsam: [(pfad: String, inhalt: [UInt8])] = [
                        ("katalog.md", Array(MarkdownRenderer.render(katalog).utf8)),
                        ("katalog.html", Array(HtmlRenderer.render(katalog).utf8)),
                        (
                            "index.html",
                            Array(HtmlRenderer.render(Uebersicht.baue(g, formate: formate.map(\.rawValue))).utf8)
                        ),
                    ]
                    // With Excel: the period's workbook, all areas side by side per Produkt.
                    if formate.contains(.xlsx),
                        let mappe = XlsxRenderer.periodenmappe(
                            g.katalog.produkte.map { baue($0, .gesamt, g) }, stand: g.stand)
                    {
                        gemeinsam.append(("kennzahlen-\(g.periode.name).xlsx", mappe))
                    }
                    ablage.setze(i, gemeinsam)
                    continue
                }
                let b = baue(liste[i].produkt, liste[i].gebiet, g)
                let slug = g.slug(liste[i].gebiet)
                var dateien: [(pfad: String, inhalt: [UInt8])] = []
                for f in formate {
                    let pfad = "\(slug)/\(b.dateiname).\(f.rawValue)"
                    switch f {
                    case .csv: if let c = CsvRenderer.render(b, csv) { dateien.append((pfad, Array(c.utf8))) }
                    case .md: dateien.append((pfad, Array(MarkdownRenderer.render(b).utf8)))
                    case .html: dateien.append((pfad, Array(HtmlRenderer.render(b).utf8)))
                    case .xlsx: if let x = XlsxRenderer.render(b, stand: g.stand) { dateien.append((pfad, x)) }
                    case .docx: dateien.append((pfad, DocxRenderer.render(b, stand: g.stand)))
                    }
                }
                ablage.setze(i, dateien)
            }
        }
        return ablage.alle.flatMap { $0 }
    }

    /// Whether a path inside a report set is one this program writes (for sets written before
    /// sets recorded their files): `index.html`, `katalog.*`, `kennzahlen-*.xlsx`,
    /// `<slug>/produkt-<n>.<format>`.
    static func istBerichtsdatei(_ rel: String) -> Bool {
        let teile = rel.split(separator: "/", omittingEmptySubsequences: false)
        let formate = ["csv", "md", "html", "xlsx", "docx"]
        if teile.count == 1 {
            return ["index.html", "katalog.md", "katalog.html"].contains(rel)
                || (rel.hasPrefix("kennzahlen-") && rel.hasSuffix(".xlsx"))
        }
        guard teile.count == 2, !teile[0].isEmpty,
            teile[0].allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") })
        else { return false }
        let datei = teile[1]
        guard datei.hasPrefix("produkt-"), let punkt = datei.lastIndex(of: ".") else { return false }
        let nummer = datei[datei.index(datei.startIndex, offsetBy: 8)..<punkt]
        return !nummer.isEmpty && nummer.allSatisfy(\.isNumber)
            && formate.contains(String(datei[datei.index(after: punkt)...]))
    }

    /// Runs the whole job and writes `OUT/<period>/`. The run holds `OUT`'s lock from start to
    /// swap, so no other run writes there meanwhile; the kind of a set already there is checked
    /// before any export is read.
    static func run(_ a: Auftrag) -> Ergebnis {
        let sperre: Ausgabe.Sperre
        do {
            sperre = try Ausgabe.Sperre(a.ausgabe, wartet: a.wartet)
        } catch {
            let f = error as? Ausgabe.Fehler ?? Ausgabe.Fehler(pfad: a.ausgabe, grund: "\(error)")
            return Ergebnis(
                exitCode: 1,
                diagnosen: [Diagnose(LaufMeldung.schreibenFehlgeschlagen(grund: f.grund), ort: Ort(datei: f.pfad))])
        }
        defer { sperre.gibFrei() }
        let art = a.oeffentlich ? "oeffentlich" : "intern"
        var gemischt = false
        let (grundlage, diagnosen) = berechne(a) { periode in
            // Internal and public sets never replace each other: a public set must not overwrite
            // the internal one a team lead works with, nor an internal one land where public files go.
            let ziel = Pfad.verbinde(a.ausgabe, periode.name)
            guard let vorhanden = Ausgabe.Stamm.lies(ziel)?.art, vorhanden != art else { return nil }
            func wort(_ a: String) -> String { a == "oeffentlich" ? "öffentliche" : "interne" }
            gemischt = true
            return Diagnose(
                LaufMeldung.artGemischt(vorhanden: wort(vorhanden), neu: wort(art), ausgabe: a.ausgabe),
                ort: Ort(datei: ziel))
        }
        guard let g = grundlage else { return Ergebnis(exitCode: gemischt ? 2 : 1, diagnosen: diagnosen) }
        let ziel = Pfad.verbinde(a.ausgabe, g.periode.name)
        let liste = dateien(g, formate: a.formate, csv: a.csv)
        Zeitmessung.markiere("Berichte bauen und formatieren")
        defer { Zeitmessung.markiere("Berichte schreiben") }
        do {
            try Ausgabe.schreibe(liste, nach: ziel, art: art, eigene: istBerichtsdatei)
        } catch let f as Ausgabe.Fehler {
            return Ergebnis(
                exitCode: 1,
                diagnosen: diagnosen + [
                    Diagnose(LaufMeldung.schreibenFehlgeschlagen(grund: f.grund), ort: Ort(datei: f.pfad))
                ])
        } catch {
            return Ergebnis(
                exitCode: 1,
                diagnosen: diagnosen + [
                    Diagnose(LaufMeldung.schreibenAbgebrochen, ort: Ort(datei: ziel))
                ])
        }
        var ergebnis = Ergebnis(
            exitCode: 0, diagnosen: diagnosen, ordner: ziel, periode: g.periode, dateien: liste.map(\.pfad))
        ergebnis.hinweiseImBericht = g.datenwarnungen.count
        ergebnis.geheim = g.geheimhaltung.map { h in
            Dictionary(uniqueKeysWithValues: Geheimhaltung.Grund.allCases.map { ($0, h.anzahl($0)) })
        }
        ergebnis.lichterGeheim = g.geheimhaltung?.anzahlLichter ?? 0
        for geb in g.gebiete {
            var anzahl: [Ampelfarbe: Int] = [:]
            for i in g.katalog.kennzahlen.indices {
                if let l = g.ampel.licht(i, geb) { anzahl[l.farbe, default: 0] += 1 }
            }
            ergebnis.ampel.append((g.name(geb), anzahl))
        }
        return ergebnis
    }
}
