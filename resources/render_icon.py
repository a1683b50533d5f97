"""Render resources/kdrt-desk.svg to the PNG the app loads (run after changing the SVG)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).parent
TARGET = HERE.parent / "kdrt_desk" / "assets" / "kdrt-desk.png"


def main() -> None:
    app = QGuiApplication([])
    renderer = QSvgRenderer(str(HERE / "kdrt-desk.svg"))
    image = QImage(QSize(256, 256), QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    image.save(str(TARGET))
    del app


if __name__ == "__main__":
    main()
