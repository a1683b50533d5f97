"""Recording what was done about an assessment alert (a call, a visit, a referral), which
closes it; opened from her record and from the alert list."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from kdrt_desk.domain.assessment import AlertView
from kdrt_desk.i18n import format_datetime, t
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.form_dialog import FormDialog
from kdrt_desk.ui.widgets.forms import new_form, plain, text_box
from kdrt_desk.ui.widgets.look import RESTRICTED, mark
from kdrt_desk.wiring import Services


def alert_words(alert: AlertView) -> str:
    """One line: who, which item, the answer and when."""
    return t("ui.alert.line", name=alert.name, code=alert.code,
             instrument=alert.instrument_code, item=alert.item, answer=alert.answer,
             when=format_datetime(alert.raised_at))


class AlertActionDialog(FormDialog):
    def __init__(self, services: Services, runner: TaskRunner, alert: AlertView,
                 parent: QWidget | None = None) -> None:
        super().__init__(services, runner, parent)
        self.alert = alert
        self.setWindowTitle(t("ui.alert.action_title"))
        about = plain(mark(QLabel(alert_words(alert)), RESTRICTED))
        about.setWordWrap(True)
        item = plain(QLabel(alert.item_text))
        item.setWordWrap(True)
        self.action = text_box(90, 180)
        form = new_form()
        self.add_field(form, t("ui.alert.item"), "item", item)
        self.add_field(form, t("ui.alert.action"), "action", self.action, True,
                       t("ui.alert.action_hint"))
        self.finish_layout(form, t("ui.alert.close"), intro=about, width=560)

    def submit(self) -> None:
        text, alerts, alert_id = self.action.toPlainText(), self.services.alerts, self.alert.id
        self.run(lambda: alerts.record_action(alert_id, text))
