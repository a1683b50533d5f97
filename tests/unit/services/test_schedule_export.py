"""``ScheduleExportService`` on a real vault: what each export holds (read back with pypdf,
icalendar and openpyxl), who may export what, where files may go, and the audit trail."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from icalendar import Calendar
from openpyxl import load_workbook
from pypdf import PdfReader
from support.constants import CENTRE
from support.programme import PERIOD, Programme, accepted, build, session_on
from support.team import Team
from support.vault_fixture import VaultFixture

from kdrt_desk.domain.training import GroupInput, SessionInput
from kdrt_desk.errors import PermissionDeniedError, UserError
from kdrt_desk.security.atomic_file import OutputWriter
from kdrt_desk.services.schedule_export import ScheduleExportService
from kdrt_desk.wiring import Services

TODAY = date(2026, 11, 27)
SECOND = "Angkatan 2 Kemuning"


@dataclass
class Built:
    team: Team
    programme: Programme
    sessions: dict[str, int]
    names: list[str]  # the first group's members' full names
    codes: list[str]
    second_group: int
    newcomer: int  # a member of the second group only


def _service(services: Services) -> ScheduleExportService:
    vault = services.vault
    return ScheduleExportService(vault.db, vault.actor, OutputWriter(vault.paths.data_dir))


@pytest.fixture
def built(vault: VaultFixture) -> Iterator[Built]:
    team = Team.hired(vault)
    admin = team("admin")
    programme = build(admin, members=3, link_login="fasilitator1")
    made = {
        "sos1": admin.sessions.create(session_on(programme, date(2026, 11, 24),
                                                 topic="Mengenali pola")),
        "sos2": admin.sessions.create(session_on(programme, date(2026, 11, 26), start=13,
                                                 end=15, module="SOS-02",
                                                 facilitator="trainer")),
        "sos3": admin.sessions.create(session_on(programme, date(2026, 12, 3))),
        "early": admin.sessions.create(session_on(programme, date(2026, 11, 10))),
    }
    second = admin.groups.save(GroupInput(
        name=SECOND, kecamatan="Kemuning", start_date=PERIOD[0], end_date=PERIOD[1],
        venue_id=programme.kitchen_id, module_ids=[programme.modules["EKO-02"]],
        facilitator_ids={programme.facilitators["trainer"]}))
    made["eko"] = admin.sessions.create(SessionInput(
        group_id=second.id, module_id=programme.modules["EKO-02"],
        session_date=date(2026, 11, 25), start_time=session_on(programme, TODAY).start_time,
        end_time=session_on(programme, TODAY).end_time, venue_id=programme.kitchen_id,
        facilitator_id=programme.facilitators["trainer"]))
    newcomer = accepted(admin, 1, start=10)[0]
    admin.groups.enrol(second.id, [newcomer], on=date(2026, 11, 20))
    records = [admin.participants.get(pid) for pid in programme.participants]
    yield Built(team, programme, {k: v.id for k, v in made.items()},
                [r.full_name for r in records], [r.code for r in records], second.id,
                newcomer)
    team.close()


def _pdf_text(path: Path) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(path).pages).split())


def test_group_schedule_as_pdf_and_xlsx_and_the_audit(built: Built, tmp_path: Path) -> None:
    admin = built.team("admin")
    service = _service(admin)
    group = built.programme.group_id
    assert service.group_id_named("angkatan 1 plaju") == group
    pdf = tmp_path / "jadwal.pdf"
    assert service.export_group(group, pdf, "pdf", lang="id") == 4
    text = _pdf_text(pdf)
    assert "JADWAL KELOMPOK" in text and "Angkatan 1 Plaju" in text and CENTRE in text
    assert "Jl. Kapten Robani 3" in text and "Ibu Mariani" in text
    assert "Periode: 1 September 2026 – 31 Desember 2026" in text
    assert not any(name in text for name in built.names)  # a schedule names no participant
    assert SECOND not in text

    book = tmp_path / "jadwal.xlsx"
    assert service.export_group(group, book, "xlsx", start=date(2026, 11, 20),
                                end=date(2026, 11, 30)) == 2
    sheet = load_workbook(book).active
    assert sheet is not None
    assert [sheet.cell(row=r, column=5).value for r in (5, 6)] == ["SOS-01", "SOS-02"]
    assert sheet.freeze_panes == "A5"

    entries = admin.audit.entries(action="schedule_exported")
    assert [(e.target, e.details) for e in entries] == [
        (f"group:{group}", {"kind": "group", "format": "xlsx", "rows": 2}),
        (f"group:{group}", {"kind": "group", "format": "pdf", "rows": 4})]
    assert not any(n in str(e.details) for e in entries for n in built.names)


def test_facilitator_ics_is_stable_and_a_cancel_keeps_its_uid(built: Built,
                                                              tmp_path: Path) -> None:
    admin = built.team("admin")
    service = _service(admin)
    psychologist = service.facilitator_id_named("Dra. Hj. Rahmawati, Psi.")
    first = tmp_path / "rahmawati.ics"
    assert service.export_facilitator(psychologist, first, "ics",
                                      now=datetime(2026, 11, 20, tzinfo=UTC)) == 3
    admin.sessions.cancel(built.sessions["sos3"], "Hujan deras")
    second = tmp_path / "rahmawati-2.ics"
    service.export_facilitator(psychologist, second, "ics",
                               now=datetime(2026, 11, 21, tzinfo=UTC))
    before = Calendar.from_ical(first.read_bytes())
    after = Calendar.from_ical(second.read_bytes())
    events = {str(e["UID"]): e for e in after.walk("VEVENT")}
    assert [str(e["UID"]) for e in before.walk("VEVENT")] == list(events)
    assert len(events) == 3
    domain = service.uid_domain()
    assert domain.endswith(".kdrt-desk") and len(domain.split(".")[0]) == 8
    cancelled = events[f"session-{built.sessions['sos3']}@{domain}"]
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert [str(e["STATUS"]) for e in before.walk("VEVENT")] == ["CONFIRMED"] * 3
    start = events[f"session-{built.sessions['sos1']}@{domain}"].decoded("DTSTART")
    assert start.astimezone(UTC) == datetime(2026, 11, 24, 2, tzinfo=UTC)
    raw = first.read_bytes() + second.read_bytes()
    assert not any(name.encode() in raw for name in built.names)
    assert not any(code.encode() in raw for code in built.codes)
    pdf = tmp_path / "rahmawati.pdf"
    service.export_facilitator(psychologist, pdf, "pdf")
    assert "JADWAL FASILITATOR" in _pdf_text(pdf) and "Dibatalkan" in _pdf_text(pdf)


def test_a_facilitator_exports_only_her_own_schedule(built: Built, tmp_path: Path) -> None:
    own = _service(built.team("fasilitator1"))
    mine = tmp_path / "saya.ics"
    assert own.export_facilitator(None, mine, "ics") == 3  # None: her own
    assert own.export_facilitator(built.programme.facilitators["psychologist"],
                                  tmp_path / "saya.pdf", "pdf") == 3
    other = tmp_path / "lain.ics"
    with pytest.raises(PermissionDeniedError):
        own.export_facilitator(built.programme.facilitators["trainer"], other, "ics")
    assert not other.exists()
    # her group, but only the sessions she leads in it; another group not at all
    assert own.export_group(built.programme.group_id, tmp_path / "kelompok.pdf") == 3
    with pytest.raises(PermissionDeniedError):
        own.export_group(built.second_group, tmp_path / "kedua.pdf")
    with pytest.raises(PermissionDeniedError):  # no contact permission: no participant card
        own.export_participant_card(built.programme.participants[0], tmp_path / "kartu.pdf")
    assert not (tmp_path / "kedua.pdf").exists() and not (tmp_path / "kartu.pdf").exists()


def test_the_discreet_card_has_only_her_and_nothing_of_the_programme(
        built: Built, tmp_path: Path) -> None:
    service = _service(built.team("staf1"))
    her = built.programme.participants[0]
    assert service.participant_id_coded(built.codes[0].lower()) == her
    card = tmp_path / "kartu.pdf"
    assert service.export_participant_card(her, card, lang="id") == 3  # not the 10 Nov one
    text = _pdf_text(card)
    assert "Jadwal kegiatan" in text and built.names[0] in text
    assert "Kegiatan 1" in text and "Kegiatan 3" in text and "Kegiatan 4" not in text
    assert "Jl. Kapten Robani 3" in text and "Selasa 24 November 2026" in text
    for other in built.names[1:]:
        assert other not in text
    for secret in ("Kelompok dukungan sebaya", "Literasi hukum", "SOS-0", CENTRE, "Angkatan",
                   "Rahmawati", "Mariani", "10 November"):
        assert secret not in text, secret
    assert b"KDRT" not in card.read_bytes()
    assert len(PdfReader(card).pages) == 1

    full = tmp_path / "kartu-lengkap.pdf"
    service.export_participant_card(her, full, discreet=False, lang="id")
    text = _pdf_text(full)
    assert "Kelompok dukungan sebaya" in text and CENTRE in text and "Jadwal pelatihan" in text
    assert [(e.target, e.details) for e in built.team("admin").audit.entries(
        action="schedule_exported")] == [
        (f"participant:{her}", {"kind": "participant", "format": "pdf", "rows": 3,
                                "discreet": False}),
        (f"participant:{her}", {"kind": "participant", "format": "pdf", "rows": 3,
                                "discreet": True})]


def test_a_card_follows_her_memberships(built: Built, tmp_path: Path) -> None:
    service = _service(built.team("admin"))
    card = tmp_path / "baru.pdf"
    assert service.export_participant_card(built.newcomer, card, discreet=False) == 1
    text = _pdf_text(card)
    assert "EKO-02" in text and "SOS-01" not in text and "25 November 2026" in text
    data = service.participant_card(built.programme.participants[1],
                                    start=date(2026, 11, 25), end=date(2026, 11, 30))
    assert [r.session_id for r in data.rows] == [built.sessions["sos2"]]
    assert data.centre_name == "" and data.discreet


def test_no_card_for_an_anonymised_participant(built: Built, tmp_path: Path) -> None:
    admin = built.team("admin")
    her = built.programme.participants[2]
    admin.consent.withdraw_data_use(her, TODAY, confirm=True, today=TODAY)
    with pytest.raises(UserError) as refused:
        _service(admin).export_participant_card(her, tmp_path / "kartu.pdf")
    assert refused.value.key == "error.schedule_card_anonymised"
    assert not (tmp_path / "kartu.pdf").exists()


def test_files_never_go_into_the_data_folder_nor_over_a_file_unasked(
        built: Built, vault: VaultFixture, tmp_path: Path) -> None:
    service = _service(built.team("admin"))
    group = built.programme.group_id
    for target in (vault.data_dir / "jadwal.pdf", vault.data_dir / "kdrt.db"):
        before = target.read_bytes() if target.exists() else None
        with pytest.raises(UserError) as refused:
            service.export_group(group, target, "xlsx")
        assert refused.value.key == "error.output_in_data_folder"
        assert (target.read_bytes() if target.exists() else None) == before
    existing = tmp_path / "ada.pdf"
    existing.write_bytes(b"lama")
    with pytest.raises(UserError) as refused:
        service.export_group(group, existing, "pdf")
    assert refused.value.key == "error.output_exists" and existing.read_bytes() == b"lama"
    service.export_group(group, existing, "pdf", overwrite=True)
    assert existing.read_bytes().startswith(b"%PDF")
    assert len(built.team("admin").audit.entries(action="schedule_exported")) == 1


def test_formula_like_names_stay_text_in_the_workbook(built: Built, tmp_path: Path) -> None:
    admin = built.team("admin")
    evil = '=HYPERLINK("http://contoh.invalid","klik")'
    module = next(m for m in admin.catalogue.modules() if m.code == "SOS-01")
    admin.catalogue.save_module(replace(module, title="=1+2"))
    venue = next(v for v in admin.catalogue.venues() if v.id == built.programme.venue_id)
    admin.catalogue.save_venue(replace(venue, name="@SUM(A1:A9)", address="-1+1"))
    group = next(g for g in admin.groups.groups() if g.id == built.programme.group_id)
    admin.groups.save(replace(group, name=evil))
    book = tmp_path / "evil.xlsx"
    _service(admin).export_group(built.programme.group_id, book, "xlsx")
    sheet = load_workbook(book).active
    assert sheet is not None
    cells = [c for row in sheet.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    for text in ("=1+2", "@SUM(A1:A9)", "-1+1"):
        found = [c for c in cells if c.value == text]
        assert found and all(c.data_type == "s" and c.quotePrefix for c in found), text
    assert str(sheet["A1"].value).endswith(evil)
    assert "HYPERLINK" not in str([c.value for c in cells if c.data_type == "f"])
