import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
REPO = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
TSX = os.path.join(REPO, "node_modules", ".bin", "tsx")
HAS_TSX = os.path.exists(TSX)


def make_corpus(count=32, seed=3):
    """A small preset-derived export made by the real script (npm run corpus:presets)."""
    out = tempfile.mkdtemp(prefix="compact-corpus-")
    subprocess.run([TSX, "--conditions=react-server", "scripts/make-preset-corpus.ts", "--out", out, "--count", str(count), "--seed", str(seed),
                    "--size", "64", "--presets", "training/data/presets/Presets"], cwd=REPO, check=True, stdout=subprocess.DEVNULL)
    return os.path.join(out, "policy_rl.jsonl")
