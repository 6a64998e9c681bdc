"""A save killed at any moment leaves settings.json complete: the old list or the new one."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.settings.store import SettingsStore
from tests.settings.kill_data import WATCHLIST_A, WATCHLIST_B, settings_a

REPO_ROOT = Path(__file__).resolve().parents[2]
WRITER = Path(__file__).with_name("kill_writer.py")

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL")


def kill_saves_repeatedly(config_dir: Path, kills: int) -> None:
    seed = random.randrange(2**32)
    print(f"kill test seed: {seed}")  # rerun a failure with random.Random(<seed>)
    rng = random.Random(seed)
    store = SettingsStore(config_dir)
    store.save(settings_a())
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    for attempt in range(kills):
        with subprocess.Popen(
            [sys.executable, str(WRITER), str(config_dir)],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
            cwd=REPO_ROOT,
        ) as child:
            assert child.stdout is not None
            assert child.stdout.readline().strip() == "saving", "writer did not start"
            # The kill moment is random; nothing is asserted about time.
            time.sleep(rng.uniform(0.0, 0.03))
            child.send_signal(signal.SIGKILL)
            assert child.wait() == -signal.SIGKILL
        result = store.load()
        assert result.messages == [], f"kill {attempt}: {result.messages}"
        assert result.settings.watchlist in (WATCHLIST_A, WATCHLIST_B), f"kill {attempt}"
    left_over = [p.name for p in config_dir.iterdir() if p.name.endswith(".tmp")]
    print(f"{kills} kills; {len(left_over)} landed while a temp file was open")


def test_settings_survive_a_save_killed_at_random_moments(tmp_path: Path) -> None:
    kill_saves_repeatedly(tmp_path, kills=15)


@pytest.mark.slow
def test_settings_survive_a_hundred_saves_killed_at_random_moments(tmp_path: Path) -> None:
    kill_saves_repeatedly(tmp_path, kills=100)
