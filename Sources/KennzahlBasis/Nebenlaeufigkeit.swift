import Foundation

/// One result slot per task, filled from worker threads; read after they have all finished.
package final class Ablage<T: Sendable>: @unchecked Sendable {
    private let sperre = NSLock()
    private var werte: [T?]

    package init(anzahl: Int) { werte = Array(repeating: nil, count: anzahl) }

    package func setze(_ i: Int, _ wert: T) {
        sperre.lock()
        werte[i] = wert
        sperre.unlock()
    }

    /// The first slot's value, if any was set.
    package var erstes: T? {
        sperre.lock()
        defer { sperre.unlock() }
        return werte.first ?? nil
    }

    /// All results in slot order. Every slot must have been filled.
    package var alle: [T] {
        sperre.lock()
        defer { sperre.unlock() }
        return werte.map { $0! }
    }
}

/// Hands out 0, 1, 2, … to worker threads, each number once.
package final class Laufnummer: @unchecked Sendable {
    private let sperre = NSLock()
    private var naechste = 0

    package init() {}

    /// The next number below `grenze`, or nil when all are taken.
    package func weiter(bis grenze: Int) -> Int? {
        sperre.lock()
        defer { sperre.unlock() }
        guard naechste < grenze else { return nil }
        naechste += 1
        return naechste - 1
    }
}

/// Size of a file in bytes (0 when it cannot be read: the reader reports that).
package enum Dateigroesse {
    package static func von(_ pfad: String) -> Int {
        var info = stat()
        return stat(pfad, &info) == 0 ? Int(info.st_size) : 0
    }
}

/// Progress of reading the exports, for a person watching a terminal: one line on stderr,
/// rewritten at most four times a second. Threads report bytes as they read them.
package final class Fortschritt: @unchecked Sendable {
    private let sperre = NSLock()
    private let ausgabe: @Sendable (String) -> Void
    private var gesamt = 0
    private var gelesen = 0
    private var letzte = Date.distantPast
    private var gezeigt = false

    /// `ausgabe` receives the text to write as it is (with carriage returns).
    package init(_ ausgabe: @escaping @Sendable (String) -> Void) { self.ausgabe = ausgabe }

    package func beginne(gesamt: Int) {
        sperre.lock()
        self.gesamt = gesamt
        gelesen = 0
        sperre.unlock()
    }

    package func melde(_ bytes: Int) {
        sperre.lock()
        gelesen += bytes
        let jetzt = Date()
        guard gesamt > 0, jetzt.timeIntervalSince(letzte) >= 0.25 else {
            sperre.unlock()
            return
        }
        letzte = jetzt
        gezeigt = true
        let prozent = min(100, gelesen * 100 / gesamt)
        let text = "\rExporte lesen: \(prozent) % (\(Zahlformat.groesse(gelesen)) von \(Zahlformat.groesse(gesamt)))   "
        sperre.unlock()
        ausgabe(text)
    }

    /// Clears the progress line, if one was shown.
    package func beende() {
        sperre.lock()
        let war = gezeigt
        gezeigt = false
        sperre.unlock()
        if war { ausgabe("\r" + String(repeating: " ", count: 60) + "\r") }
    }
}

/// Phase times on stderr when `KENNZAHL_ZEITEN` is set (for the benchmark notes; off otherwise).
package enum Zeitmessung {
    nonisolated(unsafe) private static var letzte = Date()
    static let an = ProcessInfo.processInfo.environment["KENNZAHL_ZEITEN"] != nil

    package static func beginne() { if an { letzte = Date() } }

    /// Peak memory so far (Linux: VmHWM), for the notes.
    private static var spitze: String {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let zeile = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return "" }
        return "   Spitze " + zeile.dropFirst(6).trimmingCharacters(in: .whitespaces)
    }

    package static func markiere(_ phase: String) {
        guard an else { return }
        let jetzt = Date()
        melde(phase, jetzt.timeIntervalSince(letzte))
        letzte = jetzt
    }

    package static func melde(_ was: String, _ sekunden: Double) {
        guard an else { return }
        let ms = String(format: "%7.1f ms", sekunden * 1000)
        FileHandle.standardError.write(
            Data((was.padding(toLength: 40, withPad: " ", startingAt: 0) + ms + spitze + "\n").utf8))
    }
}
