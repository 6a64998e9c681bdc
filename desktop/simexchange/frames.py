"""Websocket frames as bytes on the wire (RFC 6455 §5.2), built without a protocol object.

The firehose writes pre-built frames straight to the socket, so that the exchange
outpaces any client it measures; tests and the framing benchmark build exact byte
streams (fragments, masks, compressed frames) the same way. ``extensions`` are
websockets ``Extension`` objects whose documented ``encode`` runs on the frame first
(permessage-deflate compresses it and sets RSV1).
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from websockets.extensions import Extension
from websockets.frames import Frame

_FIN, _RSV1, _RSV2, _RSV3, _MASK = 0x80, 0x40, 0x20, 0x10, 0x80


def text_frame(payload: bytes) -> bytes:
    """An unmasked, unfragmented, uncompressed server-to-client text frame."""
    size = len(payload)
    if size < 126:
        return bytes((0x81, size)) + payload
    if size < 1 << 16:
        return bytes((0x81, 126)) + size.to_bytes(2, "big") + payload
    return bytes((0x81, 127)) + size.to_bytes(8, "big") + payload


def frame_bytes(frame: Frame, *, mask: bool = False, extensions: Sequence[Extension] = ()) -> bytes:
    """Any frame as it goes on the wire; masked (with a random key) when ``mask``."""
    for extension in extensions:
        frame = extension.encode(frame)
    first = (
        (_FIN if frame.fin else 0)
        | (_RSV1 if frame.rsv1 else 0)
        | (_RSV2 if frame.rsv2 else 0)
        | (_RSV3 if frame.rsv3 else 0)
        | int(frame.opcode)
    )
    data = bytes(frame.data)
    size = len(data)
    bit = _MASK if mask else 0
    if size < 126:
        head = bytes((first, bit | size))
    elif size < 1 << 16:
        head = bytes((first, bit | 126)) + size.to_bytes(2, "big")
    else:
        head = bytes((first, bit | 127)) + size.to_bytes(8, "big")
    if not mask:
        return head + data
    key = os.urandom(4)
    return head + key + bytes(b ^ key[i % 4] for i, b in enumerate(data))


def close_payload(code: int, reason: str = "") -> bytes:
    """The payload of a close frame: the code, then the reason in UTF-8."""
    return code.to_bytes(2, "big") + reason.encode()


__all__ = ["close_payload", "frame_bytes", "text_frame"]
