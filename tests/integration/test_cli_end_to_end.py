"""The headless CLI end to end: init, demo, users add, participants list, audit verify, check."""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from pathlib import Path

import pytest
from cli_harness import (
    DEMO_PARTICIPANTS,
    RECOVERY_CODE,
    ROLES,
    CliVault,
    DemoTemplate,
    as_csv_text,
    demo_logins,
    load_keyring_file,
    make_env,
    message,
    run_cli,
    run_cli_process,
    vault_id,
)
from pypdf import PdfReader

from kdrt_desk.security.secret_store import SecretStore
from kdrt_desk.security.vault_keys import VaultKeys
from kdrt_desk.services.participants import LIST_COLUMNS_ALL, LIST_COLUMNS_LIMITED

ADMIN = "sari.admin"
PASSWORD = "Kata sandi panjang 2026"
CENTRE = "Pusat Pemberdayaan Perempuan Integrasi"


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def log_text(data_dir: Path) -> str:
    logs = data_dir / "logs"
    if not logs.is_dir():
        return ""
    return "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in logs.iterdir())


def init_vault(tmp_path: Path, *, stdin: bool) -> tuple[CliVault, object, Path]:
    keyring_file = tmp_path / "keyring.json"
    data_dir = tmp_path / "vault"
    sheet = tmp_path / "pemulihan.pdf"
    args = ["init", "--data-dir", str(data_dir), "--admin", ADMIN, "--centre", CENTRE,
            "--address", "Jl. Integrasi 2, Kemuning", "--recovery-sheet", str(sheet)]
    if stdin:  # a real pipe into a real process
        result = run_cli_process(*args, "--password-stdin",
                                 env=make_env(keyring_file, tmp_path), input=PASSWORD + "\n")
    else:
        result = run_cli(*args, env=make_env(keyring_file, tmp_path, KDRT_PASSWORD=PASSWORD))
    return CliVault(data_dir, keyring_file, PASSWORD, tmp_path), result, sheet


def test_init_puts_the_recovery_code_on_the_sheet_only(tmp_path: Path) -> None:
    vault, result, sheet = init_vault(tmp_path, stdin=False)

    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert message("cli.init_done", folder=str(vault.data_dir), sheet=str(sheet)) in result.stdout
    assert RECOVERY_CODE.search(result.stdout) is None, "the recovery code reached stdout"
    text = pdf_text(sheet)
    assert CENTRE in text
    found = set(RECOVERY_CODE.findall(text))
    assert len(found) == 1, text
    code = found.pop()
    assert code not in result.stdout + result.stderr + log_text(vault.data_dir)
    assert vault_id(vault.data_dir)[:8] in text
    assert oct((vault.data_dir / "kdrt.keys").stat().st_mode & 0o777) == "0o600"
    assert oct((vault.data_dir / "kdrt.db").stat().st_mode & 0o777) == "0o600"

    # The printed code really is this vault's: it unwraps the same master key as the password.
    keys = VaultKeys(vault.data_dir / "kdrt.keys", SecretStore())
    from_code = keys.unlock_with_recovery(code)  # also puts the secret into the test keyring
    assert from_code.master == keys.unlock(ADMIN, PASSWORD).master


def test_init_with_password_stdin_then_check(tmp_path: Path) -> None:
    vault, result, sheet = init_vault(tmp_path, stdin=True)
    assert result.returncode == 0, result.stderr
    assert RECOVERY_CODE.search(result.stdout) is None
    assert len(set(RECOVERY_CODE.findall(pdf_text(sheet)))) == 1
    assert list(load_keyring_file(vault.keyring_file)) == [f"KDRT Desk/{vault_id(vault.data_dir)}"]

    no_env = make_env(vault.keyring_file, tmp_path)
    checked = vault.run("check", "--password-stdin", user=ADMIN, env=no_env,
                        input=PASSWORD + "\n", process=True)
    assert checked.returncode == 0, checked.stderr
    assert message("cli.check_integrity", result="ok") in checked.stdout
    assert message("cli.check_participants", count=0) in checked.stdout


def test_demo_prints_a_login_for_every_role(demo_template: DemoTemplate) -> None:
    out = demo_template.result.stdout
    assert demo_template.result.stderr == ""
    assert str(DEMO_PARTICIPANTS) in out.splitlines()[0]
    assert list(demo_template.logins) == list(ROLES)
    assert len(set(demo_template.logins.values())) == 1
    assert len(demo_template.vault.password) >= 12
    # the usable login once, plainly, and the recovery code after it
    login = message("cli.demo_login", users="admin / konselor / fasilitator / staf",
                    password=demo_template.vault.password)
    assert out.splitlines()[1] == login
    assert out.count(demo_template.vault.password) == 1
    assert RECOVERY_CODE.search(out.splitlines()[2])


def test_demo_with_kdrt_password_prints_that_password(tmp_path: Path) -> None:
    """The password from ``KDRT_PASSWORD`` is the one printed, not a placeholder before it."""
    password = "demo kata sandi 2026"
    env = make_env(tmp_path / "keyring.json", tmp_path, KDRT_PASSWORD=password)
    result = run_cli("demo", "--data-dir", str(tmp_path / "demo"), "--participants", "0",
                     "--lang", "en", env=env)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[1] == message("cli.demo_login", "en",
                               users="admin / konselor / fasilitator / staf", password=password)
    assert "KDRT_PASSWORD" not in result.stdout
    assert RECOVERY_CODE.search(lines[2])
    vault = CliVault(tmp_path / "demo", tmp_path / "keyring.json", password, tmp_path)
    assert vault.run("check", user="staf").returncode == 0
    indonesian = run_cli("demo", "--data-dir", str(tmp_path / "lagi"), "--participants", "0",
                         env=make_env(tmp_path / "keyring2.json", tmp_path,
                                      KDRT_PASSWORD=password))
    assert demo_logins(indonesian.stdout) == dict.fromkeys(ROLES, password)


