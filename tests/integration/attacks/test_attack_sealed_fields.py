"""Finding 1: one staff password no longer opens every record below the services.

The attacker unlocks her own slot with the app's key file code and reads ``kdrt.db`` with raw
SQL under the master key she gets. Every table, every column, every cell she can see must hold
no plaintext of a contact or restricted value, and the keys her slot holds must open no value of
a tier her role may not read: a facilitator none at all, a staf member no restricted one.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections import Counter
from dataclasses import replace
from datetime import date, time

import pytest
from attackers import (
    SEALED_COLUMNS,
    TIER_CODES,
    C,
    R,
    dump_database,
    every_key,
    field_keys_held,
    found_in,
    open_with,
    raw_sql,
    sealed_cells,
    unlock,
    variants,
    vault_files,
)
from cli_harness import CliVault
from sqlalchemy import text
from support.programme import REQUIRED

from kdrt_desk.domain.assessment import AssessmentInput
from kdrt_desk.domain.care import ServiceInput
from kdrt_desk.domain.enums import (
    Barrier,
    ConsentScope,
    DecisionOutcome,
    Need,
    PerpetratorRelation,
    RiskLevel,
    RiskReason,
    RoutineKind,
    SafeToCall,
    ServiceKind,
    ServiceStatus,
    ViolenceForm,
)
from kdrt_desk.domain.instruments import WHO5, Item
from kdrt_desk.domain.livelihood import CapitalInput, LivelihoodInput
from kdrt_desk.domain.participant import CaseBackground, Consent, ParticipantInput
from kdrt_desk.domain.routine import OneOffBlock, Routine, RoutineBlock
from kdrt_desk.domain.screening import DecisionInput, ScreeningInput
from kdrt_desk.domain.training import SessionStatus
from kdrt_desk.repositories.routines import routine_text
from kdrt_desk.security.crypto import derive
from kdrt_desk.security.field_crypto import FieldKeys, TierWithheldError
from kdrt_desk.security.tiers import KeyName, Tier

TODAY = date.today()
NIK = "1671036809880042"  # Palembang, a woman born 28-09-1988 (day + 40)
PHONE = "0812-7311-9846"
TRUSTED_PHONE = "0813-6650-2719"
ROUTINE = Routine((RoutineBlock(3, time(5, 15), time(10, 45), RoutineKind.WORK),),
                  (OneOffBlock(date(2026, 12, 16), time(8, 5), time(11, 55),
                               RoutineKind.APPOINTMENT),))
# what an admin types about her; none of it may appear anywhere the attacker looks
SECRETS = {
    "nik": [NIK],
    "phone": [PHONE, "+6281273119846", "6281273119846", "081273119846"],
    "trusted_contact_phone": [TRUSTED_PHONE, "+6281366502719", "081366502719"],
    "birth_place": ["Tempatlahirrahasia"],
    "safe_call_times": ["Kamis jam rahasiaunik"],
    "trusted_contact_name": ["Kontakrahasiaunik Wulandari"],
    "kelurahan": ["Kelurahanrahasiaunik"],
    "safety_notes": ["catatankeamananunik: suami menyimpan senjata"],
    "referral_other": ["Rujukanrahasiaunik"],
    "interview_notes": ["catatanwawancaraunik tentang kekerasan"],
    "safety_plan": ["rencanaamanunik lewat adik"],
    "safety_plan_after": ["rencanaamanbaruunik lewat tetangga"],
    "experience": ["pengalamanrahasiaunik menjahit"],
    "change_reason": ["alasanperubahanunik"],
    "decision_reason": ["alasankeputusanunik daftar tunggu"],
    "outcome_note": ["catatanhasilunik pendampingan"],
    "routine": [routine_text(ROUTINE), '"weekly":[[3,"05:15","10:45"'],  # her Thursday market
    "alert_action": ["tindakanperingatanunik dirujuk ke psikolog"],
    "livelihood_note": ["catatanpenghidupanunik warung"],
    "capital_purpose": ["tujuanmodalunik gerobak"],
    "income": ["1987654", "1.987.654", "2345678", "2.345.678"],
    "answers": ["[1,4,1,4,3]"],
}
# demo values that make good needles (long, free text or numbers; not names the facilitator
# may read anyway, nor codes that also appear in plain tables such as kelurahan of a venue)
NEEDLE_COLUMNS = {
    "participant.nik", "participant.phone", "participant.trusted_contact_phone",
    "participant.trusted_contact_name", "participant.safe_call_times",
    "participant_case.safety_notes", "participant_case.referral_other",
    "screening.interview_notes", "screening.safety_plan", "screening.experience",
    "screening_change.reason", "screening_change.previous", "screening_decision.reason_text",
    "service_record.outcome_note", "enrolment.end_reason",
}
# fields whose few possible values must not be told apart by the length of their ciphertext
ENUM_LIKE = ("participant.risk_level", "participant.safe_to_call",
             "participant.never_contact_at_home", "screening.risk_level",
             "participant_case.reported_to_police", "reminder_told.channel")


def register_everything(vault: CliVault) -> int:
    """As an admin, through the services: a woman with a value in every sealed field she has,
    her screening, a decision with a reason, a change after it and a service outcome note."""
    services = vault.services("admin")
    try:
        person = services.participants.register(ParticipantInput(
            full_name="Zahira Uji Serangan", preferred_name="Zahira", nik=NIK,
            birth_date=date(1988, 9, 28), birth_place=SECRETS["birth_place"][0], phone=PHONE,
            safe_to_call=SafeToCall.AT_TIMES, safe_call_times=SECRETS["safe_call_times"][0],
            trusted_contact_name=SECRETS["trusted_contact_name"][0],
            trusted_contact_phone=TRUSTED_PHONE, never_contact_at_home=True,
            kecamatan="Kemuning", kelurahan=SECRETS["kelurahan"][0], monthly_income=1_250_000,
            registered_on=TODAY,
            consent=Consent(TODAY, {ConsentScope.DATA_USE, ConsentScope.CONTACT}),
            case=CaseBackground({ViolenceForm.PHYSICAL, ViolenceForm.PSYCHOLOGICAL},
                                PerpetratorRelation.SPOUSE, 48,
                                referral_other=SECRETS["referral_other"][0],
                                safety_notes=SECRETS["safety_notes"][0])), TODAY)
        screening = services.screening.create(ScreeningInput(
            participant_id=person.id, screened_on=TODAY,
            interview_notes=SECRETS["interview_notes"][0], needs={Need.LEGAL_AID},
            experience=SECRETS["experience"][0], risk_level=RiskLevel.HIGH,
            risk_reasons={RiskReason.WEAPONS}, safety_plan=SECRETS["safety_plan"][0],
            barriers={Barrier.CHILDCARE}, criteria_met=set(REQUIRED)), TODAY)
        services.decisions.decide(DecisionInput(
            screening_id=screening.id, outcome=DecisionOutcome.WAITLISTED, priority=1,
            reason_text=SECRETS["decision_reason"][0], decided_on=TODAY), TODAY)
        current = services.screening.open_restricted(screening.id)
        fields = {f: getattr(current, f) for f in ScreeningInput.__dataclass_fields__}
        changed = replace(ScreeningInput(**fields), safety_plan=SECRETS["safety_plan_after"][0])
        services.screening.update(screening.id, changed, current.version,
                                  reason=SECRETS["change_reason"][0], today=TODAY)
        services.care.record(ServiceInput(
            participant_id=person.id, kind=ServiceKind.LEGAL_ACCOMPANIMENT, service_date=TODAY,
            status=ServiceStatus.IN_PROGRESS, outcome_note=SECRETS["outcome_note"][0]), TODAY)
        services.routines.save(person.id, ROUTINE)
        # reminders told about a demo session: how she was told is sealed
        planned = [s for s in services.sessions.sessions() if s.status is SessionStatus.PLANNED]
        day = planned[0].session_date
        assert day is not None
        rows = services.reminders.for_date(day)
        services.reminders.record_told(rows[0])
        services.reminders.record_sent(rows[-1], "copied")
        assert services.screening.history(screening.id), "the change after the decision"
        # an assessment with an alert item (answered at its level), the alert handled; her
        # livelihood and capital
        services.instruments.save_custom(replace(
            WHO5, code="CEK-9", standard=False, items=(*WHO5.items[:4], Item(
                "I have thought of hurting myself", "Saya berpikir menyakiti diri",
                alert_at=2))))
        services.assessments.record(AssessmentInput(person.id, "CEK-9", "other", TODAY,
                                                    (1, 4, 1, 4, 3)))
        alert = services.alerts.open_for_me()[0]
        services.alerts.record_action(alert.id, SECRETS["alert_action"][0])
        services.livelihoods.add_record(person.id, LivelihoodInput(
            TODAY, "business", "food", 1_987_654, savings=345_678, depends_on_abuser=True,
            note=SECRETS["livelihood_note"][0]))
        services.livelihoods.add_capital(person.id, CapitalInput(
            TODAY, 2_345_678, purpose=SECRETS["capital_purpose"][0]))
        return person.id
    finally:
        services.close()


def plain_value(data: bytes) -> object:
    """A decrypted value in the documented format: JSON, padded with 0x80 then zeros."""
    body = data.rstrip(b"\x00")
    assert body.endswith(b"\x80")
    return json.loads(body[:-1])


def demo_needles(vault: CliVault) -> set[bytes]:
    """What an admin can read in every sealed column of the vault: the demo's values too."""
    needles: set[bytes] = set()
    with raw_sql(vault, "admin") as (engine, holder), engine.connect() as conn:
        keys = field_keys_held(holder)
        for table, column, tier, ident, data in sealed_cells(conn):
            gen = int.from_bytes(data[2:4], "big")
            opened = open_with(keys[tier][gen], table, column, ident, data)
            assert opened is not None, f"the admin cannot open {table}.{column}"
            value = plain_value(opened)
            if f"{table}.{column}" in NEEDLE_COLUMNS and isinstance(value, str) \
                    and len(value) >= 14:
                needles |= variants(value)
    return needles


