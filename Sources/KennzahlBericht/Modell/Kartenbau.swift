import Foundation
import KennzahlBasis
import KennzahlDaten
import KennzahlDefinition

/// One area of a map: its outline in the map's drawing coordinates, its class (nil: no value),
/// the value as text, and whether it is the area the report is about.
struct Kartenflaeche: Sendable {
    var name: String
    /// Polygons of rings of points (x to the right, y downwards).
    var ringe: [[(x: Double, y: Double)]]
    var klasse: Int?
    var wert: String
    var hervorgehoben: Bool
}

/// The Sozialräume's outlines in drawing coordinates, simplified: per area (catalogue index) its
/// rings, and the drawing's height.
package struct Kartenbild: Sendable {
    var flaechen: [(Int, [[(x: Double, y: Double)]])]
    var hoehe: Double
}

/// Colour scales of maps: values light to dark blue; counts of red lights light to dark red.
enum Kartenskala: Sendable {
    case werte, rot
}

/// Builds maps from the catalogue's geometry: a simple, deterministic projection
/// (equirectangular, longitudes scaled by the cosine of the mean latitude) into a box, and a
/// classification of the areas' values that the legend names.
enum Kartenbau {
    static let breite = 320.0

    /// How far (in drawing units, about pixels) a simplified outline may stray from the original:
    /// a quarter pixel, below what a 320 px drawing can show.
    static let toleranz = 0.25

    /// The areas projected into a box `breite` wide (height as the shapes need), in catalogue
    /// order, each outline simplified to `toleranz` (done once per run: `Berichtsgrundlage`).
    static func projiziere(_ karte: Karte, _ katalog: Katalog) -> Kartenbild {
        let alle = karte.flaechen.values.flatMap { $0.flatMap { $0.flatMap { $0 } } }
        guard let west = alle.map(\.laenge).min(), let ost = alle.map(\.laenge).max(),
            let sued = alle.map(\.breite).min(), let nord = alle.map(\.breite).max()
        else { return Kartenbild(flaechen: [], hoehe: 0) }
        let faktor = cos((sued + nord) / 2 * .pi / 180)
        let spanneX = max(1e-9, (ost - west) * faktor), spanneY = max(1e-9, nord - sued)
        let massstab = (breite - 8) / spanneX
        let hoehe = min(420, spanneY * massstab + 8)
        let m = min(massstab, (hoehe - 8) / spanneY)
        var ergebnis: [(Int, [[(x: Double, y: Double)]])] = []
        for i in katalog.sozialraeume.indices {
            guard let polygone = karte.flaechen[i] else { continue }
            let ringe = polygone.flatMap { $0 }.map { ring in
                ring.map { p in (x: 4 + (p.laenge - west) * faktor * m, y: 4 + (nord - p.breite) * m) }
            }
            var einfach = ringe.map { vereinfache($0, toleranz: toleranz) }.filter { $0.count >= 4 }
            // An area smaller than the tolerance keeps its largest ring as drawn, so it stays on the map.
            if einfach.isEmpty, let groesster = ringe.max(by: { $0.count < $1.count }) { einfach = [groesster] }
            ergebnis.append((i, einfach))
        }
        return Kartenbild(flaechen: ergebnis, hoehe: hoehe)
    }

    /// Douglas–Peucker: the fewest points of `punkte` (first and last kept) such that every
    /// point lies within `toleranz` of the line through the kept ones. Iterative, so a ring of a
    /// million points needs no deep recursion.
    static func vereinfache(_ punkte: [(x: Double, y: Double)], toleranz: Double) -> [(x: Double, y: Double)] {
        guard punkte.count > 2 else { return punkte }
        var behalten = [Bool](repeating: false, count: punkte.count)
        behalten[0] = true
        behalten[punkte.count - 1] = true
        var stapel = [(0, punkte.count - 1)]
        while let (von, bis) = stapel.popLast() {
            guard bis > von + 1 else { continue }
            var weitester = von, groesster = -1.0
            for i in (von + 1)..<bis {
                let d = abstand(punkte[i], punkte[von], punkte[bis])
                if d > groesster { (weitester, groesster) = (i, d) }
            }
            if groesster > toleranz {
                behalten[weitester] = true
                stapel.append((von, weitester))
                stapel.append((weitester, bis))
            }
        }
        return punkte.indices.filter { behalten[$0] }.map { punkte[$0] }
    }

