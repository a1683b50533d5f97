"""The hint a screen shows while its list is empty: what the screen is for and which button
(or menu entry) fills it; hidden again as soon as there is something to show."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from kdrt_desk.ui.widgets.forms import hint_label

EMPTY_HINT = "empty_hint"  # the object name tests and screen readers find it by


def empty_hint(text: str) -> QLabel:
    """A wrapped, plain-text hint in the hint look, hidden until ``show_empty`` says the list
    is empty (so nothing flickers "empty" while the first answer is on its way)."""
    hint = hint_label(text)
    hint.setObjectName(EMPTY_HINT)
    hint.hide()
    return hint


def show_empty(hint: QLabel, empty: bool) -> None:
    """Show ``hint`` while the list is empty, hide it once the list has rows."""
    hint.setVisible(empty)
