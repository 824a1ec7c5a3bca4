import Foundation
import KennzahlTesthilfen
import Testing

@testable import KennzahlBasis
@testable import KennzahlBeispiele
@testable import KennzahlBericht
@testable import KennzahlDaten
@testable import KennzahlDefinition
@testable import KennzahlKommandozeile

/// No case data in any output, internal or public, and no input that can subvert an output.
@Suite struct DatenschutzTests {
    /// Every file of a report run as text.
    func ausgaben(_ args: [String]) throws -> [(pfad: String, text: String)] {
        let aus = temporaererOrdner()
        let r = lauf(["report", "--out", aus] + args)
        #expect(r.code == 0, "\(r.fehler)")
        var dateien: [(String, String)] = []
        let fm = FileManager.default
        let alle = fm.enumerator(atPath: aus)?.compactMap { $0 as? String } ?? []
        for pfad in alle.sorted() where !pfad.hasPrefix(".") {
            var ordner: ObjCBool = false
            guard fm.fileExists(atPath: aus + "/" + pfad, isDirectory: &ordner), !ordner.boolValue else { continue }
            let bytes = try #require(fm.contents(atPath: aus + "/" + pfad))
            dateien.append((pfad, try Self.text(pfad, [UInt8](bytes))))
        }
        try? fm.removeItem(atPath: aus)
        return dateien
    }

    /// A file's text; of an Excel or Word file the text of every part of its zip, one after another.
    static func text(_ pfad: String, _ bytes: [UInt8]) throws -> String {
        guard pfad.hasSuffix(".xlsx") || pfad.hasSuffix(".docx") else { return String(decoding: bytes, as: UTF8.self) }
        let teile = try #require(Zip.entpacke(bytes), "\(pfad): Container nicht heil")
        return teile.map { String(decoding: $0.inhalt, as: UTF8.self) }.joined(separator: "\n")
    }

