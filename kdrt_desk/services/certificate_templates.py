"""Certificate templates (look, wording in both languages, signatories) and the centre's two
certificate settings: the verification URL the QR code may hold and the programme's public name.

Only the admin changes them (``Permission.SETTINGS``). Nothing a template prints may name the
centre's case work: a word such as KDRT, kekerasan, violence, survivor or shelter in the issuer,
the title or the wording is refused, because a certificate is shown to employers.
"""

from __future__ import annotations

import base64
import json
import re
from dataclasses import asdict, replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kdrt_desk.db.session import Database
from kdrt_desk.domain.certificates import (
    MAX_PARTNER_LOGOS,
    MAX_SIGNATORIES,
    BorderStyle,
    CertificateDesign,
    PartnerLogo,
    Signatory,
    TemplateInput,
    TemplateView,
    printable_ascii,
)
from kdrt_desk.domain.revealing_words import revealing
from kdrt_desk.domain.text import reject_control_characters
from kdrt_desk.errors import UserError, ValidationError
from kdrt_desk.models import Certificate, CertificateTemplate, Setting
from kdrt_desk.security.permissions import Permission
from kdrt_desk.services import audit_log
from kdrt_desk.services.actor import Actor
from kdrt_desk.services.certificate_images import checked_png

NEUTRAL_ISSUER = "Program Pelatihan Kemandirian Perempuan"
DEFAULT_TEMPLATE_NAME = "Standar"
TEXT_LIMIT = 160
NAME_LIMIT = 80
URL_LIMIT = 200
_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")
SETTING_VERIFY_URL = "certificate.verify_url"
SETTING_PROGRAMME = "certificate.programme_name"
DESIGN_TEXTS = ("issuer_name", "title_id", "title_en", "before_name_id", "before_name_en",
                "after_name_id", "after_name_en", "place")


def default_design() -> CertificateDesign:
    return CertificateDesign(issuer_name=NEUTRAL_ISSUER)


# -- stored form ---------------------------------------------------------------------------------
def design_to_json(design: CertificateDesign) -> str:
    data: dict[str, Any] = asdict(design)
    data["border"] = design.border.value
    data["logo_png"] = base64.b64encode(design.logo_png).decode("ascii")
    data["partner_logos"] = [{"name": p.name, "png": base64.b64encode(p.png).decode("ascii")}
                             for p in design.partner_logos]
    data["signatories"] = [{"name": s.name, "title": s.title,
                            "signature_png": base64.b64encode(s.signature_png).decode("ascii")}
                           for s in design.signatories]
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def design_from_json(text: str) -> CertificateDesign:
    data = json.loads(text)
    base = asdict(default_design())
    values = {k: data.get(k, v) for k, v in base.items()}
    values["border"] = BorderStyle(values["border"])
    values["logo_png"] = base64.b64decode(data.get("logo_png", ""))
    values["partner_logos"] = tuple(PartnerLogo(p["name"], base64.b64decode(p["png"]))
                                    for p in data.get("partner_logos", []))
    values["signatories"] = tuple(Signatory(s["name"], s["title"],
                                            base64.b64decode(s.get("signature_png", "")))
                                  for s in data.get("signatories", []))
    return CertificateDesign(**values)


def _clean(value: str) -> str:
    return " ".join(str(value or "").split())


