"""Consent with teeth: contact and photo checks, the signed form, withdrawal with anonymisation."""

from __future__ import annotations

import copy
import logging
from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, cast

from sqlalchemy import CursorResult, Delete, Update, delete, select, update
from sqlalchemy.orm import Session

from kdrt_desk import i18n
from kdrt_desk.db.engine import checkpoint
from kdrt_desk.db.session import Database
from kdrt_desk.domain.enums import ConsentScope, ParticipantStatus, SafeToCall
from kdrt_desk.domain.participant import ParticipantInput, ParticipantRecord
from kdrt_desk.domain.text import reject_control_characters
from kdrt_desk.domain.training import EnrolmentStatus
from kdrt_desk.errors import UserError, ValidationError
from kdrt_desk.models import (
    Assessment,
    AssessmentAlert,
    Attendance,
    BusinessCapital,
    Enrolment,
    LivelihoodRecord,
    Participant,
    ParticipantConsent,
    ParticipantRoutine,
    ParticipantSearchToken,
    ReminderTold,
    Screening,
    ScreeningChange,
    ScreeningDecision,
    ServiceRecord,
    Setting,
)
from kdrt_desk.models.sealed import field_keys, open_blob
from kdrt_desk.repositories import livelihood_ledger, score_ledger
from kdrt_desk.repositories.names import ANONYMISED_MARKER
from kdrt_desk.security.atomic_file import OutputWriter
from kdrt_desk.security.permissions import Permission
from kdrt_desk.services import audit_log
from kdrt_desk.services.actor import Actor
from kdrt_desk.services.clock import local_today

log = logging.getLogger(__name__)

AGE_BAND_YEARS = 5
# Shown only with contact consent (the register list shows just the phone of these).
CONTACT_FIELDS = ("phone", "trusted_contact_phone", "safe_call_times")
# What anonymisation erases from the participant row (named in the audit log, never the values).
ERASED_FIELDS = ("full_name", "preferred_name", "nik", "birth_date", "birth_place", "phone",
                 "safe_to_call", "safe_call_times", "trusted_contact_name",
                 "trusted_contact_phone", "never_contact_at_home", "kelurahan", "children_ages",
                 "occupation", "search_text")
ID_CHUNK = 500


def _split(scopes: str | None) -> set[str]:
    return {s for s in (scopes or "").split(",") if s}


def _scopes(row: Participant) -> set[str]:
    return _split(row.consent.scopes) if row.consent is not None else set()


def consent_facts(session: Session, ids: Sequence[int] | None = None
                  ) -> dict[int, tuple[set[str], bool]]:
    """{participant: (her consent scopes, whether they still count)} for ``ids`` (or everyone),
    opened with the session's keys: scopes are sealed, so a role without the contact key sees
    none (and so never contact details)."""
    keys = field_keys(session)
    query = (select(Participant.id, Participant.anonymised_on, ParticipantConsent.participant_id,
                    ParticipantConsent.scopes, ParticipantConsent.withdrawn_on)
             .outerjoin(ParticipantConsent))
    chunks = [None] if ids is None else [ids[i:i + ID_CHUNK] for i in range(0, len(ids),
                                                                            ID_CHUNK)]
    found: dict[int, tuple[set[str], bool]] = {}
    for chunk in chunks:
        chunk_query = query if chunk is None else query.where(Participant.id.in_(chunk))
        for pid, anonymised, consent_id, scopes, withdrawn in session.execute(chunk_query):
            given = _split(open_blob(keys, scopes, pid)) if consent_id is not None else set()
            found[pid] = (given, consent_id is not None and withdrawn is None
                          and anonymised is None)
    return found


def consent_allows(row: Participant, scope: ConsentScope) -> bool:
    """She gave ``scope``, has not withdrawn her consent and her record is not anonymised."""
    return (row.anonymised_on is None and row.consent is not None
            and row.consent.withdrawn_on is None and scope.value in _scopes(row))


def contact_withheld_ids(session: Session, ids: Sequence[int] | None = None) -> set[int]:
    """The participants (of ``ids``, or all) whose contact details must not be shown."""
    return {pid for pid, (scopes, valid) in consent_facts(session, ids).items()
            if not valid or ConsentScope.CONTACT.value not in scopes}


