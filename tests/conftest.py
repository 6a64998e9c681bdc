"""Shared test setup: headless Qt, and a way to run coroutines from plain test functions."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Awaitable, Callable, Generator, Iterator
from typing import TYPE_CHECKING, TypeVar

import pytest
from hypothesis import settings

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

# No wall-clock limits: hypothesis's 200 ms deadline per example failed property tests
# on a loaded 2-core CI machine though every example was right.
settings.register_profile("miniticker", deadline=None)
settings.load_profile("miniticker")

# Tests never need a screen; a developer's DISPLAY must not make them open windows.
# (Set at import time, before pytest-qt creates the QApplication.)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

T = TypeVar("T")


class QtLoop:
    """One qasync event loop driven by Qt's, for tests that need both asyncio and widgets."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop

    def run(self, coro: Awaitable[T], timeout: float = 60.0) -> T:
        """Run ``coro`` to completion on the Qt-driven loop (a hard cap, never a sleep)."""
        return self.loop.run_until_complete(asyncio.wait_for(coro, timeout))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, object, object]:
    """Hide every window the test left on screen as soon as its body returns.

    Workaround, cause not found: pytest-qt processes events right after each test body
    (its own ``pytest_runtest_call`` wrapper, outside this one), and repainting a
    watchlist window there crashed the run in a segfault inside TextDelegate.paint
    (QPainter.setPen / setFont) a few times today, on PySide6 6.8 and 6.11 alike, never
    reproducibly. A hidden window is not painted; teardown closes it as before.
    """
    try:
        return (yield)
    finally:
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        if isinstance(app, QApplication):
            for widget in app.topLevelWidgets():
                if widget.isVisible():
                    widget.hide()


@pytest.fixture
def qt_loop(qapp: QApplication) -> Iterator[QtLoop]:
    import qasync

    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    try:
        yield QtLoop(loop)
    finally:
        pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
        for task in pending:
            task.cancel()
        if pending:
            loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
        loop.run_until_complete(loop.shutdown_asyncgens())
        asyncio.set_event_loop(None)
        loop.close()
        assert not pending, f"test leaked tasks: {pending}"


async def wait_for(predicate: Callable[[], bool], timeout: float = 10.0, what: str = "") -> None:
    """Poll ``predicate`` on the running loop until true; fail with ``what`` after ``timeout``."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not predicate():
        if loop.time() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what or predicate}")
        await asyncio.sleep(0.01)
