"""The certificate PDF, read back with pypdf and rendered with pdfium: one A4 landscape page per
certificate with her name in embedded fonts, a long name shrunk or wrapped so it stays inside the
page, the QR decoding back to the code or the verification URL, 0 to 3 signatories, a batch
stopped by its progress callback, each distinct image decoded once, and not one word about the
centre's work in the text or the metadata."""

from __future__ import annotations

import io
import re
from datetime import date
from typing import cast

import pypdfium2 as pdfium
import pytest
import zxingcpp
from PIL import Image, ImageDraw
from pypdf import PdfReader
from pypdf.generic import DictionaryObject
from reportlab.pdfbase.pdfmetrics import stringWidth

import kdrt_desk.reports.certificate as certificate
from kdrt_desk.domain.certificates import (
    BorderStyle,
    CertificateDesign,
    CertificatePrint,
    PartnerLogo,
    Signatory,
)
from kdrt_desk.errors import UserError
from kdrt_desk.reports.certificate import certificate_pdf, certificates_pdf, name_layout
from kdrt_desk.reports.fonts import register_fonts

A4_LANDSCAPE = (841.89, 595.28)
FORBIDDEN = re.compile(r"kdrt|kekerasan|violence|survivor|penyintas|shelter|rumah aman",
                       re.IGNORECASE)
ISSUER = "Lembaga Pelatihan Contoh Sejahtera"
LONG_NAME = "Łucja Đặng Thị Ngọc Ánh Purnamasari Wulandari Kusumaningrum"
SHORT_NAME = "Siti Contoh"
# synthetic names with Latin Extended letters, one per page of a batch
NAMES = ("Łucja Đặng Contoh", "Ngọc Ánh Percobaan", "Žofie Ŝilvia Uji")


