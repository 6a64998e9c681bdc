"""The contract list and a first price snapshot, loaded once the window shows."""

from __future__ import annotations

import asyncio
import logging
import time

from PySide6.QtCore import QCoreApplication

from desktop.app.parts import Parts
from desktop.exchange.contracts import ContractCatalog
from desktop.exchange.metadata import LIVE, MetadataStore
from desktop.exchange.rest import RestClient, RestError
from desktop.settings.paths import move_legacy_cache
from desktop.ui.symbol_picker import SymbolPicker

log = logging.getLogger(__name__)
translate = QCoreApplication.translate


async def load_metadata(parts: Parts, rest: RestClient) -> None:
    """Contract list (live, else cached) and a price snapshot; never blocks the loop."""
    if parts.options.legacy_cache_dir is not None:  # once: the cache left the settings folder
        await asyncio.to_thread(
            move_legacy_cache, parts.options.legacy_cache_dir, parts.options.cache_dir
        )
    store = MetadataStore(parts.options.cache_dir, rest)
    picker = parts.window.picker
    try:
        catalog, source = await store.load()
    except RestError as exc:
        reason = str(exc)
        log.warning("contract list unavailable: %s", reason)
        if isinstance(picker, SymbolPicker):
            picker.set_unavailable_reason(reason)
        parts.window.contract_list_failed(reason)
        return
    _apply_catalog(parts, catalog, source)
    try:
        snapshot = await rest.ticker_24hr()
    except RestError as exc:
        log.info("no 24h snapshot: %s", exc)
        return
    watched = set(parts.watchlists.all_symbols())
    parts.book.seed(
        (t for t in snapshot if t.symbol in watched or t.symbol in catalog), time.time()
    )


async def load_cached(parts: Parts, rest: RestClient) -> None:
    """A replay's contract list: the one saved by an earlier live run, if any."""
    cached = await MetadataStore(parts.options.cache_dir, rest).load_cached()
    if cached is not None:
        _apply_catalog(parts, cached, "live")  # not a failure to report: nothing was asked


def _apply_catalog(parts: Parts, catalog: ContractCatalog, source: str) -> None:
    parts.watchlist.catalog = catalog
    parts.contracts.set_catalog(catalog)
    parts.tray.set_catalog(catalog)
    parts.movers.panel.set_catalog(catalog)
    parts.window.model.refresh()
    picker = parts.window.picker
    if isinstance(picker, SymbolPicker):
        picker.set_source_text("" if source == LIVE else source)
    if source != LIVE:  # "cached from <when> UTC (exchange unreachable: …)"
        saved = source.removeprefix("cached from ").split(" (", 1)[0]
        parts.window.contract_list_failed(source, saved_at=saved)
    unknown = [s for s in parts.watchlists.all_symbols() if s not in catalog]
    if unknown:
        parts.window.show_message(
            translate(
                "app",
                "Binance does not list %1 (any more). They stay in your "
                "watchlist, greyed out, until you remove them.",
            ).replace("%1", ", ".join(unknown)),
            "warning",
        )
