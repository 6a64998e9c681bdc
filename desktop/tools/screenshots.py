"""Every screenshot the README shows, from the real app under Xvfb with a tray host.

    python -m desktop.tools.screenshots --out resources/screenshots

Needs Debian's xvfb, x11-utils and trayer (README, "Screenshots"). Starts its own X
server on a free display and a tray host; each scene (``desktop.tools.scenes``) is a
fresh ``miniticker --demo`` with a throw-away config directory, so nothing one shot
opened shows behind the next. The strip is shot after the tray host is gone. Ends
exactly the processes it started. Writes window, sparklines, tray, tray-icons,
tray-menu, picker, alert, movers, window-dark and strip PNGs; the ``hidpi`` scene the
window at 200 % (``window-hidpi.png``) and the tray icon's 2× pixmaps beside the 1× ones
scaled up (``tray-icons-hidpi.png``).
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
from typing import Final

from desktop.tools.scenes import SCENES, TRAY_SCENES

log = logging.getLogger(__name__)

NEEDED: Final = ("Xvfb", "trayer", "xwininfo")
SCREEN: Final = "1280x800x24"
SCENE_TIMEOUT: Final = 120.0


class Session:
    """The processes of one screenshot session, ended in reverse order."""

    def __init__(self, display: str) -> None:
        self.display = display
        self.env = dict(os.environ, DISPLAY=display)
        self.env.pop("QT_QPA_PLATFORM", None)
        self.env.pop("WAYLAND_DISPLAY", None)
        self.procs: list[subprocess.Popen[bytes]] = []

    def start(self, *argv: str) -> subprocess.Popen[bytes]:
        proc = subprocess.Popen(
            argv, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        self.procs.append(proc)
        return proc

    def stop(self, proc: subprocess.Popen[bytes]) -> None:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        if proc in self.procs:
            self.procs.remove(proc)

    def close(self) -> None:
        for proc in reversed(list(self.procs)):
            self.stop(proc)


def free_display() -> str:
    for number in range(90, 200):
        if (
            not Path(f"/tmp/.X11-unix/X{number}").exists()
            and not Path(f"/tmp/.X{number}-lock").exists()
        ):
            return f":{number}"
    raise RuntimeError("no free X display number between :90 and :199")


def wait_until_x(session: Session, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        probe = subprocess.run(["xwininfo", "-root"], env=session.env, capture_output=True)
        if probe.returncode == 0:
            return
        time.sleep(0.1)
    raise RuntimeError(f"Xvfb did not start on {session.display}")


def run_scene(session: Session, scene: str, out: Path, settle: float) -> None:
    """One scene in a fresh app process with a fresh config directory."""
    with tempfile.TemporaryDirectory(prefix="miniticker-shots-") as config:
        argv = [sys.executable, "-m", "desktop.tools.scenes", scene, "--out", str(out)]
        argv += ["--config-dir", config, "--settle", str(settle)]
        log.info("scene %s", scene)
        with open(out / f"{scene}.log", "wb") as log_file:
            result = subprocess.run(
                argv,
                env=session.env,
                stdout=log_file,
                stderr=subprocess.STDOUT,
                timeout=SCENE_TIMEOUT,
            )
        if result.returncode != 0:
            raise RuntimeError(f"scene {scene} failed; see {out / f'{scene}.log'}")
        (out / f"{scene}.log").unlink()


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
        "--only", nargs="+", choices=[*SCENES, "tray-icons"], help="just these scenes"
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    missing = [tool for tool in NEEDED if shutil.which(tool) is None]
    if missing:
        parser.error("missing " + ", ".join(missing) + ": apt-get install xvfb x11-utils trayer")
    wanted = args.only or [*SCENES, "tray-icons"]
    args.out.mkdir(parents=True, exist_ok=True)
    out = args.out.resolve()
    session = Session(free_display())
    try:
        session.start("Xvfb", session.display, "-screen", "0", SCREEN, "-nolisten", "tcp")
        wait_until_x(session)
        tray = session.start(
            *("trayer", "--edge", "top", "--align", "right", "--widthtype", "pixel"),
            *("--width", "200", "--height", "28", "--transparent", "false"),
        )
        for scene in [s for s in TRAY_SCENES if s in wanted]:
            run_scene(session, scene, out, args.settle)
        session.stop(tray)  # the strip shows only where there is no tray
        for scene in [s for s in wanted if s not in TRAY_SCENES]:
            run_scene(session, scene, out, args.settle)
    finally:
        session.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
