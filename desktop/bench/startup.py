"""Start-up: from launching the process to the first painted window and the first price.

The benchmark launches ``python -m desktop.bench.startup`` (this module) as a fresh
process, which starts MiniTicker exactly as ``python -m desktop --demo`` does (options,
``QApplication``, ``qasync.run``, the composition root) with an eye on three moments:

- the window's first paint event (offscreen platform: painted into its backing store);
- the first price in the table: a Last cell that holds a price (the REST snapshot
  fills it before the first push arrives);
- the first pushed price (the demo exchange pushes every 2 s from its start).

Each moment is printed as a ``time.time()`` stamp; the parent subtracts its own stamp
taken just before it launched the process, so interpreter start and imports count.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time

from desktop.bench.harness import Report, median

TARGET_PAINT_S = 1.0
TARGET_PRICE_S = 1.5
_MARK = "startup-probe "


def _probe(config_dir: str) -> int:
    """Run the app as ``--demo`` would and print when each moment came; then quit."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    imported = time.time()
    import asyncio

    import qasync
    from PySide6.QtCore import QEvent, QObject, Qt
    from PySide6.QtWidgets import QApplication

    from desktop.app import SETTLE_HEAP_AFTER, build, serve
    from desktop.options import parse_options
    from desktop.qt.watchlist_model import Column
    from desktop.qt.watchlist_model import Role as ModelRole

    stamps: dict[str, float] = {"imports_started": imported}
    options = parse_options(["--demo", "--config-dir", config_dir, "--log-level", "error"])
    stamps["imports_done"] = time.time()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setQuitOnLastWindowClosed(False)
    app.setAttribute(Qt.ApplicationAttribute.AA_DontShowIconsInMenus, False)

    class PaintWatch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and "paint" not in stamps:
                stamps["paint"] = time.time()
            return False

    async def run() -> None:
        parts = await build(options, app)
        stamps["built"] = time.time()
        watch = PaintWatch()
        parts.window.installEventFilter(watch)
        model = parts.window.model
        task = asyncio.create_task(serve(parts, settle_heap_after=SETTLE_HEAP_AFTER))

        def check(*_: object) -> None:
            now = time.time()
            for row in range(model.rowCount()):
                symbol = model.symbol_at(row) or ""
                quote = parts.book.quote(symbol)
                price = model.index(row, Column.LAST).data(ModelRole.ExactRole)
                if quote is None or not price:
                    continue
                stamps.setdefault("price", now)
                if not quote.from_snapshot:
                    stamps.setdefault("push", now)

        model.dataChanged.connect(check)
        try:
            deadline = time.time() + 30
            while not {"paint", "price", "push"} <= stamps.keys() and time.time() < deadline:
                await asyncio.sleep(0.005)
        finally:
            model.dataChanged.disconnect(check)
            parts.quit_event.set()
            await task

    qasync.run(run())
    sys.stdout.write(_MARK + json.dumps(stamps) + "\n")
    sys.stdout.flush()
    return 0


def launch_once(pycache: str) -> dict[str, float]:
    """Seconds from launch to each moment, for one fresh process.

    Python's bytecode cache goes to ``pycache`` (``PYTHONPYCACHEPREFIX``), written even
    where ``PYTHONDONTWRITEBYTECODE`` is set: an installed app has its modules compiled
    (pip does it at install time, a checkout on its first run), and compiling the
    app's ~65 modules on every launch would add ~0.16 s that no user waits for twice.
    """
    with tempfile.TemporaryDirectory(prefix="miniticker-startup-") as config_dir:
        env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = pycache
        launched = time.time()
        done = subprocess.run(
            [sys.executable, "-m", "desktop.bench.startup", config_dir],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            check=False,
        )
    lines = [line for line in done.stdout.splitlines() if line.startswith(_MARK)]
    if done.returncode or not lines:
        raise RuntimeError(f"the start-up probe failed ({done.returncode}): {done.stderr[-2000:]}")
    stamps: dict[str, float] = json.loads(lines[-1][len(_MARK) :])
    return {name: stamp - launched for name, stamp in stamps.items()}


def measure(quick: bool) -> Report:
    with tempfile.TemporaryDirectory(prefix="miniticker-pycache-") as pycache:
        cold = launch_once(pycache)  # compiles every module: the first run after install
        runs = [launch_once(pycache) for _ in range(1 if quick else 5)]

    def typical(name: str) -> float:
        return median([r[name] for r in runs if name in r])

    report = Report()
    section = "5 Start-up"
    note = f"median of {len(runs)} launches, --demo"
    paint = typical("paint")
    price = typical("price")
    report.add(section, "launch → imports done", typical("imports_done"), "s", note=note)
    report.add(
        section,
        "launch → first painted window",
        paint,
        "s",
        f"< {TARGET_PAINT_S:g} s",
        paint < TARGET_PAINT_S,
    )
    report.add(
        section,
        "launch → first price in the table",
        price,
        "s",
        f"< {TARGET_PRICE_S:g} s",
        price < TARGET_PRICE_S,
        "REST snapshot, before the first push",
    )
    report.add(
        section, "launch → first pushed price", typical("push"), "s", note="demo pushes every 2 s"
    )
    report.add(
        section,
        "first launch ever → first painted window",
        cold["paint"],
        "s",
        note="no bytecode cache at all: every module compiled, stdlib too",
    )
    report.details["startup"] = runs
    report.details["startup_cold"] = cold
    return report


if __name__ == "__main__":
    sys.exit(_probe(sys.argv[1]))
