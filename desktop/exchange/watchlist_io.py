"""Watchlists in and out: what an imported file holds, and what an export writes.

Import reads what traders actually have: a plain list of symbols (one per line, or
separated by commas or spaces), a CSV file with a ``symbol`` column (and optionally a
``watchlist`` column, as MiniTicker's own export writes), MiniTicker's JSON export, and a
TradingView watchlist export (``###Section`` entries and ``EXCHANGE:SYMBOL`` entries such
as ``BINANCE:BTCUSDT.P``, each section its own watchlist). Nothing is dropped silently:
every entry that is not taken comes back in ``ImportResult.skipped`` with its reason, and
entries taken after a change (a TradingView spot entry read as the futures contract of the
same name) come back in ``ImportResult.converted``. Reasons are codes, not sentences: the
window words them in the user's language.

Export writes the exchange's exact decimal strings (never a rounded float) with the time
of each price and of the export.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import Enum
from typing import Final

from desktop.exchange.contracts import ContractCatalog
from desktop.exchange.symbols import SymbolError, normalize_symbol
from desktop.exchange.ticker import MiniTicker

MAX_IMPORT_BYTES: Final = 2_000_000  # a watchlist file is a few kB; refuse a wrong file early
TRADINGVIEW_SECTION: Final = "###"
PERPETUAL_SUFFIX: Final = ".P"
BINANCE: Final = "BINANCE"
JSON_FORMAT: Final = "miniticker-watchlists"
JSON_VERSION: Final = 1


class Skip(Enum):
    """Why an entry of an imported file was not taken."""

    MALFORMED = "malformed"  # not a symbol name at all
    OTHER_EXCHANGE = "other-exchange"  # e.g. BYBIT:BTCUSDT.P, NASDAQ:AAPL
    COIN_MARGINED = "coin-margined"  # BTCUSD_PERP and friends: not USDⓈ-M
    UNKNOWN = "unknown"  # well-formed, but Binance USDⓈ-M lists no such contract
    NOT_TRADING = "not-trading"  # listed, but settling or delisted


@dataclass(frozen=True, slots=True)
class Skipped:
    """One entry not taken: where it stood (1-based line), what it said, and why."""

    line: int
    text: str
    reason: Skip


@dataclass(slots=True)
class ImportedList:
    """One watchlist of an imported file; ``name`` is None where the file names none."""

    name: str | None
    symbols: list[str] = field(default_factory=list)


@dataclass(slots=True)
class ImportResult:
    """What a file gave: the lists to add, and every entry that was not taken as written."""

    lists: list[ImportedList]
    skipped: list[Skipped]
    converted: list[tuple[str, str]]  # (entry as written, symbol taken)
    checked: bool  # False where no contract list was at hand to check the symbols against

    @property
    def symbol_count(self) -> int:
        return sum(len(imported.symbols) for imported in self.lists)


class Unreadable(Enum):
    """Why a whole file cannot be read as watchlists."""

    TOO_LARGE = "too-large"
    NOT_TEXT = "not-text"
    BROKEN_JSON = "broken-json"
    NO_WATCHLISTS = "no-watchlists"


class WatchlistFileError(ValueError):
    """The file cannot be read as a watchlist at all; ``reason`` says why."""

    def __init__(self, reason: Unreadable, detail: str = "") -> None:
        super().__init__(f"{reason.value}: {detail}" if detail else reason.value)
        self.reason = reason
        self.detail = detail


def coin_margined(symbol: str) -> bool:
    """``BTCUSD_PERP``, ``ETHUSD_250328``: COIN-M names (USDⓈ-M ones end in USDT/USDC/…)."""
    return symbol.endswith("_PERP") or symbol.partition("_")[0].endswith("USD")


@dataclass(slots=True)
class _Collector:
    catalog: ContractCatalog
    lists: list[ImportedList] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    converted: list[tuple[str, str]] = field(default_factory=list)

    def start(self, name: str | None) -> ImportedList:
        for existing in self.lists:
            if existing.name == name:
                return existing
        imported = ImportedList(name)
        self.lists.append(imported)
        return imported

    def take(self, target: ImportedList, line: int, entry: str) -> None:
        text = entry.strip()
        if not text:
            return
        exchange, sep, rest = text.partition(":")
        written = text
        if sep:
            if exchange.strip().upper() != BINANCE:
                self.skipped.append(Skipped(line, written, Skip.OTHER_EXCHANGE))
                return
            text = rest.strip()
            spot = not text.upper().endswith(PERPETUAL_SUFFIX)
            if not spot:
                text = text[: -len(PERPETUAL_SUFFIX)]
        else:
            spot = False
        try:
            symbol = normalize_symbol(text)
        except SymbolError:
            self.skipped.append(Skipped(line, written, Skip.MALFORMED))
            return
        reason = self._refusal(symbol)
        if reason is not None:
            self.skipped.append(Skipped(line, written, reason))
            return
        if spot:  # TradingView's BINANCE:BTCUSDT is the spot market; we show the futures
            self.converted.append((written, symbol))
        if symbol not in target.symbols:
            target.symbols.append(symbol)

    def _refusal(self, symbol: str) -> Skip | None:
        contract = self.catalog.get(symbol)
        if contract is None and coin_margined(symbol):
            return Skip.COIN_MARGINED
        if len(self.catalog) == 0:
            return None  # nothing to check against: the stream will say if it is unknown
        if contract is None:
            return Skip.UNKNOWN
        if not contract.is_trading:
            return Skip.NOT_TRADING
        return None

    def result(self) -> ImportResult:
        lists = [imported for imported in self.lists if imported.symbols]
        return ImportResult(lists, self.skipped, self.converted, checked=len(self.catalog) > 0)


def parse_import(data: bytes, catalog: ContractCatalog) -> ImportResult:
    """Read an imported file's bytes; raise ``WatchlistFileError`` if it holds no watchlist."""
    if len(data) > MAX_IMPORT_BYTES:
        raise WatchlistFileError(Unreadable.TOO_LARGE, f"{len(data):,} bytes")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise WatchlistFileError(Unreadable.NOT_TEXT) from exc
    if "\x00" in text:
        raise WatchlistFileError(Unreadable.NOT_TEXT)
    collector = _Collector(catalog)
    stripped = text.lstrip()
    if stripped.startswith("{"):
        _read_json(stripped, collector)
    elif _csv_header(text) is not None:
        _read_csv(text, collector)
    else:
        _read_plain(text, collector)
    return collector.result()


