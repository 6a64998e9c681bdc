"""Qt adapters: models and objects that turn stream-client callbacks into Qt signals.

Imports QtCore/QtGui only, never QtWidgets (checked by tests/test_layers.py).
"""
