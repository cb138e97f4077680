#!/usr/bin/env bash
# Kills a run with SIGKILL midway, resumes it from its checkpoint, and compares its metrics.csv
# with an uninterrupted run of the same seed. Run from the repository root:
#   bench/resume-after-kill.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out=${TMPDIR:-/tmp}/dip-resume-check
rm -rf "$out" && mkdir -p "$out"
args=(denoise --image data/denoising/F16_GT.png --crop 64 --iterations 60
      --set dip.run.log-every=10 --set dip.run.checkpoint-every=10)
./dip "${args[@]}" --out "$out/straight" > "$out/straight.log" 2>&1
./dip "${args[@]}" --out "$out/killed" > "$out/killed.log" 2>&1 &
pid=$!
until grep -q "^30," "$out/killed/metrics.csv" 2>/dev/null; do sleep 0.5; done
sleep 2
kill -9 "$pid"; wait "$pid" 2>/dev/null || true
echo "killed with SIGKILL; checkpoint: $(unzip -p "$out/killed/checkpoint.zip" state.properties | grep '^iteration')"
./dip resume "$out/killed" > "$out/resume.log" 2>&1
# Compare everything but the wall-clock column.
if diff <(cut -d, -f1,3- "$out/straight/metrics.csv") <(cut -d, -f1,3- "$out/killed/metrics.csv"); then
  echo "resumed run equals the uninterrupted run at every logged iteration:"
  cut -d, -f1,3- "$out/killed/metrics.csv"
else
  echo "resumed run differs from the uninterrupted run" >&2
  exit 1
fi
