"""The app and its tests stand on websockets' public, documented API only.

Private members (``process_event``, ``parser_exc``, ``max_message_size`` on the
protocol, the legacy implementation, anything with a leading underscore) change
without notice between releases; the stream client and the simulated exchange own
their asyncio protocols and talk to websockets' Sans-I/O layer instead.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRIVATE = re.compile(
    r"\bprocess_event\b|\bparser_exc\b|\bmax_message_size\b|\bclose_rcvd\b|\bclose_sent\b"
    r"|\brecv_messages\b|\bwebsockets\.legacy\b|\bCLOSE_CODE_EXPLANATIONS\b"
    r"|from websockets[\w.]* import [^\n]*\b_(?!_)\w|\bwebsockets(?:\.\w+)*\._(?!_)\w"
    r"|\.extensions\s*=[^=]|\.serialize\(mask="
)


def test_no_private_websockets_names_in_the_app_or_its_tests() -> None:
    me = Path(__file__).resolve()
    offenders = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for folder in ("desktop", "tests")
        for path in sorted((ROOT / folder).rglob("*.py"))
        if path.resolve() != me
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if PRIVATE.search(line)
    ]
    assert offenders == []


def test_the_check_would_catch_what_the_old_code_did() -> None:
    for line in (
        "    def process_event(self, event: Event) -> None:",
        "            protocol.parser_exc = exc",
        "    max_size = protocol.max_message_size",
        "from websockets.legacy.client import connect",
        "from websockets.frames import _pack",
        "    protocol.extensions = [PerMessageDeflate(fresh, False, 15, 15)]",
    ):
        assert PRIVATE.search(line), line
