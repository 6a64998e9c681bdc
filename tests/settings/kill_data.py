"""The two settings the kill test alternates between; shared by the test and its child."""

from __future__ import annotations

from base64 import b64encode

from desktop.settings.store import Settings

WATCHLIST_A = ["BTCUSDT", "ETHUSDT", "BNBUSDT"]
# B is longer than A, so a file cut short or mixed from both could not pass for either.
WATCHLIST_B = [f"COIN{i:03d}USDT" for i in range(60)]


def settings_a() -> Settings:
    return Settings(watchlist=list(WATCHLIST_A), pins=["ETHUSDT"])


def settings_b() -> Settings:
    # A few kilobytes of header state make each write long enough for kills to land in it.
    state = b64encode(bytes(range(256)) * 16).decode("ascii")
    return Settings(watchlist=list(WATCHLIST_B), pins=["COIN007USDT"], header_state=state)