def apply_consent(record: ParticipantRecord, row: Participant) -> ParticipantRecord:
    """Add the consent facts to a record and blank her contact details without contact consent."""
    record.anonymised_on = row.anonymised_on
    if row.consent is not None:
        record.consent.form_signed_on = row.consent.form_signed_on
    if not consent_allows(row, ConsentScope.CONTACT):
        record.contact_withheld = True
        for name in CONTACT_FIELDS:
            setattr(record, name, "")
    return record


def keep_withheld_contact(data: ParticipantInput, row: Participant) -> ParticipantInput:
    """An edit of a record shown without contact details keeps the stored ones it left blank."""
    if consent_allows(row, ConsentScope.CONTACT):
        return data
    kept = copy.copy(data)
    for name in CONTACT_FIELDS:
        if not str(getattr(kept, name) or "").strip():
            setattr(kept, name, getattr(row, name) or "")
    return kept


def _age_on(born: date, day: date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def age_band_start(row: Participant) -> int | None:
    """Her age at registration, rounded down to a five-year band (37 -> 35); None if unknown."""
    if row.birth_date is not None:
        age = _age_on(row.birth_date, row.registered_on)
    elif row.estimated_age is not None:
        age = row.estimated_age
    else:
        return None
    return age - age % AGE_BAND_YEARS


def _changed(session: Session, statement: Update | Delete) -> int:
    """Run an UPDATE or DELETE; the number of rows it changed."""
    result = cast("CursorResult[Any]", session.execute(statement))
    return int(result.rowcount)


def _participant(session: Session, participant_id: int) -> Participant:
    row = session.scalar(select(Participant).where(Participant.id == participant_id))
    if row is None:
        raise UserError("error.participant_unknown")
    return row


class ConsentService:
    def __init__(self, db: Database, actor: Actor, outputs: OutputWriter | None = None) -> None:
        self.db = db
        self.actor = actor
        self._outputs = outputs

    @property
    def outputs(self) -> OutputWriter:
        if self._outputs is None:
            raise RuntimeError("ConsentService built without an OutputWriter")
        return self._outputs

    # -- checks the rest of the app relies on ---------------------------------------------------
    def may_contact(self, participant_id: int) -> bool:
        """True when she agreed to be contacted by phone/WhatsApp and has not withdrawn."""
        return self._allows(participant_id, ConsentScope.CONTACT)

    def may_attach_photo(self, participant_id: int) -> bool:
        """True when she agreed to photos and has not withdrawn."""
        return self._allows(participant_id, ConsentScope.PHOTOS)

    def _allows(self, participant_id: int, scope: ConsentScope) -> bool:
        self.actor.require(Permission.VIEW_REGISTER)
        with self.db.reading() as session:
            return consent_allows(_participant(session, participant_id), scope)

    # -- the printed form ----------------------------------------------------------------------
    def record_form_signed(self, participant_id: int, signed_on: date,
                           today: date | None = None) -> None:
        """Record the day she signed the printed consent form (not before registration)."""
        self.actor.require(Permission.MANAGE_CONSENT)
        day = today or local_today()
        if signed_on > day:
            raise UserError("error.date_future", field="signed_on")
        with self.db.transaction() as session:
            row = _participant(session, participant_id)
            if row.anonymised_on is not None:
                raise UserError("error.participant_anonymised")
            if signed_on < row.registered_on:
                raise UserError("error.form_signed_before_registration", field="signed_on")
            consent = row.consent or ParticipantConsent(scopes="", recorded_by="")
            changed = consent.form_signed_on != signed_on
            consent.form_signed_on = signed_on
            row.consent = consent
            if changed:
                audit_log.append(session, self.actor.username, "consent_form_signed", row.code,
                                 {"fields": ["form_signed_on"]})

    def consent_form_pdf(self, participant_id: int, path: Path, overwrite: bool = False) -> None:
        """Write her consent form, pre-filled and in the UI language, to ``path`` (audited);
        never into the data folder, and over an existing file only with ``overwrite``."""
        self.actor.require(Permission.MANAGE_CONSENT)
        lang = i18n.language()
        with self.db.transaction() as session:
            code, data = self._consent_form(session, participant_id, lang)
            audit_log.append(session, self.actor.username, "consent_form_exported", code,
                             {"format": "pdf", "language": lang})
            self.outputs.write(Path(path), data, overwrite=overwrite)

    def consent_form_bytes(self, participant_id: int) -> bytes:
        """The form ``consent_form_pdf`` saves, as bytes for the preview (not audited: it
        stays on the screen; ``record_consent_form_printed`` audits a printout)."""
        self.actor.require(Permission.MANAGE_CONSENT)
        with self.db.reading() as session:
            return self._consent_form(session, participant_id, i18n.language())[1]

    def record_consent_form_printed(self, participant_id: int) -> None:
        """Audit a printout as a saved form is, with ``{"via": "printer"}``."""
        self.actor.require(Permission.MANAGE_CONSENT)
        lang = i18n.language()
        with self.db.transaction() as session:
            row = _participant(session, participant_id)
            audit_log.append(session, self.actor.username, "consent_form_exported", row.code,
                             {"format": "pdf", "language": lang, "via": "printer"})

    @staticmethod
    def _consent_form(session: Session, participant_id: int, lang: str) -> tuple[str, bytes]:
        from kdrt_desk.reports.consent_form import ConsentForm, render_consent_form

        row = _participant(session, participant_id)
        if row.anonymised_on is not None:
            raise UserError("error.participant_anonymised")
        settings = {s.key: s.value for s in session.scalars(
            select(Setting).where(Setting.key.in_(("centre_name", "centre_address"))))}
        consent = row.consent
        scopes = frozenset(ConsentScope(s) for s in _scopes(row) if s)
        form = ConsentForm(
            centre_name=settings.get("centre_name", ""),
            centre_address=settings.get("centre_address", ""),
            participant_name=row.full_name, participant_code=row.code,
            scopes=scopes if consent is None or consent.withdrawn_on is None
            else frozenset(),
            consent_date=consent.consent_date if consent is not None else None,
            printed_on=local_today())
        return row.code, render_consent_form(form, lang)

    # -- withdrawal ----------------------------------------------------------------------------
    def withdraw_data_use(self, participant_id: int, withdrawn_on: date, confirm: bool = False,
                          today: date | None = None) -> bool:
        """She withdraws consent to the use of her data: erase what identifies her, for good.

        An Admin or Konselor anonymises at once; anyone else who manages consent records the
        withdrawal (her consent stops counting at once: no contact, no statistics) and the
        anonymisation waits for an Admin or Konselor to confirm it (``confirm_withdrawal``),
        like a rejection. Returns True when her record was anonymised now.

        Anonymising, in one transaction: identity, contact and case fields are cleared (the name
        becomes a neutral placeholder), her case background is deleted, screening notes, safety
        plans, risk reasons, decision reason texts and service outcome notes are cleared. Kept:
        the code, kecamatan, status, dates of registration, screening and services, the coded
        answers and counts, her attendance marks (without reasons), and, only if she consented
        to anonymised statistics, her age as the start of a five-year band and her income. She
        leaves any group she is in (withdrawn that day; her status becomes dropped out). Nothing
        erased is written to the audit log.
        """
        self.actor.require(Permission.MANAGE_CONSENT)
        if not confirm:
            raise UserError("error.withdraw_unconfirmed", field="confirm")
        day = today or local_today()
        if withdrawn_on > day:
            raise UserError("error.date_future", field="withdrawn_on")
        at_once = self.actor.may(Permission.ANONYMISE)
        with self.db.transaction() as session:
            row = _participant(session, participant_id)
            if row.anonymised_on is not None:
                raise UserError("error.participant_anonymised")
            consent = row.consent
            if consent is not None and consent.withdrawal_requested_by:
                raise UserError("error.withdrawal_already_requested")
            if (consent is None or consent.consent_date is None
                    or withdrawn_on < consent.consent_date):
                raise UserError("error.withdrawal_date", field="withdrawn_on")
            consent.withdrawn_on = withdrawn_on
            audit_log.append(session, self.actor.username, "consent_withdrawn", row.code,
                             {"scope": ConsentScope.DATA_USE.value,
                              "awaiting_confirmation": not at_once})
            if not at_once:
                consent.withdrawal_requested_by = self.actor.username
                session.execute(delete(ParticipantSearchToken).where(
                    ParticipantSearchToken.participant_id == row.id))
                return False
            details = self._anonymise(session, row, day)
            audit_log.append(session, self.actor.username, "participant_anonymised", row.code,
                             details)
        self._checkpoint()
        return True

    def pending_withdrawals(self) -> list[tuple[int, str, str, date | None, str | None]]:
        """Withdrawals waiting for an Admin or Konselor: (id, code, name, date, requested by)."""
        self.actor.require(Permission.VIEW_REGISTER)
        with self.db.reading() as session:
            return [(pid, code, name, on, by) for pid, code, name, on, by in session.execute(
                select(Participant.id, Participant.code, Participant.full_name,
                       ParticipantConsent.withdrawn_on, ParticipantConsent.withdrawal_requested_by)
                .join(ParticipantConsent)
                .where(ParticipantConsent.withdrawal_requested_by.is_not(None),
                       Participant.anonymised_on.is_(None))
                .order_by(ParticipantConsent.withdrawn_on, Participant.code))]

    def withdrawal_request(self, participant_id: int) -> str | None:
        """Who recorded her withdrawal if it still waits for an Admin or Konselor; else None."""
        self.actor.require(Permission.VIEW_REGISTER)
        with self.db.reading() as session:
            row = _participant(session, participant_id)
            consent = row.consent
            if row.anonymised_on is not None or consent is None:
                return None
            return consent.withdrawal_requested_by

    def withdrawal_rejection(self, participant_id: int) -> str | None:
        """Why her last recorded withdrawal was taken back (restricted: None for roles that
        may not see case notes, or when none was)."""
        self.actor.require(Permission.VIEW_REGISTER)
        if not self.actor.may(Permission.VIEW_RESTRICTED):
            return None
        with self.db.reading() as session:
            row = _participant(session, participant_id)
            if row.anonymised_on is not None or row.consent is None:
                return None
            return row.consent.withdrawal_rejection or None

    def confirm_withdrawal(self, participant_id: int, today: date | None = None) -> None:
        """The second person's confirmation: her record is anonymised now."""
        self.actor.require(Permission.ANONYMISE)
        day = today or local_today()
        with self.db.transaction() as session:
            row = _participant(session, participant_id)
            consent = row.consent
            if row.anonymised_on is not None:
                raise UserError("error.participant_anonymised")
            if consent is None or not consent.withdrawal_requested_by:
                raise UserError("error.withdrawal_not_requested")
            if consent.withdrawal_requested_by == self.actor.username:
                raise UserError("error.same_person_confirm")
            requested_by = consent.withdrawal_requested_by
            consent.withdrawal_requested_by = None
            details = self._anonymise(session, row, day)
            audit_log.append(session, self.actor.username, "participant_anonymised", row.code,
                             {**details, "requested_by": requested_by})
        self._checkpoint()

    def reject_withdrawal(self, participant_id: int, reason: str) -> None:
        """A withdrawal recorded by mistake: an Admin or Konselor takes it back (with a reason;
        her consent counts again)."""
        self.actor.require(Permission.ANONYMISE)
        bad = reject_control_characters("reason", reason, multiline=True)
        if bad:
            raise ValidationError(bad)
        reason = " ".join(reason.split())
        if not reason:
            raise UserError("error.withdrawal_reason_required", field="reason")
        if len(reason) > 500:
            raise UserError("error.too_long", field="reason", limit=500)
        with self.db.transaction() as session:
            row = _participant(session, participant_id)
            consent = row.consent
            if consent is None or not consent.withdrawal_requested_by:
                raise UserError("error.withdrawal_not_requested")
            consent.withdrawal_requested_by = None
            consent.withdrawn_on = None
            consent.withdrawal_rejection = reason
            session.flush()
            from kdrt_desk.repositories.participants import refresh_tokens

            refresh_tokens(session, row)
            audit_log.append(session, self.actor.username, "consent_withdrawal_rejected",
                             row.code, {"fields": ["withdrawn_on"]})

    def _anonymise(self, session: Session, row: Participant, day: date) -> dict[str, object]:
        statistics = ConsentScope.STATISTICS.value in _scopes(row)
        now = datetime.now(UTC)
        row.estimated_age = age_band_start(row) if statistics else None
        if not statistics:
            row.monthly_income = None
        row.full_name = ANONYMISED_MARKER  # shown through the catalogue (repositories.names)
        row.preferred_name = ""
        row.nik = None
        row.birth_date = None
        row.birth_place = ""
        row.phone = None
        row.safe_to_call = SafeToCall.NO.value
        row.safe_call_times = ""
        row.trusted_contact_name = ""
        row.trusted_contact_phone = None
        row.never_contact_at_home = False
        row.kelurahan = ""
        row.children_ages = ""
        row.occupation = ""
        row.search_text = row.code.lower()
        if row.consent is not None:
            row.consent.withdrawal_rejection = None
        row.anonymised_on = day
        session.execute(delete(ParticipantSearchToken).where(
            ParticipantSearchToken.participant_id == row.id))
        routine_deleted = _changed(session, delete(ParticipantRoutine).where(
            ParticipantRoutine.participant_id == row.id)) > 0
        told_deleted = _changed(session, delete(ReminderTold).where(  # how she was told
            ReminderTold.participant_id == row.id))
        row.updated_at = now
        case_deleted = row.case is not None
        row.case = None
        session.flush()
        pid = row.id
        screenings = _changed(session, update(Screening).where(
            Screening.participant_id == pid).values(
            interview_notes=None, experience=None, skills_other="", risk_reasons=None,
            safety_plan=None, updated_at=now, version=Screening.version + 1))
        _changed(session, update(ScreeningChange).where(ScreeningChange.screening_id.in_(
            select(Screening.id).where(Screening.participant_id == pid))).values(
            reason=None, previous=None))
        decisions = _changed(session, update(ScreeningDecision).where(
            ScreeningDecision.participant_id == pid).values(reason_text=None))
        services = _changed(session, update(ServiceRecord).where(
            ServiceRecord.participant_id == pid).values(outcome_note=None, updated_at=now))
        # she leaves any group she is in; reasons written about her go (marks and dates stay)
        left = _changed(session, update(Enrolment).where(
            Enrolment.participant_id == pid,
            Enrolment.status == EnrolmentStatus.ACTIVE.value).values(
            status=EnrolmentStatus.WITHDRAWN.value, ended_on=day))
        if left:
            row.status = ParticipantStatus.DROPPED_OUT.value
        _changed(session, update(Enrolment).where(Enrolment.participant_id == pid)
                 .values(end_reason=None))
        _changed(session, update(Attendance).where(Attendance.participant_id == pid)
                 .values(reason=""))
        monitoring = _erase_monitoring(session, pid, statistics)
        from kdrt_desk.services.certificates import remove_names

        certificates = remove_names(session, pid)  # they stay valid under her code
        fields = list(ERASED_FIELDS)
        fields += ["estimated_age"] if statistics else ["estimated_age", "monthly_income"]
        return {"fields": sorted(fields), "case_deleted": case_deleted, **monitoring,
                "routine_deleted": routine_deleted,
                "reminders_told_deleted": told_deleted,
                "screenings": screenings, "decisions": decisions, "services": services,
                "left_groups": left, "statistics_kept": statistics,
                "certificate_names_removed": certificates}

    def _checkpoint(self) -> None:
        """Move the new pages into the vault and empty the WAL, so no old page lingers there
        (erased cells are zeroed in the file: secure delete is on for every connection)."""
        if not checkpoint(self.db.engine):
            log.warning("the WAL could not be emptied after an anonymisation (vault busy)")


def _erase_monitoring(session: Session, pid: int, statistics: bool) -> dict[str, int]:
    """Her alerts always go (what was done about them is about her); her answers go; her
    scores, livelihood records and capital stay, without her name, only when she agreed to
    anonymised statistics (the outcome figures then still count her)."""
    alerts = [a for a in session.scalars(select(AssessmentAlert))
              if isinstance(a.raised, dict) and a.raised.get("participant_id") == pid]
    for alert in alerts:
        session.delete(alert)
    if statistics:
        answered = 0
        for row in session.scalars(select(Assessment).where(Assessment.participant_id == pid)):
            row.answers = []  # the score stays; which answer she gave to which item goes
            answered += 1
        return {"alerts_deleted": len(alerts), "assessment_answers_erased": answered,
                "assessments_deleted": 0, "livelihood_deleted": 0, "capital_deleted": 0}
    score_ledger.remove(session, session.scalars(select(Assessment).where(
        Assessment.participant_id == pid)).all())
    livelihood_ledger.remove(session, [(r, pid) for r in session.scalars(
        select(LivelihoodRecord.id).where(LivelihoodRecord.participant_id == pid))])
    return {
        "alerts_deleted": len(alerts), "assessment_answers_erased": 0,
        "assessments_deleted": _changed(session, delete(Assessment).where(
            Assessment.participant_id == pid)),
        "livelihood_deleted": _changed(session, delete(LivelihoodRecord).where(
            LivelihoodRecord.participant_id == pid)),
        "capital_deleted": _changed(session, delete(BusinessCapital).where(
            BusinessCapital.participant_id == pid)),
    }

