"""Demo certificates (synthetic only): a neutral template with a drawn logo, a partner logo and
two signatories whose signatures are drawn squiggles, the verification URL of a made-up site, a
certificate for every completion the demo's training created, one revoked and one reissued, so
the register shows every status."""

from __future__ import annotations

import io
import math
import random
from datetime import timedelta

from kdrt_desk.db.session import Database
from kdrt_desk.domain.certificates import (
    CertificateDesign,
    CertificateStatus,
    IssueRequest,
    PartnerLogo,
    Signatory,
    TemplateInput,
)
from kdrt_desk.services.actor import Actor
from kdrt_desk.services.certificates import CertificateService
from kdrt_desk.services.clock import local_today

DEMO_VERIFY_URL = "https://sertifikat.contoh.org/cek?kode={code}"
DEMO_PROGRAMME = "Program Pelatihan Kemandirian Perempuan Palembang"


def drawn_signature(seed: int, width: int = 420, height: int = 150) -> bytes:
    """A pen-like squiggle on a transparent background."""
    from PIL import Image, ImageDraw

    rng = random.Random(seed)
    image = Image.new("RGBA", (width, height), (255, 255, 255, 0))
    pen = ImageDraw.Draw(image)
    points = []
    phase, loops = rng.uniform(0, math.pi), rng.randint(3, 6)
    for step in range(200):
        x = 20 + step * (width - 40) / 199
        y = (height / 2 + math.sin(step / 199 * loops * math.pi + phase) * height * 0.28
             + math.sin(step / 9) * 10)
        points.append((x, y))
    pen.line(points, fill=(18, 32, 92, 255), width=4, joint="curve")
    pen.line([(width * 0.15, height * 0.82), (width * 0.85, height * 0.78)],
             fill=(18, 32, 92, 255), width=3)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def drawn_logo(letters: str, colour: tuple[int, int, int], size: int = 240) -> bytes:
    """A round emblem with a few letters."""
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("RGBA", (size, size), (255, 255, 255, 0))
    pen = ImageDraw.Draw(image)
    pen.ellipse((6, 6, size - 6, size - 6), fill=(*colour, 255), outline=(201, 162, 39, 255),
                width=10)
    font = ImageFont.load_default(size=size // 4)
    box = pen.textbbox((0, 0), letters, font=font)
    pen.text(((size - box[2] + box[0]) / 2, (size - box[3] + box[1]) / 2 - box[1]), letters,
             fill=(255, 255, 255, 255), font=font)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def demo_design() -> CertificateDesign:
    return CertificateDesign(
        issuer_name=DEMO_PROGRAMME,
        logo_png=drawn_logo("PKP", (31, 78, 121)),
        partner_logos=(PartnerLogo("LPK Sriwijaya (demo)", drawn_logo("LPK", (120, 40, 40))),),
        signatories=(Signatory("Dra. Sri Wahyuni (demo)", "Ketua Program", drawn_signature(1)),
                     Signatory("Ibu Mariani (demo)", "Instruktur", drawn_signature(2))),
        language="both")


def insert_demo_certificates(db: Database, actor: Actor, seed: int) -> list[str]:
    """The template, the settings and a certificate for each completion; the serials issued."""
    service = CertificateService(db, actor)
    service.templates.save_settings(DEMO_VERIFY_URL, DEMO_PROGRAMME)
    template = service.templates.save(TemplateInput("Standar", demo_design())).id
    rows = [r for r in service.eligible(include_close=False)
            if r.eligible and not r.existing_serial]
    if not rows:
        return []
    rng = random.Random(seed)
    today = local_today()
    # issued a week or two after her last session, as the office would (never in the future)
    dated = sorted(((min(today, (r.last_date or today) + timedelta(days=rng.randint(5, 14))), r)
                    for r in rows), key=lambda pair: (pair[0], pair[1].participant_id))
    serials = service.issue_unprinted(
        [IssueRequest(r.participant_id, r.module_id, r.group_id,
                      use_preferred=rng.random() < 0.2, issued_on=day) for day, r in dated],
        template_id=template)
    register = {r.serial: r for r in service.register()}
    if len(serials) >= 3:
        service.revoke(serials[0], "Diterbitkan sebelum asesmen dicatat (contoh demo)")
        first = register[serials[1]]
        if first.status is CertificateStatus.VALID:
            service.reissue(first.id, "Ejaan nama diperbaiki (contoh demo)", None,
                            template_id=template)
    return serials
