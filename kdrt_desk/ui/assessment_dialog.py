"""Fast entry of one assessment for one participant: choose the instrument, round and date, then
one item at a time: a key per answer (the number shown on its button) and the next item follows;
"-" leaves an item out, Backspace goes back. The service scores it when saved: no score is typed
or shown before then.

The items are shown as plain text. An Indonesian wording that is still the working translation
says so above the items, as it does on the paper form.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kdrt_desk.domain.assessment import AssessmentInput, Round
from kdrt_desk.domain.instruments import Instrument
from kdrt_desk.i18n import label, language, t
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.form_dialog import FormDialog
from kdrt_desk.ui.form_widgets import from_qdate
from kdrt_desk.ui.widgets.forms import date_edit, fit_height, new_form, plain
from kdrt_desk.ui.widgets.look import HINT, NOTICE, SECTION, STRONG, mark
from kdrt_desk.wiring import Services

SKIP_KEYS = (Qt.Key.Key_Minus, Qt.Key.Key_Delete)
BACK_KEYS = (Qt.Key.Key_Backspace, Qt.Key.Key_Left, Qt.Key.Key_PageUp)
FORWARD_KEYS = (Qt.Key.Key_Right, Qt.Key.Key_PageDown)


class AnswerPad(QWidget):
    """The items one at a time, with a button per answer; keys choose, skip and go back."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.instrument: Instrument | None = None
        self.answers: list[int | None] = []
        self.answered: list[bool] = []
        self.index = 0
        self.position = mark(QLabel(), SECTION)
        self.item_text = plain(mark(QLabel(), STRONG))
        self.item_text.setWordWrap(True)
        self.item_text.setMinimumHeight(48)
        self.choices = QVBoxLayout()
        self.group = QButtonGroup(self)
        self.group.setExclusive(False)
        self.group.idClicked.connect(self.choose)
        self.skip_button = QPushButton(t("ui.assessment.skip"))
        self.skip_button.clicked.connect(self.skip)
        self.back_button = QPushButton(t("ui.assessment.back"))
        self.back_button.clicked.connect(self.back)
        self.keys_hint = mark(QLabel(), HINT)
        self.keys_hint.setWordWrap(True)
        self.summary = plain(QLabel())
        self.summary.setWordWrap(True)
        moves = QHBoxLayout()
        moves.addWidget(self.back_button)
        moves.addWidget(self.skip_button)
        moves.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.position)
        layout.addWidget(self.item_text)
        layout.addLayout(self.choices)
        layout.addLayout(moves)
        layout.addWidget(self.keys_hint)
        layout.addWidget(self.summary)

    def load(self, instrument: Instrument) -> None:
        self.instrument = instrument
        count = len(instrument.items)
        self.answers = [None] * count
        self.answered = [False] * count
        self.index = 0
        for button in self.group.buttons():
            self.group.removeButton(button)
            button.deleteLater()
        labels = instrument.labels_id if language() == "id" else instrument.labels_en
        for value, words in zip(range(instrument.scale_min, instrument.scale_max + 1), labels,
                                strict=True):
            button = QPushButton(f"{value}   {words}")
            button.setCheckable(True)
            button.setMinimumHeight(32)
            button.setStyleSheet("text-align: left; padding: 6px 10px;")
            self.group.addButton(button, value)
            self.choices.addWidget(button)
        self.keys_hint.setText(t("ui.assessment.keys", low=instrument.scale_min,
                                 high=min(instrument.scale_max, 9)))
        self._show()

    @property
    def complete(self) -> bool:
        return bool(self.answered) and all(self.answered)

    def choose(self, value: int) -> None:
        if self.instrument is None:
            return
        self._set(value)

    def skip(self) -> None:
        if self.instrument is not None:
            self._set(None)

    def back(self) -> None:
        if self.index > 0:
            self.index -= 1
            self._show()

    def forward(self) -> None:
        if self.index < len(self.answers) - 1 and self.answered[self.index]:
            self.index += 1
            self._show()

    def _set(self, value: int | None) -> None:
        self.answers[self.index] = value
        self.answered[self.index] = True
        if self.index < len(self.answers) - 1:
            self.index += 1
        self._show()
        self.changed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        instrument = self.instrument
        key = event.key()
        if instrument is not None and Qt.Key.Key_0 <= key <= Qt.Key.Key_9:
            value = key - Qt.Key.Key_0
            if instrument.scale_min <= value <= instrument.scale_max:
                self.choose(value)
            return
        if key in SKIP_KEYS:
            self.skip()
        elif key in BACK_KEYS:
            self.back()
        elif key in FORWARD_KEYS:
            self.forward()
        else:
            super().keyPressEvent(event)

    def _show(self) -> None:
        instrument = self.instrument
        if instrument is None:
            return
        item = instrument.items[self.index]
        self.position.setText(t("ui.assessment.position", number=self.index + 1,
                                count=len(instrument.items)))
        self.item_text.setText(item.text_id if language() == "id" else item.text_en)
        current = self.answers[self.index] if self.answered[self.index] else None
        for button in self.group.buttons():
            button.setChecked(self.group.id(button) == current)
        self.back_button.setEnabled(self.index > 0)
        shown = [("–" if a is None else str(a)) if done else "·"
                 for a, done in zip(self.answers, self.answered, strict=True)]
        missing = sum(1 for a, done in zip(self.answers, self.answered, strict=True)
                      if done and a is None)
        self.summary.setText(t("ui.assessment.so_far", answers=" ".join(shown),
                               missing=missing))


