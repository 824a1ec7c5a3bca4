import Foundation
import KennzahlTesthilfen
import Testing

@testable import KennzahlBasis
@testable import KennzahlBeispiele
@testable import KennzahlBericht
@testable import KennzahlDaten
@testable import KennzahlDefinition
@testable import KennzahlKommandozeile

@Suite struct KommandozeileTests {
    @Test func hilfeUndVersion() {
        #expect(lauf(["--version"]).aus == "kennzahl 0.1.0")
        #expect(lauf(["--version"]).code == 0)
        let h = lauf([])
        #expect(h.code == 0)
        #expect(h.aus.contains("kennzahl report"))
        for befehl in ["report", "check", "samples"] {
            let r = lauf([befehl, "--help"])
            #expect(r.code == 0)
            #expect(r.aus.contains("kennzahl \(befehl)"))
        }
    }

    @Test(arguments: [
        (["reprot"], "unbekannter Befehl 'reprot' – meinten Sie 'report'?"),
        (["report", "--formt", "csv"], "unbekannte Option '--formt' für 'report' – meinten Sie '--format'?"),
        (["report", "--period", "2021-Q5"], "ungültiger Zeitraum '2021-Q5'"),
        (["report", "--period"], "der Option --period fehlt ein Wert"),
        (["report", "--format", "pdf"], "unbekanntes Format 'pdf'"),
        (["report", "--csv", "semikolon"], "unbekannte CSV-Variante 'semikolon'"),
        (["report", "überzählig"], "unerwartetes Argument 'überzählig'"),
        (["samples", "--seed", "-1"], "--seed erwartet eine ganze Zahl"),
        (["samples", "hamburg"], "unbekannter Beispieldatensatz 'hamburg'"),
    ])
    func aufruffehlerGebenExitCode2(_ fall: ([String], String)) {
        let r = lauf(fall.0)
        #expect(r.code == 2)
        #expect(r.fehler.contains("kennzahl: Fehler: " + fall.1) || r.fehler.contains(fall.1), "\(r.fehler)")
        #expect(r.fehler.contains("--help"))
    }

    @Test func fehlenderDatenordnerGibtExitCode1() {
        let r = lauf([
            "report", "--definitions", Paket.definitionenUlm, "--data", "/gibt/es/nicht", "--out", temporaererOrdner(),
        ])
        #expect(r.code == 1)
        #expect(r.fehler.contains("/gibt/es/nicht: Fehler: Datenordner nicht gefunden"))
    }

    @Test func fehlerhafteDefinitionGibtExitCode1MitOrt() throws {
        let ordner = temporaererOrdner()
        try Data("katalog \"X\" {\n  produkt 1 \"A\"\n  produkkt 2 \"B\"\n}\n".utf8).write(
            to: URL(fileURLWithPath: ordner + "/k.kz"))
        let r = lauf(["check", "--definitions", ordner])
        #expect(r.code == 1)
        #expect(r.fehler.contains("\(ordner)/k.kz:3:3: Fehler: unbekanntes Feld 'produkkt' in katalog"))
        #expect(r.fehler.contains("^~~~~~~~ meinten Sie 'produkt'?"))
    }

    /// `check --data` runs the same stages as `report` (Berichtslauf.lies): a broken manual
    /// switching fails both, with the same message.
    @Test func checkUndReportPruefenSchaltungenGleich() throws {
        let definitionen = temporaererOrdner()
        for name in try FileManager.default.contentsOfDirectory(atPath: Paket.definitionenUlm)
        where !name.hasPrefix("ampel-") {
            try FileManager.default.copyItem(
                atPath: Paket.definitionenUlm + "/" + name, toPath: definitionen + "/" + name)
        }
        try Data("Kennzahl;Sozialraum;Farbe;Begründung;Wer;Datum\nP2-JH-GES;Eselsberg;lila;weil;FK;01.12.2021\n".utf8)
            .write(to: URL(fileURLWithPath: definitionen + "/ampel-2021-Q4.csv"))
        let erwartet = "\(definitionen)/ampel-2021-Q4.csv:2: Fehler: unbekannte Farbe 'lila'"
        let check = lauf(["check", "--definitions", definitionen, "--data", Paket.beispieleUlm])
        #expect(check.code == 1)
        #expect(check.fehler.contains(erwartet), "\(check.fehler)")
        #expect(check.fehler.contains("Eingaben fehlerhaft: 1 Fehler."))
        let report = lauf([
            "report", "--definitions", definitionen, "--data", Paket.beispieleUlm, "--out", temporaererOrdner(),
        ])
        #expect(report.code == 1)
        #expect(report.fehler.contains(erwartet), "\(report.fehler)")
    }

