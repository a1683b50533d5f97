"""The recovery sheet PDF: content, one A4 page, bundled fonts, clean metadata, atomic writing."""

from __future__ import annotations

import datetime
import os
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics

from kdrt_desk.errors import UserError
from kdrt_desk.reports import recovery_sheet
from kdrt_desk.reports.fonts import register_fonts
from kdrt_desk.reports.recovery_sheet import RecoverySheet, recovery_sheet_pdf
from kdrt_desk.security.atomic_file import OutputWriter

CODE = "ABCD-EFGH-JKMN-PQRS-TVWX-YZ23-4567"
CENTRE = "Yayasan Łucja Đặng"
SHEET = RecoverySheet(
    centre_name=CENTRE,
    centre_address="Jl. Jenderal Sudirman No. 12, Kec. Ilir Timur I, Palembang",
    recovery_code=CODE,
    created=datetime.date(2026, 11, 27),
    vault_id="3f9a1c2e",
)
A4_POINTS = (595.2756, 841.8898)


def write_recovery_sheet(path: Path, sheet: RecoverySheet, lang: str = "id") -> None:
    """What the app does: render, then the one writer (never into a data folder)."""
    OutputWriter(path.parent / "data").write(path, recovery_sheet_pdf(sheet, lang),
                                             overwrite=True)


def write(tmp_path: Path, lang: str = "id", sheet: RecoverySheet = SHEET) -> PdfReader:
    path = tmp_path / f"lembar-{lang}.pdf"
    write_recovery_sheet(path, sheet, lang=lang)
    return PdfReader(path)


def text_of(reader: PdfReader) -> str:
    """The extracted text with line breaks and runs of spaces made single spaces."""
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_code_centre_date_and_vault_are_printed(tmp_path: Path) -> None:
    text = text_of(write(tmp_path))
    squeezed = "".join(text.split())
    for group in CODE.split("-"):
        assert group in squeezed
    assert CODE in text.replace(" ", "")  # the one-line form, as the wizard test reads it
    assert CENTRE in text
    assert "Palembang" in text
    assert "27 November 2026" in text
    assert "3f9a1c2e" in text
    assert "RAHASIA / CONFIDENTIAL" in text
    assert "Disimpan oleh / Stored by:" in text
    assert "Tanggal / Date:" in text


def test_a_code_given_without_dashes_is_printed_in_groups(tmp_path: Path) -> None:
    sheet = RecoverySheet(CENTRE, "", CODE.replace("-", ""), SHEET.created, "abcd1234")
    assert CODE in text_of(write(tmp_path, sheet=sheet)).replace(" ", "")


def test_exactly_one_a4_portrait_page(tmp_path: Path) -> None:
    reader = write(tmp_path)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert float(box.width) == pytest.approx(A4_POINTS[0], abs=0.5)
    assert float(box.height) == pytest.approx(A4_POINTS[1], abs=0.5)


def test_very_long_centre_name_and_address_still_fit_one_page(tmp_path: Path) -> None:
    sheet = RecoverySheet(
        centre_name="Yayasan Pemberdayaan & Perlindungan <Perempuan> Đặng " * 6,
        centre_address="Jl. Jenderal Sudirman No. 12, Ilir Timur I, Palembang 30129.\n" * 15,
        recovery_code=CODE, created=SHEET.created, vault_id="3f9a1c2e")
    reader = write(tmp_path, sheet=sheet)
    assert len(reader.pages) == 1
    text = text_of(reader)
    assert "& Perlindungan <Perempuan>" in text  # escaped, not taken as markup
    assert CODE in text.replace(" ", "")
    assert "RAHASIA / CONFIDENTIAL" in text


def test_indonesian_sheet_has_indonesian_instructions(tmp_path: Path) -> None:
    text = text_of(write(tmp_path, "id"))
    assert "Lembar Pemulihan KDRT Desk" in text
    for phrase in ("tempat terkunci", "memotret", "WhatsApp", "semua catatan",
                   "Buat lembar pemulihan baru", "komputer baru", "akun Windows baru"):
        assert phrase in text
    assert "Recovery Sheet" not in text
    assert "locked place" not in text


def test_english_sheet_has_english_instructions(tmp_path: Path) -> None:
    text = text_of(write(tmp_path, "en"))
    assert "KDRT Desk Recovery Sheet" in text
    for phrase in ("locked place", "Never photograph", "WhatsApp", "all participant records",
                   "Make a new recovery sheet", "new computer", "new Windows account"):
        assert phrase in text
    assert "27 November 2026" in text
    assert CENTRE in text
    assert "tempat terkunci" not in text
    assert "Lembar Pemulihan" not in text


def test_unknown_language_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        write_recovery_sheet(tmp_path / "x.pdf", SHEET, lang="fr")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("lang", "title"), [("id", "Lembar Pemulihan KDRT Desk"),
                                             ("en", "KDRT Desk Recovery Sheet")])
def test_metadata_has_the_title_but_no_secret(tmp_path: Path, lang: str, title: str) -> None:
    reader = write(tmp_path, lang)
    metadata = reader.metadata
    assert metadata is not None
    assert metadata.title == title
    values = " ".join(str(value) for value in metadata.values())
    assert reader.xmp_metadata is None or CODE not in str(reader.xmp_metadata)
    for secret in (CODE, CODE.replace("-", ""), *CODE.split("-"), CENTRE, "Łucja"):
        assert secret not in values


def test_only_the_bundled_fonts_are_used_and_embedded(tmp_path: Path) -> None:
    page = write(tmp_path).pages[0]
    fonts = [ref.get_object() for ref in page["/Resources"]["/Font"].values()]
    names = [str(font["/BaseFont"]) for font in fonts]
    assert len(names) >= 2  # regular and bold
    for name in names:
        assert "DejaVu" in name or "KDRTSans" in name, names
    assert any("Bold" in name for name in names)
    for font in fonts:
        assert "/FontFile2" in font["/FontDescriptor"]  # the TrueType data is in the file


def test_register_fonts_is_idempotent_and_covers_non_latin1_names() -> None:
    regular, bold = register_fonts()
    assert register_fonts() == (regular, bold) == ("KDRTSans", "KDRTSans-Bold")
    for name in (regular, bold):
        face = pdfmetrics.getFont(name).face
        missing = [c for c in "Łucja Đặng Nguyễn" if ord(c) not in face.charToGlyph]
        assert missing == []


def test_overwrites_an_existing_sheet(tmp_path: Path) -> None:
    path = tmp_path / "lembar.pdf"
    path.write_bytes(b"old")
    write_recovery_sheet(path, SHEET)
    assert path.read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.iterdir()] == ["lembar.pdf"]


def test_failed_replace_keeps_the_old_file_and_no_temp_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "lembar.pdf"
    path.write_bytes(b"old")

    def refuse(src: object, dst: object) -> None:
        raise PermissionError("the file is open in another program")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(UserError) as refused:
        write_recovery_sheet(path, SHEET)
    assert refused.value.key == "error.export_unwritable"
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["lembar.pdf"]


def test_failure_while_drawing_leaves_no_file(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(value: object, lang: str | None = None) -> str:
        raise RuntimeError("boom")

    monkeypatch.setattr(recovery_sheet, "format_date", broken)
    with pytest.raises(RuntimeError):
        write_recovery_sheet(tmp_path / "lembar.pdf", SHEET)
    assert list(tmp_path.iterdir()) == []
