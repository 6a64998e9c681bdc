"""Whatever arrives over a real connection, junk never changes a price the user sees."""

from __future__ import annotations

import json
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtWidgets import QApplication

from desktop.simexchange.server import SimExchange
from tests.conftest import QtLoop, wait_for
from tests.faults.harness import CADENCE, SYMBOLS, running

VALID: dict[str, Any] = {
    "e": "24hrMiniTicker",
    "E": 9_999_999_999_999,  # newer than anything real: it would win if it got through
    "s": "BTCUSDT",
    "c": "1.5",
    "o": "1.0",
    "h": "2.0",
    "l": "1.0",
    "v": "10",
    "q": "15",
}


def _finite_decimal(text: str) -> bool:
    try:
        return bool(text) and len(text) <= 64 and Decimal(text).is_finite()
    except (InvalidOperation, ValueError):
        return False


not_a_price = st.one_of(
    st.none(),
    st.integers(),
    st.floats(allow_nan=False),
    st.sampled_from(["NaN", "Infinity", "-Infinity", "", "1" * 65, "1,5", "0x10"]),
    st.text(max_size=8).filter(lambda t: not _finite_decimal(t)),
    st.lists(st.integers(), max_size=2),
)
not_a_time = st.one_of(
    st.none(), st.booleans(), st.floats(), st.text(max_size=8), st.integers(max_value=-1)
)
not_a_symbol = st.one_of(st.none(), st.integers(), st.just(""), st.text(min_size=65))


@st.composite
def near_misses(draw: st.DrawFn) -> str:
    """A valid-looking event for a watched symbol with exactly one field broken."""
    event = dict(VALID, s=draw(st.sampled_from(SYMBOLS)))
    field = draw(st.sampled_from([*VALID]))
    if field in ("c", "o", "h", "l", "v", "q"):
        event[field] = draw(not_a_price)
    elif field == "E":
        event[field] = draw(not_a_time)
    elif field == "s":
        event[field] = draw(not_a_symbol)
    else:
        event[field] = draw(st.text(max_size=20).filter(lambda t: t != "24hrMiniTicker"))
    if draw(st.booleans()):
        del event[field]
    stream = f"{str(event.get('s', 'x')).lower()}@miniTicker"
    shape = draw(st.sampled_from(["raw", "combined", "array"]))
    if shape == "raw":
        return json.dumps(event)
    if shape == "array":  # one broken event spoils the whole all-market frame
        return json.dumps([dict(VALID, s=SYMBOLS[1]), event])
    return json.dumps({"stream": stream, "data": event})


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=10),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4)
    ),
    max_leaves=12,
)
junk = st.one_of(
    near_misses(),
    json_values.map(json.dumps),
    st.text(max_size=60),
    st.binary(max_size=60),
)


def test_arbitrary_frames_through_a_real_connection_never_change_a_price(
    qt_loop: QtLoop, qapp: QApplication, tmp_path: Path
) -> None:
    exchange = SimExchange(cadence=CADENCE, seed=9)
    qt_loop.run(exchange.start())
    # The loop stands still while hypothesis makes examples: slow keepalive and a long
    # data timeout, or the client would rightly reconnect from a "silent" exchange.
    session = running(exchange, tmp_path, qapp, data_timeout=600.0, ping_interval=60.0)
    try:
        app = qt_loop.run(session.__aenter__())
        try:
            exchange.set_silent(True)
            book = app.parts.book
            opened = exchange.stats.connections_opened

            def prices() -> dict[str, tuple[Any, float]]:
                book.flush()
                return {s: (q.ticker, q.received) for s in SYMBOLS if (q := book.quote(s))}

            baseline = prices()
            assert len(baseline) == len(SYMBOLS)

            @settings(
                max_examples=60,
                deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
            )
            @given(frames=st.lists(junk, min_size=1, max_size=8))
            def feed(frames: list[str | bytes]) -> None:
                before = app.client.stats.frames

                async def send() -> None:
                    await exchange.send_raw(frames)
                    await wait_for(
                        lambda: app.client.stats.frames >= before + len(frames), 5, "the frames"
                    )

                qt_loop.run(send())
                assert prices() == baseline
                assert exchange.stats.connections_opened == opened
                assert not app.task.done()

            feed()
            assert app.client.stats.malformed > 0
        finally:
            exchange.set_silent(False)
            qt_loop.run(session.__aexit__(None, None, None))
    finally:
        qt_loop.run(exchange.stop())
