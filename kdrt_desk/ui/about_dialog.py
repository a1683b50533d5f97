"""Bantuan > Tentang KDRT Desk: the version, where this PC keeps the vault and its automatic
backups (with a button that opens the folder), and the licence of every bundled library and
font (``kdrt_desk.licences``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kdrt_desk import __version__
from kdrt_desk.i18n import t
from kdrt_desk.licences import BUNDLED
from kdrt_desk.services.backups import AUTO_FOLDER
from kdrt_desk.ui.widgets.forms import hint_label, plain
from kdrt_desk.ui.widgets.look import STRONG, mark


class AboutDialog(QDialog):
    COLUMNS = ("ui.about.component", "ui.about.version", "ui.about.licence")

    def __init__(self, data_dir: Path, parent: QWidget | None = None, *,
                 shared_users: list[str] | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.setWindowTitle(t("ui.main.about"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        layout = QVBoxLayout(self)
        layout.addWidget(mark(QLabel(t("ui.about.heading", version=__version__)), STRONG))
        layout.addWidget(hint_label(t("ui.about.purpose")))

        places = QFormLayout()
        self.data_label = self._path_label(data_dir)
        self.backup_label = self._path_label(data_dir / AUTO_FOLDER)
        self.open_button = QPushButton(t("ui.about.open_folder"))
        self.open_button.setToolTip(t("ui.about.open_folder_tip"))
        self.open_button.clicked.connect(lambda: self.open_folder())
        data_row = QHBoxLayout()
        data_row.addWidget(self.data_label, 1)
        data_row.addWidget(self.open_button)
        places.addRow(t("ui.about.data_folder"), data_row)
        places.addRow(t("ui.about.backup_folder"), self.backup_label)
        layout.addLayout(places)
        self.shared_label: QLabel | None = None
        if shared_users is not None:  # the PC's shared folder: for whom
            self.shared_label = hint_label(t("ui.shared.about_users",
                                             users=", ".join(shared_users) or "-"))
            layout.addWidget(self.shared_label)
        layout.addWidget(hint_label(t("ui.about.data_note")))

        layout.addWidget(mark(QLabel(t("ui.about.licences")), STRONG))
        self.table = QTableWidget(len(BUNDLED), len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([t(key) for key in self.COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        for row, component in enumerate(BUNDLED):
            for column, text in enumerate((component.name, component.version(),
                                           component.licence)):
                item = QTableWidgetItem(text)
                item.setToolTip(component.url)
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint_label(t("ui.about.licence_note")))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(t("ui.crash_close"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 600)

    @staticmethod
    def _path_label(path: Path) -> QLabel:
        label = plain(QLabel(str(path)))
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                      | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        return label

    def open_folder(self) -> bool:
        """The data folder in Explorer (the files stay encrypted there)."""
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.data_dir)))
