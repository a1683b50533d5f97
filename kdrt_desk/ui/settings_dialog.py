"""The centre's settings: name and address, auto-lock minutes, panic key and language."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from kdrt_desk.i18n import t
from kdrt_desk.security.permissions import Permission
from kdrt_desk.services.settings import PANIC_KEYS, CentreSettings
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.form_dialog import FormDialog
from kdrt_desk.ui.widgets.errors import show_error
from kdrt_desk.ui.widgets.forms import (
    add_field,
    fit_height,
    hint_label,
)
from kdrt_desk.wiring import Services

# Each language is named in its own words, so someone who cannot read the other one finds hers.
LANGUAGE_NAMES = (("id", "Bahasa Indonesia"), ("en", "English"))


class SettingsDialog(FormDialog):
    """Loads the current settings when opened; Save stores them and emits ``saved``."""

    loaded = Signal(object)  # CentreSettings shown in the fields

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None
                 ) -> None:
        super().__init__(services, runner, parent)  # saved: CentreSettings as stored
        self.busy = True
        self.is_loaded = False
        self.may_edit = services.vault.actor.may(Permission.SETTINGS)
        self.setWindowTitle(t("ui.admin.settings.title"))

        self.centre_name = QLineEdit()
        self.centre_name.setMaxLength(200)
        self.centre_address = QPlainTextEdit()
        self.centre_address.setTabChangesFocus(True)
        self.centre_address.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)
        self.idle_minutes = QSpinBox()
        self.idle_minutes.setRange(1, 120)
        self.idle_minutes.setSuffix(t("ui.admin.settings.minutes_suffix"))
        self.panic_key = QComboBox()
        for key in PANIC_KEYS:
            self.panic_key.addItem(key, key)
        self.language = QComboBox()
        for code, name in LANGUAGE_NAMES:
            self.language.addItem(name, code)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        add_field(form, self.errors, t("ui.admin.settings.centre_name"), "centre_name",
                  self.centre_name, True)
        add_field(form, self.errors, t("ui.admin.settings.centre_address"), "centre_address",
                  self.centre_address, hint=t("ui.admin.settings.centre_hint"))
        add_field(form, self.errors, t("ui.admin.settings.idle_minutes"), "idle_minutes",
                  self.idle_minutes, True, t("ui.admin.settings.idle_hint"))
        add_field(form, self.errors, t("ui.admin.settings.panic_key"), "panic_key",
                  self.panic_key, True, t("ui.admin.settings.panic_hint"))
        add_field(form, self.errors, t("ui.admin.settings.language"), "language", self.language,
                  True, t("ui.admin.settings.language_hint"))
        form.setVerticalSpacing(10)
        self.neighbours_button = QPushButton(t("ui.neighbours.open"))
        self.neighbours_button.clicked.connect(self.open_neighbours)
        add_field(form, self.errors, t("ui.neighbours.title"), "neighbours",
                  self.neighbours_button, hint=t("ui.neighbours.open_hint"))

        self.make_buttons(t("ui.admin.save"),
                          t("ui.admin.cancel") if self.may_edit else t("ui.admin.close"))
        self.save_button = self.buttons.button(self.buttons.StandardButton.Ok)
        self.save_button.setVisible(self.may_edit)

        layout = QVBoxLayout(self)
        note = (t("ui.admin.required_hint") if self.may_edit
                else t("ui.admin.settings.read_only"))
        layout.addWidget(hint_label(note))
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.resize(600, self.sizeHint().height())
        fit_height(self, shrink=True)

        self._set_fields_enabled(False)
        settings = services.settings
        runner.run(settings.current, self._loaded, self._load_failed)

    def open_neighbours(self) -> None:
        from kdrt_desk.ui.neighbours_dialog import NeighboursDialog

        self.neighbours_dialog = NeighboursDialog(self.services, self.runner, self)
        self.neighbours_dialog.show()

    def _set_fields_enabled(self, enabled: bool) -> None:
        for widget in (self.centre_name, self.centre_address, self.idle_minutes, self.panic_key,
                       self.language):
            widget.setEnabled(enabled and self.may_edit)
        self.save_button.setEnabled(enabled and self.may_edit)

    def _loaded(self, current: CentreSettings) -> None:
        if not isValid(self):
            return  # closed before the settings came
        self.show_settings(current)
        self.busy = False
        self.is_loaded = True
        self._set_fields_enabled(True)
        if self.may_edit:
            self.centre_name.setFocus()
        self.loaded.emit(current)

    def _load_failed(self, exc: BaseException) -> None:
        if not isValid(self):
            return
        self.busy = False
        show_error(self, exc)

    def show_settings(self, current: CentreSettings) -> None:
        self.centre_name.setText(current.centre_name)
        self.centre_address.setPlainText(current.centre_address)
        self.idle_minutes.setValue(current.idle_minutes)
        if self.panic_key.findData(current.panic_key) < 0:
            self.panic_key.addItem(current.panic_key, current.panic_key)
        self.panic_key.setCurrentIndex(self.panic_key.findData(current.panic_key))
        self.language.setCurrentIndex(max(self.language.findData(current.language), 0))

    def collect(self) -> CentreSettings:
        return CentreSettings(centre_name=self.centre_name.text(),
                              centre_address=self.centre_address.toPlainText(),
                              idle_minutes=self.idle_minutes.value(),
                              panic_key=self.panic_key.currentData() or "",
                              language=self.language.currentData() or "")

    def submit(self) -> None:
        """Save through the service; closes and emits ``saved`` with what was stored."""
        if self.busy or not self.is_loaded or not self.may_edit:
            return
        new = self.collect()
        settings = self.services.settings

        def save() -> CentreSettings:
            settings.update(new)
            return settings.current()

        self.run(save)

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        self._set_fields_enabled(not busy)
