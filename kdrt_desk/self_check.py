"""``kdrt-desk --self-check``: proves an installation (frozen or from source) has every part it
needs at run time, without a screen and without touching the user's own vault or keyring.

It makes a vault in a temporary folder (SQLCipher, the Alembic migrations, Argon2id), registers
one synthetic woman and reads her back with her sealed case background, checks the database
file holds none of it in plain text, writes a participant list (.xlsx, openpyxl) and reads it
back, solves a tiny schedule (OR-Tools' CP-SAT), renders it as PDF (reportlab, the bundled
fonts), .xlsx and .ics (icalendar), computes Palembang's prayer times (adhanpy) and the national
holidays (holidays), draws a chart (pyqtgraph, offscreen Qt) and speaks both languages, Qt's own
words included. One line per step on stdout, and in the file ``KDRT_SELF_CHECK_REPORT`` names
(the windowed Windows program has no stdout); exit 0 only when every step passed. The temporary
folder is removed whatever happens; the installation secret stays in memory, so the user's
Credential Manager gets no entry.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from datetime import date
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from kdrt_desk import __version__, i18n
from kdrt_desk.i18n import t
from kdrt_desk.security.secret_store import SecretStore

if TYPE_CHECKING:
    from kdrt_desk.reports.schedule_data import Schedule
    from kdrt_desk.wiring import Services

T = TypeVar("T")
REPORT_VARIABLE = "KDRT_SELF_CHECK_REPORT"
PASSWORD = "Periksa-Sendiri-2026!"  # the temporary vault's only login; the vault is removed


class MemoryStore(SecretStore):
    """The installation secret kept in memory only: the check leaves nothing in the keyring."""

    def __init__(self) -> None:
        self.secrets: dict[str, bytes] = {}

    def available(self) -> bool:
        return True

    def get(self, vault_id: str) -> bytes | None:
        return self.secrets.get(vault_id)

    def put(self, vault_id: str, secret: bytes) -> None:
        self.secrets[vault_id] = secret


class SelfCheckError(Exception):
    """A step found its part missing or wrong (the message says which)."""


def _require(condition: bool, what: str) -> None:
    if not condition:
        raise SelfCheckError(what)


class SelfCheck:
    """The steps, run in order over one temporary folder; ``results`` holds each outcome."""

    def __init__(self, folder: Path, today: date | None = None) -> None:
        self.folder = folder
        self.today = today or date.today()
        self.results: list[tuple[str, bool, float, str]] = []
        self._schedule: Schedule | None = None
        self._services: Services | None = None

    def steps(self) -> list[tuple[str, Callable[[], str]]]:
        return [("languages", self.languages), ("vault", self.vault), ("xlsx", self.xlsx),
                ("schedule", self.schedule), ("pdf", self.pdf), ("ics", self.ics),
                ("prayer", self.prayer), ("holidays", self.holidays), ("chart", self.chart),
                ("keyring", self.keyring), ("machine_seal", self.machine_seal)]

    def run(self, out: Callable[[str], None]) -> bool:
        try:
            self._run(out)
        finally:
            if self._services is not None:
                self._services.close()
        return all(passed for _n, passed, _t, _d in self.results)

    def _run(self, out: Callable[[str], None]) -> None:
        for name, step in self.steps():
            began = time.perf_counter()
            try:
                detail, passed = step(), True
            except SelfCheckError as exc:
                detail, passed = str(exc), False
            except Exception as exc:  # noqa: BLE001 - a missing part shows as any error
                detail, passed = f"{type(exc).__name__}: {exc}", False
                if sys.stderr is not None:  # None in a windowed (frozen) Windows program
                    traceback.print_exc(file=sys.stderr)
            took = time.perf_counter() - began
            self.results.append((name, passed, took, detail))
            key = "cli.self_check.passed" if passed else "cli.self_check.failed"
            out(t(key, step=t(f"cli.self_check.step_{name}"), ms=round(took * 1000),
                  detail=detail))

    # -- the steps ----------------------------------------------------------------------------
    def languages(self) -> str:
        from PySide6.QtWidgets import QApplication, QDialogButtonBox

        from kdrt_desk.ui.qt_words import install_qt_words

        app = QApplication.instance() or QApplication(["kdrt-desk"])
        words = install_qt_words(app)
        spoken = i18n.language()
        try:
            texts = {}
            for lang in i18n.LANGUAGES:
                i18n.set_language(lang)
                box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
                texts[lang] = (t("error.required"), box.buttons()[0].text())
                box.deleteLater()
        finally:
            i18n.set_language(spoken)
            app.removeTranslator(words)
        _require(words.loaded, f"Qt's words: {words.path} missing")  # the .qm left out
        _require(texts["id"] == ("Wajib diisi.", "Batal"), f"id: {texts['id']}")
        _require(texts["en"] == ("Required.", "Cancel"), f"en: {texts['en']}")
        return "id, en"

    def vault(self) -> str:
        from kdrt_desk.security.crypto import DEFAULT_KDF
        from kdrt_desk.services.vault_access import create_vault, open_vault
        from kdrt_desk.synthetic.participants import generate_participants
        from kdrt_desk.vault_files import VaultPaths
        from kdrt_desk.wiring import build_services

        store = MemoryStore()
        create_vault(self.data_dir, centre_name="Pemeriksaan KDRT Desk",
                     centre_address="Palembang", admin_username="periksa",
                     admin_password=PASSWORD, store=store, kdf=DEFAULT_KDF)
        woman = next(generate_participants(1, seed=15, today=self.today))
        _require(woman.case is not None, "synthetic participant without a case background")
        self._services = build_services(open_vault(self.data_dir, "periksa", PASSWORD,
                                                   store=store))
        register = self._services.participants
        saved = register.register(woman, today=self.today)
        back = register.open_restricted(saved.id)
        _require(back.full_name == woman.full_name and back.nik == woman.nik, "identity")
        _require(back.case == woman.case, "sealed case background")
        raw = VaultPaths(self.data_dir).database.read_bytes()
        _require(not raw.startswith(b"SQLite format 3"), "database not encrypted")
        _require(woman.full_name.encode() not in raw, "a name in plain text")
        return "SQLCipher, Argon2id, Alembic"

    def xlsx(self) -> str:
        from openpyxl import load_workbook

        services = self._made(self._services, "no vault")
        path = self.folder / "peserta.xlsx"
        services.work_exports.participants(path)
        sheet = load_workbook(path, read_only=True).worksheets[0]
        rows = list(sheet.iter_rows(values_only=True))
        _require(len(rows) >= 2, "no participant row")
        return f"rows={len(rows) - 1}"

    def schedule(self) -> str:
        from kdrt_desk.reports.schedule_data import Schedule, ScheduleRow
        from kdrt_desk.scheduling.solver import solve
        from kdrt_desk.scheduling.verify import violations
        from kdrt_desk.synthetic.schedule_instances import InstanceSpec, generate_problem

        problem = generate_problem(InstanceSpec(groups=1, members=3, modules=2, sessions=2,
                                                weeks=4, venues=2, facilitators=2,
                                                holiday_week=None))
        result = solve(problem, time_limit=5.0)
        _require(result.status in ("optimal", "feasible") and len(result.sessions) == 4,
                 f"{result.status}, sessions={len(result.sessions)}")
        _require(violations(problem, result.sessions) == [], "a hard rule broken")
        rows = [ScheduleRow(i + 1, s.day, s.start, s.end, f"Kelompok {s.group_id}",
                            f"M{s.module_id}", "Modul", f"Ruang {s.venue_id}", "Palembang",
                            f"Fasilitator {s.facilitator_id}")
                for i, s in enumerate(result.sessions)]
        self._schedule = Schedule("group", "Kelompok 1", "Pemeriksaan KDRT Desk", "Palembang",
                                  rows[0].day, rows[-1].day, rows)
        return f"CP-SAT {result.status}, sessions={len(rows)}"

    def pdf(self) -> str:
        from kdrt_desk.reports.schedule_pdf import build_schedule_pdf
        from kdrt_desk.reports.schedule_xlsx import build_schedule_xlsx

        schedule = self._made(self._schedule, "no schedule to render")
        data = build_schedule_pdf(schedule, "id")
        _require(data.startswith(b"%PDF-") and b"/FontFile2" in data, "PDF without its fonts")
        from openpyxl import load_workbook

        book = load_workbook(BytesIO(build_schedule_xlsx(schedule, "en")))
        _require(book.worksheets[0].max_row > 1, "empty schedule workbook")
        return f"{len(data) // 1024} KB"

    def ics(self) -> str:
        from icalendar import Calendar

        from kdrt_desk.reports.schedule_ics import build_schedule_ics

        schedule = self._made(self._schedule, "no schedule to export")
        events = Calendar.from_ical(build_schedule_ics(schedule, "periksa.invalid"))
        count = len(events.walk("VEVENT"))
        _require(count == len(schedule.rows), f"{count} events")
        return f"{count} VEVENT"

    def prayer(self) -> str:
        from kdrt_desk.scheduling.prayer import prayer_day

        day = prayer_day(date(2026, 8, 17))
        _require(day.subuh < day.zuhur < day.asar < day.magrib < day.isya, "times out of order")
        return f"zuhur {day.zuhur:%H:%M}"

    def holidays(self) -> str:
        from kdrt_desk.scheduling.public_holidays import national_holidays

        days = national_holidays([2027])
        _require(any(h.day == date(2027, 8, 17) for h in days), "no 17 Agustus")
        return f"days={len(days)}"

    def chart(self) -> str:
        from PySide6.QtWidgets import QApplication

        from kdrt_desk.domain.indicators import Unit
        from kdrt_desk.reports.chart_data import ChartKind, ChartSpec, Series
        from kdrt_desk.ui.widgets.charts import ChartWidget

        _require(QApplication.instance() is not None, "no QApplication")
        spec = ChartSpec(ChartKind.BAR, "cli.self_check.step_chart", ("A", "B"),
                         (Series("cli.self_check.step_chart", (3.0, 5.0)),), Unit.COUNT)
        widget = ChartWidget(spec)
        widget.resize(420, 280)
        image = widget.grab().toImage()
        widget.deleteLater()
        _require(not image.isNull() and image.width() > 0, "chart not drawn")
        return f"{image.width()}x{image.height()}"

    def keyring(self) -> str:
        store = SecretStore()
        name = store.backend_name()
        if sys.platform == "win32":
            _require(store.available() and "Windows" in name, f"no Credential Manager ({name})")
        return name

    def machine_seal(self) -> str:
        """Windows: DPAPI seals and opens (the admin-login link of a shared folder needs it)."""
        from kdrt_desk.security import machine_seal

        seal = machine_seal.current()
        if seal is None:
            _require(sys.platform != "win32", "no DPAPI")
            return t("cli.self_check.no_machine_seal")
        sample = os.urandom(32)
        _require(seal.unseal(seal.seal(sample, b"self-check"), b"self-check") == sample,
                 "DPAPI gave other bytes back")
        return seal.name

    @staticmethod
    def _made(value: T | None, what: str) -> T:
        """What an earlier step made, or this step fails saying what is missing."""
        if value is None:
            raise SelfCheckError(what)
        return value

    @property
    def data_dir(self) -> Path:
        return self.folder / "vault"


def report_lines(line: str) -> None:
    """A line to stdout, and to the file ``KDRT_SELF_CHECK_REPORT`` names: the windowed Windows
    program has no stdout, so the build script reads the file."""
    if sys.stdout is not None:
        print(line, flush=True)
    report = os.environ.get(REPORT_VARIABLE)
    if report:
        with open(report, "a", encoding="utf-8") as file:
            file.write(line + "\n")


def run_self_check(out: Callable[[str], None] = report_lines) -> int:
    """Run every step in a temporary folder; 0 when all passed, 1 otherwise."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # silent: the installer runs it
    out(t("cli.self_check.begin", version=__version__, python=sys.version.split()[0]))
    began = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="kdrt-self-check-") as folder:
        passed = SelfCheck(Path(folder)).run(out)
    seconds = f"{time.perf_counter() - began:.1f}"
    out(t("cli.self_check.all_passed" if passed else "cli.self_check.some_failed",
          seconds=seconds))
    return 0 if passed else 1
