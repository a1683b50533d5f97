"""The one-time upgrade of a vault made before sealed fields, when an admin first opens it.

It explains what changes for whom, asks where to save the new recovery sheet (the recovery slot
must receive the new keys, so the old code stops opening the vault), then seals every value off
the GUI thread. Nothing changes until the new sheet is saved.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths, Signal
from PySide6.QtWidgets import QDialog, QLabel, QProgressBar, QVBoxLayout, QWidget

from kdrt_desk.i18n import language, t
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.widgets.errors import ErrorLabel, failure_messages
from kdrt_desk.ui.widgets.files import choose_save_path, confirmed_target
from kdrt_desk.ui.widgets.forms import dialog_buttons
from kdrt_desk.ui.widgets.look import STRONG, mark

if TYPE_CHECKING:
    from kdrt_desk.services.vault_access import OpenVault


class UpgradeDialog(QDialog):
    upgraded = Signal(object)  # the vault, opened again as an upgraded one

    def __init__(self, vault: OpenVault, runner: TaskRunner, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.vault: OpenVault | None = vault
        self.runner = runner
        self.busy = False
        self.done_ok = False
        self.setWindowTitle(t("ui.upgrade.title"))
        intro = QLabel(t("ui.upgrade.intro"))
        intro.setWordWrap(True)
        sheet = QLabel(t("ui.upgrade.sheet"))
        sheet.setWordWrap(True)
        mark(sheet, STRONG)
        self.error = ErrorLabel()
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setMaximumHeight(10)
        self.busy_bar.hide()
        self.buttons = dialog_buttons(t("ui.upgrade.ok"), t("ui.upgrade.later"))
        self.buttons.accepted.connect(self.choose_sheet)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(sheet)
        layout.addWidget(self.error)
        layout.addWidget(self.busy_bar)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)

    def default_path(self) -> Path:
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        from kdrt_desk.services.recovery import sheet_file_name

        return Path(folder) / sheet_file_name()

    def choose_sheet(self) -> None:
        chosen = choose_save_path(self, t("ui.access.save_sheet_title"), self.default_path(),
                                  t("ui.access.pdf_filter"))
        if chosen is not None:
            self.upgrade_to(*chosen)

    def upgrade_to(self, path: Path, overwrite: bool | None = None) -> None:
        """Write the new sheet to ``path``, then seal the vault (what the button does after its
        file dialog; ``overwrite`` None asks if the file exists)."""
        if self.busy or self.vault is None:
            return
        if overwrite is None:
            asked = confirmed_target(self, path)
            if asked is None:
                return
            path, overwrite = asked
        from kdrt_desk.services.recovery import write_recovery_sheet
        from kdrt_desk.services.settings import SettingsService
        from kdrt_desk.services.vault_upgrade import upgrade_version_1

        vault, lang, replace = self.vault, language(), overwrite

        def work() -> OpenVault:
            centre = SettingsService(vault.db, vault.actor).current()

            def write(code: str) -> None:
                write_recovery_sheet(vault.paths.data_dir, path, centre_name=centre.centre_name,
                                     centre_address=centre.centre_address, code=code,
                                     vault_id=vault.keys.vault_id, lang=lang, overwrite=replace)

            return upgrade_version_1(vault, write)

        self._set_busy(True)
        self.runner.run(work, self._done, self._failed)

    def reject(self) -> None:
        """Escape or closing the window does nothing while the vault is being sealed."""
        if not self.busy:
            super().reject()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.busy_bar.setVisible(busy)
        self.buttons.setEnabled(not busy)

    def _done(self, vault: OpenVault) -> None:
        self._set_busy(False)
        self.done_ok = True
        self.vault = vault
        self.upgraded.emit(vault)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        messages = failure_messages(self, exc)
        if messages is not None:
            self.error.show_message("\n".join(messages.values()))
