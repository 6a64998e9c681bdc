"""Recovery times measured by the fault suite, summarised at the end of the run."""

from __future__ import annotations

import math
from collections import defaultdict

import pytest

# fault name → seconds from the fault (or from the exchange coming back) to fresh data
RECOVERIES: dict[str, list[float]] = defaultdict(list)


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[max(1, math.ceil(q / 100 * len(ordered))) - 1]


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not RECOVERIES:
        return
    terminalreporter.section("fault recovery: seconds until every watched symbol is fresh")
    for fault, took in sorted(RECOVERIES.items()):
        terminalreporter.write_line(
            f"{fault:<34} p50 {_percentile(took, 50):6.2f}  p95 {_percentile(took, 95):6.2f}"
            f"  (n={len(took)})"
        )
