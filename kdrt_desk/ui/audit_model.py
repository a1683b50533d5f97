"""The audit log's item model, and readable texts for its action codes, actors and details."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from kdrt_desk.domain.enums import ConsentScope, ParticipantStatus, PartnerKind, Role
from kdrt_desk.domain.training import EnrolmentStatus, SessionStatus
from kdrt_desk.i18n import format_datetime, label, t
from kdrt_desk.i18n.catalog import MESSAGES
from kdrt_desk.services.actor import SYSTEM
from kdrt_desk.services.audit_log import AuditRecord

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("id", "at", "actor", "action", "target", "details")
BACKUP_KINDS = ("manual", "automatic", "scheduled")
# detail values that are codes of the app's enums, shown as their labels
CODED: dict[str, tuple[type[StrEnum], ...]] = {
    "status": (ParticipantStatus, EnrolmentStatus, SessionStatus), "kind": (PartnerKind,),
    "scope": (ConsentScope,), "from": (ParticipantStatus, EnrolmentStatus),
    "to": (ParticipantStatus, EnrolmentStatus)}


def _known(key: str, fallback: str, **params: object) -> str:
    return t(key, **params) if key in MESSAGES else fallback


def action_label(code: str) -> str:
    """``login`` -> ``Masuk (login)``; unknown codes are shown as they are."""
    return _known(f"ui.admin.audit.action.{code}", code)


def actor_label(username: str) -> str:
    return t("ui.admin.audit.system") if username == SYSTEM.username else username


def target_label(target: str) -> str:
    if target == "?":
        return t("ui.admin.audit.target_unknown")
    if target == "recovery":
        return t("ui.admin.audit.target_recovery")
    if target in BACKUP_KINDS:  # a backup entry's target is its kind
        return t(f"ui.admin.audit.target_backup.{target}")
    return target


def _value_text(key: str, value: object) -> str:
    if isinstance(value, bool):
        return t("ui.admin.yes") if value else t("ui.admin.no")
    if isinstance(value, list):
        return ", ".join(_value_text(key, item) for item in value)
    if key == "fields" and isinstance(value, str):
        return _known(f"ui.admin.audit.field.{value}", value)
    if key == "role" and isinstance(value, str) and value in Role.__members__.values():
        return label(Role(value))
    if key == "problem" and isinstance(value, str) and value in MESSAGES:
        return t(value)  # a catalogue key: the message the admin was shown
    if key in ("reason", "format") and isinstance(value, str):
        return _known(f"ui.admin.audit.{key}.{value}", value)
    if isinstance(value, str) and key in CODED:  # a status, kind or scope: its label
        for kind in CODED[key]:
            if value in kind.__members__.values():
                return label(kind(value))
    if key == "when" and isinstance(value, str):
        try:
            return format_datetime(datetime.fromisoformat(value).astimezone())
        except ValueError:
            return value
    return str(value)


def details_text(details: dict[str, object]) -> str:
    """``{"fields": ["full_name", "phone"]}`` -> ``isian diubah: nama lengkap, telepon``."""
    parts = []
    for key, value in details.items():
        name = _known(f"ui.admin.audit.detail.{key}", key)
        parts.append(f"{name}: {_value_text(key, value)}")
    return "; ".join(parts)


class AuditModel(QAbstractTableModel):
    """Entries arrive filtered and newest first from the service; texts are made when painted."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[AuditRecord] = []

    def set_rows(self, rows: list[AuditRecord]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])

    def row_at(self, row: int) -> AuditRecord | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(COLUMNS)

    def text(self, record: AuditRecord, column: str) -> str:
        if column == "id":
            return str(record.id)
        if column == "at":
            return format_datetime(record.at.astimezone())
        if column == "actor":
            return actor_label(record.actor)
        if column == "action":
            return action_label(record.action)
        if column == "target":
            return target_label(record.target)
        return details_text(record.details)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self.rows[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(record, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in ("details", "action"):
            return self.text(record, column) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "id":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return record
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return t(f"ui.admin.audit.col_{COLUMNS[section]}")
        return None
