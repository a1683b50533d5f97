"""What KDRT Desk bundles and under which licence, for the About box (and the user guide).

One entry per component the installed program carries: the runtime dependencies of
``pyproject.toml`` (a test keeps the two in step), the native libraries inside them that carry
their own licence (Qt, SQLCipher, SQLite, PDFium) and the fonts. Versions are read from the
installed packages' metadata when it is there (the frozen build copies it), else left blank.
"""

from __future__ import annotations

import platform
from dataclasses import dataclass
from importlib import metadata


@dataclass(frozen=True)
class Component:
    name: str  # as the About box shows it
    distribution: str  # the package it comes with ("" for a font or a library inside one)
    licence: str  # SPDX identifier or the licence's own name
    url: str

    def version(self) -> str:
        if self.name == "Python":
            return platform.python_version()
        if not self.distribution:
            return ""
        try:
            return metadata.version(self.distribution)
        except metadata.PackageNotFoundError:
            return ""


BUNDLED: tuple[Component, ...] = (
    Component("Python", "", "PSF-2.0", "https://www.python.org"),
    Component("Qt 6 / PySide6", "PySide6-Essentials", "LGPL-3.0-only", "https://www.qt.io"),
    Component("Shiboken6", "shiboken6", "LGPL-3.0-only", "https://www.qt.io"),
    Component("SQLCipher (sqlcipher3)", "sqlcipher3", "BSD-3-Clause",
              "https://www.zetetic.net/sqlcipher/"),
    Component("SQLite", "", "Public domain", "https://sqlite.org"),
    Component("SQLAlchemy", "SQLAlchemy", "MIT", "https://www.sqlalchemy.org"),
    Component("Alembic", "alembic", "MIT", "https://alembic.sqlalchemy.org"),
    Component("argon2-cffi", "argon2-cffi", "MIT", "https://argon2-cffi.readthedocs.io"),
    Component("cryptography", "cryptography", "Apache-2.0 OR BSD-3-Clause",
              "https://cryptography.io"),
    Component("keyring", "keyring", "MIT", "https://github.com/jaraco/keyring"),
    Component("platformdirs", "platformdirs", "MIT", "https://github.com/tox-dev/platformdirs"),
    Component("openpyxl", "openpyxl", "MIT", "https://openpyxl.readthedocs.io"),
    Component("msoffcrypto-tool", "msoffcrypto-tool", "MIT",
              "https://github.com/nolze/msoffcrypto-tool"),
    Component("ReportLab", "reportlab", "BSD-3-Clause", "https://www.reportlab.com"),
    Component("pypdfium2 / PDFium", "pypdfium2", "Apache-2.0 AND BSD-3-Clause",
              "https://github.com/pypdfium2-team/pypdfium2"),
    Component("Pillow", "pillow", "MIT-CMU", "https://python-pillow.org"),
    Component("Babel", "Babel", "BSD-3-Clause", "https://babel.pocoo.org"),
    Component("holidays", "holidays", "MIT", "https://github.com/vacanza/holidays"),
    Component("adhanpy", "adhanpy", "MIT", "https://github.com/alphahm/adhanpy"),
    Component("icalendar", "icalendar", "BSD-2-Clause", "https://icalendar.readthedocs.io"),
    Component("OR-Tools", "ortools", "Apache-2.0", "https://developers.google.com/optimization"),
    Component("protobuf", "protobuf", "BSD-3-Clause", "https://protobuf.dev"),
    Component("NumPy", "numpy", "BSD-3-Clause", "https://numpy.org"),
    Component("pyqtgraph", "pyqtgraph", "MIT", "https://www.pyqtgraph.org"),
    Component("DejaVu Sans (huruf / font)", "", "Bitstream Vera / DejaVu (free)",
              "https://dejavu-fonts.github.io"),
)

FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")  # kdrt_desk/assets/fonts, DejaVu's
