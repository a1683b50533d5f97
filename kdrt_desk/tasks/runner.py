"""The task runner: one worker thread serialises every vault call; results return to the GUI thread.

Like Anki's ``QueryOp``: ``runner.run(fn, on_success, on_failure)``; long work uses
``run_with_progress`` with a cancellable progress dialog. ``run(..., latest=key)`` keeps only the
newest call for ``key``: a list reloaded twice shows the second answer only, whatever the order
the answers come back in, and ``drop(key)`` forgets the answer still on its way (the app locked).
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable, Hashable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

log = logging.getLogger(__name__)


class Progress:
    """Handed to long work: ``report(done, total)`` returns False once the user cancelled."""

    def __init__(self, emit: Callable[[int, int], None]) -> None:
        self._emit = emit
        self._cancelled = threading.Event()

    def report(self, done: int, total: int) -> bool:
        self._emit(done, total)
        return not self._cancelled.is_set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def cancel(self) -> None:
        self._cancelled.set()


class _Bridge(QObject):
    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], bridge: _Bridge) -> None:
        super().__init__()
        self.fn = fn
        self.bridge = bridge
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread
            if shiboken6.isValid(self.bridge):
                self.bridge.failed.emit(exc)
            else:  # the app closed while this ran: nobody is left to tell, say it in the log
                log.warning("a background task failed after its window closed: %s",
                            type(exc).__name__)
        else:
            if shiboken6.isValid(self.bridge):  # else the window closed: the result goes nowhere
                self.bridge.succeeded.emit(result)


def _while_alive(callback: Callable[[Any], None] | None) -> Callable[[Any], None] | None:
    """A screen's result callback that does nothing once the screen itself is gone (closed and
    deleted while its read was on the worker): a result has nowhere to go. Failures are not
    wrapped, so an error still reaches the user."""
    owner = getattr(callback, "__self__", None)
    if callback is None or not isinstance(owner, QObject):
        return callback

    def call(value: Any) -> None:
        if shiboken6.isValid(owner):
            callback(value)

    return call


class TaskRunner(QObject):
    """Owns the single database worker thread."""

    def __init__(self, on_unhandled: Callable[[BaseException], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        # work on a database connection of its own (a backup's snapshot): beside the vault
        # worker, so a roll-call saved meanwhile does not wait for it
        self.aside = QThreadPool(self)
        self.aside.setMaxThreadCount(1)
        self.on_unhandled = on_unhandled
        self._live: set[_Bridge] = set()
        self._latest: dict[Hashable, int] = {}  # key -> ticket of its newest call still out
        self._tickets = itertools.count(1)
        # a damage already said (the vault found damaged after the login): the window's other
        # queued reads fail with the same words, which are not said again while it closes
        self.hushed: str | None = None

    def run(self, fn: Callable[[], Any], on_success: Callable[[Any], None] | None = None,
            on_failure: Callable[[BaseException], None] | None = None, *,
            latest: Hashable | None = None) -> None:
        """Call ``fn`` on the worker; its result or error comes back on the GUI thread.

        With ``latest``, a call made later with the same key makes this one's answer (result
        or error) count for nothing: neither callback runs for it.
        """
        on_success = _while_alive(on_success)
        if latest is not None:
            ticket = next(self._tickets)
            self._latest[latest] = ticket
            on_success = self._if_latest(latest, ticket, on_success)
            on_failure = self._if_latest(latest, ticket, on_failure or self.on_unhandled)
        bridge = self._bridge(on_success, on_failure)
        self.pool.start(_Job(fn, bridge))

    def run_aside(self, fn: Callable[[], Any], on_success: Callable[[Any], None] | None = None,
                  on_failure: Callable[[BaseException], None] | None = None) -> None:
        """Like ``run``, on the second worker: for long work with its own connection."""
        self.aside.start(_Job(fn, self._bridge(_while_alive(on_success), on_failure)))

    def drop(self, key: Hashable) -> None:
        """Forget the answer still on its way for ``key`` (its callbacks will not run)."""
        self._latest.pop(key, None)

    def _if_latest(self, key: Hashable, ticket: int, callback: Callable[[Any], None] | None
                   ) -> Callable[[Any], None]:
        def call(value: Any) -> None:
            if self._latest.get(key) != ticket:
                return  # a newer call for the key was made, or the key was dropped
            del self._latest[key]
            if callback is not None:
                callback(value)

        return call

    def run_with_progress(self, parent: QWidget, label: str, cancel_text: str,
                          fn: Callable[[Progress], Any],
                          on_success: Callable[[Any], None] | None = None,
                          on_failure: Callable[[BaseException], None] | None = None,
                          *, aside: bool = False) -> Progress:
        dialog = QProgressDialog(label, cancel_text, 0, 0, parent)
        dialog.setModal(True)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        bridge_holder: list[_Bridge] = []
        progress = Progress(lambda done, total: bridge_holder[0].progressed.emit(done, total))
        # A lambda, not the bound method: PySide ties a bound method's connection to its object,
        # and that object freed on the worker would disconnect there while the GUI thread holds
        # the GIL inside Qt's connection lock (a deadlock). The lambda lives with the dialog.
        dialog.canceled.connect(lambda: progress.cancel())

        def put_away() -> None:
            # hide, not close: closing a progress dialog emits ``canceled``, and a job that
            # failed (or finished) would then read as cancelled by the user
            dialog.hide()
            dialog.deleteLater()

        def finish_ok(result: Any) -> None:
            put_away()
            if on_success is not None:
                on_success(result)

        def finish_err(exc: BaseException) -> None:
            put_away()
            (on_failure or self.on_unhandled)(exc)

        bridge = self._bridge(finish_ok, finish_err)
        bridge_holder.append(bridge)

        def show(done: int, total: int) -> None:
            dialog.setMaximum(max(total, 0))
            dialog.setValue(min(done, total) if total else 0)

        bridge.progressed.connect(show)
        (self.aside if aside else self.pool).start(_Job(lambda: fn(progress), bridge))
        return progress

    def wait(self, msecs: int = 30_000) -> bool:
        return self.aside.waitForDone(msecs) and self.pool.waitForDone(msecs)

    def _bridge(self, on_success: Callable[[Any], None] | None,
                on_failure: Callable[[BaseException], None] | None) -> _Bridge:
        bridge = _Bridge()
        self._live.add(bridge)

        def ok(result: Any) -> None:
            self._live.discard(bridge)
            if on_success is not None:
                on_success(result)

        def err(exc: BaseException) -> None:
            self._live.discard(bridge)
            if self.hushed is not None and getattr(exc, "key", None) == self.hushed:
                log.info("a queued task met the damage already reported")
                return
            (on_failure or self.on_unhandled)(exc)

        # emitted from the worker thread, so Qt queues these calls onto the GUI thread
        bridge.succeeded.connect(ok)
        bridge.failed.connect(err)
        return bridge
