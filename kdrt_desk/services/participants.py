"""The participant register: register, edit, open (restricted part audited), list, duplicates."""

from __future__ import annotations

import copy
import difflib
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from kdrt_desk.db.session import Database
from kdrt_desk.domain.enums import RiskLevel
from kdrt_desk.domain.nik import normalise_nik
from kdrt_desk.domain.participant import (
    ParticipantInput,
    ParticipantRecord,
    ParticipantRow,
    RegisterQuery,
)
from kdrt_desk.domain.text import reject_control_characters
from kdrt_desk.errors import PermissionDeniedError, UserError, ValidationError
from kdrt_desk.models import Participant
from kdrt_desk.repositories import participants as repo
from kdrt_desk.security.permissions import Permission
from kdrt_desk.services import audit_log
from kdrt_desk.services.actor import Actor
from kdrt_desk.services.clock import local_today
from kdrt_desk.services.consent import apply_consent, contact_withheld_ids, keep_withheld_contact
from kdrt_desk.services.participant_validation import validate_participant
from kdrt_desk.services.programme_access import visible_participant_ids

NAME_SIMILARITY = 0.85
LIST_COLUMNS_ALL = ("code", "full_name", "preferred_name", "nik", "phone", "status", "kecamatan",
                    "registered_on")
LIST_COLUMNS_LIMITED = ("code", "full_name", "preferred_name", "status", "kecamatan",
                        "registered_on")


PAGE_SIZE = 200


@dataclass(frozen=True)
class RegisterPage:
    ids: list[int]
    rows: list[ParticipantRow]


@dataclass(frozen=True)
class PossibleDuplicate:
    id: int
    code: str
    full_name: str
    reason: str  # "nik" or "name_birth_date"


def _name_key(name: str) -> str:
    return " ".join(name.lower().split())


def changed_fields(before: ParticipantInput, after: ParticipantInput) -> list[str]:
    names = [f for f in vars(after) if f not in ("id", "code", "version", "case", "consent",
                                                 "anonymised_on", "contact_withheld")]
    changed = [n for n in names if getattr(before, n) != getattr(after, n)]
    if before.consent != after.consent:
        changed.append("consent")
    if after.case is not None and before.case != after.case:
        changed.append("case")
    return sorted(changed)


