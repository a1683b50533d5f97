"""The editor of an instrument of the centre's own: its names and instructions in both languages,
the answer scale with a label per point, the items (reverse-scored, alert level), the scoring
rule, the missing-item rule, the bands and the meaningful change. Saving makes the next version
through the service (which checks it); scores already recorded keep the version they used."""

from __future__ import annotations

import math

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kdrt_desk.domain.instruments import Band, Instrument, Item, MissingRule, Scoring
from kdrt_desk.i18n import format_count, t
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.form_dialog import FormDialog
from kdrt_desk.ui.widgets.forms import hint_label, new_form
from kdrt_desk.wiring import Services

TEXT_LIMIT = 400
SCALE_LIMIT = 20
ROW_HEIGHT = 30
GENERAL, ITEMS, SCORING = 0, 1, 2
FIELD_TAB = {"code": GENERAL, "name": GENERAL, "name_id": GENERAL, "name_en": GENERAL,
             "credit": GENERAL, "instructions_id": GENERAL, "instructions_en": GENERAL,
             "scale": ITEMS, "labels": ITEMS, "items": ITEMS, "multiplier": SCORING,
             "value_unit": SCORING, "missing": SCORING, "bands": SCORING,
             "meaningful_change": SCORING}


def line(text: str = "", limit: int = TEXT_LIMIT) -> QLineEdit:
    edit = QLineEdit(text)
    edit.setMaxLength(limit)
    return edit


def parse_number(text: str) -> float | None:
    """A typed number (``2,5`` or ``2.5``); None when empty; ValueError when not a number."""
    stripped = text.strip().replace(",", ".")
    if not stripped:
        return None
    value = float(stripped)
    if not math.isfinite(value):
        raise ValueError(text)
    return value


def shown_number(value: float | None) -> str:
    return "" if value is None else format_count(value)


def editable_table(columns: list[str]) -> QTableWidget:
    """A table whose cells are widgets (line edits, ticks, choices) typed into directly."""
    widget = QTableWidget(0, len(columns))
    widget.setHorizontalHeaderLabels(columns)
    widget.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
    widget.setMinimumHeight(150)
    return widget


