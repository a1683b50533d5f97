"""A batch of certificates: ``reports.certificate.certificates_pdf`` for 500 prints on one PDF
(a logo, two signature images, the QR of each verification URL). Target <= 10 s, and <= 2x the
baseline.

Prints: synthetic names from ``synthetic/names.py`` (every tenth a long Latin-Extended one that
has to shrink or wrap), a URL with the code in each QR, images made with Pillow in memory.
Baseline, same data and run: a bare reportlab canvas drawing the same strings (same embedded
DejaVu fonts) at fixed places, the same three images (one ImageReader each) and the same QR
matrix (reportlab's encoder, one path) on 500 A4 landscape pages, with no layout at all.
Interleaved runs, median.

    python benchmarks/certificates_500.py [--prints 500] [--runs 3]
"""

from __future__ import annotations

import argparse
import io
import random
import sys
from collections.abc import Sequence
from datetime import date, timedelta

from _common import header, median, result_line, secs, timed, verdict

from kdrt_desk.domain.certificates import (
    CertificateDesign,
    CertificatePrint,
    Signatory,
    new_code,
    qr_text,
    serial_for,
)
from kdrt_desk.i18n import format_date
from kdrt_desk.i18n.catalog import MESSAGES
from kdrt_desk.reports.certificate import certificates_pdf
from kdrt_desk.reports.fonts import register_fonts
from kdrt_desk.synthetic.names import FAMILY_NAMES, WOMEN_GIVEN_NAMES

TARGET = 10.0
TARGET_RATIO = 2.0
URL = "https://verifikasi.contoh.org/sertifikat?kode={code}"
LONG = ("Łucja Đặng Thị Ngọc Ánh", "Žofie Ŝilvia Ngọc Hằng")


