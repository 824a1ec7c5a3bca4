import Foundation
import KennzahlTesthilfen
import Testing

@testable import KennzahlBericht
@testable import KennzahlKommandozeile

/// Golden files: the four reports of Wiblingen for 2021-Q4 in all three formats, reviewed by eye.
/// Re-record on purpose with `KENNZAHL_GOLDEN=neu swift test --filter GoldenTests`.
@Suite struct GoldenTests {
    static let fall = "wiblingen-2021-Q4"

    @Test(arguments: ["produkt-1", "produkt-2", "produkt-3", "produkt-4"])
    func wiblingen(_ datei: String) throws {
        let g = try #require(Ulm.grundlage("2021-Q4"))
        let bericht = try #require(
            Berichtslauf.berichte(g).first { $0.slug == "wiblingen" && $0.bericht.dateiname == datei }?.bericht)
        let fassungen: [(String, String)] = [
            ("csv", try #require(CsvRenderer.render(bericht, .excel))),
            ("md", MarkdownRenderer.render(bericht)),
            ("html", HtmlRenderer.render(bericht)),
        ]
        for (endung, inhalt) in fassungen {
            try vergleiche(inhalt, mit: "\(GoldenTests.fall)/\(datei).\(endung)")
        }
    }
}

/// Compares text with a golden file and reports the first differing lines readably.
func vergleiche(_ inhalt: String, mit name: String) throws {
    let pfad = Paket.golden + "/" + name
    if ProcessInfo.processInfo.environment["KENNZAHL_GOLDEN"] == "neu" {
        try FileManager.default.createDirectory(
            atPath: (pfad as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(inhalt.utf8).write(to: URL(fileURLWithPath: pfad))
        // A re-recording is never a passing run: the new file has to be reviewed (git diff).
        Issue.record("Golden-Datei neu geschrieben: \(name) – Unterschiede mit git diff prüfen")
        return
    }
    guard let daten = FileManager.default.contents(atPath: pfad) else {
        Issue.record("Golden-Datei fehlt: \(name) – erzeugen mit KENNZAHL_GOLDEN=neu swift test --filter GoldenTests")
        return
    }
    let erwartet = String(decoding: daten, as: UTF8.self)
    guard erwartet != inhalt else { return }
    let a = erwartet.components(separatedBy: "\n"), b = inhalt.components(separatedBy: "\n")
    var unterschiede: [String] = []
    for i in 0..<max(a.count, b.count) where unterschiede.count < 6 {
        let x = i < a.count ? a[i] : "(fehlt)", y = i < b.count ? b[i] : "(fehlt)"
        if x != y {
            unterschiede.append("Zeile \(i + 1):\n  - erwartet: \(x.prefix(300))\n  + erhalten: \(y.prefix(300))")
        }
    }
    let text = "\(name) weicht von der Golden-Datei ab:\n" + unterschiede.joined(separator: "\n")
    Issue.record(Comment(rawValue: text))
}
