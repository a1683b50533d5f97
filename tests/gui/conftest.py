"""GUI test fixtures: the task runner, and guards (a modal box would block an offscreen run
forever, so it is recorded instead)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from support.modal_boxes import ModalBoxes

from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.main_window import MainWindow
from kdrt_desk.ui.widgets.look import apply_look
from kdrt_desk.wiring import Services


@pytest.fixture(autouse=True, scope="session")
def _app_look(qapp: QApplication) -> None:
    """Screens are tested in the look the app starts with (palette, style sheet)."""
    apply_look(qapp)


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    """The app's task runner; an error no callback handled fails the test once work is done."""
    failures: list[BaseException] = []
    task_runner = TaskRunner(on_unhandled=failures.append)
    yield task_runner
    task_runner.wait()
    assert failures == []


@pytest.fixture
def admin_window(qtbot: QtBot, admin: Services, runner: TaskRunner) -> MainWindow:
    """The admin's main window, shown, on a vault holding only her own account (a test adds
    what it needs through ``admin``); an error no callback handled fails the test."""
    main = MainWindow(admin, runner)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main


@pytest.fixture(autouse=True)
def _private_qsettings(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Keep the app's per-user preferences (UI language) out of the real home folder."""
    folder = str(tmp_path_factory.mktemp("qsettings"))
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, folder)


@pytest.fixture(autouse=True)
def modal_boxes(monkeypatch: pytest.MonkeyPatch) -> Iterator[ModalBoxes]:
    boxes = ModalBoxes()

    def record(kind: str, reply: QMessageBox.StandardButton):  # type: ignore[no-untyped-def]
        def box(parent: object, title: str, text: str, *args: object, **kwargs: object
                ) -> QMessageBox.StandardButton:
            boxes.shown.append((kind, title, text))
            return boxes.answer if kind == "question" else reply
        return staticmethod(box)

    monkeypatch.setattr(QMessageBox, "question", record("question", QMessageBox.StandardButton.No))
    for kind in ("warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, kind, record(kind, QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "about", record("about", QMessageBox.StandardButton.Ok))

    def no_crash_dialog(parent: object, exc: BaseException) -> None:
        boxes.shown.append(("crash", type(exc).__name__, repr(exc)))

    monkeypatch.setattr("kdrt_desk.ui.crash_dialog.show_crash", no_crash_dialog)
    yield boxes
