"""A real local exchange speaking Binance USD-M's market-stream and REST protocol.

Used by ``--demo`` and by every test. Imports no Qt.
"""

from desktop.simexchange.server import SimExchange
from desktop.simexchange.stats import RestHit, SimRequest, SimStats

__all__ = ["RestHit", "SimExchange", "SimRequest", "SimStats"]
