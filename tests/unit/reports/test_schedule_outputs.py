"""The schedule outputs read back for real: the PDFs with pypdf (text present and absent, every
glyph inside the page), the calendar file with icalendar, the workbook with openpyxl."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta

import pytest
from icalendar import Calendar
from openpyxl import load_workbook
from pypdf import PdfReader

from kdrt_desk.domain.training import SessionStatus
from kdrt_desk.i18n.catalog import MESSAGES
from kdrt_desk.reports.schedule_card import build_schedule_card
from kdrt_desk.reports.schedule_data import Schedule, ScheduleCard, ScheduleRow
from kdrt_desk.reports.schedule_ics import build_schedule_ics
from kdrt_desk.reports.schedule_pdf import build_schedule_pdf
from kdrt_desk.reports.schedule_xlsx import build_schedule_xlsx

CENTRE = "Rumah Aman KDRT Sriwijaya"
LONG_GROUP = "Angkatan 1 Plaju " + "dengan nama kelompok yang sangat panjang sekali " * 3
LATIN = "Łucja Đặng Nguyễn Wiśniewska-Őrsi"


def _rows(count: int = 6, group: str = "Angkatan 1 Plaju", venue: str = "Aula Kelurahan",
          module_title: str = "Kelompok dukungan sebaya") -> list[ScheduleRow]:
    rows = []
    for n in range(count):
        day = date(2026, 11, 24) + timedelta(days=7 * (n // 2) + 2 * (n % 2))
        rows.append(ScheduleRow(
            session_id=100 + n, day=day, start=time(9), end=time(11), group=group,
            module_code="SOS-01" if n % 2 == 0 else "EKO-02",
            module_title=module_title if n % 2 == 0 else "Memasak dan usaha makanan",
            venue=venue, venue_address="Jl. Kapten Robani 3, Plaju", facilitator=LATIN,
            topic="Mengenali pola" if n == 0 else "",
            status=(SessionStatus.CANCELLED if n == 3 else SessionStatus.MOVED if n == 4
                    else SessionStatus.PLANNED),
            moved_from=date(2026, 11, 30) if n == 4 else None))
    return rows


def _group(rows: list[ScheduleRow], subject: str = "Angkatan 1 Plaju") -> Schedule:
    return Schedule("group", subject, CENTRE, "Jl. Uji 1", date(2026, 11, 1),
                    date(2026, 12, 31), rows)


def _text(data: bytes) -> str:
    """The pages' text on one line (a wrapped name reads as one)."""
    return " ".join(" ".join(page.extract_text() for page in
                             PdfReader(io.BytesIO(data)).pages).split())


def _runs_outside(data: bytes, margin: float = 5.0) -> list[str]:
    """Text drawn (partly) beyond the page's right edge or below its bottom: the x of each run
    plus a generous width estimate for its characters."""
    outside: list[str] = []
    for page in PdfReader(io.BytesIO(data)).pages:
        width = float(page.mediabox.width)

        def visit(text: str, cm: list[float], tm: list[float], font: object, size: float,
                  width: float = width) -> None:
            if not text.strip():
                return
            x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
            y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
            scale = abs(cm[0] * tm[0]) or 1.0
            if x < -margin or y < 0 or x + 0.45 * len(text) * size * scale > width + margin:
                outside.append(text)

        page.extract_text(visitor_text=visit)
    return outside


def test_group_pdf_has_the_grid_and_the_list_in_indonesian() -> None:
    data = build_schedule_pdf(_group(_rows()), "id")
    text = _text(data)
    assert "JADWAL KELOMPOK" in text and "Jadwal per minggu" in text
    assert "Daftar sesi per tanggal" in text
    for word in ("Pekan 1", "Senin", "Sabtu", "Dibatalkan", "Direncanakan", "Aula Kelurahan",
                 "Memasak dan usaha makanan", "09.00–11.00", "Selasa, 24 November 2026",
                 "Dipindah jadwal (dari 30 November 2026)"):
        assert word in text, word
    assert "Łucja Đặng" in text  # embedded font: Latin Extended prints
    assert not any(english in text for english in ("Week", "Monday", "Planned", "Cancelled",
                                                   "Page "))
    reader = PdfReader(io.BytesIO(data))
    assert float(reader.pages[0].mediabox.width) > float(reader.pages[0].mediabox.height)
    assert "Angkatan" not in str(reader.metadata)


