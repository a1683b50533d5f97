"""Scoring of the shipped instruments against hand-computed figures: WHO-5's percentage and its
cut-off at raw 13, Rosenberg's reverse-scored items and cut-off at 15, the self-efficacy
scale's prorating of up to three missing items; alert items; the stored form reads back."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kdrt_desk.domain.instruments import GSE, RSE, STANDARD, WHO5, Instrument, Item, score


def test_who5_percentage_and_the_poor_wellbeing_cut_off() -> None:
    twelve = score(WHO5, (3, 3, 3, 2, 1))
    assert (twelve.raw, twelve.value, twelve.band, twelve.flagged) == (12, 48, "poor", True)
    thirteen = score(WHO5, (3, 3, 3, 3, 1))
    assert (thirteen.raw, thirteen.value, thirteen.band, thirteen.flagged) == (
        13, 52, "ok", False)
    assert score(WHO5, (5, 5, 5, 5, 5)).value == 100
    assert score(WHO5, (0, 0, 0, 0, 0)).value == 0


def test_who5_allows_no_missing_item() -> None:
    result = score(WHO5, (5, 5, None, 5, 5))
    assert result.value is None and result.missing == 1 and result.band == ""


def test_rosenberg_reverses_items_2_5_6_8_9() -> None:
    # agreeing strongly with every positive item and disagreeing strongly with every negative
    best = (3, 0, 3, 3, 0, 0, 3, 0, 0, 3)
    assert score(RSE, best).raw == 30
    worst = tuple(3 - a for a in best)
    assert score(RSE, worst).raw == 0
    # "agree" (2) with everything: positives 5 x 2 = 10, negatives reversed 5 x 1 = 5
    middling = score(RSE, (2,) * 10)
    assert (middling.raw, middling.band, middling.flagged) == (15, "normal", False)
    disagree = score(RSE, (1,) * 10)  # positives 5 x 1, negatives reversed (3 - 1) 5 x 2
    assert disagree.raw == 15
    assert score(RSE, (1, 3, 1, 1, 3, 3, 1, 3, 3, 1)).band == "low"  # 5 x 1 + 0 = 5


def test_self_efficacy_prorates_up_to_three_missing_items() -> None:
    full = score(GSE, (3,) * 10)
    assert full.raw == 30 and full.missing == 0
    three = score(GSE, (4, 4, 4, 4, 4, 4, 4, None, None, None))
    assert three.raw == 40 and three.missing == 3  # the mean of the rest stands in
    four = score(GSE, (4,) * 6 + (None,) * 4)
    assert four.value is None and four.missing == 4
    assert GSE.value_range == (10, 40)


def test_an_alert_item_at_or_above_its_level_alerts() -> None:
    custom = replace(WHO5, code="CEK", standard=False, items=(
        *WHO5.items[:4], Item("I thought of hurting myself", "Saya berpikir menyakiti diri",
                              alert_at=3)))
    assert score(custom, (1, 1, 1, 1, 3)).alerts == (5,)
    assert score(custom, (1, 1, 1, 1, 2)).alerts == ()
    assert score(custom, (1, 1, 1, None, 5)).alerts == (5,)  # alerts even when unscored


@pytest.mark.parametrize("instrument", list(STANDARD.values()))
def test_the_stored_definition_reads_back(instrument: Instrument) -> None:
    assert Instrument.from_json(instrument.to_json()) == instrument
    points = instrument.scale_max - instrument.scale_min + 1
    assert len(instrument.labels_en) == len(instrument.labels_id) == points
    assert not instrument.id_validated  # the shipped Indonesian is a working translation
