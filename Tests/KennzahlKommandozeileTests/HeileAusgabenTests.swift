import Foundation
import FoundationXML
import KennzahlTesthilfen
import Testing

@testable import KennzahlBasis
@testable import KennzahlBericht

/// Every output stays well-formed whatever the inputs hold: code points XML forbids, file names
/// with line breaks, addresses that a Markdown reader would turn into links.
@Suite struct HeileAusgabenTests {
    /// U+FFFE, U+FFFF and the other noncharacters are replaced like control characters.
    @Test func nichtzeichenWerdenErsetzt() {
        let roh =
            ["a", Self.fffe, "b", Self.ffff, "c", Self.zeichen(0xFDD0), "d", Self.zeichen(0xFDEF), "e"].joined()
            + Self.zeichen(0x1FFFE) + "f" + Self.zeichen(0x10FFFF) + "g"
        #expect(roh.ohneSteuerzeichen == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e\u{FFFD}f\u{FFFD}g")
        #expect(!HtmlRenderer.esc(roh).unicodeScalars.contains { $0.value == 0xFFFE || $0.value == 0xFFFF })
        // Neighbours that are characters stay.
        #expect("\u{FDCF}\u{FDF0}\u{FFFD}\u{FFEF}".ohneSteuerzeichen == "\u{FDCF}\u{FDF0}\u{FFFD}\u{FFEF}")
    }

    /// The Ulm catalogue with a noncharacter in its title and in a manual switching's reason, and
    /// a data folder holding a stray file whose name has a noncharacter and line breaks: every
    /// XML part of every workbook and Word file parses, no output holds a forbidden code point,
    /// and the file name injects no Markdown block (heading, list, code block, rule).
    @Test func feindlicheNamenInAllenFormaten() throws {
        let wurzel = temporaererOrdner()
        defer { try? FileManager.default.removeItem(atPath: wurzel) }
        let fm = FileManager.default
        let definitionen = wurzel + "/definitionen", daten = wurzel + "/daten", aus = wurzel + "/berichte"
        try fm.copyItem(atPath: Paket.definitionenUlm, toPath: definitionen)
        try fm.copyItem(atPath: Paket.beispieleUlm, toPath: daten)
        let katalogDatei = definitionen + "/katalog.kz"
        let katalog = try String(contentsOfFile: katalogDatei, encoding: .utf8)
        try katalog.replacingOccurrences(
            of: "katalog \"Kennzahlensystem der Abteilung Soziales, Stadt Ulm\"",
            with: "katalog \"Kennzahlensystem\(Self.fffe) Ulm\""
        ).write(toFile: katalogDatei, atomically: true, encoding: .utf8)
        let schaltung = definitionen + "/ampel-2021-Q4.csv"
        let zeilen = try String(contentsOfFile: schaltung, encoding: .utf8)
        try zeilen.replacingOccurrences(of: "Neues Pflegeheim", with: "Neues\(Self.ffff) Pflegeheim").write(
            toFile: schaltung, atomically: true, encoding: .utf8)
        let einschub = "EINSCHUB\(Self.fffe)\n# Kopf\n- Punkt\n    Code\n---\n1. Liste\nwww.example.org.csv"
        _ = fm.createFile(atPath: daten + "/" + einschub, contents: Data("a;b\n".utf8))
        let r = lauf([
            "report", "--definitions", definitionen, "--data", daten, "--period", "2021-Q4", "--format", "alle",
            "--out", aus,
        ])
        #expect(r.code == 0, "\(r.fehler)")
        // The terminal channels (`Kanaele.standard`) pass everything through `ohneSteuerzeichen`.
        #expect((r.aus + r.fehler).unicodeScalars.contains { $0.value == 0xFFFE })
        #expect(!(r.aus + r.fehler).ohneSteuerzeichen.unicodeScalars.contains(where: Self.verboten))
        let dateien = inhalt(aus + "/2021-Q4")
        #expect(dateien.count > 70)
        var einschuebe = 0
        for (pfad, bytes) in dateien.sorted(by: { $0.key < $1.key }) {
            if pfad.hasSuffix(".xlsx") || pfad.hasSuffix(".docx") {
                let teile = try #require(Zip.entpacke([UInt8](bytes)), "\(pfad)")
                for teil in teile where teil.pfad.hasSuffix(".xml") || teil.pfad.hasSuffix(".rels") {
                    let parser = XMLParser(data: Data(teil.inhalt))
                    #expect(parser.parse(), "\(pfad) \(teil.pfad): kein wohlgeformtes XML")
                }
            }
            let text = try DatenschutzTests.text(pfad, [UInt8](bytes))
            #expect(!text.unicodeScalars.contains { Self.verboten($0) }, "\(pfad): verbotenes Zeichen")
            guard pfad.hasSuffix(".md") else { continue }
            // The injected name stays on one line: no line of the file starts with its parts.
            for zeile in text.split(separator: "\n") where zeile.contains("EINSCHUB") {
                einschuebe += 1
                for teil in ["Kopf", "Punkt", "Code", "Liste", "example"] {
                    #expect(zeile.contains(teil), "\(pfad): '\(teil)' auf eigener Zeile")
                }
            }
            for zeile in text.split(separator: "\n") {
                for anfang in ["# Kopf", "\\# Kopf", "- Punkt", "    Code", "---\n", "1. Liste", "www.example"] {
                    #expect(!zeile.hasPrefix(anfang), "\(pfad): Zeile beginnt mit '\(anfang)'")
                }
                // No address a Markdown reader would turn into a link.
                #expect(!zeile.contains("www.example"), "\(pfad): www.-Adresse als Link")
            }
        }
        #expect(einschuebe > 0, "der Dateiname erscheint in keinem Markdown-Bericht")
    }

