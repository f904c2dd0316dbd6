#!/usr/bin/env bash
# accord's backbone (wording only, --lexical-only) against a TF-IDF cosine + Hungarian baseline, side by side
# on the same generated corpora: wall time, peak memory, precision, recall, F1.
#
#   benches/scale/compare.sh [UNITS...]        default: 1000 10000
#
# Needs python3; installs numpy, scipy and scikit-learn (pinned) into
# target/bench-venv on first use. The baseline's similarity matrix is dense, so
# it is not run above 20,000 units (100,000 x 112,000 would need 45 GB).
# KIND=distinctive for the other generator kind; THRESHOLD for the baseline's
# cosine cut-off (default 0.5; the README gives 0.5, and 0.6 in a sentence).
# ACCORD=PATH runs that binary instead of building one.
set -euo pipefail
cd "$(dirname "$0")/../.."
KIND=${KIND:-near-duplicate}
THRESHOLD=${THRESHOLD:-0.5}
SIZES=${*:-1000 10000}
target=${CARGO_TARGET_DIR:-target}
venv="$target/bench-venv"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q numpy==2.3.5 scipy==1.16.3 scikit-learn==1.7.2
fi
if [ -z "${ACCORD:-}" ]; then
  cargo build -q --release
fi
accord=${ACCORD:-$target/release/accord}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
py="$venv/bin/python benches/scale/baseline.py"
printf '%-14s %7s  %-8s %8s %8s  %s\n' kind units tool "wall s" "peak MB" quality
for n in $SIZES; do
  d="$work/$n"
  "$accord" synth --kind "$KIND" --units "$n" --out "$d" > /dev/null
  /usr/bin/time -f '%e %M' -o "$d/accord.time" \
    "$accord" --no-seeds --lexical-only --doc "$d/old.md" --doc "$d/new.md" align old new --format json \
    > "$d/accord.json" 2> /dev/null
  $py accord "$d" "$d/accord.json" > "$d/accord.tsv"
  read -r wall kb < "$d/accord.time"
  printf '%-14s %7s  %-8s %8s %8d  %s\n' "$KIND" "$n" accord "$wall" $((kb / 1024)) "$($py score "$d" "$d/accord.tsv")"
  if [ "$n" -le 20000 ]; then
    /usr/bin/time -f '%e %M' -o "$d/base.time" $py align "$d" "$THRESHOLD" > "$d/base.tsv"
    read -r wall kb < "$d/base.time"
    printf '%-14s %7s  %-8s %8s %8d  %s\n' "$KIND" "$n" "tfidf+H" "$wall" $((kb / 1024)) "$($py score "$d" "$d/base.tsv")"
  fi
done
