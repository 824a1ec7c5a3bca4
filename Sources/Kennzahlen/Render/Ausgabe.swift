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
            for d in dateien {
                guard !d.pfad.hasPrefix("/"), !d.pfad.split(separator: "/").contains(".."), !d.pfad.isEmpty else {
                    throw Fehler(pfad: d.pfad, grund: "Dateiname außerhalb des Ausgabeordners abgelehnt")
                }
                let datei = neu.appendingPathComponent(d.pfad)
                try fm.createDirectory(at: datei.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(d.inhalt).write(to: datei)
            }
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
            throw Fehler(pfad: url.path, grund: "Berichte konnten nicht geschrieben werden (\(error.localizedDescription)); der vorige Stand bleibt erhalten")
        }
    }
}
