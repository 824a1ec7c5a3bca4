import KennzahlBasis

/// The messages of checking a parsed catalogue: declarations, sources, formulas, filters, targets,
/// Ampel rules and tests (KZ052–KZ061, KZ100–KZ194).
enum SemantikMeldung: Meldung {
    case testOhneZeitraum(name: String)
    case testOhneErwartung(name: String)
    case testdatenOhneZeilen
    case unbekannteFunktion(name: String, erlaubt: String)
    case funktionBrauchtZweiWerte(funktion: String)
    case keinKatalog
    case katalogDoppelt(erste: String)
    case bevoelkerungKeineZahlen(quelle: String)
    case unbekannteBevoelkerungsquelle(quelle: String)
    case produktDoppelt(nummer: Int)
    case keineProdukte
    case mehrereAmpeluebersichten
    case arbeitsfeldDoppelt(kuerzel: String)
    case zielDoppelt(nummer: Int)
    case zahlAusserhalb(was: String, von: Int, bis: Int, ist: String)
    case keineSozialraeume
    case nameOhneOrdnernamen(name: String)
    case sozialraumDoppelt(name: String, ordner: String)
    case codeVergeben(code: String, sozialraum: String)
    case stadtviertelVergeben(viertel: String, sozialraum: String)
    case unbekannterSozialraumImTest(name: String)
    case quelleDoppelt(quelle: String, erste: String)
    case quelleOhneArt(quelle: String)
    case quelleOhneDatei(quelle: String)
    case unbekannteKodierung(wort: String)
    case raumUndViertelspalte
    case datumUndBeginn
    case falllisteOhneId(quelle: String)
    case falllisteOhneBeginn(quelle: String)
    case anzahlNurBeiZahlen
    case fallspaltenNurBeiFalllisten
    case zahlenOhneAnzahl(quelle: String)
    case vorlageDoppelt(name: String)
    case feldDoppelt(feld: String, quelle: String)
    case reserviertesWort(feld: String)
    case exportwertDoppelt(wert: String)
    case zuordnungNurBeiText
    case musterAusserhalb
    case musterKlammerOffen
    case unbekannterPlatzhalter(name: String)
    case mehrerePlatzhalter
    case kennungZeichen(id: String, hex: String)
    case kennzahlDoppelt(id: String, wie: String, erste: String)
    case produktNichtDeklariert(nummer: Int)
    case ohneProdukt(id: String)
    case unbekanntesArbeitsfeld(kuerzel: String)
    case zielNichtDeklariert(nummer: Int)
    case ohneDefinitionstext(id: String)
    case zeitraumOhneZaehlregel
    case ohneZeitraum(id: String)
    case ohneFormel(id: String)
    case wertUndBruch(id: String)
    case bruchUnvollstaendig(id: String)
    case bruchOhneEinheit
    case jeOhneBruch
    case prozentOhneBruch
    case zielGrenzenVertauscht(unten: String, oben: String)
    case zielNegativ(wert: String, einheit: String)
    case zielProzentAusserhalb(wert: String)
    case unbekannteAmpelvorlage(name: String)
    case regelOhneZielwert(id: String)
    case regelOhneBruch(id: String)
    case vorquartalBeiJahr(id: String)
    case schwellenVertauscht(kennzahl: String, rot: String, gelb: String)
    case unbekannteKennzahl(id: String)
    case unbekannteKennzahlImTest(id: String)
    case unbekannteKennzahlInErwartung(id: String)
    case bevoelkerungOhneQuelle
    case unbekannteQuelle(id: String)
    case unbekannteQuelleImTest(id: String)
    case zahlenquelleSumme(quelle: String)
    case quelleOhneFeld(quelle: String, feld: String)
    case feldNichtSummierbar(feld: String)
    case summeOhneZahlenfeld(quelle: String)
    case zahlenquelleImVerlauf(quelle: String)
    case zahlenquelleVerschiedene(quelle: String)
    case ereignisseAmStichtag(quelle: String)
    case zwischenGrenzenVertauscht
    case zwischenBeiText(feld: String)
    case vergleichBeiText(feld: String)
    case filterfeldFehlt(quelle: String, feld: String, hinweis: String)
    case textwertErwartet(feld: String)
    case unbekannterWert(wert: String, feld: String, werte: String)
    case zahlErwartet(feld: String)
    case datumErwartet(feld: String)
    case verweisKreis(kette: String)
    case ohneEndeSpalte(quelle: String)
    case mehrereEntwarnungen(id: String)
    case seitBeiEntwarnung
    case entwarnungOhneWirkung
    case gesamtsummeNurBeiWert

