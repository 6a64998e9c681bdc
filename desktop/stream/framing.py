"""Splitting the server's byte stream into websocket frames, fast where it is plain.

Almost every frame the exchange sends is an unfragmented text frame, unmasked, with no
extension bits or with only permessage-deflate's. ``websockets`` parses each frame
with a generator-based parser (a frame object, a dozen generator steps, a list of
events): at the full market that was ~4 µs a frame in the parser alone (0.4 µs here),
more than decoding the event. ``FrameSplitter`` cuts those frames out of the bytes
itself (a header read and a slice; compressed ones go through websockets' own
decompressor object, so the compression context stays shared) and hands every other
frame — pings, pongs, close, fragments, masked frames, anything oversized — to
``websockets`` whole, in order, so that ``websockets`` still answers pings, keeps its
keepalive, runs the closing handshake and rejects what breaks the protocol. It only
ever hands over whole frames, so the parser of ``websockets`` is always at a frame
boundary when it gets them; once the connection is no longer plainly open (a close
frame, an error) everything goes to ``websockets`` unsplit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Final

from websockets.exceptions import PayloadTooBig, ProtocolError
from websockets.extensions import ClientExtensionFactory, Extension
from websockets.extensions.permessage_deflate import ClientPerMessageDeflateFactory
from websockets.frames import CloseCode, Frame, Opcode
from websockets.typing import ExtensionParameter

# Decompresses the payload of a whole compressed data frame (its first byte given);
# None when that failed, and the connection with it.
Inflate = Callable[[int, bytes], bytes | None]

_PLAIN: Final = (0x81, 0x82)  # first byte of a whole text / binary frame: FIN, no RSV bits
_DEFLATED: Final = {0xC1: Opcode.TEXT, 0xC2: Opcode.BINARY}  # the same, with RSV1: compressed
_MASKED: Final = 0x80
_FIN: Final = 0x80
_OPCODE: Final = 0x0F
_CONTINUATION, _TEXT, _BINARY = 0, 1, 2
_END_OF_HEAD: Final = b"\r\n\r\n"  # the HTTP response to the opening handshake ends here


class FrameSplitter:
    """Feeds on raw bytes: whole data frames' payloads (decompressed) go to ``messages``,
    every other frame to ``other``.

    ``other(raw)`` hands bytes to ``websockets`` — the HTTP response of the opening
    handshake, then whole frames — and answers whether the connection is still open, so
    splitting may go on; once it answers no, every later byte goes to ``other`` as it
    comes. ``max_size`` is the largest message ``websockets`` accepts (None: any); a
    bigger frame is handed over so that ``websockets`` refuses it as it would.
    ``handshake``: the stream starts with the HTTP response to the opening handshake;
    ``opened()`` is asked once it is through, for how to decompress frames if the
    handshake agreed on compression (``inflate`` when there is no handshake to read).
    """

    def __init__(
        self,
        messages: list[bytes],
        other: Callable[[bytes], bool],
        max_size: int | None,
        *,
        handshake: bool = True,
        opened: Callable[[], Inflate | None] | None = None,
        inflate: Inflate | None = None,
    ) -> None:
        self._messages = messages
        self._other = other
        self._max_size = max_size if max_size is not None else 2**63
        # The handshake response's last bytes so far; None once it has been read.
        self._head: bytes | None = b"" if handshake else None
        self._rest = b""  # an incomplete frame, waiting for the rest of its bytes
        self._split = True  # False once everything goes to websockets unsplit
        self._fragmented = False  # in a fragmented message: its frames go to websockets
        self._opened = opened
        self._inflate = inflate

    def feed(self, data: bytes) -> None:
        if not self._split:
            self._other(data)
            return
        if self._head is not None:
            data = self._after_handshake(data)
            if not data or not self._split:
                return
        if self._rest:
            data = self._rest + data
            self._rest = b""
        self._take(data)

    def remainder(self) -> bytes:
        """Bytes of an incomplete frame, held back; the stream ended, so they go as they are."""
        rest, self._rest = self._rest, b""
        return rest

    def _after_handshake(self, data: bytes) -> bytes:
        """Hand over the handshake response; returns what follows it (the first frames)."""
        assert self._head is not None
        seen = self._head + data
        end = seen.find(_END_OF_HEAD)
        if end < 0:
            self._head = seen[-(len(_END_OF_HEAD) - 1) :]
            self._other(data)  # not open yet either way: nothing to decide
            return b""
        cut = end + len(_END_OF_HEAD) - len(self._head)
        self._head = None
        if not self._other(data[:cut]):  # the server refused the handshake, or failed it
            self._split = False
            if cut < len(data):
                self._other(data[cut:])
            return b""
        if self._opened is not None:
            self._inflate = self._opened()
        return data[cut:]

    def _take(self, data: bytes) -> None:
        messages, max_size = self._messages, self._max_size
        size = len(data)
        pos = 0
        while size - pos >= 2:
            first = data[pos]
            second = data[pos + 1]
            if second < 126:
                start, length = pos + 2, second
            elif second == 126:
                if size - pos < 4:
                    break
                start, length = pos + 4, data[pos + 2] << 8 | data[pos + 3]
            else:  # a 64-bit length, or a mask (which a server never sends)
                start, length = _long_head(data, pos)
                if start < 0:
                    break
            if length > max_size:
                self._give_up(data[pos:])
                return
            end = start + length
            if end > size:
                break
            if first in _PLAIN and second < _MASKED and not self._fragmented:
                messages.append(data[start:end])
                pos = end
                continue
            if first in _DEFLATED and second < _MASKED and self._inflate and not self._fragmented:
                message = self._inflate(first, data[start:end])
                if message is None:  # websockets has failed the connection
                    self._split = False
                    self._other(data[end:])  # sends the close frame; the rest is discarded
                    return
                messages.append(message)
                pos = end
                continue
            self._note_fragment(first)
            if not self._other(data[pos:end]):
                self._split = False
                if end < size:
                    self._other(data[end:])
                return
            pos = end
        if pos < size:
            self._rest = data[pos:]

    def _note_fragment(self, first: int) -> None:
        opcode = first & _OPCODE
        if opcode in (_TEXT, _BINARY):
            self._fragmented = not first & _FIN
        elif opcode == _CONTINUATION and first & _FIN:
            self._fragmented = False

    def _give_up(self, data: bytes) -> None:
        """A frame bigger than allowed: websockets refuses it and fails the connection."""
        self._split = False
        self._other(data)


def _long_head(data: bytes, pos: int) -> tuple[int, int]:
    """(payload start, payload length) of a frame with a 64-bit length or a mask;
    (-1, 0) while its header is not all here."""
    second = data[pos + 1]
    length = second & ~_MASKED
    start = pos + 2
    width = 2 if length == 126 else 8 if length == 127 else 0
    if len(data) - start < width:
        return -1, 0
    if width:
        length = int.from_bytes(data[start : start + width], "big")
    return start + width + (4 if second & _MASKED else 0), length


class AgreedDeflate(ClientExtensionFactory):
    """Offers permessage-deflate as websockets does by default, and keeps the extension
    the opening handshake agreed on (``agreed``), so whole compressed frames can be
    decompressed here by the same decoder object websockets uses for the rest.

    It rests on websockets' documented extension API (``ClientExtensionFactory``,
    ``Extension.decode``) and its documented ``ClientPerMessageDeflateFactory``.
    """

    def __init__(self) -> None:
        self._factory = ClientPerMessageDeflateFactory(compress_settings={"memLevel": 5})
        self.name = self._factory.name
        self.agreed: Extension | None = None

    def get_request_params(self) -> Sequence[ExtensionParameter]:
        return self._factory.get_request_params()

    def process_response_params(
        self, params: Sequence[ExtensionParameter], accepted_extensions: Sequence[Extension]
    ) -> Extension:
        self.agreed = self._factory.process_response_params(params, accepted_extensions)
        return self.agreed


def inflater(
    deflate: Extension | None, max_size: int | None, fail: Callable[[int, str], None]
) -> Inflate | None:
    """Decompression of whole frames by websockets' own permessage-deflate decoder.

    The frames that the splitter hands to websockets (fragments) go through the same
    decoder object, so the compression context they share stays whole. A frame that
    does not decompress, or decompresses to more than ``max_size``, fails the
    connection through ``fail`` (the protocol's ``fail``) with the close code
    websockets' parser would use. None when no compression was agreed.
    """
    if deflate is None:
        return None
    decode = deflate.decode

    def inflate(first: int, payload: bytes) -> bytes | None:
        frame = Frame(_DEFLATED[first], payload, True, True)
        try:
            return bytes(decode(frame, max_size=max_size).data)
        except PayloadTooBig as exc:
            fail(CloseCode.MESSAGE_TOO_BIG, str(exc))
        except ProtocolError as exc:
            fail(CloseCode.PROTOCOL_ERROR, str(exc))
        return None

    return inflate
