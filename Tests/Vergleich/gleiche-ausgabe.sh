#!/usr/bin/env bash
# Compares what two builds of kennzahl write, byte for byte: report sets of both catalogues,
# internal and public, two quarters and a year each, plus the terminal output of check, test
# and report. Used to show that a refactoring changed no behaviour:
#
#   Tests/Vergleich/gleiche-ausgabe.sh /pfad/zur/alten/kennzahl .build/release/kennzahl [DIFF-DATEI]
#
# Exit 0 when everything is identical; otherwise the differing files are listed and exit 1 (the
# whole `diff -r` goes to DIFF-DATEI when given, to review an intended change).
set -euo pipefail
[ $# -eq 2 ] || [ $# -eq 3 ] || { echo "Aufruf: $0 ALTES_PROGRAMM NEUES_PROGRAMM [DIFF-DATEI]" >&2; exit 2; }
alt=$(realpath "$1"); neu=$(realpath "$2"); diffdatei=${3:+$(realpath -m "$3")}
cd "$(dirname "$0")/../.."
ordner=$(mktemp -d)
trap 'rm -rf "$ordner"' EXIT

laeufe() {
  local programm=$1 ziel=$2
  mkdir -p "$ziel"
  for fall in "ulm 2021-Q4" "ulm 2022-Q4" "ulm 2021" "nordfriesland 2021-Q4" "nordfriesland 2022-Q4" "nordfriesland 2022"; do
    set -- $fall
    for art in intern oeffentlich; do
      local schalter=()
      [ "$art" = oeffentlich ] && schalter=(--public)
      "$programm" report --definitions "Definitions/$1" --data "Samples/$1" --period "$2" "${schalter[@]}" \
        --out "$ziel/$1-$art" > "$ziel/report-$1-$2-$art.stdout" 2> "$ziel/report-$1-$2-$art.stderr" || echo "exit $?" >> "$ziel/report-$1-$2-$art.stdout"
    done
    "$programm" check --definitions "Definitions/$1" --data "Samples/$1" > "$ziel/check-$1.stdout" 2> "$ziel/check-$1.stderr" || true
    "$programm" check --public --definitions "Definitions/$1" --data "Samples/$1" --period "$2" > "$ziel/check-public-$1-$2.stdout" 2>&1 || true
    "$programm" test --definitions "Definitions/$1" > "$ziel/test-$1.stdout" 2>&1 || true
  done
  "$programm" --help > "$ziel/help.stdout" 2>&1 || true
  "$programm" report --period 2021-Q9 > "$ziel/aufruffehler.stdout" 2>&1 || echo "exit $?" >> "$ziel/aufruffehler.stdout"
}

# Both run in the same folder (messages name it), which is then moved aside.
laeufe "$alt" "$ordner/lauf" && mv "$ordner/lauf" "$ordner/alt"
laeufe "$neu" "$ordner/lauf" && mv "$ordner/lauf" "$ordner/neu"
dateien=$(cd "$ordner/alt" && find . -type f | wc -l)
if diff -r "$ordner/alt" "$ordner/neu" > "$ordner/unterschiede.txt"; then
  echo "gleich: $dateien Dateien aus beiden Programmen Byte für Byte identisch"
else
  echo "UNTERSCHIEDE:" >&2
  head -n 60 "$ordner/unterschiede.txt" >&2
  [ -n "$diffdatei" ] && cp "$ordner/unterschiede.txt" "$diffdatei"
  exit 1
fi
