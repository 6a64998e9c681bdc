"""The TCP (and TLS) connection under a websocket, through a proxy when the system has one.

The proxy comes from the standard places (``https_proxy``/``HTTPS_PROXY``; ``socks_proxy``
or ``all_proxy`` for SOCKS; ``no_proxy``; on Windows and macOS the system settings), read
by the standard library's ``urllib.request.getproxies``, as REST calls do. HTTP proxies
get a ``CONNECT`` tunnel; SOCKS proxies need the optional ``python-socks`` package. TLS
runs end to end through the tunnel, so certificates are always verified against the
exchange's name.
"""

from __future__ import annotations

import asyncio
import base64
import socket
import ssl
import urllib.request
from collections.abc import Callable
from typing import Final
from urllib.parse import unquote, urlsplit

from desktop.wording import translate

_HEAD_LIMIT: Final = 16 * 1024  # a proxy's answer to CONNECT is a few hundred bytes


class ProxyError(OSError):
    """The proxy refused or broke the tunnel; the message is for people."""


def proxy_for(host: str, port: int, *, secure: bool) -> str | None:
    """The proxy URL to reach ``host:port`` through, or None to connect directly."""
    if urllib.request.proxy_bypass(f"{host}:{port}"):
        return None
    proxies = urllib.request.getproxies()
    # RFC 6455 §4.1 suggests a SOCKS proxy if any, else the HTTPS one (the same order
    # websockets follows); a ws:// URL may also use the plain HTTP proxy; all_proxy last.
    schemes = ["wss", "socks", "https"] if secure else ["ws", "socks", "https", "http"]
    schemes.append("all")
    for scheme in schemes:
        proxy = proxies.get(scheme)
        if proxy is not None:
            if scheme == "socks" and proxy.startswith("http://"):
                proxy = "socks5h://" + proxy[len("http://") :]
            return proxy
    return None


async def open_tcp(
    factory: Callable[[], asyncio.BaseProtocol],
    host: str,
    port: int,
    *,
    secure: bool,
    context: ssl.SSLContext | None,
) -> None:
    """Connect ``factory()``'s protocol to ``host:port``, directly or through the proxy."""
    loop = asyncio.get_running_loop()
    server_hostname = host if secure else None
    proxy = proxy_for(host, port, secure=secure)
    if proxy is None:
        await loop.create_connection(
            factory, host, port, ssl=context, server_hostname=server_hostname
        )
        return
    sock = await _tunnel(proxy, host, port)
    try:
        await loop.create_connection(
            factory, sock=sock, ssl=context, server_hostname=server_hostname
        )
    except BaseException:
        sock.close()
        raise


async def _tunnel(proxy: str, host: str, port: int) -> socket.socket:
    parts = urlsplit(proxy)
    if parts.scheme.startswith("socks"):
        try:
            from python_socks.async_.asyncio import Proxy  # optional dependency
        except ImportError:
            raise ProxyError(
                translate(
                    "Stream",
                    "the system names a SOCKS proxy ({host}); install python-socks to use it",
                ).format(host=parts.hostname)
            ) from None
        sock: socket.socket = await Proxy.from_url(proxy).connect(host, port)
        return sock
    if parts.scheme != "http" or not parts.hostname:
        raise ProxyError(
            translate("Stream", "unsupported proxy {proxy} (http:// and socks5:// work)").format(
                proxy=repr(proxy)
            )
        )
    sock = await _connect(parts.hostname, parts.port or 80)
    try:
        await _handshake(sock, host, port, parts.username, parts.password)
    except BaseException:
        sock.close()
        raise
    return sock


async def _connect(host: str, port: int) -> socket.socket:
    loop = asyncio.get_running_loop()
    error: OSError | None = None
    for family, kind, proto, _, address in await loop.getaddrinfo(
        host, port, type=socket.SOCK_STREAM
    ):
        sock = socket.socket(family, kind, proto)
        sock.setblocking(False)
        try:
            await loop.sock_connect(sock, address)
        except OSError as exc:
            sock.close()
            error = exc
            continue
        except BaseException:
            sock.close()
            raise
        return sock
    raise error or ProxyError(
        translate("Stream", "the proxy {host} has no address").format(host=host)
    )


async def _handshake(
    sock: socket.socket, host: str, port: int, user: str | None, password: str | None
) -> None:
    loop = asyncio.get_running_loop()
    target = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    lines = [f"CONNECT {target} HTTP/1.1", f"Host: {target}"]
    if user is not None:
        token = base64.b64encode(f"{unquote(user)}:{unquote(password or '')}".encode())
        lines.append(f"Proxy-Authorization: Basic {token.decode()}")
    await loop.sock_sendall(sock, ("\r\n".join(lines) + "\r\n\r\n").encode())
    head = b""
    while b"\r\n\r\n" not in head:
        # One byte at a time past the first read would be slow; a proxy answers CONNECT
        # with a head only, and the server says nothing before the client's first bytes.
        chunk = await loop.sock_recv(sock, 4096)
        if not chunk:
            raise ProxyError(
                translate("Stream", "the proxy closed the connection instead of opening a tunnel")
            )
        head += chunk
        if len(head) > _HEAD_LIMIT:
            raise ProxyError(translate("Stream", "the proxy's answer to CONNECT is too long"))
    status = head.split(b"\r\n", 1)[0].split()
    code = status[1].decode("ascii", "replace") if len(status) > 1 else "?"
    if code != "200":
        raise ProxyError(
            translate("Stream", "the proxy refused the tunnel (HTTP {code})").format(code=code)
        )
    if not head.endswith(b"\r\n\r\n"):
        raise ProxyError(translate("Stream", "the proxy sent data before the tunnel opened"))
