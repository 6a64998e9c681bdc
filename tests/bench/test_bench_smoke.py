"""The benchmark runs from its documented command and produces numbers.

Only that: no test asserts a figure (machines differ, CI is loaded); the figures are for
people, in docs/performance.md. The soak's own checks — no event left
unprocessed, the rate rule kept — are behaviour, not timing, and are asserted.
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]


def bench(tmp_path: Path, *args: str) -> tuple[str, dict[str, Any]]:
    out = tmp_path / "bench.json"
    done = subprocess.run(
        [sys.executable, "-m", "desktop.bench", *args, "--json", str(out)],
        cwd=REPO,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout, json.loads(out.read_text(encoding="utf-8"))


def numbers(report: dict[str, Any], section: str) -> list[float]:
    values = [row["value"] for row in report["rows"] if row["section"] == section]
    assert values, f"no figures for {section}"
    assert all(isinstance(v, int | float) and math.isfinite(v) for v in values), values
    return values


def test_the_quick_benchmark_prints_every_figure(tmp_path: Path) -> None:
    table, report = bench(tmp_path, "--quick")
    sections = (
        "0 Framing",
        "1 Ingest",
        "2 Latency",
        "3 UI lag",
        "3b Sorted by 24h change %",
        "4 Cost",
        "5 Start-up",
    )
    for section in sections:
        numbers(report, section)
        assert section in table
    assert "machine:" in table and report["machine"]["python"]


def test_a_short_soak_reports_drift_and_leaves_no_event_unprocessed(tmp_path: Path) -> None:
    table, report = bench(tmp_path, "--soak-minutes", "0.25", "--fault-every", "4")
    numbers(report, "Soak")
    assert "RSS drift" in table and "middle → last third" in table and "asyncio tasks" in table
    soak = report["details"]["soak"]
    assert soak["recoveries"], "no fault was injected"
    assert soak["unprocessed"] == 0
    assert soak["rate_violations"] == 0