    var code: String {
        switch self {
        case .testOhneZeitraum: "KZ052"
        case .testOhneErwartung: "KZ053"
        case .testdatenOhneZeilen: "KZ054"
        case .unbekannteFunktion: "KZ060"
        case .funktionBrauchtZweiWerte: "KZ061"
        case .keinKatalog: "KZ100"
        case .katalogDoppelt: "KZ101"
        case .bevoelkerungKeineZahlen: "KZ102"
        case .unbekannteBevoelkerungsquelle: "KZ103"
        case .produktDoppelt: "KZ104"
        case .keineProdukte: "KZ105"
        case .mehrereAmpeluebersichten: "KZ106"
        case .arbeitsfeldDoppelt: "KZ107"
        case .zielDoppelt: "KZ108"
        case .zahlAusserhalb: "KZ109"
        case .keineSozialraeume: "KZ110"
        case .nameOhneOrdnernamen: "KZ111"
        case .sozialraumDoppelt: "KZ112"
        case .codeVergeben: "KZ113"
        case .stadtviertelVergeben: "KZ114"
        case .unbekannterSozialraumImTest: "KZ115"
        case .quelleDoppelt: "KZ120"
        case .quelleOhneArt: "KZ121"
        case .quelleOhneDatei: "KZ122"
        case .unbekannteKodierung: "KZ123"
        case .raumUndViertelspalte: "KZ124"
        case .datumUndBeginn: "KZ125"
        case .falllisteOhneId: "KZ126"
        case .falllisteOhneBeginn: "KZ127"
        case .anzahlNurBeiZahlen: "KZ128"
        case .fallspaltenNurBeiFalllisten: "KZ128"
        case .zahlenOhneAnzahl: "KZ129"
        case .vorlageDoppelt: "KZ130"
        case .feldDoppelt: "KZ131"
        case .reserviertesWort: "KZ132"
        case .exportwertDoppelt: "KZ133"
        case .zuordnungNurBeiText: "KZ134"
        case .musterAusserhalb: "KZ135"
        case .musterKlammerOffen: "KZ136"
        case .unbekannterPlatzhalter: "KZ137"
        case .mehrerePlatzhalter: "KZ138"
        case .kennungZeichen: "KZ139"
        case .kennzahlDoppelt: "KZ140"
        case .produktNichtDeklariert: "KZ141"
        case .ohneProdukt: "KZ142"
        case .unbekanntesArbeitsfeld: "KZ143"
        case .zielNichtDeklariert: "KZ144"
        case .ohneDefinitionstext: "KZ145"
        case .zeitraumOhneZaehlregel: "KZ146"
        case .ohneZeitraum: "KZ147"
        case .ohneFormel: "KZ148"
        case .wertUndBruch: "KZ149"
        case .bruchUnvollstaendig: "KZ150"
        case .bruchOhneEinheit: "KZ151"
        case .jeOhneBruch: "KZ152"
        case .prozentOhneBruch: "KZ152"
        case .zielGrenzenVertauscht: "KZ153"
        case .zielNegativ: "KZ154"
        case .zielProzentAusserhalb: "KZ154"
        case .unbekannteAmpelvorlage: "KZ155"
        case .regelOhneZielwert: "KZ156"
        case .regelOhneBruch: "KZ157"
        case .vorquartalBeiJahr: "KZ158"
        case .schwellenVertauscht: "KZ159"
        case .unbekannteKennzahl: "KZ160"
        case .unbekannteKennzahlImTest: "KZ160"
        case .unbekannteKennzahlInErwartung: "KZ160"
        case .bevoelkerungOhneQuelle: "KZ161"
        case .unbekannteQuelle: "KZ162"
        case .unbekannteQuelleImTest: "KZ162"
        case .zahlenquelleSumme: "KZ163"
        case .quelleOhneFeld: "KZ164"
        case .feldNichtSummierbar: "KZ165"
        case .summeOhneZahlenfeld: "KZ166"
        case .zahlenquelleImVerlauf: "KZ167"
        case .zahlenquelleVerschiedene: "KZ168"
        case .ereignisseAmStichtag: "KZ169"
        case .zwischenGrenzenVertauscht: "KZ170"
        case .zwischenBeiText: "KZ171"
        case .vergleichBeiText: "KZ172"
        case .filterfeldFehlt: "KZ173"
        case .textwertErwartet: "KZ174"
        case .unbekannterWert: "KZ175"
        case .zahlErwartet: "KZ176"
        case .datumErwartet: "KZ177"
        case .verweisKreis: "KZ180"
        case .ohneEndeSpalte: "KZ190"
        case .mehrereEntwarnungen: "KZ191"
        case .seitBeiEntwarnung: "KZ192"
        case .entwarnungOhneWirkung: "KZ193"
        case .gesamtsummeNurBeiWert: "KZ194"
        }
    }

