"""Finds screens that would render user-typed markup (``<b>…</b>``) instead of showing it.

Each user-entered value the tests store carries a sentinel word (``ZQ…``) inside HTML tags.
``probe`` walks a widget and everything under it: a QLabel that shows a sentinel must use
``Qt.TextFormat.PlainText`` (rich or auto text would render her tags, or a link or an image);
a text box or list that shows a sentinel must show the whole value, tags included (a stripped
tag means it went through an HTML renderer); an item view must draw its cells with Qt's own
delegates, which draw plain text.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QHelpEvent, QTextDocument
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTabBar,
    QTextEdit,
    QToolTip,
    QTreeView,
    QWidget,
)

# field -> the value typed into it: markup around a sentinel that appears nowhere else
VALUES = {
    "full_name": "<b>Siti</b> <i>ZQfull</i>",
    "preferred_name": "<a href='x'>ZQpref</a>",
    "trusted_contact": "<img src=x>ZQtrust<b>!</b>",
    "birth_place": "<u>ZQplace</u>",
    "occupation": "<s>ZQjob</s>",
    "group": "<b>Angkatan</b> <u>ZQgroup</u>",
    "module": "<i>ZQmodule</i> <b>Dasar</b>",
    "venue": "<b>Aula</b> <img src=x>ZQvenue",
    "facilitator": "<b>Ibu</b> <i>ZQfac</i>",
    "partner": "<a href='x'>LBH</a> <b>ZQpartner</b>",
    "partner_contact": "<i>ZQcontact</i>",
    "display_name": "<b>Petugas</b> <i>ZQstaff</i>",
    "topic": "<b>Topik</b> <i>ZQtopic</i>",
    "provider_note": "<b>Psikolog</b> <i>ZQprovider</i>",
    "safety_notes": "<b>Catatan</b> <i>ZQsafety</i>",
    "interview_notes": "<b>Wawancara</b> <i>ZQinterview</i>",
    "excuse": "<b>Anak</b> <i>ZQexcuse</i>",
    "organisation": "<i>ZQorg</i>",
    "address": "<b>Jl.</b> <i>ZQaddress</i>",
    "module_code": "<B>ZQCODE</B>",  # codes are kept in capitals
    "colleague": "<b>Rekan</b> <i>ZQcolleague</i>",
    "change_reason": "<b>Ibu</b> <i>ZQreason</i> menghubungi lagi",
    "new_partner": "<b>Mitra</b> <i>ZQnewpartner</i>",
}
SENTINELS = {value.split("ZQ", 1)[1].split("<", 1)[0]: field for field, value in VALUES.items()}


# Qt's own delegates, which draw a cell's text as plain text (the combo box's pop-up list
# uses a private one of its own)
PLAIN_DELEGATES = frozenset({"QStyledItemDelegate", "QItemDelegate", "QComboBoxDelegate",
                             "QComboMenuDelegate"})


def sentinels_in(text: str) -> list[str]:
    """The fields whose sentinel ``text`` shows."""
    return [field for word, field in SENTINELS.items() if f"ZQ{word}" in text]


def describe(widget: QObject) -> str:
    """``Class#objectName`` up the parent chain, for a failure message."""
    chain = []
    current: QObject | None = widget
    while current is not None:
        name = current.objectName()
        chain.append(type(current).__name__ + (f"#{name}" if name else ""))
        current = current.parent()
    return " < ".join(chain)


def _rows(model: QAbstractItemModel, parent: QModelIndex | None = None) -> int:
    return model.rowCount(parent if parent is not None else QModelIndex())


def _columns(model: QAbstractItemModel, parent: QModelIndex | None = None) -> int:
    """A list model's column count is private in PySide: it has one column."""
    try:
        return model.columnCount(parent if parent is not None else QModelIndex())
    except TypeError:
        return 1


