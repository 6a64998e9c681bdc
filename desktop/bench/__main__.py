"""``python -m desktop.bench``: measure MiniTicker against the simulated exchange.

Prints one table: the cost of framing (plain and compressed wire), ingest throughput
against a bare websockets loop, latency and UI lag at full-market load, the cost of a
realistic watchlist, and start-up times. Each measurement runs in a fresh process of
its own; all but framing (bytes in memory) run next to the simulated exchange in a
process of its own, over real loopback sockets; nothing here judges the numbers but the
"target" column. ``--soak-minutes N`` runs the soak instead (add ``--only`` to run both).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import time
from collections.abc import Sequence
from typing import Final

from desktop.bench.harness import Report, Row

MEASUREMENTS: Final = ("framing", "ingest", "latency", "cost", "startup")
_MARK: Final = "bench-report "


def _parse(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m desktop.bench",
        description="Measure MiniTicker against the simulated exchange and print a table.",
    )
    parser.add_argument(
        "--quick", action="store_true", help="short runs: proves it works, numbers are rough"
    )
    parser.add_argument(
        "--only",
        metavar="NAMES",
        help=f"comma-separated subset of {','.join(MEASUREMENTS)},soak (default: all)",
    )
    parser.add_argument(
        "--soak-minutes",
        type=float,
        metavar="N",
        help="run the soak for N minutes (full market, periodic faults)",
    )
    parser.add_argument(
        "--fault-every", type=float, metavar="S", help="soak: seconds between faults"
    )
    parser.add_argument("--json", metavar="FILE", help="also write every figure to FILE")
    parser.add_argument("--run-one", help=argparse.SUPPRESS)  # a measurement's own process
    args = parser.parse_args(argv)
    known = (*MEASUREMENTS, "soak")
    if args.only:
        names = [n.strip() for n in args.only.split(",") if n.strip()]
        unknown = [n for n in names if n not in known]
        if unknown:
            parser.error(f"--only: unknown {', '.join(unknown)}; choose from {', '.join(known)}")
    else:
        names = ["soak"] if args.soak_minutes is not None else list(MEASUREMENTS)
    if "soak" in names and args.soak_minutes is None:
        args.soak_minutes = 0.5 if args.quick else 30.0
    if args.soak_minutes is not None and args.soak_minutes <= 0:
        parser.error("--soak-minutes must be positive")
    args.names = names
    return args


def _run_one(args: argparse.Namespace) -> int:
    """In a measurement's own process: measure, print the report as one JSON line."""
    import logging

    logging.basicConfig(level=logging.ERROR, format="%(levelname)s %(name)s: %(message)s")
    _quiet_qt()
    name = args.run_one
    if name == "framing":
        from desktop.bench import framing

        report = framing.measure(args.quick)
    elif name == "ingest":
        from desktop.bench import ingest

        report = ingest.measure(args.quick)
    elif name == "latency":
        from desktop.bench import latency

        report = latency.measure(args.quick)
    elif name == "cost":
        from desktop.bench import cost

        report = cost.measure(args.quick)
    elif name == "startup":
        from desktop.bench import startup

        report = startup.measure(args.quick)
    else:
        from desktop.bench import soak

        report = soak.measure(args.soak_minutes, args.fault_every)
    sys.stdout.write(_MARK + json.dumps(report.to_json()) + "\n")
    return 0


def _quiet_qt() -> None:
    """The offscreen platform says it cannot raise windows, at every show(); not news."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    def handler(kind: QtMsgType, _: object, message: str) -> None:
        if kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
            sys.stderr.write(f"Qt: {message}\n")

    qInstallMessageHandler(handler)


def _measure_in_child(name: str, args: argparse.Namespace) -> Report:
    command = [sys.executable, "-m", "desktop.bench", "--run-one", name]
    if args.quick:
        command.append("--quick")
    if name == "soak":
        command += ["--soak-minutes", str(args.soak_minutes)]
        if args.fault_every is not None:
            command += ["--fault-every", str(args.fault_every)]
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    lines = [line for line in done.stdout.splitlines() if line.startswith(_MARK)]
    if done.returncode or not lines:
        raise RuntimeError(f"{name} failed (exit {done.returncode}):\n{done.stderr[-3000:]}")
    return Report.from_json(json.loads(lines[-1][len(_MARK) :]))


def machine() -> dict[str, str]:
    """What the figures were measured on."""
    import PySide6
    import websockets

    cpu = platform.processor() or "unknown CPU"
    memory = ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            cpu = next(
                (ln.split(":", 1)[1].strip() for ln in info if ln.startswith("model name")), cpu
            )
        with open("/proc/meminfo", encoding="utf-8") as info:
            kib = int(next(ln.split()[1] for ln in info if ln.startswith("MemTotal")))
            memory = f"{kib / 2**20:.1f} GiB RAM"
    except (OSError, StopIteration, ValueError):
        pass
    return {
        "cpus": f"{os.cpu_count()} logical CPUs",
        "cpu": cpu,
        "memory": memory,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "pyside6": PySide6.__version__,
        "websockets": websockets.__version__,
        "qpa": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
    }


def _load() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "n/a"


def _value(row: Row) -> str:
    if row.value is None:
        return "—"
    value = row.value
    if float(value).is_integer() or abs(value) >= 1000:
        text = f"{value:,.0f}"
    elif abs(value) >= 100:
        text = f"{value:.0f}"
    elif abs(value) >= 10:
        text = f"{value:.1f}"
    else:
        text = f"{value:.2f}"
    return f"{text} {row.unit}".rstrip()


def format_table(rows: list[Row]) -> str:
    header = ("", "measurement", "value", "target", "", "note")
    lines = [
        (
            r.section,
            r.name,
            _value(r),
            r.target,
            "" if r.ok is None else ("ok" if r.ok else "MISSED"),
            r.note,
        )
        for r in rows
    ]
    widths = [max(len(str(line[i])) for line in [header, *lines]) for i in range(len(header))]
    out = []
    last_section = None
    for line in [header, *lines]:
        section = line[0] if line[0] != last_section else ""
        last_section = line[0]
        cells = [section, *line[1:]]
        out.append(
            "  ".join(
                str(cell).rjust(widths[i]) if i == 2 else str(cell).ljust(widths[i])
                for i, cell in enumerate(cells)
            ).rstrip()
        )
    out.insert(1, "-" * len(out[0]))
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parse(argv)
    if args.run_one:
        return _run_one(args)
    info = machine()
    load_before = _load()
    started = time.monotonic()
    rows: list[Row] = []
    details: dict[str, object] = {}
    failed = []
    for name in args.names:
        sys.stderr.write(f"measuring {name}…\n")
        try:
            report = _measure_in_child(name, args)
        except RuntimeError as exc:
            failed.append(name)
            sys.stderr.write(f"{exc}\n")
            continue
        rows += report.rows
        details.update(report.details)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    print(f"MiniTicker benchmark{' (--quick)' if args.quick else ''}, {stamp}")
    print(
        f"machine: {info['cpus']}, {info['cpu']}, {info['memory']}; {info['os']}; "
        f"Python {info['python']}, PySide6 {info['pyside6']}, websockets {info['websockets']}; "
        f"QT_QPA_PLATFORM={info['qpa']}"
    )
    print(
        f"load average (1, 5, 15 min) before: {load_before}; after: {_load()}; "
        f"took {time.monotonic() - started:.0f} s"
    )
    print()
    print(format_table(rows))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump(
                {"machine": info, "rows": [r.__dict__ for r in rows], "details": details},
                out,
                indent=1,
            )
    if failed:
        print(f"\nfailed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
