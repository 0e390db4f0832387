"""Spelling-check evaluation: `zwgk proof --format json` over ECSpell odw (公文) and SIGHAN-15.

    python benchmarks/proof_eval.py [../shared/corpus]

Each sentence is one line of a text file given to the real command; a sentence is "detected"
when any `typo` or `wording_error` finding falls on its line (other codes are counted apart). Prints sentence-level detection precision, recall and F1,
the share of correct sentences with a finding, and character-level precision and recall (a
finding is right when its span covers a wrong character). The `.test` files are only read
here; everything zwgk ships was tuned on the `.train` files.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPELLING = {"typo", "wording_error"}  # outdated names and personal data are not spelling claims
SETS = {"ECSpell odw.test (公文)": "csc/ecspell/odw.test",
        "ECSpell law.test": "csc/ecspell/law.test",
        "SIGHAN-15 test (simplified)": "csc/sighan/test2015.simplified.txt"}


def evaluate(corpus: Path, name: str, relative: str) -> dict:
    rows = [line.split("\t") for line in (corpus / relative).read_text("utf-8").splitlines() if line.count("\t") == 2]
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as handle:
        handle.write("\n".join(source.replace("\n", " ") for _, source, _ in rows) + "\n")
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "zwgk", "proof", "--format", "json", handle.name],
                            capture_output=True, text=True, cwd=ROOT)
    elapsed = time.perf_counter() - started
    Path(handle.name).unlink()
    findings: dict[int, list[dict]] = {}
    other: dict[str, int] = {}
    for line in result.stdout.splitlines():
        finding = json.loads(line)
        if finding["check_code"] in SPELLING:
            findings.setdefault(finding["line"], []).append(finding)
        else:
            other[finding["check_code"]] = other.get(finding["check_code"], 0) + 1
    tp = fp = fn = tn = 0
    char_right = char_found = char_errors = char_covered = 0
    for number, (_, source, target) in enumerate(rows, 1):
        wrong = {i for i, (a, b) in enumerate(zip(source, target)) if a != b}
        found = findings.get(number, [])
        char_errors += len(wrong)
        if found and wrong:
            tp += 1
        elif found:
            fp += 1
        elif wrong:
            fn += 1
        else:
            tn += 1
        for finding in found:
            char_found += 1
            char_right += any(finding["start"] <= i < finding["end"] for i in wrong)
        char_covered += sum(1 for i in wrong if any(f["start"] <= i < f["end"] for f in found))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return {"set": name, "sentences": len(rows), "with_errors": tp + fn,
            "precision": precision, "recall": recall,
            "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
            "flagged_correct": fp, "correct": fp + tn, "false_alarm_rate": fp / (fp + tn) if fp + tn else 0.0,
            "char_precision": char_right / char_found if char_found else 0.0,
            "char_recall": char_covered / char_errors if char_errors else 0.0, "seconds": round(elapsed, 1),
            "other": other}


def main() -> None:
    corpus = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT.parent / "shared" / "corpus")
    print(f"{'set':32} {'P':>6} {'R':>6} {'F1':>6} {'误报率':>6} {'字P':>6} {'字R':>6}  秒")
    for name, relative in SETS.items():
        r = evaluate(corpus, name, relative)
        print(f"{r['set']:32} {r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f} "
              f"{r['false_alarm_rate']:6.3f} {r['char_precision']:6.3f} {r['char_recall']:6.3f}  {r['seconds']}"
              f"   ({r['with_errors']} of {r['sentences']} sentences wrong; "
              f"{r['flagged_correct']} of {r['correct']} correct ones flagged; not counted: {r['other'] or 'none'})")


if __name__ == "__main__":
    main()
