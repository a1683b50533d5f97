"""Waiting for the dialog a key or menu action opened (shown with ``show()``, not ``exec()``)."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

W = TypeVar("W", bound=QWidget)


def shown_dialog(qtbot: QtBot, kind: type[W], timeout: int = 5000) -> W:
    """The visible top-level window of ``kind``, once it appears."""
    def visible() -> list[W]:
        return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]

    qtbot.waitUntil(lambda: bool(visible()), timeout=timeout)
    return visible()[0]
