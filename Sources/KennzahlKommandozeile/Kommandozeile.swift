import Foundation
import KennzahlAmpel
import KennzahlAuswertung
import KennzahlBasis
import KennzahlBeispiele
import KennzahlBericht
import KennzahlDaten
import KennzahlDefinition
import KennzahlGeheimhaltung

/// The command line: `report`, `check`, `samples`, help and version. Returns exit codes
/// 0 (success), 1 (input errors), 2 (usage errors); never traps on arguments.
public enum Kommandozeile {
    public static let version = "kennzahl 0.1.0"

    /// Where output goes; tests capture it.
    public struct Kanaele {
        public var aus: (String) -> Void
        public var fehler: (String) -> Void
        /// Progress while reading exports; only where a person watches (stderr is a terminal).
        public var fortschritt: Fortschritt?

        public init(
            aus: @escaping (String) -> Void, fehler: @escaping (String) -> Void, fortschritt: Fortschritt? = nil
        ) {
            self.aus = aus
            self.fehler = fehler
            self.fortschritt = fortschritt
        }

        public static var standard: Kanaele {
            let terminal = isatty(STDERR_FILENO) == 1
            // Whatever a definition or an export contains, the terminal gets no control characters.
            return Kanaele(
                aus: { print($0.ohneSteuerzeichen) },
                fehler: { FileHandle.standardError.write(Data(($0.ohneSteuerzeichen + "\n").utf8)) },
                fortschritt: terminal ? Fortschritt { FileHandle.standardError.write(Data($0.utf8)) } : nil)
        }
    }

    struct Nutzungsfehler: Error {
        var text: String
        var befehl: String?
    }

    public static func fuehreAus(_ argumente: [String], _ k: Kanaele = .standard) -> Int32 {
        do {
            return try verteile(argumente, k)
        } catch let f as Nutzungsfehler {
            k.fehler("kennzahl: Fehler: \(f.text)")
            k.fehler("Hilfe: kennzahl \(f.befehl.map { $0 + " " } ?? "")--help")
            return 2
        } catch {
            k.fehler("kennzahl: Fehler: \(error)")
            return 2
        }
    }

    static let befehle = ["report", "check", "test", "samples"]

    private static func verteile(_ argumente: [String], _ k: Kanaele) throws -> Int32 {
        guard let erstes = argumente.first else {
            k.aus(hilfe)
            return 0
        }
        let rest = Array(argumente.dropFirst())
        switch erstes {
        case "--help", "-h", "hilfe", "help":
            k.aus(hilfe)
            return 0
        case "--version", "-V":
            k.aus(version)
            return 0
        case "report":
            return try report(rest, k)
        case "check":
            return try check(rest, k)
        case "samples":
            return try samples(rest, k)
        case "test":
            return try test(rest, k)
        default:
            let vorschlag = Aehnlichkeit.vorschlag(fuer: erstes, aus: befehle).map { " – meinten Sie '\($0)'?" } ?? ""
            throw Nutzungsfehler(text: "unbekannter Befehl '\(erstes)'\(vorschlag)")
        }
    }

    // MARK: Option parsing

    struct Optionen {
        var werte: [String: String] = [:]
        var schalter: Set<String> = []
        var positionell: [String] = []
        var hilfe = false
    }

