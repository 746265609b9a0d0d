#!/usr/bin/env bash
# Parity of SpinDetect's boosted trees with XGBoost and scikit-learn on synthetic data (and any extra CSV pairs).
# Usage: benchmarks/parity/run.sh [NAME TRAIN.csv TEST.csv]...   (label column named "label")
# Environment: PARITY_THREADS (default 2) threads for every learner; PARITY_OURS_ARGS extra arguments for ours (e.g. "--l2 1"); PARITY_ONLY=large,missing to run only
# some synthetic sets; PARITY_WORKDIR where the generated CSVs go (default $TMPDIR/spindetect-parity).
# Needs Debian's python3-xgboost, python3-sklearn: apt-get install -y python3-xgboost python3-sklearn
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="${PARITY_WORKDIR:-${TMPDIR:-/tmp}/spindetect-parity}"

if ! /usr/bin/python3 -c 'import xgboost, sklearn' 2>/dev/null; then
  echo "error: /usr/bin/python3 lacks xgboost/sklearn; run: apt-get install -y python3-xgboost python3-sklearn" >&2
  exit 1
fi

# MSBuild writes its errors to standard output: keep the log and show it when the build fails.
build_log="$(mktemp)"
if ! dotnet build -c Release "$root/benchmarks/SpinDetect.Benchmarks" -v quiet -nologo >"$build_log" 2>&1; then
  cat "$build_log" >&2
  rm -f "$build_log"
  echo "error: the benchmark project did not build" >&2
  exit 1
fi
rm -f "$build_log"
bench="$root/benchmarks/SpinDetect.Benchmarks/bin/Release/net10.0/SpinDetect.Benchmarks.dll"
threads="${PARITY_THREADS:-2}"
export OMP_NUM_THREADS="$threads" PARITY_THREADS="$threads"
/usr/bin/python3 "$here/parity.py" "dotnet $bench parity --threads $threads ${PARITY_OURS_ARGS:-}" "$work" "$@"
