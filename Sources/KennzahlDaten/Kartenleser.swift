import KennzahlBasis
import KennzahlDefinition

/// The shapes of the Sozialräume for maps, in WGS84 degrees.
package struct Karte: Sendable {
    /// One ring: longitude/latitude pairs.
    package typealias Ring = [(laenge: Double, breite: Double)]
    /// Per Sozialraum (index) its polygons, each an outer ring and its holes.
    package var flaechen: [Int: [[Ring]]]
    /// Made-up shapes (the sample catalogues): maps say so.
    package var schematisch: Bool
}

/// Reads the GeoJSON file a catalogue names (`karte "…geojson" eigenschaft "name"`): a
/// FeatureCollection of Polygon or MultiPolygon features, each matched to a Sozialraum by the
/// named property (name or code, in any spelling). Every problem names the file and the feature.
package enum Kartenleser {
    /// Larger files are refused: a city's districts fit in a few MB.
    package static let hoechsteGroesse = 50 << 20

    package static func lies(_ angabe: Kartenangabe, katalog: Katalog) -> (Karte?, [Diagnose]) {
        let pfad = angabe.datei
        let ort = Ort(datei: pfad)
        let bytes: [UInt8]
        switch Dateisystem.lies(pfad, grenze: hoechsteGroesse) {
        case .failure(let p): return (nil, [Diagnose(KartenMeldung.nichtLesbar(grund: p.text), ort: ort)])
        case .success(let b): bytes = b
        }
        let json: JsonWert
        switch JsonLeser.lies(bytes) {
        case .failure(let f):
            return (
                nil,
                [
                    Diagnose(
                        KartenMeldung.keinJson(grund: f.text), ort: Ort(datei: pfad, zeile: f.zeile, spalte: f.spalte))
                ]
            )
        case .success(let w): json = w
        }
        guard json["type"] == .text("FeatureCollection"), case .liste(let features)? = json["features"] else {
            return (nil, [Diagnose(KartenMeldung.keineFeatureCollection, ort: ort)])
        }
        let gebiete = Gebietsverzeichnis(katalog)
        var flaechen: [Int: [[Karte.Ring]]] = [:]
        var diagnosen: [Diagnose] = []
        for (n, f) in features.enumerated() {
            let nummer = n + 1
            guard case .text(let name)? = f["properties"]?[angabe.eigenschaft] else {
                diagnosen.append(
                    Diagnose(KartenMeldung.ohneEigenschaft(feature: nummer, eigenschaft: angabe.eigenschaft), ort: ort))
                continue
            }
            guard let raum = gebiete.sozialraum(name) else {
                diagnosen.append(
                    Diagnose(
                        KartenMeldung.unbekannterSozialraum(feature: nummer, name: name), ort: ort,
                        hinweis: Aehnlichkeit.vorschlag(fuer: name, aus: gebiete.alleNamen).map {
                            "meinten Sie '\($0)'?"
                        }))
                continue
            }
            switch polygone(f["geometry"]) {
            case .failure(let grund):
                diagnosen.append(Diagnose(KartenMeldung.geometrie(feature: nummer, grund: grund.text), ort: ort))
            case .success(let p):
                if flaechen[raum] != nil {
                    diagnosen.append(
                        Diagnose(
                            KartenMeldung.doppelt(feature: nummer, name: katalog.sozialraeume[raum].name), ort: ort))
                }
                flaechen[raum, default: []] += p
            }
        }
        if diagnosen.contains(where: { $0.schwere == .fehler }) { return (nil, diagnosen) }
        for (i, r) in katalog.sozialraeume.enumerated() where flaechen[i] == nil {
            diagnosen.append(Diagnose(KartenMeldung.ohneFeature(name: r.name), ort: ort))
        }
        return (Karte(flaechen: flaechen, schematisch: angabe.schematisch), diagnosen)
    }

    struct Grund: Error {
        var text: String
    }

    /// The polygons of a Polygon or MultiPolygon geometry, checked: rings of at least four
    /// positions, every position two finite numbers within WGS84's range.
    static func polygone(_ g: JsonWert?) -> Result<[[Karte.Ring]], Grund> {
        guard let g, case .text(let typ)? = g["type"] else { return .failure(Grund(text: "keine Geometrie")) }
        guard case .liste(let koordinaten)? = g["coordinates"] else {
            return .failure(Grund(text: "keine Koordinaten"))
        }
        do {
            switch typ {
            case "Polygon": return .success([try polygon(koordinaten)])
            case "MultiPolygon":
                return .success(
                    try koordinaten.map { p in
                        guard case .liste(let ringe) = p else { throw Grund(text: "Polygon ist keine Liste") }
                        return try polygon(ringe)
                    })
            default: return .failure(Grund(text: "Geometrietyp '\(typ)': erlaubt sind Polygon und MultiPolygon"))
            }
        } catch let grund as Grund {
            return .failure(grund)
        } catch {
            return .failure(Grund(text: "\(error)"))
        }
    }

    private static func polygon(_ ringe: [JsonWert]) throws -> [Karte.Ring] {
        guard !ringe.isEmpty else { throw Grund(text: "Polygon ohne Ring") }
        return try ringe.map { r in
            guard case .liste(let punkte) = r, punkte.count >= 4 else {
                throw Grund(text: "ein Ring braucht mindestens vier Positionen")
            }
            return try punkte.map { p in
                guard case .liste(let xy) = p, xy.count >= 2, case .zahl(let laenge) = xy[0],
                    case .zahl(let breite) = xy[1]
                else { throw Grund(text: "Position ist kein Zahlenpaar [Länge, Breite]") }
                guard (-180...180).contains(laenge), (-90...90).contains(breite) else {
                    throw Grund(
                        text:
                            "Koordinate [\(laenge), \(breite)] liegt außerhalb von WGS84 (Länge −180…180, Breite −90…90)"
                    )
                }
                return (laenge, breite)
            }
        }
    }
}