    /// `mitWert`: options that take a value; `schalter`: flags. `--name=wert` and `--name wert`.
    static func parse(_ args: [String], befehl: String, mitWert: [String], schalter: [String], positionell: Int = 0)
        throws -> Optionen
    {
        var o = Optionen()
        var i = 0
        while i < args.count {
            let a = args[i]
            if a == "--help" || a == "-h" {
                o.hilfe = true
                i += 1
                continue
            }
            if a.hasPrefix("-") && a.count > 1 {
                var name = a
                var wert: String?
                if let gleich = a.firstIndex(of: "=") {
                    name = String(a[..<gleich])
                    wert = String(a[a.index(after: gleich)...])
                }
                if mitWert.contains(name) {
                    if wert == nil {
                        guard i + 1 < args.count, !args[i + 1].hasPrefix("--") else {
                            throw Nutzungsfehler(text: "der Option \(name) fehlt ein Wert", befehl: befehl)
                        }
                        wert = args[i + 1]
                        i += 1
                    }
                    if wert?.trimmingCharacters(in: .whitespaces).isEmpty ?? true {
                        throw Nutzungsfehler(text: "der Option \(name) fehlt ein Wert", befehl: befehl)
                    }
                    if o.werte[name] != nil {
                        throw Nutzungsfehler(text: "die Option \(name) ist doppelt angegeben", befehl: befehl)
                    }
                    o.werte[name] = wert
                } else if schalter.contains(name) {
                    if wert != nil {
                        throw Nutzungsfehler(text: "die Option \(name) nimmt keinen Wert", befehl: befehl)
                    }
                    o.schalter.insert(name)
                } else {
                    let vorschlag =
                        Aehnlichkeit.vorschlag(fuer: name, aus: mitWert + schalter).map { " – meinten Sie '\($0)'?" }
                        ?? ""
                    throw Nutzungsfehler(
                        text: "unbekannte Option '\(name)' für '\(befehl)'\(vorschlag)", befehl: befehl)
                }
            } else {
                guard o.positionell.count < positionell else {
                    throw Nutzungsfehler(text: "unerwartetes Argument '\(a)'", befehl: befehl)
                }
                o.positionell.append(a)
            }
            i += 1
        }
        return o
    }

    // MARK: report

    private static func report(_ args: [String], _ k: Kanaele) throws -> Int32 {
        let o = try parse(
            args, befehl: "report", mitWert: ["--definitions", "--data", "--out", "--period", "--format", "--csv"],
            schalter: ["--public", "--oeffentlich", "--streng"])
        if o.hilfe {
            k.aus(reportHilfe)
            return 0
        }
        var a = Berichtslauf.Auftrag()
        a.oeffentlich = o.schalter.contains("--public") || o.schalter.contains("--oeffentlich")
        if let d = o.werte["--definitions"] { a.definitionen = d }
        if let d = o.werte["--data"] { a.daten = d }
        if let d = o.werte["--out"] { a.ausgabe = d }
        if let p = o.werte["--period"] {
            guard let periode = Berichtsperiode.parse(p) else {
                throw Nutzungsfehler(
                    text: "ungültiger Zeitraum '\(p)': erwartet wird ein Quartal wie 2021-Q4 oder ein Jahr wie 2021",
                    befehl: "report")
            }
            a.periode = periode
        }
        if let f = o.werte["--format"] {
            var formate: [Berichtslauf.Format] = []
            for teil in f.split(separator: ",", omittingEmptySubsequences: false) {
                let t = teil.trimmingCharacters(in: .whitespaces).lowercased()
                guard let format = Berichtslauf.Format(rawValue: t == "markdown" ? "md" : t) else {
                    throw Nutzungsfehler(
                        text: "unbekanntes Format '\(teil)': erlaubt sind csv, md, html", befehl: "report")
                }
                if !formate.contains(format) { formate.append(format) }
            }
            a.formate = Berichtslauf.Format.allCases.filter(formate.contains)
        }
        if let c = o.werte["--csv"] {
            switch c.lowercased() {
            case "excel": a.csv = .excel
            case "rfc4180": a.csv = .rfc4180
            default:
                throw Nutzungsfehler(
                    text: "unbekannte CSV-Variante '\(c)': erlaubt sind excel und rfc4180", befehl: "report")
            }
        }
        a.streng = o.schalter.contains("--streng")
        a.fortschritt = k.fortschritt
        let e = Berichtslauf.run(a)
        k.fortschritt?.beende()
        melde(e.diagnosen, k)
        guard e.exitCode == 0, let ordner = e.ordner, let periode = e.periode else {
            k.fehler("Keine Berichte geschrieben: \(e.diagnosen.filter { $0.schwere == .fehler }.count) Fehler.")
            return e.exitCode
        }
        let berichte = e.dateien.filter { $0.contains("/") }.count
        k.aus(
            "Berichte für \(periode.deutsch) geschrieben nach \(ordner)/ (\(berichte) Berichtsdateien, index.html, katalog.md, katalog.html)."
        )
        let breite = max(12, e.ampel.map { $0.gebiet.count }.max() ?? 0)
        func spalte(_ s: String, _ n: Int) -> String { String(repeating: " ", count: max(0, n - s.count)) + s }
        k.aus(
            "Ampel" + String(repeating: " ", count: breite - 5)
                + Ampelfarbe.allCases.map { spalte($0.wort, 6) }.joined())
        for (gebiet, anzahl) in e.ampel {
            k.aus(
                gebiet + String(repeating: " ", count: breite - gebiet.count)
                    + Ampelfarbe.allCases.map { spalte(String(anzahl[$0] ?? 0), 6) }.joined())
        }
        if let geheim = e.geheim {
            let primaer = geheim[.primaer] ?? 0, zusammen = geheim.values.reduce(0, +)
            k.aus(
                "Öffentliche Berichte: \(zusammen) Werte nicht ausgewiesen (\(primaer) mit zu kleiner Fallzahl, \(zusammen - primaer), aus denen sie sich "
                    + "errechnen ließen – \(geheim[.sekundaer] ?? 0) über eine Beziehung, \(geheim[.pruefung] ?? 0) durch die Prüfung als Gleichungssystem, "
                    + "\(geheim[.frueher] ?? 0) schon in früheren Berichtsständen). Einzelheiten: kennzahl check --public --period \(periode.name)"
            )
        }
        let warnungen = e.diagnosen.filter { $0.schwere == .warnung }.count
        if warnungen > 0 {
            k.aus(
                "\(warnungen) \(warnungen == 1 ? "Hinweis" : "Hinweise") zu den Daten (siehe oben und im Abschnitt Datenqualität der Berichte)."
            )
        }
        return 0
    }

