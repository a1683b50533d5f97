"""Certificates (sertifikat): eligibility, issuing one or a batch, the register, reprints,
reissue, revocation and verification.

Issuing is all or nothing: every request is checked first (eligible, no valid certificate for the
same module yet, a name to print, a template with a signatory, a place to write), then serials are
taken, the PDF is drawn and written, and only then is the transaction committed. A problem at any
step (a cancelled batch, a file that cannot be written) rolls the serials back and removes any
file this batch wrote: no serial is consumed, nothing is left behind. Serials count up per year
and are never reused (the register keeps every row; the counter only goes up).

A verifier is told no more than the name as printed, the course and the date; after a withdrawal
the name is gone (``printed_name`` None) and only its salted hash stays, so the name typed from the
paper can still be compared. Every verification is audited (result and serial, never the name
typed).
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from kdrt_desk.db.session import Database
from kdrt_desk.domain.certificates import (
    NAME_PRINT_LIMIT,
    BatchResult,
    CertificateDesign,
    CertificateKind,
    CertificatePrint,
    CertificateStatus,
    EligibleRow,
    IssueRequest,
    RegisterRow,
    TemplateView,
    Verification,
    code_from_scan,
    name_hash,
    name_matches,
    new_code,
    qr_text,
    record_digest,
    serial_for,
)
from kdrt_desk.domain.enums import Role
from kdrt_desk.domain.revealing_words import revealing
from kdrt_desk.domain.text import reject_control_characters
from kdrt_desk.errors import UserError, ValidationError
from kdrt_desk.models import AuditEntry, Certificate, CertificateSerial, Participant
from kdrt_desk.security.atomic_file import OutputWriter, Staged, discard, sweep_staged
from kdrt_desk.security.crypto import verify_signature
from kdrt_desk.security.keyfile import KeyFile, record_signature_payload
from kdrt_desk.security.permissions import Permission, allows
from kdrt_desk.services import audit_log
from kdrt_desk.services.actor import Actor
from kdrt_desk.services.audit_log import account_signers
from kdrt_desk.services.certificate_eligibility import eligibility, valid_certificate
from kdrt_desk.services.certificate_templates import CertificateTemplateService, view_of
from kdrt_desk.services.clock import local_today

REASON_LIMIT = 300
SERIAL_TYPED = re.compile(r"SERT\s*/\s*\d{4}\s*/\s*\d+", re.IGNORECASE)
Report = Callable[[int, int], bool]


@dataclass(frozen=True)
class _Planned:
    request: IssueRequest
    row: EligibleRow
    printed_name: str


def _clean(value: str) -> str:
    return " ".join(str(value or "").split())


def _file_name(serial: str, participant_code: str) -> str:
    return f"{serial.replace('/', '-')}_{participant_code}.pdf"


class CertificateService:
    def __init__(self, db: Database, actor: Actor, outputs: OutputWriter | None = None,
                 keyfile: Callable[[], KeyFile] | None = None) -> None:
        self.db = db
        self.actor = actor
        self._outputs = outputs
        self._keyfile = keyfile
        self.templates = CertificateTemplateService(db, actor)

    @property
    def outputs(self) -> OutputWriter:
        if self._outputs is None:
            raise RuntimeError("CertificateService built without an OutputWriter")
        return self._outputs

    # -- eligibility ---------------------------------------------------------------------------
    def eligible(self, module_id: int | None = None, group_id: int | None = None,
                 include_close: bool = True) -> list[EligibleRow]:
        """Who may have a certificate (with the reason), then who is close but not yet."""
        self.actor.require(Permission.ISSUE_CERTIFICATES)
        programme = self.templates.programme_name()
        with self.db.reading() as session:
            return eligibility(session, programme_name=programme, module_id=module_id,
                               group_id=group_id, include_close=include_close)

    # -- issuing -------------------------------------------------------------------------------
    def preview_pdf(self, request: IssueRequest, template_id: int | None = None,
                    lang: str | None = None, design: CertificateDesign | None = None) -> bytes:
        """Her certificate as it would print, with a sample serial and code: nothing is taken,
        nothing is audited as issued (the preview never leaves the screen unless printed)."""
        self.actor.require(Permission.ISSUE_CERTIFICATES)
        from kdrt_desk.reports.certificate import certificate_pdf

        view = self.templates.template(template_id)
        chosen = design if design is not None else view.design
        planned = self._plan([request], allow_held=True)[0]
        today = local_today()
        sample = self._print(planned, serial_for(today.year, 0).replace("0000", "CONTOH"),
                             "XXXX-XXXX-XXXX", today)
        return certificate_pdf(sample, chosen, lang=lang or "id")

    def issue(self, requests: Sequence[IssueRequest], path: Path | None, *,
              template_id: int | None = None, per_participant: Path | None = None,
              overwrite: bool = False, report: Report | None = None,
              lang: str | None = None) -> BatchResult:
        """Issue certificates and write them as one PDF at ``path`` (for the printer) and/or,
        when ``per_participant`` names a folder, one file each there. All or nothing."""
        self.actor.require(Permission.ISSUE_CERTIFICATES)
        if not requests:
            raise UserError("error.certificate_none_chosen")
        keys = [(r.participant_id, r.module_id, r.group_id if r.module_id is None else 0)
                for r in requests]
        if len(set(keys)) != len(keys):
            raise UserError("error.certificate_duplicate_request")
        view = self._usable_template(template_id)
        if any(r.issued_on is not None for r in requests):
            raise UserError("error.certificate_printed_today", field="issued_on")
        planned = self._plan(requests, allow_held=False)
        targets = self._targets(path, per_participant, planned, overwrite)
        return self._write(planned, view, targets, overwrite=overwrite, report=report,
                           lang=lang, action="certificates_issued")

    def issue_unprinted(self, requests: Sequence[IssueRequest], *,
                        template_id: int | None = None) -> list[str]:
        """Issue without writing a file (the demo, a centre bringing in its paper register):
        the same checks and serials; each one prints later from the register (``reprint_pdf``)."""
        self.actor.require(Permission.ISSUE_CERTIFICATES)
        if not requests:
            raise UserError("error.certificate_none_chosen")
        view = self._usable_template(template_id)
        today = local_today()
        if any(r.issued_on is not None and r.issued_on > today for r in requests):
            raise UserError("error.certificate_issued_in_future", field="issued_on")
        planned = self._plan(requests, allow_held=False)
        return self._write(planned, view, (None, None), overwrite=False, report=None,
                           lang=None, action="certificates_issued").serials

    def reissue(self, certificate_id: int, reason: str, path: Path | None, *,
                printed_name: str = "", template_id: int | None = None,
                overwrite: bool = False, lang: str | None = None) -> BatchResult:
        """A new serial and code for a certificate (lost, name corrected): the old one is marked
        reissued, pointing at the new one. ``path`` None: nothing written (print it later)."""
        self.actor.require(Permission.REVOKE_CERTIFICATES)
        reason = self._reason(reason)
        view = self._usable_template(template_id)
        with self.db.reading() as session:
            old = self._certificate(session, certificate_id)
            if old.status != CertificateStatus.VALID.value:
                raise UserError("error.certificate_not_valid", serial=old.serial)
            person = session.get(Participant, old.participant_id) if old.participant_id else None
            if person is None or person.anonymised_on is not None or old.printed_name is None:
                raise UserError("error.certificate_name_removed")
            name = self._printed_name(printed_name or old.printed_name)
            row = EligibleRow(person.id, person.code, person.full_name,
                              person.preferred_name or "", CertificateKind(old.kind),
                              old.module_id, old.module_code, old.course, old.group_id or 0, "",
                              True, "", hours=old.hours, first_date=old.first_date,
                              last_date=old.last_date)
            request = IssueRequest(row.participant_id, old.module_id, old.group_id or 0, name)
        planned = [_Planned(request, row, name)]
        targets = (self._targets(path, None, planned, overwrite) if path is not None
                   else (None, None))
        return self._write(planned, view, targets, overwrite=overwrite, report=None, lang=lang,
                           action="certificate_reissued", replacing=(certificate_id, reason))

    def reprint_pdf(self, certificate_id: int, lang: str | None = None) -> bytes:
        """A copy of a certificate as issued (same serial and code), for the printer again."""
        self.actor.require(Permission.ISSUE_CERTIFICATES)
        from kdrt_desk.reports.certificate import certificate_pdf

        with self.db.transaction() as session:
            row = self._certificate(session, certificate_id)
            if row.status != CertificateStatus.VALID.value:
                # a revoked or replaced certificate printed again would look valid on paper
                raise UserError("error.certificate_not_valid", serial=row.serial)
            if row.printed_name is None:
                raise UserError("error.certificate_name_removed")
            view = (view_of(session, row.template_id) if row.template_id
                    else self.templates.templates()[0])
            one = CertificatePrint(row.serial, row.code, row.printed_name, row.course, row.hours,
                                   row.first_date, row.last_date, row.issued_on,
                                   qr_text(row.code, self.templates.verify_url()))
            audit_log.append(session, self.actor.username, "certificate_reprinted", row.serial,
                             {"participant": row.participant_code})
        return certificate_pdf(one, view.design, lang=lang or "id")

    def write_reprint(self, certificate_id: int, path: Path, *, overwrite: bool = False,
                      lang: str | None = None) -> Path:
        """A copy of a certificate as issued, written to ``path`` (audited as a reprint)."""
        self.outputs.check(path, overwrite=overwrite)
        return self.outputs.write(path, self.reprint_pdf(certificate_id, lang),
                                  overwrite=overwrite)

    def revoke(self, serial: str, reason: str) -> RegisterRow:
        self.actor.require(Permission.REVOKE_CERTIFICATES)
        reason = self._reason(reason)
        with self.db.transaction() as session:
            row = session.scalar(select(Certificate).where(Certificate.serial == serial.strip()))
            if row is None:
                raise UserError("error.certificate_unknown", field="serial")
            if row.status != CertificateStatus.VALID.value:
                raise UserError("error.certificate_not_valid", serial=row.serial)
            row.status, row.reason = CertificateStatus.REVOKED.value, reason
            row.changed_by, row.changed_at = self.actor.username, datetime.now(UTC)
            self._sign(session, row)
            audit_log.append(session, self.actor.username, "certificate_revoked", row.serial,
                             {"participant": row.participant_code})
            session.flush()
            return _register_rows(session, [row])[0]

    # -- the register and verification -------------------------------------------------------
    def register(self, participant_id: int | None = None) -> list[RegisterRow]:
        self.actor.require(Permission.ISSUE_CERTIFICATES)
        with self.db.reading() as session:
            query = select(Certificate).order_by(Certificate.year.desc(),
                                                 Certificate.number.desc())
            if participant_id is not None:
                query = query.where(Certificate.participant_id == participant_id)
            return _register_rows(session, list(session.scalars(query)))

    def verify(self, code: str, name: str = "") -> Verification:
        """Whether ``code`` (typed, or read from the QR code: the code or the URL) belongs to a
        genuine certificate, whether it is valid, and (when ``name`` is given) whether the name
        on the paper matches the one printed."""
        self.actor.require(Permission.VIEW_PROGRAMME)
        wanted = code_from_scan(code)
        if not wanted and SERIAL_TYPED.search(code or ""):
            raise UserError("error.certificate_serial_typed", field="code")
        with self.db.transaction() as session:
            row = (session.scalar(select(Certificate).where(Certificate.code == wanted))
                   if wanted else None)
            if row is None:
                audit_log.append(session, self.actor.username, "certificate_verified", "",
                                 {"result": "unknown"})
                return Verification(False)
            replaced = (session.get(Certificate, row.replaced_by_id)
                        if row.replaced_by_id else None)
            if not self._authentic(session, row):
                audit_log.append(session, self.actor.username, "certificate_verified",
                                 row.serial, {"result": "tampered"})
                return Verification(False, tampered=True)
            matches = name_matches(name, row.name_salt, row.name_hash) if name.strip() else None
            audit_log.append(session, self.actor.username, "certificate_verified", row.serial,
                             {"result": row.status, "name_checked": matches is not None,
                              "name_matches": matches})
            return Verification(True, CertificateStatus(row.status), row.printed_name or "",
                                row.printed_name is not None, row.course, row.issued_on,
                                replaced.serial if replaced is not None else "", matches)

    # -- inside --------------------------------------------------------------------------------
    def _usable_template(self, template_id: int | None) -> TemplateView:
        view = self.templates.template(template_id)
        if view.archived:
            raise UserError("error.certificate_template_unknown")
        if not view.design.signatories:
            raise UserError("error.certificate_no_signatory")
        return view

    def _reason(self, reason: str) -> str:
        cleaned = _clean(reason)
        problems = reject_control_characters("reason", reason)
        if not cleaned:
            problems.append(UserError("error.reason_required", field="reason"))
        elif len(cleaned) > REASON_LIMIT:
            problems.append(UserError("error.too_long", field="reason", limit=REASON_LIMIT))
        if problems:
            raise ValidationError(problems)
        return cleaned

    def _printed_name(self, name: str) -> str:
        cleaned = _clean(name)
        problems = reject_control_characters("printed_name", name)
        if not cleaned:
            problems.append(UserError("error.required", field="printed_name"))
        elif len(cleaned) > NAME_PRINT_LIMIT:
            problems.append(UserError("error.too_long", field="printed_name",
                                      limit=NAME_PRINT_LIMIT))
        if problems:
            raise ValidationError(problems)
        return cleaned

    def _plan(self, requests: Sequence[IssueRequest], *, allow_held: bool) -> list[_Planned]:
        """Each request against the eligibility rule; every problem at once, naming the row."""
        programme = self.templates.programme_name()
        with self.db.reading() as session:
            rows = {(r.participant_id, r.module_id, r.group_id): r for r in eligibility(
                session, programme_name=programme, include_close=False)}
            anonymised = {pid for pid, day in session.execute(
                select(Participant.id, Participant.anonymised_on).where(
                    Participant.id.in_({r.participant_id for r in requests})))
                if day is not None}
            problems: list[UserError] = []
            planned: list[_Planned] = []
            many = len(requests) > 1
            for n, request in enumerate(requests, start=1):
                field = f"row {n}" if many else "participant"
                row = (rows.get((request.participant_id, request.module_id, request.group_id))
                       if request.module_id is None else next(
                    (r for (p, m, _g), r in rows.items()
                     if p == request.participant_id and m == request.module_id), None))
                if request.participant_id in anonymised:
                    problems.append(UserError("error.participant_anonymised", field=field))
                    continue
                if row is None:
                    problems.append(UserError("error.certificate_not_eligible", field=field))
                    continue
                if revealing(row.course):
                    problems.append(UserError("error.certificate_course_revealing",
                                              field=field, module=row.module_code))
                    continue
                held = valid_certificate(session, request.participant_id, request.module_id,
                                         request.group_id)
                if held is not None and not allow_held:
                    problems.append(UserError("error.certificate_exists", field=field,
                                              serial=held.serial))
                    continue
                chosen = request.printed_name or (
                    row.preferred_name if request.use_preferred and row.preferred_name
                    else row.name)
                try:
                    name = self._printed_name(chosen)
                except ValidationError as exc:
                    problems += [replace_field(e, field) for e in exc.errors]
                    continue
                planned.append(_Planned(request, row, name))
        if problems:
            raise ValidationError(problems)
        return planned

    def _targets(self, path: Path | None, folder: Path | None, planned: Sequence[_Planned],
                 overwrite: bool) -> tuple[Path | None, Path | None]:
        """The batch file and the folder for one file each, checked before any work."""
        if path is None and folder is None:
            raise UserError("error.certificate_no_output")
        batch = self.outputs.check(path, overwrite=overwrite) if path is not None else None
        if folder is not None:
            if not Path(folder).is_dir():
                raise UserError("error.output_folder_missing", folder=str(folder))
            # a folder inside the data folder is refused here; each file is checked when written
            self.outputs.check(Path(folder) / "probe.pdf", overwrite=True)
        return batch, folder

    def _print(self, planned: _Planned, serial: str, code: str, issued_on: date
               ) -> CertificatePrint:
        row = planned.row
        first = row.first_date or issued_on
        last = row.last_date or first
        return CertificatePrint(serial, code, planned.printed_name, row.course, row.hours,
                                first, last, issued_on,
                                qr_text(code, self.templates.verify_url()))

    def _write(self, planned: Sequence[_Planned], view: TemplateView,
               targets: tuple[Path | None, Path | None], *,
               overwrite: bool, report: Report | None, lang: str | None, action: str,
               replacing: tuple[int, str] | None = None) -> BatchResult:
        from kdrt_desk.reports.certificate import certificate_pdf, certificates_pdf

        today = local_today()
        now = datetime.now(UTC)
        staged: list[Staged] = []
        batch, folder = targets
        for where in {p for p in (batch.parent if batch else None, folder) if p is not None}:
            sweep_staged(where)  # what a batch killed before its commit left there
        try:
            with self.db.transaction() as session:
                counters: dict[int, CertificateSerial] = {}
                prints: list[CertificatePrint] = []
                rows: list[Certificate] = []
                for item in planned:
                    issued = item.request.issued_on or today
                    counter = counters.get(issued.year) or session.get(CertificateSerial,
                                                                       issued.year)
                    if counter is None:
                        counter = CertificateSerial(year=issued.year, last=0)
                        session.add(counter)
                    counters[issued.year] = counter
                    counter.last += 1
                    serial = serial_for(issued.year, counter.last)
                    code = self._fresh_code(session)
                    salt = secrets.token_bytes(16)
                    one = self._print(item, serial, code, issued)
                    cert = Certificate(
                        serial=serial, year=issued.year, number=counter.last, code=code,
                        participant_id=item.row.participant_id,
                        participant_code=item.row.code, kind=item.row.kind.value,
                        module_id=item.row.module_id,
                        group_id=item.row.group_id or None,
                        template_id=view.id or None, printed_name=item.printed_name,
                        name_salt=salt, name_hash=name_hash(item.printed_name, salt),
                        module_code=item.row.module_code, course=item.row.course,
                        hours=one.hours, first_date=one.first_date, last_date=one.last_date,
                        issued_on=issued, status=CertificateStatus.VALID.value, reason="",
                        issued_by=self.actor.username, issued_at=now, changed_by="")
                    session.add(cert)
                    prints.append(one)
                    rows.append(cert)
                session.flush()
                for cert in rows:
                    self._sign(session, cert)
                if batch is not None:
                    data = certificates_pdf(prints, view.design, lang=lang or "id",
                                            report=report)
                    staged.append(self.outputs.stage(batch, data, overwrite=overwrite))
                if folder is not None:
                    for count, (one, item) in enumerate(zip(prints, planned, strict=True), 1):
                        target = folder / _file_name(one.serial, item.row.code)
                        staged.append(self.outputs.stage(
                            target, certificate_pdf(one, view.design, lang=lang or "id"),
                            overwrite=overwrite))
                        if (batch is None and report is not None
                                and not report(count, len(prints))):
                            raise UserError("error.cancelled")
                if replacing is not None:
                    old = self._certificate(session, replacing[0])
                    old.status, old.reason = CertificateStatus.REISSUED.value, replacing[1]
                    old.replaced_by_id = rows[0].id
                    old.changed_by, old.changed_at = self.actor.username, now
                    self._sign(session, old)
                audit_log.append(session, self.actor.username, action,
                                 f"certificates:{len(rows)}",
                                 {"serials": [r.serial for r in rows],
                                  "participants": [r.participant_code for r in rows],
                                  "template": view.id,
                                  "replaces": (self._certificate(session, replacing[0]).serial
                                               if replacing else "")})
        except BaseException:
            for one_file in staged:
                discard(one_file)
            raise
        # committed: only now do the files take their names (a kill before this point leaves
        # hidden temporary files, never a certificate whose serial the register does not hold)
        written: list[Path] = []
        for number, one_file in enumerate(staged):
            try:
                written.append(self.outputs.place(one_file, overwrite=overwrite))
            except UserError as exc:
                for rest in staged[number + 1:]:
                    discard(rest)
                raise UserError("error.certificate_files_not_placed",
                                path=str(one_file.target), why=exc.message) from exc
        return BatchResult([p.serial for p in prints], [str(p) for p in written])

    def _sign(self, session: Session, row: Certificate) -> None:
        """Sign the row as it now stands with this account's key (no key: refused)."""
        signer = self.db.signer
        if signer is None or signer.sign_record is None:
            raise UserError("error.certificate_needs_keys")
        row.signer = signer.fingerprint
        row.signature = signer.sign_record("certificate", _digest(session, row))

    def _authentic(self, session: Session, row: Certificate) -> bool:
        """The row is as an account allowed to write it signed it, its printed name is the one
        hashed, and no audit entry says it was revoked or replaced while it claims validity."""
        if self._keyfile is None:
            raise RuntimeError("CertificateService built without the key file")
        cert = account_signers(self._keyfile()).get(row.signer)
        if cert is None or cert.sign_public is None or row.signature is None:
            return False
        payload = record_signature_payload(self._keyfile().vault_id, "certificate",
                                           _digest(session, row))
        if not verify_signature(cert.sign_public, row.signature, payload):
            return False
        needed = (Permission.ISSUE_CERTIFICATES if row.status == CertificateStatus.VALID.value
                  else Permission.REVOKE_CERTIFICATES)
        try:
            if not allows(Role(cert.role), needed):
                return False
        except ValueError:
            return False
        if row.printed_name is not None and not name_matches(row.printed_name, row.name_salt,
                                                             row.name_hash):
            return False
        if row.status == CertificateStatus.VALID.value:
            ended = session.scalar(select(AuditEntry.id).where(
                or_(and_(AuditEntry.action == "certificate_revoked",
                         AuditEntry.target == row.serial),
                    and_(AuditEntry.action == "certificate_reissued",
                         AuditEntry.details.contains(f'"replaces": "{row.serial}"'))))
                .limit(1))
            if ended is not None:
                return False
        return True

    @staticmethod
    def _fresh_code(session: Session) -> str:
        while True:
            code = new_code()
            if session.scalar(select(Certificate.id).where(Certificate.code == code)) is None:
                return code

    @staticmethod
    def _certificate(session: Session, certificate_id: int) -> Certificate:
        row = session.get(Certificate, certificate_id)
        if row is None:
            raise UserError("error.certificate_unknown")
        return row