    var schwere: Diagnose.Schwere {
        switch self {
        case .ohneDefinitionstext, .ohneEndeSpalte: .warnung
        default: .fehler
        }
    }

    var text: String {
        switch self {
        case .testOhneZeitraum(let name): "Test '\(name)' nennt keinen Zeitraum ('zeitraum 2021-Q4')"
        case .testOhneErwartung(let name): "Test '\(name)' erwartet nichts ('erwartet wert 74,0')"
        case .testdatenOhneZeilen: "Testdaten ohne Zeilen: die erste Zeile ist die Kopfzeile der Quelle"
        case .unbekannteFunktion(let name, let erlaubt): "unbekannte Funktion '\(name)': erlaubt sind \(erlaubt)"
        case .funktionBrauchtZweiWerte(let funktion):
            "'\(funktion)' braucht mindestens zwei Werte, z. B. \(funktion)(REST, 0)"
        case .keinKatalog: "keine Katalog-Deklaration gefunden: eine Datei muss 'katalog \"Name\" { … }' enthalten"
        case .katalogDoppelt(let erste):
            "zweite Katalog-Deklaration; ein Katalog wird nur einmal deklariert (erste in \(erste))"
        case .bevoelkerungKeineZahlen(let quelle): "die Bevölkerungsquelle '\(quelle)' muss Zahlen liefern (art zahlen)"
        case .unbekannteBevoelkerungsquelle(let quelle): "unbekannte Quelle '\(quelle)' für die Bevölkerung"
        case .produktDoppelt(let nummer): "Produkt \(nummer) ist doppelt deklariert"
        case .keineProdukte: "der Katalog deklariert keine Produkte ('produkt 1 \"Titel\"')"
        case .mehrereAmpeluebersichten: "nur ein Produkt kann die Ampelübersicht sein"
        case .arbeitsfeldDoppelt(let kuerzel): "Arbeitsfeld '\(kuerzel)' ist doppelt deklariert"
        case .zielDoppelt(let nummer): "Ziel \(nummer) ist doppelt deklariert"
        case .zahlAusserhalb(let was, let von, let bis, let ist):
            "\(was) muss eine ganze Zahl von \(von) bis \(bis) sein, ist \(ist)"
        case .keineSozialraeume: "keine Sozialräume deklariert: mindestens ein 'sozialraum \"Name\"' ist nötig"
        case .nameOhneOrdnernamen(let name): "der Name '\(name)' ergibt keinen brauchbaren Ordnernamen"
        case .sozialraumDoppelt(let name, let ordner):
            "Sozialraum '\(name)' ist doppelt deklariert (Ordnername '\(ordner)')"
        case .codeVergeben(let code, let sozialraum): "der Code '\(code)' gehört schon zum Sozialraum '\(sozialraum)'"
        case .stadtviertelVergeben(let viertel, let sozialraum):
            "das Stadtviertel '\(viertel)' gehört schon zum Sozialraum '\(sozialraum)'"
        case .unbekannterSozialraumImTest(let name): "unbekannter Sozialraum '\(name)' im Test"
        case .quelleDoppelt(let quelle, let erste): "Quelle '\(quelle)' ist doppelt deklariert (zuerst in \(erste))"
        case .quelleOhneArt(let quelle): "Quelle '\(quelle)' braucht 'art faelle' oder 'art zahlen'"
        case .quelleOhneDatei(let quelle): "Quelle '\(quelle)' braucht ein Dateimuster ('datei \"name-{quartal}.csv\"')"
        case .unbekannteKodierung(let wort):
            "unbekannte Kodierung '\(wort)': erlaubt sind utf-8, windows-1252, iso-8859-15"
        case .raumUndViertelspalte:
            "eine Quelle nennt entweder eine Sozialraum- oder eine Stadtviertelspalte, nicht beide"
        case .datumUndBeginn:
            "'datum' steht für Ereignisse mit einem Tag; zusammen mit 'beginn'/'ende' ist es widersprüchlich"
        case .falllisteOhneId(let quelle):
            "Fallliste '\(quelle)' braucht die Spalte der Fallnummer ('id \"Fallnummer\"')"
        case .falllisteOhneBeginn(let quelle):
            "Fallliste '\(quelle)' braucht 'beginn' (oder 'datum' für Ereignisse): ohne Datum lässt sich kein Zeitraum zählen"
        case .anzahlNurBeiZahlen: "'anzahl' gibt es nur bei Quellen der Art 'zahlen'"
        case .fallspaltenNurBeiFalllisten: "Spalten für Fallnummer und Datum gibt es nur bei Fallisten (art faelle)"
        case .zahlenOhneAnzahl(let quelle):
            "Quelle '\(quelle)' liefert Zahlen und braucht die Spalte der Anzahl ('anzahl \"Anzahl\"')"
        case .vorlageDoppelt(let name): "Ampelvorlage '\(name)' ist doppelt deklariert"
        case .feldDoppelt(let feld, let quelle): "Feld '\(feld)' ist in Quelle '\(quelle)' doppelt deklariert"
        case .reserviertesWort(let feld): "'\(feld)' ist ein reserviertes Wort und kein Feldname"
        case .exportwertDoppelt(let wert): "der Exportwert '\(wert)' ist doppelt zugeordnet"
        case .zuordnungNurBeiText: "Wertzuordnungen gibt es nur für Textfelder"
        case .musterAusserhalb:
            "das Dateimuster muss ein Pfad innerhalb des Datenordners sein (ohne '..' und ohne führendes '/')"
        case .musterKlammerOffen: "'{' ohne '}' im Dateimuster"
        case .unbekannterPlatzhalter(let name):
            "unbekannter Platzhalter '{\(name)}' im Dateimuster: erlaubt sind {quartal} und {jahr}"
        case .mehrerePlatzhalter: "ein Dateimuster hat höchstens einen Platzhalter"
        case .kennungZeichen(let id, let hex):
            "Kennung '\(id)' enthält das Zeichen U+\(hex) – Kennungen bestehen aus ASCII-Buchstaben, Ziffern, '-' und '_'"
        case .kennzahlDoppelt(let id, let wie, let erste): "Kennzahl '\(id)' \(wie); zuerst in \(erste)"
        case .produktNichtDeklariert(let nummer): "Produkt \(nummer) ist im Katalog nicht deklariert"
        case .ohneProdukt(let id): "Kennzahl '\(id)' nennt kein Produkt ('produkt 2')"
        case .unbekanntesArbeitsfeld(let kuerzel): "unbekanntes Arbeitsfeld '\(kuerzel)'"
        case .zielNichtDeklariert(let nummer): "Ziel \(nummer) ist im Katalog nicht deklariert"
        case .ohneDefinitionstext(let id):
            "Kennzahl '\(id)' hat keinen Definitionstext; jede Kennzahl braucht eine schriftliche Definition"
        case .zeitraumOhneZaehlregel:
            "der Zeitraum braucht eine Zählregel: 'zeitraum quartal, stichtag', '…, zugaenge' oder '…, im verlauf'"
        case .ohneZeitraum(let id): "Kennzahl '\(id)' nennt keinen Zeitraum ('zeitraum jahr, im verlauf')"
        case .ohneFormel(let id): "Kennzahl '\(id)' hat keine Formel: 'wert …' oder 'zaehler …' und 'nenner …'"
        case .wertUndBruch(let id): "Kennzahl '\(id)' hat 'wert' und zugleich 'zaehler'/'nenner'; nur eines von beiden"
        case .bruchUnvollstaendig(let id): "Kennzahl '\(id)' braucht 'zaehler' und 'nenner' zusammen"
        case .bruchOhneEinheit:
            "eine Kennzahl mit Zähler und Nenner braucht eine Einheit (prozent, je 1.000 einwohner, …)"
        case .jeOhneBruch: "die Einheit je … braucht 'zaehler' und 'nenner'"
        case .prozentOhneBruch: "die Einheit prozent braucht 'zaehler' und 'nenner'"
        case .zielGrenzenVertauscht(let unten, let oben):
            "Zielwert: die untere Grenze \(unten) liegt über der oberen \(oben)"
        case .zielNegativ(let wert, let einheit): "Zielwert \(wert) ist negativ; \(einheit) kann nicht negativ sein"
        case .zielProzentAusserhalb(let wert): "Zielwert \(wert) % liegt außerhalb von 0 bis 100 %"
        case .unbekannteAmpelvorlage(let name): "unbekannte Ampelvorlage '\(name)'"
        case .regelOhneZielwert(let id): "die Regel prüft den Abstand zum Zielwert, aber '\(id)' hat keinen Zielwert"
        case .regelOhneBruch(let id): "die Regel prüft Zähler oder Nenner, aber '\(id)' hat keine"
        case .vorquartalBeiJahr(let id):
            "'\(id)' ist jährlich; ein Vergleich mit dem Vorquartal ist nicht möglich (vorjahr verwenden)"
        case .schwellenVertauscht(let kennzahl, let rot, let gelb):
            "Ampelschwellen in falscher Reihenfolge bei '\(kennzahl)': rot (\(rot)) ist weniger streng als gelb (\(gelb)); gelb könnte nie erscheinen"
        case .unbekannteKennzahl(let id): "unbekannte Kennzahl '\(id)'"
        case .unbekannteKennzahlImTest(let id): "unbekannte Kennzahl '\(id)' im Test"
        case .unbekannteKennzahlInErwartung(let id): "unbekannte Kennzahl '\(id)' in der Erwartung"
        case .bevoelkerungOhneQuelle: "'bevoelkerung' braucht im Katalog die Angabe 'einwohner <quelle>'"
        case .unbekannteQuelle(let id): "unbekannte Quelle '\(id)'"
        case .unbekannteQuelleImTest(let id): "unbekannte Quelle '\(id)' im Test"
        case .zahlenquelleSumme(let quelle):
            "Quelle '\(quelle)' liefert fertige Zahlen; hier 'summe aus \(quelle)' verwenden"
        case .quelleOhneFeld(let quelle, let feld): "Quelle '\(quelle)' hat kein Feld '\(feld)'"
        case .feldNichtSummierbar(let feld): "Feld '\(feld)' ist kein Zahlenfeld und lässt sich nicht summieren"
        case .summeOhneZahlenfeld(let quelle):
            "'summe' über eine Fallliste braucht ein Zahlenfeld ('summe betrag aus \(quelle)')"
        case .zahlenquelleImVerlauf(let quelle):
            "Quelle '\(quelle)' liefert fertige Zahlen; 'im verlauf' lässt sich daraus nicht zählen (stichtag oder zugaenge)"
        case .zahlenquelleVerschiedene(let quelle):
            "Quelle '\(quelle)' liefert fertige Zahlen; verschiedene Werte lassen sich nur in Falllisten zählen"
        case .ereignisseAmStichtag(let quelle):
            "Quelle '\(quelle)' enthält Ereignisse mit einem Datum; am Stichtag liefe nur, was genau an diesem Tag geschah – 'zugaenge' verwenden"
        case .zwischenGrenzenVertauscht: "'zwischen': die untere Grenze liegt über der oberen"
        case .zwischenBeiText(let feld): "'zwischen' geht nur bei Feldern vom Typ zahl oder datum; '\(feld)' ist Text"
        case .vergleichBeiText(let feld):
            "Größenvergleiche gehen nur bei Feldern vom Typ zahl oder datum; '\(feld)' ist Text"
        case .filterfeldFehlt(let quelle, let feld, let hinweis): "Quelle '\(quelle)' hat kein Feld '\(feld)'\(hinweis)"
        case .textwertErwartet(let feld): "Feld '\(feld)' ist Text: Wert in Anführungszeichen erwartet"
        case .unbekannterWert(let wert, let feld, let werte):
            "'\(wert)' kommt unter den Werten von Feld '\(feld)' nicht vor (\(werte))"
        case .zahlErwartet(let feld): "Feld '\(feld)' ist ein Zahlenfeld: Zahl ohne Anführungszeichen erwartet"
        case .datumErwartet(let feld): "Feld '\(feld)' ist ein Datum: Wert wie \"31.12.2021\" erwartet"
        case .verweisKreis(let kette): "Kennzahlen verweisen im Kreis: \(kette)"
        case .ohneEndeSpalte(let quelle):
            "Quelle '\(quelle)' hat keine Spalte 'ende': jeder begonnene Fall gilt als laufend"
        case .mehrereEntwarnungen(let id):
            "'\(id)' hat mehr als eine Entwarnungsregel; Bedingungen mit 'und' in einer Regel verbinden"
        case .seitBeiEntwarnung: "'seit' gibt es bei der Entwarnung nicht"
        case .entwarnungOhneWirkung: "eine Entwarnung ohne rote oder gelbe Regel hat keine Wirkung"
        case .gesamtsummeNurBeiWert:
            "'gesamt summe der sozialraeume' geht nur bei 'wert'; Anteile werden nicht summiert"
        }
    }
}
