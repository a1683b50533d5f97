"""Review findings on the key file and the roles: what a holder of the master key (the
facilitator, the staff member) gains by writing the key file or the database herself.

- a key she seals into her own slot (she knows her public key) opens nothing: it is not in the
  vault's signed manifest, so her slot is refused rather than given it;
- a rotation or upgrade marker she writes makes the whole file count as changed outside the app;
- a certificate from an older copy of the key file (her role before a demotion) is refused, its
  serial not the one the manifest names;
- an audit mark rebuilt from an entry signature in the database does not verify;
- a role edited in the database is not the one the admin's screens act on (her keys are rotated
  as her signed role's, and the last admin cannot be demoted by a fake second one);
- a value she changes reads as the careful answer (risk high, never call her at home);
- the reason a withdrawal was taken back is sealed; the sort by phone tells nothing of a phone
  the list hides; every woman has the same number of search-token rows.
"""

from __future__ import annotations

import base64
import json
import os
from collections import Counter

import pytest
from attackers import dump_database, edit_key_file, raw_sql, read_key_file, says, slot, unlock
from cli_harness import CliVault, assert_clean_failure, message
from sqlalchemy import text

from kdrt_desk.domain.enums import RiskLevel
from kdrt_desk.domain.participant import RegisterQuery
from kdrt_desk.errors import UserError, VaultError
from kdrt_desk.repositories.search_tokens import TOKENS_EACH
from kdrt_desk.security.crypto import seal_to
from kdrt_desk.security.keyfile import KeyFile, SealedKey, account_slot_id
from kdrt_desk.security.secret_store import SecretStore
from kdrt_desk.security.tiers import KeyName
from kdrt_desk.services.vault_access import open_vault_with_recovery
from kdrt_desk.synthetic.services import DEMO_REJECTION_REASON
from kdrt_desk.wiring import build_services

DAMAGED = ("error.keyfile_damaged_previous_ok", "error.keyfile_damaged")


def _slot_id(vault: CliVault, username: str) -> str:
    return account_slot_id(read_key_file(vault)["vault_id"], username)


def _plant(vault: CliVault, username: str, name: str, gen: int, value: bytes) -> None:
    """Seal ``value`` as generation ``gen`` of ``name`` to her own public key, in her slot."""
    keyfile = KeyFile.load(vault.data_dir / "kdrt.keys")
    slot_id = _slot_id(vault, username)
    public = keyfile.slots[slot_id].box_public
    assert public is not None
    sealed = SealedKey(gen, seal_to(public, value, keyfile.sealed_aad(slot_id, name, gen)))
    edit_key_file(vault, lambda data: slot(data, slot_id).setdefault("sealed", {})
                  .setdefault(name, []).append(sealed.to_json()))


@pytest.mark.parametrize("name", ["contact", "restricted", "signing"])
def test_a_key_she_seals_into_her_own_slot_is_refused(demo_copy: CliVault, name: str) -> None:
    planted = os.urandom(32)
    _plant(demo_copy, "fasilitator", name, 7, planted)

    result = demo_copy.run("check", user="fasilitator")
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert_clean_failure(result, message("error.slot_keys_invalid"))
    with pytest.raises(VaultError) as refused:
        unlock(demo_copy, "fasilitator")
    assert refused.value.key == "error.slot_keys_invalid"

    # the admin works on; her hand-over gives the facilitator nothing, and the planted key is
    # never used to seal anything (the admin's newest contact key is still her own)
    admin = demo_copy.services("admin")
    try:
        assert admin.audit.verify().ok
        assert planted not in [v for gens in admin.vault.holder.keys.values()
                               for v in gens.values()]
    finally:
        admin.close()


@pytest.mark.parametrize("marker", [
    {"rotation": {"gens": {"contact": 9}}},
    {"upgrade_pending": True},
    {"generations": {}},
])
def test_a_marker_written_into_the_key_file_counts_as_a_changed_file(
        demo_copy: CliVault, marker: dict[str, object]) -> None:
    before = (demo_copy.data_dir / "kdrt.keys").read_bytes()
    edit_key_file(demo_copy, lambda data: data.update(marker))
    edited = (demo_copy.data_dir / "kdrt.keys").read_bytes()

    for user in ("admin", "fasilitator"):
        result = demo_copy.run("check", user=user)
        assert result.returncode == 2, (user, result.stdout, result.stderr)
        line = assert_clean_failure(result)
        assert any(says(line, key) for key in DAMAGED), line
        assert message("error.wrong_login") not in line
    assert (demo_copy.data_dir / "kdrt.keys").read_bytes() == edited  # never written back

    # the way back the message offers: the previous copy, whose manifest holds
    restored = demo_copy.run("keys", "restore-previous", user=None)
    assert restored.returncode == 0, (restored.stdout, restored.stderr)
    assert demo_copy.run("check").returncode == 0
    assert before != edited


