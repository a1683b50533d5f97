"""Importing participants from a centre's old lists (.xlsx or .csv): the Qt-free core.

The flow, for the CLI (``kdrt-desk import participants``) and the column-mapping screen::

    imports = services.participant_import
    sheet = imports.read(path)                      # a UserError for a file it refuses
    mapping = imports.suggest_mapping(sheet.headers)  # remembered for these headers, else
                                                    # matched by name; the screen lets her
                                                    # change it: {header: field or None}
    report = imports.check(sheet, mapping, progress=...)   # the validation report, nothing
                                                           # written but an audit entry
    result = imports.import_sheet(sheet, mapping, skip_invalid=False, progress=...)
    imports.export_report(result, Path("baris_dilewati.xlsx"))  # or .csv: rows and reasons
    imports.to_complete()                           # the "perlu dilengkapi" list

``import_file(path, mapping_override, skip_invalid=, dry_run=)`` does read + suggest + import in
one call (the CLI). Every method checks the user's permission: importing and reading a file need
``EDIT_PARTICIPANT`` and ``SETTINGS`` (an admin's task: it changes the register in bulk and writes
the remembered mapping, a vault-wide setting); ``to_complete`` needs ``VIEW_REGISTER``.

**Mapping.** ``{header: field}`` with ``None`` for a column that is not imported; the fields are
``IMPORT_FIELDS``. Headers are matched ignoring case, punctuation and spacing against Indonesian
and English names (``HEADER_ALIASES``: "Nama", "Nama lengkap", "NIK", "Tgl. lahir", "No. HP",
"Kecamatan", ..., and the column names of ``participants list --format csv``, so that list
imports with no mapping; its code, status and risk columns are not taken). A column that matches
nothing (an address, a note) is not imported: the register has no address below the kelurahan.
``full_name`` and ``kecamatan`` must be mapped, and one of ``nik``, ``birth_date`` or
``estimated_age``. A mapping given to ``import_file`` (or the CLI's ``--mapping FILE.json``)
overrides the suggestion for the headers it names. After an import the mapping used is kept in
the vault's ``setting`` table under ``import.mapping.<16 hex digits of SHA-256 of the header
names>`` (JSON: headers and mapping) and suggested the next time the same headers come in.

**Validation** is the intake form's (``validate_participant``) on every row, except consent,
which an old list does not have: NIK (length, province, date, serial, female, agreeing with the
date of birth), date of birth or age, phone formats, kecamatan, text limits, control characters.
Dates are read as dd/mm/yyyy (also with ``-`` or ``.``), yyyy-mm-dd, or an Excel date cell.
Possible duplicates use the form's rule (``ParticipantService.find_duplicates``: the same NIK,
or a name at least ``NAME_SIMILARITY`` alike with the same date of birth), against the register
and within the file (the later row is the duplicate). Each problem is a ``RowProblem``: row
number as Excel shows it, column header, and a message saying what to fix. Nothing is imported
while any row has a problem unless ``skip_invalid`` is chosen.

**Writing**: one transaction for the whole file (all or nothing). ``progress(done, total)`` is
called while checking and writing; returning False cancels with ``UserError("error.cancelled")``
and nothing is imported; the last call, ``progress(total, total)``, comes just before the
commit. An imported woman gets status "registered", a consent record with nothing consented
(so her contact details are withheld and she is not in ``statistics_population()``), and the
careful answers the vault already uses where a safety answer is unknown (``safe_to_call`` "no",
``never_contact_at_home`` True, no safe-call times or trusted contact, ``living_situation``
empty): her safety questions are "belum ditanyakan" until staff save her record through the form,
which cannot be saved without her consent.

**Audit** (codes and counts, never names): one ``participant_imported`` entry per woman (her
code: what ``participant_created`` is for a registration, and the mark that she came in by an
import) and one ``participants_imported`` (or ``participants_import_checked`` for a dry run)
with the counts, file type and whether the mapping was remembered.

**Perlu dilengkapi**: ``to_complete()`` lists the imported women (a ``participant_imported``
entry) whose consent is still not recorded, or whose record has not been saved through the form
since the import (her safety answers not yet asked), anonymised ones excepted.

**The skipped-rows report** (``report_rows``, ``export_report`` to .csv or .xlsx) holds the row
number, the column and the reason, and never a value from the file or a name: the staff member
has her own file and finds the row by its number, and the report can be printed or passed on
without carrying anyone's details. Exports go through ``OutputWriter`` (never into the data
folder, atomically) and are audited as ``import_report_exported`` with counts only.
"""

