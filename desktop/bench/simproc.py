"""The simulated exchange in a child process, driven by JSON lines on its stdin.

Benchmarks keep the exchange out of the measured process: its market ticks, JSON
encoding and socket writes would otherwise share the app's event loop and CPU core and
be counted as the app's cost. ``SimProcess`` starts and drives the child; the child is
``python -m desktop.bench.simproc``. Every request gets exactly one JSON line back.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import subprocess
import sys
import threading
import time
from collections.abc import Mapping, Sequence
from typing import Final, TypeVar

import msgspec

from desktop.exchange.endpoints import Endpoints
from desktop.simexchange.contracts_data import default_contracts
from desktop.simexchange.server import SimExchange

#: Contracts in the live USD-M listing, give or take: the default listing is topped up
#: with synthetic ones to this many.
FULL_MARKET: Final = 800
_START_TIMEOUT: Final = 30.0

T = TypeVar("T")


class Hello(msgspec.Struct):
    """The child's first line: where it listens and what it lists."""

    ws: str
    rest: str
    symbols: list[str]
    trading: list[str]


class Stats(msgspec.Struct):
    """The ``stats`` answer: the child's ``SimStats`` counters."""

    connections_open: int
    connections_opened: int
    handshakes_refused: int
    rate_violations: int
    max_incoming_in_any_second: int
    events_sent: int
    frames_sent: int
    requests: int
    subscribed: list[str]


class Fired(msgspec.Struct):
    """The ``firehose`` answer: events sent, and how long sending took."""

    sent: int
    seconds: float


class _EventTimes(msgspec.Struct):
    times: dict[str, int]


