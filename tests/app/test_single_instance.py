"""One MiniTicker per settings folder, tested with real processes as a user starts them."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.qt.single_instance import lock_path

LISTENING = "answering later starts at"
STREAMING = "connection 1 opened"


class Running:
    """A real ``python -m desktop`` whose output is read all the time on a thread, so a
    chatty debug log never fills the pipe and stalls the app while the test waits."""

    def __init__(self, config_dir: Path, *args: str) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "desktop", "--config-dir", str(config_dir), *args],
            env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self._lines: list[str] = []
        self._changed = threading.Condition()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        with self.proc.stdout:
            for line in self.proc.stdout:
                with self._changed:
                    self._lines.append(line)
                    self._changed.notify_all()
        with self._changed:
            self._lines.append("")  # end of output
            self._changed.notify_all()

    def output(self) -> str:
        with self._changed:
            return "".join(self._lines)

    def wait_for(self, needle: str, timeout: float = 60) -> None:
        """Until the app logs ``needle``; fails if it exits or ``timeout`` passes first."""

        def seen() -> bool:
            return any(needle in line for line in self._lines) or self._lines[-1:] == [""]

        with self._changed:
            self._changed.wait_for(seen, timeout)
        out = self.output()
        assert needle in out, f"no {needle!r} in: {out[-2000:]}"

    def stop(self) -> str:
        """SIGTERM; exit status 0 required; the whole output."""
        self.proc.send_signal(signal.SIGTERM)
        assert self.proc.wait(timeout=60) == 0, self.output()[-2000:]
        self._reader.join(timeout=60)
        return self.output()

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(timeout=60)
        self._reader.join(timeout=60)


def start(config_dir: Path, started: list[Running]) -> Running:
    running = Running(config_dir, "--demo", "--demo-cadence", "0.5", "--log-level", "debug")
    started.append(running)
    running.wait_for(LISTENING)
    return running


def run_second(config_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", "--config-dir", str(config_dir), *args],
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.fixture
def started() -> Iterator[list[Running]]:
    running: list[Running] = []
    yield running
    for app in running:
        app.kill()


def test_a_second_start_hands_its_symbols_to_the_first_and_exits_0(
    tmp_path: Path, started: list[Running]
) -> None:
    first = start(tmp_path, started)
    first.wait_for(STREAMING)

    began = time.monotonic()
    second = run_second(tmp_path, "--demo", "--symbols", "DOGEUSDT,btcusdt")
    took = time.monotonic() - began

    assert second.returncode == 0, second.stderr[-2000:]
    assert "handed over" in second.stderr
    assert STREAMING not in second.stderr  # it never started a client of its own
    first.wait_for("added DOGEUSDT at another start's request")
    first.stop()
    saved = json.loads((tmp_path / "settings.json").read_text(encoding="utf-8"))
    assert saved["watchlist"][-1] == "DOGEUSDT"
    assert saved["watchlist"].count("BTCUSDT") == 1  # already there: not added twice
    print(f"second start handed over and exited in {took:.2f} s")  # for the report, -s


def test_a_killed_instance_does_not_block_the_next_start(
    tmp_path: Path, started: list[Running]
) -> None:
    first = start(tmp_path, started)
    first.kill()  # SIGKILL: the lock file and the socket stay behind
    assert lock_path(tmp_path).exists()

    after = start(tmp_path, started)
    after.wait_for(STREAMING)
    after.stop()
    assert not lock_path(tmp_path).exists()  # a clean exit gives the lock up


def test_another_config_dir_is_a_separate_instance(tmp_path: Path, started: list[Running]) -> None:
    first = start(tmp_path / "one", started)
    other = start(tmp_path / "two", started)
    other.wait_for(STREAMING)
    other.stop()
    assert first.proc.poll() is None  # the first one was not disturbed
    first.stop()
