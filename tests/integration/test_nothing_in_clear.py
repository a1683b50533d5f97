"""Nothing in clear: distinctive names, NIK, phones and notes never appear in any file on disk.

Scanned: every file under the data folder (kdrt.db, its -wal and -shm while the vault is open,
kdrt.keys, kdrt.lock, logs/*) and everything logged, in this process and by the CLI.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

import pytest
from cli_harness import CliVault, assert_clean_failure, message
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from kdrt_desk.domain.enums import (
    ConsentScope,
    PerpetratorRelation,
    SafeToCall,
    ViolenceForm,
)
from kdrt_desk.domain.participant import CaseBackground, Consent, ParticipantInput
from kdrt_desk.errors import ValidationError
from kdrt_desk.logging_setup import configure_logging

TODAY = date.today()
FULL_NAME = "Zulaikha Testnamaunik"
NIK = "1671015205900007"  # Palembang, a woman born 12-05-1990 (day + 40)
PHONE = "0812-9999-1234"
SECRETS = [
    FULL_NAME, "Testnamaunik", "Ikaunik", NIK, PHONE, "+6281299991234", "6281299991234",
    "081299991234", "catatanrahasiaunik", "Kontakrahasiaunik", "+6281377774321",
    "Tempatlahirunik", "Keduaunik",
]


def needles() -> list[bytes]:
    found: set[bytes] = set()
    for secret in SECRETS:
        for variant in (secret, secret.lower(), secret.upper()):
            found.add(variant.encode("utf-8"))
    return sorted(found)


def leaks_in(data: bytes) -> list[str]:
    return [n.decode() for n in needles() if n in data]


def scan_folder(folder: Path) -> dict[str, list[str]]:
    """Every file under ``folder`` that holds one of the secrets, with the secrets it holds."""
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and (hits := leaks_in(path.read_bytes())):
            found[str(path.relative_to(folder))] = hits
    return found


def zulaikha() -> ParticipantInput:
    return ParticipantInput(
        full_name=FULL_NAME, preferred_name="Ikaunik", nik=NIK, birth_date=date(1990, 5, 12),
        birth_place="Tempatlahirunik", phone=PHONE, safe_to_call=SafeToCall.AT_TIMES,
        safe_call_times="Selasa 10.00-11.00", trusted_contact_name="Kontakrahasiaunik",
        trusted_contact_phone="0813-7777-4321", kecamatan="Kemuning", registered_on=TODAY,
        consent=Consent(TODAY, {ConsentScope.DATA_USE, ConsentScope.CONTACT}),
        case=CaseBackground({ViolenceForm.PHYSICAL}, PerpetratorRelation.SPOUSE, 24,
                            safety_notes="catatanrahasiaunik: jangan telepon sesudah 17.00"),
    )


def test_no_personal_data_in_any_file_or_log(demo_copy: CliVault,
                                             caplog: pytest.LogCaptureFixture) -> None:
    configure_logging(demo_copy.data_dir)  # the app's log file, as the GUI and CLI set it up
    caplog.set_level(logging.DEBUG)  # and every record at any level in this process
    try:
        services = demo_copy.services("konselor")
        try:
            record = services.participants.register(zulaikha(), TODAY)
            second = ParticipantInput(full_name="Yohana Keduaunik", estimated_age=41,
                                      kecamatan="Plaju", registered_on=TODAY,
                                      consent=Consent(TODAY, {ConsentScope.DATA_USE}))
            services.participants.register(second, TODAY)
            with pytest.raises(ValidationError):  # refused input is not logged either
                services.participants.register(
                    ParticipantInput(full_name="Keduaunik", phone="+62 812 9999 1234 XX"), TODAY)
            opened = services.participants.open_restricted(record.id)
            assert opened.case is not None and "catatanrahasiaunik" in opened.case.safety_notes
            wal = demo_copy.data_dir / "kdrt.db-wal"
            assert wal.exists() and wal.stat().st_size > 0, "expected the open vault's WAL"
            assert scan_folder(demo_copy.data_dir) == {}
        finally:
            services.close()
        assert scan_folder(demo_copy.data_dir) == {}
    finally:
        configure_logging(None)

    # The CLI finds her (so the data really is there) and logs nothing of her.
    listed = demo_copy.run("participants", "list", "--search", "zulaikha", "--format", "json",
                           user="staf")
    assert listed.returncode == 0, listed.stderr
    assert FULL_NAME in listed.stdout and "+6281299991234" in listed.stdout
    assert NIK in listed.stdout
    assert demo_copy.run("check").returncode == 0
    assert scan_folder(demo_copy.data_dir) == {}
    assert leaks_in(caplog.text.encode()) == []


def test_database_errors_carry_no_values_into_the_log(demo_copy: CliVault) -> None:
    """What ``log.exception`` writes for an unexpected database error names no participant."""
    vault = demo_copy.open()
    log_file = configure_logging(demo_copy.data_dir)
    assert log_file is not None
    try:
        with pytest.raises(DBAPIError) as failure, vault.db.engine.begin() as conn:
            code = conn.execute(text("SELECT code FROM participant LIMIT 1")).scalar_one()
            conn.execute(text("INSERT INTO participant (code, full_name, nik, phone) "
                              "VALUES (:code, :name, :nik, :phone)"),
                         {"code": code, "name": FULL_NAME, "nik": NIK, "phone": "+6281299991234"})
        logging.getLogger("kdrt_desk.cli").error("unexpected error in command %s", "test",
                                                 exc_info=failure.value)
    finally:
        configure_logging(None)
        vault.close()
    assert leaks_in(str(failure.value).encode()) == []
    assert "INSERT INTO participant" in log_file.read_text(encoding="utf-8")
    assert scan_folder(demo_copy.data_dir) == {}


def test_damaged_database_while_searching_logs_no_search_text(demo_copy: CliVault) -> None:
    vault = demo_copy.open()
    try:
        with vault.db.transaction() as session:  # everything in the file, then where to hit
            session.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
        with vault.db.reading() as session:
            root = int(session.execute(text(
                "SELECT rootpage FROM sqlite_master WHERE name = 'participant'")).scalar_one())
    finally:
        vault.close()
    db = demo_copy.data_dir / "kdrt.db"
    damaged = bytearray(db.read_bytes())
    start = (root - 1) * 4096  # the participant table's root page: every search reads it
    damaged[start + 64: start + 192] = bytes(128)
    db.write_bytes(bytes(damaged))
    result = demo_copy.run("participants", "list", "--search", "Zulaikha Testnamaunik")
    assert_clean_failure(result, message("error.database_damaged"))
    assert scan_folder(demo_copy.data_dir) == {}