def _png(width: int, height: int, colour: tuple[int, int, int, int]) -> bytes:
    image = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((2, 2, width - 2, height - 2), fill=colour)
    draw.line((0, height // 2, width, height // 3), fill=(10, 10, 60, 255), width=5)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


LOGO = _png(200, 200, (31, 78, 121, 255))
SIGNATURES = tuple(_png(300, 100, (20, 20, 90, 60 + 60 * n)) for n in range(3))
SIGNATORIES = (Signatory("Dra. Contoh Rahmawati", "Ketua Yayasan", SIGNATURES[0]),
               Signatory("Ir. Uji Anggraini", "Koordinator Pelatihan Keterampilan dan "
                         "Kewirausahaan Perempuan", SIGNATURES[1]),
               Signatory("Percobaan Lestari", "Fasilitator", SIGNATURES[2]))


def _design(signatories: int = 3, language: str = "id", **changes: object) -> CertificateDesign:
    fields: dict[str, object] = {
        "issuer_name": ISSUER, "logo_png": LOGO, "signatories": SIGNATORIES[:signatories],
        "language": language}
    fields.update(changes)
    return CertificateDesign(**fields)  # type: ignore[arg-type]


def _print(name: str = SHORT_NAME, number: int = 1, qr: str = "") -> CertificatePrint:
    code = f"7KQ2-MX4P-{number:04d}"
    return CertificatePrint(f"KD/SERT/2026/{number:04d}", code, name,
                            "Menjahit dan tata busana dasar", 24, date(2026, 9, 7),
                            date(2026, 11, 23), date(2026, 12, 3), qr or code)


def _text(page: object) -> str:
    return " ".join((page.extract_text() or "").split())  # type: ignore[attr-defined]


def _runs(reader: PdfReader, page: int = 0) -> list[tuple[str, float, float, float]]:
    """(text, font size, x, y) of every text run drawn on the page."""
    runs: list[tuple[str, float, float, float]] = []

    def visit(found: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if found.strip():
            runs.append((found.strip(), float(size), float(tm[4]), float(tm[5])))

    reader.pages[page].extract_text(visitor_text=visit)
    return runs


def test_a_batch_is_one_landscape_a4_page_per_certificate_with_embedded_fonts() -> None:
    prints = [_print(name, n) for n, name in enumerate(NAMES, start=1)]
    reader = PdfReader(io.BytesIO(certificates_pdf(prints, _design())))
    assert len(reader.pages) == len(prints)
    for page, one in zip(reader.pages, prints, strict=True):
        assert [round(float(v), 2) for v in page.mediabox[2:]] == list(A4_LANDSCAPE)
        found = _text(page)
        for expected in (one.name, one.serial, one.code, ISSUER, "SERTIFIKAT",
                         "Menjahit dan tata busana dasar", "24 jam pelajaran",
                         "7 September 2026 – 23 November 2026", "Palembang, 3 Desember 2026",
                         "Nomor sertifikat", "Kode verifikasi",
                         "Pindai untuk memeriksa keaslian", *(s.name for s in SIGNATORIES),
                         "Ketua Yayasan"):
            assert expected in found
        # every page draws the logo and the three signatures (one form each, shared)
        resources = cast(DictionaryObject, page["/Resources"])
        assert len(cast(DictionaryObject, resources["/XObject"])) == 1 + len(SIGNATURES)
        fonts = cast(DictionaryObject, resources["/Font"])
        assert fonts
        for ref in fonts.values():
            font = ref.get_object()
            descriptors = [font.get("/FontDescriptor")] + [
                d.get_object().get("/FontDescriptor") for d in font.get("/DescendantFonts", [])]
            embedded = [d.get_object() for d in descriptors if d is not None]
            assert embedded and all("/FontFile2" in d for d in embedded), font


def test_neither_the_metadata_nor_the_page_names_her_or_the_centres_work() -> None:
    for language, title in (("id", "Sertifikat"), ("en", "Certificate")):
        data = certificates_pdf([_print(LONG_NAME)], _design(language="both"), lang=language)
        reader = PdfReader(io.BytesIO(data))
        meta = {str(k): str(v) for k, v in (reader.metadata or {}).items()}
        assert meta["/Title"] == title
        assert meta["/Author"] == ISSUER
        assert meta.get("/Subject", "") == "" and meta.get("/Keywords", "") == ""
        for value in meta.values():
            assert not FORBIDDEN.search(value), value
            assert "Łucja" not in value and "Purnamasari" not in value
        assert "Łucja" in _text(reader.pages[0])
        assert b"KDRT" not in data and b"kdrt" not in data.lower()
    for language in ("id", "en", "both"):
        reader = PdfReader(io.BytesIO(certificate_pdf(_print(), _design(language=language))))
        found = _text(reader.pages[0])
        assert not FORBIDDEN.search(found), found
        assert SHORT_NAME in found


def test_the_design_language_chooses_the_wording() -> None:
    english = _text(PdfReader(io.BytesIO(certificate_pdf(_print(), _design(language="en"))))
                    .pages[0])
    assert "CERTIFICATE" in english and "This is to certify that" in english
    assert "24 hours" in english and "Palembang, 3 December 2026" in english
    assert "Certificate number" in english and "SERTIFIKAT" not in english
    both = _text(PdfReader(io.BytesIO(certificate_pdf(_print(), _design(language="both"))))
                 .pages[0])
    for expected in ("SERTIFIKAT", "CERTIFICATE", "Diberikan kepada", "This is to certify that",
                     "24 jam pelajaran", "24 hours", "Nomor sertifikat / Certificate number"):
        assert expected in both


def _name_runs(data: bytes, name: str) -> list[tuple[str, float, float, float]]:
    words = set(name.split())
    return [run for run in _runs(PdfReader(io.BytesIO(data)))
            if run[0].split() and set(run[0].split()) <= words]


@pytest.mark.parametrize("name", [
    LONG_NAME,
    f"{LONG_NAME} Anggraeni Prameswari Sekar Ayu Ningrum Dyah Pitaloka Sari Dewi",
    "Ł" + "ặ" * 119,  # one word of 120 letters: no place to break it
])
def test_a_long_name_shrinks_and_stays_inside_the_page(name: str) -> None:
    _, bold = register_fonts()
    design = _design(border=BorderStyle.CORNERS)
    short = _name_runs(certificate_pdf(_print(SHORT_NAME), design), SHORT_NAME)
    long = _name_runs(certificate_pdf(_print(name), design), name)
    assert len(short) == 1 and 1 <= len(long) <= 2
    assert " ".join(run[0] for run in long) == name
    short_size = short[0][1]
    for text, size, x, _ in long:
        assert size < short_size
        # inside the inner frame (10 mm) with room to spare: 20 mm from each edge
        assert x >= 20 / 25.4 * 72
        assert x + stringWidth(text, bold, size) <= A4_LANDSCAPE[0] - 20 / 25.4 * 72
    if len(long) == 2:  # two lines, one under the other, not on top of each other
        assert long[0][3] - long[1][3] >= long[1][1]


def test_name_layout_keeps_a_short_name_large_and_wraps_a_long_one() -> None:
    _, bold = register_fonts()
    size, lines = name_layout(SHORT_NAME, bold, 600)
    assert size == certificate.NAME_MAX and lines == [SHORT_NAME]
    size, lines = name_layout(LONG_NAME, bold, 600)
    assert len(lines) == 2 and " ".join(lines) == LONG_NAME
    assert all(stringWidth(line, bold, size) <= 600 for line in lines)


def _decode_qr(data: bytes) -> list[str]:
    document = pdfium.PdfDocument(data)
    try:
        image = document[0].render(scale=2).to_pil()
    finally:
        document.close()
    return [found.text for found in zxingcpp.read_barcodes(image)
            if found.format == zxingcpp.BarcodeFormat.QRCode]


@pytest.mark.parametrize("qr", ["7KQ2-MX4P-9D3B",
                                "https://verifikasi.contoh.org/sertifikat?kode=7KQ2-MX4P-9D3B"])
def test_the_qr_code_on_the_rendered_page_reads_back(qr: str) -> None:
    data = certificate_pdf(_print(LONG_NAME, qr=qr), _design(language="both"))
    assert _decode_qr(data) == [qr]


def test_a_qr_text_that_is_not_ascii_is_refused() -> None:
    with pytest.raises(ValueError):
        certificate_pdf(_print(qr="kode-Łucja"), _design())


@pytest.mark.parametrize("count", [0, 1, 3])
def test_zero_one_or_three_signatories(count: int) -> None:
    partners = (PartnerLogo("Mitra Contoh", _png(240, 120, (40, 120, 60, 255))),)
    data = certificate_pdf(_print(LONG_NAME), _design(signatories=count,
                                                      partner_logos=partners))
    reader = PdfReader(io.BytesIO(data))
    found = _text(reader.pages[0])
    for n, signatory in enumerate(SIGNATORIES):
        assert (signatory.name in found) == (n < count)
    assert "Palembang, 3 Desember 2026" in found and LONG_NAME.split()[0] in found
    resources = cast(DictionaryObject, reader.pages[0]["/Resources"])
    xobjects = cast(DictionaryObject, resources.get("/XObject", DictionaryObject()))
    # the logo, the partner's logo and one image per signature
    assert len(xobjects) == 2 + count
    # nothing drawn below the bottom frame or beside the side frames
    for text, size, x, y in _runs(reader):
        assert y > 10 / 25.4 * 72 and x > 10 / 25.4 * 72, text
        assert x + stringWidth(text, register_fonts()[1], size) < A4_LANDSCAPE[0] - 10 / 25.4 * 72


def test_the_progress_callback_sees_every_page_and_can_cancel() -> None:
    prints = [_print(name, n) for n, name in enumerate(NAMES, start=1)]
    seen: list[tuple[int, int]] = []

    def keep_going(done: int, total: int) -> bool:
        seen.append((done, total))
        return True

    certificates_pdf(prints, _design(), report=keep_going)
    assert seen == [(1, 3), (2, 3), (3, 3)]

    seen.clear()

    def stop_after_two(done: int, total: int) -> bool:
        seen.append((done, total))
        return done < 2

    result: bytes | None = None
    with pytest.raises(UserError) as raised:
        result = certificates_pdf(prints, _design(), report=stop_after_two)
    assert raised.value.key == "error.cancelled"
    assert result is None and seen == [(1, 3), (2, 3)]


def test_each_distinct_image_is_decoded_once_per_batch(monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[int] = []
    real = certificate.ImageReader

    def counting(source: object) -> object:
        made.append(1)
        return real(source)

    monkeypatch.setattr(certificate, "ImageReader", counting)
    prints = [_print(f"Peserta Contoh {n}", n) for n in range(1, 21)]
    data = certificates_pdf(prints, _design())
    assert len(PdfReader(io.BytesIO(data)).pages) == 20
    assert len(made) == 1 + len(SIGNATURES)  # the logo and three signatures, not 20 times each


def test_an_empty_batch_is_refused() -> None:
    with pytest.raises(ValueError):
        certificates_pdf([], _design())