    /// U+FFFE and U+FFFF (Swift literals cannot hold them).
    static let fffe = zeichen(0xFFFE)
    static let ffff = zeichen(0xFFFF)

    static func zeichen(_ wert: UInt32) -> String {
        var s = String.UnicodeScalarView()
        s.append(Unicode.Scalar(wert)!)
        return String(s)
    }

    /// Code points XML 1.0 forbids, and the noncharacters.
    static func verboten(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        if v < 0x20 { return v != 0x09 && v != 0x0A && v != 0x0D }
        return (0xFDD0...0xFDEF).contains(v) || v & 0xFFFE == 0xFFFE
    }

    /// Links in Markdown text: bare addresses (`www.`, `http://`, e-mail) are escaped so that
    /// GitHub's and pandoc's autolink extensions see no address.
    @Test(arguments: [
        ("siehe https://example.org/x", "siehe https\\://example.org/x"),
        ("siehe www.example.org", "siehe www\\.example.org"),
        ("WWW.Example.org", "WWW\\.Example.org"),
        ("an a@b.de", "an a\\@b.de"),
        ("ftp://x", "ftp\\://x"),
        ("Zeit 10:30, Verhältnis 1:2", "Zeit 10:30, Verhältnis 1:2"),
    ])
    func adressenWerdenKeineLinks(_ fall: (String, String)) {
        #expect(MarkdownRenderer.text(fall.0) == fall.1)
    }

    /// Every line of a text is escaped as if it started a block: a text never opens a heading,
    /// list, quote, code block or rule; line breaks inside texts become spaces.
    @Test(arguments: [
        ("a\n# b", "a \\# b"),
        ("a\n- b", "a - b"),
        ("a\r\n    b", "a     b"),
        ("    eingerückt", "eingerückt"),
        ("a\n---", "a ---"),
        ("a\n===", "a ==="),
        ("a\n1. b", "a 1. b"),
    ])
    func zeilenumbruecheOeffnenKeinenBlock(_ fall: (String, String)) {
        #expect(MarkdownRenderer.text(fall.0) == fall.1)
    }
}

/// `check --public --pruefsystem DATEI` writes the attacker's system (with the true small values)
/// only to a new file or over an earlier system file, never over an input, and atomically.
@Suite struct PruefsystemDateiTests {
    static let katalog = Kleinstadt.katalog

    func ordner() throws -> (definitionen: Fixture, daten: Fixture) {
        var zeilen = ["Fall;SR;Beginn;Ende;Form"]
        for (i, (raum, form)) in [("Nord", "a"), ("Nord", "s"), ("Mitte", "a"), ("Süd", "a"), ("Süd", "a")].enumerated()
        {
            zeilen.append("F\(i);\(raum);01.01.2021;;\(form)")
        }
        return (
            try Fixture(["k.kz": Self.katalog, "notizen.txt": "nicht überschreiben\n"]),
            try Fixture(["hilfen-2021-Q4.csv": zeilen.joined(separator: "\n") + "\n"])
        )
    }

    func check(_ o: (definitionen: Fixture, daten: Fixture), _ datei: String) -> (
        code: Int32, aus: String, fehler: String
    ) {
        lauf([
            "check", "--public", "--definitions", o.definitionen.ordner, "--data", o.daten.ordner, "--period",
            "2021-Q4", "--pruefsystem", datei,
        ])
    }

    @Test func eingabenBleibenUnberuehrt() throws {
        let o = try ordner()
        let fremd = temporaererOrdner()
        defer { try? FileManager.default.removeItem(atPath: fremd) }
        try Data("meine Notizen\n".utf8).write(to: URL(fileURLWithPath: fremd + "/notizen.txt"))
        try FileManager.default.createSymbolicLink(
            atPath: fremd + "/verweis.json", withDestinationPath: o.daten.ordner + "/hilfen-2021-Q4.csv")
        for ziel in [
            o.daten.ordner + "/hilfen-2021-Q4.csv", o.definitionen.ordner + "/k.kz",
            o.daten.ordner + "/neu.json", fremd + "/notizen.txt", fremd + "/verweis.json",
        ] {
            let vorher = FileManager.default.contents(atPath: ziel)
            let r = check(o, ziel)
            #expect(r.code == 2, "\(ziel): \(r.code) \(r.fehler)")
            #expect(r.fehler.contains("--pruefsystem"), "\(r.fehler)")
            #expect(FileManager.default.contents(atPath: ziel) == vorher, "\(ziel) verändert")
        }
    }

