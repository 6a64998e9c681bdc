"""Down spells per connection: "was this stream carried by a live connection all along?"."""

from __future__ import annotations

import pytest

from desktop.stream.outages import Outages


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now

    def at(self, when: float) -> None:
        self.now = when


def outages(clock: Clock) -> Outages:
    """Connection 0 carries "a", connection 1 carries "b", both live from t=100."""
    book = Outages(clock)
    book.carry(0, ["a"])
    book.carry(1, ["b"])
    book.note(0, True)
    book.note(1, True)
    return book


def note(book: Outages, clock: Clock, when: float, connection: int, up: bool) -> None:
    clock.at(when)
    book.note(connection, up)


def test_a_quiet_spell_on_a_live_connection_is_not_down_time() -> None:
    clock = Clock()
    book = outages(clock)
    clock.at(5000.0)
    assert not book.uncovered(["a"], 101.0, 4999.0)


def test_another_connections_outage_leaves_a_stream_covered() -> None:
    clock = Clock()
    book = outages(clock)
    note(book, clock, 200.0, 1, False)
    note(book, clock, 210.0, 1, True)
    assert not book.uncovered(["a"], 150.0, 300.0)
    assert book.uncovered(["b"], 150.0, 300.0)


def test_only_a_spell_strictly_between_the_two_events_counts() -> None:
    clock = Clock()
    book = outages(clock)
    clock.at(200.0)
    book.note(0, False)
    clock.at(210.0)
    book.note(0, True)
    assert book.uncovered(["a"], 199.0, 211.0)
    assert book.uncovered(["a"], 205.0, 206.0)  # inside the spell
    assert not book.uncovered(["a"], 210.0, 300.0)  # after it
    assert not book.uncovered(["a"], 150.0, 200.0)  # before it
    assert not book.uncovered(["a"], 300.0, 250.0)  # no time in between


def test_a_connection_still_down_is_down_until_now_and_later() -> None:
    clock = Clock()
    book = outages(clock)
    note(book, clock, 200.0, 0, False)
    book.note(0, False)  # said again: still the same spell, from 200
    assert not book.uncovered(["a"], 150.0, 199.0)
    assert book.uncovered(["a"], 150.0, 1e9)


def test_a_second_carrier_covers_unless_both_were_down_at_once() -> None:
    clock = Clock()
    book = outages(clock)
    note(book, clock, 200.0, 0, False)
    note(book, clock, 210.0, 0, True)
    note(book, clock, 205.0, 1, False)  # overlaps 205–210
    note(book, clock, 220.0, 1, True)
    assert book.uncovered(["a", "b"], 150.0, 300.0)
    note(book, clock, 300.0, 0, False)
    note(book, clock, 310.0, 0, True)
    assert not book.uncovered(["a", "b"], 250.0, 400.0)  # b was live all along


def test_a_stream_placed_after_the_last_event_was_not_carried_before() -> None:
    clock = Clock()
    book = outages(clock)
    clock.at(300.0)
    book.carry(0, ["c"])  # subscribed on a live connection only now
    assert book.uncovered(["c"], 250.0, 350.0)
    assert not book.uncovered(["c"], 300.0, 350.0)
    book.release(["c"])
    assert book.uncovered(["c"], 310.0, 350.0)
    assert book.uncovered(["nothing"], 310.0, 350.0)
    assert book.uncovered([], 310.0, 350.0)


def test_a_new_connection_is_down_until_it_first_comes_up() -> None:
    clock = Clock()
    book = Outages(clock)
    book.carry(3, ["x"])
    clock.at(101.0)
    book.note(3, True)
    assert book.uncovered(["x"], 99.0, 102.0)
    assert not book.uncovered(["x"], 101.5, 102.0)


def test_stopping_takes_every_connection_down_and_forgetting_one_drops_it() -> None:
    clock = Clock()
    book = outages(clock)
    book.all_down()
    assert book.uncovered(["a"], 99.5, 101.0) and book.uncovered(["b"], 99.5, 101.0)
    book.release(["a"])
    book.forget(0)
    assert book.uncovered(["a"], 150.0, 160.0)


def test_old_spells_are_merged_which_can_only_widen_a_gap() -> None:
    clock = Clock()
    book = Outages(clock, keep=3)
    book.carry(0, ["a"])
    for start in range(100, 200, 10):
        note(book, clock, start, 0, True)
        note(book, clock, start + 5, 0, False)
    note(book, clock, 300, 0, True)
    assert book.uncovered(["a"], 106.0, 109.0)  # in the merged spells: counted as down
    assert book.uncovered(["a"], 196.0, 199.0)  # a recent spell, as it was
    assert not book.uncovered(["a"], 301.0, 400.0)
    with pytest.raises(ValueError):
        Outages(keep=1)