def test_group_pdf_in_english_and_with_a_long_name_that_wraps() -> None:
    data = build_schedule_pdf(_group(_rows(12, group=LONG_GROUP), LONG_GROUP), "en")
    text = _text(data)
    assert "GROUP SCHEDULE" in text and "Week 1" in text and "Cancelled" in text
    assert "Jadwal" not in text and "Senin" not in text
    assert text.count("sangat panjang sekali") >= 3  # wrapped, not cut
    assert _runs_outside(data) == []


def test_facilitator_pdf_lists_her_sessions_with_the_venue_address() -> None:
    schedule = Schedule("facilitator", LATIN, CENTRE, "Jl. Uji 1", None, None, _rows(4))
    data = build_schedule_pdf(schedule, "id")
    text = _text(data)
    assert "JADWAL FASILITATOR" in text and LATIN in text
    assert "Jl. Kapten Robani 3, Plaju" in text and "Angkatan 1 Plaju" in text
    assert "Periode: semua tanggal" in text
    page = PdfReader(io.BytesIO(data)).pages[0]
    assert float(page.mediabox.width) < float(page.mediabox.height)  # portrait
    assert _runs_outside(data) == []


def test_empty_schedules_say_so() -> None:
    text = _text(build_schedule_pdf(_group([]), "id"))
    assert text.count("Belum ada sesi pada periode ini.") == 2
    card = _text(build_schedule_card(ScheduleCard("Siti", []), "id"))
    assert "Tidak ada kegiatan terjadwal." in card


def test_the_discreet_card_says_nothing_about_the_programme() -> None:
    rows = [r for r in _rows(6) if not r.cancelled]
    data = build_schedule_card(ScheduleCard(LATIN, rows), "id")
    text = _text(data)
    assert "Jadwal kegiatan" in text and LATIN in text
    assert "Kegiatan 1" in text and f"Kegiatan {len(rows)}" in text
    assert "Jl. Kapten Robani 3, Plaju" in text and "Selasa 24 November 2026" in text
    for secret in ("Kelompok dukungan sebaya", "SOS-01", "EKO-02", "Memasak", CENTRE, "KDRT",
                   "Angkatan", "Łucja Đặng Nguyễn Wiśniewska-Őrsi Fasilitator"):
        assert secret not in text.replace(LATIN, ""), secret
    assert b"KDRT" not in data  # no app name in the metadata or the embedded font names
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1
    assert LATIN not in str(reader.metadata)


def test_the_full_card_shows_modules_and_the_centre_when_chosen() -> None:
    rows = [r for r in _rows(4) if not r.cancelled]
    card = ScheduleCard("Siti Uji", rows, discreet=False, centre_name=CENTRE,
                        centre_address="Jl. Uji 1")
    text = _text(build_schedule_card(card, "id"))
    assert "Jadwal pelatihan" in text and CENTRE in text
    assert "SOS-01 Kelompok dukungan sebaya" in text
    assert "Kegiatan 1" not in text


def test_a_long_card_stays_on_one_page_and_a_long_name_wraps() -> None:
    name = "Siti Nurhaliza binti Abdurrahman " + LATIN + " Panjang Sekali Namanya"
    rows = [r for r in _rows(40) if not r.cancelled]
    data = build_schedule_card(ScheduleCard(name, rows), "en")
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1
    text = _text(data)
    assert "Activity schedule" in text and f"Activity {len(rows)}" in text
    assert "Kegiatan" not in text
    assert LATIN in text
    assert _runs_outside(data) == []


