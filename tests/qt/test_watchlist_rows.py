"""The steps that turn one list of rows into another, as a Qt model tells them."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from desktop.qt.watchlist_rows import Insert, Move, Relayout, Remove, Step, reorder_step, row_steps


def apply(rows: list[str], steps: list[Step]) -> list[str]:
    rows = list(rows)
    for step in steps:
        if isinstance(step, Remove):
            del rows[step.first : step.last + 1]
        elif isinstance(step, Insert):
            rows[step.at : step.at] = step.symbols
        else:
            assert sorted(step.rows) == sorted(rows), "a move keeps the same rows"
            rows = list(step.rows)
    return rows


def test_a_dragged_row_is_one_move_not_a_layout_change() -> None:
    assert reorder_step(["A", "B", "C", "D"], ["B", "C", "A", "D"]) == Move(
        0, 3, ["B", "C", "A", "D"]
    )
    assert reorder_step(["A", "B", "C", "D"], ["D", "A", "B", "C"]) == Move(
        3, 0, ["D", "A", "B", "C"]
    )
    assert isinstance(reorder_step(["A", "B", "C"], ["C", "B", "A"]), Relayout)
    assert reorder_step(["A", "B"], ["A", "B"]) is None


def test_removals_go_bottom_up_and_insertions_top_down() -> None:
    steps = row_steps(["A", "B", "C", "D", "E"], ["X", "A", "C", "Y", "Z", "E"])
    assert steps == [Remove(3, 3), Remove(1, 1), Insert(0, ["X"]), Insert(3, ["Y", "Z"])]


@given(
    st.lists(st.sampled_from("ABCDEFGHIJ"), unique=True),
    st.lists(st.sampled_from("ABCDEFGHIJ"), unique=True),
)
def test_the_steps_always_end_at_the_new_rows(current: list[str], new: list[str]) -> None:
    assert apply(current, row_steps(current, new)) == new
