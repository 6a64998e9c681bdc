"""What an empty table says: how to add symbols, or that the filter matches nothing.

An overlay on the table's viewport (the header stays), shown only while the view has
no rows. It only lays out and wires; the window decides what its buttons do.
"""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QLabel, QPushButton, QVBoxLayout, QWidget


class EmptyState(QWidget):
    """The empty watchlist's hint with an "Add symbols" button, or the filter's "no
    match" with a "Clear filter" button.

    Signals:
        addRequested(): the user pressed "Add symbols…".
        clearFilterRequested(): the user pressed "Clear filter".
    """

    addRequested = Signal()
    clearFilterRequested = Signal()

    def __init__(self, view: QAbstractItemView, proxy: QSortFilterProxyModel) -> None:
        super().__init__(view.viewport())
        self.setObjectName("emptyState")
        self.view = view
        self.proxy = proxy
        self.filter_text = ""
        self.add_keys = ""
        self.label = QLabel(self)
        self.label.setObjectName("emptyStateLabel")
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.add_button = QPushButton(self.tr("Add symbols…"), self)
        self.add_button.setObjectName("emptyAddButton")
        self.add_button.clicked.connect(self.addRequested)
        self.clear_button = QPushButton(self.tr("Clear filter"), self)
        self.clear_button.setObjectName("emptyClearFilterButton")
        self.clear_button.clicked.connect(self.clearFilterRequested)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.label)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        # A layout of its own keeps the overlay the viewport's size (an event filter on
        # the viewport was called mid-destruction and crashed PySide6 6.11).
        cover = QVBoxLayout(view.viewport())
        cover.setContentsMargins(0, 0, 0, 0)
        cover.addWidget(self)
        # Looked at once the model's change is over: mid-change the counts are in between.
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(0)
        self._later.timeout.connect(self.refresh)
        for signal in (
            proxy.modelReset,
            proxy.rowsInserted,
            proxy.rowsRemoved,
            proxy.layoutChanged,
        ):
            signal.connect(self._soon)
        self.refresh()

    def set_add_keys(self, keys: QKeySequence) -> None:
        """The add action's shortcut, named in the empty watchlist's hint."""
        self.add_keys = keys.toString(QKeySequence.SequenceFormat.NativeText)
        self.refresh()

    def set_filter_text(self, text: str) -> None:
        self.filter_text = text.strip()
        self.refresh()

    def _soon(self, *_: object) -> None:
        self._later.start()

    def refresh(self) -> None:
        """Show the right words for an empty view, or hide when there are rows."""
        if self.proxy.rowCount() > 0:
            self.hide()
            return
        source = self.proxy.sourceModel()
        filtered = source is not None and source.rowCount() > 0
        if filtered:
            self.label.setText(
                self.tr("No symbol on this watchlist matches “%1”.").replace("%1", self.filter_text)
            )
        else:
            hint = self.tr("This watchlist is empty. Add symbols to see their prices here.")
            if self.add_keys:
                hint = self.tr(
                    "This watchlist is empty. Add symbols (%1) to see their prices here."
                ).replace("%1", self.add_keys)
            self.label.setText(hint)
        self.add_button.setVisible(not filtered)
        self.clear_button.setVisible(filtered)
        self.show()
        self.raise_()
