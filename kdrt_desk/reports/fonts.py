"""The bundled DejaVu fonts registered with reportlab, so every name (Łucja, Đặng…) prints."""

from __future__ import annotations

import io
import threading
from importlib.resources import files

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import registerFontFamily
from reportlab.pdfbase.ttfonts import TTFont

REGULAR = "KDRTSans"
BOLD = "KDRTSans-Bold"
_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}
_lock = threading.Lock()


def _load(name: str, filename: str) -> TTFont:
    # Read the bytes through importlib.resources so this also works from a zip or a frozen app.
    data = (files("kdrt_desk") / "assets" / "fonts" / filename).read_bytes()
    stream = io.BytesIO(data)
    stream.name = filename  # type: ignore[attr-defined]
    return TTFont(name, stream)


def register_fonts() -> tuple[str, str]:
    """Register the bundled fonts once (safe to call again); return the (regular, bold) names."""
    with _lock:
        known = set(pdfmetrics.getRegisteredFontNames())
        for name, filename in _FILES.items():
            if name not in known:
                pdfmetrics.registerFont(_load(name, filename))
        # The family makes <b> in Paragraph markup pick the bold face; there is no italic face.
        registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD)
    return REGULAR, BOLD
