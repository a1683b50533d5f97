"""``kdrt-desk schedule export`` end to end (in-process CLI on a real vault): a group's PDF and
workbook, a facilitator's PDF and calendar file, a participant's card, and every refusal as
one translated line with nothing written."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from cli_harness import CliVault, assert_clean_failure, message
from icalendar import Calendar
from openpyxl import load_workbook
from pypdf import PdfReader
from support.constants import CENTRE, PASSWORD
from support.programme import build, session_on
from support.team import Team
from support.vault_fixture import VaultFixture


@dataclass
class Built:
    cli: CliVault
    names: list[str]
    codes: list[str]
    sessions: dict[str, int]


@pytest.fixture
def built(vault: VaultFixture, tmp_path: Path) -> Iterator[Built]:
    team = Team.hired(vault)
    admin = team("admin")
    programme = build(admin, members=3, link_login="fasilitator1")
    made = {
        "sos1": admin.sessions.create(session_on(programme, date(2026, 11, 24))),
        "sos2": admin.sessions.create(session_on(programme, date(2026, 11, 26), start=13,
                                                 end=15, module="SOS-02",
                                                 facilitator="trainer")),
        "sos3": admin.sessions.create(session_on(programme, date(2026, 12, 3))),
    }
    records = [admin.participants.get(pid) for pid in programme.participants]
    team.close()
    keyring_file = tmp_path / "keyring.json"
    keyring_file.write_text(json.dumps({f"{service}/{name}": secret for (service, name), secret
                                        in vault.keyring.entries.items()}))
    home = tmp_path / "home"
    home.mkdir()
    yield Built(CliVault(vault.data_dir, keyring_file, PASSWORD, home),
                [r.full_name for r in records], [r.code for r in records],
                {k: v.id for k, v in made.items()})


def _text(path: Path) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(path).pages).split())


def test_group_pdf_and_workbook(built: Built) -> None:
    pdf = built.cli.home / "jadwal kelompok.pdf"
    result = built.cli.run("schedule", "export", "--group", "Angkatan 1 Plaju", "--out",
                           str(pdf))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == message("cli.schedule.written", count=3, path=str(pdf))
    text = _text(pdf)
    assert "JADWAL KELOMPOK" in text and "Pekan" in text and CENTRE in text
    assert not any(name in text for name in built.names)

    book = built.cli.home / "jadwal.xlsx"
    result = built.cli.run("schedule", "export", "--group", "angkatan 1 plaju", "--out",
                           str(book), "--from", "2026-11-25", "--to", "2026-11-30", lang="en")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == message("cli.schedule.written", "en", count=1,
                                            path=str(book))
    sheet = load_workbook(book).active
    assert sheet is not None
    assert sheet.cell(row=4, column=1).value == "Date"
    assert sheet.cell(row=5, column=5).value == "SOS-02" and sheet.cell(row=6, column=1).value \
        is None


def test_facilitator_ics_and_pdf_and_her_own_only(built: Built) -> None:
    ics = built.cli.home / "rahmawati.ics"
    result = built.cli.run("schedule", "export", "--facilitator", "Dra. Hj. Rahmawati, Psi.",
                           "--out", str(ics), user="fasilitator1")
    assert result.returncode == 0, result.stderr
    events = list(Calendar.from_ical(ics.read_bytes()).walk("VEVENT"))
    assert sorted(str(e["UID"]).split("@")[0] for e in events) == sorted(
        f"session-{built.sessions[k]}" for k in ("sos1", "sos3"))
    assert not any(n.encode() in ics.read_bytes() for n in built.names)
    again = built.cli.run("schedule", "export", "--facilitator", "Dra. Hj. Rahmawati, Psi.",
                          "--out", str(ics), "--overwrite")
    assert again.returncode == 0, again.stderr
    assert sorted(str(e["UID"]) for e in Calendar.from_ical(ics.read_bytes()).walk(
        "VEVENT")) == sorted(str(e["UID"]) for e in events)

    other = built.cli.home / "mariani.pdf"
    refused = built.cli.run("schedule", "export", "--facilitator", "Ibu Mariani", "--out",
                            str(other), user="fasilitator1")
    assert_clean_failure(refused, message("error.permission_denied"))
    assert not other.exists()
    pdf = built.cli.home / "mariani-admin.pdf"
    result = built.cli.run("schedule", "export", "--facilitator", "ibu mariani", "--out",
                           str(pdf))
    assert result.returncode == 0, result.stderr
    assert "JADWAL FASILITATOR" in _text(pdf) and "Ibu Mariani" in _text(pdf)


def test_participant_card_discreet_by_default(built: Built) -> None:
    card = built.cli.home / "kartu.pdf"
    result = built.cli.run("schedule", "export", "--participant", built.codes[0], "--out",
                           str(card), user="staf1")
    assert result.returncode == 0, result.stderr
    text = _text(card)
    assert built.names[0] in text and "Jadwal kegiatan" in text and "Kegiatan 3" in text
    assert not any(name in text for name in built.names[1:])
    assert "Kelompok dukungan sebaya" not in text and CENTRE not in text
    full = built.cli.home / "kartu-lengkap.pdf"
    result = built.cli.run("schedule", "export", "--participant", built.codes[0], "--out",
                           str(full), "--not-discreet", "--preferred-name")
    assert result.returncode == 0, result.stderr
    text = _text(full)
    assert "Kelompok dukungan sebaya" in text and CENTRE in text
    assert built.names[0] not in text and "Bu 000" in text  # her preferred name
    # a facilitator holds no contact permission: no card
    refused = built.cli.run("schedule", "export", "--participant", built.codes[0], "--out",
                            str(built.cli.home / "f.pdf"), user="fasilitator1")
    assert_clean_failure(refused, message("error.permission_denied"))


@pytest.mark.parametrize(("which", "out", "key"), [
    (("--group", "Angkatan 1 Plaju"), "a.ics", "cli.schedule.ics_only_facilitator"),
    (("--participant", "X"), "a.ics", "cli.schedule.ics_only_facilitator"),
    (("--facilitator", "Ibu Mariani"), "a.xlsx", "cli.schedule.xlsx_only_group"),
    (("--participant", "X"), "a.XLSX", "cli.schedule.xlsx_only_group"),
    (("--group", "Angkatan 1 Plaju"), "a.csv", "cli.schedule.suffix_unknown"),
])
def test_a_wrong_suffix_is_one_line(built: Built, which: tuple[str, str], out: str,
                                    key: str) -> None:
    path = built.cli.home / out
    result = built.cli.run("schedule", "export", *which, "--out", str(path))
    assert result.returncode == 2 and result.stdout == ""
    assert_clean_failure(result, message(key, path=str(path)))
    assert not path.exists()


def test_refusals_write_nothing(built: Built) -> None:
    inside = built.cli.data_dir / "jadwal.pdf"
    result = built.cli.run("schedule", "export", "--group", "Angkatan 1 Plaju", "--out",
                           str(inside))
    assert_clean_failure(result, message("error.output_in_data_folder",
                                         folder=str(built.cli.data_dir)))
    assert not inside.exists()
    existing = built.cli.home / "ada.pdf"
    existing.write_bytes(b"lama")
    result = built.cli.run("schedule", "export", "--group", "Angkatan 1 Plaju", "--out",
                           str(existing))
    assert_clean_failure(result, message("error.output_exists", path=str(existing)))
    assert existing.read_bytes() == b"lama"
    unknown = built.cli.run("schedule", "export", "--group", "Angkatan 9", "--out",
                            str(built.cli.home / "x.pdf"))
    assert_clean_failure(unknown, message("error.group_unknown"))
    order = built.cli.run("schedule", "export", "--group", "Angkatan 1 Plaju", "--out",
                          str(built.cli.home / "x.pdf"), "--from", "2026-12-01", "--to",
                          "2026-11-01")
    assert_clean_failure(order, message("cli.programme.date_order", start="2026-12-01",
                                        end="2026-11-01"))
    mixed = built.cli.run("schedule", "export", "--group", "Angkatan 1 Plaju", "--out",
                          str(built.cli.home / "x.pdf"), "--not-discreet")
    assert_clean_failure(mixed, message("cli.schedule.card_options_only_participant"))
    assert not (built.cli.home / "x.pdf").exists()
