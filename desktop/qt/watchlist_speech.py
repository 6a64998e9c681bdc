"""What a screen reader says for the watchlist table's cells (``Qt.AccessibleTextRole``).

Qt's accessibility bridge names a table cell by its ``AccessibleTextRole`` (falling back
to its display text) and describes it by its ``AccessibleDescriptionRole``. The display
texts alone read badly: "BTCUSDT", "104,164.5", "+5.11 %" say nothing about which is
which, and a sign read aloud is easy to miss. So the Symbol cell — where a row starts —
speaks the whole row in words: "BTCUSDT, last 104,164.5, up 5.11 percent"; every other
cell says its column with its value ("last 104,164.5", "24h up 5.11 percent"). Numbers
are the very texts on screen (the exchange's digits at the contract's tick), so what is
heard is what is shown. The movers lists and the strip say their rows the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from PySide6.QtCore import QCoreApplication

from desktop.exchange.display import MINUS
from desktop.qt.watchlist_cells import Cells, Column, header_title, waiting_text

_CONTEXT: Final = "WatchlistSpeech"
#: Columns drawn by a delegate (no display text): their tooltip says what they show.
_PAINTED: Final = (Column.TREND, Column.RANGE)


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def _direction(percent_text: str) -> tuple[int | None, str]:
    """``"+5.11 %"`` → (1, ``"5.11"``); ``"−0.40 %"`` → (−1, …); ``"0.00 %"`` → (0, …);
    ``"—"`` (no 24h open to compare with) → (None, "")."""
    text = percent_text.removesuffix("%").strip()
    if not text or text == "—":
        return None, ""
    if text.startswith("+"):
        return 1, text[1:]
    if text.startswith((MINUS, "-")):
        return -1, text[1:]
    return 0, text


def row_sentence(symbol: str, cells: Cells, stale: bool) -> str:
    """The whole row in words: ``BTCUSDT, last 104,164.5, up 5.11 percent``; ``…, down
    0.40 percent``; ``…, unchanged``; ``BTCUSDT, waiting for price``; with ``, stale``
    when no update came for a while."""
    last = cells.display[Column.LAST]
    if cells.exact[Column.LAST] is None:  # no price yet: the Last cell says why
        if last == waiting_text():
            return price_sentence(symbol, "", "", stale=False)
        return QCoreApplication.translate("WatchlistSpeech", "{symbol}, {state}").format(
            symbol=symbol, state=last
        )
    return price_sentence(symbol, last, cells.display[Column.CHANGE_PERCENT], stale=stale)


def price_sentence(symbol: str, price: str, percent_text: str, *, stale: bool) -> str:
    """``symbol`` at ``price`` (as shown; "" before the first) and ``percent_text`` (the
    24h change as shown, ``+5.11 %``, an arrow before it allowed) in words."""
    if not price:
        return QCoreApplication.translate("WatchlistSpeech", "{symbol}, waiting for price").format(
            symbol=symbol
        )
    sign, percent = _direction(percent_text.lstrip("▲▼■ "))
    if sign is None:
        template = QCoreApplication.translate(
            "WatchlistSpeech", "{symbol}, last {price}, 24h change not known"
        )
    elif sign > 0:
        template = QCoreApplication.translate(
            "WatchlistSpeech", "{symbol}, last {price}, up {percent} percent"
        )
    elif sign < 0:
        template = QCoreApplication.translate(
            "WatchlistSpeech", "{symbol}, last {price}, down {percent} percent"
        )
    else:
        template = QCoreApplication.translate(
            "WatchlistSpeech", "{symbol}, last {price}, unchanged"
        )
    sentence = template.format(symbol=symbol, price=price, percent=percent)
    return (
        QCoreApplication.translate("WatchlistSpeech", "{row}, stale").format(row=sentence)
        if stale
        else sentence
    )


def change_words(percent_text: str) -> str:
    """The 24h % cell in words: ``24h up 5.11 percent`` / ``24h down …`` / ``24h unchanged``."""
    sign, percent = _direction(percent_text)
    if sign is None:
        return QCoreApplication.translate("WatchlistSpeech", "24h change not known")
    if sign > 0:
        return QCoreApplication.translate("WatchlistSpeech", "24h up {percent} percent").format(
            percent=percent
        )
    if sign < 0:
        return QCoreApplication.translate("WatchlistSpeech", "24h down {percent} percent").format(
            percent=percent
        )
    return QCoreApplication.translate("WatchlistSpeech", "24h unchanged")


def cell_words(
    symbol: str,
    col: int,
    cells: Cells,
    stale: bool,
    display: Callable[[], str],
    tooltip: Callable[[], str | None],
) -> str | None:
    """What a screen reader names cell ``col`` of ``symbol``'s row; None: nothing to say
    (an empty cell). ``display`` / ``tooltip``: the cell's own texts, asked only if needed."""
    if col == Column.SYMBOL:
        return row_sentence(symbol, cells, stale)
    if col in _PAINTED:
        tip = tooltip()
        return ", ".join(tip.splitlines()) if tip else None
    text = display()
    if not text:
        return None
    if col == Column.LAST:
        if cells.exact[Column.LAST] is None:
            return text  # "waiting for price", "offline since 12:00"
        return last_words(text)
    if col == Column.CHANGE_PERCENT:
        return change_words(text)
    return column_words(header_title(col), text)


def last_words(price: str) -> str:
    """The Last cell in words: ``last 104,164.5``."""
    return QCoreApplication.translate("WatchlistSpeech", "last {price}").format(price=price)


def column_words(column: str, value: str) -> str:
    """Any other cell: its column's title and its text, ``24h High 105,359.3``."""
    return QCoreApplication.translate("WatchlistSpeech", "{column} {value}").format(
        column=column, value=value
    )
