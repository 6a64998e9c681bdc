"""Recordings: written in the background, read back up to the last whole line."""

from __future__ import annotations

import math
import os
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import pytest

from desktop.exchange.ticker import MiniTicker
from desktop.stream.recording import Frame, Recorder, RecordingError, RecordingReader
from desktop.stream.replay import ReplaySource, ReplayStatus
from tests.stream.harness import rig, run

FRAME = (
    '{"stream":"btcusdt@miniTicker","data":{"e":"24hrMiniTicker","E":%d,"s":"BTCUSDT",'
    '"c":"%d.10","o":"100.00","h":"200.00","l":"50.00","v":"1.0","q":"2.0"}}'
)


def frames(count: int, start: int = 0) -> list[bytes]:
    return [(FRAME % (1_700_000_000_000 + i, 100 + i)).encode() for i in range(start, count)]


def write(path: Path, reads: list[list[bytes]]) -> None:
    recorder = Recorder(path, endpoints="wss://example.test", symbols=["BTCUSDT"])
    for n, read in enumerate(reads):
        recorder.frames(read, 1000.0 + n, n % 2)
    recorder.close()


def test_frames_come_back_exactly_with_their_receive_time_and_connection(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl.gz"
    odd = b'{"not utf-8": "\xff\xfe"}'
    write(path, [frames(3), [odd], frames(5, 3)])
    with RecordingReader(path) as reader:
        assert reader.header["symbols"] == ["BTCUSDT"]
        assert reader.header["endpoints"] == "wss://example.test"
        got = list(reader)
        assert not reader.truncated
    expected = [Frame(1000.0, 0, f) for f in frames(3)] + [Frame(1001.0, 1, odd)]
    expected += [Frame(1002.0, 0, f) for f in frames(5, 3)]
    assert got == expected


def test_a_file_that_is_not_a_recording_is_refused_in_plain_words(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text("{}")
    with pytest.raises(RecordingError, match="not a MiniTicker recording"):
        RecordingReader(path)


def test_a_recording_cut_short_replays_up_to_its_last_whole_line(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl.gz"
    everything = frames(3000)
    write(path, [everything[i : i + 10] for i in range(0, 3000, 10)])
    whole = path.read_bytes()
    for cut in (len(whole) // 3, len(whole) // 2, len(whole) - 9, len(whole) - 1):
        short = tmp_path / f"cut{cut}.jsonl.gz"
        short.write_bytes(whole[:cut])
        with RecordingReader(short) as reader:
            got = [f.data for f in reader]
            assert reader.truncated
        assert got == everything[: len(got)], "a prefix of whole frames, nothing garbled"
        assert len(got) > cut * len(everything) // len(whole) // 2


def test_damaged_bytes_in_the_middle_end_the_replay_without_an_error(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl.gz"
    everything = frames(3000)
    write(path, [everything[i : i + 10] for i in range(0, 3000, 10)])
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 64] = b"\x00" * 64
    path.write_bytes(bytes(data))
    with RecordingReader(path) as reader:
        got = [f.data for f in reader]
        assert reader.truncated
    # Deflate has no checksum per block: what inflates garbled but well-formed near the
    # damage cannot be told from data; what came before it is intact, and no error.
    assert len(everything) // 3 < len(got) < len(everything)
    assert got[: len(everything) // 3] == everything[: len(everything) // 3]


KILLED = """
import sys, time
from pathlib import Path
from desktop.stream.recording import Recorder
frame = b'{"stream":"btcusdt@miniTicker","data":{"E":%d}}'
recorder = Recorder(Path(sys.argv[1]), flush_every=0.05)
n = 0
while True:
    recorder.frames([frame % n], time.time(), 0)
    n += 1
    time.sleep(0.001)
"""


def test_a_sigkilled_recording_process_leaves_a_file_that_replays(tmp_path: Path) -> None:
    path = tmp_path / "killed.jsonl.gz"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    process = subprocess.Popen([sys.executable, "-c", KILLED, str(path)], env=env)
    try:
        deadline = time.monotonic() + 30
        while not path.exists() or path.stat().st_size < 2000:  # a few flushes in
            assert process.poll() is None and time.monotonic() < deadline
            time.sleep(0.02)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
    with RecordingReader(path) as reader:
        got = [f.data for f in reader]
    assert len(got) > 10
    assert got == [b'{"stream":"btcusdt@miniTicker","data":{"E":%d}}' % n for n in range(len(got))]


def test_a_live_session_is_recorded_frame_for_frame_and_replays_the_same_events(
    tmp_path: Path,
) -> None:
    path = tmp_path / "live.jsonl.gz"
    symbols = ["BTCUSDT", "ETHUSDT", "SOLUSDT"]

    async def main() -> None:
        async with rig(symbols) as r:
            r.client.recorder = Recorder(path, symbols=symbols)
            await r.until(lambda: all(r.rec.count(s) >= 20 for s in symbols))
            recorder, r.client.recorder = r.client.recorder, None
            live = {s: [t for t, _ in r.rec.events[s]] for s in symbols}
        recorder.close()
        replay = ReplaySource(path, speed=math.inf)
        replay.set_symbols(symbols)
        played: dict[str, list[int]] = {s: [] for s in symbols}

        def take(events: Sequence[MiniTicker], received: float) -> None:
            for event in events:
                played[event.symbol].append(event.event_time)

        replay.add_ticker_listener(take)
        statuses: list[ReplayStatus] = []
        replay.add_status_listener(statuses.append)
        await replay.start()
        await replay.finished.wait()
        await replay.stop()
        # Recording starts mid-session: the events delivered after it began.
        for symbol in symbols:
            assert live[symbol][-len(played[symbol]) :] == played[symbol]
            assert len(played[symbol]) >= 15
        assert statuses[-1].finished and statuses[-1].describe() == "Replay finished"

    run(main)


def test_replay_paces_frames_by_their_receive_times_over_the_speed(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl.gz"
    recorder = Recorder(path)
    for n in range(11):  # 10 recorded seconds
        recorder.frames(frames(n + 1, n), 1000.0 + n, 0)
    recorder.close()

    async def main() -> None:
        replay = ReplaySource(path, speed=20.0)  # half a second
        replay.set_symbols(["BTCUSDT"])
        got: list[float] = []
        replay.add_ticker_listener(lambda events, _: got.append(time.monotonic()))
        await replay.start()
        await replay.finished.wait()
        await replay.stop()
        assert len(got) == 11
        assert got[-1] - got[0] >= 10 / 20.0 - 0.02  # never early; late is load

    run(main)


def test_the_status_says_where_the_replay_is_and_how_fast() -> None:
    at = time.mktime((2026, 12, 3, 12, 31, 5, 0, 0, -1))
    assert ReplayStatus(at, 10.0).describe() == "Replaying — 12:31:05 of the recording (×10)"
    assert ReplayStatus(at, math.inf).describe().endswith("(fastest)")
    assert ReplayStatus(at, 1, True, True).describe() == (
        "Replay finished (the recording ends early)"
    )


def test_a_missing_recording_is_reported_in_plain_words_and_the_replay_ends(
    tmp_path: Path,
) -> None:
    async def main() -> None:
        replay = ReplaySource(tmp_path / "nowhere.jsonl.gz")
        errors: list[str] = []
        replay.add_error_listener(errors.append)
        await replay.start()
        await replay.finished.wait()
        await replay.stop()
        assert errors and "Cannot read the recording" in errors[0]
        assert replay.status.describe().startswith("Replay failed: Cannot read the recording")

    run(main)
