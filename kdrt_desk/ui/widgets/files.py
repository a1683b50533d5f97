"""Asking where to save a file, and whether to replace one that is there (asked once, here:
the services never replace a file without that answer)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from kdrt_desk.i18n import t


def documents() -> Path:
    """The user's Documents folder (home when the system names none): where a save starts."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


def choose_save_path(parent: QWidget | None, title: str, default: Path | str, file_filter: str,
                     suffix: str = ".pdf") -> tuple[Path, bool] | None:
    """Where to write a file for the user, and whether she agreed to replace one that is there
    (asked once, by us: the services never replace a file without that answer)."""
    name, _filter = QFileDialog.getSaveFileName(
        parent, title, str(default), file_filter,
        options=QFileDialog.Option.DontConfirmOverwrite)
    if not name:
        return None
    path = Path(name)
    if suffix and path.suffix.lower() != suffix:
        path = path.with_name(path.name + suffix)
    return confirmed_target(parent, path)


def confirmed_target(parent: QWidget | None, path: Path) -> tuple[Path, bool] | None:
    """``(path, overwrite)``; None when the file exists and she chose not to replace it."""
    if not path.exists():
        return path, False
    answer = QMessageBox.question(parent, t("ui.common.replace_title"),
                                  t("ui.common.replace_text", path=str(path)))
    return (path, True) if answer == QMessageBox.StandardButton.Yes else None
