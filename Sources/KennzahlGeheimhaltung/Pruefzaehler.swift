import Foundation
import KennzahlBasis

/// Counts of the audit's work, printed with `KENNZAHL_ZEITEN=1` (for measuring, never decisive).
enum Pruefzaehler {
    nonisolated(unsafe) private static var werte: [String: Int] = [:]
    private static let sperre = NSLock()
    static let an = ProcessInfo.processInfo.environment["KENNZAHL_ZEITEN"] != nil

    static func zaehle(_ was: String, _ n: Int = 1) {
        guard an else { return }
        sperre.withLock { werte[was, default: 0] += n }
    }

    static func hoechstens(_ was: String, _ n: Int) {
        guard an else { return }
        sperre.withLock { werte[was] = max(werte[was] ?? 0, n) }
    }

    static func melde() {
        guard an else { return }
        let text = sperre.withLock { werte.keys.sorted().map { "  \($0): \(werte[$0] ?? 0)" }.joined(separator: "\n") }
        FileHandle.standardError.write(Data(("Prüfung:\n" + text + "\n").utf8))
    }
}