class SimProcess:
    """A ``SimExchange`` running in a child process.

    ``call(op, **args)`` sends one request and returns the child's answer; it may be
    awaited from any event loop (plain asyncio or qasync), one call at a time or not.
    ``stats``, ``firehose`` and ``event_times`` are the calls whose answers are read,
    typed.
    """

    def __init__(
        self,
        *,
        contracts: int = FULL_MARKET,
        cadence: float = 2.0,
        arr_interval: float = 1.0,
        seed: int = 1,
        ping_interval: float | None = 180.0,
    ) -> None:
        self._args = [
            f"--contracts={contracts}",
            f"--cadence={cadence}",
            f"--arr-interval={arr_interval}",
            f"--seed={seed}",
            f"--ping-interval={ping_interval if ping_interval is not None else 0}",
        ]
        self._proc: subprocess.Popen[str] | None = None
        self._lock = threading.Lock()
        self.ws_url = ""
        self.rest_url = ""
        self.symbols: list[str] = []  # every listed contract
        self.trading: list[str] = []  # those with market data

    def start(self) -> SimProcess:
        self._proc = subprocess.Popen(
            [sys.executable, "-m", "desktop.bench.simproc", *self._args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        hello = msgspec.convert(self._read(_START_TIMEOUT), Hello)
        self.ws_url, self.rest_url = hello.ws, hello.rest
        self.symbols = hello.symbols
        self.trading = hello.trading
        return self

    @property
    def endpoints(self) -> Endpoints:
        return Endpoints(self.ws_url, self.rest_url, "bench")

    @property
    def pid(self) -> int:
        assert self._proc is not None
        return self._proc.pid

    async def call(self, op: str, **args: object) -> dict[str, object]:
        return await asyncio.to_thread(self.call_sync, op, **args)

    async def stats(self) -> Stats:
        return msgspec.convert(await self.call("stats"), Stats)

    async def firehose(self, rounds: int) -> Fired:
        return msgspec.convert(await self.call("firehose", rounds=rounds), Fired)

    async def event_times(self) -> dict[str, int]:
        """Each trading symbol's newest event time at the exchange."""
        return msgspec.convert(await self.call("event_times"), _EventTimes).times

    def call_sync(self, op: str, **args: object) -> dict[str, object]:
        with self._lock:
            proc = self._proc
            assert proc is not None and proc.stdin is not None
            proc.stdin.write(json.dumps({"op": op, **args}) + "\n")
            proc.stdin.flush()
            return self._read(None)

    def _read(self, timeout: float | None) -> dict[str, object]:
        proc = self._proc
        assert proc is not None and proc.stdout is not None
        timer = threading.Timer(timeout, proc.kill) if timeout else None
        if timer is not None:
            timer.start()
        try:
            line = proc.stdout.readline()
        finally:
            if timer is not None:
                timer.cancel()
        if not line:
            raise RuntimeError(f"the simulated exchange process ended ({proc.poll()})")
        answer: object = json.loads(line)
        if not isinstance(answer, dict):
            raise RuntimeError(f"the simulated exchange answered {line[:80]!r}")
        if "error" in answer:
            raise RuntimeError(f"the simulated exchange refused the request: {answer['error']}")
        return answer

    def close(self) -> None:
        proc, self._proc = self._proc, None
        if proc is None:
            return
        try:
            if proc.poll() is None and proc.stdin is not None:
                proc.stdin.write(json.dumps({"op": "quit"}) + "\n")
                proc.stdin.flush()
            proc.wait(10)
        except (OSError, subprocess.TimeoutExpired):
            proc.kill()
            proc.wait()
        finally:
            for pipe in (proc.stdin, proc.stdout):
                if pipe is not None:
                    pipe.close()

    def __enter__(self) -> SimProcess:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()


# -- the child ---------------------------------------------------------------------------


async def _handle(exchange: SimExchange, request: Mapping[str, object]) -> dict[str, object]:
    op = request.get("op")
    if op == "firehose":
        started = time.perf_counter()
        sent = await exchange.firehose(_arg(request, "rounds", int))
        return {"sent": sent, "seconds": time.perf_counter() - started}
    if op == "stats":
        s = exchange.stats
        return {
            "connections_open": s.connections_open,
            "connections_opened": s.connections_opened,
            "handshakes_refused": s.handshakes_refused,
            "rate_violations": s.rate_violations,
            "max_incoming_in_any_second": s.max_incoming_in_any_second,
            "events_sent": s.events_sent,
            "frames_sent": s.frames_sent,
            "requests": len(s.requests),
            "subscribed": sorted(s.subscribed_streams()),
        }
    if op == "event_times":
        return {"times": {s.symbol: s.event_time for s in exchange.market.trading_states()}}
    if op == "drop_all":
        exchange.drop_all()
    elif op == "close_all":
        await exchange.close_all(_arg(request, "code", int, 1001), _arg(request, "reason", str, ""))
    elif op == "half_dead":
        exchange.set_half_dead(_arg(request, "on", bool))
    elif op == "silent":
        exchange.set_silent(_arg(request, "on", bool))
    elif op == "refuse_handshakes":
        exchange.refuse_handshakes(_arg(request, "n", int), _arg(request, "status", int, 503))
    elif op == "fail_subscribe":
        exchange.fail_subscribe(_arg(request, "n", int))
    elif op == "send_raw":
        frames = _arg(request, "frames", list)
        await exchange.send_raw([str(frame) for frame in frames])
    elif op == "set":
        for name in ("cadence", "arr_interval", "max_connection_age"):
            if name in request:
                setattr(exchange, name, _arg(request, name, float))
    elif op != "quit":
        return {"error": f"unknown op {op!r}"}
    return {"ok": True}


def _arg(request: Mapping[str, object], key: str, kind: type[T], default: T | None = None) -> T:
    """``request[key]`` (``default`` if absent and given), if it is a ``kind``; else an error."""
    value = request.get(key, default)
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)  # JSON writes 2.0 as 2
    if not isinstance(value, kind):
        raise TypeError(f"{key} must be {kind.__name__}, not {value!r:.40}")
    return value


async def _serve(args: argparse.Namespace) -> None:
    exchange = SimExchange(
        cadence=args.cadence,
        arr_interval=args.arr_interval,
        seed=args.seed,
        extra_contracts=max(0, args.contracts - len(default_contracts())),
        ping_interval=args.ping_interval or None,
    )
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    async with exchange:
        hello = {
            "ws": exchange.ws_url,
            "rest": exchange.rest_url,
            "symbols": exchange.symbols,
            "trading": [s.symbol for s in exchange.market.trading_states()],
        }
        sys.stdout.write(json.dumps(hello) + "\n")
        sys.stdout.flush()
        while line := await reader.readline():
            request = json.loads(line)
            try:
                answer = await _handle(exchange, request)
            except Exception as exc:  # a bad request must not take the exchange down
                answer = {"error": f"{type(exc).__name__}: {exc}"}
            sys.stdout.write(json.dumps(answer) + "\n")
            sys.stdout.flush()
            if request.get("op") == "quit":
                break


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m desktop.bench.simproc")
    parser.add_argument("--contracts", type=int, default=FULL_MARKET)
    parser.add_argument("--cadence", type=float, default=2.0)
    parser.add_argument("--arr-interval", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--ping-interval", type=float, default=180.0)
    asyncio.run(_serve(parser.parse_args(argv)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
