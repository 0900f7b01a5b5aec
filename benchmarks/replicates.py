"""How reproducible is the verdict itself? Compare the case outcomes of two verdicts drawn
from independent seed blocks (`--replicate`, issue 13).

    pytest claims/ -m fast -n 2 --report-dir=reports-r0
    pytest claims/ -m fast -n 2 --replicate=1 --report-dir=reports-r1
    python benchmarks/replicates.py reports-r0 reports-r1

A report dir's complete verdict (verdict.json) is used, else its partial one
(partial/verdict.json: `-m fast` runs are partial). Prints, per claim kind and in all: the
cases decided (reproduced or contradicted) in either replicate, how many the two agree on,
and every case whose outcome moved. A known deviation is a contradiction whose values are
listed in claims/known_deviations.py: it counts as contradicted here.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

DECIDED = ("reproduced", "contradicted")
AS_OUTCOME = {"known deviation": "contradicted"}  # a listed contradiction is still a contradiction


def load(report_dir: Path) -> dict:
    for path in (report_dir / "verdict.json", report_dir / "partial" / "verdict.json"):
        if path.is_file():
            return json.loads(path.read_text())
    raise SystemExit(f"{report_dir}: no verdict.json (or partial/verdict.json); run the suite with --report-dir={report_dir}")


def case_key(case: dict) -> str:
    return case["nodeid"].split("::", 1)[1]


def compare(first: dict, second: dict) -> list[str]:
    kinds = {row["id"]: row.get("kind") or "?" for row in first["claims"] + second["claims"]}
    a = {case_key(c): {**c, "outcome": AS_OUTCOME.get(c["outcome"], c["outcome"])} for c in first["cases"]}
    b = {case_key(c): {**c, "outcome": AS_OUTCOME.get(c["outcome"], c["outcome"])} for c in second["cases"]}
    lines = [f"replicates: {first['provenance'].get('seeds', {}).get('level')} vs "
             f"{second['provenance'].get('seeds', {}).get('level')} (M = {first['provenance'].get('population')})",
             "", "| kind | cases in both | decided in either | same outcome | decided in both, same | moved |",
             "|---|---|---|---|---|---|"]
    moved = []
    for kind in ("effect", "no-change", "descriptive", "check", "all"):
        keys = [k for k in sorted(set(a) & set(b)) if kind == "all" or kinds.get(a[k]["claim"]) == kind]
        decided = [k for k in keys if a[k]["outcome"] in DECIDED or b[k]["outcome"] in DECIDED]
        same = [k for k in decided if a[k]["outcome"] == b[k]["outcome"]]
        both = [k for k in keys if a[k]["outcome"] in DECIDED and b[k]["outcome"] in DECIDED]
        lines.append(f"| {kind} | {len(keys)} | {len(decided)} | {len(same)} | "
                     f"{sum(a[k]['outcome'] == b[k]['outcome'] for k in both)} of {len(both)} | {len(decided) - len(same)} |")
        if kind == "all":
            moved = [f"- {k}: {a[k]['outcome']} -> {b[k]['outcome']}" for k in decided if k not in same]
    return lines + ["", "Decided cells whose outcome moved:"] + (moved or ["- none"])


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    print("\n".join(compare(load(Path(sys.argv[1])), load(Path(sys.argv[2])))))
