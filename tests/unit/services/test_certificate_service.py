"""Certificates through the service, on a real vault: who is eligible and why (and who is close),
issuing one and a batch (serials in order, never reused, none consumed by a refused, failed or
cancelled batch), the register, revoking, reissuing, verifying (audited, nothing more than the
name as printed, the course and the date), and the name removed after a withdrawal while the
certificate stays valid and the typed name can still be checked against its salted hash."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from sqlalchemy import func, select
from support.programme import Programme, build, session_on
from support.team import Team
from support.vault_fixture import VaultFixture

from kdrt_desk.domain.certificates import (
    CertificateDesign,
    CertificateKind,
    CertificateStatus,
    IssueRequest,
    Signatory,
    TemplateInput,
)
from kdrt_desk.domain.training import AttendanceMark
from kdrt_desk.errors import PermissionDeniedError, UserError, ValidationError
from kdrt_desk.models import AuditEntry, Certificate, CertificateSerial
from kdrt_desk.wiring import Services

TODAY = date(2026, 11, 27)
DAYS = (date(2026, 11, 23), date(2026, 11, 24), date(2026, 11, 25))


def png(width: int = 120, height: int = 40, **info: str) -> bytes:
    out = io.BytesIO()
    image = Image.new("RGB", (width, height), (20, 40, 90))
    from PIL import PngImagePlugin

    meta = PngImagePlugin.PngInfo()
    for key, value in info.items():
        meta.add_text(key, value)
    image.save(out, format="PNG", pnginfo=meta)
    return out.getvalue()


def signed_template(services: Services, **changes: object) -> int:
    design = CertificateDesign(
        issuer_name="Program Pelatihan Kemandirian Perempuan",
        signatories=(Signatory("Dra. Sri Wahyuni", "Ketua Program", png()),),
        logo_png=png(80, 80))
    return services.certificates.templates.save(
        TemplateInput("Standar", replace(design, **changes))).id  # type: ignore[arg-type]


def attended(admin: Services) -> tuple[Programme, list[int]]:
    """Three SOS-01 sessions held: the first woman came to all three, the second to two (67%,
    under the 75% minimum but close), the third to one; the rest never came."""
    programme = build(admin, members=4)
    people = programme.participants
    for n, day in enumerate(DAYS):
        made = admin.sessions.create(session_on(programme, day))
        for k, pid in enumerate(people[:3]):
            mark = AttendanceMark.PRESENT if n < 3 - k else AttendanceMark.ABSENT
            admin.attendance.mark(made.id, pid, mark, today=TODAY)
    return programme, people


@pytest.fixture
def team(vault: VaultFixture) -> Iterator[Team]:
    made = Team.hired(vault)
    yield made
    made.close()


def _serials(services: Services) -> tuple[int, int]:
    with services.vault.db.reading() as session:
        rows = session.scalar(select(func.count(Certificate.id))) or 0
        last = session.scalar(select(func.max(CertificateSerial.last))) or 0
    return rows, last


def _audit(services: Services, action: str) -> list[dict[str, object]]:
    with services.vault.db.reading() as session:
        return [json.loads(e.details) for e in session.scalars(
            select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id))]


def test_the_eligible_list_gives_the_reason_and_who_is_close(admin: Services) -> None:
    programme, people = attended(admin)
    sos = programme.modules["SOS-01"]
    rows = admin.certificates.eligible(module_id=sos)
    by_person = {r.participant_id: r for r in rows}
    first, second = by_person[people[0]], by_person[people[1]]
    assert first.eligible and not second.eligible
    assert first.reason == "Hadir 3 dari 3 sesi (100%, minimal 75%)"
    assert second.reason == "Hadir 2 dari 3 sesi (67%, minimal 75%); kurang 1 sesi"
    assert people[2] not in by_person  # 33%: not close
    assert first.hours == 6 and first.first_date == DAYS[0] and first.last_date == DAYS[2]
    assert rows[0].participant_id == people[0]  # eligible first
    assert [r.participant_id for r in admin.certificates.eligible(
        module_id=sos, include_close=False)] == [people[0]]


def test_a_module_with_a_rubric_needs_the_assessment_passed(admin: Services) -> None:
    programme = build(admin, members=1)
    pid = programme.participants[0]
    cooking = programme.modules["EKO-02"]
    group = admin.groups.get(programme.group_id)
    admin.groups.save(replace(group, module_ids=[*group.module_ids, cooking]))
    made = admin.sessions.create(session_on(programme, DAYS[0], module="EKO-02",
                                            facilitator="trainer",
                                            venue_id=programme.kitchen_id))
    admin.attendance.mark(made.id, pid, AttendanceMark.PRESENT, today=TODAY)
    (row,) = admin.certificates.eligible(module_id=cooking)
    assert not row.eligible and row.reason.endswith("asesmen keterampilan belum dinilai")
    admin.attendance.record_assessment(pid, cooking, passed=True, on=DAYS[0])
    (row,) = admin.certificates.eligible(module_id=cooking)
    assert row.eligible and row.reason.endswith("asesmen keterampilan lulus")


def test_issuing_writes_the_pdf_takes_serials_in_order_and_audits(
        admin: Services, tmp_path: Path) -> None:
    programme, people = attended(admin)
    template = signed_template(admin)
    sos = programme.modules["SOS-01"]
    request = IssueRequest(people[0], sos, programme.group_id)
    done = admin.certificates.issue([request], tmp_path / "sertifikat.pdf",
                                    template_id=template)
    assert done.serials == ["KD/SERT/2026/0001"]
    text = " ".join((PdfReader(tmp_path / "sertifikat.pdf").pages[0].extract_text()
                     or "").split())
    name = admin.participants.get(people[0]).full_name
    assert name in text and "KD/SERT/2026/0001" in text
    (row,) = admin.certificates.register()
    assert (row.serial, row.printed_name, row.status, row.kind, row.course) == (
        "KD/SERT/2026/0001", name, CertificateStatus.VALID, CertificateKind.MODULE,
        "Kelompok dukungan sebaya")
    (entry,) = _audit(admin, "certificates_issued")
    assert entry["serials"] == ["KD/SERT/2026/0001"]
    assert name not in json.dumps(entry)
    # a second one for the same module is refused, pointing at the reissue
    with pytest.raises(ValidationError) as caught:
        admin.certificates.issue([request], tmp_path / "lagi.pdf", template_id=template)
    assert caught.value.errors[0].key == "error.certificate_exists"
    assert not (tmp_path / "lagi.pdf").exists()
    assert _serials(admin) == (1, 1)
    # shown as already held in the eligible list
    assert admin.certificates.eligible(module_id=sos)[0].existing_serial == "KD/SERT/2026/0001"


def test_refused_requests_consume_no_serial_and_write_nothing(admin: Services,
                                                              tmp_path: Path) -> None:
    programme, people = attended(admin)
    sos = programme.modules["SOS-01"]
    target = tmp_path / "batch.pdf"
    # the neutral default template has nobody to sign it
    with pytest.raises(UserError) as caught:
        admin.certificates.issue([IssueRequest(people[0], sos, programme.group_id)], target)
    assert caught.value.key == "error.certificate_no_signatory"
    template = signed_template(admin)
    # one woman not eligible spoils the batch: nobody gets one, every problem named by row
    with pytest.raises(ValidationError) as caught:
        admin.certificates.issue([IssueRequest(people[0], sos, programme.group_id),
                                  IssueRequest(people[1], sos, programme.group_id)],
                                 target, template_id=template)
    assert [(e.key, e.field) for e in caught.value.errors] == [
        ("error.certificate_not_eligible", "row 2")]
    # a folder that does not exist, a file already there
    with pytest.raises(UserError) as caught:
        admin.certificates.issue([IssueRequest(people[0], sos, programme.group_id)],
                                 tmp_path / "nowhere" / "x.pdf", template_id=template)
    assert caught.value.key == "error.output_folder_missing"
    target.write_bytes(b"kept")
    with pytest.raises(UserError) as caught:
        admin.certificates.issue([IssueRequest(people[0], sos, programme.group_id)], target,
                                 template_id=template)
    assert caught.value.key == "error.output_exists" and target.read_bytes() == b"kept"
    # a name too long to print
    with pytest.raises(ValidationError):
        admin.certificates.issue([IssueRequest(people[0], sos, programme.group_id,
                                               printed_name="A" * 121)],
                                 tmp_path / "long.pdf", template_id=template)
    assert _serials(admin) == (0, 0)
    assert [p for p in tmp_path.iterdir() if p.name != "vault"] == [target]


def test_a_cancelled_batch_issues_nothing_and_leaves_no_file(admin: Services,
                                                             tmp_path: Path) -> None:
    programme, people = attended(admin)
    template = signed_template(admin)
    sos = programme.modules["SOS-01"]
    target = tmp_path / "batch.pdf"
    with pytest.raises(UserError) as caught:
        admin.certificates.issue([IssueRequest(people[0], sos, programme.group_id)], target,
                                 template_id=template, report=lambda done, total: False)
    assert caught.value.key == "error.cancelled"
    assert not target.exists() and _serials(admin) == (0, 0)
    # the next one still starts at 0001
    done = admin.certificates.issue([IssueRequest(people[0], sos, programme.group_id)],
                                    target, template_id=template)
    assert done.serials == ["KD/SERT/2026/0001"]


def test_a_batch_writes_one_pdf_and_a_file_per_participant(admin: Services,
                                                           tmp_path: Path) -> None:
    programme, people = attended(admin)
    template = signed_template(admin)
    sos = programme.modules["SOS-01"]
    # the second woman reaches the minimum with a fourth session
    made = admin.sessions.create(session_on(programme, date(2026, 11, 26)))
    admin.attendance.mark(made.id, people[1], AttendanceMark.PRESENT, today=TODAY)
    folder = tmp_path / "per-peserta"
    folder.mkdir()
    seen: list[tuple[int, int]] = []
    done = admin.certificates.issue(
        [IssueRequest(people[0], sos, programme.group_id),
         IssueRequest(people[1], sos, programme.group_id, use_preferred=True)],
        tmp_path / "batch.pdf", template_id=template, per_participant=folder,
        report=lambda d, t: seen.append((d, t)) is None)
    assert done.serials == ["KD/SERT/2026/0001", "KD/SERT/2026/0002"]
    assert len(PdfReader(tmp_path / "batch.pdf").pages) == 2
    files = sorted(p.name for p in folder.iterdir())
    codes = [admin.participants.get(p).code for p in people[:2]]
    assert files == [f"KD-SERT-2026-0001_{codes[0]}.pdf", f"KD-SERT-2026-0002_{codes[1]}.pdf"]
    second = " ".join((PdfReader(folder / files[1]).pages[0].extract_text() or "").split())
    assert admin.participants.get(people[1]).preferred_name in second
    assert seen and seen[-1][0] == seen[-1][1]


def test_revoke_reissue_and_verify(team: Team, tmp_path: Path) -> None:
    admin = team("admin")
    programme, people = attended(admin)
    template = signed_template(admin)
    sos = programme.modules["SOS-01"]
    admin.certificates.issue([IssueRequest(people[0], sos, programme.group_id)],
                             tmp_path / "a.pdf", template_id=template)
    (row,) = admin.certificates.register()
    name = row.printed_name
    # the staff member verifies and issues; she may not revoke
    staf = team("staf1")
    check = staf.certificates.verify(row.code.lower().replace("-", " "))
    assert check.valid and (check.printed_name, check.course, check.issued_on) == (
        name, "Kelompok dukungan sebaya", row.issued_on)
    assert staf.certificates.verify("https://contoh.org/cek?kode=" + row.code).valid
    assert staf.certificates.verify(row.code, name=name.upper()).name_matches is True
    assert staf.certificates.verify(row.code, name="Orang Lain").name_matches is False
    assert not staf.certificates.verify("ZZZZ-ZZZZ-ZZZZ").genuine
    assert not staf.certificates.verify("bukan kode").genuine
    with pytest.raises(PermissionDeniedError):
        staf.certificates.revoke(row.serial, "salah")
    # a facilitator verifies too, but neither issues nor lists the register
    facilitator = team("fasilitator1")
    assert facilitator.certificates.verify(row.code).valid
    with pytest.raises(PermissionDeniedError):
        facilitator.certificates.register()
    admin = team("admin")
    with pytest.raises(ValidationError):
        admin.certificates.revoke(row.serial, "   ")
    done = admin.certificates.reissue(row.id, "Nama salah ketik", tmp_path / "b.pdf",
                                      printed_name=name + " Putri", template_id=template)
    assert done.serials == ["KD/SERT/2026/0002"]
    old, new = sorted(admin.certificates.register(), key=lambda r: r.serial)
    assert (old.status, old.replaced_by, old.reason) == (
        CertificateStatus.REISSUED, "KD/SERT/2026/0002", "Nama salah ketik")
    assert new.status is CertificateStatus.VALID and new.replaces == old.serial
    assert new.printed_name == name + " Putri"
    told = admin.certificates.verify(old.code)
    assert told.genuine and not told.valid and told.replaced_by == "KD/SERT/2026/0002"
    revoked = admin.certificates.revoke(new.serial, "Diterbitkan karena kekeliruan data")
    assert revoked.status is CertificateStatus.REVOKED
    assert not admin.certificates.verify(new.code).valid
    with pytest.raises(UserError) as caught:
        admin.certificates.revoke(new.serial, "lagi")
    assert caught.value.key == "error.certificate_not_valid"
    results = [e["result"] for e in _audit(admin, "certificate_verified")]
    assert results[:3] == ["valid", "valid", "valid"] and "unknown" in results
    assert all(name not in json.dumps(e) for e in _audit(admin, "certificate_verified"))


def test_after_withdrawal_the_certificate_stays_valid_without_her_name(
        admin: Services, tmp_path: Path) -> None:
    programme, people = attended(admin)
    template = signed_template(admin)
    admin.certificates.issue([IssueRequest(people[0], programme.modules["SOS-01"],
                                           programme.group_id)],
                             tmp_path / "a.pdf", template_id=template)
    (row,) = admin.certificates.register()
    name, code = row.printed_name, row.participant_code
    admin.consent.withdraw_data_use(people[0], TODAY, confirm=True, today=TODAY)
    (after,) = admin.certificates.register()
    assert after.name_removed and after.printed_name == "" and after.participant_code == code
    assert after.status is CertificateStatus.VALID
    check = admin.certificates.verify(row.code, name=name)
    assert check.valid and not check.name_kept and check.printed_name == ""
    assert check.name_matches is True
    with admin.vault.db.reading() as session:
        stored = session.scalar(select(Certificate))
        assert stored is not None and stored.printed_name is None
    with pytest.raises(UserError) as caught:
        admin.certificates.reprint_pdf(row.id)
    assert caught.value.key == "error.certificate_name_removed"
    assert all(r.participant_id != people[0] for r in admin.certificates.eligible())


def test_templates_refuse_revealing_words_and_bad_images(admin: Services) -> None:
    with pytest.raises(ValidationError) as caught:
        signed_template(admin, issuer_name="Rumah Aman Korban KDRT")
    assert {e.field for e in caught.value.errors} == {"issuer_name"}
    for bad in (b"GIF89a not really", b"\x89PNG\r\n\x1a\n" + b"\0" * 40, b"x" * 6_000_000):
        with pytest.raises(ValidationError) as caught:
            signed_template(admin, signatories=(Signatory("Sri", "Ketua", bad),))
        assert caught.value.errors[0].field == "signatory_1"
    # a decompression bomb: a tiny file that claims 20000 x 20000 pixels
    bomb = io.BytesIO()
    Image.new("1", (20000, 20000)).save(bomb, format="PNG")
    assert len(bomb.getvalue()) < 200_000
    with pytest.raises(ValidationError) as caught:
        signed_template(admin, signatories=(Signatory("Sri", "Ketua", bomb.getvalue()),))
    assert caught.value.errors[0].key == "error.image_too_many_pixels"
    # a clean image is re-encoded: its text chunks (a place, a device) are gone
    saved = admin.certificates.templates.template(signed_template(
        admin, signatories=(Signatory("Sri", "Ketua", png(Location="Jl. Rahasia 1")),)))
    assert b"Rahasia" not in saved.design.signatories[0].signature_png
    assert Image.open(io.BytesIO(saved.design.signatories[0].signature_png)).format == "PNG"
    with pytest.raises(ValidationError):
        signed_template(admin, primary_colour="biru")


def test_the_verification_url_must_be_plain_https(admin: Services) -> None:
    service = admin.certificates.templates
    for bad in ("javascript:alert(1)", "https://contoh.org/cék?k={code}", "ftp://x"):
        with pytest.raises(ValidationError):
            service.save_settings(bad, "")
    service.save_settings("https://contoh.org/cek?kode={code}", "Pelatihan Perempuan Mandiri")
    assert service.verify_url() == "https://contoh.org/cek?kode={code}"
    assert service.programme_name() == "Pelatihan Perempuan Mandiri"


def test_a_preview_takes_no_serial_and_a_reprint_keeps_the_serial(admin: Services,
                                                                  tmp_path: Path) -> None:
    programme, people = attended(admin)
    template = signed_template(admin)
    request = IssueRequest(people[0], programme.modules["SOS-01"], programme.group_id)
    preview = admin.certificates.preview_pdf(request, template_id=template)
    text = " ".join((PdfReader(io.BytesIO(preview)).pages[0].extract_text() or "").split())
    assert admin.participants.get(people[0]).full_name in text and "CONTOH" in text
    assert _serials(admin) == (0, 0) and not _audit(admin, "certificates_issued")
    # a woman not eligible cannot be previewed either
    with pytest.raises(ValidationError):
        admin.certificates.preview_pdf(IssueRequest(people[3], programme.modules["SOS-01"],
                                                    programme.group_id))
    admin.certificates.issue([request], tmp_path / "a.pdf", template_id=template)
    (row,) = admin.certificates.register()
    again = admin.certificates.reprint_pdf(row.id)
    text = " ".join((PdfReader(io.BytesIO(again)).pages[0].extract_text() or "").split())
    assert row.serial in text and row.code in text
    assert _serials(admin) == (1, 1)
    assert _audit(admin, "certificate_reprinted") == [{"participant": row.participant_code}]


@pytest.mark.parametrize(("code", "key"), [(13, "error.output_locked"),
                                           (28, "error.disk_full")])
def test_a_file_that_cannot_be_written_midway_undoes_the_whole_batch(
        admin: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int,
        key: str) -> None:
    """The printer's PDF is written, then the second woman's own file is held open by another
    program (or the disk fills): the batch file goes again, no serial is taken."""
    import kdrt_desk.security.atomic_file as atomic_file

    programme, people = attended(admin)
    template = signed_template(admin)
    sos = programme.modules["SOS-01"]
    made = admin.sessions.create(session_on(programme, date(2026, 11, 26)))
    admin.attendance.mark(made.id, people[1], AttendanceMark.PRESENT, today=TODAY)
    real = atomic_file.stage
    calls: list[Path] = []

    def flaky(path: Path, data: bytes) -> atomic_file.Staged:
        calls.append(path)
        if len(calls) == 3:  # batch, first woman's file, then the second woman's
            raise OSError(code, "refused", str(path))
        return real(path, data)

    monkeypatch.setattr(atomic_file, "stage", flaky)
    folder = tmp_path / "per-peserta"
    folder.mkdir()
    with pytest.raises(UserError) as caught:
        admin.certificates.issue([IssueRequest(people[0], sos, programme.group_id),
                                  IssueRequest(people[1], sos, programme.group_id)],
                                 tmp_path / "batch.pdf", template_id=template,
                                 per_participant=folder)
    assert caught.value.key == key and len(calls) == 3
    assert not (tmp_path / "batch.pdf").exists() and list(folder.iterdir()) == []
    assert _serials(admin) == (0, 0) and not _audit(admin, "certificates_issued")


def test_a_revoked_or_replaced_certificate_is_not_printed_again(admin: Services,
                                                                tmp_path: Path) -> None:
    programme, people = attended(admin)
    template = signed_template(admin)
    made = admin.sessions.create(session_on(programme, date(2026, 11, 26)))
    admin.attendance.mark(made.id, people[1], AttendanceMark.PRESENT, today=TODAY)
    sos = programme.modules["SOS-01"]
    admin.certificates.issue([IssueRequest(people[0], sos, programme.group_id),
                              IssueRequest(people[1], sos, programme.group_id)],
                             tmp_path / "a.pdf", template_id=template)
    first, second = sorted(admin.certificates.register(), key=lambda r: r.serial)
    admin.certificates.revoke(first.serial, "Salah modul")
    admin.certificates.reissue(second.id, "Hilang", None, template_id=template)
    for old in (first, second):
        with pytest.raises(UserError) as caught:
            admin.certificates.reprint_pdf(old.id)
        assert caught.value.key == "error.certificate_not_valid"
    assert not _audit(admin, "certificate_reprinted")


def test_a_reprint_is_the_paper_as_issued_after_the_template_changed(
        admin: Services, tmp_path: Path) -> None:
    programme, people = attended(admin)
    template = signed_template(admin)
    admin.certificates.issue([IssueRequest(people[0], programme.modules["SOS-01"],
                                           programme.group_id)],
                             tmp_path / "a.pdf", template_id=template)
    (row,) = admin.certificates.register()
    view = admin.certificates.templates.template(template)
    changed = admin.certificates.templates.save(TemplateInput(
        view.name, replace(view.design, issuer_name="Lembaga Pelatihan Kerja Sriwijaya"),
        view.id))
    assert changed.id != template and changed.name == "Standar"
    names = {t.name for t in admin.certificates.templates.templates(include_archived=True)}
    assert len(names) == 2
    text = " ".join((PdfReader(io.BytesIO(admin.certificates.reprint_pdf(row.id)))
                     .pages[0].extract_text() or "").split())
    assert "Program Pelatihan Kemandirian Perempuan" in text
    assert "Lembaga Pelatihan Kerja Sriwijaya" not in text
    # a template nobody printed with is simply changed
    again = admin.certificates.templates.save(TemplateInput(
        changed.name, replace(changed.design, place="Prabumulih"), changed.id))
    assert again.id == changed.id
