"""The consent form PDF: pre-filled, ticked per her record, one A4 page, embedded fonts, clean
metadata, atomic writing, and the service that prints it (audited, role-checked)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.platypus import Table
from sqlalchemy import select
from support.participant_samples import TODAY, sample

from kdrt_desk import i18n
from kdrt_desk.domain.enums import ConsentScope, Role
from kdrt_desk.domain.participant import Consent
from kdrt_desk.errors import PermissionDeniedError, UserError
from kdrt_desk.models import AuditEntry
from kdrt_desk.reports import consent_form
from kdrt_desk.reports.consent_form import ConsentForm, render_consent_form
from kdrt_desk.reports.fonts import register_fonts
from kdrt_desk.security.atomic_file import OutputWriter
from kdrt_desk.services.actor import Actor
from kdrt_desk.services.consent import ConsentService
from kdrt_desk.wiring import Services

FORM = ConsentForm(
    centre_name="Yayasan Łucja Đặng", centre_address="Jl. Jenderal Sudirman No. 12, Palembang",
    participant_name="Nyimas Siti Aminah Lestari", participant_code="KD-2026-0001",
    scopes=frozenset({ConsentScope.DATA_USE, ConsentScope.STATISTICS}),
    consent_date=date(2026, 11, 20), printed_on=date(2026, 11, 27))


def text_of(path: Path) -> str:
    reader = PdfReader(path)
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def ticks(form: ConsentForm, lang: str = "id") -> dict[ConsentScope, bool]:
    """Which boxes the form draws ticked, in the order of the scopes printed."""
    regular, bold = register_fonts()
    story = consent_form._story(form, lang, regular, bold)
    for flowable in story:
        if isinstance(flowable, Table):
            cells = [row[0] for row in flowable._cellvalues]
            if cells and all(isinstance(c, consent_form._TickBox) for c in cells):
                return dict(zip(consent_form.texts_for(lang)["scopes"],
                                (c.ticked for c in cells), strict=True))
    raise AssertionError("no tick boxes found")


# -- the report -----------------------------------------------------------------------------------
def write_consent_form(path: Path, form: ConsentForm, lang: str) -> None:
    """What the service does: render, then the one writer (never into a data folder)."""
    OutputWriter(path.parent / "data").write(path, render_consent_form(form, lang),
                                             overwrite=True)


def test_the_form_is_prefilled_in_plain_indonesian(tmp_path: Path) -> None:
    path = tmp_path / "form.pdf"
    write_consent_form(path, FORM, "id")
    text = text_of(path)
    for phrase in ("Formulir Persetujuan Peserta", "Yayasan Łucja Đặng", "Jl. Jenderal Sudirman",
                   "Nyimas Siti Aminah Lestari", "KD-2026-0001", "20 November 2026",
                   "Penggunaan data untuk program", "Dihubungi lewat telepon/WhatsApp", "Foto",
                   "Berbagi dengan mitra untuk rujukan", "Statistik anonim",
                   "Menarik persetujuan", "kapan saja", "Tanda tangan atau cap jempol",
                   "Peserta", "Petugas", "Palembang, tanggal", "RAHASIA"):
        assert phrase in text, phrase
    assert "Consent" not in text


def test_the_english_form(tmp_path: Path) -> None:
    path = tmp_path / "form.pdf"
    write_consent_form(path, FORM, "en")
    text = text_of(path)
    for phrase in ("Participant Consent Form", "Withdrawing your consent", "at any time",
                   "Signature or thumbprint", "Staff member", "20 November 2026"):
        assert phrase in text, phrase
    assert "Formulir" not in text


def test_boxes_are_ticked_per_her_record() -> None:
    assert ticks(FORM) == {ConsentScope.DATA_USE: True, ConsentScope.CONTACT: False,
                           ConsentScope.PHOTOS: False, ConsentScope.PARTNER_SHARING: False,
                           ConsentScope.STATISTICS: True}
    every = ConsentForm(**{**FORM.__dict__, "scopes": frozenset(ConsentScope)})
    assert all(ticks(every, "en").values())


def test_one_a4_page_even_with_very_long_names(tmp_path: Path) -> None:
    long = ConsentForm(**{**FORM.__dict__,
                          "centre_name": "Yayasan <Perlindungan> & Pemberdayaan Perempuan " * 6,
                          "centre_address": "Jl. Jenderal Sudirman No. 12, Palembang " * 12,
                          "participant_name": "Nyimas Raden Ayu Siti Aminah " * 4})
    path = tmp_path / "long.pdf"
    write_consent_form(path, long, "id")
    reader = PdfReader(path)
    assert len(reader.pages) == 1
    assert float(reader.pages[0].mediabox.width) == pytest.approx(595.3, abs=0.5)
    assert "<Perlindungan> &" in text_of(path)  # escaped, not taken as markup


def test_only_bundled_fonts_embedded_and_no_name_in_the_metadata(tmp_path: Path) -> None:
    path = tmp_path / "form.pdf"
    write_consent_form(path, FORM, "id")
    reader = PdfReader(path)
    fonts = [ref.get_object() for ref in reader.pages[0]["/Resources"]["/Font"].values()]
    assert fonts and all("DejaVu" in str(f["/BaseFont"]) for f in fonts)
    assert all("/FontFile2" in f["/FontDescriptor"] for f in fonts)
    assert reader.metadata is not None and reader.metadata.title == "Formulir Persetujuan Peserta"
    values = " ".join(str(v) for v in reader.metadata.values())
    assert "Nyimas" not in values and "KD-2026" not in values


def test_rendering_gives_pdf_bytes() -> None:
    assert render_consent_form(FORM, "en").startswith(b"%PDF")


def test_writing_is_atomic_and_languages_are_checked(tmp_path: Path) -> None:
    path = tmp_path / "form.pdf"
    path.write_bytes(b"old")
    with pytest.raises(ValueError):
        write_consent_form(path, FORM, "fr")
    assert path.read_bytes() == b"old" and sorted(tmp_path.iterdir()) == [path]
    write_consent_form(path, FORM, "id")
    assert path.read_bytes().startswith(b"%PDF") and sorted(tmp_path.iterdir()) == [path]


# -- the service that prints it -------------------------------------------------------------------
def test_the_service_prints_her_form_in_the_ui_language_and_audits_it(admin: Services,
                                                                       tmp_path: Path) -> None:
    saved = admin.participants.register(sample(consent=Consent(
        date(2026, 11, 20), {ConsentScope.DATA_USE, ConsentScope.CONTACT})), today=TODAY)
    admin.consent.consent_form_pdf(saved.id, tmp_path / "id.pdf")
    text = text_of(tmp_path / "id.pdf")
    assert "Siti Aminah Lestari" in text and "KD-2026-0001" in text
    assert "Pusat Pemberdayaan Perempuan Uji" in text and "Jl. Uji 1, Plaju" in text
    i18n.set_language("en")
    admin.consent.consent_form_pdf(saved.id, tmp_path / "en.pdf")
    assert "Participant Consent Form" in text_of(tmp_path / "en.pdf")
    with admin.vault.db.reading() as session:
        entries = session.execute(select(AuditEntry.target, AuditEntry.details).where(
            AuditEntry.action == "consent_form_exported")).all()
    assert [(t, d) for t, d in entries] == [
        ("KD-2026-0001", '{"format": "pdf", "language": "id"}'),
        ("KD-2026-0001", '{"format": "pdf", "language": "en"}')]


def test_printing_is_refused_without_the_permission_anywhere_unwritable_or_anonymised(
        admin: Services, tmp_path: Path) -> None:
    saved = admin.participants.register(sample(), today=TODAY)
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(PermissionDeniedError):
        ConsentService(admin.vault.db, Actor(9, "f1", Role.FASILITATOR)).consent_form_pdf(
            saved.id, out / "x.pdf")
    with pytest.raises(UserError) as exc:
        admin.consent.consent_form_pdf(saved.id, out / "missing" / "x.pdf")
    assert exc.value.key == "error.output_folder_missing"
    admin.consent.withdraw_data_use(saved.id, TODAY, confirm=True, today=TODAY)
    with pytest.raises(UserError) as exc:
        admin.consent.consent_form_pdf(saved.id, out / "x.pdf")
    assert exc.value.key == "error.participant_anonymised"
    assert list(out.iterdir()) == []
    with admin.vault.db.reading() as session:
        assert session.scalars(select(AuditEntry.id).where(
            AuditEntry.action == "consent_form_exported")).all() == []
