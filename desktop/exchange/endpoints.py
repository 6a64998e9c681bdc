"""Where the exchange lives: websocket market streams and REST, live, testnet or custom."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from typing import Final
from urllib.parse import urlsplit

from desktop.wording import translate

# Since Binance's 2026 split, USD-M market streams are served under /market, on the
# testnet too (its official connector streams from .../market/stream); a connection
# without the routed path is accepted but receives no market streams at all.
LIVE_WS: Final = "wss://fstream.binance.com/market"
LIVE_REST: Final = "https://fapi.binance.com"
TESTNET_WS: Final = "wss://fstream.binancefuture.com/market"
TESTNET_REST: Final = "https://demo-fapi.binance.com"  # Binance's futures testnet REST base


def _tr(text: str) -> str:
    return translate("Exchange", text)


class EndpointError(ValueError):
    """A URL the app refuses to use; the message is for people."""


@dataclass(frozen=True, slots=True)
class Endpoints:
    """Base URLs. ``ws_base`` + ``/ws`` is a raw stream, + ``/stream?streams=`` combined."""

    ws_base: str = LIVE_WS
    rest_base: str = LIVE_REST
    name: str = "live"

    @property
    def raw_ws_url(self) -> str:
        return f"{self.ws_base.rstrip('/')}/ws"

    def combined_ws_url(self, streams: list[str] | tuple[str, ...] = ()) -> str:
        base = f"{self.ws_base.rstrip('/')}/stream"
        return f"{base}?streams={'/'.join(streams)}" if streams else base

    def url_streams(self, streams: list[str], max_length: int) -> list[str]:
        """The leading ``streams`` that fit in a combined URL of at most ``max_length``
        characters; the others go by SUBSCRIBE, as do non-ASCII names always."""
        chosen: list[str] = []
        length = len(self.combined_ws_url(["x"])) - 1
        for stream in streams:
            if not stream.isascii():
                continue
            length += len(stream) + (1 if chosen else 0)
            if length > max_length:
                break
            chosen.append(stream)
        return chosen


LIVE: Final = Endpoints(LIVE_WS, LIVE_REST, "live")
TESTNET: Final = Endpoints(TESTNET_WS, TESTNET_REST, "testnet")


def is_local_host(host: str | None) -> bool:
    if not host:
        return False
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_url(url: str, *, secure: str, insecure: str, allow_insecure: bool = False) -> str:
    """Validate one base URL and return it without a trailing slash.

    ``insecure`` (``ws``/``http``) is accepted for loopback hosts, or anywhere when the
    user explicitly allowed insecure URLs: prices and symbol lists must not travel in
    clear text over a network by accident.
    """
    parts = urlsplit(url.strip())
    if parts.scheme not in (secure, insecure):
        raise EndpointError(
            translate(
                "Exchange",
                "“{url}” must start with {secure}:// (or {insecure}:// for a local test server).",
            ).format(url=url, secure=secure, insecure=insecure)
        )
    if not parts.hostname:
        raise EndpointError(translate("Exchange", "“{url}” has no host name.").format(url=url))
    if parts.username or parts.password:
        raise EndpointError(
            translate(
                "Exchange",
                "MiniTicker needs no credentials; remove the user name/password from the URL.",
            )
        )
    if parts.query or parts.fragment:
        raise EndpointError(
            translate(
                "Exchange", "“{url}” must be a base URL, without ?query or #fragment."
            ).format(url=url)
        )
    if parts.scheme == insecure and not (allow_insecure or is_local_host(parts.hostname)):
        raise EndpointError(
            translate(
                "Exchange",
                "“{url}” is unencrypted ({insecure}://) to a non-local host; use {secure}:// "
                "or pass --allow-insecure if you really mean it.",
            ).format(url=url, secure=secure, insecure=insecure)
        )
    return url.strip().rstrip("/")


def make_endpoints(
    ws_url: str | None = None,
    rest_url: str | None = None,
    *,
    testnet: bool = False,
    allow_insecure: bool = False,
) -> Endpoints:
    """Endpoints from a preset (live or testnet) with optional custom overrides."""
    preset = TESTNET if testnet else LIVE
    if ws_url is None and rest_url is None:
        return preset
    ws = (
        check_url(ws_url, secure="wss", insecure="ws", allow_insecure=allow_insecure)
        if ws_url
        else preset.ws_base
    )
    rest = (
        check_url(rest_url, secure="https", insecure="http", allow_insecure=allow_insecure)
        if rest_url
        else preset.rest_base
    )
    return Endpoints(ws, rest, "custom")
