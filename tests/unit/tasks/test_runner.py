"""The task runner: results come back on the GUI thread, and with ``latest`` only the newest."""

from __future__ import annotations

import threading

import shiboken6
from pytestqt.qtbot import QtBot

from kdrt_desk.tasks.runner import TaskRunner


def make_runner(failures: list[BaseException]) -> TaskRunner:
    return TaskRunner(on_unhandled=failures.append)


def test_a_result_reaches_its_callback_on_the_gui_thread(qtbot: QtBot) -> None:
    failures: list[BaseException] = []
    runner = make_runner(failures)
    got: list[tuple[int, bool]] = []
    runner.run(lambda: 41 + 1,
               lambda value: got.append((value, threading.current_thread() is
                                         threading.main_thread())))
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    assert got == [(42, True)] and failures == []


def test_only_the_latest_call_for_a_key_counts_even_when_the_older_answers_last(
        qtbot: QtBot) -> None:
    failures: list[BaseException] = []
    runner = make_runner(failures)
    release = threading.Event()
    shown: list[str] = []

    def slow() -> str:
        release.wait(5)
        return "old"

    runner.run(slow, shown.append, latest="register")
    runner.run(lambda: "new", shown.append, latest="register")
    runner.run(lambda: "other key", shown.append, latest="dashboard")
    runner.run(lambda: "no key", shown.append)
    release.set()
    qtbot.waitUntil(lambda: len(shown) == 3, timeout=5000)
    assert runner.wait()
    qtbot.wait(50)  # give a dropped answer every chance to arrive
    assert shown == ["new", "other key", "no key"]
    assert failures == []


def test_an_outdated_failure_is_dropped_and_the_latest_failure_is_reported(
        qtbot: QtBot) -> None:
    failures: list[BaseException] = []
    runner = make_runner(failures)
    errors: list[str] = []

    def fail(text: str) -> str:
        raise ValueError(text)

    runner.run(lambda: fail("old"), on_failure=lambda exc: errors.append(str(exc)),
               latest="list")
    runner.run(lambda: fail("new"), on_failure=lambda exc: errors.append(str(exc)),
               latest="list")
    runner.run(lambda: fail("unhandled"), latest="other")
    assert runner.wait()
    qtbot.waitUntil(lambda: bool(errors) and bool(failures), timeout=5000)
    qtbot.wait(50)
    assert errors == ["new"]
    assert [str(exc) for exc in failures] == ["unhandled"]


def test_drop_forgets_the_answer_on_its_way(qtbot: QtBot) -> None:
    failures: list[BaseException] = []
    runner = make_runner(failures)
    release = threading.Event()
    shown: list[str] = []

    def slow() -> str:
        release.wait(5)
        return "names"

    runner.run(slow, shown.append, latest="list")
    runner.drop("list")  # the app locked
    release.set()
    assert runner.wait()
    qtbot.wait(100)
    assert shown == [] and failures == []
    runner.run(lambda: "after unlock", shown.append, latest="list")
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert shown == ["after unlock"]


def test_a_result_for_a_screen_deleted_meanwhile_goes_nowhere(qtbot: QtBot) -> None:
    """A screen closed and deleted while its read was on the worker: the answer is dropped
    (calling into the deleted widget would be an error in the event loop)."""
    from PySide6.QtWidgets import QLabel

    failures: list[BaseException] = []
    runner = make_runner(failures)
    release = threading.Event()
    screen = QLabel()
    runner.run(lambda: release.wait(5) and "rows", screen.setText)
    screen.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(screen), timeout=5000)
    release.set()
    assert runner.wait(5000)
    later: list[str] = []
    runner.run(lambda: "after", later.append)  # answers arrive in order: this one comes last
    qtbot.waitUntil(lambda: bool(later), timeout=5000)
    assert failures == []


def test_a_failed_long_job_is_not_taken_for_a_cancelled_one(qtbot: QtBot) -> None:
    """The progress dialog is put away when the job fails: closing it would emit ``canceled``
    and the screen would tell the user she cancelled instead of what went wrong."""
    from PySide6.QtWidgets import QWidget

    from kdrt_desk.errors import UserError

    parent = QWidget()
    qtbot.addWidget(parent)
    failures: list[BaseException] = []
    runner = TaskRunner(failures.append)

    def work(progress: object) -> None:
        raise UserError("error.export_unwritable")

    seen: list[BaseException] = []
    progress = runner.run_with_progress(parent, "…", "Batal", work, None, seen.append)
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert isinstance(seen[0], UserError) and seen[0].key == "error.export_unwritable"
    assert not progress.cancelled and failures == []
