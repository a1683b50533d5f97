"""The programme's catalogue screen: modules, facilitators, venues and partners, one tab each.

Everyone who may see the programme sees the lists; only roles allowed to manage them see the
buttons that change them. Entries with history cannot be deleted (the service refuses and says
why); they are archived instead and stay out of the list unless "show archived" is ticked.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from kdrt_desk.domain.training import FacilitatorView, ModuleView, PartnerView, VenueView
from kdrt_desk.i18n import format_date, label, t
from kdrt_desk.security.permissions import Permission
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.catalogue_dialogs import CatalogueDialog
from kdrt_desk.ui.facilitator_dialog import FacilitatorDialog
from kdrt_desk.ui.module_dialog import ModuleDialog
from kdrt_desk.ui.partner_dialog import PartnerDialog
from kdrt_desk.ui.venue_dialog import VenueDialog
from kdrt_desk.ui.widgets.empty_hint import empty_hint, show_empty
from kdrt_desk.ui.widgets.errors import show_error
from kdrt_desk.ui.widgets.forms import as_typed, hint_label
from kdrt_desk.ui.widgets.look import ENDED_TEXT, primary
from kdrt_desk.ui.widgets.tables import read_only
from kdrt_desk.wiring import Services

COLUMN_AIR = 18
MAX_COLUMN_WIDTH = 320
KINDS = ("module", "facilitator", "venue", "partner")


class CatalogueList(QWidget):
    """One kind of entry: its table, the buttons that change it and "show archived"."""

    KIND = ""
    COLUMNS: tuple[str, ...] = ()
    STRETCH = 1  # the column that takes the spare width
    PERMISSION = Permission.MANAGE_PROGRAMME

    loaded = Signal(int)  # rows shown
    changed = Signal()  # something was added, changed, archived or deleted

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.items: list[Any] = []
        self.dialog: CatalogueDialog | None = None
        self.allowed = services.vault.actor.may(self.PERMISSION)
        self._select_after: int | None = None
        kind = self.KIND

        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels(
            [t(f"ui.catalogue.{kind}.col_{c}") for c in self.COLUMNS])
        read_only(self.table, stretch_last=False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(self.STRETCH, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.installEventFilter(self)  # Enter opens the selected entry

        self.add_button = primary(QPushButton(t("ui.catalogue.add")))
        self.add_button.clicked.connect(self.add_new)
        self.edit_button = QPushButton(t("ui.catalogue.edit"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.archive_button = QPushButton(t("ui.catalogue.archive"))
        self.archive_button.clicked.connect(self.toggle_archived)
        self.delete_button = QPushButton(t("ui.catalogue.delete"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.show_archived = QCheckBox(t("ui.catalogue.show_archived"))
        self.show_archived.toggled.connect(lambda _checked: self.refresh())
        self.count_label = QLabel()
        for button, tip in ((self.add_button, "ui.tip.catalogue.add"),
                            (self.edit_button, "ui.tip.catalogue.edit"),
                            (self.archive_button, "ui.tip.catalogue.archive"),
                            (self.delete_button, "ui.tip.catalogue.delete")):
            button.setToolTip(t(tip))
        self.empty_hint = empty_hint(t(f"ui.hints.catalogue.{kind}.empty"))

        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.archive_button,
                       self.delete_button):
            button.setVisible(self.allowed)
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.show_archived)
        layout = QVBoxLayout(self)
        layout.addWidget(hint_label(t(f"ui.catalogue.{kind}.intro")))
        if not self.allowed:
            layout.addWidget(hint_label(t("ui.catalogue.view_only")))
        layout.addLayout(buttons)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        self._update_buttons()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (watched is self.table and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            self.edit_selected()
            return True
        return super().eventFilter(watched, event)

    # -- what each kind defines ---------------------------------------------------------------
    def fetch(self, include_archived: bool) -> Callable[[], Any]:
        """The service call (run off the GUI thread) whose result ``rows`` turns into entries."""
        raise NotImplementedError

    def rows(self, result: Any) -> list[Any]:
        return list(result)

    def cells(self, item: Any) -> Sequence[str]:
        raise NotImplementedError

    def is_archived(self, item: Any) -> bool:
        return bool(item.archived)

    def name_of(self, item: Any) -> str:
        return str(item.name)

    def make_dialog(self, item: Any | None) -> CatalogueDialog:
        raise NotImplementedError

    def archive_call(self, item: Any, archived: bool) -> Callable[[], object]:
        raise NotImplementedError

    def delete_call(self, item: Any) -> Callable[[], object]:
        raise NotImplementedError

    # -- the list -----------------------------------------------------------------------------
    def refresh(self) -> None:
        if self._select_after is None and (current := self.selected()) is not None:
            self._select_after = current.id
        self.runner.run(self.fetch(self.show_archived.isChecked()),
                        self._show, self._failed, latest=(self, "list"))

    def _show(self, result: Any) -> None:
        if not isValid(self):
            return  # closed meanwhile, or an older request answered late
        self.items = self.rows(result)
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            archived = self.is_archived(item)
            for column, text in enumerate(self.cells(item)):
                if column == 0 and archived:
                    text = t("ui.catalogue.archived_name", name=text)
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                if archived:
                    cell.setForeground(QBrush(ENDED_TEXT))
                self.table.setItem(row, column, cell)
        self._fit_columns()
        target = self._select_after
        self._select_after = None
        self.table.clearSelection()
        for row, item in enumerate(self.items):
            if item.id == target:
                self.table.selectRow(row)
                break
        self.count_label.setText(t(f"ui.catalogue.{self.KIND}.count", count=len(self.items)))
        show_empty(self.empty_hint, not self.items)
        self._update_buttons()
        self.loaded.emit(len(self.items))

    def _fit_columns(self) -> None:
        """Room for the longest text plus some air; very long ones show in full as a tooltip."""
        for column in range(self.table.columnCount()):
            if column != self.STRETCH:
                self.table.resizeColumnToContents(column)
                width = self.table.columnWidth(column) + COLUMN_AIR
                self.table.setColumnWidth(column, min(width, MAX_COLUMN_WIDTH))

    def _failed(self, exc: BaseException) -> None:
        if not isValid(self):
            return
        show_error(self, exc)
        self._update_buttons()

    def selected(self) -> Any | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or not 0 <= rows[0].row() < len(self.items):
            return None
        return self.items[rows[0].row()]

    def select_id(self, item_id: int) -> bool:
        for row, item in enumerate(self.items):
            if item.id == item_id:
                self.table.selectRow(row)
                return True
        return False

    def _update_buttons(self) -> None:
        item = self.selected()
        has = item is not None
        self.edit_button.setEnabled(has)
        self.archive_button.setEnabled(has)
        self.delete_button.setEnabled(has)
        archived = has and self.is_archived(item)
        self.archive_button.setText(t("ui.catalogue.restore") if archived
                                    else t("ui.catalogue.archive"))

    # -- changing it --------------------------------------------------------------------------
    def add_new(self) -> None:
        self._open(None)

    def edit_selected(self) -> None:
        item = self.selected()
        if item is not None:
            self._open(item)

    def _open(self, item: Any | None) -> None:
        if not self.allowed:
            return
        dialog = self.make_dialog(item)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._saved)
        dialog.finished.connect(lambda _result: self._closed(dialog))
        self.dialog = dialog
        dialog.open()

    def _closed(self, dialog: CatalogueDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def _saved(self, result: object) -> None:
        self._select_after = getattr(result, "id", None)
        self.refresh()
        self.changed.emit()

    def toggle_archived(self) -> None:
        item = self.selected()
        if item is None or not self.allowed:
            return
        self._select_after = item.id
        self.runner.run(self.archive_call(item, not self.is_archived(item)), self._done,
                        self._failed)

    def delete_selected(self) -> None:
        item = self.selected()
        if item is None or not self.allowed:
            return
        answer = QMessageBox.question(
            self, t("ui.catalogue.delete_title"),
            as_typed(t(f"ui.catalogue.{self.KIND}.delete_question", name=self.name_of(item))),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.runner.run(self.delete_call(item), self._done, self._failed)

    def _done(self, _result: object) -> None:
        if not isValid(self):
            return
        self.refresh()
        self.changed.emit()


class ModuleList(CatalogueList):
    KIND = "module"
    COLUMNS = ("code", "title", "track", "sessions", "facilitator_type", "partner")

    def fetch(self, include_archived: bool) -> Callable[[], Any]:
        catalogue = self.services.catalogue
        return lambda: catalogue.modules(include_archived=include_archived)

    def cells(self, item: ModuleView) -> Sequence[str]:
        sessions = t("ui.catalogue.module.sessions_cell", count=item.session_count,
                     minutes=item.minutes_per_session)
        return (item.code, item.title, label(item.track), sessions, label(item.facilitator_type),
                item.partner_name or t("ui.catalogue.module.own_centre_short"))

    def name_of(self, item: ModuleView) -> str:
        return f"{item.code} {item.title}"

    def make_dialog(self, item: ModuleView | None) -> CatalogueDialog:
        return ModuleDialog(self.services, self.runner, item, self)

    def archive_call(self, item: ModuleView, archived: bool) -> Callable[[], object]:
        catalogue = self.services.catalogue
        return lambda: catalogue.set_module_archived(item.id, archived)

    def delete_call(self, item: ModuleView) -> Callable[[], object]:
        catalogue = self.services.catalogue
        return lambda: catalogue.delete_module(item.id)


class FacilitatorList(CatalogueList):
    KIND = "facilitator"
    COLUMNS = ("name", "type", "organisation", "modules", "account")
    STRETCH = 0

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None
                 ) -> None:
        self.module_codes: dict[int, str] = {}
        super().__init__(services, runner, parent)

    def fetch(self, include_archived: bool) -> Callable[[], Any]:
        catalogue = self.services.catalogue
        return lambda: (catalogue.facilitators(include_archived=include_archived),
                        catalogue.modules(include_archived=True))

    def rows(self, result: tuple[list[FacilitatorView], list[ModuleView]]) -> list[Any]:
        facilitators, modules = result
        self.module_codes = {m.id: m.code for m in modules}
        return list(facilitators)

    def cells(self, item: FacilitatorView) -> Sequence[str]:
        codes = sorted(self.module_codes.get(m, "?") for m in item.module_ids)
        return (item.name, label(item.type), item.organisation or "—", ", ".join(codes) or "—",
                item.staff_username or "—")

    def make_dialog(self, item: FacilitatorView | None) -> CatalogueDialog:
        return FacilitatorDialog(self.services, self.runner, item, self)

    def archive_call(self, item: FacilitatorView, archived: bool) -> Callable[[], object]:
        catalogue = self.services.catalogue
        return lambda: catalogue.set_facilitator_archived(item.id, archived)

    def delete_call(self, item: FacilitatorView) -> Callable[[], object]:
        catalogue = self.services.catalogue
        return lambda: catalogue.delete_facilitator(item.id)


class VenueList(CatalogueList):
    KIND = "venue"
    COLUMNS = ("name", "kecamatan", "capacity", "features", "childcare")
    STRETCH = 0

    def fetch(self, include_archived: bool) -> Callable[[], Any]:
        catalogue = self.services.catalogue
        return lambda: catalogue.venues(include_archived=include_archived)

    def cells(self, item: VenueView) -> Sequence[str]:
        features = ", ".join(sorted(label(f) for f in item.features))
        return (item.name, item.kecamatan or "—", str(item.capacity), features or "—",
                t("ui.catalogue.yes") if item.childcare else t("ui.catalogue.no"))

    def make_dialog(self, item: VenueView | None) -> CatalogueDialog:
        return VenueDialog(self.services, self.runner, item, self)

    def archive_call(self, item: VenueView, archived: bool) -> Callable[[], object]:
        catalogue = self.services.catalogue
        return lambda: catalogue.set_venue_archived(item.id, archived)

    def delete_call(self, item: VenueView) -> Callable[[], object]:
        catalogue = self.services.catalogue
        return lambda: catalogue.delete_venue(item.id)


class PartnerList(CatalogueList):
    """Partners are "active" rather than "archived" in the service; the screen says archived."""

    KIND = "partner"
    COLUMNS = ("name", "kind", "contact", "phone", "mou")
    STRETCH = 0
    PERMISSION = Permission.MANAGE_PARTNERS

    def fetch(self, include_archived: bool) -> Callable[[], Any]:
        partners = self.services.partners
        return lambda: partners.partners(active_only=not include_archived)

    def is_archived(self, item: PartnerView) -> bool:
        return not item.active

    def cells(self, item: PartnerView) -> Sequence[str]:
        return (item.name, label(item.kind), item.contact_person or "—", item.phone or "—",
                mou_text(item))

    def make_dialog(self, item: PartnerView | None) -> CatalogueDialog:
        return PartnerDialog(self.services, self.runner, item, self)

    def archive_call(self, item: PartnerView, archived: bool) -> Callable[[], object]:
        partners = self.services.partners
        return lambda: partners.set_active(item.id, not archived)

    def delete_call(self, item: PartnerView) -> Callable[[], object]:
        partners = self.services.partners
        return lambda: partners.delete(item.id)


def mou_text(partner: PartnerView) -> str:
    start, end = partner.mou_start, partner.mou_end
    if start and end:
        return t("ui.catalogue.partner.mou_period", start=format_date(start),
                 end=format_date(end))
    if start:
        return t("ui.catalogue.partner.mou_from", start=format_date(start))
    if end:
        return t("ui.catalogue.partner.mou_until", end=format_date(end))
    return "—"


class CatalogueView(QWidget):
    """The catalogue tab of the main window: four lists in sub-tabs."""

    changed = Signal()  # the catalogue changed: screens that offer its entries may reload

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.modules = ModuleList(services, runner)
        self.facilitators = FacilitatorList(services, runner)
        self.venues = VenueList(services, runner)
        self.partners = PartnerList(services, runner)
        self.tabs = QTabWidget()
        for kind, page in zip(KINDS, self.lists(), strict=True):
            self.tabs.addTab(page, t(f"ui.catalogue.tab_{kind}"))
            page.changed.connect(self.changed)
        # a module's partner and a facilitator's modules show in the other lists
        self.partners.changed.connect(self.modules.refresh)
        self.modules.changed.connect(self.facilitators.refresh)
        # before the first group: who facilitates and where, which a fresh vault lacks
        self.start_hint = empty_hint(t("ui.hints.catalogue.start"))
        for page in (self.facilitators, self.venues):
            page.loaded.connect(lambda _count: self._show_start_hint())
        layout = QVBoxLayout(self)
        layout.addWidget(self.start_hint)
        layout.addWidget(self.tabs)
        self.refresh()

    def _show_start_hint(self) -> None:
        show_empty(self.start_hint, self.facilitators.allowed
                   and (not self.facilitators.items or not self.venues.items))

    def lists(self) -> tuple[CatalogueList, ...]:
        return (self.modules, self.facilitators, self.venues, self.partners)

    def refresh(self) -> None:
        for page in self.lists():
            page.refresh()
