"""Started with no display at all, the program says so in one line instead of Qt's abort."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.app import has_display
from tests.app.test_process import wait_for_line

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="only Linux/BSD can lack a display"
)


DEMO_ARGS = ("--demo", "--demo-cadence", "0.2", "--log-level", "debug")


def without_display(**extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    return {**env, **extra}


def test_no_display_is_one_clear_line_and_exit_code_1(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--config-dir", str(tmp_path)],
        env=without_display(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1, result.stderr[-2000:]
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr[-2000:]
    assert "no display" in lines[0] and "DISPLAY" in lines[0]
    assert "xcb" not in result.stderr and "Aborted" not in result.stderr
    assert not (tmp_path / "settings.json").exists()  # nothing was started or saved


def test_a_platform_chosen_by_hand_still_starts_without_a_display(tmp_path: Path) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "desktop", "--config-dir", str(tmp_path), *DEMO_ARGS],
        env=without_display(QT_QPA_PLATFORM="offscreen"),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        wait_for_line(proc, "connection 1 opened")
        proc.send_signal(signal.SIGTERM)
        out, _ = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, out[-2000:]


def test_the_check_is_for_linux_and_bsd_only() -> None:
    assert has_display({"QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert has_display({"DISPLAY": ":0"}, "linux")
    assert has_display({"WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert not has_display({}, "linux")
    assert not has_display({"DISPLAY": ""}, "freebsd13")
    assert has_display({}, "win32") and has_display({}, "darwin")
