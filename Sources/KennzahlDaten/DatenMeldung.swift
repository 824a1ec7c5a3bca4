import KennzahlBasis

/// The messages of reading exports (KZ200–KZ222).
enum DatenMeldung: Meldung {
    /// The data folder does not exist.
    case datenordnerFehlt
    /// The data folder is a file, a FIFO, …
    case datenordnerKeinOrdner(art: String)
    /// No export file matches a source's pattern.
    case keineDatei(quelle: String, muster: String)
    /// `stand.txt` cannot be read, or its date not.
    case standNichtLesbar(grund: String)
    case standDatumUnlesbar(zeile: String)
    /// A quarter or year between the first and the last file of a source has no file.
    case dateiFehlt(quelle: String, zeitraum: String, muster: String)
    /// A CSV file in the data folder matches no pattern.
    case dateiUngelesen
    /// The data folder, or a folder below it, cannot be listed.
    case datenordnerNichtLesbar(grund: String)
    case ordnerNichtLesbar(grund: String)
    /// A FIFO, socket or device named like an export.
    case keineGewoehnlicheDatei(grund: String)
    /// An export file cannot be opened or read to its end.
    case dateiNichtLesbar(grund: String)
    case dateiAbgebrochen(gelesen: String)
    case utf16
    case keinUTF8
    case dateiLeer
    /// A column the catalogue names is not in the header.
    case spalteFehlt(spalte: String, rolle: String, quelle: String, datei: String, vorhanden: String)
    case kopfzeilePasstNicht(quelle: String)
    /// Internal check: every physical line is accounted for.
    case zeilenbilanz(physisch: Int, verbucht: Int)
    /// A row rejected, with its reason (only the first rows per file in detail).
    case zeileVerworfen(grund: String)
    case weitereVerworfen(anzahl: Int, gezeigt: Int)
    /// A record over several lines (a line break inside a quoted field), taken.
    case mehrzeiligerDatensatz(von: Int, bis: Int)

    var code: String {
        switch self {
        case .datenordnerFehlt, .datenordnerKeinOrdner: "KZ200"
        case .keineDatei: "KZ201"
        case .standNichtLesbar, .standDatumUnlesbar: "KZ202"
        case .dateiFehlt: "KZ203"
        case .dateiUngelesen: "KZ204"
        case .datenordnerNichtLesbar, .ordnerNichtLesbar: "KZ205"
        case .keineGewoehnlicheDatei: "KZ206"
        case .dateiNichtLesbar, .dateiAbgebrochen: "KZ210"
        case .utf16: "KZ211"
        case .keinUTF8: "KZ212"
        case .dateiLeer: "KZ213"
        case .spalteFehlt: "KZ214"
        case .kopfzeilePasstNicht: "KZ215"
        case .zeilenbilanz: "KZ216"
        case .zeileVerworfen: "KZ220"
        case .weitereVerworfen: "KZ221"
        case .mehrzeiligerDatensatz: "KZ222"
        }
    }

    var schwere: Diagnose.Schwere {
        switch self {
        case .dateiFehlt, .dateiUngelesen, .zeileVerworfen, .weitereVerworfen, .mehrzeiligerDatensatz: .warnung
        default: .fehler
        }
    }

    var text: String {
        switch self {
        case .datenordnerFehlt: "Datenordner nicht gefunden"
        case .datenordnerKeinOrdner(let art): "Datenordner ist kein Ordner (\(art))"
        case .keineDatei(let quelle, let muster): "keine Datei zur Quelle '\(quelle)' gefunden (Muster '\(muster)')"
        case .standNichtLesbar(let grund): grund
        case .standDatumUnlesbar(let zeile):
            "unlesbares Datum '\(zeile)': erwartet wird eine Zeile wie 'Stand: 15.01.2023'"
        case .dateiFehlt(let quelle, let zeitraum, let muster):
            "Quelle '\(quelle)': Datei für \(zeitraum) fehlt (Muster '\(muster)')"
        case .dateiUngelesen:
            "Datei wird nicht gelesen: sie passt zu keinem Dateimuster des Katalogs (Zeitraum im Namen wie 2021-Q4 oder 2021?)"
        case .datenordnerNichtLesbar(let grund): "Datenordner nicht lesbar (\(grund))"
        case .ordnerNichtLesbar(let grund): "Ordner nicht lesbar (\(grund))"
        case .keineGewoehnlicheDatei(let grund): grund
        case .dateiNichtLesbar(let grund): grund
        case .dateiAbgebrochen(let gelesen): "Datei nicht lesbar (Lesefehler nach \(gelesen))"
        case .utf16: "Datei ist in UTF-16 gespeichert; bitte als UTF-8 (CSV UTF-8) oder Windows-1252 speichern"
        case .keinUTF8: "Datei ist kein gültiges UTF-8, die Quelle erklärt aber 'kodierung \"utf-8\"'"
        case .dateiLeer: "Datei ist leer: keine Kopfzeile gefunden"
        case .spalteFehlt(let spalte, let rolle, let quelle, let datei, let vorhanden):
            "Spalte '\(spalte)' (\(rolle) der Quelle '\(quelle)') gibt es in \(datei) nicht; vorhanden: \(vorhanden)"
        case .kopfzeilePasstNicht(let quelle): "Kopfzeile passt nicht zur Quelle '\(quelle)' (siehe oben)"
        case .zeilenbilanz(let physisch, let verbucht):
            "Zeilenbilanz stimmt nicht: \(physisch) Zeilen in der Datei, \(verbucht) davon verbucht (interner Fehler, bitte melden)"
        case .zeileVerworfen(let grund): "Zeile verworfen: \(grund)"
        case .weitereVerworfen(let anzahl, let gezeigt):
            "\(Zahlformat.deutsch(Bruch(anzahl), dezimalen: 0)) weitere Zeilen verworfen (Einzelheiten oben für die ersten \(gezeigt))"
        case .mehrzeiligerDatensatz(let von, let bis):
            "Zeilen \(von)–\(bis) sind ein Datensatz: Zeilenumbruch in einem Feld in Anführungszeichen; übernommen"
        }
    }
}
