import KennzahlBasis

/// The messages of reading and parsing definition files (`*.kz`): files and folders (KZ090–KZ094),
/// characters (KZ001–KZ002) and grammar (KZ010–KZ051).
enum SyntaxMeldung: Meldung {
    case textOhneEnde
    case unerwartetesZeichen(zeichen: Character)
    case erwartet(was: String, gefunden: String)
    case testzeileNichtZuEnde(gefunden: String)
    case unerwartet(gefunden: String)
    case ungueltigeZahl(text: String)
    case blockOhneEnde
    /// A word in a block that is not one of its keywords.
    case unbekanntesBlockfeld(wort: String, block: String)
    /// A word in an Ampel rule block that is not one of its keywords.
    case unbekanntesRegelwort(wort: String, block: String)
    case zweiterTeilFehlt(zeichen: String)
    case zuTief(hoechstens: Int)
    case zuLang(hoechstens: Int)
    case unbekannteDeklaration(wort: String)
    case unbekannteQuellenart(wort: String)
    case unbekannterFeldtyp(wort: String)
    case ampelregelAnfang(gefunden: String)
    case unbekannterVergleichszeitraum(wort: String)
    case unbekannteRegelgroesse(wort: String)
    case unbekannterZeitraum(wort: String)
    case unbekannteZaehlregel(wort: String)
    case bezugsgroesseUngueltig
    case unbekannteEinheit(wort: String)
    case unbekannteZielrichtung(wort: String)
    case unbekannteRichtung(wort: String)
    case einheitOhneName
    case unbekannteErwartung(wort: String)
    case ungueltigerZeitraum(text: String)
    case ordnerFehlt
    case ordnerNichtLesbar
    case keineDefinitionsdatei
    case ordnerOhneDefinitionen
    case dateiNichtLesbar(grund: String)
    case keinUtf8

    var code: String {
        switch self {
        case .textOhneEnde: "KZ001"
        case .unerwartetesZeichen: "KZ002"
        case .erwartet: "KZ010"
        case .testzeileNichtZuEnde: "KZ010"
        case .unerwartet: "KZ011"
        case .ungueltigeZahl: "KZ012"
        case .blockOhneEnde: "KZ013"
        case .unbekanntesBlockfeld: "KZ021"
        case .unbekanntesRegelwort: "KZ030"
        case .zweiterTeilFehlt: "KZ014"
        case .zuTief: "KZ015"
        case .zuLang: "KZ016"
        case .unbekannteDeklaration: "KZ020"
        case .unbekannteQuellenart: "KZ022"
        case .unbekannterFeldtyp: "KZ023"
        case .ampelregelAnfang: "KZ030"
        case .unbekannterVergleichszeitraum: "KZ031"
        case .unbekannteRegelgroesse: "KZ032"
        case .unbekannterZeitraum: "KZ040"
        case .unbekannteZaehlregel: "KZ041"
        case .bezugsgroesseUngueltig: "KZ042"
        case .unbekannteEinheit: "KZ043"
        case .unbekannteZielrichtung: "KZ044"
        case .unbekannteRichtung: "KZ045"
        case .einheitOhneName: "KZ046"
        case .unbekannteErwartung: "KZ050"
        case .ungueltigerZeitraum: "KZ051"
        case .ordnerFehlt: "KZ090"
        case .ordnerNichtLesbar: "KZ091"
        case .keineDefinitionsdatei: "KZ092"
        case .ordnerOhneDefinitionen: "KZ092"
        case .dateiNichtLesbar: "KZ093"
        case .keinUtf8: "KZ094"
        }
    }

    var schwere: Diagnose.Schwere { .fehler }

