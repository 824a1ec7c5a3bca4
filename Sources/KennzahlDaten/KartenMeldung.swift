import KennzahlBasis

/// The messages of reading the map geometry (KZ260–KZ267).
enum KartenMeldung: Meldung {
    case nichtLesbar(grund: String)
    case keinJson(grund: String)
    case keineFeatureCollection
    case ohneEigenschaft(feature: Int, eigenschaft: String)
    case unbekannterSozialraum(feature: Int, name: String)
    case geometrie(feature: Int, grund: String)
    case doppelt(feature: Int, name: String)
    case ohneFeature(name: String)

    var code: String {
        switch self {
        case .nichtLesbar: "KZ260"
        case .keinJson: "KZ261"
        case .keineFeatureCollection: "KZ262"
        case .ohneEigenschaft: "KZ263"
        case .unbekannterSozialraum: "KZ264"
        case .geometrie: "KZ265"
        case .doppelt: "KZ266"
        case .ohneFeature: "KZ267"
        }
    }

    var schwere: Diagnose.Schwere {
        switch self {
        case .doppelt, .ohneFeature: .warnung
        default: .fehler
        }
    }

    var text: String {
        switch self {
        case .nichtLesbar(let grund): "Geometriedatei nicht lesbar: \(grund)"
        case .keinJson(let grund): "Geometriedatei ist kein gültiges JSON: \(grund)"
        case .keineFeatureCollection:
            "Geometriedatei ist keine GeoJSON-FeatureCollection (\"type\": \"FeatureCollection\" mit \"features\")"
        case .ohneEigenschaft(let feature, let eigenschaft):
            "Feature \(feature) hat keine Eigenschaft '\(eigenschaft)' mit dem Namen des Sozialraums"
        case .unbekannterSozialraum(let feature, let name): "Feature \(feature): unbekannter Sozialraum '\(name)'"
        case .geometrie(let feature, let grund): "Feature \(feature): \(grund)"
        case .doppelt(let feature, let name):
            "Feature \(feature): '\(name)' hat schon eine Fläche; die Flächen werden zusammengelegt"
        case .ohneFeature(let name):
            "Sozialraum '\(name)' hat keine Fläche in der Geometriedatei; die Karten zeigen ihn nicht"
        }
    }
}
