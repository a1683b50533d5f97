"""Screenshots for the user guide (kdrt_desk/assets/guide/img/), from the real app on demo data.

    .venv/bin/python scripts/guide_screenshots.py [--participants 120] [--keep DIR] [--only id|en]
        [--out DIR [--size 1366x768] [--text-size 150]]

1. makes a demo vault (synthetic data only) in a temporary folder with ``kdrt-desk demo``, with a
   file keyring from the tests (tests/support/fake_os_keyring.py), never the real OS keyring;
2. opens the real login dialog and MainWindow offscreen (QT_QPA_PLATFORM=offscreen) in the app's
   look, at 1100x700;
3. for each main tab and a few dialogs waits until the worker thread is idle, grabs the widget and
   saves it as img/id-NAME.png (Indonesian) and img/en-NAME.png (English), reduced to 256 colours.

With ``--out``, ``--size`` and ``--text-size`` show the app as a user with a larger screen or
Windows' "Make text bigger" (Settings > Accessibility > Text size) would see it: that setting makes
the system font, which Qt takes as the app's font, bigger without scaling anything else.

Nothing outside the temporary folder and the guide's img/ folder is written (Qt's per-user
settings go to the temporary folder too).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
IMG = ROOT / "kdrt_desk" / "assets" / "guide" / "img"
PASSWORD = "demo-kdrt-2026"
SIZE = (1100, 700)
MAX_BYTES = 150_000
MAX_WIDTH = 840  # the guide's viewer (a 900 px wide dialog) shows it without scaling
FRAME = "#9aa3ad"
SKIP_TABS = {"audit"}  # not shown in the guide
TEXT_SIZE = 100  # percent of the normal font (Windows' "Make text bigger")


def vault_dir(work: Path) -> Path:
    """Named like the data folder on Windows (...\\KDRT Desk\\KDRT Desk), as the backup
    window shows its path."""
    return work / "KDRT Desk" / "KDRT Desk"


def make_demo_vault(work: Path, participants: int) -> Path:
    vault = vault_dir(work)
    env = dict(os.environ, KDRT_PASSWORD=PASSWORD, PYTHONPATH=str(ROOT / "tests"),
               PYTHON_KEYRING_BACKEND="support.fake_os_keyring.FileKeyring",
               KDRT_TEST_KEYRING_FILE=str(work / "keyring.json"))
    subprocess.run([sys.executable, "-m", "kdrt_desk", "demo", "--data-dir", str(vault),
                    "--participants", str(participants)], check=True, env=env,
                   stdout=subprocess.DEVNULL)
    return vault


def main() -> int:
    global IMG, MAX_WIDTH, SIZE, TEXT_SIZE
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=120)
    parser.add_argument("--keep", help="make the vault in this folder and keep it")
    parser.add_argument("--only", choices=("id", "en"))
    parser.add_argument("--out", help="write the PNGs here at full size instead of the guide's "
                                      "img/ (e.g. to look at the app under QT_SCALE_FACTOR=1.5)")
    parser.add_argument("--size", default="x".join(map(str, SIZE)),
                        help="the main window's size, WIDTHxHEIGHT (only with --out)")
    parser.add_argument("--text-size", type=int, default=100, metavar="PERCENT",
                        help="the app's font at this size, as Windows' text size setting makes "
                             "it (only with --out)")
    args = parser.parse_args()
    if args.out:
        IMG, MAX_WIDTH = Path(args.out), 10**6
        width, _x, height = args.size.partition("x")
        SIZE, TEXT_SIZE = (int(width), int(height)), args.text_size
    elif args.size != "x".join(map(str, SIZE)) or args.text_size != 100:
        parser.error("--size and --text-size only with --out (the guide's pictures stay as "
                     "they are)")
    started = time.monotonic()
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="kdrt-guide-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        if not vault_dir(work).exists():
            print("demo vault…", flush=True)
            make_demo_vault(work, args.participants)
        print(f"  ready after {time.monotonic() - started:.0f} s", flush=True)
        shots = Shooter(work)
        for lang in ("id", "en"):
            if args.only in (None, lang):
                shots.take_all(lang)
        shots.finish()
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    total = sum(p.stat().st_size for p in IMG.glob("*.png"))
    print(f"done in {time.monotonic() - started:.0f} s; img/ holds {total / 1e6:.2f} MB")
    return 0


class Shooter:
    """One QApplication; a login and a main window per language."""

    def __init__(self, work: Path) -> None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        os.environ["KDRT_TEST_KEYRING_FILE"] = str(work / "keyring.json")
        sys.path.insert(0, str(ROOT / "tests"))
        import keyring
        from PySide6.QtCore import QSettings
        from PySide6.QtGui import QFont
        from PySide6.QtWidgets import QApplication, QMessageBox
        from support.fake_os_keyring import FileKeyring

        from kdrt_desk.ui.qt_words import install_qt_words
        from kdrt_desk.ui.widgets.look import apply_look

        keyring.set_keyring(FileKeyring())
        for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
            QSettings.setPath(fmt, QSettings.Scope.UserScope, str(work / "qsettings"))
        self.app = QApplication.instance() or QApplication(["kdrt-desk"])
        self.app.setApplicationName("KDRT Desk")
        self.app.setOrganizationName("KDRT Desk")
        self.app.setQuitOnLastWindowClosed(False)
        # Windows shows Segoe UI 9 pt; Liberation Sans (Arial's metrics) is the nearest here
        self.app.setFont(QFont("Liberation Sans", 9))
        apply_look(self.app)
        if TEXT_SIZE != 100:  # after the look, as the system font would be bigger
            font = self.app.font()
            self.app.setFont(QFont(font.family(), round(font.pointSize() * TEXT_SIZE / 100)))
        install_qt_words(self.app)
        self.boxes: list[str] = []

        def record(kind: str) -> Callable[..., QMessageBox.StandardButton]:
            def box(_parent: object, title: str, text: str, *_a: object, **_k: object
                    ) -> QMessageBox.StandardButton:
                self.boxes.append(f"{kind}: {title}: {text}")
                print(f"  (message box {kind}: {title}: {text[:120]})", flush=True)
                return QMessageBox.StandardButton.No if kind == "question" \
                    else QMessageBox.StandardButton.Ok
            return staticmethod(box)  # type: ignore[return-value]

        for kind in ("question", "warning", "information", "critical"):
            setattr(QMessageBox, kind, record(kind))
        self.vault = vault_dir(work)
        self.failures: list[BaseException] = []
        from kdrt_desk.tasks.runner import TaskRunner

        self.runner = TaskRunner(on_unhandled=self._unhandled)
        self.saved: list[Path] = []
        IMG.mkdir(parents=True, exist_ok=True)

    def _unhandled(self, exc: BaseException) -> None:
        print(f"  ! unhandled: {type(exc).__name__}: {exc}", flush=True)
        self.failures.append(exc)

    # -- waiting and saving ----------------------------------------------------------------------
    def settle(self, minimum: float = 0.4, timeout: float = 30.0) -> None:
        """Process events until the worker threads are idle and stay so (data shown)."""
        from PySide6.QtWidgets import QApplication

        start = time.monotonic()
        quiet_since: float | None = None
        while time.monotonic() - start < timeout:
            QApplication.processEvents()
            busy = (self.runner.pool.activeThreadCount() or self.runner.aside.activeThreadCount()
                    or self.runner._live)  # noqa: SLF001 - the bridges still out
            now = time.monotonic()
            if busy:
                quiet_since = None
            elif quiet_since is None:
                quiet_since = now
            elif now - quiet_since > 0.25 and now - start > minimum:
                return
            time.sleep(0.02)
        print("  ! still busy after the timeout", flush=True)

    def wait_for(self, condition: Callable[[], bool], timeout: float = 30.0) -> bool:
        from PySide6.QtWidgets import QApplication

        start = time.monotonic()
        while time.monotonic() - start < timeout:
            QApplication.processEvents()
            if condition():
                return True
            time.sleep(0.02)
        return False

    def save(self, widget: object, name: str, crop: object = None) -> None:
        from PIL import Image, ImageOps

        self.settle(0.2)
        path = IMG / f"{self.lang}-{name}.png"
        picture = widget.grab()  # type: ignore[attr-defined]
        if crop is not None:
            picture = picture.copy(crop)
        picture.save(str(path))
        image = Image.open(path).convert("RGB")
        inner = MAX_WIDTH - 2  # a 1 px frame around it, so the picture stands out on the page
        if image.width > inner:  # shown at its own size in the guide: sharp, not scaled by Qt
            height = round(image.height * inner / image.width)
            image = image.resize((inner, height), Image.Resampling.LANCZOS)
        image = ImageOps.expand(image, border=1, fill=FRAME)
        for colours in (256, 128, 64):  # no dithering: flat UI colours stay flat and small
            image.quantize(colours, method=Image.Quantize.FASTOCTREE,
                           dither=Image.Dither.NONE).save(path, optimize=True)
            if path.stat().st_size <= MAX_BYTES:
                break
        self.saved.append(path)
        print(f"  {path.name}  {image.width}x{image.height}  {path.stat().st_size // 1024} KB",
              flush=True)

    # -- the screens -------------------------------------------------------------------------------
    def take_all(self, lang: str) -> None:
        from kdrt_desk import i18n

        self.lang = lang
        i18n.set_language(lang)
        print(f"[{lang}]", flush=True)
        services = self.login()
        window = self.main_window(services)
        self.tabs(window)
        self.menu(window)
        self.dialogs(window)
        self.lock_screen(window)
        window.closing_for_logout = True  # no closing backup, no "quit the app"
        window.close()
        self.settle(0.2)
        window.deleteLater()
        self.settle(0.2)

    def login(self):  # type: ignore[no-untyped-def]
        from kdrt_desk.ui.login_dialog import LoginDialog

        dialog = LoginDialog(self.vault, self.runner)
        dialog.show()
        dialog.username.setText("admin")
        dialog.password.setText(PASSWORD)
        self.settle(0.5)
        dialog.adjustSize()
        self.save(dialog, "login")
        dialog.login("admin", PASSWORD)
        if not self.wait_for(lambda: dialog.services is not None, 60):
            raise SystemExit(f"login failed: {dialog.error_label.text()}")
        services = dialog.services
        dialog.hide()
        dialog.deleteLater()
        return services

    def main_window(self, services):  # type: ignore[no-untyped-def]
        from kdrt_desk.ui.main_window import MainWindow

        window = MainWindow(services, self.runner)
        window.resize(*SIZE)
        window.show()
        self.wait_for(lambda: window.register.model.rowCount() > 0)
        self.settle(1.0, 60)  # the daily automatic backup runs beside the worker
        return window

    TAB_NAMES = {
        "RegisterView": "register", "WaitlistView": "waitlist", "DashboardView": "dashboard",
        "GroupsView": "groups", "SessionsView": "sessions", "CatalogueView": "catalogue",
        "CalendarView": "calendar", "IndicatorsView": "indicators",
        "RemindersView": "reminders", "ScheduleView": "schedule",
        "CertificatesView": "certificates", "MonitoringView": "monitoring",
        "AccountsView": "accounts", "AuditView": "audit",
    }

    def tabs(self, window) -> None:  # type: ignore[no-untyped-def]
        tabs = window.tabs
        for index in range(tabs.count()):
            widget = tabs.widget(index)
            name = self.TAB_NAMES.get(type(widget).__name__, type(widget).__name__.lower())
            if name in SKIP_TABS:
                continue
            tabs.setCurrentIndex(index)
            window.resize(*SIZE)  # back after a screen that needed more room
            self.settle(0.6, 60)
            if name in ("groups", "sessions", "certificates"):
                self.select_first_row(widget)
            if name == "reminders":  # the next working day with sessions, not a Saturday
                self.next_day_with_sessions(widget)
            if name == "schedule":  # a proposal for the running groups
                widget.time_limit = 10.0
                widget.make_button.click()
                self.settle(2.0, 120)
                window.resize(*SIZE)  # the proposal asks for a little more height
                self.settle(0.3)
            self.save(window, name)
        tabs.setCurrentIndex(0)
        self.settle(0.3)

    def next_day_with_sessions(self, view) -> None:  # type: ignore[no-untyped-def]
        from datetime import date, timedelta

        from kdrt_desk.ui.form_widgets import to_qdate

        day = date.today()
        for _ in range(14):
            day += timedelta(days=1)
            view.day.setDate(to_qdate(day))
            self.settle(0.3)
            if view.table.rowCount():
                return

    def select_first_row(self, view) -> None:  # type: ignore[no-untyped-def]
        """A row chosen, so the screen shows its details and its buttons are enabled."""
        from PySide6.QtWidgets import QTableView

        tables = [t for t in view.findChildren(QTableView)
                  if t.isVisible() and t.model() is not None and t.model().rowCount() > 0]
        if tables:
            table = max(tables, key=lambda t: t.width() * t.height())  # the screen's main list
            table.selectRow(0)
            self.settle(0.5)

    def menu(self, window) -> None:  # type: ignore[no-untyped-def]
        """The Berkas (File) menu, opened."""
        from PySide6.QtCore import QPoint

        menu = window.menuBar().actions()[0].menu()
        menu.popup(window.mapToGlobal(QPoint(0, window.menuBar().height())))
        self.settle(0.3)
        self.save(menu, "menu-file")
        menu.hide()

    def dialogs(self, window) -> None:  # type: ignore[no-untyped-def]
        from kdrt_desk.ui.backup_dialog import BackupDialog
        from kdrt_desk.ui.donor_report_dialog import DonorReportDialog
        from kdrt_desk.ui.exports_dialog import ExportsDialog

        services = window.services
        # a new registration, then a woman on the register (synthetic): her screening, her week
        form = window.open_participant(None)
        self.wait_for(form.isEnabled)
        form.resize(1000, 420)
        self.settle(0.8)
        self.save(form, "participant-form")
        form.discard()
        self.settle(0.3)
        form = window.open_participant(window.register.model.id_at(0))
        self.wait_for(form.isEnabled)
        form.resize(1100, 620)
        self.settle(0.8)
        tab_names = {form.tabs.tabText(i): i for i in range(form.tabs.count())}
        from kdrt_desk.i18n import t

        for key, name in (("ui.form.tab_screening", "participant-screening"),
                          ("ui.form.tab_routine", "participant-routine")):
            if t(key) in tab_names:
                form.tabs.setCurrentIndex(tab_names[t(key)])
                self.settle(0.8)
                self.save(form, name)
        form.discard()
        self.settle(0.3)
        # the roll-call of a session (Sesi dan kehadiran)
        sessions = next(w for w in (window.tabs.widget(i) for i in range(window.tabs.count()))
                        if type(w).__name__ == "SessionsView")
        window.tabs.setCurrentWidget(sessions)
        self.settle(0.6)
        if sessions.table.rowCount():
            sessions.table.selectRow(0)
            roll = sessions.open_roll_call()
            if roll is not None:
                roll.resize(760, 380)
                self.settle(0.8)
                self.save(roll, "roll-call")
                roll.reject()
                self.settle(0.3)
        window.tabs.setCurrentIndex(0)
        for name, make in (("donor-report", DonorReportDialog), ("backup", BackupDialog),
                           ("exports", ExportsDialog)):
            dialog = make(services, self.runner, window)
            dialog.show()
            self.settle(0.8)
            dialog.adjustSize()
            self.settle(0.2)
            self.save(dialog, name)
            dialog.reject()
            dialog.deleteLater()
            self.settle(0.2)

    def lock_screen(self, window) -> None:  # type: ignore[no-untyped-def]
        window.lock("button")
        self.settle(0.3)
        from PySide6.QtCore import QRect

        centre = window.lock_screen.geometry().center()
        box = QRect(0, 0, 560, 180)
        box.moveCenter(window.centralWidget().mapTo(window, centre))
        box.moveTop(box.top() - 30)  # the lock screen's words sit above its middle
        self.save(window, "lock-screen", box)
        window.unlock(PASSWORD)
        self.wait_for(lambda: not window.locked, 30)
        self.settle(0.5)

    def finish(self) -> None:
        self.runner.wait()
        if self.failures:
            print(f"{len(self.failures)} unhandled errors (see above)")


if __name__ == "__main__":
    sys.exit(main())
