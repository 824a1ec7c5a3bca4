import Foundation

/// Writes a set of files into a folder atomically: everything goes into a temporary sibling
/// folder first, which then replaces the target by rename. A run that fails midway leaves the
/// previous folder untouched and no partial file behind.
public enum Ausgabe {
    public struct Fehler: Error, CustomStringConvertible {
        public var pfad: String
        public var grund: String
        public var description: String { "\(pfad): Fehler: \(grund)" }
    }

    /// `dateien`: paths relative to `ziel` (built from slugs only) and their contents.
    public static func schreibe(_ dateien: [(pfad: String, inhalt: [UInt8])], nach ziel: String) throws {
        try schreibe(nach: ziel) { neu in
            // Folders first, then the files on all cores.
            let ziele = try dateien.map { try pfad($0.pfad, in: neu) }
            let fehler = Ablage<Fehler>(anzahl: 1)
            let naechste = Laufnummer()
            DispatchQueue.concurrentPerform(iterations: min(ProcessInfo.processInfo.activeProcessorCount, max(1, dateien.count))) { _ in
                while let i = naechste.weiter(bis: dateien.count) {
                    do {
                        try schreibeDatei(dateien[i].inhalt, nach: ziele[i])
                    } catch let f as Fehler {
                        fehler.setze(0, f)
                    } catch {}
                }
            }
            if let f = fehler.erstes { throw f }
        }
    }

    /// Writes one file of the new set with plain system calls: the set becomes visible by the
    /// folder rename, so a per-file sync (which Foundation's `Data.write` does) buys nothing.
    static func schreibeDatei(_ inhalt: [UInt8], nach url: URL) throws {
        let fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw Fehler(pfad: url.path, grund: "Datei lässt sich nicht anlegen (\(String(cString: strerror(errno))))") }
        defer { close(fd) }
        var geschrieben = 0
        try inhalt.withUnsafeBytes { b in
            guard b.count > 0 else { return }
            while geschrieben < b.count {
                let n = write(fd, b.baseAddress! + geschrieben, b.count - geschrieben)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw Fehler(pfad: url.path, grund: "Datei lässt sich nicht schreiben (\(String(cString: strerror(errno))))")
                }
                geschrieben += n
            }
        }
    }

    /// The file `relativ` inside `ordner`, its folder created; a name leading outside is refused.
    public static func pfad(_ relativ: String, in ordner: URL) throws -> URL {
        guard !relativ.hasPrefix("/"), !relativ.split(separator: "/").contains(".."), !relativ.isEmpty else {
            throw Fehler(pfad: relativ, grund: "Dateiname außerhalb des Ausgabeordners abgelehnt")
        }
        let datei = ordner.appendingPathComponent(relativ)
        try FileManager.default.createDirectory(at: datei.deletingLastPathComponent(), withIntermediateDirectories: true)
        return datei
    }

    /// Lets `fuelle` write into a fresh temporary folder (files too large to hold in memory are
    /// streamed there), then swaps it in for `ziel`.
    public static func schreibe(nach ziel: String, _ fuelle: (URL) throws -> Void) throws {
        let fm = FileManager.default
        let url = URL(fileURLWithPath: ziel).standardizedFileURL
        let eltern = url.deletingLastPathComponent()
        let name = url.lastPathComponent
        do {
            try fm.createDirectory(at: eltern, withIntermediateDirectories: true)
        } catch {
            throw Fehler(pfad: eltern.path, grund: "Ausgabeordner lässt sich nicht anlegen (\(error.localizedDescription))")
        }
        let kennung = String(ProcessInfo.processInfo.processIdentifier)
        let neu = eltern.appendingPathComponent(".\(name).entstehend-\(kennung)")
        let alt = eltern.appendingPathComponent(".\(name).alt-\(kennung)")
        try? fm.removeItem(at: neu)
        try? fm.removeItem(at: alt)
        do {
            try fm.createDirectory(at: neu, withIntermediateDirectories: true)
            try fuelle(neu)
            if fm.fileExists(atPath: url.path) {
                try fm.moveItem(at: url, to: alt)
            }
            try fm.moveItem(at: neu, to: url)
            try? fm.removeItem(at: alt)
        } catch let f as Fehler {
            try? fm.removeItem(at: neu)
            throw f
        } catch {
            try? fm.removeItem(at: neu)
            if !fm.fileExists(atPath: url.path) && fm.fileExists(atPath: alt.path) { try? fm.moveItem(at: alt, to: url) }
            throw Fehler(pfad: url.path, grund: "Dateien konnten nicht geschrieben werden (\(error.localizedDescription)); der vorige Stand bleibt erhalten")
        }
    }
}