from __future__ import annotations

import csv
import dataclasses
import difflib
import hashlib
import io
import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from kdrt_desk.db.session import Database
from kdrt_desk.domain.enums import ConsentScope, ParticipantStatus, SafeToCall
from kdrt_desk.domain.participant import Consent, ParticipantInput
from kdrt_desk.domain.places import KECAMATAN
from kdrt_desk.errors import UserError, ValidationError
from kdrt_desk.i18n import t
from kdrt_desk.models import (
    AuditEntry,
    Participant,
    ParticipantConsent,
    ParticipantSearchToken,
    Setting,
)
from kdrt_desk.models.sealed import field_keys
from kdrt_desk.repositories import participants as repo
from kdrt_desk.repositories.search_tokens import participant_tokens
from kdrt_desk.security.atomic_file import OutputWriter
from kdrt_desk.security.permissions import Permission
from kdrt_desk.security.tiers import Tier
from kdrt_desk.services import audit_log
from kdrt_desk.services.actor import Actor
from kdrt_desk.services.clock import local_today
from kdrt_desk.services.participant_validation import validate_participant
from kdrt_desk.services.participants import NAME_SIMILARITY, _name_key
from kdrt_desk.services.programme_access import visible_participant_ids
from kdrt_desk.services.spreadsheet_reader import Cell, ReadLimits, Sheet, read_spreadsheet

IMPORT_FIELDS: tuple[str, ...] = (
    "full_name", "preferred_name", "nik", "birth_date", "estimated_age", "birth_place",
    "phone", "kecamatan", "kelurahan", "occupation", "registered_on")
REQUIRED_FIELDS = ("full_name", "kecamatan")
BIRTH_FIELDS = ("nik", "birth_date", "estimated_age")
# what an old list has no answer to: stored as the careful answer, shown as "belum ditanyakan"
SAFETY_FIELDS = ("safe_to_call", "safe_call_times", "trusted_contact_name",
                 "trusted_contact_phone", "never_contact_at_home", "living_situation")
MAPPING_PREFIX = "import.mapping."
IMPORTED = "participant_imported"
UPDATED = "participant_updated"
CHUNK = 500
PROGRESS_EVERY = 100
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

Mapping_ = dict[str, str | None]
Progress = Callable[[int, int], bool]

_ALIASES: dict[str, tuple[str, ...]] = {
    "full_name": ("nama", "nama lengkap", "nama peserta", "nama sesuai ktp", "full name",
                  "name", "participant name"),
    "preferred_name": ("nama panggilan", "panggilan", "preferred name", "nickname",
                       "called"),
    "nik": ("nik", "no nik", "nomor nik", "no ktp", "nomor ktp", "ktp", "nik ktp",
            "nomor induk kependudukan", "national id", "national id number", "id number"),
    "birth_date": ("tanggal lahir", "tgl lahir", "tanggal kelahiran", "lahir", "birth date",
                   "date of birth", "dob", "birthday"),
    "estimated_age": ("umur", "usia", "umur tahun", "usia tahun", "age", "estimated age",
                      "perkiraan usia", "perkiraan umur"),
    "birth_place": ("tempat lahir", "birth place", "place of birth"),
    "phone": ("no hp", "nomor hp", "hp", "no hp wa", "no wa", "nomor wa", "wa", "whatsapp",
              "telepon", "no telepon", "nomor telepon", "telp", "no telp", "handphone",
              "no handphone", "phone", "phone number", "mobile", "telephone"),
    "kecamatan": ("kecamatan", "kec", "district", "sub district", "subdistrict"),
    "kelurahan": ("kelurahan", "kel", "desa", "kelurahan desa", "desa kelurahan", "village"),
    "occupation": ("pekerjaan", "occupation", "job", "profesi"),
    "registered_on": ("tanggal daftar", "tgl daftar", "tanggal registrasi", "tanggal terdaftar",
                      "terdaftar", "tanggal masuk", "registered on", "registration date",
                      "date registered"),
}
HEADER_ALIASES: dict[str, str] = {alias: name for name, aliases in _ALIASES.items()
                                  for alias in aliases}
