"""A real local exchange speaking Binance USD-M's market-stream and REST protocol.

Used by ``--demo`` and by every test. Imports no Qt.
"""