def _png(width: int, height: int, seed: int) -> bytes:
    from PIL import Image, ImageDraw

    rng = random.Random(seed)
    image = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    points = [(x, rng.randint(height // 5, height * 4 // 5)) for x in range(10, width - 10, 12)]
    draw.line(points, fill=(20, 30, 90, 255), width=4)
    draw.ellipse((width // 3, 4, width * 2 // 3, height - 4), outline=(31, 78, 121, 255),
                 width=6)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def _prints(count: int) -> list[CertificatePrint]:
    rng = random.Random(2026)
    start = date(2026, 9, 7)
    out = []
    for n in range(1, count + 1):
        given = rng.choice(WOMEN_GIVEN_NAMES)
        family = " ".join(rng.sample(FAMILY_NAMES, 2))
        name = f"{LONG[n % 2]} {given} {family} {rng.choice(FAMILY_NAMES)}" if n % 10 == 0 \
            else f"{given} {family}"
        code = new_code()
        out.append(CertificatePrint(serial_for(2026, n), code, name,
                                    "Menjahit dan tata busana dasar", 24, start,
                                    start + timedelta(days=77), date(2026, 12, 3),
                                    qr_text(code, URL)))
    return out


def _bare(prints: Sequence[CertificatePrint], design: CertificateDesign) -> bytes:
    """The floor: the same strings, fonts, images and QR path on a bare canvas, no layout."""
    from reportlab.graphics.barcode.qrencoder import QRCode, QRErrorCorrectLevel
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    regular, bold = register_fonts()
    width, height = landscape(A4)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(width, height), pageCompression=1)
    logo = ImageReader(io.BytesIO(design.logo_png))
    signatures = [ImageReader(io.BytesIO(s.signature_png)) for s in design.signatories]
    label = {key: MESSAGES[key][0] for key in ("cert.serial", "cert.code", "cert.scan")}
    for one in prints:
        dates = f"{format_date(one.first_date, 'id')} – {format_date(one.last_date, 'id')}"
        lines = [(bold, 12.5, design.issuer_name), (bold, 36, design.title_id),
                 (regular, 13, design.before_name_id), (bold, 30, one.name),
                 (regular, 12.5, design.after_name_id), (bold, 18, one.course),
                 (regular, 11, f"{one.hours} jam pelajaran · {dates}"),
                 (regular, 11, f"{design.place}, {format_date(one.issued_on, 'id')}")]
        y = height - 130
        for font, size, value in lines:
            canvas.setFont(font, size)
            canvas.drawCentredString(width / 2, y, value)
            y -= 36
        canvas.drawImage(logo, width / 2 - 27, height - 110, 54, 54, mask="auto")
        for n, (signatory, image) in enumerate(zip(design.signatories, signatures,
                                                   strict=True)):
            x = 250 + n * 200
            canvas.drawImage(image, x, 112, 150, 40, mask="auto")
            canvas.line(x, 110, x + 150, 110)
            canvas.setFont(bold, 10)
            canvas.drawCentredString(x + 75, 97, signatory.name)
            canvas.setFont(regular, 8.5)
            canvas.drawCentredString(x + 75, 86, signatory.title)
        canvas.setFont(regular, 7)
        canvas.drawString(74, 110, label["cert.serial"])
        canvas.drawString(74, 85, label["cert.code"])
        canvas.drawCentredString(714, 66, label["cert.scan"])
        canvas.setFont(bold, 9.5)
        canvas.drawString(74, 99, one.serial)
        canvas.drawString(74, 74, one.code)
        qr = QRCode(None, QRErrorCorrectLevel.M)
        qr.addData(one.qr_text)
        qr.make()
        modules = qr.modules
        cell = 65.0 / (len(modules) + 8)
        path = canvas.beginPath()
        for r, row in enumerate(modules):
            c = 0
            while c < len(row):
                if row[c]:
                    begin = c
                    while c < len(row) and row[c]:
                        c += 1
                    path.rect(682 + (4 + begin) * cell, 137 - (5 + r) * cell,
                              (c - begin) * cell, cell)
                else:
                    c += 1
        canvas.drawPath(path, stroke=0, fill=1)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--prints", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    header(f"certificates: certificates_pdf of {args.prints} prints in one PDF, "
           f"{args.runs} runs")
    from pypdf import PdfReader

    register_fonts()
    design = CertificateDesign(
        "Lembaga Pelatihan Contoh Sejahtera", logo_png=_png(400, 400, 1),
        signatories=(Signatory("Dra. Contoh Rahmawati", "Ketua Yayasan", _png(600, 200, 2)),
                     Signatory("Ir. Uji Anggraini", "Koordinator Pelatihan", _png(600, 200, 3))))
    prints = _prints(args.prints)
    cold, first = timed(lambda: certificates_pdf(prints[:1], design))
    batch: list[float] = []
    bare: list[float] = []
    size = bare_size = 0
    for _ in range(args.runs):
        seconds, data = timed(lambda: certificates_pdf(prints, design))
        batch.append(seconds)
        size = len(data)
        seconds, data_bare = timed(lambda: _bare(prints, design))
        bare.append(seconds)
        bare_size = len(data_bare)
    pages = len(PdfReader(io.BytesIO(data)).pages)
    assert pages == args.prints, pages
    figure, base = median(batch), median(bare)
    ratio = figure / base
    ok = figure <= TARGET and ratio <= TARGET_RATIO
    print(f"\n  first single certificate (cold, fonts registered): {secs(cold)} "
          f"({len(first) / 1024:.0f} KiB)")
    print(f"  certificates_pdf, {args.prints} pages   median {secs(figure)}  worst "
          f"{secs(max(batch))}  ({size / 1024 / 1024:.1f} MiB, {pages} pages)")
    print(f"  bare canvas, {args.prints} pages        median {secs(base)}  worst "
          f"{secs(max(bare))}  ({bare_size / 1024 / 1024:.1f} MiB)")
    print(f"  per page: {figure / args.prints * 1000:.1f} ms vs bare "
          f"{base / args.prints * 1000:.1f} ms")
    print(f"\ntarget <= {TARGET:.0f} s: {verdict(figure <= TARGET)}; <= {TARGET_RATIO:.0f}x bare "
          f"canvas: {verdict(ratio <= TARGET_RATIO)} ({ratio:.2f}x)")
    print(result_line(
        "certificates_500",
        f"{args.prints} certificates in one PDF {secs(figure)} (median of {args.runs}, worst "
        f"{secs(max(batch))})", f"<= {TARGET:.0f} s and <= {TARGET_RATIO:.0f}x bare",
        figure / TARGET, f"baseline bare canvas {secs(base)} ({ratio:.2f}x)"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
