"""Printing an assessment instrument's blank paper form (Qt-free; the screen that offers it
calls ``write_form``).

A blank form holds no personal data, so seeing the programme (``VIEW_PROGRAMME``) is enough.
The file goes through the ``OutputWriter`` (atomic, never into the data folder, replacing a file
only when asked) and is audited as ``form_printed`` with the instrument's code only.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from kdrt_desk.db.session import Database
from kdrt_desk.domain.instruments import Instrument
from kdrt_desk.models import Setting
from kdrt_desk.reports.texts import language
from kdrt_desk.security.atomic_file import OutputWriter
from kdrt_desk.security.permissions import Permission
from kdrt_desk.services import audit_log
from kdrt_desk.services.actor import Actor


class InstrumentFormService:
    def __init__(self, db: Database, actor: Actor, outputs: OutputWriter | None = None) -> None:
        self.db = db
        self.actor = actor
        self._outputs = outputs

    @property
    def outputs(self) -> OutputWriter:
        if self._outputs is None:
            raise RuntimeError("InstrumentFormService built without an OutputWriter")
        return self._outputs

    def write_form(self, instrument: Instrument, lang: str, path: Path,
                   overwrite: bool = False) -> Path:
        """Write the instrument's paper form in ``lang`` to ``path`` (audited); returns the
        path written. Nothing is written or audited when the path is refused."""
        self.actor.require(Permission.VIEW_PROGRAMME)
        self.outputs.check(Path(path), overwrite=overwrite)
        data = self.form_pdf(instrument, lang)
        with self.db.transaction() as session:
            # the entry commits only if the file was written (a failed write rolls it back)
            audit_log.append(session, self.actor.username, "form_printed", instrument.code)
            return self.outputs.write(Path(path), data, overwrite=overwrite)

    def form_pdf(self, instrument: Instrument, lang: str) -> bytes:
        """The blank form ``write_form`` saves, as bytes for the preview."""
        from kdrt_desk.reports.instrument_form import instrument_form_pdf  # reportlab on use

        self.actor.require(Permission.VIEW_PROGRAMME)
        with self.db.reading() as session:
            centre = dict(session.execute(select(Setting.key, Setting.value).where(
                Setting.key.in_(("centre_name", "centre_address")))).all())
        return instrument_form_pdf(instrument, lang=language(lang),
                                   centre_name=centre.get("centre_name", "") or "",
                                   centre_address=centre.get("centre_address", "") or "")

    def record_form_printed(self, instrument: Instrument) -> None:
        """Audit a printout of the blank form as a saved one is, with ``{"via": "printer"}``."""
        self.actor.require(Permission.VIEW_PROGRAMME)
        with self.db.transaction() as session:
            audit_log.append(session, self.actor.username, "form_printed", instrument.code,
                             {"via": "printer"})
