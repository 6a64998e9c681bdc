"""``typing.Any`` stays out of the app's code: the rule is checked, not only true today.

Untrusted JSON is ``object`` narrowed by ``isinstance`` or a ``TypeGuard``; known shapes
are msgspec structs, dataclasses or ``TypedDict``s; Qt's role values are ``object``.
The one place ``Any`` may still be written is where Qt's own stubs ask for it: the
parameter and return annotations of the item model overrides named in ``QT_OVERRIDES``
(PySide6 declares ``data() -> Any`` and ``setData(value: Any)``). Even there ``object``
is preferred and mypy accepts it, so none are left; the exception only keeps a future
override from having to fight the stubs.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path
from typing import Final

ROOT: Final = Path(__file__).resolve().parents[1]
#: Methods whose parameter and return annotations may say ``Any`` (Qt's stubs do).
QT_OVERRIDES: Final = frozenset({"data", "headerData", "setData"})
_TYPING_MODULES: Final = frozenset({"typing", "typing_extensions"})


def _annotations(function: ast.FunctionDef | ast.AsyncFunctionDef) -> list[ast.expr]:
    arguments = function.args
    every = [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs]
    every += [a for a in (arguments.vararg, arguments.kwarg) if a is not None]
    found = [a.annotation for a in every if a.annotation is not None]
    return found + ([function.returns] if function.returns is not None else [])


def _names_of_any(tree: ast.Module) -> set[str]:
    """The names ``typing.Any`` is bound to in a module (``Any``, or an alias of it)."""
    names = {"Any"}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module in _TYPING_MODULES:
            names |= {a.asname for a in node.names if a.name == "Any" and a.asname}
    return names


def _is_any(node: ast.AST, names: set[str]) -> bool:
    if isinstance(node, ast.Name):
        return node.id in names
    return isinstance(node, ast.Attribute) and node.attr == "Any"  # typing.Any, t.Any


_ANNOTATION_FIELDS: Final = frozenset({"annotation", "returns"})  # of arg, AnnAssign, def


def _walk(node: ast.AST, skipped: set[int], annotation: bool = False) -> Iterator[ast.AST]:
    """Every node under ``node`` but those in ``skipped``; string annotations parsed."""
    if id(node) in skipped:
        return
    yield node
    if annotation and isinstance(node, ast.Constant) and isinstance(node.value, str):
        try:
            parsed = ast.parse(node.value, mode="eval")
        except SyntaxError:
            return
        ast.increment_lineno(parsed, node.lineno - 1)  # the string's own line
        yield from _walk(parsed.body, skipped, annotation)
        return
    for field, value in ast.iter_fields(node):
        inner = annotation or field in _ANNOTATION_FIELDS
        for child in value if isinstance(value, list) else [value]:
            if isinstance(child, ast.AST):
                yield from _walk(child, skipped, inner)


def any_lines(source: str) -> list[int]:
    """The lines where ``source`` writes ``Any``, but for ``QT_OVERRIDES``' signatures.

    Imports do not count (an unused import is ruff's to report); strings count only as
    annotations (``"list[Any]"``), so a docstring or message saying "Any" does not.
    """
    tree = ast.parse(source)
    names = _names_of_any(tree)
    skipped = {
        id(annotation)
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name in QT_OVERRIDES
        for annotation in _annotations(node)
    }
    return sorted(
        {getattr(node, "lineno", 0) for node in _walk(tree, skipped) if _is_any(node, names)}
    )


def test_the_app_writes_no_any_outside_qt_model_overrides() -> None:
    offenders = []
    for path in sorted((ROOT / "desktop").rglob("*.py")):
        lines = any_lines(path.read_text(encoding="utf-8"))
        offenders += [f"{path.relative_to(ROOT)}:{line}" for line in lines]
    assert offenders == [], "use object, a TypeGuard, a TypedDict or a Protocol instead"


def test_the_check_finds_any_wherever_it_is_written() -> None:
    source = """
import typing
from typing import Any, cast
from typing import Any as Anything

def f(x: Any, *rest: "list[Any]", **more: Anything) -> typing.Any:
    y: dict[str, Any] = {}
    return cast(Any, y)

class Model:
    def flags(self, index: int) -> Any: ...
"""
    assert any_lines(source) == [6, 7, 8, 11]


def test_the_check_lets_qt_model_overrides_keep_the_stubs_any() -> None:
    source = """
from typing import Any

class Model:
    def data(self, index: int, role: int = 0) -> Any:
        value: Any = None
        return value

    def headerData(self, section: int, orientation: int, role: int = 0) -> Any: ...
    def setData(self, index: int, value: Any, role: int = 0) -> bool: ...
"""
    assert any_lines(source) == [6]  # the body of an override is not its signature


def test_the_check_ignores_the_word_in_prose() -> None:
    source = '''
def f() -> None:
    """Any frame at all; Any other time."""
    print("Any")
'''
    assert any_lines(source) == []