def validated_design(design: CertificateDesign) -> CertificateDesign:
    """``design`` with its texts tidied and its images re-encoded; every problem at once."""
    problems: list[UserError] = []
    texts = {name: _clean(getattr(design, name)) for name in DESIGN_TEXTS}
    for name, value in texts.items():
        problems += reject_control_characters(name, getattr(design, name))
        if len(value) > TEXT_LIMIT:
            problems.append(UserError("error.too_long", field=name, limit=TEXT_LIMIT))
        if revealing(value):
            problems.append(UserError("error.certificate_revealing_word", field=name))
    for name in ("issuer_name", "title_id", "title_en", "place"):
        if not texts[name]:
            problems.append(UserError("error.required", field=name))
    for name in ("primary_colour", "accent_colour"):
        if not _COLOUR.match(getattr(design, name) or ""):
            problems.append(UserError("error.certificate_colour", field=name))
    if design.language not in ("id", "en", "both"):
        problems.append(UserError("error.language_unknown", field="language"))
    if len(design.signatories) > MAX_SIGNATORIES:
        problems.append(UserError("error.certificate_signatories_max", field="signatories",
                                  limit=MAX_SIGNATORIES))
    if len(design.partner_logos) > MAX_PARTNER_LOGOS:
        problems.append(UserError("error.certificate_partner_logos_max", field="partner_logos",
                                  limit=MAX_PARTNER_LOGOS))
    signatories: list[Signatory] = []
    for n, person in enumerate(design.signatories, start=1):
        field = f"signatory_{n}"
        name, title = _clean(person.name), _clean(person.title)
        problems += reject_control_characters(field, person.name + person.title)
        if not name or not title:
            problems.append(UserError("error.certificate_signatory_incomplete", field=field,
                                      number=n))
        if len(name) > NAME_LIMIT or len(title) > NAME_LIMIT:
            problems.append(UserError("error.too_long", field=field, limit=NAME_LIMIT))
        if revealing(name + " " + title):
            problems.append(UserError("error.certificate_revealing_word", field=field))
        image = b""
        if person.signature_png:
            try:
                image = checked_png(person.signature_png, field=field)
            except UserError as exc:
                problems.append(exc)
        signatories.append(Signatory(name, title, image))
    logos: list[PartnerLogo] = []
    for n, logo in enumerate(design.partner_logos, start=1):
        field = f"partner_logo_{n}"
        try:
            logos.append(PartnerLogo(_clean(logo.name), checked_png(logo.png, field=field)))
        except UserError as exc:
            problems.append(exc)
    logo_png = b""
    if design.logo_png:
        try:
            logo_png = checked_png(design.logo_png, field="logo")
        except UserError as exc:
            problems.append(exc)
    if problems:
        raise ValidationError(problems)
    return replace(design, **texts, border=BorderStyle(design.border), logo_png=logo_png,
                   partner_logos=tuple(logos), signatories=tuple(signatories),
                   primary_colour=design.primary_colour.upper(),
                   accent_colour=design.accent_colour.upper())


