"""Run the simulated exchange on its own: ``python -m desktop.simexchange``.

Prints the websocket and REST base URLs, then serves until Ctrl-C. Point the app at it
with ``--ws-url``/``--rest-url`` (or use ``--demo``, which starts one in-process).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import sys

from desktop.simexchange.server import SimExchange


def _parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m desktop.simexchange",
        description="A local Binance USD-M futures look-alike: /market streams and /fapi REST.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--ws-port", type=int, default=0, help="websocket port (0: any free)")
    parser.add_argument("--rest-port", type=int, default=0, help="REST port (0: any free)")
    parser.add_argument(
        "--cadence", type=float, default=2.0, help="seconds between per-symbol updates"
    )
    parser.add_argument("--seed", type=int, default=None, help="random seed for a repeatable run")
    parser.add_argument("-v", "--verbose", action="store_true", help="log every connection")
    args = parser.parse_args(argv)
    if args.cadence <= 0:
        parser.error("--cadence must be positive")
    return args


async def _serve(args: argparse.Namespace) -> None:
    exchange = SimExchange(
        host=args.host,
        ws_port=args.ws_port,
        rest_port=args.rest_port,
        cadence=args.cadence,
        seed=args.seed,
    )
    async with exchange:
        print(f"websocket streams: {exchange.ws_url}", flush=True)
        print(f"REST:              {exchange.rest_url}", flush=True)
        print(
            f"{len(exchange.symbols)} contracts, seed {exchange.market.seed}; Ctrl-C to stop",
            flush=True,
        )
        await asyncio.Event().wait()


def main(argv: list[str] | None = None) -> int:
    args = _parse(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    try:
        asyncio.run(_serve(args))
    except OSError as exc:
        print(f"Could not start the simulated exchange: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        sys.exit(main())