def _read_plain(text: str, collector: _Collector) -> None:
    """Plain lists and TradingView exports: entries split by commas, spaces and lines."""
    current = collector.start(None)
    for number, line in enumerate(text.splitlines(), start=1):
        if line.lstrip().startswith("#") and not line.lstrip().startswith(TRADINGVIEW_SECTION):
            continue  # a comment line
        for raw in line.split(","):
            entry = raw.strip()
            if entry.startswith(TRADINGVIEW_SECTION):
                name = entry[len(TRADINGVIEW_SECTION) :].strip()
                current = collector.start(name or None)
                continue
            for part in entry.split():
                collector.take(current, number, part)


def _csv_header(text: str) -> list[str] | None:
    first = text.lstrip("\ufeff").splitlines()[:1]
    if not first:
        return None
    header = [cell.strip().lower() for cell in next(csv.reader(first))]
    return header if "symbol" in header else None


def _read_csv(text: str, collector: _Collector) -> None:
    reader = csv.reader(io.StringIO(text))
    header = [cell.strip().lower() for cell in next(reader)]
    symbol_at = header.index("symbol")
    list_at = header.index("watchlist") if "watchlist" in header else None
    for number, row in enumerate(reader, start=2):
        if not row or not any(cell.strip() for cell in row):
            continue
        if symbol_at >= len(row):
            collector.skipped.append(Skipped(number, ",".join(row), Skip.MALFORMED))
            continue
        name = row[list_at].strip() or None if list_at is not None and list_at < len(row) else None
        collector.take(collector.start(name), number, row[symbol_at])