class AssessmentDialog(FormDialog):
    """New assessment of ``participant_id``; ``saved`` carries the scored ``AssessmentView``."""

    def __init__(self, services: Services, runner: TaskRunner, participant_id: int,
                 instruments: list[Instrument], round_: Round = Round.BASELINE,
                 group_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(services, runner, parent)
        self.participant_id = participant_id
        self.group_id = group_id
        self.setWindowTitle(t("ui.assessment.title"))
        self.instruments = instruments
        self.instrument = QComboBox()
        for instrument in instruments:
            self.instrument.addItem(instrument.name(language()), instrument.code)
        self.round = QComboBox()
        for value in Round:
            self.round.addItem(label(value), value.value)
        self.round.setCurrentIndex(list(Round).index(round_))
        self.day = date_edit(date.today())
        self.working = mark(QLabel(t("ui.assessment.working_translation")), NOTICE)
        self.working.setWordWrap(True)
        self.instructions = plain(mark(QLabel(), HINT))
        self.instructions.setWordWrap(True)
        self.pad = AnswerPad()
        self.pad.changed.connect(self._update)
        form = new_form()
        self.add_field(form, t("ui.assessment.instrument"), "instrument", self.instrument, True)
        self.add_field(form, t("ui.assessment.round"), "round", self.round, True)
        self.add_field(form, t("ui.assessment.date"), "assessed_on", self.day, True)
        self.finish_layout(form, t("ui.assessment.save"), width=620,
                           below=[self.working, self.instructions, self.pad])
        self.instrument.currentIndexChanged.connect(self._instrument_chosen)
        self._instrument_chosen()

    def chosen(self) -> Instrument:
        return self.instruments[max(self.instrument.currentIndex(), 0)]

    def _instrument_chosen(self) -> None:
        instrument = self.chosen()
        self.working.setVisible(language() == "id" and not instrument.id_validated)
        self.instructions.setText(instrument.instructions_id if language() == "id"
                                  else instrument.instructions_en)
        self.pad.load(instrument)
        self.pad.setFocus()
        self._update()
        fit_height(self)

    def _update(self) -> None:
        ok = self.buttons.button(self.buttons.StandardButton.Ok)
        ok.setEnabled(self.pad.complete)
        ok.setToolTip("" if self.pad.complete else t("ui.assessment.not_complete"))
        if self.pad.complete:
            ok.setDefault(True)

    def collect(self) -> AssessmentInput:
        return AssessmentInput(self.participant_id, self.chosen().code,
                               str(self.round.currentData()), from_qdate(self.day.date()),
                               tuple(self.pad.answers), self.group_id)

    def submit(self) -> None:
        if not self.pad.complete:
            return
        data = self.collect()
        assessments = self.services.assessments
        self.run(lambda: assessments.record(data))