    private static func melde(_ d: [Diagnose], _ k: Kanaele) {
        for x in d.sorted(by: { $0.schwere < $1.schwere }) where x.schwere == .fehler { k.fehler(x.formatiert) }
        for x in d where x.schwere == .warnung { k.fehler(x.formatiert) }
    }

    /// Loads the catalogue and prints its diagnostics; nil (after a summary line) when it has errors.
    private static func ladeKatalog(_ ordner: String, _ k: Kanaele, folge: String = "") -> Katalog? {
        let (katalog, d) = KatalogLeser.lade(ordner: ordner)
        melde(d, k)
        if katalog == nil {
            k.fehler("Definitionen fehlerhaft: \(d.filter { $0.schwere == .fehler }.count) Fehler\(folge).")
        }
        return katalog
    }

    // MARK: check

    private static func check(_ args: [String], _ k: Kanaele) throws -> Int32 {
        let o = try parse(
            args, befehl: "check", mitWert: ["--definitions", "--data", "--period", "--pruefsystem"],
            schalter: ["--public", "--oeffentlich"])
        if o.hilfe {
            k.aus(checkHilfe)
            return 0
        }
        if o.schalter.contains("--public") || o.schalter.contains("--oeffentlich") {
            return try pruefeOeffentlich(o, k)
        }
        for option in ["--period", "--pruefsystem"] where o.werte[option] != nil {
            throw Nutzungsfehler(text: "\(option) gibt es bei 'check' nur zusammen mit --public", befehl: "check")
        }
        let ordner = o.werte["--definitions"] ?? "Definitions/ulm"
        guard let katalog = ladeKatalog(ordner, k) else { return 1 }
        guard let daten = o.werte["--data"] else {
            let (s, ds) = ManuelleSchaltungen.lade(ordner: ordner, katalog: katalog, daten: nil)
            melde(ds, k)
            if ds.contains(where: { $0.schwere == .fehler }) { return 1 }
            k.aus(
                "Definitionen in Ordnung: \(katalog.kennzahlen.count) Kennzahlen, \(katalog.quellen.count) Quellen, \(katalog.sozialraeume.count) Sozialräume"
                    + (s.perioden.isEmpty
                        ? "." : ", Ampelschaltungen für \(s.perioden.map(\.name).joined(separator: ", "))."))
            return 0
        }
        k.aus(
            "Definitionen in Ordnung: \(katalog.kennzahlen.count) Kennzahlen, \(katalog.quellen.count) Quellen, \(katalog.sozialraeume.count) Sozialräume."
        )
        var (bestandOpt, d2) = Datenbestand.finde(ordner: daten, katalog: katalog)
        if let b = bestandOpt { d2 += ManuelleSchaltungen.lade(ordner: ordner, katalog: katalog, daten: b.abdeckung).1 }
        guard let bestand = bestandOpt, !d2.contains(where: { $0.schwere == .fehler }) else {
            melde(d2, k)
            return 1
        }
        let (auswertung, d3) = Auswerter.werteAus(
            katalog: katalog, bestand: bestand, anfragen: [], fortschritt: k.fortschritt)
        k.fortschritt?.beende()
        melde(d2 + d3, k)
        let s = auswertung.statistik
        let gelesen = s.reduce(0) { $0 + $1.zeilenGelesen }, verworfen = s.reduce(0) { $0 + $1.verworfenGesamt }
        if (d2 + d3).contains(where: { $0.schwere == .fehler }) {
            k.fehler("Daten fehlerhaft: \((d2 + d3).filter { $0.schwere == .fehler }.count) Fehler.")
            return 1
        }
        k.aus(
            "Daten gelesen: \(s.count) Dateien, \(Zahlformat.deutsch(Bruch(gelesen), dezimalen: 0)) Zeilen, davon \(Zahlformat.deutsch(Bruch(verworfen), dezimalen: 0)) verworfen."
        )
        return 0
    }

