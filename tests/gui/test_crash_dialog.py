"""The crash dialog: an unexpected error in a thread or a slot reaches it, it speaks the UI
language, and the report it saves holds versions and the stack, never a name from the data."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from support.modal_boxes import ModalBoxes

from kdrt_desk.synthetic.participants import generate_participants
from kdrt_desk.ui.crash_dialog import CrashDialog, CrashHooks

TODAY = date(2026, 12, 1)


def demo_person() -> tuple[str, str]:
    person = next(iter(generate_participants(1, seed=31, today=TODAY)))
    return person.full_name, person.phone or "081234567890"


def failing_with(name: str, phone: str) -> RuntimeError:
    secret_note = f"{name} tinggal di rumah kakaknya, telepon {phone}"  # a local with data
    try:
        raise RuntimeError(f"could not show the record of {name} ({phone}): {secret_note}")
    except RuntimeError as exc:
        return exc


@pytest.mark.crash_expected
def test_an_error_in_a_thread_reaches_the_crash_dialog(qtbot: QtBot,
                                                     modal_boxes: ModalBoxes) -> None:
    hooks = CrashHooks()
    hooks.install()
    try:
        def work() -> None:
            raise ValueError("boom in the worker")

        worker = threading.Thread(target=work)
        worker.start()
        worker.join()
        qtbot.waitUntil(lambda: any(kind == "crash" for kind, _, _ in modal_boxes.shown))
    finally:
        hooks.uninstall()
    assert [title for kind, title, _ in modal_boxes.shown if kind == "crash"] == ["ValueError"]


def test_the_saved_report_holds_no_personal_data(qtbot: QtBot, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    name, phone = demo_person()
    dialog = CrashDialog(failing_with(name, phone))
    qtbot.addWidget(dialog)
    assert dialog.intro.text().startswith("Terjadi kesalahan; data Anda aman")
    target = tmp_path / "laporan.txt"
    monkeypatch.setattr("kdrt_desk.ui.widgets.files.choose_save_path",
                        lambda *args, **kwargs: (target, False))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    report = target.read_text(encoding="utf-8")
    assert "builtins.RuntimeError" in report
    assert "test_crash_dialog.py" in report and "failing_with" in report  # the stack is there
    assert "KDRT Desk" in report and "Python" in report
    for secret in (name, *name.split(), phone, "kakaknya"):
        assert secret not in report
