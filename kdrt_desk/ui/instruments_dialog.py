"""The admin's "Instrumen asesmen": every instrument the centre can use, ticked when the programme
uses it, and what the chosen one is (items, scale, scoring, missing rule, bands, and whether its
Indonesian wording is validated, or where to find the validated version). From here the admin
pastes a validated wording, and adds or edits the centre's own instruments."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kdrt_desk.domain.instruments import Instrument, MissingRule, Scoring
from kdrt_desk.i18n import format_count, language, t
from kdrt_desk.security.permissions import Permission
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.form_dialog import FormDialog
from kdrt_desk.ui.instrument_editor_dialog import InstrumentEditorDialog
from kdrt_desk.ui.instrument_wording_dialog import WordingDialog
from kdrt_desk.ui.widgets.forms import FormArea, hint_label, plain
from kdrt_desk.ui.widgets.look import NOTICE, OK, mark
from kdrt_desk.wiring import Services


def scale_text(instrument: Instrument) -> str:
    labels = instrument.labels_id if language() == "id" else instrument.labels_en
    pairs = ", ".join(f"{value} = {text}" for value, text in zip(
        range(instrument.scale_min, instrument.scale_max + 1), labels, strict=False))
    return t("ui.instruments.scale_text", low=instrument.scale_min, high=instrument.scale_max,
             labels=pairs)


def items_text(instrument: Instrument) -> str:
    parts = [t("ui.instruments.items_count", count=len(instrument.items))]
    reverse = [str(n) for n, item in enumerate(instrument.items, start=1) if item.reverse]
    if reverse:
        parts.append(t("ui.instruments.reverse_items", numbers=", ".join(reverse)))
    alerts = [t("ui.instruments.alert_item", number=n, level=item.alert_at)
              for n, item in enumerate(instrument.items, start=1) if item.alert_at is not None]
    if alerts:
        parts.append(t("ui.instruments.alert_items", items=", ".join(alerts)))
    return "; ".join(parts)


def scoring_text(instrument: Instrument) -> str:
    count = len(instrument.items)
    if instrument.scoring == Scoring.MEAN:
        low, high = instrument.scale_min, instrument.scale_max
        base = t("ui.instruments.scoring_mean", low=low, high=high)
    else:
        low, high = instrument.scale_min * count, instrument.scale_max * count
        base = t("ui.instruments.scoring_sum", low=low, high=high)
    if instrument.multiplier == 1.0 and not instrument.value_unit:
        return base
    shown_low, shown_high = instrument.value_range
    unit = f" {instrument.value_unit}" if instrument.value_unit else ""
    return t("ui.instruments.scoring_multiplied", scoring=base,
             multiplier=format_count(instrument.multiplier), low=format_count(shown_low),
             high=format_count(shown_high), unit=unit)


def missing_text(instrument: Instrument) -> str:
    if instrument.missing_rule == MissingRule.PRORATE:
        return t("ui.instruments.missing_prorate", count=instrument.max_missing)
    return t("ui.instruments.missing_none")


def bands_text(instrument: Instrument) -> str:
    if not instrument.bands:
        return t("ui.instruments.bands_none")
    lines = []
    unit = f" {instrument.value_unit}" if instrument.value_unit else ""
    for band in instrument.bands:
        name = band.label_id if language() == "id" else band.label_en
        text = (t("ui.instruments.band_rest", label=name) if band.below is None else
                t("ui.instruments.band_below", label=name,
                  below=format_count(band.below) + unit))
        lines.append(t("ui.instruments.band_flag", band=text) if band.flag else text)
    return "\n".join(lines)


def change_text(instrument: Instrument) -> str:
    if instrument.meaningful_change is None:
        return t("ui.instruments.change_none")
    unit = f" {instrument.value_unit}" if instrument.value_unit else ""
    return f"{format_count(instrument.meaningful_change)}{unit}"


class InstrumentsDialog(FormDialog):
    """The list with its ticks (saved with "Simpan pilihan"), the chosen one's details and the
    ways to a new version. ``saved`` carries the codes in use."""

    loaded = Signal(int)  # instruments shown

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None
                 ) -> None:
        super().__init__(services, runner, parent)
        self.allowed = services.vault.actor.may(Permission.SETTINGS)
        self.instruments: dict[str, Instrument] = {}
        self.order: list[str] = []  # the codes in use, in the admin's order
        self.is_loaded = False
        self.wording_dialog: WordingDialog | None = None
        self.editor_dialog: InstrumentEditorDialog | None = None
        self.setWindowTitle(t("ui.instruments.title"))

        self.list = QListWidget()
        self.list.setMinimumWidth(330)
        self.list.addItem(t("ui.instruments.loading"))

        self.details = QGroupBox(t("ui.instruments.details"))
        inner = QWidget()
        column = QVBoxLayout(inner)  # the details, then the texts below them, all wrapped
        column.setContentsMargins(0, 0, 0, 0)
        form = QGridLayout()  # a grid, not a QFormLayout: that one left wrapped values too
        form.setVerticalSpacing(8)  # little height with large text, their last line cut off
        form.setColumnStretch(1, 1)
        column.addLayout(form)
        box = QVBoxLayout(self.details)  # long texts (large text) scroll, not squeezed
        box.addWidget(FormArea(inner))
        self.fields: dict[str, QLabel] = {}
        for key in ("name", "code", "version", "kind", "credit", "items", "scale", "scoring",
                    "missing", "bands", "change", "wording"):
            value = plain(QLabel())
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields[key] = value
            row = form.rowCount()
            form.addWidget(QLabel(t(f"ui.instruments.{key}")), row, 0,
                           Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            form.addWidget(value, row, 1)
        self.working = mark(QLabel(t("ui.instruments.working")), NOTICE)
        self.working.setWordWrap(True)
        self.where = hint_label(t("ui.instruments.where"))
        self.source = plain(QLabel())
        self.source.setWordWrap(True)
        self.source.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.working_box = QWidget()
        working_column = QVBoxLayout(self.working_box)
        working_column.setContentsMargins(0, 0, 0, 0)
        working_column.addWidget(self.working)
        working_column.addWidget(self.where)
        working_column.addWidget(self.source)
        column.addWidget(self.working_box)
        self.in_use_box = QCheckBox(t("ui.instruments.in_use"))
        self.in_use_box.toggled.connect(self._box_toggled)
        column.addWidget(self.in_use_box)
        column.addStretch(1)

        self.paste_button = QPushButton(t("ui.instruments.paste"))
        self.paste_button.clicked.connect(self.open_wording)
        self.new_button = QPushButton(t("ui.instruments.new"))
        self.new_button.clicked.connect(lambda: self.open_editor(None))
        self.edit_button = QPushButton(t("ui.instruments.edit"))
        self.edit_button.clicked.connect(self._edit_selected)
        actions = QHBoxLayout()
        for button in (self.paste_button, self.new_button, self.edit_button):
            actions.addWidget(button)
        actions.addStretch(1)
        self.status = mark(plain(QLabel()), OK)
        self.status.setWordWrap(True)
        self.status.hide()

        right = QVBoxLayout()
        right.addWidget(self.details, 1)
        right.addLayout(actions)
        top = QHBoxLayout()
        top.addWidget(self.list, 1)
        top.addLayout(right, 2)
        self.make_buttons(t("ui.instruments.save"), t("ui.instruments.close"))
        layout = QVBoxLayout(self)
        layout.addWidget(hint_label(t("ui.instruments.intro")))
        layout.addLayout(top, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.list.currentItemChanged.connect(lambda *_args: self._show_selected())
        self.list.itemChanged.connect(self._tick_changed)
        self._enable()
        self.resize(1000, 680)
        self.reload()

    # -- loading ----------------------------------------------------------------------------
    def reload(self, select: str | None = None) -> None:
        """Fetch the instruments again; ticks not yet saved stay as they are."""
        instruments = self.services.instruments
        keep = select or self.selected_code()
        ticks = self.ticks() if self.is_loaded else None
        self.runner.run(lambda: (instruments.available(),
                                 [i.code for i in instruments.in_use()]),
                        lambda found: self._loaded(found, keep, ticks), self._failed)

    def _loaded(self, found: tuple[list[Instrument], list[str]], select: str | None,
                ticks: dict[str, bool] | None) -> None:
        available, in_use = found
        self.instruments = {i.code: i for i in available}
        if ticks is None:
            self.order = list(in_use)
        self.list.blockSignals(True)
        self.list.clear()
        for instrument in available:
            entry = QListWidgetItem(t("ui.instruments.list_item", name=instrument.name(
                language()), code=instrument.code, version=instrument.version))
            entry.setData(Qt.ItemDataRole.UserRole, instrument.code)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            ticked = ticks.get(instrument.code, instrument.code in in_use) if ticks is not None \
                else instrument.code in in_use
            entry.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            if not self.allowed:
                entry.setFlags(entry.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
            self.list.addItem(entry)
        self.list.blockSignals(False)
        codes = [i.code for i in available]
        row = codes.index(select) if select in codes else 0
        if codes:
            self.list.setCurrentRow(row)
        self.is_loaded = True
        self._show_selected()
        self.loaded.emit(len(available))

    # -- the selection ----------------------------------------------------------------------
    def selected_code(self) -> str | None:
        entry = self.list.currentItem()
        if entry is None or not self.is_loaded:
            return None
        code = entry.data(Qt.ItemDataRole.UserRole)
        return str(code) if code is not None else None

    def selected(self) -> Instrument | None:
        code = self.selected_code()
        return None if code is None else self.instruments.get(code)

    def row_of(self, code: str) -> int:
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == code:
                return row
        return -1

    def ticks(self) -> dict[str, bool]:
        found: dict[str, bool] = {}
        for row in range(self.list.count()):
            entry = self.list.item(row)
            code = entry.data(Qt.ItemDataRole.UserRole)
            if code is not None:
                found[str(code)] = entry.checkState() == Qt.CheckState.Checked
        return found

    def _show_selected(self) -> None:
        instrument = self.selected()
        self.details.setVisible(instrument is not None)
        self._enable()
        if instrument is None:
            return
        lang = language()
        self.fields["name"].setText(instrument.name(lang))
        self.fields["code"].setText(instrument.code)
        self.fields["version"].setText(str(instrument.version))
        self.fields["kind"].setText(t("ui.instruments.kind_standard") if instrument.standard
                                    else t("ui.instruments.kind_custom"))
        self.fields["credit"].setText(instrument.credit)
        self.fields["items"].setText(items_text(instrument))
        self.fields["scale"].setText(scale_text(instrument))
        self.fields["scoring"].setText(scoring_text(instrument))
        self.fields["missing"].setText(missing_text(instrument))
        self.fields["bands"].setText(bands_text(instrument))
        self.fields["change"].setText(change_text(instrument))
        if instrument.id_validated:
            self.fields["wording"].setText(t("ui.instruments.validated") if instrument.standard
                                           else t("ui.instruments.own_wording"))
        else:
            self.fields["wording"].setText("")
        self.working_box.setVisible(not instrument.id_validated)
        self.source.setText(instrument.id_source)
        self.where.setVisible(bool(instrument.id_source))
        self.source.setVisible(bool(instrument.id_source))
        self.fields["wording"].setVisible(instrument.id_validated)
        self.in_use_box.blockSignals(True)
        self.in_use_box.setChecked(self.ticks().get(instrument.code, False))
        self.in_use_box.blockSignals(False)

    def _enable(self) -> None:
        instrument = self.selected()
        chosen = instrument is not None and self.allowed
        self.paste_button.setEnabled(chosen and instrument is not None and (
            instrument.standard or not instrument.id_validated))
        self.edit_button.setEnabled(chosen and instrument is not None and not instrument.standard)
        self.edit_button.setToolTip(t("ui.instruments.edit_standard")
                                    if instrument is not None and instrument.standard else "")
        self.new_button.setEnabled(self.allowed and self.is_loaded)
        self.in_use_box.setEnabled(chosen)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.allowed and self.is_loaded)

    def _tick_changed(self, entry: QListWidgetItem) -> None:
        if entry is self.list.currentItem():
            self.in_use_box.blockSignals(True)
            self.in_use_box.setChecked(entry.checkState() == Qt.CheckState.Checked)
            self.in_use_box.blockSignals(False)

    def _box_toggled(self, checked: bool) -> None:
        entry = self.list.currentItem()
        if entry is not None and self.is_loaded:
            entry.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    # -- the ways to a new version ----------------------------------------------------------
    def open_wording(self) -> None:
        instrument = self.selected()
        if instrument is None:
            return
        dialog = WordingDialog(self.services, self.runner, instrument, self)
        dialog.saved.connect(lambda stored: self._new_version(
            stored, t("ui.instruments.saved_wording", code=stored.code,
                      version=stored.version)))
        self.wording_dialog = dialog
        dialog.open()

    def _edit_selected(self) -> None:
        instrument = self.selected()
        if instrument is not None and not instrument.standard:
            self.open_editor(instrument)

    def open_editor(self, existing: Instrument | None) -> None:
        dialog = InstrumentEditorDialog(self.services, self.runner, existing, self)
        dialog.saved.connect(lambda stored: self._new_version(
            stored, t("ui.instruments.saved_instrument", code=stored.code,
                      version=stored.version)))
        self.editor_dialog = dialog
        dialog.open()

    def _new_version(self, stored: Instrument, message: str) -> None:
        self.status.setText(message)
        self.status.show()
        self.reload(stored.code)

    # -- saving the ticks -------------------------------------------------------------------
    def chosen_codes(self) -> list[str]:
        """The ticked codes: those in use before keep their order, new ones follow."""
        ticked = [code for code, on in self.ticks().items() if on]
        return [c for c in self.order if c in ticked] + [c for c in ticked
                                                         if c not in self.order]

    def submit(self) -> None:
        if self.busy or not self.is_loaded:
            return
        instruments = self.services.instruments
        codes = self.chosen_codes()
        self.run(lambda: instruments.set_in_use(codes))
