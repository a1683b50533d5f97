"""The anonymised placeholder is shown through the catalogue, for new and old vaults alike."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from kdrt_desk import i18n
from kdrt_desk.repositories.names import ANONYMISED_MARKER, LEGACY_ANONYMISED_NAME, shown_name


@pytest.fixture
def english() -> Iterator[None]:
    before = i18n.language()
    i18n.set_language("en")
    yield
    i18n.set_language(before)


def test_english_ui_shows_the_english_placeholder(english: None) -> None:
    assert shown_name(ANONYMISED_MARKER) == "Anonymised participant"
    assert shown_name(LEGACY_ANONYMISED_NAME) == "Anonymised participant"  # an older vault
    assert shown_name("Siti Aminah") == "Siti Aminah"


def test_indonesian_ui_shows_the_indonesian_placeholder() -> None:
    assert i18n.language() == "id"
    assert shown_name(ANONYMISED_MARKER) == "Peserta dianonimkan"
