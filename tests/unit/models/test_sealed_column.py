"""The one encrypting column type on a real vault: what reaches the file, what opens where."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import insert, select, text, update
from sqlalchemy.exc import StatementError
from support.participant_samples import TODAY, sample

from kdrt_desk.domain.enums import Role
from kdrt_desk.models import Participant, ParticipantCase
from kdrt_desk.models.sealed import SealedBlob, bind, field_keys, open_blob
from kdrt_desk.security.field_crypto import FieldKeys, SealingError, UnreadableValueError
from kdrt_desk.security.tiers import Tier
from kdrt_desk.services.actor import Actor
from kdrt_desk.services.participants import ParticipantService
from kdrt_desk.wiring import Services

TODAY_DT = datetime(2026, 11, 27, 3, 0, tzinfo=UTC)


def raw(services: Services, sql: str, **params: object) -> list[tuple[object, ...]]:
    with services.vault.db.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(sql), params)]


def test_plaintext_never_reaches_a_sealed_column(admin: Services) -> None:
    saved = admin.participants.register(sample(), today=TODAY)
    nik, phone, notes = raw(admin, "SELECT p.nik, p.phone, c.safety_notes FROM participant p "
                            "JOIN participant_case c ON c.participant_id = p.id")[0]
    for value in (nik, phone, notes):
        assert isinstance(value, bytes) and value[:2] in (b"\x01\x01", b"\x01\x02")
    assert b"1671044506850001" not in nik and b"812" not in phone
    assert admin.participants.get(saved.id).nik == "1671044506850001"
    with admin.vault.db.transaction() as session, pytest.raises(StatementError) as refused:
        session.execute(update(Participant).values(nik="1671044506850001"))
    assert isinstance(refused.value.orig, SealingError)  # a Core path without its row fails


def test_short_values_do_not_tell_their_length(admin: Services) -> None:
    keys = admin.vault.db.keys
    sizes = {len(keys.seal(Tier.RESTRICTED, "participant.risk_level", "x", level))
             for level in ("low", "medium", "high")}
    assert len(sizes) == 1
    assert len({len(keys.seal(Tier.CONTACT, "t.c", "x", flag)) for flag in (True, False)}) == 1


def test_a_value_moved_to_another_row_or_column_does_not_open(admin: Services) -> None:
    keys = admin.vault.db.keys
    sealed = keys.seal(Tier.CONTACT, "participant.nik", "aa", "1671044506850001")
    assert keys.open("participant.nik", "aa", sealed) == "1671044506850001"
    for column, row in (("participant.nik", "bb"), ("participant.phone", "aa")):
        with pytest.raises(UnreadableValueError):
            keys.open(column, row, sealed)
    assert keys.open_or_none("participant.nik", "bb", sealed) is None


def test_a_session_without_the_tier_reads_nothing_and_writes_nothing(admin: Services) -> None:
    admin.participants.register(sample(), today=TODAY)
    staff_keys = FieldKeys({Tier.CONTACT: {1: admin.vault.db.keys._index[Tier.CONTACT]}})
    with admin.vault.db.reading() as session:
        notes, owner = session.execute(select(ParticipantCase.safety_notes,
                                              ParticipantCase.participant_id)).one()
    assert isinstance(notes, SealedBlob) and "rahasia" not in repr(notes)
    assert open_blob(staff_keys, notes, owner) is None  # withheld: no restricted key
    with pytest.raises(SealingError):
        staff_keys.seal(Tier.RESTRICTED, "participant.risk_level", "x", "high")
    assert open_blob(admin.vault.db.keys, notes, owner)  # the admin's keys open it


def test_bulk_inserts_seal_through_the_same_type(admin: Services) -> None:
    with admin.vault.db.transaction() as session:
        keys = field_keys(session)
        seal_id = b"\x07" * 16
        session.execute(insert(Participant), [{
            "id": 900, "seal_id": seal_id, "code": "KD-2026-0900", "full_name": "Uji Massal",
            "preferred_name": "", "kecamatan": "Plaju", "marital_status": "married",
            "education": "sma", "status": "registered", "registered_on": date(2026, 11, 20),
            "search_text": "uji massal", "children_ages": "", "occupation": "",
            "phone": bind(keys, "+6281299990000", seal_id),
            "safe_to_call": bind(keys, "no", seal_id), "created_at": TODAY_DT,
            "updated_at": TODAY_DT, "version": 1}])
    assert raw(admin, "SELECT typeof(phone) FROM participant WHERE id = 900") == [("blob",)]
    with admin.vault.db.reading() as session:
        blob, seal = session.execute(select(Participant.phone, Participant.seal_id)
                                     .where(Participant.id == 900)).one()
        assert open_blob(field_keys(session), blob, seal) == "+6281299990000"
        assert open_blob(field_keys(session), blob, b"\x08" * 16) is None


def test_saving_as_staff_leaves_restricted_ciphertext_untouched(admin: Services) -> None:
    saved = admin.participants.register(sample(), today=TODAY)
    before = raw(admin, "SELECT safety_notes, violence_forms FROM participant_case")
    staff = ParticipantService(admin.vault.db, Actor(7, "staf1", Role.STAF))
    record = staff.get(saved.id)
    record.occupation = "Pedagang sayur"
    staff.update(saved.id, record, record.version, today=TODAY)
    assert raw(admin, "SELECT safety_notes, violence_forms FROM participant_case") == before
    assert admin.participants.get(saved.id).occupation == "Pedagang sayur"
    with admin.vault.db.reading() as session:
        case = session.get(ParticipantCase, saved.id)
        assert case is not None and case.safety_notes  # still opens for a key holder



def test_a_value_that_does_not_open_reads_as_the_careful_answer(admin: Services) -> None:
    """Her risk level and "never at home" copied from another row: high, and never at home;
    a value only withheld from a role is None, not the careful answer."""
    first = admin.participants.register(sample(), today=TODAY)
    second = admin.participants.register(sample(full_name="Rina Wati", nik="1671044506850002",
                                                never_contact_at_home=False), today=TODAY)
    with admin.vault.db.transaction() as session:
        session.execute(update(Participant).where(Participant.id == second.id).values(
            risk_level=bind(field_keys(session), "low", session.get(Participant,
                                                                     second.id).seal_id)))
    (other_risk, other_home), = raw(admin, "SELECT risk_level, never_contact_at_home FROM "
                                    "participant WHERE id = :id", id=second.id)
    with admin.vault.db.engine.begin() as conn:
        conn.execute(text("UPDATE participant SET risk_level = :r, never_contact_at_home = :h "
                          "WHERE id = :id"), {"r": other_risk, "h": other_home, "id": first.id})
    with admin.vault.db.reading() as session:
        row = session.get(Participant, first.id)
        assert row is not None
        assert (row.risk_level, row.never_contact_at_home) == ("high", True)
        blob = session.execute(select(Participant.risk_level, Participant.seal_id)
                               .where(Participant.id == first.id)).one()
        assert open_blob(field_keys(session), blob[0], blob[1]) == "high"
        assert open_blob(FieldKeys.none(), blob[0], blob[1]) is None  # withheld, not unsafe


def test_a_value_that_does_not_open_is_kept_as_it_is_when_sealed_again(admin: Services) -> None:
    """A key rotation re-seals every value; one that does not open is written back unchanged
    (a ``SealedBlob`` of its own column passes through; of another column it is refused)."""
    from kdrt_desk.repositories.sealed_values import reseal_values

    saved = admin.participants.register(sample(), today=TODAY)
    with admin.vault.db.engine.begin() as conn:
        conn.execute(text("UPDATE participant SET birth_place = phone WHERE id = :id"),
                      {"id": saved.id})
    (before,), = raw(admin, "SELECT birth_place FROM participant WHERE id = :id", id=saved.id)
    with admin.vault.db.transaction() as session:
        assert reseal_values(session, field_keys(session), frozenset({Tier.CONTACT})) >= 1
    (after, nik), = raw(admin, "SELECT birth_place, nik FROM participant WHERE id = :id",
                        id=saved.id)
    assert after == before
    assert admin.participants.get(saved.id).nik == "1671044506850001"
    with admin.vault.db.transaction() as session, pytest.raises(StatementError) as refused:
        session.execute(update(Participant).where(Participant.id == saved.id).values(
            nik=SealedBlob(bytes(before), "participant.birth_place")))
    assert isinstance(refused.value.orig, SealingError)
