import Foundation
import KennzahlTesthilfen
import Testing

@testable import KennzahlBasis
@testable import KennzahlDaten
@testable import KennzahlDefinition

/// The map geometry (GeoJSON) read as an attacker would feed it: every bad file gets a German
/// message naming the file and the feature, nothing crashes or hangs.
@Suite struct KartenleserTests {
    static let katalogText = """
        katalog "Karte" { produkt 1 "A"; karte "karte.geojson" eigenschaft "SR" }
        sozialraum "Nord" { codes "N" }
        sozialraum "Süd"
        """

    static func feature(_ name: String, _ geometrie: String) -> String {
        "{\"type\":\"Feature\",\"properties\":{\"SR\":\"\(name)\"},\"geometry\":\(geometrie)}"
    }

    static let quadrat =
        "{\"type\":\"Polygon\",\"coordinates\":[[[9.9,48.4],[10.0,48.4],[10.0,48.5],[9.9,48.5],[9.9,48.4]]]}"

    /// Reads `inhalt` as the catalogue's geometry file.
    func lies(_ inhalt: [UInt8]) throws -> (Karte?, [Diagnose]) {
        let f = try Fixture(["karte.geojson": ""])
        try f.schreibe("karte.geojson", inhalt)
        let k = try katalog(Self.katalogText, datei: f.ordner + "/k.kz")
        let angabe = try #require(k.karte)
        #expect(angabe.datei == f.ordner + "/karte.geojson" && angabe.eigenschaft == "SR")
        return Kartenleser.lies(angabe, katalog: k)
    }

    func lies(_ text: String) throws -> (Karte?, [Diagnose]) { try lies(Array(text.utf8)) }

    func sammlung(_ features: [String]) -> String {
        "{\"type\":\"FeatureCollection\",\"features\":[" + features.joined(separator: ",") + "]}"
    }

    @Test func gueltigeKarte() throws {
        let multi =
            "{\"type\":\"MultiPolygon\",\"coordinates\":[[[[9.9,48.3],[10.0,48.3],[10.0,48.4],[9.9,48.3]]],[[[10.1,48.3],[10.2,48.3],[10.2,48.4],[10.1,48.3]]]]}"
        let (karte, d) = try lies(sammlung([Self.feature("N", Self.quadrat), Self.feature("süd", multi)]))
        #expect(d.isEmpty, "\(d.map(\.formatiert))")
        let k = try #require(karte)
        #expect(k.flaechen[0]?.count == 1 && k.flaechen[1]?.count == 2)
    }

    @Test(arguments: [
        ("{\"type\":\"FeatureCollection\",", "KZ261", "1:29"),
        ("[1, 2", "KZ261", nil),
        ("{\"type\":\"Feature\"}", "KZ262", nil),
        ("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{}}]}", "KZ263", nil),
    ])
    func kaputteDateien(_ fall: (String, String, String?)) throws {
        let (karte, d) = try lies(fall.0)
        #expect(karte == nil)
        let f = try #require(d.first { $0.schwere == .fehler }, "\(fall.0)")
        #expect(f.code == fall.1, "\(f.formatiert)")
        #expect(f.formatiert.contains("karte.geojson"), "\(f.formatiert)")
        if let stelle = fall.2 { #expect(f.formatiert.contains("karte.geojson:\(stelle)"), "\(f.formatiert)") }
    }

    @Test func fehlerNennenDasFeature() throws {
        let ausserhalb = "{\"type\":\"Polygon\",\"coordinates\":[[[9.9,48.4],[190.0,48.4],[10.0,48.5],[9.9,48.4]]]}"
        let punkt = "{\"type\":\"Point\",\"coordinates\":[9.9,48.4]}"
        for (features, code, teil) in [
            (
                [Self.feature("N", Self.quadrat), Self.feature("Ost", Self.quadrat)], "KZ264",
                "Feature 2: unbekannter Sozialraum 'Ost'"
            ),
            ([Self.feature("N", ausserhalb)], "KZ265", "Feature 1: Koordinate [190.0, 48.4] liegt außerhalb von WGS84"),
            ([Self.feature("N", punkt)], "KZ265", "Feature 1: Geometrietyp 'Point'"),
            (
                [Self.feature("N", "{\"type\":\"Polygon\",\"coordinates\":[[[9.9,48.4],[10,48.4]]]}")], "KZ265",
                "mindestens vier"
            ),
        ] {
            let (karte, d) = try lies(sammlung(features))
            #expect(karte == nil)
            #expect(d.contains { $0.code == code && $0.formatiert.contains(teil) }, "\(d.map(\.formatiert))")
        }
    }

    @Test func sozialraumOhneFlaecheIstEineWarnung() throws {
        let (karte, d) = try lies(sammlung([Self.feature("Nord", Self.quadrat)]))
        #expect(karte != nil)
        #expect(d.count == 1 && d[0].schwere == .warnung && d[0].code == "KZ267", "\(d.map(\.formatiert))")
        #expect(d[0].formatiert.contains("'Süd' hat keine Fläche"))
    }

    /// Hostile shapes of the input: deep nesting, a huge file, binary noise, a lone surrogate.
    @Test func feindlicheEingaben() throws {
        let tief = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let (k1, d1) = try lies(tief)
        #expect(k1 == nil && d1.first?.formatiert.contains("zu tief verschachtelt") == true, "\(d1.map(\.formatiert))")
        var gross = Array("{\"type\":\"FeatureCollection\",\"features\":[],\"x\":\"".utf8)
        gross += [UInt8](repeating: UInt8(ascii: "a"), count: Kartenleser.hoechsteGroesse + 10)
        let (k2, d2) = try lies(gross)
        #expect(k2 == nil && d2.first?.code == "KZ260", "\(d2.map(\.formatiert))")
        var zustand: UInt64 = 3  // a fixed-seed linear congruential generator: the same noise every run
        func naechste() -> UInt64 {
            zustand = zustand &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return zustand >> 33
        }
        for _ in 0..<200 {
            let bytes = (0..<Int(naechste() % 200)).map { _ in UInt8(truncatingIfNeeded: naechste()) }
            let (k, d) = try lies(bytes)
            #expect(k == nil && d.contains { $0.schwere == .fehler })
        }
        let (k3, d3) = try lies("\"\\ud800\"")
        #expect(k3 == nil && d3.first?.code == "KZ261")
    }

    @Test func jsonWieRfc8259() {
        let text = "{\"a\": [1, -2.5e3, true, false, null, \"\\u00fc\\n\\ud83d\\ude00\"], \"b\": {}}"
        guard case .success(let w) = JsonLeser.lies(Array(text.utf8)) else {
            Issue.record("nicht gelesen")
            return
        }
        #expect(w["a"] == .liste([.zahl(1), .zahl(-2500), .wahrheit(true), .wahrheit(false), .null, .text("ü\n😀")]))
        #expect(w["b"] == .objekt([]))
        for kaputt in ["", "{", "[1,]", "{\"a\" 1}", "01x", "\"\u{01}\"", "nul", "1 2", "{\"a\":1,}"] {
            if case .success = JsonLeser.lies(Array(kaputt.utf8)) { Issue.record("'\(kaputt)' gelesen") }
        }
    }
}
