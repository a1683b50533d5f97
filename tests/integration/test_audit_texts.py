"""The audit log speaks the user's language: on the demo vault (every kind of work done through
the services, plus a backup), each entry's action and every detail it records has its
Indonesian and English label, and a detail that is one of the app's codes (a status, a kind, a
consent scope) shows as its label, never as the code."""

from __future__ import annotations

import pytest

from kdrt_desk import i18n
from kdrt_desk.i18n.catalog import MESSAGES
from kdrt_desk.ui.audit_model import CODED, action_label, details_text, target_label


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_every_action_and_detail_has_its_words(demo_copy, tmp_path, lang: str) -> None:  # type: ignore[no-untyped-def]
    services = demo_copy.services()
    try:
        services.backups.make(tmp_path / "cadangan-uji.kdrtbak")
        rows = services.audit.entries(limit=1_000_000)
    finally:
        services.close()
    assert len(rows) > 100
    unlabelled = sorted({f"detail.{key}" for row in rows for key in row.details
                         if f"ui.admin.audit.detail.{key}" not in MESSAGES}
                        | {f"action.{row.action}" for row in rows
                           if f"ui.admin.audit.action.{row.action}" not in MESSAGES})
    assert unlabelled == []
    i18n.set_language(lang)
    coded = 0
    for row in rows:
        assert action_label(row.action) != row.action
        if row.action.startswith("backup_"):
            assert target_label(row.target) != row.target  # "cadangan manual", not "manual"
        shown = details_text(row.details)
        for key, value in row.details.items():
            if key in CODED and isinstance(value, str) and any(
                    value in kind.__members__.values() for kind in CODED[key]):
                coded += 1
                assert f": {value}" not in shown, (key, value, shown)
    assert coded > 0
