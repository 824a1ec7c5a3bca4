import Foundation

/// Small path helpers that keep paths as the user typed them (for messages).
package enum Pfad {
    package static func verbinde(_ ordner: String, _ name: String) -> String {
        if ordner.isEmpty || ordner == "." { return name }
        return ordner.hasSuffix("/") ? ordner + name : ordner + "/" + name
    }
}