    /// Words, numbers, ids and dates of a text.
    static func woerter(_ text: String) -> Set<Substring> {
        var menge = Set<Substring>()
        var start: String.Index?
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            let gehoertDazu = c.isLetter || c.isNumber || c == "-" || c == "." || c == "*"
            if gehoertDazu, start == nil { start = i }
            if !gehoertDazu, let s = start {
                menge.insert(text[s..<i].trimmingCharacters(in: CharacterSet(charactersIn: ".-"))[...])
                start = nil
            }
            i = text.index(after: i)
        }
        if let s = start { menge.insert(text[s...]) }
        return menge
    }

    /// Case ids, person numbers, birth dates and free-text notes of every sample export.
    func falldaten() throws -> (ids: Set<String>, geburtsdaten: Set<String>, notizen: Set<String>) {
        var ids = Set<String>(), geburt = Set<String>(), notizen = Set<String>()
        let fm = FileManager.default
        for name in try fm.contentsOfDirectory(atPath: Paket.beispieleUlm) where name.hasSuffix(".csv") {
            var bytes = [UInt8](try #require(fm.contents(atPath: Paket.beispieleUlm + "/" + name)))
            if !Textkodierung.istUTF8(bytes) { bytes = Textkodierung.umwandeln(bytes, .windows1252) }
            let zeilen = CsvZerleger.zeilenAlsText(bytes)
            guard let kopf = zeilen.first?.felder else { continue }
            func spalten(_ namen: [String]) -> [Int] {
                kopf.indices.filter { namen.contains(kopf[$0].replacingOccurrences(of: "\u{FEFF}", with: "")) }
            }
            let idSpalten = spalten([
                "Fallnummer", "Fall-Nr.", "Aktenzeichen", "ID", "Vorgang", "Beratung", "Personennummer",
            ])
            let geburtSpalten = spalten(["Geburtsdatum"])
            let notizSpalten = spalten(["Bemerkung"])
            for z in zeilen.dropFirst() {
                for s in idSpalten where s < z.felder.count && !z.felder[s].isEmpty { ids.insert(z.felder[s]) }
                for s in geburtSpalten where s < z.felder.count && !z.felder[s].isEmpty { geburt.insert(z.felder[s]) }
                for s in notizSpalten where s < z.felder.count && !z.felder[s].isEmpty { notizen.insert(z.felder[s]) }
            }
        }
        return (ids, geburt, notizen)
    }

    @Test func keineFalldatenInIrgendeinerAusgabe() throws {
        let (ids, geburtsdaten, notizen) = try falldaten()
        #expect(ids.count > 10_000 && geburtsdaten.count > 500 && notizen.count >= 4)
        // The search itself finds what it looks for.
        let probe = DatenschutzTests.woerter("<td>Fall \(ids.sorted()[0]); geboren \(geburtsdaten.sorted()[0]).</td>")
        #expect(probe.contains(ids.sorted()[0][...]) && probe.contains(geburtsdaten.sorted()[0][...]))
        // Dates the reports print by design: first and last days of quarters, the Stand date and
        // the date of the manual switching. A birth date that happens to equal one of them says
        // nothing about a person.
        var erlaubt = Set(["16.01.2023", "18.01.2022"])
        for jahr in 2000...2030 {
            for q in 1...4 {
                let quartal = Quartal(jahr: jahr, nummer: q)
                erlaubt.insert(quartal.ersterTag.deutsch)
                erlaubt.insert(quartal.letzterTag.deutsch)
            }
        }
        var laeufe = 0
        for args in [
            ["--period", "2021-Q4", "--format", "alle"], ["--period", "2021-Q4", "--public", "--format", "alle"],
            ["--period", "2022-Q4"],
            ["--period", "2021"],
        ] {
            for (pfad, text) in try ausgaben(args) {
                let woerter = DatenschutzTests.woerter(text)
                let ids = ids.filter { woerter.contains($0[...]) }
                #expect(ids.isEmpty, "\(args) \(pfad): Fallnummern \(ids.prefix(5))")
                let daten = geburtsdaten.filter { woerter.contains($0[...]) && !erlaubt.contains($0) }
                #expect(daten.isEmpty, "\(args) \(pfad): Geburtsdaten \(daten.prefix(5))")
                for n in notizen { #expect(!text.contains(n), "\(args) \(pfad): Notiz '\(n)'") }
                laeufe += 1
            }
        }
        #expect(laeufe > 250)
    }
}

/// Hostile names and texts in a catalogue and its exports: every format stays intact, nothing is
/// executed or interpreted, and no file lands outside the output folder.
@Suite struct FeindlicheEingabenTests {
    static let lang = String(repeating: "Sehr langer Name ", count: 300)
    static let katalog = """
        katalog "<script>alert(1)</script> Katalog" { produkt 1 "=HYPERLINK(\\"http://x\\") | `Produkt`"; produkt 2 "Ampel" ampel }
        sozialraum "<script>alert(1)</script>" { codes "A" }
        sozialraum "=HYPERLINK(\\"http://x\\")" { codes "B" }
        sozialraum "../../etc/passwd" { codes "C" }
        sozialraum "\\(lang)" { codes "D" }
        sozialraum "Nord | Süd `x` \\u{7}" { codes "E" }
        quelle hilfen "\\"; DROP TABLE hilfen; -- <img src=x onerror=alert(1)>" {
          art faelle
          datei "hilfen-{quartal}.csv"
          id "Fall"
          sozialraum "SR"
          beginn "Beginn"
          feld art "Art" { "a" -> "+SUM(A1:A9)"; "b" -> "@cmd|' /C calc'!A0" }
        }
        kennzahl K1 "<b>fett</b> & \\"Zitat\\" | Pipe `Code` [Link](http://x)" {
          produkt 1
          definition "-2+3 <iframe src=//x></iframe> \\\\ Backslash"
          quelle "=1+1"
          wert anzahl faelle aus hilfen wo art = "+SUM(A1:A9)"
          zeitraum quartal, stichtag
          ampel { gelb wenn wert unter 100 }
        }
        kennzahl K2 "@SUMME\u{9B}31m" { produkt 1; definition "x"; wert anzahl faelle aus hilfen; zeitraum quartal, stichtag }
        """

    static var daten: [UInt8] {
        var zeilen = "Fall;SR;Beginn;Art\n"
        for (i, code) in ["A", "B", "C", "D", "E"].enumerated() {
            for j in 0..<5 { zeilen += "F\(i)-\(j);\(code);01.01.2021;\(j % 2 == 0 ? "a" : "b")\n" }
        }
        // A broken row with markup and an escape sequence, and a byte that is not UTF-8.
        zeilen += "<script>x</script>;\u{1b}[2J;01.01.2021;a\n"
        return Array(zeilen.utf8) + [
            0x46, 0x39, 0x3B, 0x41, 0x3B, 0x30, 0x31, 0x2E, 0x30, 0x31, 0x2E, 0x32, 0x30, 0x32, 0x31, 0x3B, 0xFF, 0x0A,
        ]
    }

    @Test func ausgabenBleibenHeilUndImAusgabeordner() throws {
        let definitionen = try Fixture(["k.kz": FeindlicheEingabenTests.katalog])
        let exporte = try Fixture([:])
        try exporte.schreibe("hilfen-2021-Q4.csv", FeindlicheEingabenTests.daten)
        try exporte.schreibe("<img src=x onerror=alert(1)>.csv", Array("a;b\n".utf8))
        let wurzel = temporaererOrdner()
        defer { try? FileManager.default.removeItem(atPath: wurzel) }
        let aus = wurzel + "/berichte"
        for oeffentlich in [false, true] {
            // Internal and public sets go to their own folders (mixing them is refused).
            let r = lauf(
                ["report", "--definitions", definitionen.ordner, "--data", exporte.ordner, "--format", "alle"]
                    + (oeffentlich ? ["--public", "--out", aus + "/oeffentlich"] : ["--out", aus]))
            #expect(r.code == 0, "\(r.fehler)")
        }
        // Only the output folder, and file names only from slugs.
        #expect(try FileManager.default.contentsOfDirectory(atPath: wurzel) == ["berichte"])
        let dateien = (FileManager.default.enumerator(atPath: aus)?.compactMap { $0 as? String } ?? []).filter {
            $0.contains(".")
        }
        #expect(dateien.count > 20)
        for d in dateien {
            #expect(d.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-./".contains($0)) }, "\(d)")
            #expect(!d.contains(".."))
            #expect(d.split(separator: "/").allSatisfy { $0.count <= Slug.laengste + 10 })
        }
        #expect(dateien.contains { $0.contains("/script-alert-1-script/") })
        #expect(dateien.contains { $0.contains("/etc-passwd/") })
        for d in dateien {
            let text = try DatenschutzTests.text(
                d, [UInt8](try #require(FileManager.default.contents(atPath: aus + "/" + d))))
            #expect(
                !text.unicodeScalars.contains {
                    ($0.value < 0x20 && !"\n\r\t".unicodeScalars.contains($0)) || (0x7F...0x9F).contains($0.value)
                }, "\(d): Steuerzeichen")
            if d.hasSuffix(".html") {
                // Markup from the inputs arrives as text, never as markup.
                #expect(
                    text.firstMatch(of: try Regex("(?i)<(script|img|iframe|b)[\\s>/]")) == nil,
                    "\(d): Tag aus der Eingabe")
                #expect(text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            } else if d.hasSuffix(".md") {
                // Angle brackets and link syntax escaped; no raw HTML.
                #expect(
                    text.firstMatch(of: try Regex("(?i)(^|[^\\\\])<(script|img|iframe|b)[\\s>/]")) == nil,
                    "\(d): Tag aus der Eingabe")
                #expect(!text.contains("[Link](http://x)"))
                // Every row of a table has as many cell borders as its header: pipes in texts are escaped.
                var raenderDerTabelle: Int?
                for zeile in text.split(separator: "\n", omittingEmptySubsequences: false) {
                    guard zeile.hasPrefix("|") else {
                        raenderDerTabelle = nil
                        continue
                    }
                    var raender = 0
                    var vorher: Character = " "
                    for c in zeile {
                        if c == "|" && vorher != "\\" { raender += 1 }
                        vorher = c
                    }
                    if let r = raenderDerTabelle {
                        #expect(raender == r, "\(d): \(zeile.prefix(80))")
                    } else {
                        raenderDerTabelle = raender
                    }
                }
            } else if d.hasSuffix(".xlsx") || d.hasSuffix(".docx") {
                // Markup from the inputs is escaped XML (`<b/>` is the format's own bold); no
                // formula, no field, no link, no macro.
                #expect(
                    text.firstMatch(of: try Regex("(?i)<(script|img|iframe)[\\s>/]|<b>")) == nil,
                    "\(d): Tag aus der Eingabe")
                for verboten in ["<f>", "<f ", "t=\"str\"", "w:instrText", "w:hyperlink", "vbaProject", "externalLink"]
                {
                    #expect(!text.contains(verboten), "\(d): \(verboten)")
                }
                #expect(text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "\(d)")
            } else if d.hasSuffix(".csv") {
                // No text cell starts like a formula; numbers stay numbers.
                for zeile in CsvZerleger.zeilenAlsText(Array(text.utf8)) {
                    for f in zeile.felder {
                        guard let erstes = f.unicodeScalars.first else { continue }
                        if "=+@".unicodeScalars.contains(erstes) { Issue.record("\(d): Formel '\(f.prefix(30))'") }
                        if erstes == "-", Double(f.replacingOccurrences(of: ",", with: ".")) == nil, f != "-" {
                            Issue.record("\(d): Formel '\(f.prefix(30))'")
                        }
                    }
                }
            }
        }
    }

    @Test func terminalBekommtKeineSteuerzeichen() {
        #expect("a\u{1b}[2Jb\u{7}c\u{9B}d\ne\tf".ohneSteuerzeichen == "a\u{FFFD}[2Jb\u{FFFD}c\u{FFFD}d\ne f")
        #expect("Böfingen".ohneSteuerzeichen == "Böfingen")
    }
}
