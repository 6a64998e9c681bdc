"""WatchlistModel and WatchlistProxy: rows follow the watchlist, quotes arrive coalesced,
stale rows grey out, ticks flash and fade, sorting is numeric, drops reorder."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop.exchange.contracts import ContractCatalog, parse_exchange_info
from desktop.qt.quotes import QuoteBook
from desktop.qt.roles import FOREGROUND
from desktop.qt.watchlist import Watchlist
from desktop.qt.watchlist_model import (
    Column,
    Role,
    WatchlistModel,
    contiguous_blocks,
    format_age,
)
from desktop.qt.watchlist_proxy import WatchlistProxy
from tests.qt.market_samples import FakeClock, contract_entry, sample_catalog, ticker

DISPLAY = Qt.ItemDataRole.DisplayRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole


class Rig:
    """A watchlist, a book and a model sharing one fake clock."""

    def __init__(
        self,
        symbols: list[str],
        catalog: ContractCatalog | None = None,
        flush_ms: int | None = None,
        resort_ms: int = 10,
    ) -> None:
        self.clock = FakeClock()
        self.watchlist = Watchlist(
            symbols, catalog=catalog if catalog is not None else sample_catalog()
        )
        self.book = QuoteBook(clock=self.clock, cadence=2.0, flush_ms=flush_ms)
        self.model = WatchlistModel(
            self.watchlist,
            self.book,
            clock=self.clock,
            stale_check_ms=20,
            flash_interval_ms=10,
            resort_ms=resort_ms,
        )

    def push(self, *events: Any) -> None:
        self.book.on_tickers(list(events), self.clock())
        self.book.flush()

    def cell(self, symbol: str, column: Column, role: Any = DISPLAY) -> Any:
        return self.model.data(self.model.index(self.model.row_of(symbol), column), role)


@pytest.fixture
def rig(qapp: QApplication) -> Iterator[Rig]:
    r = Rig(["BTCUSDT", "ETHUSDT", "1000SATSUSDT"])
    yield r
    r.model.deleteLater()


def record(signal: Any) -> list[tuple[Any, ...]]:
    calls: list[tuple[Any, ...]] = []
    signal.connect(lambda *args: calls.append(args))
    return calls


def test_contiguous_blocks_groups_adjacent_rows() -> None:
    assert contiguous_blocks([5, 1, 2, 3, 7, 2]) == [(1, 3), (5, 5), (7, 7)]
    assert contiguous_blocks([]) == []


def test_format_age_uses_seconds_then_minutes_then_hours() -> None:
    assert format_age(9.4) == "9 s"
    assert format_age(130) == "2 min"
    assert format_age(7300) == "2 h"


def test_model_and_proxy_pass_qt_model_tester_through_every_kind_of_change(
    qtmodeltester: ModelTester, rig: Rig
) -> None:
    proxy = WatchlistProxy(rig.model)
    qtmodeltester.check(rig.model)
    qtmodeltester.check(proxy)
    proxy.sort(Column.LAST, Qt.SortOrder.DescendingOrder)
    rig.push(ticker("BTCUSDT", "104250.1"), ticker("ETHUSDT", "3890.55"))
    rig.watchlist.add(["XAUUSDT", "ETHUSDC"])
    rig.watchlist.move("XAUUSDT", 0)
    rig.watchlist.set_order(list(reversed(rig.watchlist.symbols())))
    rig.watchlist.set_pinned("ETHUSDT", True)
    proxy.set_filter_text("eth")
    rig.watchlist.remove(["ETHUSDT", "BTCUSDT"])
    proxy.clear_sort()
    rig.clock.advance(60)
    rig.model.check_stale()
    rig.watchlist.remove(rig.watchlist.symbols())
    assert rig.model.rowCount() == 0


def test_rows_follow_the_watchlist_with_inserts_removes_and_moves_never_a_reset(
    rig: Rig,
) -> None:
    m = rig.model
    inserted, removed, moved = record(m.rowsInserted), record(m.rowsRemoved), record(m.rowsMoved)
    layouts, resets = record(m.layoutChanged), record(m.modelReset)

    rig.watchlist.add(["XAUUSDT", "ETHUSDC"])
    assert [(a[1], a[2]) for a in inserted] == [(3, 4)]
    rig.watchlist.remove(["ETHUSDT", "XAUUSDT"])
    assert [(a[1], a[2]) for a in removed] == [(3, 3), (1, 1)]  # bottom up
    assert m.symbols() == ["BTCUSDT", "1000SATSUSDT", "ETHUSDC"]

    rig.watchlist.move("ETHUSDC", 0)  # one row up
    rig.watchlist.move("ETHUSDC", 2)  # and back down
    assert len(moved) == 2 and not layouts
    rig.watchlist.set_order(["1000SATSUSDT", "ETHUSDC", "BTCUSDT"])  # a rotation: one move
    assert not layouts
    rig.watchlist.set_order(rig.watchlist.symbols()[::-1])  # reversed: no single move does it
    assert layouts, "a general permutation is one layout change"
    assert m.symbols() == rig.watchlist.symbols()
    assert [m.index(r, 0).data() for r in range(m.rowCount())] == rig.watchlist.symbols()
    assert not resets


def test_a_burst_of_5000_events_for_50_symbols_in_one_delivery_is_one_data_changed() -> None:
    symbols = [f"S{i:02d}USDT" for i in range(50)]
    r = Rig(symbols, catalog=ContractCatalog())
    changes = record(r.model.dataChanged)
    burst = [ticker(symbols[n % 50], f"{100 + n}.5") for n in range(5000)]
    r.book.on_tickers(burst, r.clock())  # what one socket read hands over
    assert len(changes) == 1, "announced once, before the delivery returns"
    top_left, bottom_right = changes[0][0], changes[0][1]
    assert (top_left.row(), top_left.column()) == (0, 0)
    assert (bottom_right.row(), bottom_right.column()) == (49, len(Column) - 1)
    assert r.cell("S49USDT", Column.LAST) == "5,099.5"


def test_with_a_flush_timer_separate_deliveries_are_one_data_changed(qtbot: QtBot) -> None:
    symbols = [f"S{i:02d}USDT" for i in range(50)]
    r = Rig(symbols, catalog=ContractCatalog(), flush_ms=50)
    changes = record(r.model.dataChanged)
    for n in range(5000):
        r.book.on_tickers([ticker(symbols[n % 50], f"{100 + n}.5")], r.clock())
    assert not changes, "nothing reaches the view before the book's timer fires"
    with qtbot.waitSignal(r.book.quotesChanged, timeout=2000):
        pass
    assert len(changes) == 1
    assert r.cell("S49USDT", Column.LAST) == "5,099.5"


def test_quote_changes_are_announced_once_per_contiguous_block(rig: Rig) -> None:
    rig.watchlist.add(["XAUUSDT", "ETHUSDC"])  # rows 3, 4
    changes = record(rig.model.dataChanged)
    rig.push(
        ticker("BTCUSDT", "1"),
        ticker("ETHUSDT", "2"),
        ticker("ETHUSDC", "3"),
        ticker("NOTWATCHED", "4"),
    )
    assert sorted((c[0].row(), c[1].row()) for c in changes) == [(0, 1), (4, 4)]


def test_scattered_rows_are_one_span_unless_the_proxy_filters(qtbot: QtBot) -> None:
    symbols = [f"S{i:02d}USDT" for i in range(40)]
    r = Rig(symbols, catalog=ContractCatalog())
    proxy = WatchlistProxy(r.model)
    r.push(*(ticker(s, "1") for s in symbols))
    every_other = symbols[::2]  # 20 separate blocks
    changes = record(r.model.dataChanged)
    r.push(*(ticker(s, "1.5") for s in every_other))
    assert [(c[0].row(), c[1].row()) for c in changes] == [(0, 38)], "one span"

    # Sorted too: the model sorts, so the proxy has nothing to re-sort in a span.
    proxy.sort(Column.LAST, Qt.SortOrder.DescendingOrder)
    changes.clear()
    r.push(*(ticker(s, str(n + 2)) for n, s in enumerate(every_other)))
    assert len(changes) == 1

    def top_three() -> list[str]:
        return [proxy.index(i, 0).data() for i in range(3)]

    qtbot.waitUntil(lambda: top_three() == [every_other[-1], every_other[-2], every_other[-3]])

    proxy.clear_sort()
    proxy.set_filter_text("S1")  # filtered: exact rows too
    changes.clear()
    r.push(*(ticker(s, "9") for s in every_other))
    assert len(changes) == len(every_other)
    proxy.set_filter_text("")
    changes.clear()
    r.push(*(ticker(s, "10") for s in every_other))
    assert len(changes) == 1


def test_prices_use_tick_precision_and_separators_volumes_abbreviated_with_exact_tooltip(
    rig: Rig,
) -> None:
    rig.push(
        ticker("BTCUSDT", "104250.1", open="100000", high="105000", low="99000.5"),
        ticker("1000SATSUSDT", "0.00004", open="0.0000410"),
    )
    # tick 0.10: one decimal, the exchange's own digits, thousands separated
    assert rig.cell("BTCUSDT", Column.LAST) == "104,250.1"
    assert rig.cell("BTCUSDT", Column.HIGH) == "105,000.0"
    assert rig.cell("BTCUSDT", Column.LOW) == "99,000.5"
    assert rig.cell("BTCUSDT", Column.CHANGE) == "+4,250.1"
    assert rig.cell("BTCUSDT", Column.CHANGE_PERCENT) == "+4.25 %"
    assert rig.cell("1000SATSUSDT", Column.LAST) == "0.0000400"
    assert rig.cell("1000SATSUSDT", Column.CHANGE) == "\u22120.0000010"
    assert rig.cell("BTCUSDT", Column.BASE_VOLUME) == "1.23 M"
    assert "1,234,567.891 BTC" in rig.cell("BTCUSDT", Column.BASE_VOLUME, TOOLTIP)
    assert rig.cell("BTCUSDT", Column.QUOTE_VOLUME) == "98.77 B"
    assert "98,765,432,109.5 USDT" in rig.cell("BTCUSDT", Column.QUOTE_VOLUME, TOOLTIP)
    assert rig.cell("BTCUSDT", Column.LAST, Role.ExactRole) == "104250.1"
    assert rig.cell("1000SATSUSDT", Column.LAST, Role.ExactRole) == "0.00004"


def test_numbers_are_right_aligned_in_a_tabular_digit_font(rig: Rig) -> None:
    rig.push(ticker("BTCUSDT", "1"))
    align = Qt.ItemDataRole.TextAlignmentRole
    assert rig.cell("BTCUSDT", Column.LAST, align) & Qt.AlignmentFlag.AlignRight
    assert rig.cell("BTCUSDT", Column.SYMBOL, align) & Qt.AlignmentFlag.AlignLeft
    font: QFont = rig.cell("BTCUSDT", Column.LAST, Qt.ItemDataRole.FontRole)
    assert font.featureValue(QFont.Tag("tnum")) == 1


def test_change_columns_are_green_up_and_red_down(rig: Rig) -> None:
    rig.push(ticker("BTCUSDT", "110", open="100"), ticker("ETHUSDT", "90", open="100"))
    fg = Qt.ItemDataRole.ForegroundRole
    up: QBrush = rig.cell("BTCUSDT", Column.CHANGE_PERCENT, fg)
    down: QBrush = rig.cell("ETHUSDT", Column.CHANGE, fg)
    assert up.color().green() > up.color().red()
    assert down.color().red() > down.color().green()
    assert rig.cell("BTCUSDT", Column.LAST, fg) is None


def test_a_symbol_without_a_quote_says_why_it_waits(rig: Rig) -> None:
    assert rig.cell("ETHUSDT", Column.LAST) == "waiting for price"
    assert rig.cell("ETHUSDT", Column.HIGH) == "", "no row of bare dashes"
    tip = rig.cell("ETHUSDT", Column.LAST, TOOLTIP)
    assert tip == "Waiting for price from the exchange: none for ETHUSDT has arrived yet"
    assert rig.cell("ETHUSDT", Column.LAST, Role.SortRole) is None
    assert rig.cell("ETHUSDT", Column.SYMBOL) == "ETHUSDT"


def test_a_symbol_the_exchange_does_not_list_is_greyed_and_says_so(rig: Rig) -> None:
    rig.watchlist = Watchlist(["GONEUSDT", "OLDUSDT"], catalog=sample_catalog())
    model = WatchlistModel(rig.watchlist, rig.book, clock=rig.clock)
    tip = model.index(0, Column.SYMBOL).data(TOOLTIP)
    assert "does not list GONEUSDT" in tip
    assert "not trading: SETTLING" in model.index(1, Column.LAST).data(TOOLTIP)
    muted = model.index(0, Column.SYMBOL).data(Qt.ItemDataRole.ForegroundRole)
    assert isinstance(muted, QBrush)
    assert model.index(0, 0).data(Role.KnownRole) is False


def test_an_empty_catalog_marks_nothing_unknown(qapp: QApplication) -> None:
    r = Rig(["ANYUSDT"], catalog=ContractCatalog())
    assert r.cell("ANYUSDT", Column.SYMBOL, Role.KnownRole) is True
    assert r.cell("ANYUSDT", Column.SYMBOL, Qt.ItemDataRole.ForegroundRole) is None


def test_stale_rows_flip_grey_and_italic_and_back_with_one_signal_each(
    qtbot: QtBot, rig: Rig
) -> None:
    rig.push(ticker("BTCUSDT", "1"), ticker("ETHUSDT", "2"))
    rig.clock.advance(3)
    rig.push(ticker("ETHUSDT", "2"))  # ETH stays fresh longer
    changes = record(rig.model.dataChanged)

    rig.clock.advance(4)  # BTC: 7 s without a push > 3 × 2 s
    rig.model.check_stale()
    assert [(c[0].row(), c[1].row()) for c in changes] == [(0, 0)]
    assert rig.cell("BTCUSDT", Column.LAST, Role.StaleRole) is True
    assert rig.cell("ETHUSDT", Column.LAST, Role.StaleRole) is False
    assert rig.cell("BTCUSDT", Column.LAST, TOOLTIP).startswith("stale — no update for 7 s")
    assert rig.cell("BTCUSDT", Column.LAST, Qt.ItemDataRole.FontRole).italic()
    assert isinstance(rig.cell("BTCUSDT", Column.LAST, Qt.ItemDataRole.ForegroundRole), QBrush)

    rig.model.check_stale()
    assert len(changes) == 1, "no signal when nothing flipped"

    rig.clock.advance(2.5)  # ETH now stale too, via the model's own 1 s (here 20 ms) timer
    qtbot.waitUntil(lambda: rig.cell("ETHUSDT", Column.LAST, Role.StaleRole) is True)
    rig.push(ticker("BTCUSDT", "1"))
    assert rig.cell("BTCUSDT", Column.LAST, Role.StaleRole) is False
    assert not rig.cell("BTCUSDT", Column.LAST, Qt.ItemDataRole.FontRole).italic()


def test_a_rest_snapshot_shows_as_stale_until_the_first_push(rig: Rig) -> None:
    rig.book.seed([ticker("BTCUSDT", "5")])
    rig.book.flush()
    assert rig.cell("BTCUSDT", Column.LAST) == "5.0"
    assert rig.cell("BTCUSDT", Column.LAST, Role.StaleRole) is True
    assert "waiting for the live stream" in rig.cell("BTCUSDT", Column.LAST, TOOLTIP)
    rig.push(ticker("BTCUSDT", "5"))
    assert rig.cell("BTCUSDT", Column.LAST, Role.StaleRole) is False


def test_updated_shows_local_time_and_tooltip_gives_age_and_exchange_time(rig: Rig) -> None:
    rig.push(ticker("BTCUSDT", "1"))
    text = rig.cell("BTCUSDT", Column.UPDATED)
    assert len(text) == 8 and text[2] == ":" and text[5] == ":"
    rig.clock.advance(3)
    tip = rig.cell("BTCUSDT", Column.UPDATED, TOOLTIP)
    assert "Updated 3 s ago" in tip and "Exchange time" in tip


def test_an_up_tick_flashes_the_last_cell_green_and_fades_out(qtbot: QtBot, rig: Rig) -> None:
    rig.push(ticker("BTCUSDT", "100"))
    assert not rig.model.flash_active(), "a first price is not a tick"
    changes = record(rig.model.dataChanged)
    rig.push(ticker("BTCUSDT", "101"))
    assert rig.model.flash_active()
    assert rig.cell("BTCUSDT", Column.LAST, Role.FlashRole) == pytest.approx(1.0)
    assert rig.cell("BTCUSDT", Column.LAST, Role.DirectionRole) == 1
    bg: QBrush = rig.cell("BTCUSDT", Column.LAST, Qt.ItemDataRole.BackgroundRole)
    assert bg.color().green() > bg.color().red() and bg.color().alpha() > 0
    assert rig.cell("BTCUSDT", Column.CHANGE, Qt.ItemDataRole.BackgroundRole) is None

    changes.clear()
    rig.clock.advance(0.5)
    qtbot.waitUntil(lambda: len(changes) > 0)
    assert rig.cell("BTCUSDT", Column.LAST, Role.FlashRole) == pytest.approx(0.5)
    half: QBrush = rig.cell("BTCUSDT", Column.LAST, Qt.ItemDataRole.BackgroundRole)
    assert 0 < half.color().alpha() < bg.color().alpha()
    # the animation touches only the Last column of flashing rows
    assert {(c[0].column(), c[1].column(), c[0].row()) for c in changes} == {(1, 1, 0)}

    rig.clock.advance(0.6)
    qtbot.waitUntil(lambda: not rig.model.flash_active())
    assert rig.cell("BTCUSDT", Column.LAST, Qt.ItemDataRole.BackgroundRole) is None
    assert rig.cell("BTCUSDT", Column.LAST, Role.FlashRole) == 0.0


def test_a_down_tick_flashes_red_and_flashes_can_be_turned_off(rig: Rig) -> None:
    rig.push(ticker("ETHUSDT", "100"))
    rig.push(ticker("ETHUSDT", "99"))
    bg: QBrush = rig.cell("ETHUSDT", Column.LAST, Qt.ItemDataRole.BackgroundRole)
    assert bg.color().red() > bg.color().green()
    rig.model.set_flash_enabled(False)
    assert not rig.model.flash_active()
    rig.push(ticker("ETHUSDT", "98"))
    assert rig.cell("ETHUSDT", Column.LAST, Role.FlashRole) == 0.0


def test_an_unchanged_price_does_not_flash(rig: Rig) -> None:
    rig.push(ticker("BTCUSDT", "100"))
    rig.push(ticker("BTCUSDT", "100", high="120"))
    assert not rig.model.flash_active()


def test_pinned_symbols_are_bold(rig: Rig) -> None:
    changes = record(rig.model.dataChanged)
    rig.watchlist.set_pinned("ETHUSDT", True)
    assert [(c[0].row(), c[0].column(), c[1].column()) for c in changes] == [(1, 0, 0)]
    assert rig.cell("ETHUSDT", Column.SYMBOL, Qt.ItemDataRole.FontRole).bold()
    assert rig.cell("ETHUSDT", Column.SYMBOL, Role.PinnedRole) is True
    assert "Pinned to the tray" in rig.cell("ETHUSDT", Column.SYMBOL, TOOLTIP)


def test_the_proxy_sorts_numerically_never_by_display_text(qtbot: QtBot, rig: Rig) -> None:
    rig.push(ticker("BTCUSDT", "100000"), ticker("ETHUSDT", "9.5"), ticker("1000SATSUSDT", "10.25"))
    proxy = WatchlistProxy(rig.model)
    proxy.sort(Column.LAST, Qt.SortOrder.AscendingOrder)
    order = [proxy.index(r, 0).data() for r in range(proxy.rowCount())]
    assert order == ["ETHUSDT", "1000SATSUSDT", "BTCUSDT"]
    rig.push(ticker("ETHUSDT", "200000"))  # live re-sort
    qtbot.waitUntil(lambda: proxy.index(2, 0).data() == "ETHUSDT")
    proxy.clear_sort()
    assert proxy.is_manual_order()
    assert [proxy.index(r, 0).data() for r in range(3)] == rig.watchlist.symbols()


def test_the_proxy_filters_by_symbol_in_any_case_and_script(qapp: QApplication) -> None:
    r = Rig(["BTCUSDT", "BTCUSDT_261225", "ETHUSDT", "币安人生USDT"])
    proxy = WatchlistProxy(r.model)

    def shown() -> list[str]:
        return [proxy.index(i, 0).data() for i in range(proxy.rowCount())]

    proxy.set_filter_text(" btc ")
    assert shown() == ["BTCUSDT", "BTCUSDT_261225"]
    proxy.set_filter_text("币安")
    assert shown() == ["币安人生USDT"]
    proxy.set_filter_text("_26")
    assert shown() == ["BTCUSDT_261225"]
    proxy.set_filter_text("")
    assert len(shown()) == 4


def test_dropping_rows_reorders_the_watchlist_only_in_manual_order(rig: Rig) -> None:
    proxy = WatchlistProxy(rig.model)
    mime = proxy.mimeData([proxy.index(2, 0), proxy.index(2, 3)])
    assert mime.text() == "1000SATSUSDT"
    assert proxy.flags(proxy.index(0, 0)) & Qt.ItemFlag.ItemIsDragEnabled
    assert proxy.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert rig.watchlist.symbols() == ["1000SATSUSDT", "BTCUSDT", "ETHUSDT"]
    # dropping onto a row puts the dragged rows before it; at the end appends
    mime = rig.model.mimeData([rig.model.index(0, 0)])
    assert rig.model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, QModelIndex())
    assert rig.watchlist.symbols() == ["BTCUSDT", "ETHUSDT", "1000SATSUSDT"]

    proxy.sort(Column.SYMBOL, Qt.SortOrder.AscendingOrder)
    assert not proxy.flags(proxy.index(0, 0)) & Qt.ItemFlag.ItemIsDragEnabled
    assert not proxy.canDropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert not proxy.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert rig.watchlist.symbols() == ["BTCUSDT", "ETHUSDT", "1000SATSUSDT"]


def test_refresh_re_renders_after_the_catalog_loads(qapp: QApplication) -> None:
    r = Rig(["BTCUSDT"], catalog=ContractCatalog())
    r.push(ticker("BTCUSDT", "1.5"))
    assert r.cell("BTCUSDT", Column.LAST) == "1.5"
    r.watchlist.catalog = ContractCatalog(
        parse_exchange_info({"symbols": [contract_entry("BTCUSDT", tick="0.01")]})
    )
    changes = record(r.model.dataChanged)
    r.model.refresh()
    assert len(changes) == 1
    assert r.cell("BTCUSDT", Column.LAST) == "1.50"


def test_proxy_is_a_sort_filter_proxy_with_numeric_sort_role(rig: Rig) -> None:
    proxy = WatchlistProxy(rig.model)
    assert isinstance(proxy, QSortFilterProxyModel)
    assert proxy.sortRole() == Role.SortRole
    assert proxy.sortColumn() == -1


def test_the_paint_role_follows_every_change_of_the_cell(rig: Rig) -> None:
    paint_role = int(Role.PaintRole)

    def painted(symbol: str, column: Column) -> Any:
        index = rig.model.index(rig.model.row_of(symbol), column)
        via_data, direct = index.data(paint_role), rig.model.paint_at(index)
        assert via_data == direct
        return direct

    rig.push(ticker("BTCUSDT", "97000.1", open="96000"))
    first = painted("BTCUSDT", Column.LAST)
    assert first.text == rig.cell("BTCUSDT", Column.LAST)
    rig.push(ticker("BTCUSDT", "97010.4", open="96000", event_time=1_767_225_602_000))
    again = painted("BTCUSDT", Column.LAST)
    assert again.text == rig.cell("BTCUSDT", Column.LAST) != first.text
    assert again.background is not None, "an up-tick flashes the Last cell"
    change = painted("BTCUSDT", Column.CHANGE)
    assert change.foreground == rig.cell("BTCUSDT", Column.CHANGE, FOREGROUND).color()
    rig.clock.advance(60)
    rig.model.check_stale()
    stale = painted("BTCUSDT", Column.CHANGE)
    assert stale.foreground == rig.cell("BTCUSDT", Column.CHANGE, FOREGROUND).color()
    assert stale.foreground != change.foreground, "a stale row is drawn muted"
    assert stale.font.italic()


def test_changed_columns_names_the_cells_a_tick_changed_once(rig: Rig) -> None:
    model, row = rig.model, rig.model.row_of("BTCUSDT")
    assert model.changed_columns(row) is None, "never drawn: nothing to compare with"
    rig.push(ticker("BTCUSDT", "100", open="90", high="120", low="80"))
    model.paint_at(model.index(row, Column.SYMBOL))  # drawn as a view would
    rig.push(ticker("BTCUSDT", "101", open="90", high="120", low="80", base_volume="7"))
    changed = model.changed_columns(row)
    assert changed is not None
    assert set(changed) == {
        Column.LAST,
        Column.CHANGE,
        Column.CHANGE_PERCENT,
        Column.BASE_VOLUME,
        Column.RANGE,  # the mark moved along the 24h range
    }
    assert model.changed_columns(row) is None, "asked once per announcement"

    rig.clock.advance(60)  # stale: grey and italic throughout
    model.check_stale()
    assert set(model.changed_columns(row) or []) >= set(Column) - {Column.RANGE}


def test_a_fade_step_over_scattered_rows_is_one_announcement(qtbot: QtBot, rig: Rig) -> None:
    rig.push(ticker("BTCUSDT", "100"), ticker("1000SATSUSDT", "1"), ticker("ETHUSDT", "50"))
    rig.push(ticker("BTCUSDT", "101"), ticker("1000SATSUSDT", "2"))  # rows 0 and 2 flash
    changes = record(rig.model.dataChanged)
    rig.clock.advance(0.4)
    qtbot.waitUntil(lambda: len(changes) > 0)
    assert [(c[0].row(), c[1].row(), c[0].column(), c[1].column()) for c in changes[:1]] == [
        (0, 2, Column.LAST, Column.LAST)
    ]
    assert rig.model.rows_in_span() is None, "told only while it is announced"


def test_a_span_names_its_changed_rows_while_it_is_delivered(qtbot: QtBot) -> None:
    """``RepaintHints.rows_in_span``: what a span covers but did not change stays unpainted."""
    symbols = [f"S{i:02d}USDT" for i in range(40)]
    r = Rig(symbols, catalog=ContractCatalog())
    r.push(*(ticker(s, "1") for s in symbols))
    seen: list[frozenset[int] | None] = []
    r.model.dataChanged.connect(lambda *_: seen.append(r.model.rows_in_span()))
    r.push(*(ticker(s, "1.5") for s in symbols[::2]))  # 20 separate blocks: one span
    assert seen == [frozenset(range(0, 40, 2))]
    assert r.model.rows_in_span() is None, "told only while it is announced"
    seen.clear()
    r.push(ticker("S05USDT", "2"))  # one block: Qt's own contract, every row in it changed
    assert seen == [None]
