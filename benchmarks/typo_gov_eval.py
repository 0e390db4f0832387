"""Typo detection on government prose: `zwgk proof --format json` over the two blind sets in
`tests/data/typos/` (700 sentences, 350 with one wrong character), as a draft and as a published page.

    python benchmarks/typo_gov_eval.py

A sentence is "detected" when a `typo` or `wording_error` finding falls on its line; "located" when a
finding covers the wrong character and suggests the right one. Prints, per set and mode, sentence-level
precision and recall, the located share, and the correct sentences flagged.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETS = ROOT / "tests" / "data" / "typos"
SPELLING = {"typo", "wording_error"}


def score(rows: list[list[str]], strict: bool) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as handle:
        handle.write("\n".join(source for _, source, _ in rows) + "\n")
    command = [sys.executable, "-m", "zwgk", "proof", "--format", "json", handle.name] + (["--strict"] if strict else [])
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=True)
    Path(handle.name).unlink()
    findings: dict[int, list[dict]] = {}
    for line in result.stdout.splitlines():
        finding = json.loads(line)
        if finding["check_code"] in SPELLING:
            findings.setdefault(finding["line"], []).append(finding)
    wrong = right = located = flagged_correct = 0
    for number, (_, source, target) in enumerate(rows, 1):
        errors = [i for i, (a, b) in enumerate(zip(source, target)) if a != b]
        found = findings.get(number, [])
        if not errors:
            flagged_correct += bool(found)
            continue
        wrong += 1
        right += bool(found)
        located += any(f["start"] <= errors[0] < f["end"] and
                       (f["check_code"] != "typo" or f["suggestion"] == target[errors[0]]) for f in found)
    detected = right + flagged_correct
    return {"precision": right / detected if detected else 1.0, "recall": right / wrong, "located": located / wrong,
            "flagged_correct": flagged_correct, "correct": len(rows) - wrong}


def main() -> None:
    print(f"{'set':10} {'mode':6} {'P':>6} {'R':>6} {'located':>8}  correct sentences flagged")
    for path in sorted(SETS.glob("*.tsv")):
        rows = [line.split("\t") for line in path.read_text("utf-8").splitlines() if line.count("\t") == 2]
        for strict, mode in ((False, "draft"), (True, "page")):
            figures = score(rows, strict)
            print(f"{path.stem:10} {mode:6} {figures['precision']:6.3f} {figures['recall']:6.3f} {figures['located']:8.3f}"
                  f"  {figures['flagged_correct']} of {figures['correct']}")


if __name__ == "__main__":
    main()