class CertificateTemplateService:
    def __init__(self, db: Database, actor: Actor) -> None:
        self.db = db
        self.actor = actor

    def templates(self, include_archived: bool = False) -> list[TemplateView]:
        """The saved templates; a vault with none has the neutral default (id 0) only."""
        with self.db.reading() as session:
            query = select(CertificateTemplate).order_by(func.lower(CertificateTemplate.name))
            if not include_archived:
                query = query.where(CertificateTemplate.archived.is_(False))
            rows = [TemplateView(r.id, r.name, design_from_json(r.design), r.archived)
                    for r in session.scalars(query)]
        return rows or [TemplateView(0, DEFAULT_TEMPLATE_NAME, default_design())]

    def template(self, template_id: int | None) -> TemplateView:
        """One template; ``None`` or 0 the first one in use."""
        if not template_id:
            return self.templates()[0]
        with self.db.reading() as session:
            return view_of(session, template_id)

    def save(self, data: TemplateInput) -> TemplateView:
        self.actor.require(Permission.SETTINGS)
        name = _clean(data.name)
        problems = reject_control_characters("name", data.name)
        if not name:
            problems.append(UserError("error.required", field="name"))
        elif len(name) > NAME_LIMIT:
            problems.append(UserError("error.too_long", field="name", limit=NAME_LIMIT))
        try:
            design = validated_design(data.design)
        except ValidationError as exc:
            problems += exc.errors
            design = data.design
        if problems:
            raise ValidationError(problems)
        now = datetime.now(UTC)
        with self.db.transaction() as session:
            clash = session.scalar(select(CertificateTemplate.id).where(
                func.lower(CertificateTemplate.name) == name.lower(),
                CertificateTemplate.id != data.id))
            if clash is not None:
                raise UserError("error.certificate_template_name_taken", field="name")
            replaced = None
            if data.id:
                row = session.get(CertificateTemplate, data.id)
                if row is None:
                    raise UserError("error.certificate_template_unknown")
                stored = design_to_json(design)
                used = session.scalar(select(Certificate.id).where(
                    Certificate.template_id == row.id).limit(1)) is not None
                if used and stored != row.design:
                    # certificates were printed with it: it stays as it was (archived, under a
                    # dated name) so a reprint is the paper as issued; the change is a new row
                    replaced = row.id
                    row.archived = True
                    row.name = f"{row.name[:60]} ({now:%Y-%m-%d %H:%M:%S})"
                    session.flush()
                    row = CertificateTemplate(archived=False)
                    session.add(row)
            else:
                row = CertificateTemplate(archived=False)
                session.add(row)
            row.name, row.design = name, design_to_json(design)
            row.updated_by, row.updated_at = self.actor.username, now
            session.flush()
            audit_log.append(session, self.actor.username, "certificate_template_saved",
                             f"certificate_template:{row.id}",
                             {"replaces": replaced, "signatories": len(design.signatories),
                              "partner_logos": len(design.partner_logos),
                              "logo": bool(design.logo_png)})
            return TemplateView(row.id, row.name, design, row.archived)

    def set_archived(self, template_id: int, archived: bool) -> None:
        self.actor.require(Permission.SETTINGS)
        with self.db.transaction() as session:
            row = session.get(CertificateTemplate, template_id)
            if row is None:
                raise UserError("error.certificate_template_unknown")
            row.archived = archived
            audit_log.append(session, self.actor.username, "certificate_template_archived",
                             f"certificate_template:{row.id}", {"archived": archived})

    # -- the two settings ----------------------------------------------------------------------
    def verify_url(self) -> str:
        return self._setting(SETTING_VERIFY_URL, "")

    def programme_name(self) -> str:
        return self._setting(SETTING_PROGRAMME, "") or NEUTRAL_ISSUER

    def save_settings(self, verify_url: str, programme_name: str) -> None:
        """The URL the QR code holds (``{code}`` is replaced by the code, else the code is
        appended; "" the code alone) and the programme's public name."""
        self.actor.require(Permission.SETTINGS)
        url, name = verify_url.strip(), _clean(programme_name)
        problems = reject_control_characters("programme_name", programme_name)
        if url and (not printable_ascii(url) or len(url) > URL_LIMIT
                    or not url.lower().startswith(("https://", "http://"))):
            problems.append(UserError("error.certificate_verify_url", field="verify_url"))
        if len(name) > TEXT_LIMIT:
            problems.append(UserError("error.too_long", field="programme_name",
                                      limit=TEXT_LIMIT))
        if revealing(name):
            problems.append(UserError("error.certificate_revealing_word",
                                      field="programme_name"))
        if problems:
            raise ValidationError(problems)
        with self.db.transaction() as session:
            for key, value in ((SETTING_VERIFY_URL, url), (SETTING_PROGRAMME, name)):
                row = session.get(Setting, key)
                if row is None:
                    session.add(Setting(key=key, value=value))
                else:
                    row.value = value
            audit_log.append(session, self.actor.username, "certificate_settings_changed",
                             "settings", {"verify_url": bool(url)})

    def _setting(self, key: str, default: str) -> str:
        with self.db.reading() as session:
            row = session.get(Setting, key)
            return row.value if row is not None else default


def view_of(session: Session, template_id: int) -> TemplateView:
    row = session.get(CertificateTemplate, template_id)
    if row is None:
        raise UserError("error.certificate_template_unknown")
    return TemplateView(row.id, row.name, design_from_json(row.design), row.archived)