def test_restoring_the_previous_copy_over_an_intact_file_is_refused(demo_copy: CliVault) -> None:
    before = (demo_copy.data_dir / "kdrt.keys").read_bytes()
    result = demo_copy.run("keys", "restore-previous", user=None)
    assert result.returncode != 0
    assert_clean_failure(result, message("error.keyfile_not_damaged"))
    assert (demo_copy.data_dir / "kdrt.keys").read_bytes() == before


def test_her_certificate_from_before_a_demotion_is_refused(demo_copy: CliVault) -> None:
    slot_id = _slot_id(demo_copy, "konselor")
    old = next(c for c in read_key_file(demo_copy)["certificates"] if c["slot"] == slot_id)
    result = demo_copy.run("users", "set-role", "--name", "konselor", "--role", "staf")
    assert result.returncode == 0, result.stderr

    def put_back(data: dict) -> None:  # type: ignore[type-arg]
        data["certificates"] = [old if c["slot"] == slot_id else c
                                for c in data["certificates"]]

    edit_key_file(demo_copy, put_back)
    result = demo_copy.run("check", user="konselor")
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert_clean_failure(result, message("error.role_signature_invalid"))

    # the admin's check names her account; nothing was handed to her
    check = demo_copy.run("check")
    assert check.returncode == 4, (check.stdout, check.stderr)
    assert "konselor" in next(line for line in check.stdout.splitlines()
                              if says(line, "cli.check_signatures_bad"))


def test_an_audit_mark_rebuilt_from_an_entry_signature_does_not_verify(
        demo_copy: CliVault) -> None:
    """She deletes the admin's newest entries and points the admin's mark at an older entry,
    using that entry's own signature from the database as the mark's signature."""
    with raw_sql(demo_copy, "fasilitator") as (engine, _), engine.begin() as conn:
        others = conn.execute(text("SELECT max(id) FROM audit_entry WHERE actor != 'admin' "
                                   "AND signature IS NOT NULL")).scalar_one()
        signed = conn.execute(text(
            "SELECT signer, id, hash, signature FROM audit_entry WHERE actor = 'admin' "
            "AND signature IS NOT NULL AND id > :id ORDER BY id"), {"id": others}).all()
        assert len(signed) >= 2  # the demo ends with the admin's own transactions
        signer, older_id, older_hash, signature = signed[-2]
        # only the admin's newest transaction goes: every other account's mark still holds
        conn.execute(text("DROP TRIGGER IF EXISTS audit_entry_append_only_delete"))
        conn.execute(text("DELETE FROM audit_entry WHERE id > :id"), {"id": older_id})

    def rebuild(data: dict) -> None:  # type: ignore[type-arg]
        data["marks"][signer] = {"id": older_id, "hash": older_hash,
                                 "sig": base64.b64encode(signature).decode("ascii")}

    edit_key_file(demo_copy, rebuild)
    result = demo_copy.run("audit", "verify")
    assert result.returncode == 3, (result.stdout, result.stderr)
    assert result.stdout == ""


def test_a_role_edited_in_the_database_does_not_spare_her_keys(demo_copy: CliVault) -> None:
    """The konselor, leaving, sets her role to facilitator: deactivating her still rotates the
    restricted and contact keys she held, and the list shows the role the admin signed."""
    with raw_sql(demo_copy, "konselor") as (engine, _), engine.begin() as conn:
        conn.execute(text("UPDATE staff_account SET role = 'fasilitator' "
                          "WHERE username = 'konselor'"))
    admin = demo_copy.services("admin")
    try:
        listed = {a.username: a.role.value for a in admin.accounts.list_accounts()}
        assert listed["konselor"] == "konselor"
        to_rotate = admin.accounts.set_active("konselor", False)
        assert {KeyName.RESTRICTED, KeyName.CONTACT} <= to_rotate
    finally:
        admin.close()


def test_a_fake_second_admin_does_not_let_the_last_admin_go(demo_copy: CliVault) -> None:
    """The staff member makes herself admin in the database: with the recovery code, demoting
    the one admin an admin signed is still refused (she would leave no real admin)."""
    with raw_sql(demo_copy, "staf") as (engine, _), engine.begin() as conn:
        conn.execute(text("UPDATE staff_account SET role = 'admin' WHERE username = 'staf'"))
    demo_copy.sync_keyring()
    vault = open_vault_with_recovery(demo_copy.data_dir, demo_copy.recovery_code,
                                     store=SecretStore())
    services = build_services(vault)
    try:
        with pytest.raises(UserError) as refused:
            services.accounts.change_role("admin", "staf")
        assert refused.value.key == "error.last_admin"
        with pytest.raises(UserError) as refused:
            services.accounts.set_active("admin", False)
        assert refused.value.key == "error.last_admin"
    finally:
        services.close()


