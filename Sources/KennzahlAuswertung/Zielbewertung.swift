import KennzahlBasis
import KennzahlDefinition

/// Whether a value meets its Zielwert, compared exactly (80 % meets "mindestens 80").
package enum Zielerreichung: Sendable, Equatable {
    case erreicht
    case nichtErreicht
    /// No value to judge (denominator 0, no data, city only).
    case keinWert
    /// The Kennzahl has no Zielwert.
    case keinZiel

    package static func bewerte(_ ziel: Zielwert?, _ w: Kennwert) -> Zielerreichung {
        guard let ziel else { return .keinZiel }
        guard let v = w.wert else { return .keinWert }
        switch ziel {
        case .mindestens(let g): return v >= g ? .erreicht : .nichtErreicht
        case .hoechstens(let g): return v <= g ? .erreicht : .nichtErreicht
        case .zwischen(let a, let b): return a <= v && v <= b ? .erreicht : .nichtErreicht
        }
    }

    /// German word for reports.
    package var text: String {
        switch self {
        case .erreicht: return "erreicht"
        case .nichtErreicht: return "nicht erreicht"
        case .keinWert: return "nicht bewertbar"
        case .keinZiel: return "kein Zielwert"
        }
    }
}

extension Zielwert {
    /// `mindestens 80 %`, `höchstens 5`, `zwischen 2 und 4 %`.
    package func text(_ e: Einheit) -> String {
        let s = Zahlformat.einheitZeichen(e)
        let u = s.isEmpty ? "" : " " + s
        switch self {
        case .mindestens(let g): return "mindestens " + Zahlformat.knapp(g) + u
        case .hoechstens(let g): return "höchstens " + Zahlformat.knapp(g) + u
        case .zwischen(let a, let b): return "zwischen " + Zahlformat.knapp(a) + " und " + Zahlformat.knapp(b) + u
        }
    }
}