    /// `check --public`: the audit of the public set, for the data-protection officer – every
    /// withheld value with its reason and the range an attacker can prove for it.
    private static func pruefeOeffentlich(_ o: Optionen, _ k: Kanaele) throws -> Int32 {
        var a = Berichtslauf.Auftrag()
        a.oeffentlich = true
        if let d = o.werte["--definitions"] { a.definitionen = d }
        if let d = o.werte["--data"] { a.daten = d }
        if let p = o.werte["--period"] {
            guard let periode = Berichtsperiode.parse(p) else {
                throw Nutzungsfehler(
                    text: "ungültiger Zeitraum '\(p)': erwartet wird ein Quartal wie 2021-Q4 oder ein Jahr wie 2021",
                    befehl: "check")
            }
            a.periode = periode
        }
        a.fortschritt = k.fortschritt
        a.mitPruefsystem = o.werte["--pruefsystem"] != nil
        let (grundlage, diagnosen) = Berichtslauf.berechne(a)
        k.fortschritt?.beende()
        melde(diagnosen, k)
        guard let g = grundlage, let geheim = g.geheimhaltung else {
            k.fehler("Prüfung nicht möglich: \(diagnosen.filter { $0.schwere == .fehler }.count) Fehler.")
            return 1
        }
        let zeilen = geheim.protokoll(g.katalog)
        let zaehlung = Geheimhaltung.Grund.allCases.map { "\(geheim.anzahl($0)) \($0.rawValue)" }.joined(
            separator: ", ")
        k.aus("Öffentliche Berichte \(g.periode.deutsch): \(zeilen.count) Werte nicht ausgewiesen (\(zaehlung)).")
        if let erste = geheim.kette.first, geheim.kette.count > 1 {
            k.aus(
                "Geprüft zusammen mit den öffentlichen Berichten von \(erste.deutsch) an (\(geheim.kette.count - 1) frühere Berichtsstände, aus denselben Daten neu berechnet)."
            )
        }
        k.aus(
            "Bereich: was ein Angreifer, der alle veröffentlichten Werte als Gleichungssystem löst, über den Wert beweisen kann."
        )
        let kopf = ["Kennzahl", "Gebiet", "Zeitraum", "Teil", "Grund", "Bereich"]
        let tabelle =
            [kopf] + zeilen.map { [$0.kennzahl, $0.gebiet, $0.zeitraum, $0.teil, $0.grund.rawValue, $0.bereich] }
        let breiten = kopf.indices.map { i in tabelle.map { $0[i].count }.max() ?? 0 }
        for z in tabelle {
            k.aus(
                z.enumerated().map { i, t in
                    i == z.count - 1 ? t : t + String(repeating: " ", count: breiten[i] - t.count)
                }.joined(separator: "  "))
        }
        if let datei = o.werte["--pruefsystem"], let system = geheim.system {
            do {
                try Dateisystem.schreibe(system.json(), nach: datei)
            } catch {
                k.fehler("\(error.pfad): Fehler: \(error.grund) [KZ310]")
                return 1
            }
            k.aus(
                "Gleichungssystem des Angreifers geschrieben nach \(datei) (\(system.variablen.count) Unbekannte, \(system.bedingungen.count) Bedingungen, \(system.ziele.count) zurückgehaltene Werte)."
            )
        }
        return 0
    }

