"""The partner organisations (mitra) that receive referrals: the list, and adding one."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from kdrt_desk.domain.care import PartnerInfo
from kdrt_desk.domain.enums import PartnerKind
from kdrt_desk.i18n import label, t
from kdrt_desk.security.permissions import Permission
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.form_dialog import FormDialog
from kdrt_desk.ui.form_widgets import enum_combo, enum_value
from kdrt_desk.ui.widgets.forms import hint_label, plain
from kdrt_desk.ui.widgets.look import ENDED_TEXT, OK, mark
from kdrt_desk.ui.widgets.tables import table
from kdrt_desk.wiring import Services

COLUMNS = ("name", "kind", "contact", "active")


class PartnersDialog(FormDialog):
    """Everyone who opens it sees the list; only roles with MANAGE_PARTNERS can add."""

    loaded = Signal(int)  # partners shown
    added = Signal(object)  # the new PartnerInfo

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None
                 ) -> None:
        super().__init__(services, runner, parent)
        self.partners: list[PartnerInfo] = []
        self.allowed = services.vault.actor.may(Permission.MANAGE_PARTNERS)
        self.setWindowTitle(t("ui.care.partners.title"))

        intro = QLabel(t("ui.care.partners.intro"))
        intro.setWordWrap(True)
        self.table = table([t(f"ui.care.partners.col_{c}") for c in COLUMNS])
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 230), (2, 160), (3, 70)):
            self.table.setColumnWidth(column, width)
        self.count_label = QLabel()

        self.done_label = plain(mark(QLabel(), OK))
        self.done_label.hide()
        self.name = QLineEdit()
        self.name.setMaxLength(160)
        self.name.setPlaceholderText(t("ui.care.partners.name_example"))
        self.kind = enum_combo(PartnerKind)
        self.contact_person = QLineEdit()
        self.contact_person.setMaxLength(120)
        self.add_button = QPushButton(t("ui.care.partners.add"))
        self.add_button.clicked.connect(self.submit)
        self.name.returnPressed.connect(self.submit)
        self.add_box = QGroupBox(t("ui.care.partners.add_heading"))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.add_field(form, t("ui.care.partners.name"), "name", self.name, True)
        self.add_field(form, t("ui.care.partners.kind"), "kind", self.kind, True)
        self.add_field(form, t("ui.care.partners.contact_person"), "contact_person",
                       self.contact_person)
        add_row = QHBoxLayout()
        add_row.addWidget(self.done_label)
        add_row.addStretch(1)
        add_row.addWidget(self.add_button)
        box_layout = QVBoxLayout(self.add_box)
        box_layout.addLayout(form)
        box_layout.addWidget(self.summary)
        box_layout.addLayout(add_row)
        self.add_box.setVisible(self.allowed)

        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(t("ui.care.partners.close"))
        close.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        if not self.allowed:
            layout.addWidget(hint_label(t("ui.care.partners.not_allowed")))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.add_box)
        layout.addWidget(close)
        self.resize(760, 560)
        self.refresh()

    def refresh(self) -> None:
        care = self.services.care
        self.runner.run(lambda: care.partners(active_only=False), self._show, self._list_failed,
                        latest=(self, "list"))

    def _list_failed(self, exc: BaseException) -> None:
        if isValid(self):
            self.on_failed(exc)

    def _show(self, partners: list[PartnerInfo]) -> None:
        if not isValid(self):
            return
        self.partners = sorted(partners, key=lambda p: (not p.active, p.name.lower()))
        self.table.setRowCount(len(self.partners))
        for row, partner in enumerate(self.partners):
            values = (partner.name, label(partner.kind), partner.contact_person or "—",
                      t("ui.admin.yes") if partner.active else t("ui.admin.no"))
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if not partner.active:
                    item.setForeground(QBrush(ENDED_TEXT))
                self.table.setItem(row, column, item)
        self.count_label.setText(t("ui.care.partners.count", count=len(self.partners)))
        self.loaded.emit(len(self.partners))

    def submit(self) -> None:
        """Add the partner typed below the list; the service checks name and duplicates."""
        if self.busy or not self.allowed:
            return
        name = self.name.text()
        kind = enum_value(self.kind, PartnerKind) or PartnerKind.GOVERNMENT
        contact = self.contact_person.text()
        care = self.services.care
        self.done_label.hide()
        self.run(lambda: care.add_partner(name, kind, contact_person=contact))

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.add_box.setEnabled(not busy)

    def on_saved(self, partner: object) -> None:
        """Added: the list reloads and the form empties for the next one (the dialog stays)."""
        self.errors.clear()
        self.summary.show_message("")
        name = getattr(partner, "name", self.name.text().strip())
        self.done_label.setText(t("ui.care.partners.added", name=name))
        self.done_label.show()
        self.name.clear()
        self.contact_person.clear()
        self.name.setFocus()
        self.added.emit(partner)
        self.refresh()