_PUNCTUATION = re.compile(r"[\s._/\\\-:()\[\]*#'\"]+")
_DMY = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})")
_YMD = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")
_AGE = re.compile(r"(\d{1,3})(?:\s*(?:tahun|thn|th|years?|yrs?|y))?\.?", re.IGNORECASE)
_ROMAN = {"1": "I", "2": "II", "3": "III"}


def header_key(name: str) -> str:
    """A header as matched: lower case, punctuation and spacing ignored."""
    return " ".join(_PUNCTUATION.sub(" ", name.lower()).split())


HEADER_ALIASES.update({header_key(f): f for f in IMPORT_FIELDS})  # "full_name", "registered_on"


def automatic_mapping(headers: Sequence[str]) -> Mapping_:
    """Each header's field by its name (the first column wins a field), else None."""
    mapping: Mapping_ = {}
    taken: set[str] = set()
    for header in headers:
        name = HEADER_ALIASES.get(header_key(header))
        mapping[header] = name if name is not None and name not in taken else None
        if name is not None:
            taken.add(name)
    return mapping


def mapping_setting_key(headers: Sequence[str]) -> str:
    """The ``setting`` key of the mapping remembered for these header names (in order)."""
    digest = hashlib.sha256(json.dumps([header_key(h) for h in headers],
                                       ensure_ascii=False).encode("utf-8")).hexdigest()
    return MAPPING_PREFIX + digest[:16]


def check_mapping(headers: Sequence[str], mapping: Mapping[str, str | None]) -> Mapping_:
    """The mapping for exactly these headers, or a ``ValidationError`` naming each problem."""
    errors: list[UserError] = []
    known = set(headers)
    for header in mapping:
        if header not in known:
            errors.append(UserError("error.import_mapping_unknown_column", field=header,
                                    column=header))
    clean: Mapping_ = {h: mapping.get(h) or None for h in headers}
    seen: dict[str, str] = {}
    for header, name in clean.items():
        if name is None:
            continue
        if name not in IMPORT_FIELDS:
            errors.append(UserError("error.import_mapping_unknown_field", field=header,
                                    column=header, name=name, fields=", ".join(IMPORT_FIELDS)))
        elif name in seen:
            errors.append(UserError("error.import_mapping_twice", field=header,
                                    name=field_label(name), first=seen[name], column=header))
        else:
            seen[name] = header
    missing = [field_label(f) for f in REQUIRED_FIELDS if f not in seen]
    if missing:
        errors.append(UserError("error.import_mapping_missing", field="mapping",
                                fields=", ".join(missing)))
    if not any(f in seen for f in BIRTH_FIELDS):
        errors.append(UserError("error.import_mapping_no_birth", field="mapping"))
    if errors:
        raise ValidationError(errors)
    return clean