@pytest.mark.parametrize(("attacker", "withheld"), [
    ("fasilitator", {R, C}),
    ("staf", {R}),
])
def test_raw_sql_with_her_password_shows_no_sealed_value(demo_copy: CliVault, attacker: str,
                                                         withheld: set[Tier]) -> None:
    register_everything(demo_copy)
    needles = {n for values in SECRETS.values() for v in values for n in variants(v)}
    needles |= demo_needles(demo_copy)
    assert len(needles) > 500  # the demo's NIKs, phones and notes are in there

    with raw_sql(demo_copy, attacker) as (engine, holder), engine.connect() as conn:
        held = {name for name in KeyName if holder.holds(name)}
        assert held == ({KeyName.MASTER} if attacker == "fasilitator"
                        else {KeyName.MASTER, KeyName.CONTACT})

        # 1. everything she can SELECT: no plaintext of any sealed value, in any table
        dump = dump_database(conn)
        assert "participant.nik" in dump and "service_record.outcome_note" in dump
        assert found_in(dump, needles) == {}

        # 2. every sealed cell is an envelope of its column's tier that none of her keys opens
        her_keys = FieldKeys(field_keys_held(holder))
        count: Counter[str] = Counter()
        lengths: dict[str, set[int]] = {}
        for table, column, tier, ident, data in sealed_cells(conn):
            where = f"{table}.{column}"
            assert isinstance(data, bytes), f"{where} is stored as {type(data).__name__}"
            assert data[0] == 1 and data[1] == TIER_CODES[tier], f"{where}: not a {tier} value"
            count[where] += 1
            lengths.setdefault(where, set()).add(len(data))
            if tier in withheld:
                for key in every_key(holder):  # master, her tier keys, anything in her slot
                    assert open_with(key, table, column, ident, data) is None, where
                with pytest.raises(TierWithheldError):
                    her_keys.open(where, ident, data)
            else:  # staf really holds the contact key: it opens her own tier's values
                her_keys.open(where, ident, data)
                count["opened by her"] += 1
        opened = count.pop("opened by her", 0)
        assert (opened > 0) == (C not in withheld)
        expected = {f"{t}.{c}" for t, cols in SEALED_COLUMNS.items() for c in cols}
        assert set(count) == expected, f"no value found in {sorted(expected - set(count))}"
        same_length = {w: sorted(lengths[w]) for w in ENUM_LIKE if len(lengths[w]) != 1}
        assert same_length == {}, "the ciphertext length tells the value apart"

        # 3. the blind index: she cannot test a NIK guess against the stored tokens
        tokens = set(conn.execute(text("SELECT token FROM participant_search_token")).scalars())
        contact = list(holder.keys.get(KeyName.CONTACT, {}).values())  # staf's: a holder's
        for key in [k for k in every_key(holder) if k not in contact]:
            guess = _token(derive(key, "blind index contact"), "nik", NIK)
            assert guess not in tokens
    # the control: the same guess with the real contact key does match
    contact_key = unlock(demo_copy, "admin").newest(KeyName.CONTACT)
    assert _token(derive(contact_key, "blind index contact"), "nik", NIK) in tokens

    # 4. the files themselves: the database, its WAL, the key file, the logs
    assert found_in(vault_files(demo_copy.data_dir), needles) == {}


def _token(index_key: bytes, kind: str, value: str) -> bytes:
    return hmac.new(index_key, f"{kind}:{value}".encode(), hashlib.sha256).digest()[:16]


def test_the_attack_reads_every_sealed_column_the_models_declare() -> None:
    """A new sealed column joins the attacker's list (and its tier is the one she checks)."""
    from kdrt_desk.models import Base
    from kdrt_desk.models.sealed import Sealed

    declared = {table.name: {c.name: c.type.tier for c in table.columns
                             if isinstance(c.type, Sealed)}
                for table in Base.metadata.sorted_tables}
    assert {name: cols for name, cols in declared.items() if cols} == SEALED_COLUMNS
