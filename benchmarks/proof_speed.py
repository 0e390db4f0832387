"""How fast `zwgk proof` reads a big draft: a 10 MB UTF-8 text built from the corpus.

    python benchmarks/proof_speed.py [../shared/corpus] [MB]

The text is every sentence of the ECSpell and SIGHAN training files (errors included) and the
tipdm citizen messages and replies, repeated until it reaches the size. Prints the seconds,
characters per second and peak memory of the real command (the automaton cache warm, as after
`make setup`).
"""

from __future__ import annotations

import csv
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build_text(corpus: Path, size: int) -> bytes:
    parts: list[str] = []
    for name in ("附件4_留言答复.csv", "附件3_留言无答复_sample1000.csv"):
        with open(corpus / "messages" / "tipdm2020c" / name, encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                parts.extend(value.replace("\n", " ") for value in row.values() if value and len(value) > 20)
    for name in ("ecspell/law.train", "ecspell/med.train", "ecspell/odw.train", "sighan/train2015.simplified.txt"):
        parts.extend(line.split("\t")[1] for line in (corpus / "csc" / name).read_text("utf-8").splitlines()
                     if line.count("\t") == 2)
    once = ("\n".join(part.strip() for part in parts) + "\n").encode()
    data = once * (size // len(once) + 1)
    return data[:data.rfind(b"\n", 0, size) + 1]


def main() -> None:
    corpus = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT.parent / "shared" / "corpus")
    megabytes = float(sys.argv[2]) if len(sys.argv) > 2 else 10
    data = build_text(corpus, int(megabytes * 1_000_000))
    with tempfile.NamedTemporaryFile(suffix=".txt", delete=False) as handle:
        handle.write(data)
    subprocess.run([sys.executable, "-m", "zwgk.text.typos"], cwd=ROOT, check=True)  # warm cache, not timed
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "zwgk", "proof", "--format", "json", handle.name],
                            capture_output=True, text=True, cwd=ROOT)
    elapsed = time.perf_counter() - started
    Path(handle.name).unlink()
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    characters = len(data.decode())
    print(f"{len(data) / 1e6:.1f} MB, {characters:,} characters: {elapsed:.1f} s, "
          f"{characters / elapsed:,.0f} characters/s, {len(result.stdout.splitlines())} findings, "
          f"peak memory of one process {peak:.0f} MB, exit status {result.returncode}")


if __name__ == "__main__":
    main()
