"""Screenshots of the real app under Xvfb with a tray host: window, picker, tray, strip.

    python -m desktop.tools.screenshots --out shots

Needs Debian's xvfb, trayer, imagemagick and xdotool (README, "Screenshots"). Starts
its own X server on a free display, a tray host, and ``miniticker --demo`` with a
throw-away config directory; ends exactly the processes it started. A developer
tool, so it waits with plain sleeps where the app gives no signal to wait on.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

log = logging.getLogger(__name__)

NEEDED = ("Xvfb", "trayer", "import", "convert", "xdotool")


class Session:
    """The processes of one screenshot session, ended in reverse order."""

    def __init__(self, display: str) -> None:
        self.display = display
        self.env = dict(os.environ, DISPLAY=display)
        self.env.pop("QT_QPA_PLATFORM", None)
        self.procs: list[subprocess.Popen[bytes]] = []

    def start(self, *argv: str, log_file: Path | None = None) -> subprocess.Popen[bytes]:
        out = open(log_file, "wb") if log_file else subprocess.DEVNULL  # noqa: SIM115
        proc = subprocess.Popen(argv, env=self.env, stdout=out, stderr=subprocess.STDOUT)
        self.procs.append(proc)
        return proc

    def run(self, *argv: str, check: bool = True) -> str:
        return subprocess.run(
            argv, env=self.env, check=check, capture_output=True, text=True, timeout=30
        ).stdout.strip()

    def close(self) -> None:
        for proc in reversed(self.procs):
            if proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()


def free_display() -> str:
    for number in range(90, 200):
        if (
            not Path(f"/tmp/.X11-unix/X{number}").exists()
            and not Path(f"/tmp/.X{number}-lock").exists()
        ):
            return f":{number}"
    raise RuntimeError("no free X display number between :90 and :199")


def wait_for_window(session: Session, name: str, timeout: float = 20.0) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            ids = session.run("xdotool", "search", "--onlyvisible", "--name", name).split()
        except subprocess.CalledProcessError:
            ids = []
        if ids:
            return ids[-1]
        time.sleep(0.2)
    raise RuntimeError(f"no window called {name!r} appeared within {timeout} s")


def shoot(session: Session, out: Path, settle: float) -> list[Path]:
    shots: list[Path] = []
    window = wait_for_window(session, "MiniTicker")
    time.sleep(settle)  # let a few pushes arrive so the table shows live prices
    session.run("import", "-window", "root", str(out / "desktop.png"))
    session.run("import", "-window", window, str(out / "window.png"))
    shots += [out / "desktop.png", out / "window.png"]
    # The tray host sits at the top right of the screen; crop it with some margin.
    session.run(
        "convert",
        str(out / "desktop.png"),
        "-crop",
        "200x40+1080+0",
        "+repage",
        "-scale",
        "300%",
        str(out / "tray.png"),
    )
    shots.append(out / "tray.png")
    # The symbol picker: Ctrl+N in the window, then type a search.
    session.run("xdotool", "windowfocus", "--sync", window)
    session.run("xdotool", "key", "--window", window, "ctrl+n")
    picker = wait_for_window(session, "Add symbols")
    session.run("xdotool", "windowfocus", "--sync", picker)
    session.run("xdotool", "type", "--delay", "60", "eth")
    time.sleep(1.0)
    session.run("import", "-window", picker, str(out / "picker.png"))
    shots.append(out / "picker.png")
    session.run(
        "xdotool", "key", "Escape", check=False
    )  # without a WM the dialog may not take keys
    # The tray menu: right-click the tray icon.
    session.run("xdotool", "mousemove", "1262", "14", "click", "3")
    time.sleep(1.0)
    session.run("import", "-window", "root", str(out / "tray-menu.png"))
    session.run(
        "convert",
        str(out / "tray-menu.png"),
        "-crop",
        "520x300+760+0",
        "+repage",
        str(out / "tray-menu.png"),
    )
    shots.append(out / "tray-menu.png")
    session.run("xdotool", "key", "Escape", check=False)
    return shots


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m desktop.tools.screenshots", description=__doc__.split("\n")[0]
    )
    parser.add_argument(
        "--out", type=Path, default=Path("shots"), help="folder for the PNGs (default: shots)"
    )
    parser.add_argument(
        "--settle", type=float, default=6.0, help="seconds of live prices before shooting"
    )
    parser.add_argument(
        "--no-tray", action="store_true", help="no tray host: shows the strip fallback"
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    missing = [tool for tool in NEEDED if shutil.which(tool) is None]
    if missing:
        parser.error(
            "missing " + ", ".join(missing) + ": apt-get install xvfb trayer imagemagick xdotool"
        )
    args.out.mkdir(parents=True, exist_ok=True)
    session = Session(free_display())
    with tempfile.TemporaryDirectory(prefix="miniticker-shots-") as config:
        try:
            session.start(
                "Xvfb", session.display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"
            )
            wait_until_x(session)
            if not args.no_tray:
                session.start(
                    "trayer",
                    "--edge",
                    "top",
                    "--align",
                    "right",
                    "--widthtype",
                    "pixel",
                    "--width",
                    "200",
                    "--height",
                    "28",
                    "--transparent",
                    "false",
                )
                time.sleep(1.0)
            session.start(
                sys.executable,
                "-m",
                "desktop",
                "--demo",
                "--config-dir",
                config,
                log_file=args.out / "app.log",
            )
            for path in shoot(session, args.out, args.settle):
                log.info("wrote %s", path)
        finally:
            session.close()
    return 0


def wait_until_x(session: Session, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if (
            subprocess.run(
                ["xdotool", "getdisplaygeometry"], env=session.env, capture_output=True
            ).returncode
            == 0
        ):
            return
        time.sleep(0.1)
    raise RuntimeError(f"Xvfb did not start on {session.display}")


if __name__ == "__main__":
    sys.exit(main())
