"""Her income, savings and capital are sealed (contact tier): a facilitator's password and the
vault files, read with raw SQL below the services, show none of them; the staf key (a contact
holder) does open them, so the check is of the right cells."""

from __future__ import annotations

import json
from datetime import date

from attackers import (
    TIER_CODES,
    C,
    dump_database,
    every_key,
    field_keys_held,
    found_in,
    open_with,
    raw_sql,
    variants,
    vault_files,
)
from cli_harness import CliVault
from sqlalchemy import text
from support.participant_samples import sample

from kdrt_desk.domain.enums import ConsentScope
from kdrt_desk.domain.livelihood import (
    BusinessKind,
    CapitalInput,
    CapitalKind,
    LivelihoodInput,
    LivelihoodStatus,
)
from kdrt_desk.domain.participant import Consent

TODAY = date.today()
INCOME = 3_417_593  # odd numbers: found only where they leak
SAVINGS = 8_264_119
AMOUNT = 7_654_321
REPAID = 1_357_913
NOTE = "catatanpenghidupanunik jualan pempek"
PURPOSE = "keperluanmodalunik gerobak bakso"
TABLES = ("livelihood_record", "business_capital")


def _needles() -> set[bytes]:
    found: set[bytes] = set()
    for value in (INCOME, SAVINGS, AMOUNT, REPAID):
        found |= {str(value).encode(), f"{value:,}".replace(",", ".").encode()}
    for secret in (NOTE, PURPOSE):
        found |= variants(secret)
    return found


def _record_everything(vault: CliVault) -> int:
    services = vault.services("admin")
    try:
        person = services.participants.register(sample(
            full_name="Zahira Uji Penghidupan", nik="", registered_on=TODAY,
            consent=Consent(TODAY, {ConsentScope.DATA_USE, ConsentScope.CONTACT})), TODAY)
        services.livelihoods.add_record(person.id, LivelihoodInput(
            recorded_on=TODAY, status=LivelihoodStatus.BUSINESS, business_kind=BusinessKind.FOOD,
            monthly_income=INCOME, savings=SAVINGS, covers_basic_needs=True,
            depends_on_abuser=True, note=NOTE), today=TODAY)
        services.livelihoods.add_capital(person.id, CapitalInput(
            given_on=TODAY, amount=AMOUNT, purpose=PURPOSE, kind=CapitalKind.LOAN,
            repayments=((TODAY, REPAID),)), today=TODAY)
        return person.id
    finally:
        services.close()


def _cells(conn: object) -> list[tuple[str, str, bytes]]:
    found = []
    for table in TABLES:
        for seal_id, pid, data in conn.execute(  # type: ignore[attr-defined]
                text(f"SELECT seal_id, participant_id, details FROM {table}")):
            found.append((table, f"{seal_id.hex()}/{pid}", data))
    return found


def test_a_facilitator_reads_no_income_or_capital_with_raw_sql(demo_copy: CliVault) -> None:
    pid = _record_everything(demo_copy)
    needles = _needles()
    with raw_sql(demo_copy, "fasilitator") as (engine, holder), engine.connect() as conn:
        dump = dump_database(conn)
        assert "livelihood_record.details" in dump and "business_capital.details" in dump
        assert found_in(dump, needles) == {}
        # the audit names the fields (by design); the records show not even their names
        names = {n for k in ('"monthly_income"', '"depends_on_abuser"', '"repayments"')
                 for n in variants(k)}
        assert found_in({t: dump[f"{t}.details"] for t in TABLES}, names) == {}
        cells = _cells(conn)
        assert {table for table, _ident, _data in cells} == set(TABLES)
        assert any(ident.endswith(f"/{pid}") for _t, ident, _d in cells)
        for table, ident, data in cells:
            assert isinstance(data, bytes) and data[0] == 1 and data[1] == TIER_CODES[C], table
            for key in every_key(holder):  # the master key and anything else in her slot
                assert open_with(key, table, "details", ident, data) is None, table
    assert found_in(vault_files(demo_copy.data_dir), needles) == {}

    # the control: the contact key of a staf member opens the very same cells
    with raw_sql(demo_copy, "staf") as (engine, holder), engine.connect() as conn:
        keys = field_keys_held(holder)[C]
        opened = []
        for table, ident, data in _cells(conn):
            generation = int.from_bytes(data[2:4], "big")
            plain = open_with(keys[generation], table, "details", ident, data)
            assert plain is not None, table
            opened.append(json.loads(plain.rstrip(b"\x00")[:-1]))
    assert any(v.get("monthly_income") == INCOME for v in opened)
    assert any(v.get("amount") == AMOUNT and v.get("repayments") == [[TODAY.isoformat(), REPAID]]
               for v in opened)