def _digest(session: Session, row: Certificate) -> str:
    """What a row's signature covers: everything a verifier is told or that decides validity
    (not the printed name itself, which a withdrawal removes: its salted hash stands for it)."""
    replaced = (session.scalar(select(Certificate.serial).where(
        Certificate.id == row.replaced_by_id)) if row.replaced_by_id else "")
    return record_digest([
        row.serial, row.year, row.number, row.code, row.participant_code, row.kind,
        row.module_code, row.course, row.hours, row.first_date, row.last_date, row.issued_on,
        row.name_salt.hex(), row.name_hash.hex(), row.status, row.reason, replaced])


def replace_field(error: UserError, field: str) -> UserError:
    return UserError(error.key, field=field, **error.params)


def _register_rows(session: Session, rows: list[Certificate]) -> list[RegisterRow]:
    ids = {r.replaced_by_id for r in rows if r.replaced_by_id} | {r.id for r in rows}
    serials = dict(session.execute(select(Certificate.id, Certificate.serial)
                                   .where(Certificate.id.in_(ids))).all())
    replaced_from = dict(session.execute(
        select(Certificate.replaced_by_id, Certificate.serial)
        .where(Certificate.replaced_by_id.in_([r.id for r in rows]))).all())
    return [RegisterRow(
        r.id, r.serial, r.code, r.participant_id, r.participant_code, r.printed_name or "",
        r.printed_name is None, CertificateKind(r.kind), r.module_code, r.course, r.issued_on,
        CertificateStatus(r.status), r.reason,
        serials.get(r.replaced_by_id, "") if r.replaced_by_id else "",
        replaced_from.get(r.id, "")) for r in rows]


def remove_names(session: Session, participant_id: int) -> int:
    """Her withdrawal: her certificates stay valid under her code, the name as printed goes (the
    salted hash stays, for a verifier holding the paper). Returns how many."""
    count = 0
    for row in session.scalars(select(Certificate).where(
            Certificate.participant_id == participant_id)):
        row.printed_name = None
        count += 1
    return count


__all__ = ["CertificateService", "remove_names"]
