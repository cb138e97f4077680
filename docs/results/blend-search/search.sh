#!/usr/bin/env bash
# The blending search of docs/results/blend-search, one run at a time, from the repository root:
#   bash docs/results/blend-search/search.sh [out-dir]      (default runs/blend-search)
# Every run writes its folder (comparison.png, table.md, metrics.csv every 10 iterations, summary.json).
set -euo pipefail
out="${1:-runs/blend-search}"
ao="--fg data/blending/apple_orange/fg.png --bg data/blending/apple_orange/bg.png --mask data/blending/apple_orange/mask.png"
kl="--fg data/blending/kitten_library/fg.png --bg data/blending/kitten_library/bg.png --mask data/blending/kitten_library/mask.png"
alone="--set dip.tasks.blend.compare-direct=false"
wide="--set dip.architectures.skip.channels-down=[32,32,32,32,32] --set dip.architectures.skip.channels-up=[32,32,32,32,32]"

# The chosen default (the fast preset as shipped): residual on poisson-mixed, 16 channels, 50
# iterations; it trains the direct formulation first into <folder>-direct.
nice -n 19 ./dip blend $ao --preset fast --out "$out/final-ao"
nice -n 19 ./dip blend $kl --preset fast --out "$out/final-kl"

# The other candidates at the same budget (same preset, one setting changed).
nice -n 19 ./dip blend $ao --preset fast $alone --set dip.tasks.blend.output=composite --out "$out/ao-comp-16-50"
nice -n 19 ./dip blend $ao --preset fast $alone --set dip.tasks.blend.residual-base=laplacian --out "$out/ao-res-lap-16-50"
# The residual on the Laplacian blend with the 32-channel network (stopped after 30 iterations here).
nice -n 19 ./dip blend $ao --preset fast $alone $wide --set dip.tasks.blend.residual-base=laplacian --iterations 100 --out "$out/ao-res-lap-32-100"
# A smaller residual scale on the kitten, beside the direct twin of final-kl.
nice -n 19 ./dip blend $kl --preset fast --set dip.tasks.blend.residual-scale=0.1 --set dip.tasks.blend.compare-with="$out/final-kl-direct" --out "$out/kl-residual-kappa-0.1"
