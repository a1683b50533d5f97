"""The editor of the neighbouring-kecamatan table: pick a kecamatan, tick its neighbours.

Ticking a box adds the pair both ways (the table holds unordered pairs); a pair across the Musi
in the shipped table is labelled "(lewat jembatan)". "Kembalikan ke tabel bawaan" puts the
shipped ticks back; Save stores the table (or, when it equals the shipped one, forgets the
centre's edits). Without the settings permission the table is shown read-only.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from kdrt_desk.domain.kecamatan_neighbours import (
    BRIDGE_KEYS,
    SHIPPED_PAIRS,
    NeighbourPair,
    pair_of,
)
from kdrt_desk.domain.places import KECAMATAN
from kdrt_desk.i18n import t
from kdrt_desk.security.permissions import Permission
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.form_dialog import FormDialog
from kdrt_desk.ui.widgets.errors import show_error
from kdrt_desk.ui.widgets.forms import hint_label
from kdrt_desk.wiring import Services

SHIPPED: frozenset[frozenset[str]] = frozenset(p.key for p in SHIPPED_PAIRS)
COLUMNS = 2


class NeighboursDialog(FormDialog):
    """Loads the current table when opened; Save stores it and emits ``saved`` (the pairs)."""

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None
                 ) -> None:
        super().__init__(services, runner, parent)
        self.busy = True
        self.is_loaded = False
        self.may_edit = services.vault.actor.may(Permission.SETTINGS)
        self.pairs: set[frozenset[str]] = set()
        self.boxes: dict[str, QCheckBox] = {}
        self.setWindowTitle(t("ui.neighbours.title"))

        self.kecamatan = QListWidget()
        for name in KECAMATAN:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.kecamatan.addItem(item)
        self.kecamatan.setMinimumWidth(self.fontMetrics().horizontalAdvance(
            "Alang-Alang Lebar (00)") + 40)
        self.kecamatan.currentRowChanged.connect(lambda _row: self._show_boxes())
        self.heading = QLabel()
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(16)
        self.reset_button = QPushButton(t("ui.neighbours.reset"))
        self.reset_button.clicked.connect(self.restore_shipped)
        self.reset_button.setVisible(self.may_edit)
        self.state = hint_label("")

        right = QVBoxLayout()
        right.addWidget(self.heading)
        right.addLayout(self.grid)
        right.addStretch(1)
        reset_row = QHBoxLayout()
        reset_row.addWidget(self.state, 1)
        reset_row.addWidget(self.reset_button)
        right.addLayout(reset_row)
        body = QHBoxLayout()
        body.addWidget(self.kecamatan)
        body.addLayout(right, 1)

        self.make_buttons(t("ui.admin.save"),
                          t("ui.admin.cancel") if self.may_edit else t("ui.admin.close"))
        self.save_button = self.buttons.button(self.buttons.StandardButton.Ok)
        self.save_button.setVisible(self.may_edit)
        self.save_button.setEnabled(False)

        layout = QVBoxLayout(self)
        layout.addWidget(hint_label(t("ui.neighbours.note")))
        if not self.may_edit:
            layout.addWidget(hint_label(t("ui.neighbours.read_only")))
        layout.addLayout(body, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.resize(820, max(self.sizeHint().height(), 520))

        neighbours = services.neighbours
        runner.run(lambda: (neighbours.pairs(), neighbours.is_shipped()), self._loaded,
                   self._load_failed)

    # -- loading -------------------------------------------------------------------------------
    def _loaded(self, result: tuple[tuple[NeighbourPair, ...], bool]) -> None:
        if not isValid(self):
            return  # closed before the table came
        pairs, shipped = result
        self.pairs = {p.key for p in pairs}
        self.state.setText(t("ui.neighbours.shipped" if shipped else "ui.neighbours.edited"))
        self.busy = False
        self.is_loaded = True
        self.save_button.setEnabled(self.may_edit)
        self.kecamatan.setCurrentRow(max(self.kecamatan.currentRow(), 0))
        self._show_boxes()

    def _load_failed(self, exc: BaseException) -> None:
        if not isValid(self):
            return
        self.busy = False
        show_error(self, exc)

    # -- showing and ticking -------------------------------------------------------------------
    def selected(self) -> str:
        item = self.kecamatan.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else KECAMATAN[0]

    def neighbours_of(self, name: str) -> set[str]:
        return {other for pair in self.pairs if name in pair for other in pair if other != name}

    def _show_boxes(self) -> None:
        for box in self.boxes.values():
            self.grid.removeWidget(box)
            box.hide()  # gone now, not only when the deletion is processed
            box.deleteLater()
        self.boxes = {}
        name = self.selected()
        self.heading.setText(t("ui.neighbours.borders", kecamatan=name))
        near = self.neighbours_of(name)
        others = [k for k in KECAMATAN if k != name]
        rows = (len(others) + COLUMNS - 1) // COLUMNS
        for index, other in enumerate(others):
            text = (t("ui.neighbours.by_bridge", kecamatan=other)
                    if frozenset((name, other)) in BRIDGE_KEYS else other)
            box = QCheckBox(text)
            box.setChecked(other in near)
            box.setEnabled(self.may_edit and self.is_loaded)
            box.toggled.connect(lambda checked, o=other: self._ticked(name, o, checked))
            self.grid.addWidget(box, index % rows, index // rows)
            box.setVisible(self.isVisible() or self.kecamatan.isVisible())
            self.boxes[other] = box
        self._count_items()

    def _ticked(self, name: str, other: str, checked: bool) -> None:
        key = frozenset((name, other))
        if checked:
            self.pairs.add(key)
        else:
            self.pairs.discard(key)
        self._count_items()

    def _count_items(self) -> None:
        for row in range(self.kecamatan.count()):
            item = self.kecamatan.item(row)
            name = str(item.data(Qt.ItemDataRole.UserRole))
            item.setText(t("ui.neighbours.item", kecamatan=name,
                           count=len(self.neighbours_of(name))))

    def restore_shipped(self) -> None:
        """Tick the shipped table again (stored when saved; Cancel keeps the centre's)."""
        if self.busy or not self.may_edit:
            return
        self.pairs = set(SHIPPED)
        self._show_boxes()

    # -- saving --------------------------------------------------------------------------------
    def collect(self) -> list[NeighbourPair]:
        return [pair_of(*sorted(key)) for key in self.pairs]

    def submit(self) -> None:
        """Save through the service; closes and emits ``saved`` with the stored pairs."""
        if self.busy or not self.is_loaded or not self.may_edit:
            return
        pairs = self.collect()
        neighbours = self.services.neighbours
        shipped = {p.key for p in pairs} == SHIPPED

        def save() -> tuple[NeighbourPair, ...]:
            return neighbours.reset_to_shipped() if shipped else neighbours.save(pairs)

        self.run(save)