    var text: String {
        switch self {
        case .textOhneEnde:
            "Text ohne schließendes Anführungszeichen (ein Text endet in seiner Zeile; lange Texte als \"…\" \"…\" in mehreren Stücken schreiben)"
        case .unerwartetesZeichen(let zeichen): "unerwartetes Zeichen '\(zeichen)'"
        case .erwartet(let was, let gefunden): "\(was) erwartet, gefunden: \(gefunden)"
        case .testzeileNichtZuEnde(let gefunden):
            "nach einer Zeile der Testdaten erwartet: Zeilenende, gefunden: \(gefunden)"
        case .unerwartet(let gefunden): "unerwartet: \(gefunden) – die Anweisung ist hier zu Ende"
        case .ungueltigeZahl(let text): "ungültige Zahl '\(text)'"
        case .unbekanntesBlockfeld(let wort, let block): "unbekanntes Feld '\(wort)' in \(block)"
        case .unbekanntesRegelwort(let wort, let block): "unbekanntes Feld '\(wort)' in \(block)"
        case .blockOhneEnde: "Block ohne schließende Klammer '}'"
        case .zweiterTeilFehlt(let zeichen): "nach '\(zeichen)' fehlt der zweite Teil"
        case .zuTief(let hoechstens):
            "zu tief verschachtelt: höchstens \(hoechstens) Ebenen aus Klammern, Funktionen und 'nicht' in einer Anweisung"
        case .zuLang(let hoechstens):
            "zu lang: höchstens \(hoechstens) Glieder (Zählungen, Zahlen, Kennzahlen, Vergleiche) in einer Anweisung; lange Summen in Zwischenkennzahlen aufteilen"
        case .unbekannteDeklaration(let wort): "unbekannte Deklaration '\(wort)'"
        case .unbekannteQuellenart(let wort): "unbekannte Quellenart '\(wort)': erlaubt sind 'faelle' und 'zahlen'"
        case .unbekannterFeldtyp(let wort): "unbekannter Feldtyp '\(wort)': erlaubt sind text, zahl, datum"
        case .ampelregelAnfang(let gefunden):
            "Ampelregel muss mit rot, gelb oder grau beginnen, gefunden: '\(gefunden)'"
        case .unbekannterVergleichszeitraum(let wort):
            "unbekannter Vergleichszeitraum '\(wort)': erlaubt sind vorquartal und vorjahr"
        case .unbekannteRegelgroesse(let wort): "unbekannte Größe '\(wort)' in der Ampelregel"
        case .unbekannterZeitraum(let wort): "unbekannter Zeitraum '\(wort)': erlaubt sind quartal und jahr"
        case .unbekannteZaehlregel(let wort):
            "unbekannte Zählregel '\(wort)': erlaubt sind stichtag, zugaenge, im verlauf"
        case .bezugsgroesseUngueltig: "Bezugsgröße muss eine ganze Zahl zwischen 1 und 1.000.000 sein"
        case .unbekannteEinheit(let wort): "unbekannte Einheit '\(wort)'"
        case .unbekannteZielrichtung(let wort):
            "unbekannte Zielrichtung '\(wort)': erlaubt sind mindestens, hoechstens, zwischen"
        case .unbekannteRichtung(let wort):
            "unbekannte Richtung '\(wort)': erlaubt sind 'hoeher ist besser', 'niedriger ist besser', 'abweichung'"
        case .einheitOhneName: "der Name der Einheit ist leer"
        case .unbekannteErwartung(let wort): "unbekannte Erwartung '\(wort)'"
        case .ungueltigerZeitraum(let text): "ungültiger Zeitraum '\(text)': erwartet wird 2021-Q4 oder 2021"
        case .ordnerFehlt: "Definitionsordner nicht gefunden"
        case .ordnerNichtLesbar: "Definitionsordner nicht lesbar"
        case .keineDefinitionsdatei:
            "keine Definitionsdatei: erwartet wird ein Ordner mit *.kz-Dateien oder eine *.kz-Datei"
        case .ordnerOhneDefinitionen: "keine Definitionsdateien (*.kz) im Ordner"
        case .dateiNichtLesbar(let grund): grund
        case .keinUtf8: "Datei ist kein gültiges UTF-8; Definitionen werden in UTF-8 gespeichert"
        }
    }
}