    /// The distance of `p` from the segment `a`–`b` (from `a` when the segment is a point).
    static func abstand(_ p: (x: Double, y: Double), _ a: (x: Double, y: Double), _ b: (x: Double, y: Double))
        -> Double
    {
        let dx = b.x - a.x, dy = b.y - a.y
        let laenge = dx * dx + dy * dy
        let t = laenge == 0 ? 0 : max(0, min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / laenge))
        let x = a.x + t * dx - p.x, y = a.y + t * dy - p.y
        return (x * x + y * y).squareRoot()
    }

    /// A map of one Kennzahl's current value per Sozialraum (the report's own area outlined):
    /// four classes of equal width between the lowest and highest value shown; withheld or
    /// missing values have no class.
    static func werte(_ k: Kennzahl, _ gebiet: Gebiet, _ g: Berichtsgrundlage) -> Diagramm? {
        guard let karte = g.karte, let bild = g.kartenbild else { return nil }
        let (flaechen, hoehe) = (bild.flaechen, bild.hoehe)
        guard !flaechen.isEmpty else { return nil }
        let i = g.index(k)
        let z = g.zeitplan(k).aktuell
        let werte = flaechen.map { g.kennwert(i, z, .sozialraum($0.0)).wert }
        let bekannt = werte.compactMap { $0 }
        guard let lo = bekannt.min(), let hi = bekannt.max() else { return nil }
        let klassen = hi == lo ? 1 : 4
        // Class limits: lo + n/4 (hi - lo), exact; a value on a limit goes to the upper class.
        let spanne = hi.minus(lo) ?? .null
        let grenzen = (0...klassen).map { n in
            lo.plus(spanne.mal(Bruch(zaehler: Int128(n), nenner: Int128(klassen)) ?? .null) ?? .null) ?? lo
        }
        func klasse(_ w: Bruch) -> Int { (1..<klassen).last { grenzen[$0] <= w } ?? 0 }
        let text = { (w: Bruch) in Zahlformat.mitEinheit(w, k.einheit, dezimalen: k.dezimalen) }
        let teile = zip(flaechen, werte).map { f, w in
            Kartenflaeche(
                name: g.katalog.sozialraeume[f.0].name, ringe: f.1, klasse: w.map(klasse),
                wert: g.kurzwert(g.kennwert(i, z, .sozialraum(f.0)), k), hervorgehoben: gebiet == .sozialraum(f.0))
        }
        var legende: [(klasse: Int?, text: String)] = (0..<klassen).map { n in
            (
                n,
                klassen == 1
                    ? text(grenzen[0])
                    : text(grenzen[n]) + " bis " + (n == klassen - 1 ? "" : "unter ") + text(grenzen[n + 1])
            )
        }
        if werte.contains(where: { $0 == nil }) { legende.append((nil, "kein Wert oder nicht ausgewiesen")) }
        let stadt = g.kurzwert(g.kennwert(i, z, .gesamt), k)
        let einteilung =
            klassen == 1
            ? "alle Sozialräume gleich" : "vier gleich breite Klassen zwischen dem kleinsten und dem größten Wert"
        return .karte(
            titel: "Karte \(k.id) \(k.name)",
            beschreibung: "\(k.name) je Sozialraum (\(g.zeitraumText(k, z))): "
                + flaechen.map { f in
                    g.katalog.sozialraeume[f.0].name + " "
                        + Datenqualitaet.wortwert(g.kennwert(i, z, .sozialraum(f.0)), k)
                }.joined(separator: "; ") + "; \(g.katalog.gesamtName) "
                + Datenqualitaet.wortwert(g.kennwert(i, z, .gesamt), k)
                + ".",
            flaechen: teile, hoehe: hoehe, legende: legende, skala: .werte,
            fussnote: "Einteilung: \(einteilung). \(g.katalog.gesamtName): \(stadt)."
                + KennzahlenBericht.quellenzeile([k]).map { " " + $0 + "." }.joined() + schematisch(karte))
    }

    /// The overview's map: each Sozialraum coloured by its number of red lights.
    static func roteAmpeln(_ g: Berichtsgrundlage) -> Diagramm? {
        guard let karte = g.karte, let bild = g.kartenbild else { return nil }
        let (flaechen, hoehe) = (bild.flaechen, bild.hoehe)
        guard !flaechen.isEmpty else { return nil }
        let teile = flaechen.map { f -> Kartenflaeche in
            let rot = g.katalog.kennzahlen.indices.filter { g.ampel.licht($0, .sozialraum(f.0))?.farbe == .rot }.count
            return Kartenflaeche(
                name: g.katalog.sozialraeume[f.0].name, ringe: f.1, klasse: min(rot, 3),
                wert: rot == 1 ? "1 rote Ampel" : "\(rot) rote Ampeln", hervorgehoben: false)
        }
        return .karte(
            titel: "Karte: rote Ampeln je Sozialraum",
            beschreibung: "Anzahl roter Ampeln je Sozialraum: "
                + teile.map { "\($0.name) \($0.wert)" }.joined(separator: "; ")
                + ".",
            flaechen: teile, hoehe: hoehe,
            legende: [
                (0, "keine rote Ampel"), (1, "1 rote Ampel"), (2, "2 rote Ampeln"), (3, "3 und mehr rote Ampeln"),
            ],
            skala: .rot, fussnote: "Farbe: Anzahl der Kennzahlen mit roter Ampel im Sozialraum." + schematisch(karte))
    }

    private static func schematisch(_ karte: Karte) -> String {
        karte.schematisch ? " Schematische Darstellung, keine amtlichen Grenzen." : ""
    }
}
