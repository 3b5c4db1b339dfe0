"""End-to-end timing of the relation commands, as a user runs them: load the files, then answer.

    python bench/bench_cli.py --sizes 10000 100000 1000000

Uses the synthetic graphs written by bench/bench_analysis.py (or writes them). With today's in-memory store,
every command parses its files first; the figures show how much of the time that is.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from synthetic import Generator  # noqa: E402

COMMANDS = {
    "stats (load only)": ["stats"],
    "rank --by pagerank": ["rank", "--by", "pagerank", "--top", "10"],
    "rank --by betweenness --samples 200": ["rank", "--by", "betweenness", "--samples", "200", "--top", "10"],
    "path (by IRI)": ["path", "https://w3id.org/casegraph/id/organization/org-0",
                      "https://w3id.org/casegraph/id/person/per-1"],
    "describe (by name)": ["describe", "Company 0"],
}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--folder", type=Path, default=Path("/tmp/casegraph-bench"))
    args = parser.parse_args(argv)
    args.folder.mkdir(parents=True, exist_ok=True)
    command = shutil.which("casegraph") or str(Path(sys.executable).parent / "casegraph")
    print("| quads | " + " | ".join(f"{name} s" for name in COMMANDS) + " |")
    print("|---" * (len(COMMANDS) + 1) + "|")
    for size in args.sizes:
        data = args.folder / f"synthetic-{size}.nq"
        if not data.exists():
            with data.open("w", encoding="utf-8") as out:
                Generator(size).write(out)
        cells = []
        for words in COMMANDS.values():
            start = time.perf_counter()
            done = subprocess.run([command, "--data", str(data), *words], capture_output=True, text=True)
            elapsed = time.perf_counter() - start
            cells.append(f"{elapsed:.1f}" if done.returncode == 0 else f"failed ({done.stderr.strip()[:60]})")
        print(f"| {size:,} | " + " | ".join(cells) + " |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