    /// One source, one file, one Kennzahl: `check` counts them in the singular.
    @Test func checkZaehltEinzahl() throws {
        let text =
            Kleinstadt.katalog.components(separatedBy: "kennzahl AMB")[0]
            + "kennzahl AMB \"ambulant\" { produkt 1; definition \"d\"; wert anzahl faelle aus hilfen; zeitraum quartal, stichtag }"
        let definitionen = try Fixture(["k.kz": text])
        let daten = try Fixture(["hilfen-2021-Q4.csv": "Fall;SR;Beginn;Ende;Form\nF1;Nord;01.01.2021;;a\n"])
        let r = lauf(["check", "--definitions", definitionen.ordner, "--data", daten.ordner])
        #expect(r.code == 0, "\(r.fehler)")
        #expect(r.aus.contains("Definitionen in Ordnung: 1 Kennzahl, 1 Quelle, 3 Sozialräume."), "\(r.aus)")
        #expect(r.aus.contains("Daten gelesen: 1 Datei, 1 Zeile, davon 0 verworfen."), "\(r.aus)")
    }

    /// `--format alle` adds the Excel and Word files beside the others, plus the period's workbook;
    /// the overview links each format; an unknown format names the known ones, docx among them.
    @Test func alleFormateMitExcelUndWord() throws {
        let aus = temporaererOrdner()
        defer { try? FileManager.default.removeItem(atPath: aus) }
        let r = lauf(["report", "--period", "2021-Q4", "--format", "alle", "--out", aus])
        #expect(r.code == 0, "\(r.fehler)")
        let fm = FileManager.default
        for n in 1...4 {
            for e in ["csv", "md", "html", "xlsx", "docx"] {
                #expect(fm.fileExists(atPath: "\(aus)/2021-Q4/wiblingen/produkt-\(n).\(e)"), "produkt-\(n).\(e)")
            }
        }
        #expect(fm.fileExists(atPath: "\(aus)/2021-Q4/kennzahlen-2021-Q4.xlsx"))
        let index = try String(contentsOfFile: "\(aus)/2021-Q4/index.html", encoding: .utf8)
        #expect(index.contains("href=\"wiblingen/produkt-3.docx\""))
        let falsch = lauf(["report", "--format", "xlsx,foo", "--out", aus])
        #expect(falsch.code == 2)
        #expect(falsch.fehler.contains("unbekanntes Format 'foo': erlaubt sind csv, md, html, xlsx, docx und alle"))
    }

    /// A run never replaces a set of the other kind (internal ↔ public) of the same period in
    /// the same folder: exit 2, a message naming --out, the old set byte for byte as it was.
    @Test func internUndOeffentlichWerdenNieVermischt() throws {
        let aus = temporaererOrdner()
        defer { try? FileManager.default.removeItem(atPath: aus) }
        let basis = ["report", "--period", "2021-Q4", "--format", "md", "--out", aus]
        for (erst, dann) in [([String](), ["--public"]), (["--public"], [String]())] {
            try? FileManager.default.removeItem(atPath: aus + "/2021-Q4")
            #expect(lauf(basis + erst).code == 0)
            let vorher = inhalt(aus)
            let r = lauf(basis + dann)
            #expect(r.code == 2, "\(r.fehler)")
            #expect(r.fehler.contains("--out"), "\(r.fehler)")
            #expect(inhalt(aus) == vorher)
            // The same kind again replaces the set as before.
            #expect(lauf(basis + erst).code == 0)
        }
    }

    @Test func strengLehntVerworfeneZeilenAb() {
        let aus = temporaererOrdner()
        let r = lauf([
            "report", "--definitions", Paket.definitionenUlm, "--data", Paket.beispieleUlm, "--out", aus, "--streng",
            "--period", "2021-Q4",
        ])
        #expect(r.code == 1)
        #expect(r.fehler.contains("--streng: 3 Zeilen wurden verworfen"))
        #expect(!FileManager.default.fileExists(atPath: aus + "/2021-Q4"))
    }

    @Test func berichtslaufSchreibtDieVolleStrukturUndIstDeterministisch() throws {
        let a = temporaererOrdner(), b = temporaererOrdner()
        let basis = [
            "report", "--definitions", Paket.definitionenUlm, "--data", Paket.beispieleUlm, "--period", "2021-Q4",
        ]
        let r = lauf(basis + ["--out", a])
        #expect(r.code == 0, "\(r.fehler)")
        #expect(r.aus.contains("Berichte für 4. Quartal 2021 geschrieben"))
        #expect(r.aus.contains("Wiblingen"))
        #expect(lauf(basis + ["--out", b]).code == 0)
        let fm = FileManager.default
        var dateien: [String] = []
        for slug in ["gesamt", "boefingen", "eselsberg", "mitte-ost", "weststadt", "wiblingen"] {
            for n in 1...4 {
                for e in ["csv", "md", "html"] { dateien.append("\(slug)/produkt-\(n).\(e)") }
            }
        }
        // The set's record (kind and files, see `Ausgabe`) is part of it.
        dateien += ["index.html", "katalog.md", "katalog.html", Ausgabe.stammdatei]
        let alle = try #require(fm.enumerator(atPath: a + "/2021-Q4")?.allObjects as? [String]).filter {
            !$0.hasSuffix("/") && $0.contains(".")
        }
        #expect(Set(alle) == Set(dateien))
        for d in dateien {
            #expect(
                fm.contents(atPath: a + "/2021-Q4/" + d) == fm.contents(atPath: b + "/2021-Q4/" + d),
                "\(d) nicht deterministisch")
        }
        // No temporary folders left behind.
        #expect(try fm.contentsOfDirectory(atPath: a) == ["2021-Q4"])
    }
}

