"""The user guide shipped with the app (kdrt_desk/assets/guide): both languages have the same
sections, every link inside a page leads to an anchor on it, every screenshot it shows exists
(and every screenshot shipped is shown), in its own language, and the folder stays small."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kdrt_desk.ui.guide_dialog import GUIDE_DIR, guide_page

LANGS = ("id", "en")
ANCHOR = re.compile(r"""<a\s+[^>]*(?:name|id)\s*=\s*["']([^"']+)["']"""
                    r"""|<h[1-3][^>]*\sid=["']([^"']+)["']""")
LINK = re.compile(r"""href=["']#([^"']+)["']""")
IMAGE = re.compile(r"""<img\s+[^>]*src=["']([^"']+)["']""")


def _page(lang: str) -> str:
    return guide_page(lang).read_text(encoding="utf-8")


def _anchors(html: str) -> set[str]:
    return {a or b for a, b in ANCHOR.findall(html)}


@pytest.mark.parametrize("lang", LANGS)
def test_every_link_and_image_resolves(lang: str) -> None:
    html = _page(lang)
    anchors = _anchors(html)
    assert len(anchors) >= 10  # installing, first run, daily work, ... shortcuts
    assert sorted(set(LINK.findall(html)) - anchors) == []
    images = IMAGE.findall(html)
    assert len(images) >= 8
    for src in images:
        image = (guide_page(lang).parent / src).resolve()
        assert image.is_file(), src
        assert image.name.startswith(f"{lang}-"), f"{src}: a screenshot in the other language"


def test_both_languages_have_the_same_sections_and_shots() -> None:
    assert _anchors(_page("id")) == _anchors(_page("en"))
    shots = {lang: sorted(Path(s).name.removeprefix(f"{lang}-") for s in IMAGE.findall(_page(lang)))
             for lang in LANGS}
    assert shots["id"] == shots["en"]


def test_every_shipped_screenshot_is_shown_and_the_guide_is_small() -> None:
    shown = {Path(src).name for lang in LANGS for src in IMAGE.findall(_page(lang))}
    shipped = {p.name for p in (GUIDE_DIR / "img").glob("*.png")}
    assert shipped == shown
    size = sum(p.stat().st_size for p in GUIDE_DIR.rglob("*") if p.is_file())
    assert size < 4_000_000
