"""Her progress report PDF, read back with pypdf: her name, modules with attendance and
completion, the skill she passed with its rubric levels in words, her work status, the closing
words chosen from what went well, the scores chart only when it is included, both languages, one
A4 page even with nothing yet, and never a word about her case or the app."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from pypdf import PdfReader

from kdrt_desk.domain.livelihood import BusinessKind, LivelihoodStatus
from kdrt_desk.domain.progress_report import (
    Improvement,
    ModuleLine,
    ProgressReportData,
    ScorePoint,
    ScoreSeries,
    SkillLine,
    WorkStatus,
    improvements,
)
from kdrt_desk.i18n.catalog import MESSAGES
from kdrt_desk.reports.progress_report import closing_words, progress_report_pdf

A4_POINTS = (595.2756, 841.8898)
CENTRE = "Pusat Pemberdayaan Perempuan Sriwijaya"
FORBIDDEN = re.compile(r"kdrt|kekerasan|violence|shelter|risiko|risk|alert|peringatan|"
                       r"skrining|screening|konseling|counsel|kasus|case|pelaku|abuser",
                       re.IGNORECASE)
MODULES = (ModuleLine("SOS-01", "Kelompok dukungan sebaya", 6, 8, True),
           ModuleLine("EKO-02", "Memasak dan usaha makanan", 3, 4, False))
SKILLS = (SkillLine("EKO-02 Memasak dan usaha makanan", date(2026, 11, 25),
                    (("Kebersihan pangan", "Cakap"), ("Menghitung harga jual", "Mandiri"))),)
SCORES = (ScoreSeries("Indeks Kesejahteraan WHO-5", "WHO-5 Well-Being Index", 0, 100, "%",
                      (ScorePoint(date(2026, 9, 5), 44), ScorePoint(date(2026, 10, 20), 56),
                       ScorePoint(date(2026, 12, 1), 68))),)
STATUS = WorkStatus(date(2026, 11, 30), LivelihoodStatus.BUSINESS, BusinessKind.FOOD, 1_500_000)


def _data(scores: tuple[ScoreSeries, ...] = SCORES, status: WorkStatus | None = STATUS,
          for_her: bool = False) -> ProgressReportData:
    return ProgressReportData("Bu Siti", "P-2026-0007", date(2026, 9, 1), date(2026, 12, 3),
                              MODULES, SKILLS, scores, status=status, for_her=for_her,
                              improvements=improvements(MODULES, SKILLS, scores))


def _read(pdf: bytes) -> tuple[str, PdfReader]:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages), reader


def test_the_file_copy_in_indonesian_holds_her_progress() -> None:
    found, reader = _read(progress_report_pdf(_data(), lang="id", centre_name=CENTRE))
    assert len(reader.pages) == 1
    assert [round(float(v), 2) for v in reader.pages[0].mediabox[2:]] == [
        round(v, 2) for v in A4_POINTS]
    for expected in ("Laporan Perkembangan", "Untuk arsip", "Bu Siti", "P-2026-0007",
                     "1 September 2026 – 3 Desember 2026", "SOS-01 Kelompok dukungan sebaya",
                     "6 dari 8 sesi", "3 dari 4 sesi", "✓ Ya", "Belum",
                     "EKO-02 Memasak dan usaha makanan — lulus uji keterampilan, "
                     "25 November 2026", "Kebersihan pangan: Cakap",
                     "Menghitung harga jual: Mandiri",
                     "Menjalankan usaha sendiri: Makanan (dicatat 30 November 2026)",
                     "Pendapatan per bulan: Rp 1.500.000", "Skor dari waktu ke waktu",
                     "Indeks Kesejahteraan WHO-5", "5 Sep 26", "68", "Kata penyemangat",
                     MESSAGES["report.progress.closing.attendance"][0],
                     MESSAGES["report.progress.closing.skills"][0],
                     MESSAGES["report.progress.closing.wellbeing"][0]):
        assert expected in found, expected
    assert not FORBIDDEN.search(found), FORBIDDEN.search(found)
    meta = " ".join(str(v) for v in (reader.metadata or {}).values())
    assert "Laporan perkembangan" in meta
    assert not FORBIDDEN.search(meta) and "Bu Siti" not in meta and CENTRE not in meta


def test_english_and_the_copy_for_her() -> None:
    data = _data(scores=(), for_her=True)
    found, _ = _read(progress_report_pdf(data, lang="en", centre_name=CENTRE))
    for expected in ("Progress Report", "For the participant", "Sessions attended", "6 of 8",
                     "✓ Yes", "Not yet", "skill assessment passed, 25 November 2026",
                     "Running a business of her own: Food (recorded 30 November 2026)",
                     "Words of encouragement"):
        assert expected in found, expected
    for absent in ("Scores over time", "WHO-5", "Skor", "Untuk arsip"):
        assert absent not in found, absent
    # the wellbeing words follow the chart: without the scores they are not chosen
    assert MESSAGES["report.progress.closing.wellbeing"][1] not in found
    assert not FORBIDDEN.search(found)


def test_without_income_no_figure_is_printed() -> None:
    status = WorkStatus(STATUS.recorded_on, STATUS.status, STATUS.business_kind, None)
    found, _ = _read(progress_report_pdf(_data(status=status), lang="id", centre_name=CENTRE))
    assert "Makanan" in found and "Rp" not in found and "Pendapatan" not in found


@pytest.mark.parametrize("lang", ["id", "en"])
def test_nothing_yet_is_still_one_sensible_page(lang: str) -> None:
    data = ProgressReportData("Rina", "P-2026-0100", None, date(2026, 12, 3), for_her=True)
    found, reader = _read(progress_report_pdf(data, lang=lang, centre_name=CENTRE))
    pick = 0 if lang == "id" else 1
    assert len(reader.pages) == 1
    for key in ("report.progress.no_modules", "report.progress.no_skills",
                "report.progress.no_status", "report.progress.closing.start",
                "report.progress.closing.end"):
        assert MESSAGES[key][pick] in found, key
    assert "Rina" in found and not FORBIDDEN.search(found)
    assert data.empty and data.improvements == frozenset()


def test_the_status_section_is_left_out_for_a_role_that_may_not_read_it() -> None:
    data = ProgressReportData("Rina", "P-1", None, date(2026, 12, 3), status_shown=False)
    found, _ = _read(progress_report_pdf(data, lang="id", centre_name=CENTRE))
    assert "Usaha dan pekerjaan" not in found and "Kata penyemangat" in found


def test_the_closing_words_follow_what_went_well() -> None:
    def words(modules: tuple[ModuleLine, ...], skills: tuple[SkillLine, ...],
              scores: tuple[ScoreSeries, ...]) -> str:
        data = ProgressReportData("A", "B", None, date(2026, 12, 3), modules, skills, scores,
                                  improvements=improvements(modules, skills, scores))
        return closing_words(data, "id")

    falling = (ScoreSeries("X", "X", 0, 25, "", (ScorePoint(date(2026, 9, 1), 20),
                                                 ScorePoint(date(2026, 10, 1), 12))),)
    below = (ModuleLine("SOS-01", "", 1, 4, False),)
    assert improvements(below, (), falling) == frozenset()
    assert words(below, (), falling).startswith(MESSAGES["report.progress.closing.start"][0])
    assert improvements(MODULES, (), ()) == {Improvement.ATTENDANCE}
    both = words(MODULES, SKILLS, ())
    assert MESSAGES["report.progress.closing.skills"][0] in both
    assert MESSAGES["report.progress.closing.start"][0] not in both
    assert improvements((), (), SCORES) == {Improvement.WELLBEING}


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError):
        progress_report_pdf(_data(), lang="fr", centre_name=CENTRE)
