import KennzahlBasis

/// The messages of reading manual Ampel overrides (`ampel-2021-Q4.csv`, KZ240–KZ252).
enum AmpelMeldung: Meldung {
    case dateinameOhneZeitraum
    /// The override is for a period the data do not cover.
    case zeitraumOhneDaten(periode: String, von: String, bis: String)
    case dateiNichtLesbar(grund: String)
    case utf16
    case dateiLeer
    case spalteFehlt(spalte: String, vorhanden: String)
    /// A malformed CSV row (quotes, field count), with the reader's reason.
    case zeileFehlerhaft(grund: String)
    case unbekannteKennzahl(id: String)
    case keineAmpelregeln(id: String)
    case unbekannterSozialraum(raum: String, gesamtName: String)
    case unbekannteFarbe(farbe: String)
    case ohneBegruendung
    case ohneWer
    case datumUnlesbar(datum: String)
    /// The same light switched twice in one file.
    case doppelt(id: String, gebiet: String, zeile: Int)

    var code: String {
        switch self {
        case .dateinameOhneZeitraum: "KZ240"
        case .zeitraumOhneDaten: "KZ241"
        case .dateiNichtLesbar, .utf16: "KZ242"
        case .dateiLeer, .spalteFehlt: "KZ243"
        case .zeileFehlerhaft: "KZ244"
        case .unbekannteKennzahl: "KZ245"
        case .keineAmpelregeln: "KZ246"
        case .unbekannterSozialraum: "KZ247"
        case .unbekannteFarbe: "KZ248"
        case .ohneBegruendung: "KZ249"
        case .ohneWer: "KZ250"
        case .datumUnlesbar: "KZ251"
        case .doppelt: "KZ252"
        }
    }

    var schwere: Diagnose.Schwere { .fehler }

    var text: String {
        switch self {
        case .dateinameOhneZeitraum: "Dateiname nennt keinen Zeitraum: erwartet ampel-2021-Q4.csv oder ampel-2021.csv"
        case .zeitraumOhneDaten(let periode, let von, let bis):
            "für \(periode) liegen keine Daten vor (Daten von \(von) bis \(bis)); die Schaltung hätte keine Ampel"
        case .dateiNichtLesbar(let grund): grund
        case .utf16: "Datei ist in UTF-16 gespeichert; bitte als UTF-8 oder Windows-1252 speichern"
        case .dateiLeer: "Datei ist leer"
        case .spalteFehlt(let spalte, let vorhanden): "Spalte '\(spalte)' fehlt; vorhanden: \(vorhanden)"
        case .zeileFehlerhaft(let grund): grund
        case .unbekannteKennzahl(let id): "unbekannte Kennzahl '\(id)'"
        case .keineAmpelregeln(let id):
            "Kennzahl '\(id)' hat keine Ampelregeln; eine Ampel gibt es nur für Kennzahlen mit Regeln"
        case .unbekannterSozialraum(let raum, let gesamtName):
            "unbekannter Sozialraum '\(raum)' (für die Gesamtstadt: '\(gesamtName)')"
        case .unbekannteFarbe(let farbe): "unbekannte Farbe '\(farbe)': erlaubt sind rot, gelb, grün, grau"
        case .ohneBegruendung: "Schaltung ohne Begründung: wer eine Ampel von Hand schaltet, sagt warum"
        case .ohneWer: "Schaltung ohne Angabe, wer sie vorgenommen hat (Spalte 'Wer')"
        case .datumUnlesbar(let datum): "unlesbares Datum '\(datum)' (Spalte 'Datum')"
        case .doppelt(let id, let gebiet, let zeile): "'\(id)' für '\(gebiet)' ist schon in Zeile \(zeile) geschaltet"
        }
    }
}
