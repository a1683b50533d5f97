"""Checking an image the admin chooses for a certificate (logo, partner logo, scanned signature):
a real PNG or JPEG, not huge, not a decompression bomb; re-encoded as a plain PNG so nothing else
in the file (EXIF with a place or a camera, comments, other chunks) goes onto the certificate."""

from __future__ import annotations

import io
import warnings

from kdrt_desk.errors import UserError

MAX_FILE_BYTES = 5 * 1024 * 1024  # 5 MB: a scan at 300 dpi of a signature is far below
MAX_PIXELS = 25_000_000  # width x height as the file's header says, before decoding
MAX_SIDE = 1600  # what is kept: enough for print at 300 dpi over ~13 cm
FORMATS = ("PNG", "JPEG")


def checked_png(data: bytes, *, field: str) -> bytes:
    """``data`` as a clean PNG (at most ``MAX_SIDE`` pixels a side), or a ``UserError`` naming
    ``field``: not an image, too big, or too many pixels."""
    from PIL import Image  # Pillow comes with reportlab; only needed here

    if not data:
        raise UserError("error.image_empty", field=field)
    if len(data) > MAX_FILE_BYTES:
        raise UserError("error.image_too_big", field=field, limit=MAX_FILE_BYTES // 1024 // 1024)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as probe:
                if probe.format not in FORMATS:
                    raise UserError("error.image_not_image", field=field)
                width, height = probe.size
                if width < 1 or height < 1 or width * height > MAX_PIXELS:
                    raise UserError("error.image_too_many_pixels", field=field)
                probe.load()
                image = probe.convert("RGBA")
    except UserError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise UserError("error.image_too_many_pixels", field=field) from exc
    except (OSError, SyntaxError, ValueError) as exc:
        raise UserError("error.image_not_image", field=field) from exc
    image.thumbnail((MAX_SIDE, MAX_SIDE))
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False)
    return out.getvalue()
