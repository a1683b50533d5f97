"""The main window: register and admin screens, the lock screen, auto-lock and the panic key."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kdrt_desk import i18n
from kdrt_desk.domain.participant import ParticipantRecord
from kdrt_desk.errors import UserError
from kdrt_desk.i18n import label, t
from kdrt_desk.security.permissions import Permission
from kdrt_desk.services.settings import CentreSettings
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.idle_watcher import IdleWatcher
from kdrt_desk.ui.lock_screen import LockScreen
from kdrt_desk.ui.participant_form import ParticipantForm
from kdrt_desk.ui.register_view import RegisterView
from kdrt_desk.ui.tab_tips import set_tab_tips
from kdrt_desk.ui.widgets.errors import show_error
from kdrt_desk.ui.widgets.files import choose_save_path
from kdrt_desk.ui.widgets.forms import plain
from kdrt_desk.ui.widgets.look import HIGH_RISK, WARNING, mark, tab_icons
from kdrt_desk.wiring import Services

if TYPE_CHECKING:
    from kdrt_desk.ui.schedule_view import ScheduleView

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    def __init__(self, services: Services, runner: TaskRunner,
                 on_logout: Callable[[], None] = lambda: None) -> None:
        super().__init__()
        self.services = services
        self.runner = runner
        self.on_logout = on_logout
        self.actor = services.vault.actor
        self.login_failed = False
        self.damage_found: UserError | None = None  # for the next login to show and offer a cure
        # the session's first write, queued before anything the screens ask for: the file is
        # checked page by page before it (off the GUI thread, so the window shows at once)
        runner.run(services.vault.finish_login, None, self._login_not_recorded)
        self.forms: list[ParticipantForm] = []
        self.hidden_forms: list[ParticipantForm] = []
        self.hidden_dialogs: list[QDialog] = []
        self.locked = False
        self.closing_for_logout = False
        self.vault_released = False  # let go for a restore: nothing more is written to it
        self.settings = CentreSettings("", "", 5, "F12", "id")
        self.watcher = IdleWatcher(self.settings.idle_minutes, self.settings.panic_key, self)
        self.watcher.lock_requested.connect(self.lock)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.watcher)
        self.scheduler: ScheduleView | None = None
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self._build()
        self.resize(1280, 760)
        settings_service = services.settings
        runner.run(settings_service.current, self.apply_settings)
        self.backup_on_close = False  # known once the daily backup's job has read the setting
        self.backed_up_on_close = False
        self._start_daily_backup()

    # -- building -------------------------------------------------------------------------
    def _build(self) -> None:
        previous = self.scheduler  # kept alive until the event loop deletes it
        self.scheduler = None
        self.setWindowTitle(t("ui.app_title"))
        self.menuBar().clear()
        while (old := self.stack.widget(0)) is not None:
            self.stack.removeWidget(old)
            old.deleteLater()
        self._build_menus()
        content = QWidget()
        layout = QVBoxLayout(content)
        if self.services.vault.warnings:
            banner = QLabel("\n".join(t(key) for key in self.services.vault.warnings))
            banner.setWordWrap(True)
            mark(banner, WARNING)
            layout.addWidget(banner)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.register = RegisterView(self.services, self.runner)
        self.register.open_requested.connect(self.open_participant)
        self.register.new_requested.connect(lambda: self.open_participant(None))
        self.tabs.addTab(self.register, t("ui.main.tab_register"))
        self.stage_views: list[QWidget] = []
        if self.actor.may(Permission.VIEW_SCREENING):
            from kdrt_desk.ui.dashboard_view import DashboardView
            from kdrt_desk.ui.waitlist_view import WaitlistView

            waitlist = WaitlistView(self.services, self.runner)
            waitlist.open_requested.connect(self.open_participant)
            dashboard = DashboardView(self.services, self.runner)
            self.tabs.addTab(waitlist, t("ui.main.tab_waitlist"))
            self.tabs.addTab(dashboard, t("ui.main.tab_dashboard"))
            self.stage_views = [waitlist, dashboard]
        self.fresh_views: list[QWidget] = []  # reloaded each time their tab opens
        if self.actor.may(Permission.VIEW_PROGRAMME):
            from kdrt_desk.ui.calendar_view import CalendarView
            from kdrt_desk.ui.catalogue_view import CatalogueView
            from kdrt_desk.ui.groups_view import GroupsView
            from kdrt_desk.ui.sessions_view import SessionsView

            groups = GroupsView(self.services, self.runner)
            sessions = SessionsView(self.services, self.runner)
            catalogue = CatalogueView(self.services, self.runner)
            self.tabs.addTab(groups, t("ui.main.tab_groups"))
            self.tabs.addTab(sessions, t("ui.main.tab_sessions"))
            self.tabs.addTab(catalogue, t("ui.main.tab_catalogue"))
            calendar = CalendarView(self.services, self.runner)
            self.tabs.addTab(calendar, t("ui.main.tab_calendar"))
            self.stage_views += [groups, sessions, calendar]
            self.fresh_views = [catalogue]
        if self.actor.may(Permission.VIEW_ALL_GROUPS):
            from kdrt_desk.ui.indicators_view import IndicatorsView  # pyqtgraph when drawn

            indicators = IndicatorsView(self.services, self.runner)
            self.tabs.addTab(indicators, t("ui.main.tab_indicators"))
            self.stage_views.append(indicators)  # a lock empties it, its tab reloads it
        if self.actor.may(Permission.VIEW_CONTACT) \
                and self.actor.may(Permission.VIEW_ALL_PARTICIPANTS):  # never a facilitator
            from kdrt_desk.ui.reminders_view import RemindersView

            reminders = RemindersView(self.services, self.runner)
            self.tabs.addTab(reminders, t("ui.main.tab_reminders"))
            self.stage_views.append(reminders)  # a lock empties it, unlocking reloads it
        if self.actor.may(Permission.MANAGE_GROUPS) and self.actor.may(Permission.VIEW_CONTACT):
            from kdrt_desk.ui.schedule_view import ScheduleView  # OR-Tools only when solving

            scheduler = ScheduleView(self.services, self.runner)
            if previous is not None:  # a language switch keeps the proposal
                scheduler.take_over(previous)
            self.scheduler = scheduler
            self.tabs.addTab(scheduler, t("ui.main.tab_schedule"))
            self.stage_views.append(scheduler)  # a lock forgets the proposal
        if self.actor.may(Permission.ISSUE_CERTIFICATES):
            from kdrt_desk.ui.certificates_view import CertificatesView

            certificates = CertificatesView(self.services, self.runner)
            self.tabs.addTab(certificates, t("ui.cert.tab"))
            self.stage_views.append(certificates)  # a lock empties it, its tab reloads it
        self.alert_banner: QWidget | None = None
        if self.actor.may(Permission.VIEW_RESTRICTED):  # alerts and rounds: mental health
            from kdrt_desk.ui.monitoring_view import MonitoringView

            self.monitoring = MonitoringView(self.services, self.runner)
            self.monitoring.open_requested.connect(self.open_participant)
            self.tabs.addTab(self.monitoring, t("ui.main.tab_monitoring"))
            self.stage_views.append(self.monitoring)
            self.alert_banner = self._alert_banner()
            layout.addWidget(self.alert_banner)
            self.monitoring.alerts_counted.connect(self._show_alert_banner)
        if self.actor.may(Permission.MANAGE_USERS):
            from kdrt_desk.ui.accounts_view import AccountsView

            self.tabs.addTab(AccountsView(self.services, self.runner), t("ui.main.tab_accounts"))
        if self.actor.may(Permission.VIEW_AUDIT):
            from kdrt_desk.ui.audit_view import AuditView

            self.tabs.addTab(AuditView(self.services, self.runner), t("ui.main.tab_audit"))
        tab_icons(self.tabs)
        set_tab_tips(self.tabs)
        self.tabs.currentChanged.connect(self._tab_shown)
        layout.addWidget(self.tabs)
        self.stack.addWidget(content)
        self.lock_screen = LockScreen(self.actor.username)
        self.lock_screen.unlock_requested.connect(self.unlock)
        self.lock_screen.logout_requested.connect(self.logout)
        self.stack.addWidget(self.lock_screen)
        self.stack.setCurrentIndex(1 if self.locked else 0)
        who = self.actor.display_name or self.actor.username
        self.user_label = plain(QLabel(t("ui.main.signed_in", user=who,
                                           role=label(self.actor.role))))
        self.lock_button = QPushButton(t("ui.main.lock_button", key=self.settings.panic_key))
        self.lock_button.clicked.connect(lambda: self.lock("button"))
        bar = self.statusBar()
        for widget in bar.findChildren(QWidget):
            if widget.parent() is bar and isinstance(widget, QLabel | QPushButton):
                bar.removeWidget(widget)
                widget.deleteLater()
        bar.addWidget(self.user_label, 1)
        bar.addPermanentWidget(self.lock_button)
        if not self.locked:
            self.register.refresh()
            if self.alert_banner is not None:
                self.monitoring.refresh()  # the banner of open alerts at login

    def _alert_banner(self) -> QWidget:
        banner = mark(QFrame(), HIGH_RISK)
        row = QHBoxLayout(banner)
        self.alert_text = plain(QLabel())
        self.alert_text.setWordWrap(True)
        go = QPushButton(t("ui.main.alert_banner_open"))
        go.clicked.connect(lambda: self.tabs.setCurrentWidget(self.monitoring))
        row.addWidget(self.alert_text, 1)
        row.addWidget(go)
        banner.hide()
        return banner

    def _show_alert_banner(self, count: int) -> None:
        if self.alert_banner is None:
            return
        self.alert_text.setText(t("ui.main.alert_banner", count=count))
        self.alert_banner.setVisible(count > 0)

    def _tab_shown(self, index: int) -> None:
        """The waitlist, dashboard and programme screens show fresh data each time they open."""
        widget = self.tabs.widget(index)
        if widget in [*self.stage_views, *self.fresh_views] and not self.locked:
            widget.refresh()  # type: ignore[attr-defined]

    def _build_menus(self) -> None:
        menu = self.menuBar().addMenu(t("ui.main.menu_file"))
        new = QAction(t("ui.register.new"), self)
        new.setShortcut(QKeySequence.StandardKey.New)
        new.triggered.connect(lambda: self.open_participant(None))
        new.setEnabled(self.actor.may(Permission.EDIT_PARTICIPANT))
        menu.addAction(new)
        find = QAction(t("ui.main.find"), self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(self.focus_search)
        menu.addAction(find)
        if self.actor.may(Permission.VIEW_REGISTER):
            to_complete = QAction(t("ui.to_complete.menu"), self)
            to_complete.triggered.connect(self.open_to_complete)
            menu.addAction(to_complete)
        if self.actor.may(Permission.EDIT_PARTICIPANT) and self.actor.may(Permission.SETTINGS):
            import_list = QAction(t("ui.import.menu"), self)
            import_list.triggered.connect(self.open_import)
            menu.addAction(import_list)
        menu.addSeparator()
        password = QAction(t("ui.main.change_password"), self)
        password.triggered.connect(lambda: self.change_password(False))
        menu.addAction(password)
        if self.actor.may(Permission.SETTINGS):
            settings = QAction(t("ui.main.settings"), self)
            settings.triggered.connect(self.open_settings)
            menu.addAction(settings)
        if self.actor.may(Permission.MANAGE_CRITERIA):
            criteria = QAction(t("ui.main.criteria"), self)
            criteria.triggered.connect(self.open_criteria)
            menu.addAction(criteria)
        if self.actor.may(Permission.SETTINGS):  # shown once the vault says it is shared
            self.shared_action = QAction(t("ui.shared.menu"), self)
            self.shared_action.triggered.connect(self.open_shared_folder)
            self.shared_action.setVisible(False)
            menu.addAction(self.shared_action)
            self.runner.run(self.services.shared_folder.users,
                            lambda users: self.shared_action.setVisible(users is not None))
        if self.actor.may(Permission.SETTINGS):
            instruments = QAction(t("ui.main.instruments"), self)
            instruments.triggered.connect(self.open_instruments)
            menu.addAction(instruments)
        if self.actor.may(Permission.MANAGE_PARTNERS):
            partners = QAction(t("ui.main.partners"), self)
            partners.triggered.connect(self.open_partners)
            menu.addAction(partners)
        if self.actor.may(Permission.VIEW_REGISTER) or self.actor.may(Permission.VIEW_PROGRAMME):
            exports = QAction(t("ui.exports.menu"), self)
            exports.triggered.connect(self.open_exports)
            menu.addAction(exports)
        if self.actor.may(Permission.EXPORT):
            donor = QAction(t("ui.donor.menu"), self)
            donor.triggered.connect(self.open_donor_report)
            menu.addAction(donor)
        if self.actor.may(Permission.VIEW_PROGRAMME):
            check = QAction(t("ui.cert.menu_verify"), self)
            check.triggered.connect(self.open_certificate_check)
            menu.addAction(check)
        if self.actor.may(Permission.SETTINGS):
            templates = QAction(t("ui.cert.menu_templates"), self)
            templates.triggered.connect(self.open_certificate_templates)
            menu.addAction(templates)
        if self.actor.may(Permission.BACKUP):
            backups = QAction(t("ui.backup.menu"), self)
            backups.triggered.connect(self.open_backups)
            menu.addAction(backups)
        if self.actor.may(Permission.RESTORE):
            restore = QAction(t("ui.restore.menu"), self)
            restore.triggered.connect(self.open_restore)
            menu.addAction(restore)
        if self.actor.may(Permission.SETTINGS) and self.actor.may(Permission.ANONYMISE):
            retention = QAction(t("ui.retention.menu"), self)
            retention.triggered.connect(self.open_retention)
            menu.addAction(retention)
        if self.actor.may(Permission.MANAGE_USERS):
            recovery = QAction(t("ui.main.new_recovery_sheet"), self)
            recovery.triggered.connect(self.ask_new_recovery_sheet)
            menu.addAction(recovery)
            previewed = QAction(t("ui.print.new_recovery"), self)
            previewed.triggered.connect(self.preview_new_recovery_sheet)
            menu.addAction(previewed)
        menu.addSeparator()
        lock = QAction(t("ui.main.lock_now"), self)
        lock.triggered.connect(lambda: self.lock("menu"))
        menu.addAction(lock)
        logout = QAction(t("ui.main.logout"), self)
        logout.triggered.connect(self.logout)
        menu.addAction(logout)
        quit_action = QAction(t("ui.main.quit"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))  # Windows has no standard Quit key
        quit_action.triggered.connect(self.close)
        menu.addAction(quit_action)
        language = self.menuBar().addMenu(t("ui.main.menu_language"))
        for code, name in (("id", "Bahasa Indonesia"), ("en", "English")):
            action = QAction(name, self)
            action.setCheckable(True)
            action.setChecked(i18n.language() == code)
            action.triggered.connect(lambda _=False, c=code: self.switch_language(c))
            language.addAction(action)
        help_menu = self.menuBar().addMenu(t("ui.main.menu_help"))
        guide = QAction(t("ui.guide.menu"), self)
        guide.setShortcut(QKeySequence.StandardKey.HelpContents)  # F1
        guide.triggered.connect(self.open_guide)
        help_menu.addAction(guide)
        about = QAction(t("ui.main.about"), self)
        about.triggered.connect(self.open_about)
        help_menu.addAction(about)

    def focus_search(self) -> None:
        """Ctrl+F: the cursor goes to the current screen's search box, its text selected."""
        box = getattr(self.tabs.currentWidget(), "search", None)
        if self.locked or not isinstance(box, QLineEdit):
            return
        box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        box.selectAll()

    def switch_language(self, code: str) -> None:
        i18n.set_language(code)
        QSettings("KDRT Desk", "KDRT Desk").setValue("language", code)
        self._build()

    def apply_settings(self, settings: CentreSettings) -> None:
        self.settings = settings
        self.watcher.configure(settings.idle_minutes, settings.panic_key)
        self.lock_button.setText(t("ui.main.lock_button", key=settings.panic_key))
        accounts = self.services.accounts
        self.runner.run(accounts.must_change_password,
                        lambda must: self.change_password(True) if must else None)

    # -- participants -----------------------------------------------------------------------
    def open_participant(self, participant_id: int | None) -> ParticipantForm | None:
        if self.locked:
            return None
        for form in self.forms:
            if participant_id is not None and form.participant_id == participant_id:
                form.raise_()
                form.activateWindow()
                return form
        form = ParticipantForm(self.services, self.runner, participant_id, self)
        form.saved.connect(self._participant_saved)
        form.finished.connect(lambda _=0, f=form: self._form_closed(f))
        self.forms.append(form)
        form.show()
        return form

    def _participant_saved(self, record: ParticipantRecord) -> None:
        self.statusBar().showMessage(t("ui.main.saved", code=record.code), 5000)
        self.register.refresh()

    def _form_closed(self, form: ParticipantForm) -> None:
        if form in self.forms:
            self.forms.remove(form)
        form.deleteLater()

    # -- locking ----------------------------------------------------------------------------
    def lock(self, reason: str = "button") -> None:
        """Hide every name at once: register emptied, forms hidden (kept), message boxes closed."""
        if self.locked:
            return
        self.locked = True
        self.register.clear()
        for view in self.stage_views:
            view.clear()  # type: ignore[attr-defined]
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible():
                widget.reject()
        # open dialogs (a roll-call, an enrolment) are hidden, not closed: nothing typed is lost
        self.hidden_dialogs = [w for w in QApplication.topLevelWidgets()
                               if isinstance(w, QDialog) and w.isVisible()]
        self.hidden_forms = [f for f in self.forms if f.isVisible()]
        for window in [*self.hidden_dialogs, *self.hidden_forms]:
            window.hide()
        self.stack.setCurrentIndex(1)
        self.lock_screen.reset()
        self.menuBar().setEnabled(False)
        self.lock_button.setEnabled(False)
        self.user_label.hide()  # not even the staff member's name on a locked screen
        accounts = self.services.accounts
        self.runner.run(lambda: accounts.record_session_event("locked"))
        del reason

    def unlock(self, password: str) -> None:
        accounts = self.services.accounts
        self.runner.run(lambda: accounts.unlock(password), self._unlock_checked,
                        self._unlock_failed)

    def _unlock_checked(self, ok: bool) -> None:
        if not ok:
            self.lock_screen.show_failure(t("error.wrong_login"))
            return
        self.locked = False
        self.stack.setCurrentIndex(0)
        self.menuBar().setEnabled(True)
        self.lock_button.setEnabled(True)
        self.user_label.show()
        for window in [*self.hidden_forms, *self.hidden_dialogs]:
            window.show()
        self.hidden_forms, self.hidden_dialogs = [], []
        self.register.refresh()
        for view in self.stage_views:
            view.refresh()  # type: ignore[attr-defined]
        self.watcher.timer.start()

    def _unlock_failed(self, exc: BaseException) -> None:
        if isinstance(exc, UserError):
            self.lock_screen.show_failure(exc.message)
        else:
            show_error(self, exc)

    # -- account and settings dialogs ------------------------------------------------------
    def change_password(self, forced: bool) -> None:
        from kdrt_desk.ui.change_password_dialog import ChangePasswordDialog

        dialog = ChangePasswordDialog(self.services, self.runner, forced, self)
        if forced:  # an admin reset her password: choose a new one now or log out
            dialog.rejected.connect(self.logout)
        dialog.show()

    def open_settings(self) -> None:
        from kdrt_desk.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.services, self.runner, self)
        dialog.saved.connect(self.apply_settings)
        dialog.saved.connect(lambda new: self.switch_language(new.language)
                             if new.language != i18n.language() else None)
        dialog.show()

    def open_shared_folder(self) -> None:
        from kdrt_desk.ui.shared_folder_dialog import SharedFolderDialog

        self.runner.run(self.services.shared_folder.users, lambda users: SharedFolderDialog(
            self.services, self.runner, users or [], self).show())

    def open_import(self) -> None:
        from kdrt_desk.ui.import_dialog import ImportDialog

        dialog = ImportDialog(self.services, self.runner, self)
        dialog.imported.connect(lambda _count: self.register.refresh())
        dialog.show_to_complete.connect(self.open_to_complete)
        dialog.show()

    def open_to_complete(self) -> None:
        from kdrt_desk.ui.to_complete_dialog import ToCompleteDialog

        ToCompleteDialog(self.services, self.runner, self.open_participant, self).show()

    def open_criteria(self) -> None:
        from kdrt_desk.ui.criteria_dialog import CriteriaDialog

        CriteriaDialog(self.services, self.runner, self).show()

    def open_instruments(self) -> None:
        from kdrt_desk.ui.instruments_dialog import InstrumentsDialog

        InstrumentsDialog(self.services, self.runner, self).show()

    def open_partners(self) -> None:
        from kdrt_desk.ui.partners_dialog import PartnersDialog

        PartnersDialog(self.services, self.runner, self).show()

    def open_exports(self) -> None:
        from kdrt_desk.ui.exports_dialog import ExportsDialog

        ExportsDialog(self.services, self.runner, self).show()

    def open_donor_report(self) -> None:
        from kdrt_desk.ui.donor_report_dialog import DonorReportDialog

        DonorReportDialog(self.services, self.runner, self).show()

    def open_backups(self) -> None:
        from kdrt_desk.ui.backup_dialog import BackupDialog

        BackupDialog(self.services, self.runner, self).show()

    def open_guide(self) -> None:
        from kdrt_desk.ui.guide_dialog import GuideDialog

        GuideDialog(self).show()

    def open_about(self) -> None:
        from kdrt_desk.ui.about_dialog import AboutDialog

        self.runner.run(self.services.shared_folder.users, lambda users: AboutDialog(
            self.services.vault.paths.data_dir, self, shared_users=users).show())

    def open_retention(self) -> None:
        from kdrt_desk.ui.retention_dialog import RetentionDialog

        dialog = RetentionDialog(self.services, self.runner, self)
        dialog.anonymised.connect(lambda _codes: self.register.refresh())
        dialog.show()

    def open_restore(self) -> None:
        from kdrt_desk.ui.restore_dialog import RestoreDialog

        dialog = RestoreDialog(self.services.vault.paths.data_dir, self.runner,
                               username=self.actor.username,
                               release_vault=self._release_for_restore, parent=self)
        dialog.finished.connect(lambda _code: self._restore_closed())
        dialog.open()

    def _release_for_restore(self) -> bool:
        """Let the vault go just before a restore replaces it (the restore takes its lock):
        the session's end recorded, no auto-lock meanwhile, nothing more written to it."""
        if self._unsaved_forms():
            answer = QMessageBox.question(self, t("ui.restore.title"),
                                          t("ui.main.unsaved_forms"))
            if answer != QMessageBox.StandardButton.Yes:
                return False
        for form in list(self.forms):
            form.discard()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.watcher)
        self.watcher.timer.stop()
        services = self.services
        self.runner.run(lambda: services.accounts.record_session_event("logout"))
        self.runner.wait()
        services.close()
        self.vault_released = True
        return True

    def _restore_closed(self) -> None:
        """After a restore (or one that failed once the vault was let go): to the login, so
        nobody goes on with the replaced vault."""
        if self.vault_released:
            self.closing_for_logout = True
            QTimer.singleShot(0, self, self.close)

    # -- automatic backups: once a day (at login) and when the app closes, beside the worker
    def _start_daily_backup(self) -> None:
        if not self.actor.may(Permission.BACKUP):
            return
        backups = self.services.backups

        def work() -> bool:  # the worker never touches the window: it may be gone by then
            on_close = backups.auto_settings().on_close
            if backups.automatic_due("daily"):
                backups.make_automatic()
            return on_close

        self.runner.run_aside(work, self._learnt_backup_on_close, self._automatic_backup_failed)

    def _learnt_backup_on_close(self, on_close: bool) -> None:
        self.backup_on_close = on_close

    def _automatic_backup_failed(self, exc: BaseException) -> None:
        from shiboken6 import isValid

        from kdrt_desk.errors import UserError

        if not isValid(self):
            log.warning("the automatic backup failed after the window closed: %s",
                        type(exc).__name__)
            return
        if not isinstance(exc, UserError):
            self.runner.on_unhandled(exc)
            return
        self.statusBar().showMessage(t("ui.backup.auto_failed", problem=exc.message))

    def _back_up_before_closing(self) -> bool:
        """Start the closing backup (True: the close waits for it, with progress and Skip)."""
        if (self.backed_up_on_close or self.closing_for_logout or self.login_failed
                or not self.backup_on_close or not self.actor.may(Permission.BACKUP)):
            return False
        self.backed_up_on_close = True
        backups = self.services.backups

        def done(_result: object) -> None:
            QTimer.singleShot(0, self, self.close)

        def failed(exc: BaseException) -> None:
            from kdrt_desk.errors import UserError

            if not isinstance(exc, UserError):
                log.error("the closing backup failed", exc_info=exc)
            QTimer.singleShot(0, self, self.close)  # closing must never hang on a backup

        self.runner.run_with_progress(self, t("ui.backup.closing"), t("ui.backup.skip"),
                                      lambda progress: backups.make_automatic(
                                          report=progress.report), done, failed, aside=True)
        return True

    def open_certificate_check(self) -> None:
        from kdrt_desk.ui.certificate_verify_dialog import CertificateVerifyDialog

        CertificateVerifyDialog(self.services, self.runner, self).show()

    def open_certificate_templates(self) -> None:
        from kdrt_desk.ui.certificate_template_dialog import CertificateTemplateDialog

        CertificateTemplateDialog(self.services, self.runner, self).show()

    def ask_new_recovery_sheet(self) -> None:
        answer = QMessageBox.question(self, t("ui.main.new_recovery_sheet"),
                                      t("ui.main.new_recovery_explain"))
        if answer != QMessageBox.StandardButton.Yes:
            return
        from kdrt_desk.services.recovery import sheet_file_name

        default = Path.home() / "Documents" / sheet_file_name()
        chosen = choose_save_path(self, t("ui.main.new_recovery_sheet"), default, "PDF (*.pdf)")
        if chosen is not None:
            self.replace_recovery_sheet(*chosen)

    def preview_new_recovery_sheet(self) -> None:
        """A new code's sheet in the preview; the code comes into force (and the old one
        stops working) only once the sheet was printed or saved from there."""
        answer = QMessageBox.question(self, t("ui.main.new_recovery_sheet"),
                                      t("ui.print.new_recovery_explain"))
        if answer != QMessageBox.StandardButton.Yes:
            return
        recovery, language = self.services.recovery, i18n.language()
        self.runner.run(lambda: recovery.new_recovery_sheet(lang=language),
                        self._show_new_recovery_sheet, lambda exc: show_error(self, exc))

    def _show_new_recovery_sheet(self, made: tuple[str, bytes]) -> None:
        from kdrt_desk.services.recovery import sheet_file_name
        from kdrt_desk.ui.widgets.pdf_preview import PdfPreviewDialog

        code, data = made
        recovery, language = self.services.recovery, i18n.language()
        in_force: list[bool] = []

        def save(path: Path, overwrite: bool) -> Path:
            def write(new: str) -> None:
                recovery.write_sheet_for(new, path, lang=language, overwrite=overwrite)

            if in_force:
                write(code)  # a second copy of the sheet already in force
            else:
                recovery.put_in_force(code, write)
                in_force.append(True)
                QMessageBox.information(self, t("ui.main.new_recovery_sheet"),
                                        t("ui.print.recovery_in_force"))
            return path

        def printed(_pages: int) -> None:
            if in_force:
                return
            try:
                recovery.put_in_force(code)
            except Exception as exc:  # noqa: BLE001 - shown; the old code still works
                show_error(self, exc)
                return
            in_force.append(True)
            QMessageBox.information(self, t("ui.main.new_recovery_sheet"),
                                    t("ui.print.recovery_in_force"))

        dialog = PdfPreviewDialog(self, data, kind="recovery_sheet",
                                  title=t("ui.print.doc.recovery_sheet"),
                                  suggested_name=sheet_file_name(), save=save)
        dialog.printed.connect(printed)
        dialog.finished.connect(lambda _code: dialog.deleteLater())
        self.recovery_preview = dialog
        dialog.open()

    def replace_recovery_sheet(self, path: Path, overwrite: bool = False) -> None:
        """Write a new recovery sheet to ``path``; only then does the old code stop working."""
        recovery, language = self.services.recovery, i18n.language()

        def done(_: object) -> None:
            QMessageBox.information(self, t("ui.main.new_recovery_sheet"),
                                    t("ui.main.new_recovery_done", path=str(path)))

        # the file dialog asked before replacing a file
        self.runner.run(lambda: recovery.replace_recovery_sheet(path, lang=language,
                                                               overwrite=overwrite), done)

    def _login_not_recorded(self, exc: BaseException) -> None:
        """The vault cannot be written (damaged, disk full): say so, and back to the login."""
        self.login_failed = True
        from kdrt_desk.services.backup_offer import CURED_BY_RESTORE

        if isinstance(exc, UserError) and exc.key in CURED_BY_RESTORE:
            self.damage_found = exc  # the login says it, with the newest backup to restore
            self.runner.hushed = exc.key  # once: not again by each screen's queued read
        else:
            show_error(self, exc)
        self.closing_for_logout = True
        QTimer.singleShot(0, self.close)

    # -- leaving ----------------------------------------------------------------------------
    def _unsaved_forms(self) -> list[ParticipantForm]:
        return [f for f in self.forms if f.has_unsaved_changes()]

    def logout(self) -> None:
        if self._unsaved_forms() and not self.locked:
            answer = QMessageBox.question(self, t("ui.main.logout"), t("ui.main.unsaved_forms"))
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.closing_for_logout = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        if not self.closing_for_logout and self._unsaved_forms() and not self.locked \
                and not self.backed_up_on_close:  # asked already, before the closing backup
            answer = QMessageBox.question(self, t("ui.main.quit"), t("ui.main.unsaved_forms"))
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        if not self.locked and self._back_up_before_closing():
            event.ignore()
            return
        for form in list(self.forms):
            form.discard()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.watcher)
        self.watcher.timer.stop()
        services = self.services
        if not self.login_failed and not self.vault_released:
            self.runner.run(lambda: services.accounts.record_session_event("logout"))
        self.runner.wait()
        if not self.vault_released:
            services.close()
        super().closeEvent(event)
        if self.closing_for_logout:
            QTimer.singleShot(0, self.on_logout)
        else:
            QTimer.singleShot(0, QApplication.quit)

    @property
    def is_showing_lock_screen(self) -> bool:
        return self.stack.currentWidget() is self.lock_screen and self.locked
