"""Messages printed on a certificate (sertifikat): the fixed labels around the wording the admin
sets per template. Neutral words only: a certificate may be shown to employers."""

from __future__ import annotations

CERTIFICATES: dict[str, tuple[str, str]] = {
    "cert.doc_title": ("Sertifikat", "Certificate"),
    "cert.serial": ("Nomor sertifikat", "Certificate number"),
    "cert.code": ("Kode verifikasi", "Verification code"),
    "cert.scan": ("Pindai untuk memeriksa keaslian", "Scan to check that it is genuine"),
    "cert.hours": ("{hours} jam pelajaran", "{hours} {hours:hour|hours}"),
    "cert.hours_one": ("{hours} jam pelajaran", "{hours} hour"),
    "cert.dates": ("{start} – {end}", "{start} – {end}"),
    "cert.hours_dates": ("{hours} · {dates}", "{hours} · {dates}"),
    "cert.place_date": ("{place}, {date}", "{place}, {date}"),
    "cert.label_both": ("{id} / {en}", "{id} / {en}"),
}
