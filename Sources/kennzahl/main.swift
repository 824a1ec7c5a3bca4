import Foundation
import KennzahlKommandozeile

// Thin entry point: all behaviour lives in the library (and is tested there).
exit(Kommandozeile.fuehreAus(Array(CommandLine.arguments.dropFirst())))
