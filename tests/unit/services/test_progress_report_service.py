"""Printing her progress report through the service, on a real vault: what the PDF holds for a
case worker, what each role may include (scores: Konselor/Admin; income: the contact key; a
facilitator: her own groups' members only, without the work status), the audit entry (which
parts, never a value), the anonymised participant refused, and the OutputWriter's path rules."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select
from support.programme import Programme, accepted, build, session_on
from support.team import Team
from support.vault_fixture import VaultFixture

from kdrt_desk.domain.assessment import AssessmentInput
from kdrt_desk.domain.livelihood import BusinessKind, LivelihoodInput, LivelihoodStatus
from kdrt_desk.domain.skills import DEFAULT_LEVELS, SkillCriterion, SkillRubric
from kdrt_desk.domain.training import AttendanceMark
from kdrt_desk.errors import PermissionDeniedError, UserError
from kdrt_desk.models import AuditEntry
from kdrt_desk.wiring import Services

TODAY = date(2026, 11, 27)
RUBRIC = SkillRubric((SkillCriterion("Kebersihan pangan", DEFAULT_LEVELS),
                      SkillCriterion("Menghitung harga jual", DEFAULT_LEVELS)), 3)


def with_progress(admin: Services) -> tuple[Programme, int]:
    """A group with SOS-01 and EKO-02 (with a rubric); her: 1 of 2 SOS-01 sessions, the
    cooking session and its skill passed, two WHO-5 scores, a food business follow-up."""
    programme = build(admin, members=2, link_login="fasilitator1")
    pid = programme.participants[0]
    group = admin.groups.get(programme.group_id)
    cooking = programme.modules["EKO-02"]
    admin.groups.save(replace(group, module_ids=[*group.module_ids, cooking]))
    admin.catalogue.set_skill_rubric(cooking, RUBRIC)
    for day, module, facilitator, venue in (
            (date(2026, 11, 23), "SOS-01", "psychologist", None),
            (date(2026, 11, 24), "SOS-01", "psychologist", None),
            (date(2026, 11, 25), "EKO-02", "trainer", programme.kitchen_id)):
        made = admin.sessions.create(session_on(programme, day, module=module,
                                                facilitator=facilitator, venue_id=venue))
        mark = AttendanceMark.ABSENT if day.day == 24 else AttendanceMark.PRESENT
        admin.attendance.mark(made.id, pid, mark, today=TODAY)
    admin.attendance.record_assessment(pid, cooking, on=date(2026, 11, 25), levels=[3, 4])
    admin.assessments.record(AssessmentInput(pid, "WHO5", "baseline", date(2026, 11, 27),
                                             (2, 2, 2, 3, 2)))
    admin.assessments.record(AssessmentInput(pid, "WHO5", "midline", date(2026, 12, 2),
                                             (3, 4, 3, 3, 4)))
    admin.livelihoods.add_record(pid, LivelihoodInput(
        recorded_on=date(2026, 11, 26), status=LivelihoodStatus.BUSINESS,
        business_kind=BusinessKind.FOOD, monthly_income=1_250_000), today=TODAY)
    return programme, pid


def _text(path: Path) -> str:
    return " ".join(" ".join((p.extract_text() or "").split())
                    for p in PdfReader(path).pages)


def _audits(services: Services) -> list[tuple[str, str, dict[str, object]]]:
    with services.vault.db.reading() as session:
        return [(e.actor, e.target, json.loads(e.details)) for e in session.scalars(
            select(AuditEntry).where(AuditEntry.action == "progress_report_printed")
            .order_by(AuditEntry.id))]


@pytest.fixture
def team(vault: VaultFixture) -> Iterator[Team]:
    made = Team.hired(vault)
    yield made
    made.close()


def test_a_case_worker_prints_her_file_copy_with_everything(team: Team,
                                                             tmp_path: Path) -> None:
    _programme, pid = with_progress(team("admin"))
    konselor = team("konselor1")
    target = konselor.progress_reports.write(pid, tmp_path / "laporan.pdf", lang="id",
                                             include_scores=True, include_income=True)
    found = _text(target)
    code = konselor.participants.get(pid).code
    for expected in ("Bu 000", code, "Untuk arsip", "SOS-01 Kelompok dukungan sebaya",
                     "1 dari 2 sesi", "1 dari 1 sesi", "✓ Ya",
                     "EKO-02 Memasak dan usaha makanan — lulus uji keterampilan",
                     "Kebersihan pangan: Cakap", "Menghitung harga jual: Mandiri",
                     "Skor dari waktu ke waktu", "Indeks Kesejahteraan WHO-5", "44", "68",
                     "Menjalankan usaha sendiri: Makanan", "Rp 1.250.000"):
        assert expected in found, expected
    assert "Uji 000" not in found  # her preferred name, not her full name
    for word in ("KDRT", "kekerasan", "risiko", "Risiko", "skrining", "kasus"):
        assert word not in found, word
    entries = _audits(konselor)
    assert entries == [("konselor1", code, {"for_her": False, "lang": "id", "scores": True,
                                            "income": True, "status": True})]
    assert "1250000" not in json.dumps(entries) and "Bu 000" not in json.dumps(entries)


def test_staff_may_not_include_scores_and_her_copy_leaves_them_out(team: Team,
                                                                    tmp_path: Path) -> None:
    _programme, pid = with_progress(team("admin"))
    staf = team("staf1")
    assert not staf.progress_reports.may_include_scores
    with pytest.raises(UserError) as refused:
        staf.progress_reports.write(pid, tmp_path / "a.pdf", lang="en", include_scores=True,
                                    include_income=False)
    assert refused.value.key == "error.progress_scores_refused"
    assert "counsellor" in refused.value.message or "Konselor" in refused.value.message
    assert not (tmp_path / "a.pdf").exists() and _audits(staf) == []
    target = staf.progress_reports.write(pid, tmp_path / "b.pdf", lang="en",
                                         include_scores=False, include_income=False,
                                         for_her=True)
    found = _text(target)
    assert "For the participant" in found and "Running a business of her own: Food" in found
    assert "Scores over time" not in found and "WHO-5" not in found and "Rp" not in found
    assert _audits(staf)[0][2] == {"for_her": True, "lang": "en", "scores": False,
                                   "income": False, "status": True}


def test_a_facilitator_prints_for_her_own_members_only(team: Team, tmp_path: Path) -> None:
    admin = team("admin")
    _programme, pid = with_progress(admin)
    outsider = accepted(admin, 1, start=20)[0]
    facilitator = team("fasilitator1")
    reports = facilitator.progress_reports
    for scores, income, key in ((True, False, "error.progress_scores_refused"),
                                (False, True, "error.progress_income_refused")):
        with pytest.raises(UserError) as refused:
            reports.write(pid, tmp_path / "x.pdf", lang="id", include_scores=scores,
                          include_income=income)
        assert refused.value.key == key
    with pytest.raises(PermissionDeniedError):
        reports.write(outsider, tmp_path / "x.pdf", lang="id", include_scores=False,
                      include_income=False)
    assert not (tmp_path / "x.pdf").exists()
    found = _text(reports.write(pid, tmp_path / "x.pdf", lang="id", include_scores=False,
                                include_income=False, for_her=True))
    assert "1 dari 2 sesi" in found and "lulus uji keterampilan" in found
    # her work status is read with the contact key, which a facilitator does not hold
    assert "Usaha dan pekerjaan" not in found and "Makanan" not in found
    assert _audits(facilitator)[0][2]["status"] is False


def test_anonymised_refused_and_the_output_writer_rules(team: Team, vault: VaultFixture,
                                                        tmp_path: Path) -> None:
    admin = team("admin")
    _programme, pid = with_progress(admin)
    reports = admin.progress_reports
    existing = tmp_path / "ada.pdf"
    existing.write_bytes(b"old")
    for path, key in ((vault.data_dir / "laporan.pdf", "error.output_in_data_folder"),
                      (existing, "error.output_exists"),
                      (tmp_path / "missing" / "a.pdf", "error.output_folder_missing"),
                      (tmp_path, "error.output_is_folder")):
        with pytest.raises(UserError) as refused:
            reports.write(pid, path, lang="id", include_scores=False, include_income=False)
        assert refused.value.key == key, path
    assert existing.read_bytes() == b"old" and _audits(admin) == []
    reports.write(pid, existing, lang="id", include_scores=False, include_income=False,
                  overwrite=True)
    assert existing.read_bytes().startswith(b"%PDF") and len(_audits(admin)) == 1
    admin.consent.withdraw_data_use(pid, TODAY, confirm=True, today=TODAY)
    with pytest.raises(UserError) as gone:
        reports.write(pid, tmp_path / "anon.pdf", lang="id", include_scores=False,
                      include_income=False)
    assert gone.value.key == "error.participant_anonymised"
    assert not (tmp_path / "anon.pdf").exists() and len(_audits(admin)) == 1


def test_a_participant_with_nothing_yet_gets_one_page(team: Team, tmp_path: Path) -> None:
    admin = team("admin")
    pid = accepted(admin, 1, start=25)[0]
    target = admin.progress_reports.write(pid, tmp_path / "kosong.pdf", lang="en",
                                          include_scores=True, include_income=True)
    reader = PdfReader(target)
    found = _text(target)
    assert len(reader.pages) == 1
    assert "No modules yet." in found and "No scores yet." in found
    assert "No business or work recorded yet." in found
