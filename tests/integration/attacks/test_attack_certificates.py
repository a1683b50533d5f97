"""The certificate register against a facilitator with her own password, a copy of the files and
raw SQL: making a revoked certificate valid again, forging one from a genuine row, changing the
name a row prints, or putting back the row as it was before its revocation (signature and all)
gains her nothing: the verifier is told the record cannot be trusted."""

from __future__ import annotations

from attackers import raw_sql
from cli_harness import CliVault
from sqlalchemy import text

from kdrt_desk.domain.certificates import CertificateStatus


def _valid_module_row(vault: CliVault, *skip: str) -> tuple[int, str, str]:
    services = vault.services("admin")
    try:
        row = next(r for r in services.certificates.register()
                   if r.status is CertificateStatus.VALID and not r.name_removed
                   and r.code not in skip and not r.serial.endswith("/9999"))
        return row.id, row.serial, row.code
    finally:
        services.close()


def _verify(vault: CliVault, code: str) -> tuple[bool, bool, bool]:
    services = vault.services("admin")
    try:
        told = services.certificates.verify(code)
        return told.genuine, told.valid, told.tampered
    finally:
        services.close()


def test_raw_sql_edits_of_the_register_are_caught(demo_copy: CliVault) -> None:
    cert_id, serial, code = _valid_module_row(demo_copy)
    with raw_sql(demo_copy, "fasilitator") as (engine, _holder), engine.begin() as conn:
        before = conn.execute(text("SELECT * FROM certificate WHERE id = :i"),
                              {"i": cert_id}).mappings().one()
    # the admin revokes it; she puts the row back as it was, signature and all
    services = demo_copy.services("admin")
    try:
        services.certificates.revoke(serial, "Dicabut untuk uji")
    finally:
        services.close()
    assert _verify(demo_copy, code) == (True, False, False)
    with raw_sql(demo_copy, "fasilitator") as (engine, _holder), engine.begin() as conn:
        conn.execute(text("UPDATE certificate SET status = :s, reason = :r, signer = :g, "
                          "signature = :sig, changed_by = :b, changed_at = :a WHERE id = :i"),
                     {"s": before["status"], "r": before["reason"], "g": before["signer"],
                      "sig": before["signature"], "b": before["changed_by"],
                      "a": before["changed_at"], "i": cert_id})
    assert _verify(demo_copy, code) == (False, False, True)
    told = demo_copy.run("certificates", "verify", code, user="fasilitator")
    assert told.returncode == 1 and "TIDAK DAPAT DIPERCAYA" in told.stdout

    # a forged certificate: a genuine valid row copied under a code she chose
    _other_id, _other_serial, other_code = _valid_module_row(demo_copy, code)
    with raw_sql(demo_copy, "fasilitator") as (engine, _holder), engine.begin() as conn:
        source = conn.execute(text("SELECT * FROM certificate WHERE code = :c"),
                              {"c": other_code}).mappings().one()
        forged = dict(source)
        forged.pop("id")
        forged.update(serial="KD/SERT/2026/9999", number=9999, code="AAAA-BBBB-CCCC",
                      printed_name="Nama Palsu")
        columns = ", ".join(forged)
        conn.execute(text(f"INSERT INTO certificate ({columns}) VALUES "
                          f"({', '.join(':' + c for c in forged)})"), forged)
        # and the genuine one made to print another name
        conn.execute(text("UPDATE certificate SET printed_name = 'Orang Lain' WHERE code = :c"),
                     {"c": other_code})
    assert _verify(demo_copy, "AAAA-BBBB-CCCC") == (False, False, True)
    assert _verify(demo_copy, other_code) == (False, False, True)
    # a course changed on a third row is caught too
    _third_id, _third_serial, third_code = _valid_module_row(demo_copy, code, other_code)
    assert _verify(demo_copy, third_code) == (True, True, False)
    with raw_sql(demo_copy, "fasilitator") as (engine, _holder), engine.begin() as conn:
        conn.execute(text("UPDATE certificate SET course = 'Manajemen Keuangan Lanjutan', "
                          "hours = 400 WHERE code = :c"), {"c": third_code})
    assert _verify(demo_copy, third_code) == (False, False, True)
