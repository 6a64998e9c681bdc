"""Watchlists: named lists behind one shown ``Watchlist``; the union is what streams (each
symbol once), pins are global, and the shown list follows switches, moves and deletes."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from desktop.qt.watchlists import DEFAULT_NAME, MAX_LISTS, Watchlists
from tests.qt.market_samples import sample_catalog


def record(signal: Any) -> list[Any]:
    calls: list[Any] = []
    signal.connect(lambda *args: calls.append(args[0] if args else None))
    return calls


@pytest.fixture
def lists(qapp: QApplication) -> Iterator[Watchlists]:
    w = Watchlists(
        [("Majors", ["BTCUSDT", "ETHUSDT"]), ("Alts", ["ETHUSDT", "1000SATSUSDT"])],
        pins=["BTCUSDT", "1000SATSUSDT", "NOTLISTEDUSDT"],
        catalog=sample_catalog(),
    )
    yield w
    w.deleteLater()


def test_starts_on_the_given_list_with_global_pins_shown_where_they_belong(
    lists: Watchlists,
) -> None:
    assert lists.names() == ["Majors", "Alts"]
    assert lists.current.symbols() == ["BTCUSDT", "ETHUSDT"]
    assert lists.pins() == ["BTCUSDT", "1000SATSUSDT"]  # a pin must be on some list
    assert lists.current.pins() == ["BTCUSDT"]
    assert lists.all_symbols() == ["BTCUSDT", "ETHUSDT", "1000SATSUSDT"]
    assert lists.lists_with("ETHUSDT") == ["Majors", "Alts"]


def test_no_lists_means_one_empty_default_list(qapp: QApplication) -> None:
    w = Watchlists()
    assert w.names() == [DEFAULT_NAME] and w.current.symbols() == []
    w.deleteLater()


def test_switching_refills_the_shown_list_and_keeps_pins_global(lists: Watchlists) -> None:
    union = record(lists.symbolsChanged)
    pins = record(lists.pinsChanged)
    current = record(lists.currentChanged)
    lists.set_current(1)
    assert current == [1]
    assert lists.current.symbols() == ["ETHUSDT", "1000SATSUSDT"]
    assert lists.current.pins() == ["1000SATSUSDT"]
    assert lists.pins() == ["BTCUSDT", "1000SATSUSDT"]  # BTCUSDT stays pinned, not shown
    assert union == [] and pins == []  # nothing to subscribe or unpin: only the view changed


def test_a_symbol_on_two_lists_is_in_the_union_once(lists: Watchlists) -> None:
    union = record(lists.symbolsChanged)
    lists.current.add(["ETHUSDT"])  # already there
    lists.set_current(1)
    lists.current.add(["BTCUSDT"])  # on the other list: the union does not change
    assert union == []
    lists.current.add(["ETHUSDC"])
    assert union == [["BTCUSDT", "ETHUSDT", "1000SATSUSDT", "ETHUSDC"]]
    assert lists.symbols_of(1) == ["ETHUSDT", "1000SATSUSDT", "BTCUSDT", "ETHUSDC"]


def test_adding_a_symbol_pinned_elsewhere_shows_it_pinned(lists: Watchlists) -> None:
    lists.set_current(1)
    lists.current.add(["BTCUSDT"])
    assert lists.current.is_pinned("BTCUSDT")
    assert lists.pins() == ["BTCUSDT", "1000SATSUSDT"]


def test_unpinning_in_the_shown_list_unpins_everywhere(lists: Watchlists) -> None:
    lists.set_current(1)
    lists.current.add(["BTCUSDT"])
    lists.current.set_pinned("BTCUSDT", False)
    assert lists.pins() == ["1000SATSUSDT"]
    lists.set_current(0)
    assert lists.current.pins() == []
    lists.current.set_pinned("ETHUSDT", True)
    assert lists.pins() == ["1000SATSUSDT", "ETHUSDT"]


def test_removing_from_one_list_keeps_the_pin_while_another_list_holds_it(
    lists: Watchlists,
) -> None:
    lists.set_current(1)
    lists.current.add(["BTCUSDT"])
    union = record(lists.symbolsChanged)
    lists.current.remove(["BTCUSDT"])
    assert union == [] and lists.pins() == ["BTCUSDT", "1000SATSUSDT"]
    lists.set_current(0)
    lists.current.remove(["BTCUSDT"])  # gone from every list: unsubscribed and unpinned
    assert union == [["ETHUSDT", "1000SATSUSDT"]]
    assert lists.pins() == ["1000SATSUSDT"]


def test_global_set_pinned_works_for_lists_not_shown(lists: Watchlists) -> None:
    lists.set_pinned("1000SATSUSDT", False)
    assert lists.pins() == ["BTCUSDT"]
    lists.set_pinned("1000SATSUSDT", True)
    lists.set_pinned("NOTLISTEDUSDT", True)  # on no list: cannot be pinned
    assert lists.pins() == ["BTCUSDT", "1000SATSUSDT"]
    lists.set_pinned("BTCUSDT", False)  # shown: goes through the shown list
    assert lists.pins() == ["1000SATSUSDT"] and lists.current.pins() == []


def test_add_rename_move_and_remove_lists(lists: Watchlists) -> None:
    changed = record(lists.listsChanged)
    index = lists.add_list()
    assert index == 2 and lists.name(2) == DEFAULT_NAME
    assert lists.add_list("  ") == 3 and lists.name(3) == f"{DEFAULT_NAME} 2"
    assert lists.rename(3, "  Défi\ttokens  ")
    assert lists.name(3) == "Défi tokens"
    assert not lists.rename(3, "   ") and lists.name(3) == "Défi tokens"
    assert lists.rename(3, "x" * 100) and len(lists.name(3)) == 40
    lists.set_current(1)
    lists.move_list(1, 3)  # drag the shown tab to the end: it stays shown
    assert lists.names()[3] == "Alts" and lists.current_index() == 3
    assert lists.current.symbols() == ["ETHUSDT", "1000SATSUSDT"]
    lists.move_list(0, 3)  # the union now follows the new first list
    assert lists.all_symbols()[0] == "ETHUSDT" and lists.current_index() == 2
    assert len(changed) == 6  # two adds, two renames, two moves


def test_removing_the_shown_list_shows_its_neighbour(lists: Watchlists) -> None:
    union = record(lists.symbolsChanged)
    pins = record(lists.pinsChanged)
    lists.set_current(1)
    assert lists.remove_list(1)
    assert lists.names() == ["Majors"] and lists.current_index() == 0
    assert lists.current.symbols() == ["BTCUSDT", "ETHUSDT"]
    assert union == [["BTCUSDT", "ETHUSDT"]]
    assert pins[-1] == ["BTCUSDT"]
    assert not lists.remove_list(0)  # the last list stays


def test_removing_a_list_before_the_shown_one_keeps_showing_it(lists: Watchlists) -> None:
    lists.add_list("Third", ["XAUUSDT"])
    lists.set_current(2)
    current = record(lists.currentChanged)
    assert lists.remove_list(0)
    assert lists.current_index() == 1 and lists.name(1) == "Third"
    assert lists.current.symbols() == ["XAUUSDT"]
    assert current == [1]


def test_add_to_a_list_not_shown(lists: Watchlists) -> None:
    union = record(lists.symbolsChanged)
    assert lists.add_to(1, ["ETHUSDT", "XAUUSDT"]) == ["XAUUSDT"]
    assert union == [["BTCUSDT", "ETHUSDT", "1000SATSUSDT", "XAUUSDT"]]
    assert lists.add_to(0, ["XAUUSDT"]) == ["XAUUSDT"]  # the shown list validates as usual
    assert lists.current.symbols()[-1] == "XAUUSDT"


def test_the_number_of_lists_is_capped(qapp: QApplication) -> None:
    w = Watchlists([(f"L{i}", []) for i in range(MAX_LISTS)])
    assert w.add_list() == -1 and w.count() == MAX_LISTS
    w.deleteLater()
