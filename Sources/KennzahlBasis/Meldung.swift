/// A message of one module's catalogue: a stable code, a severity and the German text, built
/// from the typed values of the case. Every code is defined once, in the catalogue of the module
/// that reports it (`.ci/pruefe-meldungen.py` checks that no code is written anywhere else).
package protocol Meldung: Sendable {
    /// Stable id (`KZ200`), for tests and documentation.
    var code: String { get }
    var schwere: Diagnose.Schwere { get }
    /// The German text.
    var text: String { get }
}

extension Diagnose {
    /// The diagnostic of a catalogue message at a place.
    package init(_ meldung: some Meldung, ort: Ort?, hinweis: String? = nil) {
        self.init(meldung.schwere, meldung.code, meldung.text, ort: ort, hinweis: hinweis)
    }
}
