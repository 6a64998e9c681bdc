"""The few public REST calls the app makes: contract list, 24 h tickers, klines.

Standard library only: ``urllib.request`` (which honours the system's proxy settings and
verifies TLS certificates by default), run in a worker thread via ``asyncio.to_thread``
so the event loop never blocks. Every failure becomes a ``RestError`` whose message a
person can act on.
"""

from __future__ import annotations

import asyncio
import json
import logging
import socket
import ssl
import urllib.error
import urllib.parse
import urllib.request
from decimal import Decimal, InvalidOperation
from typing import Final

from desktop.exchange.contracts import Contract, parse_exchange_info
from desktop.exchange.ticker import FrameError, MiniTicker, parse_event
from desktop.wording import translate

log = logging.getLogger(__name__)

MAX_BODY_BYTES: Final = 32 * 1024 * 1024  # exchangeInfo is about 1.5 MB
USER_AGENT: Final = "MiniTicker/0.1 (+desktop ticker)"


class RestError(Exception):
    """A REST call that did not produce a usable answer; ``str()`` is for people."""

    def __init__(self, message: str, *, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


class RestClient:
    """Public market-data REST endpoints of one exchange (``base_url`` like
    ``https://fapi.binance.com``)."""

    def __init__(self, base_url: str, *, timeout: float = 10.0) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self._opener = urllib.request.build_opener()

    async def exchange_info_document(self) -> dict[str, object]:
        """The raw ``exchangeInfo`` document (what the metadata cache stores)."""
        document = await self.get_json("/fapi/v1/exchangeInfo")
        if not isinstance(document, dict) or not isinstance(document.get("symbols"), list):
            raise RestError(
                translate("Exchange", "The answer from {url} was not a contract list.").format(
                    url=self.base_url
                )
            )
        return document

    async def exchange_info(self) -> list[Contract]:
        """All contracts the exchange lists (trading or not)."""
        return parse_exchange_info(await self.exchange_info_document())

    async def ticker_24hr(self) -> list[MiniTicker]:
        """Every symbol's rolling 24 h statistics, as ``MiniTicker``s (malformed rows skipped).

        Lets a table show prices before the first stream push arrives.
        """
        rows = await self.get_json("/fapi/v1/ticker/24hr")
        if not isinstance(rows, list):
            raise RestError(
                translate("Exchange", "The 24 h ticker answer from {url} was not a list.").format(
                    url=self.base_url
                )
            )
        tickers: list[MiniTicker] = []
        skipped = 0
        for row in rows:
            try:
                tickers.append(_ticker_from_row(row))
            except FrameError as exc:
                skipped += 1
                if skipped <= 3:
                    log.warning("skipping a 24 h ticker row: %s", exc)
        return tickers

    async def klines(
        self, symbol: str, interval: str = "1m", limit: int = 60
    ) -> list[tuple[int, Decimal]]:
        """``(open time in ms, close price)`` of the last ``limit`` candles, oldest first."""
        query = urllib.parse.urlencode({"symbol": symbol, "interval": interval, "limit": limit})
        rows = await self.get_json(f"/fapi/v1/klines?{query}")
        if not isinstance(rows, list):
            raise RestError(
                translate("Exchange", "The candle answer from {url} was not a list.").format(
                    url=self.base_url
                )
            )
        candles: list[tuple[int, Decimal]] = []
        for row in rows:
            try:
                open_time, close = row[0], Decimal(row[4])
            except (TypeError, IndexError, KeyError, InvalidOperation):
                raise RestError(self._malformed_row()) from None
            if not isinstance(open_time, int) or not close.is_finite():
                raise RestError(self._malformed_row())
            candles.append((open_time, close))
        return candles

    def _malformed_row(self) -> str:
        return translate("Exchange", "The candle answer from {url} had a malformed row.").format(
            url=self.base_url
        )

    async def get_json(self, path: str) -> object:
        """GET ``base_url + path`` and decode its JSON body, off the event loop."""
        return await asyncio.to_thread(self._get_json, self.base_url + path)

    def _get_json(self, url: str) -> object:
        request = urllib.request.Request(
            url, headers={"User-Agent": USER_AGENT, "Accept": "application/json"}
        )
        try:
            with self._opener.open(request, timeout=self.timeout) as answer:
                body = answer.read(MAX_BODY_BYTES + 1)
        except urllib.error.HTTPError as err:
            with err:
                raise RestError(_http_error_message(err), status=err.code) from None
        except urllib.error.URLError as err:
            raise RestError(self._unreachable(_reason(err.reason, self.timeout))) from None
        except TimeoutError:
            raise RestError(self._unreachable(_reason(TimeoutError(), self.timeout))) from None
        except (OSError, ValueError) as err:  # reset mid-body, malformed URL, …
            raise RestError(self._unreachable(_reason(err, self.timeout))) from None
        if len(body) > MAX_BODY_BYTES:
            raise RestError(
                translate("Exchange", "The answer from {url} was too large.").format(
                    url=self.base_url
                )
            )
        try:
            return json.loads(body)
        except ValueError:
            raise RestError(
                translate(
                    "Exchange", "The answer from {url} was not JSON (is this a Binance address?)."
                ).format(url=self.base_url)
            ) from None

    def _unreachable(self, reason: str) -> str:
        return translate("Exchange", "Could not reach {url}: {reason}.").format(
            url=self.base_url, reason=reason
        )


def _tr(text: str) -> str:
    return translate("Exchange", text)


def _ticker_from_row(row: object) -> MiniTicker:
    if not isinstance(row, dict):
        raise FrameError("row is not an object")
    return parse_event(
        {
            "e": "24hrMiniTicker",
            "E": row.get("closeTime"),
            "s": row.get("symbol"),
            "c": row.get("lastPrice"),
            "o": row.get("openPrice"),
            "h": row.get("highPrice"),
            "l": row.get("lowPrice"),
            "v": row.get("volume"),
            "q": row.get("quoteVolume"),
        }
    )


def _http_error_message(err: urllib.error.HTTPError) -> str:
    detail = ""
    try:
        body = json.loads(err.read(64 * 1024))
        if isinstance(body, dict) and isinstance(body.get("msg"), str):
            detail = f": {body['msg'][:200]}"
    except (OSError, ValueError):
        pass
    # The HTTP reason phrase and Binance's own message come in English: shown as they come.
    reason = f" ({err.reason})" if isinstance(err.reason, str) and err.reason else ""
    answered = f"{err.code}{reason}{detail}"
    if err.code in (418, 429):
        return translate(
            "Exchange",
            "Binance answered {answer} — too many requests from this address; wait a few minutes.",
        ).format(answer=answered)
    if err.code == 451 or err.code == 403:
        return translate(
            "Exchange", "Binance answered {answer} — Binance refuses requests from this location."
        ).format(answer=answered)
    return translate("Exchange", "Binance answered {answer}.").format(answer=answered)


def _reason(reason: object, timeout: float) -> str:
    """Plain words for the usual network failures."""
    if isinstance(reason, ConnectionRefusedError):
        return translate("Exchange", "connection refused")
    if isinstance(reason, TimeoutError):
        return translate("Exchange", "no answer within {seconds} s").format(seconds=f"{timeout:g}")
    if isinstance(reason, socket.gaierror):
        return translate(
            "Exchange", "host name not found (check the address and your internet connection)"
        )
    # OpenSSL's own words (verify_message, reason) are shown as they come.
    if isinstance(reason, ssl.SSLCertVerificationError):
        return translate("Exchange", "its TLS certificate could not be verified ({reason})").format(
            reason=reason.verify_message
        )
    if isinstance(reason, ssl.SSLError):
        return translate("Exchange", "TLS failed ({reason})").format(reason=reason.reason or reason)
    if isinstance(reason, ConnectionResetError):
        return translate("Exchange", "the connection was reset")
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror.lower()
    return str(reason)
