"""Symbol names and stream names.

Symbols are upper-case letters (any script: ``币安人生USDT`` is a live perpetual),
digits and ``_`` (quarterlies such as ``BTCUSDT_261225``). Stream names are the
lower-cased symbol plus ``@miniTicker``.
"""

from __future__ import annotations

import unicodedata
from typing import Final

from desktop.wording import translate

MINI_TICKER: Final = "miniTicker"
ALL_MARKET_STREAM: Final = "!miniTicker@arr"
MAX_SYMBOL_LENGTH: Final = 40


def _tr(text: str) -> str:
    return translate("Exchange", text)


class SymbolError(ValueError):
    """A user-given symbol that cannot be a contract name; the message is for people."""


def normalize_symbol(text: str) -> str:
    """Turn what a person typed into a symbol name, or raise ``SymbolError``.

    Strips surrounding white space, upper-cases, applies Unicode NFC, and refuses
    anything that is not letters, digits and ``_``.
    """
    cleaned = unicodedata.normalize("NFC", text.strip())
    if not cleaned:
        raise SymbolError(translate("Exchange", "The symbol is empty."))
    if len(cleaned) > MAX_SYMBOL_LENGTH:
        raise SymbolError(
            translate(
                "Exchange", "“{start}…” is {length} characters long; symbols have at most {max}."
            ).format(start=cleaned[:20], length=len(cleaned), max=MAX_SYMBOL_LENGTH)
        )
    bad = sorted({ch for ch in cleaned if not (ch.isalnum() or ch == "_")})
    if bad:
        shown = " ".join(repr(ch) for ch in bad[:5])
        raise SymbolError(
            translate(
                "Exchange", "“{symbol}” contains characters a symbol never has: {characters}."
            ).format(symbol=_printable(cleaned), characters=shown)
        )
    return cleaned.upper()


def _printable(text: str) -> str:
    return "".join(ch if ch.isprintable() else "?" for ch in text)[:40]


def split_symbols(text: str) -> list[str]:
    """Split a comma / white space separated list as typed on a command line."""
    return [part for part in text.replace(",", " ").split() if part]


def stream_name(symbol: str, kind: str = MINI_TICKER) -> str:
    """``BTCUSDT`` → ``btcusdt@miniTicker``."""
    return f"{symbol.lower()}@{kind}"


def symbol_of_stream(name: str) -> str | None:
    """``btcusdt@miniTicker`` → ``BTCUSDT``; None for a stream that is not per symbol."""
    head, sep, _ = name.partition("@")
    if not sep or not head or head.startswith("!"):
        return None
    return head.upper()
