"""User settings on disk: the watchlist, pins, layout and endpoints. Imports no Qt."""
