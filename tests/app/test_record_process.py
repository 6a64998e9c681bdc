"""A recording made by the real program survives ``kill -9`` up to its last flush."""

from __future__ import annotations

import json
import math
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from desktop.stream.recording import RecordingReader
from desktop.stream.replay import ReplaySource
from tests.stream.harness import run


def test_a_sigkilled_app_leaves_a_recording_that_replays_to_its_last_whole_line(
    tmp_path: Path,
) -> None:
    recording = tmp_path / "killed.jsonl.gz"
    log = (tmp_path / "app.log").open("w")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    args = ["--demo", "--demo-cadence", "0.05", "--record", str(recording)]
    proc = subprocess.Popen(
        [sys.executable, "-m", "desktop", "--config-dir", str(tmp_path), *args],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        while not recording.exists() or recording.stat().st_size < 4000:  # some flushes in
            assert proc.poll() is None, (tmp_path / "app.log").read_text()[-2000:]
            assert time.monotonic() < deadline, "the recording never grew"
            time.sleep(0.05)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        log.close()
    with RecordingReader(recording) as reader:
        assert reader.header["symbols"] == ["BNBUSDT", "BTCUSDT", "ETHUSDT", "SOLUSDT", "XRPUSDT"]
        frames = list(reader)
    assert len(frames) > 20
    assert all(isinstance(json.loads(f.data), dict) for f in frames)
    assert [f.received for f in frames] == sorted(f.received for f in frames)

    async def replay() -> None:
        source = ReplaySource(recording, speed=math.inf)
        source.set_symbols(["BTCUSDT"])
        got: list[str] = []
        source.add_ticker_listener(lambda events, _: got.extend(e.symbol for e in events))
        await source.start()
        await source.finished.wait()
        await source.stop()
        assert got and set(got) == {"BTCUSDT"}
        assert source.status.finished and source.status.error is None

    run(replay)