    @Test func schreibtNeuUndUeberEinFruheresSystem() throws {
        let o = try ordner()
        let aus = temporaererOrdner()
        defer { try? FileManager.default.removeItem(atPath: aus) }
        let datei = aus + "/system.json"
        for _ in 0..<2 {
            let r = check(o, datei)
            #expect(r.code == 0, "\(r.fehler)")
            let json = try JSONSerialization.jsonObject(with: try #require(FileManager.default.contents(atPath: datei)))
            #expect((json as? [String: Any])?["bedingungen"] != nil)
            // Nothing left behind next to it.
            #expect(try FileManager.default.contentsOfDirectory(atPath: aus) == ["system.json"])
        }
    }
}

/// A map's outlines are simplified once per run to what a 320 px drawing shows: the reports'
/// size depends on the number of maps, not on how many points the catalogue's GeoJSON has.
@Suite struct KartenumrissTests {
    /// Three round areas side by side, each a ring of `punkte` points.
    static func geojson(punkte: Int) -> String {
        let flaechen = ["Nord", "Mitte", "Süd"].enumerated().map { n, name -> String in
            let ring = (0...punkte).map { i -> String in
                let w = Double(i % punkte) / Double(punkte) * 2 * .pi
                return "[\(9.9 + Double(n) * 0.05 + 0.02 * cos(w)),\(48.4 + 0.02 * sin(w))]"
            }
            return "{\"type\":\"Feature\",\"properties\":{\"name\":\"\(name)\"},"
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[\(ring.joined(separator: ","))]]}}"
        }
        return "{\"type\":\"FeatureCollection\",\"features\":[\(flaechen.joined(separator: ","))]}"
    }

    func berichte(punkte: Int) throws -> [String: Data] {
        let katalog = Kleinstadt.katalog.replacingOccurrences(
            of: "mindestfallzahl 3 }", with: "mindestfallzahl 3; karte \"karte.geojson\" eigenschaft \"name\" }")
        let definitionen = try Fixture(["k.kz": katalog, "karte.geojson": Self.geojson(punkte: punkte)])
        let daten = try Fixture([
            "hilfen-2021-Q4.csv": "Fall;SR;Beginn;Ende;Form\nF1;Nord;01.01.2021;;a\nF2;Süd;01.01.2021;;s\n"
        ])
        let aus = temporaererOrdner()
        defer { try? FileManager.default.removeItem(atPath: aus) }
        let r = lauf(["report", "--definitions", definitionen.ordner, "--data", daten.ordner, "--out", aus])
        #expect(r.code == 0, "\(r.fehler)")
        return inhalt(aus + "/2021-Q4")
    }

    @Test func groesseHaengtNichtVonDenPunktenAb() throws {
        let wenig = try berichte(punkte: 400)
        let viel = try berichte(punkte: 200_000)
        let summe = { (d: [String: Data]) in d.values.reduce(0) { $0 + $1.count } }
        #expect(wenig.keys.sorted() == viel.keys.sorted())
        #expect(
            summe(viel) < summe(wenig) * 11 / 10, "\(summe(wenig)) Bytes bei 400 Punkten, \(summe(viel)) bei 200.000")
        // Each outline keeps its shape: a circle of about 100 px radius needs a few dozen points.
        let html = String(decoding: try #require(viel["gesamt/produkt-1.html"]), as: UTF8.self)
        let pfade = html.matches(of: try Regex("<path d=\"([^\"]*)\"")).map { String($0.output[1].substring ?? "") }
        #expect(pfade.count >= 3)
        for d in pfade {
            let punkte = d.split(separator: "L").count
            #expect((12...400).contains(punkte), "\(punkte) Punkte")
        }
    }

    /// Douglas–Peucker keeps every point of the original within the tolerance of the result.
    @Test func vereinfachungBleibtInDerToleranz() {
        var ring: [(x: Double, y: Double)] = []
        for i in 0..<5000 {
            let w = Double(i) / 5000 * 2 * .pi
            ring.append((100 + 80 * cos(w) + 0.1 * sin(w * 37), 100 + 60 * sin(w)))
        }
        ring.append(ring[0])
        let einfach = Kartenbau.vereinfache(ring, toleranz: 0.25)
        #expect(einfach.count < 200 && einfach.count >= 8, "\(einfach.count)")
        #expect(einfach.first! == ring.first! && einfach.last! == ring.last!)
        for p in ring {
            let abstand = zip(einfach, einfach.dropFirst()).map { Kartenbau.abstand(p, $0, $1) }.min() ?? .infinity
            #expect(abstand <= 0.25 + 1e-9)
        }
    }
}