    // MARK: test

    private static func test(_ args: [String], _ k: Kanaele) throws -> Int32 {
        let o = try parse(args, befehl: "test", mitWert: ["--definitions"], schalter: [])
        if o.hilfe {
            k.aus(testHilfe)
            return 0
        }
        let ordner = o.werte["--definitions"] ?? "Definitions/ulm"
        guard let katalog = ladeKatalog(ordner, k, folge: "; keine Tests ausgeführt") else { return 1 }
        guard !katalog.tests.isEmpty else {
            k.aus("Keine Tests in \(ordner) ('test KENNUNG \"Name\" { … }' neben eine Kennzahl schreiben).")
            return 0
        }
        let ergebnisse = Testlauf.fuehreAus(katalog)
        for e in ergebnisse {
            if e.bestanden {
                k.aus("\(e.test.ort.kurz): bestanden: \(e.kennzahl) „\(e.test.name)“")
            } else {
                for f in e.fehler { k.fehler(f.formatiert) }
            }
        }
        let fehlgeschlagen = ergebnisse.filter { !$0.bestanden }.count
        k.aus(
            "\(ergebnisse.count) Tests: \(ergebnisse.count - fehlgeschlagen) bestanden, \(fehlgeschlagen) fehlgeschlagen."
        )
        return fehlgeschlagen == 0 ? 0 : 1
    }

    // MARK: samples

    private static func samples(_ args: [String], _ k: Kanaele) throws -> Int32 {
        let o = try parse(
            args, befehl: "samples", mitWert: ["--out", "--rows", "--seed"], schalter: [], positionell: 1)
        if o.hilfe {
            k.aus(samplesHilfe)
            return 0
        }
        let name = o.positionell.first ?? "ulm"
        guard let satz = Beispiele.satz(name) else {
            throw Nutzungsfehler(
                text:
                    "unbekannter Beispieldatensatz '\(name)'; verfügbar: \(Beispiele.alle.map(\.name).joined(separator: ", "))",
                befehl: "samples")
        }
        var grosseZeilen: Int?
        if let r = o.werte["--rows"] {
            guard let n = Int(r.replacingOccurrences(of: "_", with: "")), n >= 1_000, n <= 100_000_000 else {
                throw Nutzungsfehler(
                    text: "--rows erwartet eine Zeilenzahl zwischen 1000 und 100000000, nicht '\(r)'", befehl: "samples"
                )
            }
            guard satz.name == "ulm" else {
                throw Nutzungsfehler(
                    text:
                        "--rows gibt es für den Beispieldatensatz 'ulm' (großer Datensatz für Messungen), nicht für '\(satz.name)'",
                    befehl: "samples")
            }
            grosseZeilen = n
        }
        var seed = satz.standardSeed
        if let s = o.werte["--seed"] {
            guard let n = UInt64(s) else {
                throw Nutzungsfehler(text: "--seed erwartet eine ganze Zahl ≥ 0, nicht '\(s)'", befehl: "samples")
            }
            seed = n
        }
        let ziel = o.werte["--out"] ?? satz.ordner
        // The set replaces its folder: only an empty folder or an earlier sample set may go.
        let fm = FileManager.default
        if let vorhanden = try? fm.contentsOfDirectory(atPath: ziel), !vorhanden.isEmpty {
            let liesmich =
                fm.contents(atPath: Pfad.verbinde(ziel, "LIESMICH.txt")).map { String(decoding: $0, as: UTF8.self) }
                ?? ""
            guard liesmich.hasPrefix(Beispiele.kennzeichen) else {
                k.fehler(
                    "\(ziel): Fehler: der Ordner enthält andere Dateien als einen Beispieldatensatz und wird nicht überschrieben; bitte einen leeren oder neuen Ordner angeben"
                )
                return 1
            }
        }
        if let grosseZeilen {
            do {
                let e = try Massendaten.schreibe(zeilen: grosseZeilen, seed: seed, nach: ziel)
                let mb = Zahlformat.deutsch(Bruch(zaehler: Int128(e.bytes), nenner: 1_000_000) ?? .null, dezimalen: 1)
                k.aus(
                    "Großer Datensatz geschrieben nach \(ziel)/: \(e.dateien) Dateien, \(Zahlformat.deutsch(Bruch(e.zeilen), dezimalen: 0)) Zeilen, \(mb) MB (Seed \(seed))."
                )
                return 0
            } catch {
                k.fehler("\(error)")
                return 1
            }
        }
        let dateien = satz.dateien(seed: seed)
        let namen = Set(dateien.map(\.pfad))
        do {
            try Ausgabe.schreibe(dateien, nach: ziel, stamm: false, eigene: { namen.contains($0) })
        } catch {
            k.fehler("\(error)")
            return 1
        }
        let zeilen = dateien.reduce(0) { $0 + $1.inhalt.filter { $0 == 0x0A }.count }
        k.aus(
            "Beispieldaten '\(satz.name)' geschrieben nach \(ziel)/: \(dateien.count) Dateien, \(Zahlformat.deutsch(Bruch(zeilen), dezimalen: 0)) Zeilen (Seed \(seed))."
        )
        return 0
    }

