"""The sign-in sheet PDF (daftar hadir): every name numbered and in order, the header on every
page, the facilitator's signature at the end, clean metadata, nothing printed off the page."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, time
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from kdrt_desk import i18n
from kdrt_desk.domain.training import SignInSheet
from kdrt_desk.errors import UserError
from kdrt_desk.reports.fonts import register_fonts
from kdrt_desk.reports.one_page import MARGIN_X
from kdrt_desk.reports.sign_in_sheet import build_sign_in_sheet, build_sign_in_sheets
from kdrt_desk.security.atomic_file import OutputWriter

A4_POINTS = (595.2756, 841.8898)
CENTRE = "Pusat Pemberdayaan Perempuan Sriwijaya"
FACILITATOR = "Dra. Hj. Rahmawati, Psi."
FIVE = ["Ayu Lestari", "Bunga Citra Đặng", "Citra Łucja Pratiwi", "Dewi Sartika", "Eka Putri"]
LONG_NAME = ("Ni Luh Putu Ayu Kadek Sri Wahyuni Dewi Anggraeni Kusumawardhani Prameswari "
             "Rahayuningsih Sulistyowati Binti Haji Abdurrahman")
UNBROKEN = "Srikandiwulandariningsihpurnamasaridewiratnakencanawungu"  # no space to wrap at


def write_sign_in_sheets(sheets: list[SignInSheet], path: Path, lang: str = "id") -> None:
    """What the service does: build, then the one writer (never into a data folder)."""
    OutputWriter(path.parent / "data").write(path, build_sign_in_sheets(sheets, lang),
                                             overwrite=True)


def write_sign_in_sheet(one: SignInSheet, path: Path) -> None:
    write_sign_in_sheets([one], path)


def sheet(names: list[str]) -> SignInSheet:
    return SignInSheet(
        centre_name=CENTRE,
        centre_address="Jl. Jenderal Sudirman No. 12, Kec. Ilir Timur I, Palembang",
        session_id=7, module="SOS-01 Kelompok dukungan sebaya", group="Angkatan 1 Plaju",
        session_date=date(2026, 11, 27), start_time=time(9), end_time=time(11),
        venue="Aula Kelurahan Plaju Ulu", facilitator=FACILITATOR,
        topic="Mengenali pola kekerasan", names=names)


def forty_five() -> list[str]:
    return [f"Peserta {n:02d} Binti Abdullah" for n in range(1, 46)]


def read(data: bytes, tmp_path: Path) -> PdfReader:
    path = tmp_path / "daftar-hadir.pdf"
    path.write_bytes(data)
    return PdfReader(path)


def squeezed(text: str) -> str:
    return "".join(text.split())


def assert_numbered_in_order(reader: PdfReader, names: list[str]) -> None:
    """Each name follows its own number, and the names come in the given order."""
    text = squeezed(" ".join(page.extract_text() for page in reader.pages))
    position = 0
    for number, name in enumerate(names, start=1):
        found = text.find(f"{number}.{squeezed(name)}", position)
        assert found >= position, f"{number}. {name} missing or out of order"
        position = found + 1


def test_five_names_fit_one_a4_portrait_page(tmp_path: Path) -> None:
    reader = read(build_sign_in_sheet(sheet(FIVE), "id"), tmp_path)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(A4_POINTS, abs=0.5)
    text = reader.pages[0].extract_text()
    for expected in ("DAFTAR HADIR", CENTRE, "Jl. Jenderal Sudirman No. 12", "Modul",
                     "SOS-01 Kelompok dukungan", "Angkatan 1 Plaju", "27 November 2026",
                     "09.00–11.00 WIB", "Aula Kelurahan Plaju Ulu", "Mengenali pola kekerasan",
                     "No.", "Nama peserta", "Tanda tangan", "Keterangan", "Halaman 1 dari 1"):
        assert expected in text
    assert_numbered_in_order(reader, FIVE)
    assert "6." not in squeezed(text).split("Keterangan", 1)[1]


def test_the_facilitator_signs_after_the_last_name(tmp_path: Path) -> None:
    reader = read(build_sign_in_sheet(sheet(FIVE), "id"), tmp_path)
    text = squeezed(reader.pages[-1].extract_text())
    last = text.find(squeezed(FIVE[-1]))
    signs = text.find("Fasilitator,", last)
    assert last >= 0 and signs > last
    assert text.find(squeezed(FACILITATOR), signs) > signs
    assert "Jumlahhadir:........dari5peserta" in text


def test_a_long_group_continues_with_the_header_on_every_page(tmp_path: Path) -> None:
    names = forty_five()
    reader = read(build_sign_in_sheet(sheet(names), "id"), tmp_path)
    pages = len(reader.pages)
    assert pages >= 2
    for number, page in enumerate(reader.pages, start=1):
        text = page.extract_text()
        for expected in (CENTRE, "DAFTAR HADIR", "SOS-01 Kelompok dukungan",
                         "Angkatan 1 Plaju", "27 November 2026", "Nama peserta",
                         "Tanda tangan", f"Halaman {number} dari {pages}"):
            assert expected in text, f"{expected!r} missing on page {number}"
    assert_numbered_in_order(reader, names)
    last = squeezed(reader.pages[-1].extract_text())
    assert last.find("Fasilitator,") > last.find(squeezed(names[-1])) >= 0
    assert squeezed(FACILITATOR) in last.split("Fasilitator,", 1)[1]
    # every member has exactly one row
    everything = squeezed(" ".join(p.extract_text() for p in reader.pages))
    assert all(everything.count(squeezed(n)) == 1 for n in names)


def test_english_sheet(tmp_path: Path) -> None:
    reader = read(build_sign_in_sheet(sheet(forty_five()), "en"), tmp_path)
    first = reader.pages[0].extract_text()
    for expected in ("ATTENDANCE SHEET", "Participant's name", "Signature", "09:00–11:00 WIB",
                     f"Page 1 of {len(reader.pages)}"):
        assert expected in first
    assert "Facilitator," in reader.pages[-1].extract_text()


def test_the_ui_language_is_the_default(tmp_path: Path) -> None:
    i18n.set_language("en")
    try:
        data = build_sign_in_sheet(sheet(FIVE))
    finally:
        i18n.set_language("id")
    assert "ATTENDANCE SHEET" in read(data, tmp_path).pages[0].extract_text()
    with pytest.raises(ValueError):
        build_sign_in_sheet(sheet(FIVE), "fr")


def test_metadata_holds_no_names(tmp_path: Path) -> None:
    names = [*FIVE, LONG_NAME]
    for lang in ("id", "en"):
        reader = read(build_sign_in_sheet(sheet(names), lang), tmp_path)
        meta = " ".join(str(v) for v in (reader.metadata or {}).values())
        for private in (*names, CENTRE, FACILITATOR, "Angkatan 1 Plaju", "Plaju"):
            assert private not in meta
        assert "KDRT" not in meta  # handed round at a public venue: not the app's name
        text = " ".join(page.extract_text() or "" for page in reader.pages)
        assert "KDRT" not in text


def test_indonesian_letters_and_long_names_stay_inside_the_page(tmp_path: Path) -> None:
    names = ["Ńurul Ḥasanah Ãisyah", LONG_NAME, UNBROKEN, *FIVE]
    reader = read(build_sign_in_sheet(sheet(names), "id"), tmp_path)
    assert len(reader.pages) == 1
    assert_numbered_in_order(reader, names)
    fonts = {str(f["/BaseFont"]) for page in reader.pages
             for f in page["/Resources"]["/Font"].values()}  # type: ignore[index, union-attr]
    assert all("DejaVu" in f or "KDRT" in f for f in fonts), fonts  # no Helvetica boxes
    page_w = float(reader.pages[0].mediabox.width)
    regular, bold = register_fonts()
    runs: list[tuple[str, float, float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: dict | None,
              size: float) -> None:
        if text.strip() and font is not None:
            face = bold if "Bold" in str(font["/BaseFont"]) else regular
            runs.append((text.strip(), tm[4] * cm[0] + cm[4], size * tm[0] * cm[0], face))

    reader.pages[0].extract_text(visitor_text=visit)
    assert any(UNBROKEN[:10] in text for text, *_ in runs)
    for text, x, size, face in runs:
        right = x + stringWidth(text, face, size)
        assert x >= MARGIN_X - 1 and right <= page_w - MARGIN_X + 1, (text, x, right)
    # the name column ends where the signature column starts: names never run into it
    name_runs = [(x, x + stringWidth(t, f, s)) for t, x, s, f in runs
                 if any(part in t for part in (UNBROKEN[:10], "Kusumawardhani"))]
    assert name_runs and all(right <= MARGIN_X + (12 + 68) * mm for _, right in name_runs)


def test_an_empty_roll_still_prints_a_sheet(tmp_path: Path) -> None:
    reader = read(build_sign_in_sheet(replace(sheet([]), topic=""), "id"), tmp_path)
    text = reader.pages[0].extract_text()
    assert len(reader.pages) == 1
    assert "Belum ada peserta" in text and "Fasilitator," in text


def test_written_atomically(tmp_path: Path) -> None:
    target = tmp_path / "hadir.pdf"
    write_sign_in_sheet(sheet(FIVE), target)
    assert target.read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.iterdir()] == ["hadir.pdf"]
    with pytest.raises(UserError) as missing:
        write_sign_in_sheet(sheet(FIVE), tmp_path / "missing" / "hadir.pdf")
    assert missing.value.key == "error.output_folder_missing"
    assert not (tmp_path / "missing").exists()


def test_page_numbers_are_counted_before_printing(tmp_path: Path) -> None:
    reader = read(build_sign_in_sheet(sheet(forty_five() * 2), "id"), tmp_path)
    pages = len(reader.pages)
    assert pages >= 4
    footers = [re.search(r"Halaman (\d+) dari (\d+)", p.extract_text()) for p in reader.pages]
    assert [(int(m[1]), int(m[2])) for m in footers if m] == [
        (n, pages) for n in range(1, pages + 1)]


def test_several_sessions_print_in_one_pdf_each_with_its_own_header_and_pages(
        tmp_path: Path) -> None:
    cooking = replace(sheet(forty_five()), session_id=8, module="EKO-02 Memasak dan usaha makanan",
                      group="Angkatan 2 Kertapati", facilitator="Ibu Mariani")
    sheets = [sheet(FIVE), cooking, replace(sheet(FIVE[:2]), group="Angkatan 3 Sako")]
    path = tmp_path / "minggu-ini.pdf"
    write_sign_in_sheets(sheets, path, "id")
    reader = PdfReader(path)
    alone = tmp_path / "alone"
    alone.mkdir()
    single = len(read(build_sign_in_sheet(cooking, "id"), alone).pages)
    assert len(reader.pages) == 1 + single + 1
    texts = [page.extract_text() for page in reader.pages]
    assert "Angkatan 1 Plaju" in texts[0] and "Halaman 1 dari 1" in texts[0]
    for number, text in enumerate(texts[1:1 + single], start=1):
        assert "EKO-02" in text and "Angkatan 2 Kertapati" in text
        assert f"Halaman {number} dari {single}" in text
    assert "Ibu Mariani" in texts[single]  # her signature closes her own sheet
    assert "Angkatan 3 Sako" in texts[-1] and "Halaman 1 dari 1" in texts[-1]
    assert "Peserta 01" not in texts[-1]
    with pytest.raises(ValueError):
        build_sign_in_sheets([], "id")

