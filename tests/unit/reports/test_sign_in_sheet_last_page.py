"""A sign-in sheet whose rows fill its last page: the facilitator's signature moves to the next
page together with the last rows, so no page holds the signature block alone (read back with
pypdf, page by page; the count that fills a page is found, not assumed)."""

from __future__ import annotations

import io

from pypdf import PdfReader
from test_sign_in_sheet import FACILITATOR, sheet

from kdrt_desk.reports.sign_in_sheet import build_sign_in_sheet, build_sign_in_sheets


def _names(count: int) -> list[str]:
    return [f"Peserta Sintetis {number:03d}" for number in range(1, count + 1)]


def _pages(data: bytes) -> list[str]:
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(
        io.BytesIO(data)).pages]


def _rows_on(page: str, count: int) -> list[int]:
    return [n for n in range(1, count + 1) if f"Peserta Sintetis {n:03d}" in page]


def _one_page() -> int:
    """The most names a one-page sheet holds together with its signature."""
    count = 1
    while len(_pages(build_sign_in_sheet(sheet(_names(count + 1)), "id"))) == 1:
        count += 1
    return count


def test_a_full_last_page_takes_the_last_rows_with_the_signature() -> None:
    one_page = _one_page()
    # one name more than fit with the signature, up to a page that is full of rows (without
    # the fix, these sheets ended on a page with the signature block alone)
    for count in range(one_page + 1, one_page + 5):
        data = build_sign_in_sheet(sheet(_names(count)), "id")
        pages = _pages(data)
        assert len(pages) == 2, count
        last = pages[-1]
        assert "Fasilitator," in last and FACILITATOR in last, count
        assert f"dari {count} peserta" in last, count
        on_last = _rows_on(last, count)
        assert len(on_last) >= 1 and on_last[-1] == count, (count, on_last)
        assert "Fasilitator," not in pages[0], count
        # every name exactly once, in order, across the pages
        seen = [n for page in pages for n in _rows_on(page, count)]
        assert seen == list(range(1, count + 1)), count
        # the headings repeat above the moved rows
        assert "Nama peserta" in last and "Tanda tangan" in last


def test_each_sheet_of_a_batch_keeps_its_signature_with_its_rows() -> None:
    full = _one_page()
    sheets = [sheet(_names(full + 3)), sheet(_names(full + 2))]
    pages = _pages(build_sign_in_sheets(sheets, "en"))
    assert len(pages) == 4
    for last in (pages[1], pages[3]):
        assert "Facilitator," in last and FACILITATOR in last
        assert _rows_on(last, full + 3), last
    for first in (pages[0], pages[2]):
        assert "Facilitator," not in first
