"""The partner organisations (mitra) that receive referrals: the list, and adding one."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kdrt_desk.domain.care import PartnerInfo
from kdrt_desk.domain.enums import PartnerKind
from kdrt_desk.i18n import label, t
from kdrt_desk.security.permissions import Permission
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.account_dialogs import add_field, focus_first_error, hint_label
from kdrt_desk.ui.common import ErrorLabel, FieldErrors, failure_messages
from kdrt_desk.ui.form_widgets import enum_combo, enum_value
from kdrt_desk.wiring import Services

COLUMNS = ("name", "kind", "contact", "active")
INACTIVE_COLOUR = QColor("#777777")
OK_STYLE = "color: #1b5e20;"


class PartnersDialog(QDialog):
    """Everyone who opens it sees the list; only roles with MANAGE_PARTNERS can add."""

    loaded = Signal(int)  # partners shown
    added = Signal(object)  # the new PartnerInfo

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.partners: list[PartnerInfo] = []
        self.busy = False
        self._sequence = 0
        self.allowed = services.vault.actor.may(Permission.MANAGE_PARTNERS)
        self.setWindowTitle(t("ui.care.partners.title"))

        intro = QLabel(t("ui.care.partners.intro"))
        intro.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([t(f"ui.care.partners.col_{c}") for c in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 230), (2, 160), (3, 70)):
            self.table.setColumnWidth(column, width)
        self.count_label = QLabel()

        self.errors = FieldErrors()
        self.summary = ErrorLabel()
        self.done_label = QLabel()
        self.done_label.setStyleSheet(OK_STYLE)
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
        add_field(form, self.errors, t("ui.care.partners.name"), "name", self.name, True)
        add_field(form, self.errors, t("ui.care.partners.kind"), "kind", self.kind, True)
        add_field(form, self.errors, t("ui.care.partners.contact_person"), "contact_person",
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
        self._sequence += 1
        sequence = self._sequence
        care = self.services.care
        self.runner.run(lambda: care.partners(active_only=False),
                        lambda rows: self._show(sequence, rows), self._failed)

    def _show(self, sequence: int, partners: list[PartnerInfo]) -> None:
        if sequence != self._sequence:
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
                    item.setForeground(QBrush(INACTIVE_COLOUR))
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
        self.busy = True
        self.add_box.setEnabled(False)
        self.done_label.hide()
        self.runner.run(lambda: care.add_partner(name, kind, contact_person=contact),
                        self._added, self._failed)

    def _added(self, partner: object) -> None:
        self.busy = False
        self.add_box.setEnabled(True)
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

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.add_box.setEnabled(True)
        errors = failure_messages(self, exc)
        if errors is not None:
            self.summary.show_message("\n".join(self.errors.show(errors)))
            focus_first_error(self.errors)