def test_a_changed_risk_level_reads_as_high(demo_copy: CliVault) -> None:
    """She copies a low risk level over a high one (another row's ciphertext) and empties a
    screening's risk: the konselor sees both as high; check counts both."""
    with raw_sql(demo_copy, "fasilitator") as (engine, _), engine.begin() as conn:
        rows = conn.execute(text("SELECT id, risk_level FROM screening ORDER BY id LIMIT 2")
                            ).all()
        conn.execute(text("UPDATE screening SET risk_level = :v WHERE id = :id"),
                     {"v": rows[1].risk_level, "id": rows[0].id})
        emptied = conn.execute(text("SELECT id FROM screening ORDER BY id DESC LIMIT 1")
                               ).scalar_one()
        conn.execute(text("UPDATE screening SET risk_level = NULL WHERE id = :id"),
                     {"id": emptied})
        moved = conn.execute(text("SELECT id, never_contact_at_home FROM participant "
                                  "WHERE anonymised_on IS NULL ORDER BY id LIMIT 2")).all()
        conn.execute(text("UPDATE participant SET never_contact_at_home = :v WHERE id = :id"),
                     {"v": moved[1].never_contact_at_home, "id": moved[0].id})
    konselor = demo_copy.services("konselor")
    try:
        assert konselor.screening.get(rows[0].id).risk_level == RiskLevel.HIGH
        assert konselor.screening.get(emptied).risk_level == RiskLevel.HIGH
        assert konselor.participants.get(moved[0].id).never_contact_at_home is True
    finally:
        konselor.close()
    check = demo_copy.run("check")
    assert check.returncode == 4
    line = next(line for line in check.stdout.splitlines()
                if says(line, "cli.check_unreadable"))
    assert "screening.risk_level (2)" in line and "participant.never_contact_at_home" in line


def test_the_reason_a_withdrawal_was_taken_back_is_sealed(demo_copy: CliVault) -> None:
    for user in ("fasilitator", "staf"):
        with raw_sql(demo_copy, user) as (engine, _), engine.connect() as conn:
            dump = dump_database(conn)
        needle = DEMO_REJECTION_REASON.encode()
        assert [name for name, data in dump.items() if needle in data] == [], user
    admin = demo_copy.services("admin")
    try:
        with admin.vault.db.reading() as session:
            pid = session.execute(text(
                "SELECT participant_id FROM participant_consent "
                "WHERE withdrawal_rejection IS NOT NULL")).scalar_one()
        assert admin.consent.withdrawal_rejection(pid) == DEMO_REJECTION_REASON
    finally:
        admin.close()
    staf = demo_copy.services("staf")
    try:
        assert staf.consent.withdrawal_rejection(pid) is None  # restricted: not hers to read
    finally:
        staf.close()


def test_the_sort_by_phone_tells_nothing_of_a_hidden_phone(demo_copy: CliVault) -> None:
    staf = demo_copy.services("staf")
    try:
        ids = staf.participants.register_page(RegisterQuery(sort="phone"), first=0).ids
        rows = staf.participants.rows_by_ids(ids)
    finally:
        staf.close()
    hidden = [r for r in rows if r.contact_withheld]
    assert hidden, "the demo has women without contact consent"
    blank = [r for r in rows if not r.phone]
    assert rows[:len(blank)] == blank  # every hidden or missing phone first...
    assert [r.id for r in blank] == sorted(r.id for r in blank)  # ...in id order, no more


def test_every_woman_has_the_same_number_of_token_rows(demo_copy: CliVault) -> None:
    with raw_sql(demo_copy, "fasilitator") as (engine, _), engine.connect() as conn:
        counts = Counter(conn.execute(text(
            "SELECT count(*) FROM participant_search_token GROUP BY participant_id")).scalars())
        searchable = conn.execute(text(
            "SELECT count(*) FROM participant WHERE anonymised_on IS NULL")).scalar_one()
        pending = conn.execute(text(
            "SELECT count(*) FROM participant_consent WHERE withdrawal_requested_by IS NOT NULL"
        )).scalar_one()
    assert set(counts) == {TOKENS_EACH}
    assert counts[TOKENS_EACH] == searchable - pending


def test_key_file_json_is_still_what_the_app_reads(demo_copy: CliVault) -> None:
    """The harness's edits keep the file readable: an edit that changes nothing is accepted."""
    edit_key_file(demo_copy, lambda data: None)
    assert demo_copy.run("check").returncode == 0
    assert json.loads((demo_copy.data_dir / "kdrt.keys").read_text())["version"] == 2