    // MARK: Help texts

    static let hilfe = """
        kennzahl – Kennzahlen und Ampel für die sozialraumorientierte Sozialplanung

        Aufruf:
          kennzahl report  [--definitions ORDNER] [--data ORDNER] [--out ORDNER] [--period 2021-Q4|2021]
                           [--format csv,md,html] [--csv excel|rfc4180] [--streng] [--public]
          kennzahl check   [--definitions ORDNER] [--data ORDNER] [--public [--period 2021-Q4|2021] [--pruefsystem DATEI]]
          kennzahl test    [--definitions ORDNER]
          kennzahl samples [\(Beispiele.alle.map(\.name).joined(separator: "|"))] [--out ORDNER] [--seed S]
          kennzahl --help | --version
          kennzahl BEFEHL --help

        Befehle:
          report   wertet die Exporte aus und schreibt die Berichte (Produkte, Index, Katalog)
          check    prüft die Definitionen und, mit --data, die Exporte; mit --public die Geheimhaltung
                   der öffentlichen Berichte; schreibt keine Berichte
          test     führt die Tests neben den Kennzahlen aus (Testdaten und erwartete Ergebnisse)
          samples  schreibt einen synthetischen Beispieldatensatz

        Ohne Angaben wertet 'kennzahl report' den Ulmer Katalog (Definitions/ulm) auf den
        Beispieldaten (Samples/ulm) für das jüngste Quartal der Daten aus und schreibt nach reports/.

        Exit-Codes: 0 Erfolg, 1 Fehler in Definitionen oder Daten, 2 Aufruffehler.
        """

