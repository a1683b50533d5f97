"""The app's one look: palette, spacing and the named styles (hint, ok, warning, ...) screens use.

Screens mark a widget with ``mark(widget, HINT)`` instead of writing colours; ``apply_look``
installs the palette and the style sheet that gives each mark its colours, once, at start-up.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QTabWidget, QWidget

W = TypeVar("W", bound=QWidget)

HINT = "hint"  # grey explanation under a title or field
OK = "ok"  # green: done, saved, all met
ERROR = "error"  # red message
RESTRICTED = "restricted"  # brown: restricted data is on screen
WARNING = "warning"  # yellow box: something to look at
NOTICE = "notice"  # orange box: pay attention before going on
HIGH_RISK = "high_risk"  # red box: high-risk participant
TITLE = "title"  # a screen's title
SECTION = "section"  # a section header inside a screen
STRONG = "strong"  # bold line (a participant's name and code, a heading)
DANGER = "danger"  # red bold: what cannot be undone, a warning about contact
YES = "yes"  # green bold: given, agreed
MUTED = "muted"  # grey: not given, nothing here
WITHDRAWN = "withdrawn"  # brown bold: taken back
OK_BOX = "ok_box"  # green box: a check passed
ERROR_BOX = "error_box"  # red box: a check failed
CARD = "card"  # a frame around one figure (the dashboard)
FIGURE = "figure"  # the big number in a card
CELL = "cell"  # a figure in a grid of figures
CELL_STRONG = "cell_strong"  # a heading or total in that grid
PANEL = "panel"  # a light blue frame around an inline question (the roll call's reason)
LINK = "link"  # a flat button drawn as a link (the way to the recovery code)
PAPER = "paper"  # a page of a PDF in the preview (white, thin frame)
DESK = "desk"  # the grey area the preview's pages lie on

ACCENT = "#1f5fa8"
STYLESHEET = f"""
QLabel[look="{HINT}"] {{ color: #555555; }}
QLabel[look="{OK}"] {{ color: #1b5e20; }}
QLabel[look="{ERROR}"] {{ color: #b00020; }}
QLabel[look="{RESTRICTED}"] {{ color: #7a4b00; }}
QLabel[look="{WARNING}"] {{ background: #fff4c2; border: 1px solid #e0c060; border-radius: 4px;
    padding: 6px; color: #4a3b00; }}
QLabel[look="{NOTICE}"] {{ background: #fff4e5; border: 1px solid #e0a030; border-radius: 4px;
    padding: 6px; color: #4a3000; }}
QLabel[look="{HIGH_RISK}"] {{ background: #fde2e1; color: #8b0000; border: 2px solid #b00020;
    border-radius: 4px; padding: 8px; font-weight: bold; }}
QLabel[look="{TITLE}"] {{ font-size: 15pt; font-weight: bold; color: #1f3a5f; }}
QLabel[look="{SECTION}"] {{ font-size: 11pt; font-weight: bold; color: #1f3a5f;
    padding-top: 4px; }}
QLabel[look="{STRONG}"] {{ font-weight: bold; }}
QLabel[look="{DANGER}"] {{ color: #b00020; font-weight: bold; }}
QLabel[look="{YES}"] {{ color: #1b5e20; font-weight: bold; }}
QLabel[look="{MUTED}"] {{ color: #666666; }}
QLabel[look="{WITHDRAWN}"] {{ color: #8a4b00; font-weight: bold; }}
QPushButton[danger="true"]:enabled {{ color: #b00020; }}
QPushButton[look="{LINK}"] {{ border: none; color: #0b57d0; text-decoration: underline;
    text-align: left; padding: 2px 0; }}
QLabel[look="{OK_BOX}"] {{ background: #e3f4e6; color: #1b5e20; border: 1px solid #7cb98a;
    border-radius: 4px; padding: 8px; font-weight: bold; }}
QLabel[look="{ERROR_BOX}"] {{ background: #fde7e9; color: #8e0016; border: 1px solid #e08a95;
    border-radius: 4px; padding: 8px; font-weight: bold; }}
QFrame[look="{CARD}"] {{ background: #f7f9fc; border: 1px solid #d5dce6; border-radius: 6px; }}
QFrame[look="{PANEL}"] {{ background: #eef4fb; border: 1px solid #9bb8d8; border-radius: 4px; }}
QLabel[look="{FIGURE}"] {{ font-size: 20pt; font-weight: bold; color: #1f3a5f; }}
QLabel[look="{CELL}"] {{ padding: 2px 8px; }}
QLabel[look="{CELL_STRONG}"] {{ padding: 2px 8px; font-weight: bold; }}
QLabel[zero="true"] {{ color: #999999; }}
QPushButton[primary="true"] {{ font-weight: bold; border: 1px solid #c3cad3; border-radius: 4px;
    padding: 5px 14px; background: #e9edf2; color: #8a9099; }}
QPushButton[primary="true"]:enabled {{ background: {ACCENT}; color: white;
    border: 1px solid #174a85; }}
QPushButton[primary="true"]:enabled:hover {{ background: #174a85; }}
QPushButton[primary="true"]:enabled:focus {{ border: 2px solid #0b2f57; }}
QTabWidget::pane {{ top: -1px; }}
QLabel[look="{PAPER}"] {{ background: white; color: #777777; border: 1px solid #bbbbbb; }}
QWidget[look="{DESK}"] {{ background: #8a8f96; }}
"""


NORMAL_POINTS = 9.0  # Windows' own text size (Segoe UI 9 pt) at 100 %


def text_scale(widget: QWidget) -> float:
    """How much larger ``widget``'s text is than Windows' normal 9 pt (1.5 with "Make text
    bigger" at 150 %): for widths and heights written in px for the normal text."""
    points = widget.font().pointSizeF()
    return max(1.0, points / NORMAL_POINTS) if points > 0 else 1.0


def mark(widget: W, look: str) -> W:
    """Give ``widget`` one of the named looks (or none with ""); returns it for chaining."""
    if widget.property("look") != look:
        widget.setProperty("look", look)
        style = widget.style()
        style.unpolish(widget)
        style.polish(widget)
    return widget


def flag(widget: W, name: str, on: bool) -> W:
    """Switch a look modifier (``zero``: a figure that is 0, shown faint) on or off."""
    if bool(widget.property(name)) != on:
        widget.setProperty(name, on)
        style = widget.style()
        style.unpolish(widget)
        style.polish(widget)
    return widget


def primary(button: W) -> W:
    """The screen's one main action, in the accent colour (also on a button already styled,
    such as a wizard's own Next and Finish)."""
    return flag(button, "primary", True)


def danger(button: W) -> W:
    """A button whose action cannot be undone (erasing her data), in red."""
    button.setProperty("danger", True)
    return button


def palette() -> QPalette:
    """A calm light palette (the same on every Windows theme)."""
    colours = QPalette()
    colours.setColor(QPalette.ColorRole.Window, QColor("#f4f6f9"))
    colours.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    colours.setColor(QPalette.ColorRole.AlternateBase, QColor("#f0f3f7"))
    colours.setColor(QPalette.ColorRole.Button, QColor("#e9edf2"))
    colours.setColor(QPalette.ColorRole.WindowText, QColor("#1b1f24"))
    colours.setColor(QPalette.ColorRole.Text, QColor("#1b1f24"))
    colours.setColor(QPalette.ColorRole.ButtonText, QColor("#1b1f24"))
    colours.setColor(QPalette.ColorRole.ToolTipBase, QColor("#ffffdc"))
    colours.setColor(QPalette.ColorRole.ToolTipText, QColor("#1b1f24"))
    colours.setColor(QPalette.ColorRole.PlaceholderText, QColor("#80868e"))
    colours.setColor(QPalette.ColorRole.Highlight, QColor(ACCENT))
    colours.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    colours.setColor(QPalette.ColorRole.Link, QColor("#0b57d0"))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text,
                 QPalette.ColorRole.ButtonText):
        colours.setColor(QPalette.ColorGroup.Disabled, role, QColor("#8a9099"))
    return colours


def apply_look(app: QApplication) -> None:
    """Install the look on the whole app, before the first window (again: nothing changes;
    replacing the style under living widgets would crash)."""
    if app.property("kdrt_look"):
        return
    app.setProperty("kdrt_look", True)
    app.setStyle("Fusion")
    app.setPalette(palette())
    app.setStyleSheet(STYLESHEET)


# Each main screen's icon (Qt's standard ones: the same on every PC, no files to ship).
TAB_ICONS = {
    "RegisterView": QStyle.StandardPixmap.SP_FileDialogDetailedView,
    "WaitlistView": QStyle.StandardPixmap.SP_FileDialogListView,
    "DashboardView": QStyle.StandardPixmap.SP_FileDialogInfoView,
    "GroupsView": QStyle.StandardPixmap.SP_DirOpenIcon,
    "SessionsView": QStyle.StandardPixmap.SP_FileDialogContentsView,
    "CalendarView": QStyle.StandardPixmap.SP_FileDialogStart,
    "ScheduleView": QStyle.StandardPixmap.SP_BrowserReload,
    "CatalogueView": QStyle.StandardPixmap.SP_DriveHDIcon,
    "RemindersView": QStyle.StandardPixmap.SP_MessageBoxQuestion,
    "AccountsView": QStyle.StandardPixmap.SP_DialogYesButton,
    "AuditView": QStyle.StandardPixmap.SP_MessageBoxInformation,
    "MonitoringView": QStyle.StandardPixmap.SP_MessageBoxWarning,
    "IndicatorsView": QStyle.StandardPixmap.SP_FileDialogInfoView,
    "CertificatesView": QStyle.StandardPixmap.SP_DialogApplyButton,
}


def tab_icons(tabs: QTabWidget) -> None:
    """Put its icon on each main tab (found by the screen it holds)."""
    for index in range(tabs.count()):
        widget = tabs.widget(index)
        pixmap = TAB_ICONS.get(type(widget).__name__) if widget is not None else None
        if pixmap is not None:
            tabs.setTabIcon(index, tabs.style().standardIcon(pixmap))


# Colours of table cells (items take colours, not style sheets).
ENDED_TEXT = QColor("#777777")  # ended, archived, inactive, cancelled: rows no longer in use
HIGH_RISK_ROW = QColor("#fde2e1")  # rows of high-risk participants, for roles that see risk
HIGH_RISK_ROW_TEXT = QColor("#8b0000")
ERROR_TEXT = QColor("#b00020")  # a row with an error in it
ERROR_TAB = QColor("#800000")  # a form tab with an error in it (Qt's dark red)
ATTENTION_TEXT = QColor("#9a5b00")  # an account that needs a look (locked, password to change)
PENDING_TEXT = QColor("#8a5a00")  # a step still to do
BELOW_MINIMUM = QColor("#fde2e1")  # light red: attendance under the module's minimum
COMPLETED = QColor("#e3f1e0")  # light green: module completed
PRESENT = QColor("#e3f1e0")  # roll-call marks: present, late, excused, absent
LATE = QColor("#fff4c2")
EXCUSED = QColor("#e1ecf8")
ABSENT = QColor("#fde2e1")
# the timeline's marker colour for each kind of event
TIMELINE_KINDS = {
    "registration": QColor("#e3eefc"),
    "consent": QColor("#e9f5e1"),
    "screening": QColor("#fff2d6"),
    "decision": QColor("#fde4d3"),
    "service": QColor("#e6e1f5"),
    "referral": QColor("#dff3f3"),
    "withdrawal": QColor("#f7dcdc"),
    "training": QColor("#eef0d8"),
    "evaluation": QColor("#f1e3ef"),
}
TIMELINE_OTHER = QColor("#eeeeee")
# the calendar's days and hours (the Kalender tab)
HOLIDAY_DAY = QColor("#fde2e1")  # light red: a public holiday
JOINT_LEAVE_DAY = QColor("#fff0d6")  # light orange: cuti bersama
CLOSURE_DAY = QColor("#e6e1f5")  # light violet: the centre's own closure
RAMADAN_DAY = QColor("#e3f1e0")  # light green: a day of the fasting month
PRAYER_TIME = QColor("#e1ecf8")  # light blue: a prayer window kept free
OFF_HOURS = QColor("#eceef1")  # light grey: outside the day's hours
SESSION_BLOCK = QColor("#bcd4f0")  # a session in the week view
# the scheduler's week grid (the Penjadwalan tab)
PROPOSED_BLOCK = QColor("#bcd4f0")  # a proposed session
FIXED_BLOCK = QColor("#d0d4da")  # a session already there (held, planned before): not moved
LOCKED_BLOCK = QColor("#c9e4c5")  # a proposed session the admin locked
CONFLICT_BLOCK = QColor("#f4b6b6")  # a session that breaks a rule after a drag
CONFLICT_EDGE = QColor("#b00020")
GRID_LINE = QColor("#d5dce6")
GRID_HEADER = QColor("#eceef1")
GRID_TEXT = QColor("#1b1f24")
OTHER_MONTH_TEXT = QColor("#9aa0a8")  # a day of the month before or after
# the routine editor's blocks by kind ("prefers not" is drawn lighter and hatched)
ROUTINE_KINDS = {
    "work": QColor("#f6c28b"),
    "childcare": QColor("#9cc3ea"),
    "household": QColor("#b5dcb0"),
    "appointment": QColor("#d9b3e0"),
    "other": QColor("#d0d4da"),
}
ROUTINE_EDGE = QColor("#5a6472")  # a block's outline
ROUTINE_DRAFT = QColor("#1f5fa8")  # the block being drawn with the mouse (the accent)
