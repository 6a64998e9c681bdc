"""Contract metadata that survives an offline start: live when possible, else cached.

Each successful ``exchangeInfo`` fetch is written atomically (temporary file, fsync,
``os.replace``) to ``cache_dir/exchange_info.json``; when the exchange cannot be reached
the last saved copy is used and the caller is told how old it is. File I/O runs off
the event loop.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import logging
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from desktop.exchange.contracts import ContractCatalog, parse_exchange_info
from desktop.exchange.rest import RestClient, RestError
from desktop.fileio import write_atomically
from desktop.wording import translate

log = logging.getLogger(__name__)

CACHE_FILE: Final = "exchange_info.json"
CACHE_VERSION: Final = 1
LIVE: Final = "live"


@dataclass(frozen=True, slots=True)
class _Cached:
    document: dict[str, object]
    fetched_at: float  # seconds since the epoch


def _tr(text: str) -> str:
    return translate("Exchange", text)


class MetadataStore:
    """Loads the ``ContractCatalog`` from the exchange, falling back to the disk cache.

    The cache remembers which REST address it came from and is only used for that same
    address: a testnet listing must not stand in for the live one.
    """

    def __init__(self, cache_dir: Path, rest: RestClient) -> None:
        self.cache_dir = Path(cache_dir)
        self.rest = rest

    @property
    def cache_path(self) -> Path:
        return self.cache_dir / CACHE_FILE

    async def load(self) -> tuple[ContractCatalog, str]:
        """The catalog and where it came from: ``"live"`` or ``"cached from … UTC (…)"``.

        Raises ``RestError`` when the exchange is unreachable and nothing usable is cached.
        """
        try:
            document = await self.rest.exchange_info_document()
            contracts = parse_exchange_info(document)
        except (RestError, ValueError) as exc:
            failure = str(exc)
        else:
            try:
                await asyncio.to_thread(self._write, document, time.time())
            except OSError as exc:
                log.warning("could not save contract metadata to %s: %s", self.cache_path, exc)
            return ContractCatalog(contracts), LIVE
        cached = await asyncio.to_thread(self._read)
        if cached is None:
            raise RestError(
                translate("Exchange", "{failure} No saved contract list to fall back on.").format(
                    failure=failure
                )
            )
        contracts = parse_exchange_info(cached.document)
        when = dt.datetime.fromtimestamp(cached.fetched_at, dt.UTC).strftime("%Y-%m-%d %H:%M")
        log.warning("using contract metadata cached at %s UTC: %s", when, failure)
        source = translate(
            "Exchange", "cached from {time} UTC (exchange unreachable: {failure})"
        ).format(time=when, failure=failure.rstrip("."))
        return ContractCatalog(contracts), source

    async def load_cached(self) -> ContractCatalog | None:
        """The saved catalog, without asking the exchange (a replay); None if none."""
        cached = await asyncio.to_thread(self._read)
        return None if cached is None else ContractCatalog(parse_exchange_info(cached.document))

    def _write(self, document: dict[str, object], fetched_at: float) -> None:
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        record = {
            "version": CACHE_VERSION,
            "restBase": self.rest.base_url,
            "fetchedAt": fetched_at,
            "exchangeInfo": document,
        }
        data = json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode()
        write_atomically(self.cache_path, data)

    def _read(self) -> _Cached | None:
        try:
            raw = self.cache_path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            log.warning("cannot read the contract metadata cache %s: %s", self.cache_path, exc)
            return None
        try:
            record = json.loads(raw)
            if not isinstance(record, dict) or record.get("version") != CACHE_VERSION:
                raise ValueError("unknown cache format")
            document = record["exchangeInfo"]
            fetched_at = record["fetchedAt"]
            if not isinstance(fetched_at, int | float) or isinstance(fetched_at, bool):
                raise ValueError("bad fetch time")
            parse_exchange_info(document)  # raises ValueError when it is not one
        except (ValueError, KeyError, TypeError) as exc:
            log.warning("ignoring corrupt contract metadata cache %s: %s", self.cache_path, exc)
            return None
        if record.get("restBase") != self.rest.base_url:
            log.info(
                "contract metadata cache is for %s, not %s; not using it",
                record.get("restBase"),
                self.rest.base_url,
            )
            return None
        return _Cached(document, float(fetched_at))