    static let reportHilfe = """
        kennzahl report – Berichte für einen Zeitraum schreiben

        Aufruf:
          kennzahl report [--definitions ORDNER] [--data ORDNER] [--out ORDNER] [--period 2021-Q4|2021]
                          [--format csv,md,html] [--csv excel|rfc4180] [--streng] [--public]

        Optionen:
          --definitions ORDNER  Katalog der Kennzahlen (*.kz)            Standard: Definitions/ulm
          --data ORDNER         Exporte der Fachverfahren (CSV)           Standard: Samples/ulm
          --out ORDNER          Ausgabeordner; Berichte in ORDNER/ZEITRAUM/ Standard: reports
          --period ZEITRAUM     Quartal (2021-Q4) oder Jahr (2021)        Standard: jüngstes Quartal der Daten
          --format LISTE        csv, md, html (kommagetrennt)             Standard: alle drei
          --csv VARIANTE        excel (Semikolon, Dezimalkomma, BOM) oder rfc4180 (Komma, Punkt)
          --streng              jede verworfene Exportzeile ist ein Fehler (Exit-Code 1)
          --public, --oeffentlich
                                öffentliche Berichte: Werte unter der Mindestfallzahl (Standard 3)
                                und Werte, aus denen sie sich errechnen ließen, erscheinen als '.'
          -h, --help            diese Hilfe

        Ausgabe: je Gebiet (gesamt und jeder Sozialraum) produkt-N.csv/.md/.html, dazu index.html
        und katalog.md/.html. Der Lauf schreibt alles oder nichts: ein vorhandener Berichtsstand
        wird erst ersetzt, wenn der neue vollständig ist.
        """

    static let checkHilfe = """
        kennzahl check – Definitionen (und Exporte) prüfen, ohne Berichte zu schreiben

        Aufruf:
          kennzahl check [--definitions ORDNER] [--data ORDNER]
          kennzahl check --public [--definitions ORDNER] [--data ORDNER] [--period ZEITRAUM] [--pruefsystem DATEI]

        Optionen:
          --definitions ORDNER  Katalog der Kennzahlen (*.kz) oder eine *.kz-Datei   Standard: Definitions/ulm
          --data ORDNER         zusätzlich alle Exporte lesen und jede verworfene Zeile melden
          --public, --oeffentlich
                                die Geheimhaltung der öffentlichen Berichte prüfen (für Datenschutz-
                                beauftragte): jeder zurückgehaltene Wert mit Grund und dem Bereich, den
                                ein Angreifer aus allen veröffentlichten Werten beweisen kann
          --period ZEITRAUM     mit --public: Quartal (2021-Q4) oder Jahr (2021); Standard: jüngstes Quartal
          --pruefsystem DATEI   mit --public: das Gleichungssystem des Angreifers als JSON schreiben
                                (zur Nachprüfung mit einem anderen Löser)
          -h, --help            diese Hilfe

        Jeder Fehler erscheint als 'datei:zeile:spalte: Fehler: …'. Exit-Code 1 bei Fehlern.
        """

    static let testHilfe = """
        kennzahl test – die Tests der Kennzahlen ausführen

        Aufruf:
          kennzahl test [--definitions ORDNER]

        Optionen:
          --definitions ORDNER  Katalog der Kennzahlen (*.kz) oder eine *.kz-Datei   Standard: Definitions/ulm
          -h, --help            diese Hilfe

        Ein Test steht im Katalog neben der Kennzahl ('test KENNUNG "Name" { … }'): einige Zeilen
        Testdaten je Quelle und die erwarteten Ergebnisse (Wert, Zähler, Nenner, Ampel, Zielwert).
        Jeder fehlgeschlagene Test erscheint als 'datei:zeile:spalte: Fehler: …'; Exit-Code 1.
        """

    static let samplesHilfe = """
        kennzahl samples – synthetischen Beispieldatensatz schreiben (keine echten Personen)

        Aufruf:
          kennzahl samples [NAME] [--out ORDNER] [--seed S] [--rows N]

        Datensätze (NAME, Standard: ulm):
        \(Beispiele.alle.map { "  \($0.name.padding(toLength: 14, withPad: " ", startingAt: 0)) für Definitions/\($0.name), Standardordner \($0.ordner), Seed \($0.standardSeed)" }.joined(separator: "\n"))

        Optionen:
          --out ORDNER   Zielordner                        Standard: Samples/NAME
          --seed S       Startwert des Zufallsgenerators   Standard: je Datensatz (siehe oben)
          --rows N       großer Datensatz für Messungen (nur ulm): die beiden größten Exporte mit
                         zusammen etwa N Zeilen, in die Dateien geschrieben, ohne sie im Speicher zu halten
          -h, --help     diese Hilfe

        Gleicher Seed, gleiche Bytes: der Datensatz ist reproduzierbar.
        """
}
