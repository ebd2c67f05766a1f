"""Small widgets the window's panes share: a layout that wraps its buttons onto more lines
instead of pushing them out of view, a label that elides a long value (with the whole value
in its tooltip) instead of widening its pane, and tool-button words without mnemonics."""

from __future__ import annotations

import re

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QAction, QResizeEvent
from PySide6.QtWidgets import QLabel, QLayout, QLayoutItem, QSizePolicy, QWidget

ERROR_STYLE = "color: #b00020;"


def error_label(object_name: str) -> QLabel:
    """A hidden, word-wrapped label in the error colour (shown when there is something to say)."""
    label = QLabel()
    label.setObjectName(object_name)
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


# A mnemonic in brackets after the words, as Chinese and Japanese translations write it:
# "新建传真(&N)…".
_BRACKETED_MNEMONIC = re.compile(r"\s*[(（]&[^)）][)）]")


def tool_button_words(text: str) -> str:
    """An action's text as a tool button or its tooltip shows it: no mnemonic, no ellipsis.
    Qt drops only the "&", which leaves "(N)" after a translation's words; a tool button has
    no mnemonic, so the brackets go too."""
    text = _BRACKETED_MNEMONIC.sub("", text).replace("…", "").replace("...", "")
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip()


def show_tool_button_words(action: QAction) -> None:
    """Keep `action`'s tool-button words and tooltip `tool_button_words` of its text, also
    when its text changes later."""
    def update() -> None:
        words = tool_button_words(action.text())
        if action.iconText() != words or action.toolTip() != words:
            action.setIconText(words)
            action.setToolTip(words)

    action.changed.connect(update)
    update()


class FlowLayout(QLayout):
    """Lays its items out left to right and wraps to a new line when the width runs out."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            if not item.isEmpty():
                size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, line = area.x(), area.y(), 0
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            if x > area.x() and x + hint.width() > area.right() + 1:
                x, y, line = area.x(), y + line + self._spacing, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line = max(line, hint.height())
        return y + line - rect.y() + margins.bottom()


class ElidedLabel(QLabel):
    """One line of text, cut with "…" to the width it gets; the whole text is in the tooltip
    and in what a screen reader reads. A long identifier never widens its pane."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.set_full_text(text)

    def full_text(self) -> str:
        return self._full

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self.setAccessibleDescription(text)
        self._elide()

    def minimumSizeHint(self) -> QSize:
        height = super().minimumSizeHint().height()
        return QSize(self.fontMetrics().horizontalAdvance("…") * 4, height)

    def sizeHint(self) -> QSize:
        return QSize(self.fontMetrics().horizontalAdvance(self._full) + 4,
                     super().sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        width = max(self.width(), 0)
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideMiddle, width)
        if shown != self.text():
            super().setText(shown)


def fit_to_screen(window: QWidget, available: QSize | None = None) -> QSize:
    """Shrink `window` to the screen it opens on (a dialog made for a big screen must still fit
    800×600), never below its minimum size; returns the size it got."""
    if available is None:
        screen = window.screen()
        if screen is None:
            return window.size()
        available = screen.availableGeometry().size()
    room = QSize(max(available.width() - 24, 200), max(available.height() - 48, 200))
    # A window nobody sized yet would open at the size its layout prefers, not at the
    # placeholder size Qt gives it until then.
    wanted = (window.size() if window.testAttribute(Qt.WidgetAttribute.WA_Resized)
              else window.sizeHint())
    size = wanted.boundedTo(room).expandedTo(window.minimumSizeHint().boundedTo(room))
    if size != window.size():
        window.resize(size)
    return size
