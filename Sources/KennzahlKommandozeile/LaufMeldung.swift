import KennzahlBasis

/// The messages of a run (report: KZ300–KZ311) and of the planners' tests (KZ400–KZ402).
enum LaufMeldung: Meldung {
    /// No `--period` and no export file names a quarter or year.
    case keinZeitraum
    /// `--streng` and rows were rejected.
    case strengVerworfen(anzahl: Int)
    /// The public set cannot be made safe (the audit's reason).
    case oeffentlichNichtSicher(grund: String)
    /// Writing the set failed; the previous one stays.
    case schreibenFehlgeschlagen(grund: String)
    case schreibenAbgebrochen
    /// The folder holds a set of the other kind (internal ↔ public) for the same period.
    case artGemischt(vorhanden: String, neu: String, ausgabe: String)
    /// A planner's test: a value, light or target verdict differs from the expectation.
    case testAbweichung(test: String, kennzahl: String?, abweichung: String)
    /// A planner's test: a row of its test data is wrong.
    case testdatenFehlerhaft(test: String, text: String, zeile: Int?)
    case testdatenNichtSchreibbar(test: String, grund: String)

    var code: String {
        switch self {
        case .keinZeitraum: "KZ300"
        case .strengVerworfen: "KZ301"
        case .oeffentlichNichtSicher: "KZ302"
        case .schreibenFehlgeschlagen, .schreibenAbgebrochen: "KZ310"
        case .artGemischt: "KZ311"
        case .testAbweichung: "KZ400"
        case .testdatenFehlerhaft: "KZ401"
        case .testdatenNichtSchreibbar: "KZ402"
        }
    }

    var schwere: Diagnose.Schwere { .fehler }

    var text: String {
        switch self {
        case .keinZeitraum: "keine Exportdatei mit Quartal oder Jahr im Namen gefunden; bitte --period angeben"
        case .strengVerworfen(let anzahl): "--streng: \(anzahl) Zeilen wurden verworfen; keine Berichte geschrieben"
        case .oeffentlichNichtSicher(let grund): "öffentliche Berichte nicht geschrieben: \(grund)"
        case .schreibenFehlgeschlagen(let grund): grund
        case .schreibenAbgebrochen: "Berichte konnten nicht geschrieben werden; der vorige Stand bleibt erhalten"
        case .artGemischt(let vorhanden, let neu, let ausgabe):
            "hier liegen \(vorhanden) Berichte desselben Zeitraums; \(neu) Berichte ersetzen sie nicht. Bitte einen eigenen Ordner angeben, z. B. --out \(ausgabe)-\(neu == "öffentliche" ? "oeffentlich" : "intern")"
        case .testAbweichung(let test, let kennzahl, let abweichung):
            "\(test): \(LaufMeldung.vorsatz(kennzahl))\(abweichung)"
        case .testdatenFehlerhaft(let test, let text, let zeile):
            "\(test): \(text)\(LaufMeldung.zeilenangabe(zeile))"
        case .testdatenNichtSchreibbar(let test, let grund): "\(test): Testdaten nicht schreibbar (\(grund))"
        }
    }

    /// `JH-REST: ` before a deviation of another Kennzahl than the tested one.
    private static func vorsatz(_ kennzahl: String?) -> String { kennzahl.map { $0 + ": " } ?? "" }

    /// ` (Zeile 3 der Testdaten)` where the test data's line is known.
    private static func zeilenangabe(_ zeile: Int?) -> String { zeile.map { " (Zeile \($0) der Testdaten)" } ?? "" }
}