def load_mapping_file(path: Path) -> Mapping_:
    """A mapping from a JSON file: ``{"Header": "field" or null}`` (or that under "mapping")."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except OSError:
        raise UserError("error.import_mapping_file", path=str(path)) from None
    except (ValueError, UnicodeDecodeError):
        raise UserError("error.import_mapping_file", path=str(path)) from None
    if isinstance(data, dict) and isinstance(data.get("mapping"), dict):
        data = data["mapping"]
    if not isinstance(data, dict) or not all(
            isinstance(k, str) and (v is None or isinstance(v, str)) for k, v in data.items()):
        raise UserError("error.import_mapping_file", path=str(path))
    return {k: v or None for k, v in data.items()}


def field_label(name: str) -> str:
    return t(f"import.field.{name}")


# -- reading cells ----------------------------------------------------------------------------
class _CellError(Exception):
    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


def cell_text(cell: Cell) -> str:
    """A cell as text: a whole number without ".0", a date in ISO form, trimmed, and without the
    apostrophe a CSV export puts before a value a spreadsheet would take as a formula."""
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    if isinstance(cell, datetime):
        cell = cell.date()
    text = cell.isoformat() if isinstance(cell, date) else str(cell)
    text = text.strip()
    if text.startswith("'") and (text[1:2].isdigit() or text[1:].startswith(FORMULA_STARTS)):
        text = text[1:]
    return text


def cell_date(cell: Cell, typed: bool) -> date | None:
    if isinstance(cell, datetime):
        return cell.date()
    if isinstance(cell, date):
        return cell
    if typed and isinstance(cell, int | float) and not isinstance(cell, bool):
        from openpyxl.utils.datetime import from_excel

        if 1 <= cell < 2958466:  # an Excel date serial (a cell formatted as a number)
            value = from_excel(cell)
            return value.date() if isinstance(value, datetime) else None
        raise _CellError("import.date_invalid")
    text = cell_text(cell)
    if not text:
        return None
    try:
        if (m := _DMY.fullmatch(text)) is not None:
            return date(int(m[3]), int(m[2]), int(m[1]))
        if (m := _YMD.fullmatch(text)) is not None:
            return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        raise _CellError("import.date_impossible") from None
    raise _CellError("import.date_invalid")


def cell_age(cell: Cell) -> int | None:
    text = cell_text(cell)
    if not text:
        return None
    m = _AGE.fullmatch(text)
    if m is None:
        raise _CellError("import.age_invalid")
    return int(m[1])


def cell_nik(cell: Cell, typed: bool) -> str:
    """A NIK; one Excel stored as a number has lost its 16th digit (Excel keeps 15)."""
    text = cell_text(cell)
    numeric = typed and isinstance(cell, int | float) and not isinstance(cell, bool)
    if (numeric and len(text) >= 16 and text.endswith("0")) or re.fullmatch(
            r"\d(?:[.,]\d+)?[eE]\+?\d+", text):
        raise _CellError("import.nik_as_number")
    return text


def match_kecamatan(text: str) -> str:
    """The register's spelling of a kecamatan ("kec. plaju" -> "Plaju", "Ilir Barat 1" ->
    "Ilir Barat I"); anything else unchanged (the form's rule then names it)."""
    key = header_key(text)
    for prefix in ("kecamatan ", "kec "):
        key = key.removeprefix(prefix)
    words = key.split()
    if words and words[-1] in _ROMAN:
        words[-1] = _ROMAN[words[-1]].lower()
    return _KECAMATAN_BY_KEY.get(" ".join(words), text)


_KECAMATAN_BY_KEY = {header_key(k): k for k in KECAMATAN}


# -- results ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class RowProblem:
    """What is wrong with one row: its number as Excel shows it, the column and what to fix."""

    row: int
    column: str  # the header ("" when it is about the row as a whole)
    field: str
    key: str
    params: Mapping[str, object] = dataclasses.field(default_factory=dict)

    @property
    def message(self) -> str:
        return t(self.key, **self.params)


@dataclass(frozen=True)
class ImportResult:
    total: int  # data rows in the file
    valid: int  # rows without a problem
    imported: int  # 0 for a dry run or a refusal
    problems: list[RowProblem]
    mapping: Mapping_
    dry_run: bool = False
    skip_invalid: bool = False
    kind: str = ""
    encoding: str = ""
    delimiter: str = ""
    codes: list[str] = dataclasses.field(default_factory=list)  # the new participants' codes
    ids: list[int] = dataclasses.field(default_factory=list)

    @property
    def invalid_rows(self) -> list[int]:
        return sorted({p.row for p in self.problems})

    @property
    def status(self) -> str:
        """"checked" (a dry run), "refused" (rows with problems and no ``skip_invalid``:
        nothing imported) or "imported" (every valid row)."""
        if self.dry_run:
            return "checked"
        return "refused" if self.problems and not self.skip_invalid else "imported"


@dataclass(frozen=True)
class ToComplete:
    """One line of the "perlu dilengkapi" list."""

    id: int
    code: str
    full_name: str
    kecamatan: str
    imported_on: date
    consent_missing: bool
    safety_not_asked: bool


@dataclass
class _Row:
    number: int
    data: ParticipantInput | None  # cleaned, when the form's rules pass
    problems: list[RowProblem]


class ParticipantImportService:
    def __init__(self, db: Database, actor: Actor, outputs: OutputWriter | None = None,
                 limits: ReadLimits | None = None) -> None:
        self.db = db
        self.actor = actor
        self.outputs = outputs
        self.limits = limits or ReadLimits()

    def _require(self) -> None:
        self.actor.require(Permission.EDIT_PARTICIPANT)
        self.actor.require(Permission.SETTINGS)

    # -- the file and its mapping --------------------------------------------------------------
    def read(self, path: Path) -> Sheet:
        """The file's first sheet, or a ``UserError`` (see ``spreadsheet_reader``)."""
        self._require()
        return read_spreadsheet(Path(path), self.limits)

    def remembered_mapping(self, headers: Sequence[str]) -> Mapping_ | None:
        self._require()
        with self.db.reading() as session:
            value = session.scalar(select(Setting.value).where(
                Setting.key == mapping_setting_key(headers)))
        if not value:
            return None
        try:
            stored = {header_key(k): v for k, v in json.loads(value)["mapping"].items()}
        except (ValueError, KeyError, TypeError, AttributeError):
            return None
        mapping = {h: stored.get(header_key(h)) for h in headers}
        return {h: v if v in IMPORT_FIELDS else None for h, v in mapping.items()}

    def suggest_mapping(self, headers: Sequence[str]) -> Mapping_:
        """The mapping remembered for these headers, else one matched by their names."""
        return self.remembered_mapping(headers) or automatic_mapping(headers)

    # -- checking and importing ----------------------------------------------------------------
    def check(self, sheet: Sheet, mapping: Mapping[str, str | None], *,
              progress: Progress | None = None, today: date | None = None) -> ImportResult:
        """The validation report; nothing imported (audited as a check, counts only)."""
        return self.import_sheet(sheet, mapping, dry_run=True, progress=progress, today=today)

    def import_file(self, path: Path, mapping: Mapping[str, str | None] | None = None, *,
                    skip_invalid: bool = False, dry_run: bool = False,
                    progress: Progress | None = None, today: date | None = None
                    ) -> ImportResult:
        """Read, map (the suggestion, overridden by ``mapping`` where it names a header) and
        import or check."""
        sheet = self.read(path)
        chosen = self.suggest_mapping(sheet.headers)
        if mapping:
            unknown = [h for h in mapping if h not in chosen]
            if unknown:
                raise ValidationError([UserError("error.import_mapping_unknown_column",
                                                 field=h, column=h) for h in unknown])
            chosen.update(mapping)
        return self.import_sheet(sheet, chosen, skip_invalid=skip_invalid, dry_run=dry_run,
                                 progress=progress, today=today)

    def import_sheet(self, sheet: Sheet, mapping: Mapping[str, str | None], *,
                     skip_invalid: bool = False, dry_run: bool = False,
                     progress: Progress | None = None, today: date | None = None
                     ) -> ImportResult:
        """Check every row and, unless ``dry_run``, import them in one transaction: all of
        them, or with ``skip_invalid`` the valid ones; with a problem left and no
        ``skip_invalid``, nothing (``status == "refused"``)."""
        self._require()
        clean_mapping = check_mapping(sheet.headers, mapping)
        day = today or local_today()
        n = len(sheet.rows)
        total = n if dry_run else 2 * n
        tick = _ticker(progress, total)
        rows = [self._parse(sheet, clean_mapping, r.number, r.cells, day) for r in sheet.rows]
        if dry_run:
            with self.db.reading() as session:
                problems = self._checked(session, rows, clean_mapping, tick)
            tick(total)
            result = self._result(sheet, clean_mapping, rows, problems, 0, dry_run=True,
                                  skip_invalid=skip_invalid)
            with self.db.transaction() as session:
                audit_log.append(session, self.actor.username, "participants_import_checked",
                                 details=self._details(result))
            return result
        with self.db.bulk(), self.db.transaction() as session:
            problems = self._checked(session, rows, clean_mapping, tick)
            if problems and not skip_invalid:
                tick(total)
                result = self._result(sheet, clean_mapping, rows, problems, 0,
                                      skip_invalid=False)
                audit_log.append(session, self.actor.username, "participants_import_refused",
                                 details=self._details(result))
                return result
            bad = {p.row for p in problems}
            good = [r for r in rows if r.number not in bad and r.data is not None]
            ids, codes = self._insert(session, good, lambda done: tick(n + done))
            self._remember(session, sheet.headers, clean_mapping)
            result = self._result(sheet, clean_mapping, rows, problems, len(good),
                                  skip_invalid=skip_invalid, codes=codes, ids=ids)
            audit_log.append(session, self.actor.username, "participants_imported",
                             details={**self._details(result), "mapping_remembered": True})
            tick(total)  # the last chance to cancel: nothing is committed yet
            return result

    # -- the perlu dilengkapi list -------------------------------------------------------------
    def to_complete(self) -> list[ToComplete]:
        """Imported women whose consent is not recorded or whose record was not saved through
        the form since (her safety questions not yet asked), by code."""
        self.actor.require(Permission.VIEW_REGISTER)
        with self.db.reading() as session:
            imported: dict[str, tuple[int, datetime]] = {}
            for target, entry_id, at in session.execute(
                    select(AuditEntry.target, AuditEntry.id, AuditEntry.at)
                    .where(AuditEntry.action == IMPORTED)):
                imported[target] = (entry_id, at)
            if not imported:
                return []
            saved: dict[str, int] = dict(session.execute(  # type: ignore[arg-type]
                select(AuditEntry.target, func.max(AuditEntry.id))
                .where(AuditEntry.action == UPDATED).group_by(AuditEntry.target)).all())
            scope = visible_participant_ids(session, self.actor)
            found: list[ToComplete] = []
            codes = sorted(imported)
            for start in range(0, len(codes), CHUNK):
                query = (select(Participant.id, Participant.code, Participant.full_name,
                                Participant.kecamatan, ParticipantConsent.consent_date)
                         .outerjoin(ParticipantConsent)
                         .where(Participant.code.in_(codes[start:start + CHUNK]),
                                Participant.anonymised_on.is_(None)))
                for pid, code, name, kecamatan, consented in session.execute(query):
                    if scope is not None and pid not in scope:
                        continue
                    entry_id, at = imported[code]
                    not_asked = saved.get(code, 0) < entry_id
                    if consented is None or not_asked:
                        found.append(ToComplete(pid, code, name, kecamatan,
                                                _local_day(at), consented is None, not_asked))
        return sorted(found, key=lambda r: r.code)

    # -- the report of skipped rows ------------------------------------------------------------
    @staticmethod
    def report_rows(result: ImportResult) -> list[tuple[int, str, str]]:
        """(row, column, reason) of every problem, by row: no value from the file."""
        return [(p.row, p.column, p.message)
                for p in sorted(result.problems, key=lambda p: (p.row, p.column))]

    def report_bytes(self, result: ImportResult, fmt: str) -> bytes:
        """The report as a CSV (UTF-8 with BOM, ``;``: what Excel in Indonesia opens) or an
        .xlsx (every cell text or a number, never a formula)."""
        header = (t("import.report.row"), t("import.report.column"), t("import.report.reason"))
        rows = self.report_rows(result)
        if fmt == "csv":
            out = io.StringIO()
            writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
            writer.writerow(header)
            for number, column, reason in rows:
                writer.writerow([number, _neutral(column), _neutral(reason)])
            return out.getvalue().encode("utf-8-sig")
        if fmt != "xlsx":
            raise UserError("error.import_report_format")
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        sheet = book.create_sheet(t("import.report.sheet"))
        sheet.append(list(header))
        for number, column, reason in rows:
            sheet.append([number, _neutral(column), _neutral(reason)])
        buffer = io.BytesIO()
        book.save(buffer)
        return buffer.getvalue()

    def export_report(self, result: ImportResult, path: Path, *,
                      overwrite: bool = False) -> Path:
        """Write the report to ``path`` (.csv or .xlsx by its suffix); audited, counts only."""
        self.actor.require(Permission.EDIT_PARTICIPANT)
        if self.outputs is None:
            raise RuntimeError("ParticipantImportService built without an OutputWriter")
        fmt = Path(path).suffix.lower().lstrip(".")
        data = self.report_bytes(result, fmt)
        with self.db.transaction() as session:
            audit_log.append(session, self.actor.username, "import_report_exported",
                             details={"rows": len(result.invalid_rows),
                                      "problems": len(result.problems), "format": fmt})
            return self.outputs.write(Path(path), data, overwrite=overwrite)

    # -- the parts ------------------------------------------------------------------------------
    @staticmethod
    def _details(result: ImportResult) -> dict[str, object]:
        return {"rows": result.total, "valid": result.valid, "imported": result.imported,
                "skipped": result.total - result.imported if result.status == "imported"
                else 0,
                "invalid": len(result.invalid_rows), "format": result.kind,
                "skip_invalid": result.skip_invalid}

    @staticmethod
    def _result(sheet: Sheet, mapping: Mapping_, rows: list[_Row], problems: list[RowProblem],
                imported: int, *, dry_run: bool = False, skip_invalid: bool = False,
                codes: list[str] | None = None, ids: list[int] | None = None) -> ImportResult:
        bad = {p.row for p in problems}
        return ImportResult(len(rows), sum(1 for r in rows if r.number not in bad), imported,
                            sorted(problems, key=lambda p: (p.row, p.column)), mapping,
                            dry_run, skip_invalid, sheet.kind, sheet.encoding, sheet.delimiter,
                            codes or [], ids or [])

    def _parse(self, sheet: Sheet, mapping: Mapping_, number: int, cells: tuple[Cell, ...],
               today: date) -> _Row:
        """One row through the form's rules (consent aside); problems name the column."""
        column_of = {name: h for h, name in mapping.items() if name is not None}
        index = {h: i for i, h in enumerate(sheet.headers)}
        problems: list[RowProblem] = []
        values: dict[str, Any] = {}

        def column(name: str) -> str:
            if name in column_of:
                return column_of[name]
            if name == "birth_date":  # read from the NIK or the age when not a column
                return next((column_of[f] for f in BIRTH_FIELDS if f in column_of), "")
            return ""

        for name, header in column_of.items():
            cell = cells[index[header]]
            try:
                if name in ("birth_date", "registered_on"):
                    values[name] = cell_date(cell, sheet.typed)
                elif name == "estimated_age":
                    values[name] = cell_age(cell)
                elif name == "nik":
                    values[name] = cell_nik(cell, sheet.typed)
                elif name == "kecamatan":
                    values[name] = match_kecamatan(cell_text(cell))
                else:
                    values[name] = cell_text(cell)
            except _CellError as exc:
                problems.append(RowProblem(number, header, name, exc.key, exc.params))
        if problems:
            return _Row(number, None, problems)
        registered = values.pop("registered_on", None) or today
        data = ParticipantInput(
            **{k: v for k, v in values.items() if v is not None},
            safe_to_call=SafeToCall.NO, never_contact_at_home=True,
            status=ParticipantStatus.REGISTERED, registered_on=registered,
            # the form's rules minus consent: a stand-in that passes, replaced below
            consent=Consent(today, {ConsentScope.DATA_USE}))
        try:
            clean = validate_participant(data, today)
        except ValidationError as exc:
            for error in exc.errors:
                name = error.field or ""
                problems.append(RowProblem(number, column(name), name, error.key,
                                           dict(error.params)))
            return _Row(number, None, problems)
        clean.consent = Consent()
        return _Row(number, clean, [])

    def _checked(self, session: Session, rows: list[_Row], mapping: Mapping_,
                 tick: Callable[[int], None]) -> list[RowProblem]:
        """Every row's problems, duplicates within the file and against the register added."""
        column_of = {name: h for h, name in mapping.items() if name is not None}
        name_column, nik_column = column_of["full_name"], column_of.get("nik", "")
        birth_column = column_of.get("birth_date", nik_column or column_of.get(
            "estimated_age", ""))
        problems = [p for r in rows for p in r.problems]
        valid = [r for r in rows if r.data is not None]
        registered = _register_matches(session, valid)
        first_nik: dict[str, int] = {}
        born: dict[date, list[tuple[int, str]]] = {}
        for done, row in enumerate(valid, start=1):
            if done % PROGRESS_EVERY == 0:
                tick(done)
            data = row.data
            assert data is not None
            nik, key = data.nik, _name_key(data.full_name)
            if nik and nik in first_nik:
                problems.append(RowProblem(row.number, nik_column, "nik",
                                           "import.duplicate_in_file_nik",
                                           {"first": first_nik[nik]}))
                continue
            same_day = born.get(data.birth_date, []) if data.birth_date is not None else []
            twin = next((n for n, other in same_day if difflib.SequenceMatcher(
                None, key, other).ratio() >= NAME_SIMILARITY), None)
            if twin is not None:
                problems.append(RowProblem(row.number, name_column, "full_name",
                                           "import.duplicate_in_file_name", {"first": twin}))
                continue
            match = registered.get(row.number)
            if match is not None:
                code, reason = match
                problems.append(RowProblem(
                    row.number, nik_column if reason == "nik" else birth_column or name_column,
                    "nik" if reason == "nik" else "full_name", f"import.duplicate_{reason}",
                    {"code": code}))
                continue
            if nik:
                first_nik[nik] = row.number
            if data.birth_date is not None:
                born.setdefault(data.birth_date, []).append((row.number, key))
        tick(len(rows))
        return problems

    def _insert(self, session: Session, rows: list[_Row],
                tick: Callable[[int], None]) -> tuple[list[int], list[str]]:
        """The rows as new participants (codes ``KD-<year>-NNNN`` in file order), their search
        tokens and one audit entry each."""
        now = datetime.now(UTC)
        keys = field_keys(session)
        numbers: dict[int, int] = {}
        ids: list[int] = []
        codes: list[str] = []
        for start in range(0, len(rows), CHUNK):
            chunk = rows[start:start + CHUNK]
            made: list[Participant] = []
            for row in chunk:
                data = row.data
                assert data is not None and data.registered_on is not None
                year = data.registered_on.year
                if year not in numbers:
                    numbers[year] = int(repo.next_code(session, year).rsplit("-", 1)[1])
                code = f"KD-{year}-{numbers[year]:04d}"
                numbers[year] += 1
                participant = Participant(code=code, created_at=now)
                repo.apply_input(participant, data, code, now)
                participant.living_situation = None  # not asked (the column allows it)
                made.append(participant)
            session.add_all(made)
            session.flush()
            # her blind-index tokens (what ``refresh_tokens`` writes; a new row has none to
            # replace), in one statement for the chunk
            session.execute(insert(ParticipantSearchToken), [
                {"participant_id": p.id, "token": token} for p in made
                for token in sorted(participant_tokens(keys, p.nik, p.phone,
                                                       repo.contact_allowed(p)))])
            for participant in made:
                audit_log.append(session, self.actor.username, IMPORTED, participant.code,
                                 at=now)
                ids.append(participant.id)
                codes.append(participant.code)
            tick(start + len(chunk))
        return ids, codes

    @staticmethod
    def _remember(session: Session, headers: Sequence[str], mapping: Mapping_) -> None:
        """Keep the mapping for the next file with these headers (in the import's
        transaction)."""
        key = mapping_setting_key(headers)
        value = json.dumps({"headers": list(headers), "mapping": mapping}, ensure_ascii=False)
        row = session.get(Setting, key)
        if row is None:
            session.add(Setting(key=key, value=value))
        else:
            row.value = value


def _ticker(progress: Progress | None, total: int) -> Callable[[int], None]:
    """Call ``progress(done, total)``; its False cancels (``error.cancelled``)."""
    def tick(done: int) -> None:
        if progress is not None and not progress(min(done, total), total):
            raise UserError("error.cancelled")
    return tick


def _register_matches(session: Session, rows: list[_Row]) -> dict[int, tuple[str, str]]:
    """{row number: (code, "nik" or "name_birth_date")} of the rows a registered woman
    matches, by ``ParticipantService.find_duplicates``'s rule: the NIK through the blind index
    (for a session holding the contact key), else a name this alike with the same birth date."""
    found: dict[int, tuple[str, str]] = {}
    keys = field_keys(session)
    if keys.holds(Tier.CONTACT):
        by_token: dict[bytes, list[int]] = {}
        for row in rows:
            assert row.data is not None
            if len(row.data.nik) == 16:
                by_token.setdefault(keys.token("nik", row.data.nik), []).append(row.number)
        tokens = list(by_token)
        for start in range(0, len(tokens), CHUNK):
            for token, code in session.execute(
                    select(ParticipantSearchToken.token, Participant.code)
                    .join(Participant, Participant.id == ParticipantSearchToken.participant_id)
                    .where(ParticipantSearchToken.token.in_(tokens[start:start + CHUNK]))
                    .order_by(Participant.code.desc())):
                for number in by_token[bytes(token)]:
                    found[number] = (code, "nik")
    by_day: dict[date, list[_Row]] = {}
    for row in rows:
        assert row.data is not None
        if row.number not in found and row.data.birth_date is not None:
            by_day.setdefault(row.data.birth_date, []).append(row)
    days = sorted(by_day)
    for start in range(0, len(days), CHUNK):
        for code, name, born in session.execute(
                select(Participant.code, Participant.full_name, Participant.birth_date)
                .where(Participant.birth_date.in_(days[start:start + CHUNK]))
                .order_by(Participant.code.desc())):
            theirs = _name_key(name)
            for row in by_day.get(born, []) if born is not None else []:
                assert row.data is not None
                if difflib.SequenceMatcher(None, _name_key(row.data.full_name),
                                           theirs).ratio() >= NAME_SIMILARITY:
                    found[row.number] = (code, "name_birth_date")
    return found


def _neutral(text: str) -> str:
    """Text a spreadsheet shows as text (never a formula)."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _local_day(at: datetime) -> date:
    stamp = at if at.tzinfo is not None else at.replace(tzinfo=UTC)
    return stamp.astimezone().date()


