"""``kdrt-desk certificates`` on the demo: the register the demo issued (valid, revoked and
reissued), verify (exit 0 only for a genuine, valid certificate), revoke, issuing a module's
certificates to a file or a folder (nobody twice), the eligible list as JSON with JSON types, and
roles refused in one translated line."""

from __future__ import annotations

import json
from pathlib import Path

from cli_harness import CliVault
from pypdf import PdfReader


def _register(vault: CliVault) -> list[dict[str, object]]:
    result = vault.run("certificates", "list", "--format", "json")
    assert result.returncode == 0, result.stderr
    rows: list[dict[str, object]] = json.loads(result.stdout)
    return rows


def _code(vault: CliVault, serial: str) -> str:
    services = vault.services("admin")
    try:
        return next(r.code for r in services.certificates.register() if r.serial == serial)
    finally:
        services.close()


def test_the_demo_register_and_verify(demo_copy: CliVault) -> None:
    rows = _register(demo_copy)
    statuses = {r["status"] for r in rows}
    assert statuses == {"valid", "revoked", "reissued"}
    assert all(str(r["serial"]).startswith("KD/SERT/") for r in rows)
    valid = next(r for r in rows if r["status"] == "valid" and r["kind"] == "module")
    code = _code(demo_copy, str(valid["serial"]))
    told = demo_copy.run("certificates", "verify", code)
    assert told.returncode == 0, told.stderr
    assert "ASLI DAN BERLAKU" in told.stdout and str(valid["printed_name"]) in told.stdout
    assert str(valid["course"]) in told.stdout
    # the name on the paper, typed with other capitals, matches; another name does not
    same = demo_copy.run("certificates", "verify", code, "--name",
                         str(valid["printed_name"]).upper())
    assert same.returncode == 0 and "cocok" in same.stdout
    other = demo_copy.run("certificates", "verify", code, "--name", "Nama Lain Sekali")
    assert other.returncode == 1 and "TIDAK cocok" in other.stdout
    revoked = next(r for r in rows if r["status"] == "revoked")
    told = demo_copy.run("certificates", "verify", _code(demo_copy, str(revoked["serial"])),
                         lang="en")
    assert told.returncode == 1 and "GENUINE BUT REVOKED" in told.stdout
    unknown = demo_copy.run("certificates", "verify", "ZZZZ-ZZZZ-ZZZZ")
    assert unknown.returncode == 1 and "TIDAK DIKENAL" in unknown.stdout
    # a facilitator verifies but may not read the register
    assert demo_copy.run("certificates", "verify", code, user="fasilitator").returncode == 0
    refused = demo_copy.run("certificates", "list", user="fasilitator")
    assert refused.returncode == 2 and "Traceback" not in refused.stderr


def test_revoke_then_issue_again_to_a_file_and_a_folder(demo_copy: CliVault,
                                                        tmp_path: Path) -> None:
    rows = _register(demo_copy)
    chosen = next(r for r in rows if r["status"] == "valid" and r["kind"] == "module")
    module = str(chosen["module"])
    revoked = demo_copy.run("certificates", "revoke", str(chosen["serial"]), "--reason",
                            "Salah modul")
    assert revoked.returncode == 0, revoked.stderr
    again = demo_copy.run("certificates", "revoke", str(chosen["serial"]), "--reason", "lagi")
    assert again.returncode == 2 and "tidak berlaku" in again.stderr
    eligible = demo_copy.run("certificates", "eligible", "--module", module, "--format", "json")
    assert eligible.returncode == 0, eligible.stderr
    listed = json.loads(eligible.stdout)
    waiting = [r for r in listed if r["eligible"] and not r["certificate"]]
    assert chosen["participant"] in {r["code"] for r in waiting}
    assert all(isinstance(r["percent"], int) and isinstance(r["eligible"], bool)
               for r in listed)
    out = tmp_path / "sertifikat.pdf"
    issued = demo_copy.run("certificates", "issue", "--module", module, "--out", str(out))
    assert issued.returncode == 0, issued.stderr
    assert len(PdfReader(out).pages) == len(waiting)
    # everybody now holds one: a second run issues nothing and says so
    folder = tmp_path / "per-peserta"
    folder.mkdir()
    none = demo_copy.run("certificates", "issue", "--module", module, "--out", str(folder))
    assert none.returncode == 1 and "Tidak ada peserta" in none.stderr
    assert list(folder.iterdir()) == []
    after = _register(demo_copy)
    assert len(after) == len(rows) + len(waiting)
    bad = demo_copy.run("certificates", "issue", "--module", "XYZ-99", "--out",
                        str(tmp_path / "y.pdf"))
    assert bad.returncode == 2 and "XYZ-99" in bad.stderr
    not_pdf = demo_copy.run("certificates", "issue", "--module", module, "--out",
                            str(tmp_path / "x.txt"))
    assert not_pdf.returncode == 2 and ".pdf" in not_pdf.stderr


def test_the_programme_certificate_of_a_group(demo_copy: CliVault, tmp_path: Path) -> None:
    rows = _register(demo_copy)
    chosen = next(r for r in rows if r["status"] == "valid" and r["kind"] == "programme")
    assert demo_copy.run("certificates", "revoke", str(chosen["serial"]), "--reason",
                         "Dicetak ganda").returncode == 0
    listed = json.loads(demo_copy.run("certificates", "eligible", "--format", "json").stdout)
    mine = next(r for r in listed if r["code"] == chosen["participant"]
                and r["kind"] == "programme" and not r["certificate"])
    out = tmp_path / "program.pdf"
    issued = demo_copy.run("certificates", "issue", "--module", "program", "--group",
                           str(mine["group"]), "--out", str(out))
    assert issued.returncode == 0, issued.stderr
    text = " ".join((PdfReader(out).pages[0].extract_text() or "").split())
    assert str(mine["course"]) in text
    after = [r for r in _register(demo_copy) if r["participant"] == chosen["participant"]
             and r["kind"] == "programme" and r["status"] == "valid"]
    assert len(after) == 1 and after[0]["serial"] != chosen["serial"]
