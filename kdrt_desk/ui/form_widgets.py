"""Input widgets the intake form needs: enum combos, optional dates, Rupiah and age-list fields."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import TypeVar

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QLineEdit, QWidget

from kdrt_desk.i18n import label, t

E = TypeVar("E", bound=StrEnum)


def enum_combo(enum: type[StrEnum], empty: bool = False) -> QComboBox:
    combo = QComboBox()
    if empty:
        combo.addItem(t("ui.form.choose"), None)
    for member in enum:
        combo.addItem(label(member), member)
    return combo


def enum_value(combo: QComboBox, enum: type[E]) -> E | None:
    """The chosen member (Qt hands enum data back as plain text), or None for "— choose —"."""
    data = combo.currentData()
    return None if data is None or data == "" else enum(data)


def set_combo(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(max(index, 0))


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class OptionalDate(QWidget):
    """A date that may be unknown: a check box enables the date editor."""

    def __init__(self, known_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.known = QCheckBox(known_text)
        self.editor = QDateEdit()
        self.editor.setCalendarPopup(True)
        self.editor.setDisplayFormat("dd-MM-yyyy")
        self.editor.setDate(QDate.currentDate())
        self.editor.setEnabled(False)
        self.known.toggled.connect(self.editor.setEnabled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.known)
        layout.addWidget(self.editor, 1)

    def value(self) -> date | None:
        return from_qdate(self.editor.date()) if self.known.isChecked() else None

    def set_value(self, value: date | None) -> None:
        self.known.setChecked(value is not None)
        if value is not None:
            self.editor.setDate(to_qdate(value))


class DateTextError(ValueError):
    """Typed text that is no date: ``key`` is the catalogue message saying why."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def parse_typed_date(text: str) -> date | None:
    """``15/03/1990``, ``15-03-1990`` or ``15.3.1990`` (day first, as Indonesians write it) -> a
    date; empty -> None. Raises DateTextError for another shape or a day the calendar lacks."""
    cleaned = text.strip()
    if not cleaned:
        return None
    parts = cleaned.replace("/", "-").replace(".", "-").split("-")
    if len(parts) != 3 or not all(p.strip().isdigit() for p in parts) \
            or len(parts[2].strip()) != 4:
        raise DateTextError("error.typed_date_format")
    day, month, year = (int(p) for p in parts)
    try:
        return date(year, month, day)
    except ValueError:
        raise DateTextError("error.date_impossible") from None


class PastDateEdit(QLineEdit):
    """A date in the past (birth, consent): starts empty, typed as dd/mm/yyyy or dd-mm-yyyy.

    ``value()`` is None while empty or unreadable; ``problem()`` says what is wrong with the text.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(t("ui.form.date_hint"))
        self.setMaxLength(10)
        self.editingFinished.connect(self._reformat)

    def value(self) -> date | None:
        try:
            return parse_typed_date(self.text())
        except DateTextError:
            return None

    def problem(self) -> str:
        """The message for text that is not a date ("" when it is one or is empty)."""
        try:
            parse_typed_date(self.text())
        except DateTextError as exc:
            return t(exc.key, text=self.text().strip())
        return ""

    def set_value(self, value: date | None) -> None:
        self.setText("" if value is None else value.strftime("%d-%m-%Y"))

    def _reformat(self) -> None:
        found = self.value()
        if found is not None:
            self.set_value(found)


def parse_rupiah(text: str) -> int | None:
    """``Rp 1.500.000`` / ``1500000`` / empty -> int or None; raises ValueError otherwise."""
    cleaned = text.strip().lower().removeprefix("rp").replace(".", "").replace(" ", "")
    cleaned = cleaned.split(",")[0]
    if not cleaned:
        return None
    if not cleaned.isdigit():
        raise ValueError(text)
    return int(cleaned)


def parse_ages(text: str) -> list[int]:
    """``3, 7, 12`` -> [3, 7, 12]; raises ValueError on anything that is not a whole number."""
    parts = [p.strip() for p in text.replace(";", ",").split(",") if p.strip()]
    return [int(p) for p in parts]


class RupiahEdit(QLineEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText("Rp 1.500.000")
        self.editingFinished.connect(self._reformat)

    def _reformat(self) -> None:
        try:
            value = parse_rupiah(self.text())
        except ValueError:
            return
        self.setText("" if value is None else f"Rp {value:,}".replace(",", "."))
