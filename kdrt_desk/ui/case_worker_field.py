"""The "Konselor pendamping" choice of the screening form: her case worker, saved with it.

It loads the active Admin and Konselor accounts and her current case worker itself; the form
asks ``changed()`` and wraps its save call with ``saving`` (her case worker is set first, so a
refused choice saves nothing of the screening and a retried save makes no second screening).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QSizePolicy, QVBoxLayout, QWidget
from shiboken6 import isValid

from kdrt_desk.i18n import t
from kdrt_desk.security.permissions import Permission
from kdrt_desk.services.case_workers import CaseWorkerChoice
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.widgets.forms import hint_label
from kdrt_desk.wiring import Services

R = TypeVar("R")


def choice_text(choice: CaseWorkerChoice) -> str:
    if not choice.display_name:
        return choice.username
    return t("ui.case_worker.item", name=choice.display_name, username=choice.username)


class CaseWorkerField(QComboBox):
    """Items: "— belum ditentukan —" (data "") and each choice (data: the username)."""

    loaded = Signal()

    def __init__(self, services: Services, runner: TaskRunner, participant_id: int,
                 on_failed: Callable[[BaseException], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.participant_id = participant_id
        self.may_assign = services.vault.actor.may(Permission.SCREEN)
        self.stored = ""  # her case worker as saved
        self.is_loaded = False
        self._editable = True
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.addItem(t("ui.case_worker.none"), "")
        self.setEnabled(False)  # until loaded
        self._on_failed = on_failed
        case_workers = services.case_workers

        def load() -> tuple[list[CaseWorkerChoice], str]:
            return case_workers.choices(), case_workers.get(participant_id)

        runner.run(load, self._loaded, self._failed)

    def _loaded(self, result: tuple[list[CaseWorkerChoice], str]) -> None:
        if not isValid(self):
            return
        choices, current = result
        for choice in choices:
            self.addItem(choice_text(choice), choice.username)
        if current and self.findData(current) < 0:  # no longer active or no longer a konselor
            self.addItem(t("ui.case_worker.inactive_item", username=current), current)
        self.setCurrentIndex(max(self.findData(current), 0))
        self.stored = current
        self.is_loaded = True
        self.setEnabled(self.may_assign and self._editable)
        self.loaded.emit()

    def _failed(self, exc: BaseException) -> None:
        if isValid(self):
            self._on_failed(exc)

    def set_editable(self, editable: bool) -> None:
        """Roles without SCREEN (and a form shown read-only) see her case worker, unchangeable."""
        self._editable = editable
        self.setEnabled(self.is_loaded and self.may_assign and editable)

    def value(self) -> str:
        data = self.currentData()
        return str(data) if data else ""

    def changed(self) -> bool:
        return self.is_loaded and self.may_assign and self.value() != self.stored

    def saving(self, call: Callable[[], R]) -> Callable[[], R]:
        """``call`` preceded by setting her case worker when it was changed (for the worker
        thread; the choice is read now, on the GUI thread)."""
        if not self.changed():
            return call
        case_workers, pid, chosen = self.services.case_workers, self.participant_id, self.value()

        def save() -> R:
            case_workers.assign(pid, chosen)
            return call()

        return save

    def mark_saved(self) -> None:
        self.stored = self.value()


def case_worker_cell(field: CaseWorkerField) -> QWidget:
    """The choice with the hint saying where her alerts go, for one form row."""
    cell = QWidget()
    column = QVBoxLayout(cell)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    column.addWidget(field, 0, Qt.AlignmentFlag.AlignLeft)
    column.addWidget(hint_label(t("ui.case_worker.hint")))
    return cell


def case_worker_summary(services: Services, participant_id: int) -> str:
    """"Konselor pendamping: …" for her record's header (call on the worker thread)."""
    case_workers = services.case_workers
    current = case_workers.get(participant_id)
    if not current:
        return t("ui.case_worker.summary", name=t("ui.case_worker.none"))
    for choice in case_workers.choices():
        if choice.username == current:
            return t("ui.case_worker.summary", name=choice_text(choice))
    return t("ui.case_worker.summary",
             name=t("ui.case_worker.inactive_item", username=current))