def test_ics_one_event_per_session_in_jakarta_time_with_stable_uids() -> None:
    schedule = Schedule("facilitator", LATIN, CENTRE, "", None, None, _rows(4))
    first = build_schedule_ics(schedule, "abcd1234.kdrt-desk", "id",
                               now=datetime(2026, 11, 20, 1, tzinfo=UTC))
    later = build_schedule_ics(schedule, "abcd1234.kdrt-desk", "id",
                               now=datetime(2026, 11, 21, 1, tzinfo=UTC))
    calendar = Calendar.from_ical(first)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 4
    uids = [str(e["UID"]) for e in events]
    assert uids == [f"session-{100 + n}@abcd1234.kdrt-desk" for n in range(4)]
    assert [str(e["UID"]) for e in Calendar.from_ical(later).walk("VEVENT")] == uids
    newer = [int(str(e["SEQUENCE"])) for e in Calendar.from_ical(later).walk("VEVENT")]
    assert all(n > int(str(e["SEQUENCE"])) for n, e in zip(newer, events, strict=True))
    start = events[0].decoded("DTSTART")
    assert start.astimezone(UTC) == datetime(2026, 11, 24, 2, tzinfo=UTC)  # 09.00 WIB
    assert b"DTSTART;TZID=Asia/Jakarta:20261124T090000" in first
    assert [str(z["TZID"]) for z in calendar.walk("VTIMEZONE")] == ["Asia/Jakarta"]
    assert [str(e["STATUS"]) for e in events] == ["CONFIRMED"] * 3 + ["CANCELLED"]
    assert b"RRULE" not in first and b"EXDATE" not in first
    assert "Jl. Kapten Robani 3" in str(events[0]["LOCATION"])


def test_xlsx_values_layout_and_print_setup() -> None:
    data = build_schedule_xlsx(_group(_rows(4)), "id")
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet is not None
    header = [c.value for c in sheet[4]]
    assert header[:4] == ["Tanggal", "Hari", "Mulai", "Selesai"]
    assert sheet.freeze_panes == "A5"
    first = [c.value for c in sheet[5]]
    assert first[0] == datetime(2026, 11, 24) and first[1] == "Selasa"
    assert first[2] == time(9) and first[4:7] == ["SOS-01", "Kelompok dukungan sebaya",
                                                  "Aula Kelurahan"]
    assert sheet.cell(row=8, column=11).value == "Dibatalkan"
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.fitToWidth == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows == "$4:$4"
    assert sheet.column_dimensions["F"].width >= 26


@pytest.mark.parametrize("evil", ["=HYPERLINK(\"http://x\",\"klik\")", "+1+1", "-2+3",
                                  "@SUM(A1)"])
def test_xlsx_user_text_never_becomes_a_formula(evil: str) -> None:
    rows = _rows(2, group=evil, venue=evil, module_title=evil)
    data = build_schedule_xlsx(_group(rows, evil), "id")
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet is not None
    cells = [c for row in sheet.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    evil_cells = [c for c in cells if c.value == evil]
    assert len(evil_cells) >= 2  # the module title and the venue of the first session
    assert all(c.data_type == "s" and c.quotePrefix for c in evil_cells)
    assert str(sheet["A1"].value).endswith(evil)


def test_every_output_text_is_in_both_languages() -> None:
    keys = [k for k in MESSAGES if k.startswith(("schedule.out.", "cli.schedule."))]
    assert len(keys) > 40
    for key in keys:
        indonesian, english = MESSAGES[key]
        assert indonesian.strip() and english.strip(), key


def test_the_grid_gets_a_sunday_column_only_when_a_session_falls_on_one() -> None:
    weekdays = _text(build_schedule_pdf(_group(_rows(2)), "id"))
    assert "Sabtu" in weekdays and "Minggu" not in weekdays  # a week is "Pekan", not "Minggu"
    sunday = replace(_rows(1)[0], session_id=999, day=date(2026, 11, 29))
    text = _text(build_schedule_pdf(_group([*_rows(2), sunday]), "id"))
    assert "Sabtu Minggu" in text and "Pekan 1" in text and "Pekan 2" not in text
