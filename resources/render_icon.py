"""Render resources/kdrt-desk.svg to the PNG the app loads and to the Windows icon the
executables and the setup carry (resources/kdrt-desk.ico: 16 to 256 px, each size drawn from the
SVG so the small ones stay sharp); run after changing the SVG."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).parent
TARGET = HERE.parent / "kdrt_desk" / "assets" / "kdrt-desk.png"
ICO = HERE / "kdrt-desk.ico"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def _render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(QSize(size, size), QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main() -> None:
    from PIL import Image  # Pillow: writes a multi-size .ico

    app = QGuiApplication([])
    renderer = QSvgRenderer(str(HERE / "kdrt-desk.svg"))
    _render(renderer, 256).save(str(TARGET))
    frames = []
    for size in ICO_SIZES:
        path = HERE / f".icon-{size}.png"
        _render(renderer, size).save(str(path))
        frames.append(Image.open(path).copy())
        path.unlink()
    frames[-1].save(ICO, sizes=[(s, s) for s in ICO_SIZES], append_images=frames[:-1])
    del app


if __name__ == "__main__":
    main()
