"""Assessment instruments (WHO-5, the General Self-Efficacy Scale, Rosenberg's Self-Esteem Scale
and the centre's own) and how an answer sheet is scored: reverse-scored items, the missing-item
rule, the bands and the alert items. Qt-free and free of the database: the service stores the
answers and the score this module computes, never a typed score.

The Indonesian wording shipped here is the developers' working translation ("terjemahan kerja"):
it is marked as such on the screen, the paper form and in reports until the admin pastes in a
validated Indonesian version from its published source (``InstrumentService.set_wording``).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, replace
from enum import StrEnum
from typing import Any


class Scoring(StrEnum):
    SUM = "sum"  # the item scores added (a prorated sum when items are missing)
    MEAN = "mean"  # their mean


class MissingRule(StrEnum):
    NONE_ALLOWED = "none"  # any missing item: no score
    PRORATE = "prorate"  # up to ``max_missing`` missing: the mean of the rest stands in


@dataclass(frozen=True)
class Item:
    text_en: str
    text_id: str
    reverse: bool = False
    alert_at: int | None = None  # an answer at or above this raises an alert at once


@dataclass(frozen=True)
class Band:
    """The band of a score below ``below`` (None: every score left); bands in rising order."""

    code: str
    label_en: str
    label_id: str
    below: float | None = None
    flag: bool = False  # a band that needs attention (poor wellbeing, low self-esteem)


@dataclass(frozen=True)
class Instrument:
    code: str
    version: int
    name_en: str
    name_id: str
    credit: str
    instructions_en: str
    instructions_id: str
    items: tuple[Item, ...]
    scale_min: int
    scale_max: int
    labels_en: tuple[str, ...]  # one per answer from scale_min to scale_max
    labels_id: tuple[str, ...]
    scoring: Scoring = Scoring.SUM
    multiplier: float = 1.0  # the reported value = the score times this (WHO-5: percent)
    missing_rule: MissingRule = MissingRule.NONE_ALLOWED
    max_missing: int = 0
    bands: tuple[Band, ...] = ()
    # on the reported value; WHO-5's 10 points is the authors'; the others' are the
    # developers' starting points (about 10 % of the range), which the centre can change
    meaningful_change: float | None = None
    value_unit: str = ""  # "%" for WHO-5
    id_validated: bool = False  # the Indonesian wording is a validated published version
    id_source: str = ""  # where the admin finds the validated Indonesian version
    standard: bool = True

    @property
    def value_range(self) -> tuple[float, float]:
        count = len(self.items)
        if self.scoring == Scoring.MEAN:
            low, high = float(self.scale_min), float(self.scale_max)
        else:
            low, high = float(self.scale_min * count), float(self.scale_max * count)
        return low * self.multiplier, high * self.multiplier

    def name(self, lang: str) -> str:
        return self.name_id if lang == "id" else self.name_en

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> Instrument:
        data: dict[str, Any] = json.loads(text)
        data["items"] = tuple(Item(**i) for i in data["items"])
        data["bands"] = tuple(Band(**b) for b in data.get("bands", ()))
        data["labels_en"] = tuple(data["labels_en"])
        data["labels_id"] = tuple(data["labels_id"])
        data["scoring"] = Scoring(data.get("scoring", "sum"))
        data["missing_rule"] = MissingRule(data.get("missing_rule", "none"))
        return cls(**data)

    def with_wording(self, version: int, items_id: tuple[str, ...], instructions_id: str,
                     labels_id: tuple[str, ...]) -> Instrument:
        """The next version with a validated Indonesian wording (scoring unchanged)."""
        items = tuple(replace(item, text_id=text) for item, text in zip(self.items, items_id,
                                                                        strict=True))
        return replace(self, version=version, items=items, instructions_id=instructions_id,
                       labels_id=labels_id, id_validated=True)


@dataclass(frozen=True)
class Score:
    raw: float | None  # the sum or mean of the item scores (reversed where marked)
    value: float | None  # what is reported (raw times the multiplier); None: too many missing
    band: str  # the band's code; "" without bands or without a value
    missing: int
    flagged: bool = False
    alerts: tuple[int, ...] = field(default=())  # 1-based numbers of the items that alerted

    def to_json(self) -> dict[str, object]:
        return {"raw": self.raw, "value": self.value, "band": self.band,
                "missing": self.missing, "flagged": self.flagged, "alerts": list(self.alerts)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Score:
        return cls(data.get("raw"), data.get("value"), str(data.get("band", "")),
                   int(data.get("missing", 0)), bool(data.get("flagged", False)),
                   tuple(int(a) for a in data.get("alerts", ())))


def item_score(instrument: Instrument, item: Item, answer: int) -> int:
    return instrument.scale_min + instrument.scale_max - answer if item.reverse else answer


def score(instrument: Instrument, answers: tuple[int | None, ...]) -> Score:
    """The score of a checked answer sheet (``check_answers`` first)."""
    scores = [item_score(instrument, item, a)
              for item, a in zip(instrument.items, answers, strict=True) if a is not None]
    alerts = tuple(n for n, (item, a) in enumerate(zip(instrument.items, answers, strict=True),
                                                   start=1)
                   if a is not None and item.alert_at is not None and a >= item.alert_at)
    missing = len(answers) - len(scores)
    allowed = 0 if instrument.missing_rule == MissingRule.NONE_ALLOWED else instrument.max_missing
    if not scores or missing > allowed:
        return Score(None, None, "", missing, False, alerts)
    mean = sum(scores) / len(scores)
    raw = mean if instrument.scoring == Scoring.MEAN else (
        float(sum(scores)) if missing == 0 else mean * len(answers))
    raw = round(raw, 2)
    value = round(raw * instrument.multiplier, 2)
    band = band_of(instrument, value)
    return Score(raw, value, band.code if band else "", missing,
                 band.flag if band else False, alerts)


def band_of(instrument: Instrument, value: float) -> Band | None:
    for band in instrument.bands:
        if band.below is None or value < band.below:
            return band
    return None


def band_label(instrument: Instrument, code: str, lang: str) -> str:
    for band in instrument.bands:
        if band.code == code:
            return band.label_id if lang == "id" else band.label_en
    return ""


WHO5 = Instrument(
    code="WHO5", version=1,
    name_en="WHO-5 Well-Being Index", name_id="Indeks Kesejahteraan WHO-5",
    credit="WHO-5 Well-Being Index, © Psychiatric Research Unit, WHO Collaborating Centre in "
           "Mental Health, Frederiksborg General Hospital. Free to use.",
    instructions_en="Please indicate for each of the five statements which is closest to how "
                    "you have been feeling over the last two weeks.",
    instructions_id="Untuk setiap pernyataan, pilih yang paling mendekati perasaan Ibu selama "
                    "dua minggu terakhir.",
    items=(
        Item("I have felt cheerful and in good spirits", "Saya merasa ceria dan bersemangat"),
        Item("I have felt calm and relaxed", "Saya merasa tenang dan santai"),
        Item("I have felt active and vigorous", "Saya merasa aktif dan bertenaga"),
        Item("I woke up feeling fresh and rested", "Saya bangun tidur dengan perasaan segar "
             "dan cukup istirahat"),
        Item("My daily life has been filled with things that interest me",
             "Kehidupan saya sehari-hari dipenuhi hal-hal yang menarik bagi saya"),
    ),
    scale_min=0, scale_max=5,
    labels_en=("At no time", "Some of the time", "Less than half of the time",
               "More than half of the time", "Most of the time", "All of the time"),
    labels_id=("Tidak pernah", "Kadang-kadang", "Kurang dari separuh waktu",
               "Lebih dari separuh waktu", "Hampir setiap saat", "Setiap saat"),
    multiplier=4.0, value_unit="%",
    bands=(Band("poor", "Poor wellbeing (raw score below 13)", "Kesejahteraan rendah (skor "
                "mentah di bawah 13)", below=52.0, flag=True),
           Band("ok", "No sign of poor wellbeing", "Tidak ada tanda kesejahteraan rendah")),
    meaningful_change=10.0,
    id_source="Versi bahasa Indonesia WHO-5 tersedia di situs resmi WHO-5 (Psychiatric "
              "Research Unit, Region Hovedstaden: www.psykiatri-regionh.dk/who-5) di bagian "
              "terjemahan.",
)

GSE = Instrument(
    code="GSE", version=1,
    name_en="General Self-Efficacy Scale", name_id="Skala Efikasi Diri Umum",
    credit="General Self-Efficacy Scale, R. Schwarzer & M. Jerusalem (1995). Free to use "
           "with credit.",
    instructions_en="How true is each statement for you?",
    instructions_id="Seberapa benar setiap pernyataan ini bagi Ibu?",
    items=(
        Item("I can always manage to solve difficult problems if I try hard enough.",
             "Saya selalu dapat menyelesaikan masalah yang sulit bila saya berusaha cukup "
             "keras."),
        Item("If someone opposes me, I can find the means and ways to get what I want.",
             "Bila ada yang menentang saya, saya dapat menemukan cara untuk mendapatkan yang "
             "saya inginkan."),
        Item("It is easy for me to stick to my aims and accomplish my goals.",
             "Mudah bagi saya untuk berpegang pada tujuan dan mencapainya."),
        Item("I am confident that I could deal efficiently with unexpected events.",
             "Saya yakin dapat menghadapi kejadian tak terduga dengan baik."),
        Item("Thanks to my resourcefulness, I know how to handle unforeseen situations.",
             "Berkat kecerdikan saya, saya tahu cara menangani keadaan yang tidak terduga."),
        Item("I can solve most problems if I invest the necessary effort.",
             "Saya dapat menyelesaikan sebagian besar masalah bila saya mau berusaha."),
        Item("I can remain calm when facing difficulties because I can rely on my coping "
             "abilities.",
             "Saya tetap tenang menghadapi kesulitan karena saya dapat mengandalkan kemampuan "
             "saya mengatasinya."),
        Item("When I am confronted with a problem, I can usually find several solutions.",
             "Bila menghadapi masalah, biasanya saya dapat menemukan beberapa jalan keluar."),
        Item("If I am in trouble, I can usually think of a solution.",
             "Bila saya dalam kesulitan, biasanya saya dapat memikirkan jalan keluarnya."),
        Item("I can usually handle whatever comes my way.",
             "Biasanya saya dapat menghadapi apa pun yang terjadi pada saya."),
    ),
    scale_min=1, scale_max=4,
    labels_en=("Not at all true", "Hardly true", "Moderately true", "Exactly true"),
    labels_id=("Sama sekali tidak benar", "Hampir tidak benar", "Agak benar", "Sangat benar"),
    missing_rule=MissingRule.PRORATE, max_missing=3,
    meaningful_change=4.0,
    id_source="Versi bahasa Indonesia (Born, Schwarzer & Jerusalem, 1995) tersedia di situs "
              "Ralf Schwarzer (userpage.fu-berlin.de/~health/selfscal.htm), bagian "
              "\"Indonesian\".",
)

RSE = Instrument(
    code="RSE", version=1,
    name_en="Rosenberg Self-Esteem Scale", name_id="Skala Harga Diri Rosenberg",
    credit="Rosenberg Self-Esteem Scale, M. Rosenberg (1965), Society and the Adolescent "
           "Self-Image. Princeton University Press.",
    instructions_en="Below is a list of statements dealing with your general feelings about "
                    "yourself. How much do you agree with each?",
    instructions_id="Berikut pernyataan tentang perasaan Ibu terhadap diri sendiri. Seberapa "
                    "setuju Ibu dengan setiap pernyataan?",
    items=(
        Item("On the whole, I am satisfied with myself.",
             "Secara keseluruhan, saya puas dengan diri saya."),
        Item("At times I think I am no good at all.",
             "Kadang-kadang saya merasa diri saya sama sekali tidak berguna.", reverse=True),
        Item("I feel that I have a number of good qualities.",
             "Saya merasa memiliki sejumlah sifat yang baik."),
        Item("I am able to do things as well as most other people.",
             "Saya mampu melakukan sesuatu sebaik kebanyakan orang."),
        Item("I feel I do not have much to be proud of.",
             "Saya merasa tidak banyak yang dapat saya banggakan.", reverse=True),
        Item("I certainly feel useless at times.",
             "Saya kadang-kadang benar-benar merasa tidak berguna.", reverse=True),
        Item("I feel that I'm a person of worth, at least on an equal plane with others.",
             "Saya merasa diri saya berharga, setidaknya setara dengan orang lain."),
        Item("I wish I could have more respect for myself.",
             "Saya berharap dapat lebih menghargai diri sendiri.", reverse=True),
        Item("All in all, I am inclined to feel that I am a failure.",
             "Secara keseluruhan, saya cenderung merasa diri saya orang yang gagal.",
             reverse=True),
        Item("I take a positive attitude toward myself.",
             "Saya bersikap positif terhadap diri saya."),
    ),
    scale_min=0, scale_max=3,
    labels_en=("Strongly disagree", "Disagree", "Agree", "Strongly agree"),
    labels_id=("Sangat tidak setuju", "Tidak setuju", "Setuju", "Sangat setuju"),
    missing_rule=MissingRule.PRORATE, max_missing=1,
    bands=(Band("low", "Low self-esteem (below 15)", "Harga diri rendah (di bawah 15)",
                below=15.0, flag=True),
           Band("normal", "Self-esteem in the normal range", "Harga diri dalam rentang "
                "normal")),
    meaningful_change=3.0,
    id_source="Adaptasi bahasa Indonesia yang tervalidasi diterbitkan dalam jurnal psikologi "
              "Indonesia (cari \"Rosenberg Self-Esteem Scale adaptasi Indonesia\" di Garuda "
              "Kemdikbud atau Google Scholar); salin kata-katanya persis dari terbitan itu.",
)

STANDARD: dict[str, Instrument] = {i.code: i for i in (WHO5, GSE, RSE)}
