"""The About box's list of bundled components keeps in step with what the app depends on: every
runtime dependency of pyproject.toml, and every font file shipped, has its entry and licence."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from kdrt_desk.licences import BUNDLED, FONT_FILES

ROOT = Path(__file__).resolve().parents[2]


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~;\[ ]", requirement, maxsplit=1)[0].lower()


def test_every_runtime_dependency_is_listed_with_its_licence() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    listed = {c.distribution.lower() for c in BUNDLED if c.distribution}
    missing = sorted(_name(r) for r in project["dependencies"] if _name(r) not in listed)
    assert missing == []
    assert all(c.licence.strip() and c.url.startswith("https://") for c in BUNDLED)


def test_every_font_shipped_is_listed() -> None:
    shipped = sorted(p.name for p in (ROOT / "kdrt_desk" / "assets" / "fonts").glob("*.ttf"))
    assert shipped == sorted(FONT_FILES)
    assert any("DejaVu" in c.name for c in BUNDLED)
