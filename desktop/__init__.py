"""MiniTicker: live Binance USD-M futures prices in a watchlist window and the tray."""

__version__ = "0.1.0"