class InstrumentEditorDialog(FormDialog):
    """A new instrument (``existing`` None) or the next version of one of the centre's own."""

    def __init__(self, services: Services, runner: TaskRunner,
                 existing: Instrument | None = None, parent: QWidget | None = None) -> None:
        super().__init__(services, runner, parent)
        self.existing = existing
        self.setWindowTitle(t("ui.instrument_editor.title_new") if existing is None else
                            t("ui.instrument_editor.title_edit", code=existing.code))
        self.tabs = QTabWidget()
        self.tabs.addTab(self._general_tab(), t("ui.instrument_editor.tab_general"))
        self.tabs.addTab(self._items_tab(), t("ui.instrument_editor.tab_items"))
        self.tabs.addTab(self._scoring_tab(), t("ui.instrument_editor.tab_scoring"))
        self._fill(existing)
        self.version_note = hint_label(
            t("ui.instrument_editor.first_version") if existing is None else
            t("ui.instrument_editor.new_version", version=existing.version + 1))
        self.make_buttons(t("ui.instrument_editor.save"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.version_note)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.resize(860, 640)

    # -- the tabs ---------------------------------------------------------------------------
    def _general_tab(self) -> QWidget:
        page = QWidget()
        form = new_form(page)
        self.code = line(limit=20)
        self.name_id = line(limit=200)
        self.name_en = line(limit=200)
        self.credit = line()
        self.instructions_id = line()
        self.instructions_en = line()
        self.add_field(form, t("ui.instrument_editor.code"), "code", self.code, True,
                       t("ui.instrument_editor.code_hint"))
        self.add_field(form, t("ui.instrument_editor.name_id"), "name", self.name_id, True)
        self.errors.labels["name_id"] = self.errors.labels["name"]
        self.add_field(form, t("ui.instrument_editor.name_en"), "name_en", self.name_en, True)
        self.add_field(form, t("ui.instrument_editor.credit"), "credit", self.credit)
        self.add_field(form, t("ui.instrument_editor.instructions_id"), "instructions_id",
                       self.instructions_id)
        self.add_field(form, t("ui.instrument_editor.instructions_en"), "instructions_en",
                       self.instructions_en)
        return page

    def _items_tab(self) -> QWidget:
        page = QWidget()
        form = new_form(page)
        self.scale_min = QSpinBox()
        self.scale_min.setRange(0, SCALE_LIMIT)
        self.scale_max = QSpinBox()
        self.scale_max.setRange(0, SCALE_LIMIT)
        scale = QWidget()
        row = QHBoxLayout(scale)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.scale_min)
        row.addWidget(QLabel(t("ui.instrument_editor.scale_until")))
        row.addWidget(self.scale_max)
        row.addStretch(1)
        self.labels = editable_table([t("ui.instrument_editor.col_value"),
                                      t("ui.instrument_editor.col_label_id"),
                                      t("ui.instrument_editor.col_label_en")])
        self.labels.verticalHeader().hide()  # the value column says which answer it is
        header = self.labels.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.items = editable_table([t("ui.instrument_editor.col_text_id"),
                                     t("ui.instrument_editor.col_text_en"),
                                     t("ui.instrument_editor.col_reverse"),
                                     t("ui.instrument_editor.col_alert")])
        header = self.items.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.items.setMinimumHeight(200)
        self.add_item_button = QPushButton(t("ui.instrument_editor.add_item"))
        self.add_item_button.clicked.connect(lambda: self.add_item())
        self.remove_item_button = QPushButton(t("ui.instrument_editor.remove_item"))
        self.remove_item_button.clicked.connect(lambda: self._remove_row(self.items))
        items_cell = QWidget()
        column = QVBoxLayout(items_cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.items, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_item_button)
        buttons.addWidget(self.remove_item_button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        self.add_field(form, t("ui.instrument_editor.scale"), "scale", scale, True)
        self.add_field(form, t("ui.instrument_editor.labels"), "labels", self.labels, True)
        self.add_field(form, t("ui.instrument_editor.items"), "items", items_cell, True,
                       t("ui.instrument_editor.alert_hint"))
        self.errors.labels["items"].setBuddy(self.items)
        self.scale_min.valueChanged.connect(self._scale_changed)
        self.scale_max.valueChanged.connect(self._scale_changed)
        return page

    def _scoring_tab(self) -> QWidget:
        page = QWidget()
        form = new_form(page)
        self.scoring = QComboBox()
        self.scoring.addItem(t("ui.instrument_editor.scoring_sum"), Scoring.SUM.value)
        self.scoring.addItem(t("ui.instrument_editor.scoring_mean"), Scoring.MEAN.value)
        self.multiplier = QDoubleSpinBox()
        self.multiplier.setRange(0.0, 1000.0)
        self.multiplier.setDecimals(2)
        self.multiplier.setValue(1.0)
        self.multiplier.setMaximumWidth(120)
        self.unit = line(limit=10)
        self.unit.setMaximumWidth(100)
        self.missing = QComboBox()
        self.missing.addItem(t("ui.instrument_editor.missing_none"),
                             MissingRule.NONE_ALLOWED.value)
        self.missing.addItem(t("ui.instrument_editor.missing_prorate"),
                             MissingRule.PRORATE.value)
        self.max_missing = QSpinBox()
        self.max_missing.setRange(0, 59)
        self.max_missing.setSuffix(t("ui.instrument_editor.missing_items"))
        self.missing.currentIndexChanged.connect(self._missing_changed)
        missing = QWidget()
        row = QHBoxLayout(missing)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.missing)
        row.addWidget(self.max_missing)
        row.addStretch(1)
        self.bands = editable_table([t("ui.instrument_editor.col_band_code"),
                                     t("ui.instrument_editor.col_band_id"),
                                     t("ui.instrument_editor.col_band_en"),
                                     t("ui.instrument_editor.col_band_below"),
                                     t("ui.instrument_editor.col_band_flag")])
        header = self.bands.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.ResizeToContents)
        self.add_band_button = QPushButton(t("ui.instrument_editor.add_band"))
        self.add_band_button.clicked.connect(lambda: self.add_band())
        self.remove_band_button = QPushButton(t("ui.instrument_editor.remove_band"))
        self.remove_band_button.clicked.connect(lambda: self._remove_row(self.bands))
        bands_cell = QWidget()
        column = QVBoxLayout(bands_cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.bands, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_band_button)
        buttons.addWidget(self.remove_band_button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        self.change = line(limit=12)
        self.change.setMaximumWidth(120)
        self.add_field(form, t("ui.instrument_editor.scoring"), "scoring", self.scoring)
        self.add_field(form, t("ui.instrument_editor.multiplier"), "multiplier",
                       self.multiplier, hint=t("ui.instrument_editor.multiplier_hint"))
        self.add_field(form, t("ui.instrument_editor.unit"), "value_unit", self.unit)
        self.add_field(form, t("ui.instrument_editor.missing"), "missing", missing)
        self.add_field(form, t("ui.instrument_editor.bands"), "bands", bands_cell,
                       hint=t("ui.instrument_editor.bands_hint"))
        self.errors.labels["bands"].setBuddy(self.bands)
        self.add_field(form, t("ui.instrument_editor.change"), "meaningful_change",
                       self.change, hint=t("ui.instrument_editor.change_hint"))
        return page

    # -- filling ----------------------------------------------------------------------------
    def _fill(self, existing: Instrument | None) -> None:
        if existing is None:
            self.scale_min.setValue(0)
            self.scale_max.setValue(3)
            self._scale_changed()
            self.add_item()
            self._missing_changed()
            return
        self.code.setText(existing.code)
        self.code.setEnabled(False)
        self.name_id.setText(existing.name_id)
        self.name_en.setText(existing.name_en)
        self.credit.setText(existing.credit)
        self.instructions_id.setText(existing.instructions_id)
        self.instructions_en.setText(existing.instructions_en)
        self.scale_min.blockSignals(True)
        self.scale_min.setValue(existing.scale_min)
        self.scale_min.blockSignals(False)
        self.scale_max.setValue(existing.scale_max)
        self._scale_changed()
        for number in range(self.labels.rowCount()):
            if number < len(existing.labels_id):
                self._cell_line(self.labels, number, 1).setText(existing.labels_id[number])
            if number < len(existing.labels_en):
                self._cell_line(self.labels, number, 2).setText(existing.labels_en[number])
        for item in existing.items:
            self.add_item(item)
        self.scoring.setCurrentIndex(max(0, self.scoring.findData(existing.scoring.value)))
        self.multiplier.setValue(existing.multiplier)
        self.unit.setText(existing.value_unit)
        self.missing.setCurrentIndex(max(0, self.missing.findData(existing.missing_rule.value)))
        self.max_missing.setValue(existing.max_missing)
        self._missing_changed()
        for band in existing.bands:
            self.add_band(band)
        self.change.setText(shown_number(existing.meaningful_change))

    def _scale_changed(self) -> None:
        """One label row per answer point (texts kept by value); the alert choices follow."""
        kept: dict[int, tuple[str, str]] = {}
        for number in range(self.labels.rowCount()):
            value = int(self._cell_label(self.labels, number, 0).text())
            kept[value] = (self._cell_line(self.labels, number, 1).text(),
                           self._cell_line(self.labels, number, 2).text())
        low, high = self.scale_min.value(), self.scale_max.value()
        values = list(range(low, high + 1))
        self.labels.setRowCount(len(values))
        for number, value in enumerate(values):
            text_id, text_en = kept.get(value, ("", ""))
            self.labels.setCellWidget(number, 0, QLabel(str(value)))
            self.labels.setCellWidget(number, 1, line(text_id))
            self.labels.setCellWidget(number, 2, line(text_en))
        for number in range(self.items.rowCount()):
            combo = self.alert_combo(number)
            chosen = combo.currentData()
            self._fill_alert(combo, chosen)

    def _fill_alert(self, combo: QComboBox, chosen: object) -> None:
        combo.clear()
        combo.addItem(t("ui.instrument_editor.alert_none"), None)
        for value in range(self.scale_min.value(), self.scale_max.value() + 1):
            combo.addItem(str(value), value)
        found = combo.findData(chosen) if chosen is not None else 0
        combo.setCurrentIndex(max(0, found))

    def _missing_changed(self) -> None:
        self.max_missing.setEnabled(self.missing.currentData() == MissingRule.PRORATE.value)

    def add_item(self, item: Item | None = None) -> int:
        row = self.items.rowCount()
        self.items.insertRow(row)
        self.items.setCellWidget(row, 0, line(item.text_id if item else ""))
        self.items.setCellWidget(row, 1, line(item.text_en if item else ""))
        reverse = QCheckBox()
        reverse.setChecked(bool(item and item.reverse))
        self.items.setCellWidget(row, 2, reverse)
        combo = QComboBox()
        self._fill_alert(combo, item.alert_at if item else None)
        self.items.setCellWidget(row, 3, combo)
        return row

    def add_band(self, band: Band | None = None) -> int:
        row = self.bands.rowCount()
        self.bands.insertRow(row)
        self.bands.setCellWidget(row, 0, line(band.code if band else "", 40))
        self.bands.setCellWidget(row, 1, line(band.label_id if band else ""))
        self.bands.setCellWidget(row, 2, line(band.label_en if band else ""))
        self.bands.setCellWidget(row, 3, line(shown_number(band.below) if band else "", 12))
        flag = QCheckBox()
        flag.setChecked(bool(band and band.flag))
        self.bands.setCellWidget(row, 4, flag)
        return row

    def _remove_row(self, table: QTableWidget) -> None:
        row = table.currentRow()
        if row < 0:
            row = table.rowCount() - 1
        if row >= 0:
            table.removeRow(row)

    # -- cells (for reading, and for tests that type into them) ------------------------------
    def _cell_line(self, table: QTableWidget, row: int, column: int) -> QLineEdit:
        widget = table.cellWidget(row, column)
        assert isinstance(widget, QLineEdit)
        return widget

    def _cell_label(self, table: QTableWidget, row: int, column: int) -> QLabel:
        widget = table.cellWidget(row, column)
        assert isinstance(widget, QLabel)
        return widget

    def _cell_box(self, table: QTableWidget, row: int, column: int) -> QCheckBox:
        widget = table.cellWidget(row, column)
        assert isinstance(widget, QCheckBox)
        return widget

    def item_text(self, row: int, lang: str) -> QLineEdit:
        return self._cell_line(self.items, row, 0 if lang == "id" else 1)

    def reverse_box(self, row: int) -> QCheckBox:
        return self._cell_box(self.items, row, 2)

    def alert_combo(self, row: int) -> QComboBox:
        widget = self.items.cellWidget(row, 3)
        assert isinstance(widget, QComboBox)
        return widget

    def label_edit(self, row: int, lang: str) -> QLineEdit:
        return self._cell_line(self.labels, row, 1 if lang == "id" else 2)

    def band_edit(self, row: int, column: int) -> QLineEdit:
        return self._cell_line(self.bands, row, column)

    def band_flag(self, row: int) -> QCheckBox:
        return self._cell_box(self.bands, row, 4)

    # -- saving -----------------------------------------------------------------------------
    def collect(self) -> Instrument | dict[str, str]:
        """The instrument as typed, or the messages of what is not a number."""
        problems: dict[str, str] = {}
        items = []
        for row in range(self.items.rowCount()):
            alert = self.alert_combo(row).currentData()
            items.append(Item(text_en=self.item_text(row, "en").text(),
                              text_id=self.item_text(row, "id").text(),
                              reverse=self.reverse_box(row).isChecked(),
                              alert_at=None if alert is None else int(alert)))
        bands = []
        for row in range(self.bands.rowCount()):
            try:
                below = parse_number(self.band_edit(row, 3).text())
            except ValueError:
                problems["bands"] = t("ui.instrument_editor.band_not_a_number", number=row + 1)
                below = None
            bands.append(Band(code=self.band_edit(row, 0).text().strip(),
                              label_en=self.band_edit(row, 2).text(),
                              label_id=self.band_edit(row, 1).text(),
                              below=below, flag=self.band_flag(row).isChecked()))
        try:
            change = parse_number(self.change.text())
        except ValueError:
            problems["meaningful_change"] = t("ui.instrument_editor.not_a_number")
            change = None
        if problems:
            return problems
        rows = range(self.labels.rowCount())
        existing = self.existing
        return Instrument(
            code=self.code.text().strip(),
            version=existing.version + 1 if existing is not None else 1,
            name_en=self.name_en.text(), name_id=self.name_id.text(),
            credit=self.credit.text(),
            instructions_en=self.instructions_en.text(),
            instructions_id=self.instructions_id.text(),
            items=tuple(items),
            scale_min=self.scale_min.value(), scale_max=self.scale_max.value(),
            labels_en=tuple(self.label_edit(r, "en").text() for r in rows),
            labels_id=tuple(self.label_edit(r, "id").text() for r in rows),
            scoring=Scoring(self.scoring.currentData()),
            multiplier=self.multiplier.value(),
            missing_rule=MissingRule(self.missing.currentData()),
            max_missing=self.max_missing.value()
            if self.missing.currentData() == MissingRule.PRORATE.value else 0,
            bands=tuple(bands), meaningful_change=change,
            value_unit=self.unit.text().strip(),
            # the centre writes its own instrument in Indonesian: not a working translation
            id_validated=True, id_source="", standard=False)

    def show_errors(self, errors: dict[str, str]) -> None:
        """The messages by their fields, and the first tab holding one brought forward."""
        super().show_errors(errors)
        tabs = sorted(FIELD_TAB[f] for f in errors if f in FIELD_TAB)
        if tabs:
            self.tabs.setCurrentIndex(tabs[0])

    def submit(self) -> None:
        if self.busy:
            return
        collected = self.collect()
        if isinstance(collected, dict):
            self.show_errors(collected)
            return
        instruments = self.services.instruments
        self.run(lambda: instruments.save_custom(collected))