def _cells(model: QAbstractItemModel, tree: bool, parent: QModelIndex | None = None,
           depth: int = 0) -> Iterable[QModelIndex]:
    parent = parent if parent is not None else QModelIndex()
    for row in range(_rows(model, parent)):
        for column in range(_columns(model, parent)):
            index = model.index(row, column, parent)
            yield index
            if tree and depth < 3 and column == 0:
                yield from _cells(model, tree, index, depth + 1)


def rendered(text: str) -> str:
    """What Qt shows for ``text`` where it guesses the format (tool tips, message boxes)."""
    if not GuiQt.mightBeRichText(text):
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def paints_plain(delegate: QAbstractItemDelegate) -> bool:
    """Qt's own delegates draw a cell's text as plain text; so does a Python one that leaves
    painting (and the text) to QStyledItemDelegate."""
    if delegate.metaObject().className() in PLAIN_DELEGATES:
        return True
    if not isinstance(delegate, QStyledItemDelegate):
        return False
    kind = type(delegate)
    return (kind.paint is QStyledItemDelegate.paint
            and kind.displayText is QStyledItemDelegate.displayText
            and kind.initStyleOption is QStyledItemDelegate.initStyleOption)


def cell_tip(view: QAbstractItemView, index: QModelIndex, tip: str) -> str:
    """What a cell's tool tip hands Qt: the text itself, unless the delegate shows its own
    (then what it passes to QToolTip.showText)."""
    delegate = view.itemDelegateForIndex(index)
    help_event = getattr(type(delegate), "helpEvent", None)
    if delegate is None or help_event in (QAbstractItemDelegate.helpEvent,
                                          QStyledItemDelegate.helpEvent):
        return tip
    shown: list[str] = []
    original = QToolTip.showText

    def capture(_pos: object, text: str, *_args: object) -> None:
        shown.append(text)

    QToolTip.showText = capture  # type: ignore[assignment]
    try:
        rect = view.visualRect(index)
        event = QHelpEvent(QEvent.Type.ToolTip, rect.center(),
                           view.viewport().mapToGlobal(rect.center()))
        delegate.helpEvent(event, view, QStyleOptionViewItem(), index)
    finally:
        QToolTip.showText = original  # type: ignore[method-assign]
    return shown[0] if shown else tip


def _whole_values(text: str) -> list[str]:
    """Fields whose sentinel shows in ``text`` without the markup typed around it."""
    return [field for field in sentinels_in(text) if VALUES[field] not in text]