def _read_json(text: str, collector: _Collector) -> None:
    try:
        document = json.loads(text)
    except ValueError as exc:
        raise WatchlistFileError(Unreadable.BROKEN_JSON, str(exc)) from exc
    lists = document.get("watchlists") if isinstance(document, dict) else None
    if not isinstance(lists, list):
        raise WatchlistFileError(Unreadable.NO_WATCHLISTS)
    for entry in lists:
        if not isinstance(entry, dict) or not isinstance(entry.get("symbols"), list):
            raise WatchlistFileError(Unreadable.NO_WATCHLISTS)
        name = entry.get("name")
        target = collector.start(name if isinstance(name, str) and name.strip() else None)
        for symbol in entry["symbols"]:
            collector.take(target, 0, symbol if isinstance(symbol, str) else repr(symbol))


# --- export ---------------------------------------------------------------------------

EXPORT_COLUMNS: Final = (
    "watchlist",
    "symbol",
    "last",
    "open_24h",
    "change_24h",
    "change_24h_percent",
    "high_24h",
    "low_24h",
    "base_volume",
    "quote_volume",
    "price_time_utc",
)


def _iso(ms: int | float) -> str:
    return datetime.fromtimestamp(ms / 1000, UTC).isoformat(timespec="milliseconds")


def export_row(watchlist: str, symbol: str, ticker: MiniTicker | None) -> dict[str, str]:
    """One row: the exchange's exact strings; empty cells where no price has come yet."""
    row = dict.fromkeys(EXPORT_COLUMNS, "")
    row["watchlist"] = watchlist
    row["symbol"] = symbol
    if ticker is None:
        return row
    change = ticker.close - ticker.open
    row.update(
        last=ticker.close_text,
        open_24h=ticker.open_text,
        change_24h=str(change),
        change_24h_percent=(
            "" if ticker.open == 0 else str(round(change / ticker.open * 100, 4).normalize())
        ),
        high_24h=ticker.high_text,
        low_24h=ticker.low_text,
        base_volume=ticker.base_volume_text,
        quote_volume=ticker.quote_volume_text,
        price_time_utc=_iso(ticker.event_time),
    )
    return row


def export_rows(
    lists: Sequence[tuple[str, Sequence[str]]], ticker_of: Callable[[str], MiniTicker | None]
) -> list[dict[str, str]]:
    return [
        export_row(name, symbol, ticker_of(symbol)) for name, symbols in lists for symbol in symbols
    ]


def to_csv(rows: Iterable[dict[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=EXPORT_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def to_tsv(rows: Iterable[dict[str, str]], columns: Sequence[str] = EXPORT_COLUMNS[1:]) -> str:
    """Tab-separated text with a header line, as spreadsheets paste it."""
    lines = ["\t".join(columns)]
    lines += ["\t".join(row.get(column, "") for column in columns) for row in rows]
    return "\n".join(lines) + "\n"


def to_json(
    lists: Sequence[tuple[str, Sequence[str]]],
    ticker_of: Callable[[str], MiniTicker | None],
    *,
    pins: Sequence[str] = (),
    source: str = "live",
    exported_at: float,
) -> str:
    """MiniTicker's JSON export; ``parse_import`` reads it back list for list."""
    document: dict[str, object] = {
        "format": JSON_FORMAT,
        "version": JSON_VERSION,
        "exported_at_utc": _iso(exported_at * 1000),
        "source": source,
        "pins": list(pins),
        "watchlists": [
            {
                "name": name,
                "symbols": list(symbols),
                "rows": [export_row(name, symbol, ticker_of(symbol)) for symbol in symbols],
            }
            for name, symbols in lists
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
