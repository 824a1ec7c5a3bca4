import Foundation
import KennzahlTesthilfen
import Testing

@testable import KennzahlBericht
@testable import KennzahlKommandozeile

/// Charts that do not mislead, read from the SVG the HTML reports carry: distinct axis labels at
/// round steps, a cut axis marked as such, every chart titled and described; and every table of
/// every page has a caption and row headers.
@Suite struct DiagrammTests {
    /// Every HTML page of the Ulm 2021-Q4 set.
    static func seiten() throws -> [(name: String, html: String)] {
        let g = try #require(Ulm.grundlage("2021-Q4"))
        return Berichtslauf.berichte(g).map { ("\($0.slug)/\($0.bericht.dateiname)", HtmlRenderer.render($0.bericht)) }
    }

    /// The charts of a page (not the sparklines in table cells): each `<svg>…</svg>` with a title.
    static func diagramme(_ html: String) -> [String] {
        html.components(separatedBy: "<svg ").dropFirst().map { String($0.prefix { _ in true }) }
            .compactMap { teil in teil.range(of: "</svg>").map { String(teil[..<$0.lowerBound]) } }
            .filter { $0.contains("<title>") }
    }

    /// The texts of `<text>` elements with the given anchor at the given x (the y-axis labels
    /// stand right-aligned at x = 50).
    static func beschriftungen(_ svg: String, anker: String, x: String? = nil) -> [String] {
        svg.components(separatedBy: "<text ").dropFirst().compactMap { t in
            guard t.contains("text-anchor=\"\(anker)\""), x.map({ t.hasPrefix("x=\"\($0)\"") }) ?? true,
                let a = t.firstIndex(of: ">"), let e = t.range(of: "</text>")
            else { return nil }
            return String(t[t.index(after: a)..<e.lowerBound])
        }
    }

    @Test func achsenBeschriftungenSindVerschieden() throws {
        var geprueft = 0
        for (name, html) in try Self.seiten() {
            for svg in Self.diagramme(html) {
                let titel =
                    svg.components(separatedBy: "<title>").dropFirst().first?.components(separatedBy: "</title>")
                    .first ?? "?"
                #expect(svg.contains("<desc>") && !titel.isEmpty, "\(name): \(titel)")
                let y = Self.beschriftungen(svg, anker: "end", x: "50")
                if svg.contains("<polyline") {
                    #expect(y.count >= 2, "\(name) \(titel): \(y)")
                    #expect(Set(y).count == y.count, "\(name) \(titel): gleiche Beschriftungen \(y)")
                    // Ascending values, evenly stepped (1-2-5 steps: the differences are equal).
                    let werte = y.compactMap {
                        Double($0.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: "."))
                    }
                    #expect(werte.count == y.count && werte == werte.sorted(), "\(name) \(titel): \(y)")
                    let schritte = zip(werte.dropFirst(), werte).map { ($0 - $1) }
                    #expect(schritte.allSatisfy { abs($0 - schritte[0]) < 1e-9 }, "\(name) \(titel): \(y)")
                    // An axis not starting at zero says so.
                    if let erster = werte.first, erster > 0 {
                        #expect(svg.contains("Achse beginnt bei"), "\(name) \(titel): Achse ab \(erster) ohne Hinweis")
                    }
                    geprueft += 1
                }
            }
        }
        #expect(geprueft > 50)
    }

    /// The case from the issue: JH-Z7 lies between 1,04 and 1,05; its labels used to read
    /// 1,040 / 1,050 / 1,050 / 1,050.
    @Test func jhZ7() throws {
        let seite = try #require(try Self.seiten().first { $0.name == "wiblingen/produkt-3" }?.html)
        let svg = try #require(Self.diagramme(seite).first { $0.contains("<title>JH-Z7") })
        let y = Self.beschriftungen(svg, anker: "end", x: "50")
        #expect(y == ["1,040", "1,045", "1,050", "1,055"], "\(y)")
        #expect(svg.contains("Achse beginnt bei 1,040"))
    }

    @Test func jedeTabelleHatUeberschriftUndZeilenkoepfe() throws {
        for (name, html) in try Self.seiten() {
            let tabellen = html.components(separatedBy: "<table").count - 1
            #expect(tabellen > 0)
            #expect(html.components(separatedBy: "<caption>").count - 1 == tabellen, "\(name)")
            #expect(html.components(separatedBy: "<colgroup>").count - 1 == tabellen, "\(name)")
            #expect(html.contains("<th scope=\"row\""), "\(name)")
        }
    }
}
