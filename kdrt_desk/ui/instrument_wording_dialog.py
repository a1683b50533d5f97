"""Pasting a validated Indonesian wording of an instrument from its published source: the items
(one per line, counted as they are pasted), the instructions and one line per answer label. The
service stores it as the next version, no longer marked as a working translation."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from kdrt_desk.domain.instruments import Instrument
from kdrt_desk.i18n import t
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.form_dialog import FormDialog
from kdrt_desk.ui.widgets.forms import hint_label, new_form, plain, text_box
from kdrt_desk.ui.widgets.look import HINT, OK, STRONG, mark
from kdrt_desk.wiring import Services

NUMBERED = re.compile(r"^\s*\d{1,2}\s*[.)]\s+")  # "1. ", "2) " at the start of a pasted line
TEXT_LIMIT = 400


def pasted_items(text: str) -> tuple[str, ...]:
    """The items of a pasted text: one per non-empty line, a leading item number dropped."""
    return tuple(NUMBERED.sub("", line).strip() for line in text.splitlines() if line.strip())


class WordingDialog(FormDialog):
    """The validated wording of ``instrument``; ``saved`` carries the new version."""

    def __init__(self, services: Services, runner: TaskRunner, instrument: Instrument,
                 parent: QWidget | None = None) -> None:
        super().__init__(services, runner, parent)
        self.instrument = instrument
        self.setWindowTitle(t("ui.wording.title", code=instrument.code))
        heading = plain(mark(QLabel(f"{instrument.name_id} ({instrument.code})"), STRONG))
        heading.setWordWrap(True)
        intro = QWidget()
        intro_column = QVBoxLayout(intro)
        intro_column.setContentsMargins(0, 0, 0, 0)
        intro_column.addWidget(heading)
        intro_column.addWidget(hint_label(t("ui.wording.intro")))
        if instrument.id_source:
            intro_column.addWidget(hint_label(t("ui.instruments.where")))
            intro_column.addWidget(hint_label(instrument.id_source))

        self.items_box = text_box(220, 16777215)
        self.items_box.setTabChangesFocus(True)
        self.count = QLabel()
        self.items_box.textChanged.connect(self._count_items)
        items_cell = QWidget()
        items_column = QVBoxLayout(items_cell)
        items_column.setContentsMargins(0, 0, 0, 0)
        items_column.setSpacing(2)
        items_column.addWidget(self.items_box)
        items_column.addWidget(self.count)
        self.instructions = QLineEdit()
        self.instructions.setMaxLength(TEXT_LIMIT)
        self.instructions.setPlaceholderText(instrument.instructions_id)
        self.label_edits: list[QLineEdit] = []
        labels_cell = QWidget()
        labels_form = QFormLayout(labels_cell)
        labels_form.setContentsMargins(0, 0, 0, 0)
        labels_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for value, working in zip(range(instrument.scale_min, instrument.scale_max + 1),
                                  instrument.labels_id, strict=False):
            edit = QLineEdit()
            edit.setMaxLength(TEXT_LIMIT)
            edit.setPlaceholderText(working)
            self.label_edits.append(edit)
            labels_form.addRow(t("ui.wording.label_row", value=value), edit)

        form = new_form()
        self.add_field(form, t("ui.wording.items"), "items", items_cell, True,
                       t("ui.wording.items_hint"))
        self.errors.labels["items"].setBuddy(self.items_box)
        self.add_field(form, t("ui.wording.instructions"), "instructions", self.instructions)
        self.add_field(form, t("ui.wording.labels"), "labels", labels_cell, True)
        if self.label_edits:
            self.errors.labels["labels"].setBuddy(self.label_edits[0])
        self._count_items()
        self.finish_layout(form, t("ui.wording.save"), intro, 680)

    def items(self) -> tuple[str, ...]:
        return pasted_items(self.items_box.toPlainText())

    def _count_items(self) -> None:
        count, total = len(self.items()), len(self.instrument.items)
        self.count.setText(t("ui.wording.count", count=count, total=total))
        mark(self.count, OK if count == total else HINT)

    def submit(self) -> None:
        if self.busy:
            return
        instruments = self.services.instruments
        code = self.instrument.code
        items = self.items()
        instructions = self.instructions.text()
        labels = tuple(edit.text() for edit in self.label_edits)
        self.run(lambda: instruments.set_wording(code, items, instructions, labels))
