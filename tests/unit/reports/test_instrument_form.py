"""The paper form of an assessment instrument: every item, label, instruction and the credit
read back with pypdf in both languages, the "terjemahan kerja" mark exactly where it belongs,
nothing about violence or the app on it, labels that fit their columns, long forms that flow
over pages with the header repeated, and the service that prints it (audited, refused paths)."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from sqlalchemy import select
from support.constants import CENTRE
from support.team import Team
from support.vault_fixture import VaultFixture

from kdrt_desk.domain.instruments import GSE, RSE, STANDARD, WHO5, Instrument, Item
from kdrt_desk.errors import UserError
from kdrt_desk.i18n.catalog import MESSAGES
from kdrt_desk.models import AuditEntry
from kdrt_desk.reports.fonts import register_fonts
from kdrt_desk.reports.instrument_form import (
    CONTENT_W,
    HEAD_PAD,
    MIN_TEXT_W,
    NO_W,
    answer_columns,
    break_label,
    instrument_form_pdf,
)
from kdrt_desk.security.atomic_file import OutputWriter
from kdrt_desk.services.instrument_forms import InstrumentFormService

A4_POINTS = (595.2756, 841.8898)
CENTRE_NAME = "Pusat Pemberdayaan Perempuan Sriwijaya"
CENTRE_ADDRESS = "Jl. Jenderal Sudirman No. 12, Kec. Ilir Timur I, Palembang"
MARK = "Terjemahan kerja — belum versi tervalidasi"
CASES = [(code, lang) for code in ("WHO5", "GSE", "RSE") for lang in ("id", "en")]


def squeezed(text: str) -> str:
    return "".join(text.split())


def render(instrument: Instrument, lang: str, tmp_path: Path) -> PdfReader:
    path = tmp_path / f"{instrument.code}-{lang}.pdf"
    path.write_bytes(instrument_form_pdf(instrument, lang=lang, centre_name=CENTRE_NAME,
                                         centre_address=CENTRE_ADDRESS))
    return PdfReader(path)


def page_texts(reader: PdfReader) -> list[str]:
    return [squeezed(page.extract_text()) for page in reader.pages]


def labels(instrument: Instrument, lang: str) -> tuple[str, ...]:
    return instrument.labels_id if lang == "id" else instrument.labels_en


def forty_items() -> Instrument:
    items = tuple(Item(f"Statement number {n} about how the last weeks have been for me",
                       f"Pernyataan nomor {n} tentang keadaan saya beberapa minggu terakhir")
                  for n in range(1, 41))
    return replace(GSE, code="CUSTOM40", name_id="Kuesioner Uji Empat Puluh",
                   name_en="Forty Item Test Questionnaire", items=items, standard=False)


@pytest.mark.parametrize(("code", "lang"), CASES)
def test_every_item_label_instruction_and_the_credit_are_on_the_form(
        code: str, lang: str, tmp_path: Path) -> None:
    instrument = STANDARD[code]
    reader = render(instrument, lang, tmp_path)
    assert len(reader.pages) == 1  # five or ten items fit one page
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(A4_POINTS, abs=0.5)
    text = "".join(page_texts(reader))
    numbers = "".join(str(n) for n in range(instrument.scale_min, instrument.scale_max + 1))
    for number, item in enumerate(instrument.items, start=1):
        wording = item.text_id if lang == "id" else item.text_en
        # the item's number, its text, then its boxes with each answer's number in order
        assert f"{number}.{squeezed(wording)}{numbers}" in text, wording
    for label in labels(instrument, lang):
        assert squeezed(label) in text, label
    instructions = instrument.instructions_id if lang == "id" else instrument.instructions_en
    assert squeezed(instructions) in text
    assert squeezed(instrument.credit) in text
    assert squeezed(instrument.name(lang)) in text
    assert squeezed(CENTRE_NAME) in text
    for key in ("ui.instrument_form.code", "ui.instrument_form.date",
                "ui.instrument_form.assessor", "ui.instrument_form.round.baseline",
                "ui.instrument_form.round.midline", "ui.instrument_form.round.endline",
                "ui.instrument_form.round.follow_up_3", "ui.instrument_form.round.follow_up_6"):
        assert squeezed(MESSAGES[key][0 if lang == "id" else 1]) in text, key
    assert squeezed("Halaman 1 dari 1" if lang == "id" else "Page 1 of 1") in text


@pytest.mark.parametrize(("code", "lang"), CASES)
def test_nothing_names_violence_the_app_or_a_participant(code: str, lang: str,
                                                         tmp_path: Path) -> None:
    reader = render(STANDARD[code], lang, tmp_path)
    text = " ".join(page.extract_text() for page in reader.pages).lower()
    for word in ("kdrt", "kekerasan", "violence", "abuse", "nama peserta", "name"):
        assert word not in text, word
    metadata = " ".join(str(v) for v in (reader.metadata or {}).values()).lower()
    assert "kdrt" not in metadata and "kekerasan" not in metadata
    assert STANDARD[code].name(lang).lower() in metadata  # the title: the instrument only


@pytest.mark.parametrize("code", ["WHO5", "GSE", "RSE"])
def test_the_working_translation_mark_is_on_every_indonesian_page_until_validated(
        code: str, tmp_path: Path) -> None:
    instrument = STANDARD[code]
    assert not instrument.id_validated
    indonesian = page_texts(render(instrument, "id", tmp_path))
    # in the header and in the footer of the page
    assert all(page.count(squeezed(MARK)) == 2 for page in indonesian)
    english = "".join(page_texts(render(instrument, "en", tmp_path)))
    assert squeezed(MARK) not in english and "Terjemahan" not in english
    assert "Workingtranslation" not in english
    validated = replace(instrument, id_validated=True)
    assert squeezed(MARK) not in "".join(page_texts(render(validated, "id", tmp_path)))


def test_reverse_scored_items_are_not_marked_on_her_form(tmp_path: Path) -> None:
    assert any(item.reverse for item in RSE.items)
    plain = replace(RSE, code="RSE", items=tuple(replace(i, reverse=False) for i in RSE.items))
    for lang in ("id", "en"):
        (tmp_path / lang).mkdir()
        marked = page_texts(render(RSE, lang, tmp_path / lang))
        assert marked == page_texts(render(plain, lang, tmp_path))


@pytest.mark.parametrize(("code", "lang"), CASES)
def test_answer_labels_fit_their_columns_without_a_word_cut(code: str, lang: str) -> None:
    """Each label breaks at spaces or after a hyphen into lines no wider than its column, and
    the columns leave the item text its room on the page."""
    regular, bold = register_fonts()
    scale = labels(STANDARD[code], lang)
    width, size = answer_columns(scale)
    assert size >= 7.0  # small, but readable
    assert NO_W + MIN_TEXT_W + width * len(scale) <= CONTENT_W + 0.01
    for label in scale:
        lines = break_label(label, bold, size, width - 2 * HEAD_PAD)
        assert "".join(lines).replace(" ", "") == label.replace(" ", "")
        for line in lines:
            assert stringWidth(line, bold, size) <= width - 2 * HEAD_PAD, line
            assert not line.startswith("-")


def test_who5_in_indonesian_breaks_its_long_word_after_the_hyphen() -> None:
    _, bold = register_fonts()
    width, size = answer_columns(WHO5.labels_id)
    lines = break_label("Kadang-kadang", bold, size, width - 2 * HEAD_PAD)
    assert lines == ["Kadang-", "kadang"]
    assert break_label("Setiap saat", bold, size, 500) == ["Setiap saat"]


def test_forty_items_flow_over_pages_with_the_header_repeated(tmp_path: Path) -> None:
    instrument = forty_items()
    reader = render(instrument, "id", tmp_path)
    pages = page_texts(reader)
    assert 2 <= len(pages) <= 5
    column_head = squeezed("No. Pernyataan " + " ".join(instrument.labels_id))
    for number, page in enumerate(pages, start=1):
        assert squeezed(instrument.name_id) in page
        assert squeezed("Kode peserta") in page  # her code can go on every sheet
        assert page.count(squeezed(MARK)) == 2
        assert column_head in page, f"the table's header is not repeated on page {number}"
        assert f"Halaman{number}dari{len(pages)}" in page
        assert squeezed(instrument.credit) in page
    everything = "".join(pages)
    position = 0
    for number, item in enumerate(instrument.items, start=1):
        found = everything.find(f"{number}.{squeezed(item.text_id)}1234", position)
        assert found >= position, f"item {number} missing or out of order"
        assert everything.count(f"{squeezed(item.text_id)}1") == 1
        position = found + 1
    # the date, round and assessor are asked once, on the first page
    assert squeezed("Tindak lanjut 3 bulan") in pages[0]
    assert all(squeezed("Tindak lanjut 3 bulan") not in page for page in pages[1:])


def test_bad_input_is_refused() -> None:
    with pytest.raises(ValueError):
        instrument_form_pdf(WHO5, lang="fr", centre_name=CENTRE_NAME)
    with pytest.raises(ValueError):
        instrument_form_pdf(replace(WHO5, labels_id=WHO5.labels_id[:-1]), lang="id",
                            centre_name=CENTRE_NAME)
    with pytest.raises(ValueError):
        instrument_form_pdf(replace(WHO5, items=()), lang="en", centre_name=CENTRE_NAME)


def test_fonts_are_embedded(tmp_path: Path) -> None:
    reader = render(WHO5, "id", tmp_path)
    resources = reader.pages[0]["/Resources"]
    fonts = [ref.get_object() for ref in resources["/Font"].values()]  # type: ignore[index]
    assert len(fonts) == 2  # the bundled regular and bold faces, nothing else
    for font in fonts:
        assert "/FontFile2" in font["/FontDescriptor"]  # the TrueType data is in the file
        assert re.search(r"\+DejaVuSans(-Bold)?$", str(font["/BaseFont"]))  # a subset


# -- the service that prints it -------------------------------------------------------------------
def test_a_facilitator_prints_a_blank_form_audited_with_the_code_only(
        vault: VaultFixture, tmp_path: Path) -> None:
    team = Team.hired(vault)
    try:
        services = team("fasilitator1")
        db, actor = services.vault.db, services.vault.actor
        forms = InstrumentFormService(db, actor, OutputWriter(services.vault.paths.data_dir))
        out = tmp_path / "out"
        out.mkdir()
        written = forms.write_form(GSE, "id", out / "gse.pdf")
        assert written == (out / "gse.pdf").resolve()
        text = squeezed(" ".join(p.extract_text() for p in PdfReader(written).pages))
        assert squeezed(CENTRE) in text and squeezed(GSE.items[0].text_id) in text
        assert squeezed(MARK) in text
        forms.write_form(WHO5, "en", out / "who5.pdf")
        assert squeezed(WHO5.items[0].text_en) in squeezed(
            PdfReader(out / "who5.pdf").pages[0].extract_text())

        # refused: an existing file without overwrite, the data folder, a missing folder
        before = (out / "gse.pdf").read_bytes()
        with pytest.raises(UserError) as exc:
            forms.write_form(RSE, "id", out / "gse.pdf")
        assert exc.value.key == "error.output_exists"
        assert (out / "gse.pdf").read_bytes() == before
        with pytest.raises(UserError) as exc:
            forms.write_form(RSE, "id", services.vault.paths.data_dir / "rse.pdf")
        assert exc.value.key == "error.output_in_data_folder"
        with pytest.raises(UserError) as exc:
            forms.write_form(RSE, "id", out / "missing" / "rse.pdf")
        assert exc.value.key == "error.output_folder_missing"
        forms.write_form(RSE, "id", out / "gse.pdf", overwrite=True)
        assert squeezed(RSE.items[0].text_id) in squeezed(
            PdfReader(out / "gse.pdf").pages[0].extract_text())
        assert sorted(p.name for p in out.iterdir()) == ["gse.pdf", "who5.pdf"]

        with db.reading() as session:
            entries = session.execute(select(
                AuditEntry.actor, AuditEntry.target, AuditEntry.details).where(
                AuditEntry.action == "form_printed").order_by(AuditEntry.id)).all()
        assert [tuple(e) for e in entries] == [("fasilitator1", "GSE", "{}"),
                                               ("fasilitator1", "WHO5", "{}"),
                                               ("fasilitator1", "RSE", "{}")]
    finally:
        team.close()
