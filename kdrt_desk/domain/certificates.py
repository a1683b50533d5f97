"""Certificates (sertifikat): templates, what one printed certificate shows, the register's rows,
eligibility, serial numbers, verification codes and the salted hash of the name as printed.

Pure (no database, no Qt). The renderer (``reports.certificate``) draws a ``CertificatePrint`` with
a ``CertificateDesign``; the service (``services.certificates``) decides who may have one, takes the
serial and keeps the register.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

SERIAL_PREFIX = "KD/SERT"
# the verification code: 12 characters of Crockford's base32 (no I, L, O, U), in three groups
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_GROUPS, CODE_GROUP_LEN = 3, 4
MAX_SIGNATORIES = 3
MAX_PARTNER_LOGOS = 4
NAME_PRINT_LIMIT = 120
# scrypt cost for the hash of the name as printed: ~3 ms, so a batch of 500 stays quick while a
# guess still costs more than a plain hash
_SCRYPT_N, _SCRYPT_R, _SCRYPT_P = 2 ** 11, 8, 1


class CertificateStatus(StrEnum):
    VALID = "valid"
    REVOKED = "revoked"
    REISSUED = "reissued"  # replaced by a newer serial (``replaced_by``)


class BorderStyle(StrEnum):
    NONE = "none"
    LINE = "line"
    DOUBLE = "double"
    CORNERS = "corners"  # a thin frame with ornamented corners


class CertificateKind(StrEnum):
    MODULE = "module"  # one module's completion rule met
    PROGRAMME = "programme"  # the whole programme of a group completed


@dataclass(frozen=True)
class Signatory:
    name: str
    title: str
    signature_png: bytes = b""  # a scanned signature, already checked and re-encoded as PNG


@dataclass(frozen=True)
class PartnerLogo:
    name: str
    png: bytes


@dataclass(frozen=True)
class CertificateDesign:
    """A template as the renderer needs it: look, wording (both languages) and who signs."""

    issuer_name: str  # the neutral name shown as the issuer (never the shelter's)
    title_id: str = "SERTIFIKAT"
    title_en: str = "CERTIFICATE"
    # the sentence before her name and the one after it; {module}, {hours}, {dates} fill in
    before_name_id: str = "Diberikan kepada"
    before_name_en: str = "This is to certify that"
    after_name_id: str = "atas keberhasilannya menyelesaikan pelatihan"
    after_name_en: str = "has successfully completed the training"
    primary_colour: str = "#1F4E79"  # "#RRGGBB"
    accent_colour: str = "#C9A227"
    border: BorderStyle = BorderStyle.CORNERS
    logo_png: bytes = b""
    partner_logos: tuple[PartnerLogo, ...] = ()
    signatories: tuple[Signatory, ...] = ()
    place: str = "Palembang"
    language: str = "id"  # "id", "en" or "both" (Indonesian with the English below it)


@dataclass(frozen=True)
class CertificatePrint:
    """What one certificate shows; nothing else about her goes on the page."""

    serial: str
    code: str
    name: str  # the name as printed
    course: str  # module title, or the programme's public name
    hours: int  # whole hours (rounded)
    first_date: date
    last_date: date
    issued_on: date
    qr_text: str  # ASCII: the code, or the centre's verification URL with the code


@dataclass(frozen=True)
class TemplateInput:
    """What the admin sets for a template (images already read as bytes)."""

    name: str
    design: CertificateDesign
    id: int = 0


@dataclass(frozen=True)
class TemplateView:
    id: int
    name: str
    design: CertificateDesign
    archived: bool = False


@dataclass(frozen=True)
class EligibleRow:
    """One woman for one certificate: eligible now, or close but not yet."""

    participant_id: int
    code: str
    name: str  # full name (preferred name shown beside it by the screen when set)
    preferred_name: str
    kind: CertificateKind
    module_id: int | None  # None: the programme
    module_code: str
    course: str
    group_id: int
    group_name: str
    eligible: bool
    reason: str  # translated: why she qualifies, or what is still missing
    attended: int = 0
    held: int = 0
    percent: int = 0
    hours: int = 0
    first_date: date | None = None
    last_date: date | None = None
    existing_serial: str = ""  # a valid certificate she already holds for it ("": none)


@dataclass(frozen=True)
class IssueRequest:
    participant_id: int
    module_id: int | None  # None: the programme certificate of ``group_id``
    group_id: int
    printed_name: str = ""  # "": her full name (or the preferred name when ``use_preferred``)
    use_preferred: bool = False
    issued_on: date | None = None  # a past date: only for a paper register brought in


@dataclass(frozen=True)
class RegisterRow:
    id: int
    serial: str
    code: str
    participant_id: int | None
    participant_code: str
    printed_name: str  # "" once her name was removed (withdrawal): "nama tidak disimpan"
    name_removed: bool
    kind: CertificateKind
    module_code: str
    course: str
    issued_on: date
    status: CertificateStatus
    reason: str = ""  # revocation or reissue reason
    replaced_by: str = ""  # serial of the certificate that replaced this one
    replaces: str = ""  # serial this one replaced


@dataclass(frozen=True)
class Verification:
    """What a verifier is told: genuine or not, valid or not, and no more than this."""

    genuine: bool
    status: CertificateStatus | None = None
    printed_name: str = ""  # "" when not genuine or the name is not kept
    name_kept: bool = True
    course: str = ""
    issued_on: date | None = None
    replaced_by: str = ""
    name_matches: bool | None = None  # the typed name against the hash (None: not asked)
    tampered: bool = False  # the register row was changed past the app: not to be trusted

    @property
    def valid(self) -> bool:
        return self.genuine and self.status is CertificateStatus.VALID


@dataclass(frozen=True)
class BatchResult:
    serials: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)


def serial_for(year: int, number: int, prefix: str = SERIAL_PREFIX) -> str:
    """``KD/SERT/2026/0001``."""
    return f"{prefix}/{year}/{number:04d}"


def new_code() -> str:
    """A fresh random verification code, ``7KQ2-MX4P-9D3B`` (60 bits)."""
    groups = ("".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_GROUP_LEN))
              for _ in range(CODE_GROUPS))
    return "-".join(groups)


def normalise_code(text: str) -> str:
    """What a verifier typed, as a code: upper case, O→0, I/L→1, spaces and dashes ignored; ""
    when it cannot be one."""
    raw = "".join(ch for ch in str(text or "").upper() if ch not in " -\t")
    raw = raw.translate(str.maketrans("OIL", "011"))
    if len(raw) != CODE_GROUPS * CODE_GROUP_LEN or any(ch not in CODE_ALPHABET for ch in raw):
        return ""
    return "-".join(raw[i:i + CODE_GROUP_LEN] for i in range(0, len(raw), CODE_GROUP_LEN))


def code_from_scan(text: str) -> str:
    """The code inside what a QR scanner read: the code itself, or the URL that ends with it."""
    value = str(text or "").strip()
    for sep in ("=", "/", "#"):
        if sep in value:
            value = value.rsplit(sep, 1)[1]
    return normalise_code(value)


def normalise_name(name: str) -> str:
    """The name as compared: NFC, case-folded, spaces collapsed."""
    return " ".join(unicodedata.normalize("NFC", str(name or "")).casefold().split())


def name_hash(name: str, salt: bytes) -> bytes:
    """The salted hash the register keeps of the name as printed."""
    return hashlib.scrypt(normalise_name(name).encode("utf-8"), salt=salt, n=_SCRYPT_N,
                          r=_SCRYPT_R, p=_SCRYPT_P, dklen=32)


def name_matches(name: str, salt: bytes, digest: bytes) -> bool:
    return bool(salt) and hmac.compare_digest(name_hash(name, salt), digest)


def record_digest(fields: Sequence[object]) -> str:
    """The SHA-256 of a register row's fields as signed (JSON of their text, in order)."""
    text = json.dumps([str(f) if f is not None else None for f in fields], ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def qr_text(code: str, verify_url: str) -> str:
    """What the QR code holds: the code, or the centre's URL with ``{code}`` filled in (or the code
    appended)."""
    url = verify_url.strip()
    if not url:
        return code
    return url.replace("{code}", code) if "{code}" in url else url + code


def printable_ascii(text: str) -> bool:
    return all(32 < ord(ch) < 127 for ch in text)
