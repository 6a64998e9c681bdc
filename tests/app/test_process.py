"""The real program as a user starts it: options, SIGTERM/SIGINT shutdown, exit codes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import __version__


def launch(config_dir: Path, *args: str) -> subprocess.Popen[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.Popen(
        [sys.executable, "-m", "desktop", "--config-dir", str(config_dir), *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def wait_for_line(proc: subprocess.Popen[str], needle: str) -> list[str]:
    seen = []
    assert proc.stdout is not None
    for line in proc.stdout:  # blocks until the app logs; the process ends the loop on exit
        seen.append(line)
        if needle in line:
            return seen
    raise AssertionError(f"the app exited before logging {needle!r}: {''.join(seen)[-2000:]}")


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_demo_starts_streams_and_shuts_down_cleanly_on_a_signal(
    tmp_path: Path, signum: int
) -> None:
    proc = launch(tmp_path, "--demo", "--demo-cadence", "0.2", "--log-level", "debug")
    try:
        wait_for_line(proc, "connection 1 opened")
        proc.send_signal(signum)
        out, _ = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, out[-2000:]
    assert "quitting" in out
    assert "Traceback" not in out
    saved = json.loads((tmp_path / "settings.json").read_text(encoding="utf-8"))
    assert saved["watchlist"] == ["BTCUSDT", "ETHUSDT", "BNBUSDT", "SOLUSDT", "XRPUSDT"]


@pytest.mark.parametrize(
    "args",
    [
        ["--log-level", "loud"],
        ["--symbols", "BTC/USDT"],
        ["--ws-url", "ws://example.com/market"],
        ["--demo", "--testnet"],
    ],
)
def test_a_bad_option_is_one_line_and_exit_code_2(tmp_path: Path, args: list[str]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--config-dir", str(tmp_path), *args],
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert not (tmp_path / "settings.json").exists()


def test_version(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--version"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0
    assert result.stdout.strip() == f"miniticker {__version__}"
