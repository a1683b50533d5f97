"""Tool tips for the main window's tabs: what each screen is for, chosen by the screen's type."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget

from kdrt_desk.i18n import t

# the screen class (by name: the screens are imported only for the roles that see them) -> tip
TAB_TIPS: dict[str, str] = {
    "RegisterView": "ui.tip.tab.register",
    "WaitlistView": "ui.tip.tab.waitlist",
    "DashboardView": "ui.tip.tab.dashboard",
    "GroupsView": "ui.tip.tab.groups",
    "SessionsView": "ui.tip.tab.sessions",
    "CatalogueView": "ui.tip.tab.catalogue",
    "CalendarView": "ui.tip.tab.calendar",
    "IndicatorsView": "ui.tip.tab.indicators",
    "RemindersView": "ui.tip.tab.reminders",
    "ScheduleView": "ui.tip.tab.schedule",
    "CertificatesView": "ui.tip.tab.certificates",
    "MonitoringView": "ui.tip.tab.monitoring",
    "AccountsView": "ui.tip.tab.accounts",
    "AuditView": "ui.tip.tab.audit",
}


def set_tab_tips(tabs: QTabWidget) -> None:
    """Give every tab whose screen is known its tool tip, in the language now in use (call it
    again after the tabs are rebuilt for another language)."""
    for index in range(tabs.count()):
        widget = tabs.widget(index)
        key = next((TAB_TIPS[kind.__name__] for kind in type(widget).__mro__
                    if kind.__name__ in TAB_TIPS), None)
        if key is not None:
            tabs.setTabToolTip(index, t(key))
