#!/usr/bin/env bash
# The compact trainer on an accelerator machine, as one prepared run (for whoever holds the device).
# Prepare here:  npm run build:plan-bundle && npm run corpus:presets -- --out data/pc --count 1200 --size 96
# Carry:         training/compact/vendor  data/pc        (both git-ignored; node must exist there)
# Run there:     bash training/compact/device-check.sh   (SCALE, RES, SEEDS, ROUNDS, OUT override)
set -euo pipefail
cd "$(dirname "$0")/../.."
PY="${PYTHON:-python3}"
OUT="${OUT:-/tmp/compact-device}"
mkdir -p "$OUT"
"$PY" -c "import torch; print('torch', torch.__version__, 'cuda', torch.cuda.is_available(), torch.cuda.get_device_name(0) if torch.cuda.is_available() else '')"
command -v node >/dev/null || { echo "node is missing: the engine bundle needs it"; exit 2; }
export COMPACT_PLAN_CMD="node training/compact/vendor/render-plan.mjs"
"$PY" -m unittest discover -s training/compact/tests -p test_plan.py 2>&1 | tail -3
"$PY" training/compact/bench.py --data data/pc/policy_rl.jsonl --out "$OUT/bench" --seeds "${SEEDS:-0,1,2}" --rounds "${ROUNDS:-2}" \
  --scale "${SCALE:-3}" --res "${RES:-48}" --device auto | tee "$OUT/bench.log"
