import Foundation
import KennzahlAmpel
import KennzahlAuswertung
import KennzahlBasis
import KennzahlBeispiele
import KennzahlBericht
import KennzahlDaten
import KennzahlDefinition
import KennzahlGeheimhaltung

extension Kommandozeile {
    // MARK: Help texts

    static let hilfe = """
        kennzahl – Kennzahlen und Ampel für die sozialraumorientierte Sozialplanung

        Aufruf:
          kennzahl report  [--definitions ORDNER] [--data ORDNER] [--out ORDNER] [--period 2021-Q4|2021]
                           [--format csv,md,html] [--csv excel|rfc4180] [--streng] [--public]
          kennzahl check   [--definitions ORDNER] [--data ORDNER] [--public [--period 2021-Q4|2021] [--pruefsystem DATEI]]
          kennzahl test    [--definitions ORDNER]
          kennzahl samples [\(Beispiele.alle.map(\.name).joined(separator: "|"))] [--out ORDNER] [--seed S]
          kennzahl --help | --version
          kennzahl BEFEHL --help

        Befehle:
          report   wertet die Exporte aus und schreibt die Berichte (Produkte, Index, Katalog)
          check    prüft die Definitionen und, mit --data, die Exporte; mit --public die Geheimhaltung
                   der öffentlichen Berichte; schreibt keine Berichte
          test     führt die Tests neben den Kennzahlen aus (Testdaten und erwartete Ergebnisse)
          samples  schreibt einen synthetischen Beispieldatensatz

        Ohne Angaben wertet 'kennzahl report' den Ulmer Katalog (Definitions/ulm) auf den
        Beispieldaten (Samples/ulm) für das jüngste Quartal der Daten aus und schreibt nach reports/.

        Exit-Codes: 0 Erfolg, 1 Fehler in Definitionen oder Daten, 2 Aufruffehler.
        """

    static let reportHilfe = """
        kennzahl report – Berichte für einen Zeitraum schreiben

        Aufruf:
          kennzahl report [--definitions ORDNER] [--data ORDNER] [--out ORDNER] [--period 2021-Q4|2021]
                          [--format csv,md,html] [--csv excel|rfc4180] [--streng] [--public]

        Optionen:
          --definitions ORDNER  Katalog der Kennzahlen (*.kz)            Standard: Definitions/ulm
          --data ORDNER         Exporte der Fachverfahren (CSV)           Standard: Samples/ulm
          --out ORDNER          Ausgabeordner; Berichte in ORDNER/ZEITRAUM/ Standard: reports
          --period ZEITRAUM     Quartal (2021-Q4) oder Jahr (2021)        Standard: jüngstes Quartal der Daten
          --format LISTE        csv, md, html, xlsx, docx oder alle (kommagetrennt)  Standard: csv,md,html
          --csv VARIANTE        excel (Semikolon, Dezimalkomma, BOM) oder rfc4180 (Komma, Punkt)
          --streng              jede verworfene Exportzeile ist ein Fehler (Exit-Code 1)
          --public, --oeffentlich
                                öffentliche Berichte: Werte unter der Mindestfallzahl (Standard 3)
                                und Werte, aus denen sie sich errechnen ließen, erscheinen als '.'
          -h, --help            diese Hilfe

        Ausgabe: je Gebiet (gesamt und jeder Sozialraum) produkt-N.csv/.md/.html (mit xlsx und docx
        auch .xlsx und .docx, dazu kennzahlen-ZEITRAUM.xlsx), dazu index.html und katalog.md/.html.
        Der Lauf schreibt alles oder nichts: ein vorhandener Berichtsstand
        wird erst ersetzt, wenn der neue vollständig ist.
        """

    static let checkHilfe = """
        kennzahl check – Definitionen (und Exporte) prüfen, ohne Berichte zu schreiben

        Aufruf:
          kennzahl check [--definitions ORDNER] [--data ORDNER]
          kennzahl check --public [--definitions ORDNER] [--data ORDNER] [--period ZEITRAUM] [--pruefsystem DATEI]

        Optionen:
          --definitions ORDNER  Katalog der Kennzahlen (*.kz) oder eine *.kz-Datei   Standard: Definitions/ulm
          --data ORDNER         zusätzlich alle Exporte lesen und jede verworfene Zeile melden
          --public, --oeffentlich
                                die Geheimhaltung der öffentlichen Berichte prüfen (für Datenschutz-
                                beauftragte): jeder zurückgehaltene Wert mit Grund und dem Bereich, den
                                ein Angreifer aus allen veröffentlichten Werten beweisen kann
          --period ZEITRAUM     mit --public: Quartal (2021-Q4) oder Jahr (2021); Standard: jüngstes Quartal
          --pruefsystem DATEI   mit --public: das Gleichungssystem des Angreifers als JSON schreiben
                                (zur Nachprüfung mit einem anderen Löser)
          -h, --help            diese Hilfe

        Jeder Fehler erscheint als 'datei:zeile:spalte: Fehler: …'. Exit-Code 1 bei Fehlern.
        """

    static let testHilfe = """
        kennzahl test – die Tests der Kennzahlen ausführen

        Aufruf:
          kennzahl test [--definitions ORDNER]

        Optionen:
          --definitions ORDNER  Katalog der Kennzahlen (*.kz) oder eine *.kz-Datei   Standard: Definitions/ulm
          -h, --help            diese Hilfe

        Ein Test steht im Katalog neben der Kennzahl ('test KENNUNG "Name" { … }'): einige Zeilen
        Testdaten je Quelle und die erwarteten Ergebnisse (Wert, Zähler, Nenner, Ampel, Zielwert).
        Jeder fehlgeschlagene Test erscheint als 'datei:zeile:spalte: Fehler: …'; Exit-Code 1.
        """

    static let samplesHilfe = """
        kennzahl samples – synthetischen Beispieldatensatz schreiben (keine echten Personen)

        Aufruf:
          kennzahl samples [NAME] [--out ORDNER] [--seed S] [--rows N]

        Datensätze (NAME, Standard: ulm):
        \(Beispiele.alle.map { "  \($0.name.padding(toLength: 14, withPad: " ", startingAt: 0)) für Definitions/\($0.name), Standardordner \($0.ordner), Seed \($0.standardSeed)" }.joined(separator: "\n"))

        Optionen:
          --out ORDNER   Zielordner                        Standard: Samples/NAME
          --seed S       Startwert des Zufallsgenerators   Standard: je Datensatz (siehe oben)
          --rows N       großer Datensatz für Messungen (nur ulm): die beiden größten Exporte mit
                         zusammen etwa N Zeilen, in die Dateien geschrieben, ohne sie im Speicher zu halten
          -h, --help     diese Hilfe

        Gleicher Seed, gleiche Bytes: der Datensatz ist reproduzierbar.
        """
}
