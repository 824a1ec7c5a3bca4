import Foundation
import KennzahlKommandozeile

/// Captures what a command prints.
package final class Mitschrift: @unchecked Sendable {
    private let sperre = NSLock()
    private var aus: [String] = []
    private var fehler: [String] = []

    package var kanaele: Kommandozeile.Kanaele {
        Kommandozeile.Kanaele(
            aus: { s in self.sperre.withLock { self.aus.append(s) } },
            fehler: { s in self.sperre.withLock { self.fehler.append(s) } })
    }

    package var ausgabe: String { sperre.withLock { aus.joined(separator: "\n") } }
    package var fehlerausgabe: String { sperre.withLock { fehler.joined(separator: "\n") } }
}

/// Runs a command in-process, as `main.swift` would.
package func lauf(_ args: [String]) -> (code: Int32, aus: String, fehler: String) {
    let m = Mitschrift()
    let code = Kommandozeile.fuehreAus(args, m.kanaele)
    return (code, m.ausgabe, m.fehlerausgabe)
}

/// A fresh empty folder under the system's temporary directory.
package func temporaererOrdner() -> String {
    let pfad = NSTemporaryDirectory() + "kennzahl-test-" + UUID().uuidString
    try? FileManager.default.createDirectory(atPath: pfad, withIntermediateDirectories: true)
    return pfad
}

/// A folder's files (relative paths) with their bytes.
package func inhalt(_ ordner: String) -> [String: Data] {
    var ergebnis: [String: Data] = [:]
    let fm = FileManager.default
    for case let rel as String in fm.enumerator(atPath: ordner) ?? FileManager.DirectoryEnumerator() {
        var istOrdner: ObjCBool = false
        if fm.fileExists(atPath: ordner + "/" + rel, isDirectory: &istOrdner), !istOrdner.boolValue {
            ergebnis[rel] = fm.contents(atPath: ordner + "/" + rel)
        }
    }
    return ergebnis
}
