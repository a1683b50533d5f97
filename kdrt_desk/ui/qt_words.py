"""Qt's own words in Indonesian: the buttons of its message boxes and button boxes (Ya, Tidak,
Batal, Tutup...), the text fields' and scroll bars' menus, its colour, file and print dialogs.
Qt 6 ships no Indonesian qtbase translation, so without this an admin sees "Yes" / "No" /
"Print range" in an Indonesian app.

The app carries its own small Qt Linguist file for them, assets/qt/qt_words_id.ts, compiled with
the bundled ``pyside6-lrelease`` into qt_words_id.qm (both made from the one table in
scripts/qt_words_ts.py). ``QtWords`` is a ``QTranslator`` that loads that .qm (``load(path)``,
looked up by Qt context, source and disambiguation like any Qt translation) and answers from it
only while the app speaks Indonesian: ``i18n.set_language`` has no listeners, so the translator
asks the language at each call, and a switch to English (or back) at run time takes effect in
the next dialog without installing or removing anything.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTranslator

from kdrt_desk import i18n

# beside the package like the app's other assets, so it is found in a PyInstaller one-folder
# build too (installer/kdrt-desk.spec collects kdrt_desk/assets/**/*)
QM_FILE = Path(__file__).parent.parent / "assets" / "qt" / "qt_words_id.qm"
LANGUAGE = "id"  # the language the .qm is in

log = logging.getLogger(__name__)


class QtWords(QTranslator):
    """The app's .qm of Qt's own strings, in effect while the app speaks Indonesian."""

    def __init__(self, parent: QObject | None = None, path: Path = QM_FILE) -> None:
        super().__init__(parent)
        self.path = path
        self.loaded = self.load(str(path))

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:  # type: ignore[override]
        if i18n.language() != LANGUAGE:
            return None  # a null string: not translated, Qt keeps its English
        # not in the file: None too (an empty string would stop Qt's search and blank the text)
        return super().translate(context, source, disambiguation, n) or None


def install_qt_words(app: QObject | None = None) -> QtWords:
    """Install the translator on the running application (once is enough: it follows the
    language the app speaks at each call)."""
    words = QtWords(app or QCoreApplication.instance())
    if not words.loaded:
        log.warning("Qt's Indonesian words are missing (%s): Qt's dialogs stay in English",
                    words.path)
    QCoreApplication.installTranslator(words)
    return words