class ParticipantService:
    def __init__(self, db: Database, actor: Actor) -> None:
        self.db = db
        self.actor = actor

    # -- reading ------------------------------------------------------------------------------
    def visible_columns(self) -> tuple[str, ...]:
        columns = (LIST_COLUMNS_ALL if self.actor.may(Permission.VIEW_CONTACT)
                   else LIST_COLUMNS_LIMITED)
        if self.actor.may(Permission.VIEW_RESTRICTED):
            columns = (*columns, "risk_level")
        return columns

    def list_rows(self, query: RegisterQuery = RegisterQuery()) -> list[ParticipantRow]:
        """The register as this user may see it (facilitators: active members of their groups)."""
        self.actor.require(Permission.VIEW_REGISTER)
        with self.db.reading() as session:
            return self._mask(session, repo.list_rows(session, self._scoped(session, query)))

    def register_page(self, query: RegisterQuery = RegisterQuery(),
                      first: int = PAGE_SIZE) -> RegisterPage:
        """Every matching id in order, with the rows of the first page (what the list shows)."""
        self.actor.require(Permission.VIEW_REGISTER)
        with self.db.reading() as session:
            ids = repo.list_ids(session, self._scoped(session, query))
            rows = self._mask(session, repo.rows_by_ids(session, ids[:first]))
        return RegisterPage(ids, rows)

    def rows_by_ids(self, ids: list[int]) -> list[ParticipantRow]:
        self.actor.require(Permission.VIEW_REGISTER)
        with self.db.reading() as session:
            scope = visible_participant_ids(session, self.actor)
            if scope is not None:
                ids = [i for i in ids if i in scope]
            return self._mask(session, repo.rows_by_ids(session, ids))

    def _mask(self, session: Session, rows: list[ParticipantRow]) -> list[ParticipantRow]:
        """Blank what this role may not see (contact columns, the risk flag) and the phone of
        anyone without contact consent."""
        if rows:
            withheld = contact_withheld_ids(session, None if len(rows) > 2000
                                            else [r.id for r in rows])
            rows = [r._replace(phone="", contact_withheld=True) if r.id in withheld else r
                    for r in rows]
        if not self.actor.may(Permission.VIEW_RESTRICTED):
            rows = [r._replace(risk_level=None) for r in rows]
        if self.actor.may(Permission.VIEW_CONTACT):
            return rows
        return [r._replace(nik="", phone="") for r in rows]

    def count(self, query: RegisterQuery = RegisterQuery()) -> int:
        self.actor.require(Permission.VIEW_REGISTER)
        with self.db.reading() as session:
            return repo.count_rows(session, self._scoped(session, query))

    def _scoped(self, session: Session, query: RegisterQuery) -> RegisterQuery:
        """A facilitator's query narrowed to the members of her own groups; a search text longer
        than anyone types is refused with a message (never a "damaged vault")."""
        if len(query.text) > repo.SEARCH_LIMIT:
            raise ValidationError([UserError("error.search_too_long", field="search",
                                             limit=repo.SEARCH_LIMIT)])
        problems = reject_control_characters("search", query.text)
        if problems:
            raise ValidationError(problems)
        if query.sort in repo.SEALED_SORTS:
            query = replace(query, withheld_ids=frozenset(contact_withheld_ids(session)))
        scope = visible_participant_ids(session, self.actor)
        return query if scope is None else replace(query, only_ids=frozenset(scope))

    def record_listing(self, count: int, fmt: str) -> None:
        """Audit a list that leaves the app (CLI output, export)."""
        self.actor.require(Permission.VIEW_REGISTER)
        with self.db.transaction() as session:
            audit_log.append(session, self.actor.username, "participants_exported",
                             details={"rows": count, "format": fmt})

    def get(self, participant_id: int) -> ParticipantRecord:
        """The record without its restricted case background."""
        self.actor.require(Permission.VIEW_REGISTER)
        with self.db.reading() as session:
            scope = visible_participant_ids(session, self.actor)
            if scope is not None and participant_id not in scope:
                raise PermissionDeniedError()
            row = self._row(session, participant_id)
            record = apply_consent(repo.to_record(
                row, with_case=False, with_contact=self.actor.may(Permission.VIEW_CONTACT)), row)
            if self.actor.may(Permission.VIEW_RESTRICTED) and row.risk_level:
                record.risk_level = RiskLevel(row.risk_level)
            return record

    def open_restricted(self, participant_id: int) -> ParticipantRecord:
        """The record with its case background; every opening is audited, refusals too."""
        with self.db.transaction() as session:
            row = self._row(session, participant_id)
            if not self.actor.may(Permission.VIEW_RESTRICTED):
                audit_log.append(session, self.actor.username, "restricted_refused", row.code)
                session.commit()
                raise PermissionDeniedError()
            audit_log.append(session, self.actor.username, "restricted_opened", row.code)
            return apply_consent(repo.to_record(row, with_case=True), row)

    def find_duplicates(self, data: ParticipantInput,
                        exclude_id: int | None = None) -> list[PossibleDuplicate]:
        self.actor.require(Permission.EDIT_PARTICIPANT)
        found: dict[int, PossibleDuplicate] = {}
        nik = normalise_nik(data.nik or "")
        with self.db.reading() as session:
            if len(nik) == 16:
                for pid, code, name in repo.rows_with_nik(session, nik):
                    found[pid] = PossibleDuplicate(pid, code, name, "nik")
            if data.birth_date is not None and data.full_name.strip():
                mine = _name_key(data.full_name)
                for pid, code, name in repo.rows_born_on(session, data.birth_date):
                    ratio = difflib.SequenceMatcher(None, mine, _name_key(name)).ratio()
                    if ratio >= NAME_SIMILARITY and pid not in found:
                        found[pid] = PossibleDuplicate(pid, code, name, "name_birth_date")
        found.pop(exclude_id or -1, None)
        return sorted(found.values(), key=lambda d: d.code)

    # -- writing ------------------------------------------------------------------------------
    def register(self, data: ParticipantInput, today: date | None = None) -> ParticipantRecord:
        self.actor.require(Permission.EDIT_PARTICIPANT)
        if data.case is not None:
            self.actor.require(Permission.EDIT_RESTRICTED)
        clean = validate_participant(data, today or local_today())
        if clean.consent.withdrawn_on is not None:
            raise ValidationError([UserError("error.withdraw_via_consent",
                                             field="consent_withdrawn")])
        clean.consent.recorded_by = clean.consent.recorded_by or self.actor.username
        now = datetime.now(UTC)
        with self.db.transaction() as session:
            assert clean.registered_on is not None
            code = repo.next_code(session, clean.registered_on.year)
            row = Participant(code=code, created_at=now)
            repo.apply_input(row, clean, code, now)
            session.add(row)
            session.flush()
            repo.refresh_tokens(session, row)
            audit_log.append(session, self.actor.username, "participant_created", code,
                             {"case": clean.case is not None})
            return apply_consent(
                repo.to_record(row, with_case=self.actor.may(Permission.VIEW_RESTRICTED)), row)

    def update(self, participant_id: int, data: ParticipantInput, expected_version: int,
               today: date | None = None) -> ParticipantRecord:
        """Save an edit; ``data.case`` None keeps the stored case (roles that cannot see it).

        Contact details withheld for lack of contact consent and left blank are kept as stored;
        an anonymised record cannot be edited at all.
        """
        self.actor.require(Permission.EDIT_PARTICIPANT)
        if data.case is not None:
            self.actor.require(Permission.EDIT_RESTRICTED)
        now = datetime.now(UTC)
        try:
            with self.db.transaction() as session:
                row = self._row(session, participant_id)
                if row.anonymised_on is not None:
                    raise UserError("error.participant_anonymised")
                clean = validate_participant(keep_withheld_contact(data, row),
                                             today or local_today())
                if row.version != expected_version:
                    raise UserError("error.edited_elsewhere")
                before = repo.to_record(row, with_case=clean.case is not None)
                if clean.consent.withdrawn_on != before.consent.withdrawn_on:
                    # withdrawal anonymises her record: only ConsentService.withdraw_data_use
                    raise ValidationError([UserError("error.withdraw_via_consent",
                                                     field="consent_withdrawn")])
                clean.consent.recorded_by = (clean.consent.recorded_by
                                             or before.consent.recorded_by
                                             or self.actor.username)
                after = copy.deepcopy(clean)
                repo.apply_input(row, clean, row.code, now)
                fields = changed_fields(before, after)
                if fields:
                    audit_log.append(session, self.actor.username, "participant_updated",
                                     row.code, {"fields": fields})
                session.flush()
                repo.refresh_tokens(session, row)
                return apply_consent(repo.to_record(row, with_case=clean.case is not None), row)
        except StaleDataError as exc:
            raise UserError("error.edited_elsewhere") from exc

    @staticmethod
    def _row(session: Session, participant_id: int) -> Participant:
        row = session.scalar(select(Participant).where(Participant.id == participant_id))
        if row is None:
            raise UserError("error.participant_unknown")
        return row
