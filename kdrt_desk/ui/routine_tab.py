"""Her weekly routine on her record ("Rutinitas mingguan"): the week grid, quick templates,
one-off blocks for single dates, the validity of a block, saved through the routine service.

Shown only to roles that hold the contact key; read-only for a role that may not edit her
record. Nothing typed is lost when the service refuses: the blocks stay and the messages say
which block to fix.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, time

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtGui import QAction, QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMenu,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from kdrt_desk.domain.enums import BlockStrength, RoutineKind
from kdrt_desk.domain.routine import TEMPLATES, OneOffBlock, Routine, RoutineBlock, with_template
from kdrt_desk.errors import UserError, ValidationError
from kdrt_desk.i18n import t
from kdrt_desk.security.permissions import Permission
from kdrt_desk.services.routine_validation import routine_errors
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.form_dialog import FormDialog
from kdrt_desk.ui.form_widgets import OptionalDate, enum_combo, enum_value, from_qdate, set_combo
from kdrt_desk.ui.routine_grid import KindLegend, RoutineGrid, block_words
from kdrt_desk.ui.widgets.errors import ErrorLabel, show_error
from kdrt_desk.ui.widgets.forms import date_edit, hint_label, new_form, plain, scrolled
from kdrt_desk.ui.widgets.look import OK, SECTION, mark, primary
from kdrt_desk.wiring import Services

SIDE_WIDTH = 380


def normalised(routine: Routine) -> Routine:
    """The same routine in one order (so "changed?" does not depend on drawing order)."""
    return Routine(
        tuple(sorted(routine.weekly, key=lambda b: (
            b.weekday, b.start, b.end, str(b.kind), str(b.strength), b.valid_from or date.min,
            b.valid_to or date.max))),
        tuple(sorted(routine.one_off, key=lambda b: (b.day, b.start, b.end, str(b.kind),
                                                     str(b.strength)))))


def _time_edit(value: time) -> QTimeEdit:
    editor = QTimeEdit(QTime(value.hour, value.minute))
    editor.setDisplayFormat("HH.mm")
    return editor


def _time(editor: QTimeEdit) -> time:
    value = editor.time()
    return time(value.hour(), value.minute())


class BlockDialog(FormDialog):
    """One block: its day (a weekday, or a date for a one-off block), hours, kind and
    strength; ``saved`` carries the block (checked like the service checks it)."""

    def __init__(self, services: Services, runner: TaskRunner,
                 block: RoutineBlock | OneOffBlock | None, one_off: bool, kind: RoutineKind,
                 strength: BlockStrength, parent: QWidget | None = None) -> None:
        super().__init__(services, runner, parent)
        self.block = block
        self.one_off = one_off
        new = block is None
        self.setWindowTitle(t("ui.routine.dialog.title_one_off" if one_off
                              else "ui.routine.dialog.title_new" if new
                              else "ui.routine.dialog.title_edit"))
        self.weekday = QComboBox()
        for day in range(7):
            self.weekday.addItem(t(f"calendar.weekday.{day}"), day)
        self.day = date_edit(block.day if isinstance(block, OneOffBlock) else None)
        self.start = _time_edit(block.start if block else time(9))
        self.end = _time_edit(block.end if block else time(11))
        self.kind = enum_combo(RoutineKind)
        self.strength = enum_combo(BlockStrength)
        set_combo(self.kind, block.kind if block else kind)
        set_combo(self.strength, block.strength if block else strength)
        if isinstance(block, RoutineBlock):
            set_combo(self.weekday, block.weekday)
        hours = QWidget()
        row = QHBoxLayout(hours)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.start, 1)
        row.addWidget(QLabel(t("ui.routine.dialog.until")))
        row.addWidget(self.end, 1)
        form = new_form()
        if one_off:
            self.add_field(form, t("ui.routine.dialog.date"), "day", self.day, True)
        else:
            self.add_field(form, t("ui.routine.dialog.weekday"), "weekday", self.weekday, True)
        self.add_field(form, t("ui.routine.dialog.hours"), "end", hours, True)
        self.add_field(form, t("ui.routine.dialog.kind"), "kind", self.kind, True)
        self.add_field(form, t("ui.routine.dialog.strength"), "strength", self.strength, True,
                       t("ui.routine.dialog.strength_hint"))
        self.finish_layout(form, t("ui.routine.dialog.ok"), width=440)

    def collect(self) -> RoutineBlock | OneOffBlock:
        kind = enum_value(self.kind, RoutineKind) or RoutineKind.OTHER
        strength = enum_value(self.strength, BlockStrength) or BlockStrength.CANNOT
        start, end = _time(self.start), _time(self.end)
        if self.one_off:
            return OneOffBlock(from_qdate(self.day.date()), start, end, kind, strength)
        weekday = int(self.weekday.currentData())
        if isinstance(self.block, RoutineBlock):  # keeps its validity period
            return replace(self.block, weekday=weekday, start=start, end=end, kind=kind,
                           strength=strength)
        return RoutineBlock(weekday, start, end, kind, strength)

    def submit(self) -> None:
        block = self.collect()
        routine = (Routine(one_off=(block,)) if isinstance(block, OneOffBlock)
                   else Routine(weekly=(block,)))
        problems = routine_errors(routine)
        if problems:
            self.show_errors({"end": problems[0].message})
            return
        self.on_saved(block)


class RoutineTab(QWidget):
    """``loaded`` once her routine is on screen; ``saved`` with what the service stored."""

    loaded = Signal()
    saved = Signal(object)

    def __init__(self, services: Services, runner: TaskRunner, participant_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.participant_id = participant_id
        self.editable = services.vault.actor.may(Permission.EDIT_PARTICIPANT)
        self.busy = False
        self.stored: Routine | None = None  # what the vault holds, once loaded
        self.one_off: list[OneOffBlock] = []
        self.dialog: BlockDialog | None = None
        self._showing_selection = False
        self._dialog_hidden = False

        self.grid = RoutineGrid()
        self.grid.editable = self.editable
        self.kind = enum_combo(RoutineKind)
        self.kind.setAccessibleName(t("ui.routine.kind"))
        self.strength = enum_combo(BlockStrength)
        self.strength.setAccessibleName(t("ui.routine.strength"))
        self.kind.currentIndexChanged.connect(self._drawing_choice)
        self.strength.currentIndexChanged.connect(self._drawing_choice)
        self.add_button = QPushButton(t("ui.routine.add"))
        self.add_button.clicked.connect(self.open_new_block)
        self.template_button = QPushButton(t("ui.routine.templates"))
        menu = QMenu(self.template_button)
        self.template_actions: dict[str, QAction] = {}
        for template in TEMPLATES:
            action = menu.addAction(t(f"routine.template.{template.key}"))
            action.triggered.connect(lambda _checked=False, k=template.key:
                                     self.apply_template(k))
            self.template_actions[template.key] = action
        self.template_button.setMenu(menu)
        toolbar = QHBoxLayout()
        toolbar.addWidget(QLabel(t("ui.routine.kind")))
        toolbar.addWidget(self.kind)
        toolbar.addWidget(QLabel(t("ui.routine.strength")))
        toolbar.addWidget(self.strength)
        toolbar.addWidget(self.add_button)
        toolbar.addWidget(self.template_button)
        toolbar.addStretch(1)
        self.toolbar = QWidget()
        self.toolbar.setLayout(toolbar)
        toolbar.setContentsMargins(0, 0, 0, 0)
        self.toolbar.setVisible(self.editable)

        self.message = ErrorLabel()
        self.selected_label = plain(QLabel(t("ui.routine.none_selected")))
        self.selected_label.setWordWrap(True)
        self.valid_from = OptionalDate(t("ui.routine.valid_from"))
        self.valid_to = OptionalDate(t("ui.routine.valid_to"))
        for optional in (self.valid_from, self.valid_to):
            optional.known.toggled.connect(self._validity_changed)
            optional.editor.dateChanged.connect(self._validity_changed)
        width = max(o.known.sizeHint().width() for o in (self.valid_from, self.valid_to))
        for optional in (self.valid_from, self.valid_to):
            optional.known.setMinimumWidth(width)  # the two dates line up
        validity = QFormLayout()
        validity.setContentsMargins(0, 0, 0, 0)
        validity.addRow(self.valid_from)
        validity.addRow(self.valid_to)
        self.edit_button = QPushButton(t("ui.routine.edit"))
        self.edit_button.clicked.connect(self.open_selected_block)
        self.remove_button = QPushButton(t("ui.routine.remove"))
        self.remove_button.clicked.connect(self.grid.remove_selected)
        block_buttons = QHBoxLayout()
        block_buttons.addWidget(self.edit_button)
        block_buttons.addWidget(self.remove_button)
        block_buttons.addStretch(1)

        self.one_off_list = QListWidget()
        self.one_off_list.setAccessibleName(t("ui.routine.one_off"))
        self.one_off_list.setMinimumHeight(70)
        self.one_off_list.setWordWrap(True)  # a long line wraps instead of hiding its end
        self.one_off_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.one_off_list.itemSelectionChanged.connect(self._update_buttons)
        self.add_one_off_button = QPushButton(t("ui.routine.one_off_add"))
        self.add_one_off_button.clicked.connect(self.open_new_one_off)
        self.remove_one_off_button = QPushButton(t("ui.routine.one_off_remove"))
        self.remove_one_off_button.clicked.connect(self.remove_one_off)
        one_off_buttons = QHBoxLayout()
        one_off_buttons.addWidget(self.add_one_off_button)
        one_off_buttons.addWidget(self.remove_one_off_button)
        one_off_buttons.addStretch(1)

        self.status = hint_label("")
        self.save_button = primary(QPushButton(t("ui.routine.save")))
        self.save_button.clicked.connect(lambda: self.save())
        save_row = QHBoxLayout()
        save_row.addWidget(self.status, 1)
        save_row.addWidget(self.save_button)

        side = QWidget()
        side.setFixedWidth(SIDE_WIDTH)
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(hint_label(t("ui.routine.intro") if self.editable
                                    else t("ui.routine.intro_read_only")))
        column.addWidget(self.message)
        column.addWidget(mark(QLabel(t("ui.routine.selected")), SECTION))
        column.addWidget(self.selected_label)
        column.addLayout(validity)
        column.addLayout(block_buttons)
        column.addWidget(mark(QLabel(t("ui.routine.one_off")), SECTION))
        column.addWidget(self.one_off_list, 1)
        column.addLayout(one_off_buttons)
        column.addLayout(save_row)

        week = QVBoxLayout()
        week.setContentsMargins(0, 0, 0, 0)
        week.addWidget(self.grid, 1)
        self.legend = KindLegend()
        week.addWidget(self.legend)
        # scrolls when its texts are taller than the tab (large text, a low window)
        side_area = scrolled(side)
        side_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        side_area.setFixedWidth(SIDE_WIDTH + side_area.verticalScrollBar().sizeHint().width())
        body = QHBoxLayout()
        body.addLayout(week, 1)
        body.addWidget(side_area)
        layout = QVBoxLayout(self)
        layout.addWidget(self.toolbar)
        layout.addLayout(body, 1)

        for hidden in (self.edit_button, self.remove_button, self.add_one_off_button,
                       self.remove_one_off_button, self.save_button):
            hidden.setVisible(self.editable)
        self.grid.changed.connect(self._changed)
        self.grid.selection_changed.connect(self._show_selection)
        self.grid.edit_requested.connect(lambda _index: self.open_selected_block())
        self._show_selection(None)
        self.setEnabled(False)
        routines, pid = services.routines, participant_id
        runner.run(lambda: routines.get(pid), self._loaded, self._load_failed)

    # -- loading ------------------------------------------------------------------------------
    def _loaded(self, routine: Routine | None) -> None:
        if not isValid(self):
            return
        found = normalised(routine or Routine())
        self.grid.set_blocks(found.weekly)
        self.one_off = list(found.one_off)
        self._fill_one_off()
        self.stored = found
        self.setEnabled(True)
        self._changed()
        self.loaded.emit()

    def _load_failed(self, exc: BaseException) -> None:
        if isValid(self):
            show_error(self, exc)

    # -- what is on screen ----------------------------------------------------------------------
    def routine(self) -> Routine:
        return Routine(tuple(self.grid.blocks), tuple(self.one_off))

    def has_unsaved_changes(self) -> bool:
        return (self.editable and self.stored is not None
                and normalised(self.routine()) != self.stored)

    def _changed(self) -> None:
        self.message.show_message("")
        unsaved = self.has_unsaved_changes()
        mark(self.status, "" if unsaved else OK)
        self.status.setText(t("ui.routine.unsaved") if unsaved
                            else t("ui.routine.up_to_date") if self.stored is not None else "")
        self._show_selection(self.grid.selected)

    def _drawing_choice(self) -> None:
        self.grid.kind = enum_value(self.kind, RoutineKind) or RoutineKind.WORK
        self.grid.strength = enum_value(self.strength, BlockStrength) or BlockStrength.CANNOT

    def _show_selection(self, index: object) -> None:
        block = self.grid.selected_block()
        self._showing_selection = True
        self.selected_label.setText(block_words(block) if block is not None
                                    else t("ui.routine.none_selected"))
        self.valid_from.set_value(block.valid_from if block else None)
        self.valid_to.set_value(block.valid_to if block else None)
        for optional in (self.valid_from, self.valid_to):
            optional.known.setEnabled(block is not None and self.editable)
            optional.editor.setEnabled(block is not None and self.editable
                                       and optional.known.isChecked())
        self._showing_selection = False
        self._update_buttons()

    def _validity_changed(self) -> None:
        block = self.grid.selected_block()
        if self._showing_selection or block is None or not self.editable:
            return
        self.grid.replace_selected(replace(block, valid_from=self.valid_from.value(),
                                           valid_to=self.valid_to.value()))

    def _update_buttons(self) -> None:
        chosen = self.grid.selected is not None
        self.edit_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)
        self.remove_one_off_button.setEnabled(bool(self.one_off_list.selectedItems()))

    def _fill_one_off(self) -> None:
        self.one_off_list.clear()
        for block in self.one_off:
            self.one_off_list.addItem(block_words(block))
            item = self.one_off_list.item(self.one_off_list.count() - 1)
            item.setToolTip(item.text())
        self._update_buttons()

    # -- editing --------------------------------------------------------------------------------
    def apply_template(self, key: str) -> None:
        """Add the template's blocks where she has none (hers are never overwritten)."""
        template = next(tpl for tpl in TEMPLATES if tpl.key == key)
        if not self.editable:
            return
        self.grid.set_blocks(with_template(self.routine(), template).weekly)
        self._changed()

    def _open(self, block: RoutineBlock | OneOffBlock | None, one_off: bool,
              done: Callable[[object], None]) -> BlockDialog:
        self.dialog = BlockDialog(self.services, self.runner, block, one_off,
                                  self.grid.kind, self.grid.strength, self)
        self.dialog.saved.connect(done)
        self.dialog.open()
        return self.dialog

    def open_new_block(self) -> BlockDialog | None:
        """"Tambah blok": a weekly block typed in a small form (no mouse needed)."""
        if not self.editable:
            return None
        return self._open(None, False, self._block_added)

    def open_selected_block(self) -> BlockDialog | None:
        block = self.grid.selected_block()
        if block is None or not self.editable:
            return None
        return self._open(block, False, self._block_edited)

    def open_new_one_off(self) -> BlockDialog | None:
        if not self.editable:
            return None
        return self._open(None, True, self._one_off_added)

    def _block_added(self, block: object) -> None:
        if isinstance(block, RoutineBlock):
            self.grid.add(block)
            self.grid.setFocus()

    def _block_edited(self, block: object) -> None:
        if isinstance(block, RoutineBlock):
            self.grid.replace_selected(block)
            self.grid.setFocus()

    def _one_off_added(self, block: object) -> None:
        if isinstance(block, OneOffBlock):
            self.one_off.append(block)
            self.one_off.sort(key=lambda b: (b.day, b.start))
            self._fill_one_off()
            self._changed()

    def remove_one_off(self) -> None:
        row = self.one_off_list.currentRow()
        if not self.editable or not self.one_off_list.selectedItems() or row < 0:
            return
        del self.one_off[row]
        self._fill_one_off()
        self._changed()

    # -- saving ---------------------------------------------------------------------------------
    def save(self, then: Callable[[], None] | None = None,
             refused: Callable[[], None] | None = None) -> None:
        """Store what is on screen (off the GUI thread); ``then`` once stored, ``refused`` when
        the service said no (the blocks stay on screen, the messages beside the grid)."""
        if not self.editable or self.stored is None or self.busy:
            return
        self.busy = True
        self.save_button.setEnabled(False)
        routines, pid, routine = self.services.routines, self.participant_id, self.routine()

        def stored(result: Routine) -> None:
            if not isValid(self):
                return
            self.busy = False
            self.save_button.setEnabled(True)
            self.stored = normalised(result)
            self._changed()
            self.saved.emit(result)
            if then is not None:
                then()

        def failed(exc: BaseException) -> None:
            if not isValid(self):
                return
            self.busy = False
            self.save_button.setEnabled(True)
            self.show_refusal(exc)
            if refused is not None:
                refused()

        self.runner.run(lambda: routines.save(pid, routine), stored, failed)

    def show_refusal(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            lines = [f"• {problem.message}" for problem in exc.errors]
            self.message.show_message("\n".join([t("ui.routine.not_saved"), *lines]))
        elif isinstance(exc, UserError):
            self.message.show_message(exc.message)
        else:
            show_error(self, exc)

    def error_text(self) -> str:
        """The messages shown beside the grid ("" when none)."""
        return "" if self.message.isHidden() else self.message.text()

    def focus_grid(self) -> None:
        self.grid.setFocus(Qt.FocusReason.OtherFocusReason)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt API
        """The form hides (the app locks): its block dialog, a window of its own, hides too
        and comes back with it."""
        if self.dialog is not None and isValid(self.dialog) and self.dialog.isVisible():
            self.dialog.hide()
            self._dialog_hidden = True
        super().hideEvent(event)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self._dialog_hidden and self.dialog is not None and isValid(self.dialog):
            self.dialog.open()
        self._dialog_hidden = False