class Findings:
    """What the walks found: problems, and the fields seen (so a test knows a screen loaded)."""

    def __init__(self) -> None:
        self.problems: list[str] = []
        self.seen: set[str] = set()

    def text(self, widget: QObject, text: str, what: str, whole: bool) -> None:
        found = sentinels_in(text)
        self.seen.update(found)
        if whole and found:
            stripped = _whole_values(text)
            if stripped:
                self.problems.append(f"{describe(widget)}: {what} lost the tags of "
                                     f"{stripped} (rendered as HTML?): {text!r}")

    def label(self, label: QLabel) -> None:
        text = label.text()
        found = sentinels_in(text)
        self.seen.update(found)
        if not found:
            return
        fmt = label.textFormat()
        if fmt != Qt.TextFormat.PlainText:
            auto = fmt == Qt.TextFormat.AutoText
            rich_now = fmt == Qt.TextFormat.RichText or GuiQt.mightBeRichText(text)
            self.problems.append(
                f"{describe(label)}: QLabel shows {found} with textFormat {fmt.name}"
                + (" (renders her markup now)" if rich_now else
                   " (auto-detects: renders markup once it is on the first line)" if auto
                   else "") + f": {text!r}")

    def view(self, view: QAbstractItemView) -> None:
        model = view.model()
        if model is None or isinstance(view, QHeaderView):  # a header: see header_texts
            return
        delegates: list[tuple[str, QAbstractItemDelegate | None]] = [
            ("view", view.itemDelegate())]
        delegates += [(f"column {c}", view.itemDelegateForColumn(c))
                      for c in range(_columns(model))]
        delegates += [(f"row {r}", view.itemDelegateForRow(r))
                      for r in range(min(_rows(model), 200))]
        for where, delegate in delegates:
            if delegate is not None and not paints_plain(delegate):
                self.problems.append(f"{describe(view)}: custom delegate "
                                     f"{type(delegate).__name__} ({where}) may paint HTML")
        for index in _cells(model, isinstance(view, QTreeView)):
            where = f"({index.row()}, {index.column()})"
            value = index.data(Qt.ItemDataRole.DisplayRole)
            if isinstance(value, str):
                self.text(view, value, f"cell {where}", whole=True)
            tip = index.data(Qt.ItemDataRole.ToolTipRole)
            if isinstance(tip, str):
                self.tool_tip(view, cell_tip(view, index, tip), f"cell tool tip {where}")
        self.header_texts(view, model)

    def header_texts(self, view: QAbstractItemView, model: QAbstractItemModel) -> None:
        for orientation, count in ((Qt.Orientation.Horizontal, _columns(model)),
                                   (Qt.Orientation.Vertical, _rows(model))):
            for section in range(min(count, 200)):
                value = model.headerData(section, orientation, Qt.ItemDataRole.DisplayRole)
                if isinstance(value, str):
                    self.text(view, value, "header", whole=True)
                tip = model.headerData(section, orientation, Qt.ItemDataRole.ToolTipRole)
                if isinstance(tip, str):  # a header shows its tool tips itself, as Qt guesses
                    self.tool_tip(view, tip, f"header tool tip {section}")

    def tool_tip(self, widget: QObject, shown: str, what: str) -> None:
        """``shown``: what Qt is handed for a tool tip; it guesses rich text from the first
        line (there is no plain switch), so it must show each value with its tags."""
        found = sentinels_in(shown)
        self.seen.update(found)
        lost = [field for field in found if VALUES[field] not in rendered(shown)]
        if lost:
            self.problems.append(f"{describe(widget)}: {what} renders the markup of {lost} "
                                 f"(Qt takes it for rich text): {shown!r}")

    def widget(self, widget: QWidget) -> None:
        self.text(widget, widget.windowTitle(), "window title", whole=True)
        self.tool_tip(widget, widget.toolTip(), "tool tip")
        if isinstance(widget, QLabel):
            self.label(widget)
        elif isinstance(widget, (QTextEdit, QPlainTextEdit)):
            self.text(widget, widget.toPlainText(), "text box", whole=True)
        elif isinstance(widget, (QLineEdit, QAbstractButton)):
            self.text(widget, widget.text(), "text", whole=True)
        elif isinstance(widget, QGroupBox):
            self.text(widget, widget.title(), "group box title", whole=True)
        elif isinstance(widget, QComboBox):
            for i in range(widget.count()):
                self.text(widget, widget.itemText(i), f"item {i}", whole=True)
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                self.text(widget, widget.tabText(i), f"tab {i}", whole=True)
        if isinstance(widget, QAbstractItemView):
            self.view(widget)

    def walk(self, root: QWidget) -> None:
        for widget in [root, *root.findChildren(QWidget)]:
            self.widget(widget)


def probe(*roots: QWidget) -> Findings:
    """Walk ``roots`` and everything in them, shown or hidden parts alike."""
    assert roots, "nothing to probe: the screen did not open"
    findings = Findings()
    for root in roots:
        root.grab()  # paints it, as the screen would
        findings.walk(root)
    return findings


def assert_plain(*roots: QWidget, expect: Iterable[str] = ()) -> Findings:
    """Fail, naming each widget, if any screen under ``roots`` would render her markup;
    ``expect``: fields these screens must show (so an empty screen cannot pass)."""
    findings = probe(*roots)
    missing = sorted(set(expect) - findings.seen)
    message = "\n".join(findings.problems)
    if missing:
        message += f"\nthese screens never showed {missing} (not loaded?)"
    assert not findings.problems and not missing, message
    return findings
