"""Locks after N idle minutes and on the panic key, wherever the keyboard focus is."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence

ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
            QEvent.Type.Wheel, QEvent.Type.TouchBegin}


class IdleWatcher(QObject):
    """Installed on the QApplication: every input restarts the idle timer."""

    lock_requested = Signal(str)  # "idle" or "panic"

    def __init__(self, idle_minutes: int, panic_key: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(lambda: self.lock_requested.emit("idle"))
        self.configure(idle_minutes, panic_key)

    def configure(self, idle_minutes: int, panic_key: str) -> None:
        self.timer.setInterval(idle_minutes * 60_000)
        self.panic = QKeySequence(panic_key)
        self.timer.start()

    def set_interval_ms(self, msecs: int) -> None:
        self.timer.setInterval(msecs)
        self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        kind = event.type()
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            pressed = QKeySequence(event.keyCombination())
            if pressed.matches(self.panic) == QKeySequence.SequenceMatch.ExactMatch:
                self.lock_requested.emit("panic")
                return True
        if kind in ACTIVITY:
            self.timer.start()
        return False