def test_demo_logins_work_for_each_role(demo: CliVault) -> None:
    for role in ("konselor", "staf"):
        result = demo.run("check", user=role)
        assert result.returncode == 0, result.stderr
        assert message("cli.check_participants", count=DEMO_PARTICIPANTS) in result.stdout


def test_users_add_then_the_new_user_can_check(demo_copy: CliVault) -> None:
    new_password = "Sandi baru konselor 7"
    added = demo_copy.run("users", "add", "--new-user", "Rina.Konselor", "--role", "konselor",
                          "--name", "Rina", env=demo_copy.env(KDRT_NEW_PASSWORD=new_password))
    assert added.returncode == 0, added.stderr
    assert message("cli.user_added", name="rina.konselor", role="konselor") in added.stdout

    checked = demo_copy.run("check", user="rina.konselor",
                            env=demo_copy.env(KDRT_PASSWORD=new_password))
    assert checked.returncode == 0, checked.stderr
    assert message("cli.check_participants", count=DEMO_PARTICIPANTS) in checked.stdout

    services = demo_copy.services()
    try:
        accounts = {a.username: a.role.value for a in services.accounts.list_accounts()}
        created = services.audit.entries(action="account_created", actor="admin")
    finally:
        services.close()
    assert accounts["rina.konselor"] == "konselor"
    assert any(e.target == "rina.konselor" for e in created)


def _json_rows(result) -> list[dict[str, str]]:  # type: ignore[no-untyped-def]
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def all_staff_rows(demo_template: DemoTemplate) -> list[dict[str, str]]:
    return _json_rows(demo_template.vault.run("participants", "list", "--format", "json",
                                              user="staf"))


def _search_term(rows: list[dict[str, str]]) -> str:
    """A name word that some, but few, participants have."""
    words = Counter(w for r in rows for w in set(r["full_name"].lower().split()) if len(w) >= 4)
    return next(w for w, n in sorted(words.items()) if 2 <= n <= 20)


def test_staff_list_has_every_row_with_contact_columns(
        all_staff_rows: list[dict[str, str]]) -> None:
    assert len(all_staff_rows) == DEMO_PARTICIPANTS
    assert all(tuple(r) == LIST_COLUMNS_ALL for r in all_staff_rows)
    phones = [r["phone"] for r in all_staff_rows if r["phone"]]
    niks = [r["nik"] for r in all_staff_rows if r["nik"]]
    assert phones and all(re.fullmatch(r"\+62\d{8,13}", p) for p in phones)
    assert niks and all(re.fullmatch(r"\d{16}", n) for n in niks)
    assert len({r["code"] for r in all_staff_rows}) == DEMO_PARTICIPANTS


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_staff_search_returns_only_matching_rows(demo: CliVault, fmt: str,
                                                 all_staff_rows: list[dict[str, str]]) -> None:
    term = _search_term(all_staff_rows)
    expected = [r for r in all_staff_rows
                if term in f"{r['full_name']} {r['preferred_name'] or ''}".lower()]
    assert 0 < len(expected) < DEMO_PARTICIPANTS

    result = demo.run("participants", "list", "--search", term.upper(), "--format", fmt,
                      user="staf")
    assert result.returncode == 0, result.stderr
    if fmt == "json":
        rows = json.loads(result.stdout)
    else:
        reader = csv.DictReader(io.StringIO(result.stdout))
        assert tuple(reader.fieldnames or ()) == LIST_COLUMNS_ALL
        rows = list(reader)
        # a phone starts with "+": in CSV it is text for Excel, not a formula
        expected = [{**r, "phone": "'" + r["phone"] if r["phone"] else ""}
                    for r in as_csv_text(expected)]
    assert rows == expected


def test_facilitator_gets_limited_columns_and_only_her_members(demo: CliVault) -> None:
    """The demo links the ``fasilitator`` login to a facilitator: she sees the active members
    of her own groups (``programme_access.visible_participant_ids``), in the limited columns."""
    as_csv = demo.run("participants", "list", "--format", "csv", user="fasilitator")
    assert as_csv.returncode == 0, as_csv.stderr
    lines = as_csv.stdout.splitlines()
    assert lines[0] == ",".join(LIST_COLUMNS_LIMITED)
    assert "nik" not in lines[0] and "phone" not in lines[0]

    as_json = demo.run("participants", "list", "--format", "json", user="fasilitator")
    assert as_json.returncode == 0, as_json.stderr
    rows = json.loads(as_json.stdout)
    assert 0 < len(rows) == len(lines) - 1 < DEMO_PARTICIPANTS
    assert all(set(r) == set(LIST_COLUMNS_LIMITED) for r in rows)
    assert {r["status"] for r in rows} == {"enrolled"}


def test_audit_verify_passes_on_an_untouched_vault(demo: CliVault) -> None:
    result = demo.run("audit", "verify")
    assert result.returncode == 0, result.stderr
    match = re.search(r"Log audit utuh: (\d+) catatan", result.stdout)
    assert match is not None, result.stdout
    assert int(match.group(1)) > 5


def test_check_prints_integrity_and_keyring_mode(demo: CliVault) -> None:
    result = demo.run("check", lang="en")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "Integrity check: ok" in lines
    assert "Key mode: OS keyring (support.fake_os_keyring.FileKeyring)" in lines
    assert f"Participants: {DEMO_PARTICIPANTS}" in lines
    assert any(line.startswith("SQLCipher: 4.") for line in lines)
