"""Benchmark and soak of MiniTicker against the simulated exchange: ``python -m desktop.bench``.

A tool, not part of the app: nothing under ``desktop`` but this package imports it.
"""