@Suite struct OrtsunabhaengigkeitTests {
    /// Same inputs, same bytes: the folders' location on disk must not show in any report.
    @Test func gleicheDatenAnAnderemOrtGebenGleicheBerichte() throws {
        let fm = FileManager.default
        var staende: [[String: Data]] = []
        for _ in 0..<2 {
            let ordner = temporaererOrdner()
            try fm.copyItem(atPath: Paket.beispieleUlm, toPath: ordner + "/daten")
            try fm.copyItem(atPath: Paket.definitionenUlm, toPath: ordner + "/definitionen")
            let r = lauf([
                "report", "--definitions", ordner + "/definitionen", "--data", ordner + "/daten", "--out",
                ordner + "/aus",
                "--period", "2021-Q4",
            ])
            #expect(r.code == 0)
            var dateien: [String: Data] = [:]
            for pfad in fm.enumerator(atPath: ordner + "/aus/2021-Q4")?.allObjects as? [String] ?? [] {
                if let d = fm.contents(atPath: ordner + "/aus/2021-Q4/" + pfad), pfad.contains(".") {
                    dateien[pfad] = d
                }
            }
            staende.append(dateien)
            try? fm.removeItem(atPath: ordner)
        }
        #expect(staende[0].count == 76)  // 75 reports and the set's record
        for (pfad, inhalt) in staende[0] {
            #expect(staende[1][pfad] == inhalt, "\(pfad) hängt vom Ort der Eingaben ab")
        }
    }
}

@Suite struct BeispielbefehlTests {
    @Test func schreibtBeispieleUndUeberschreibtNurBeispiele() throws {
        let ordner = temporaererOrdner() + "/beispiele"
        #expect(lauf(["samples", "--out", ordner]).code == 0)
        #expect(FileManager.default.fileExists(atPath: ordner + "/prosoz-jugendhilfe-2021-Q4.csv"))
        // A second run replaces its own earlier sample set.
        #expect(lauf(["samples", "--out", ordner]).code == 0)
    }

    @Test func fremderOrdnerWirdNichtUeberschrieben() throws {
        let ordner = temporaererOrdner()
        try Data("wichtig".utf8).write(to: URL(fileURLWithPath: ordner + "/eigene-daten.csv"))
        let r = lauf(["samples", "--out", ordner])
        #expect(r.code == 1)
        #expect(r.fehler.contains("enthält andere Dateien"))
        #expect(FileManager.default.contents(atPath: ordner + "/eigene-daten.csv") == Data("wichtig".utf8))
    }

    /// `--rows`: the large set for measurements has about that many rows in the two big sources,
    /// the same bytes for the same seed, and the normal report reads it.
    @Test func grosserDatensatz() throws {
        let ordner = temporaererOrdner()
        defer { try? FileManager.default.removeItem(atPath: ordner) }
        let r = lauf(["samples", "ulm", "--rows", "6000", "--out", ordner + "/a"])
        #expect(r.code == 0, "\(r.fehler)")
        #expect(r.aus.contains("Großer Datensatz geschrieben"))
        #expect(lauf(["samples", "ulm", "--rows", "6000", "--out", ordner + "/b"]).code == 0)
        let fm = FileManager.default
        var zeilen = 0
        for name in try fm.contentsOfDirectory(atPath: ordner + "/a") {
            let a = fm.contents(atPath: ordner + "/a/" + name), b = fm.contents(atPath: ordner + "/b/" + name)
            #expect(a == b, "\(name) hängt nicht nur vom Seed ab")
            if name.hasPrefix("prosoz-jugendhilfe-") || name.hasPrefix("open-sozialhilfe-") {
                zeilen += String(decoding: a ?? Data(), as: UTF8.self).split(separator: "\r\n").count - 1
            }
        }
        #expect(zeilen >= 6000 && zeilen < 6600, "\(zeilen) Zeilen")
        let bericht = lauf(["report", "--data", ordner + "/a", "--out", ordner + "/berichte"])
        #expect(bericht.code == 0, "\(bericht.fehler)")
        // Only for the Ulm set, and a sensible size.
        let anderer = try #require(Beispiele.alle.first { $0.name != "ulm" }?.name)
        #expect(lauf(["samples", anderer, "--rows", "6000", "--out", ordner + "/c"]).code == 2)
        #expect(
            lauf(["samples", "ulm", "--rows", "10", "--out", ordner + "/d"]).fehler.contains(
                "--rows erwartet eine Zeilenzahl"))
    }
}
