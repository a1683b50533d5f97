"""The app's emblem drawn with reportlab vector primitives (resources/kdrt-desk.svg): a rounded
blue square, a cream shield and a red heart. No image file is needed, so it prints sharp."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

SQUARE = colors.HexColor("#1F4E79")
SHIELD = colors.HexColor("#F4F1EA")
HEART = colors.HexColor("#C0392B")

_VIEWBOX = 256.0
# The SVG's paths as absolute points: a start point, then cubic Bézier segments (three points
# each) and straight lines (one point each), in the SVG's coordinates (y grows downwards).
_Segment = tuple[tuple[float, float], ...]
_SHIELD: tuple[tuple[float, float], list[_Segment]] = (
    (128, 52),
    [((102, 70), (76, 74), (56, 74)),
     ((56, 120),),
     ((56, 172), (86, 204), (128, 220)),
     ((170, 204), (200, 172), (200, 120)),
     ((200, 74),),
     ((180, 74), (154, 70), (128, 52))],
)
_HEART: tuple[tuple[float, float], list[_Segment]] = (
    (128, 92),
    [((118, 78), (88, 82), (88, 106)),
     ((88, 128), (114, 142), (128, 154)),
     ((142, 142), (168, 128), (168, 106)),
     ((168, 82), (138, 78), (128, 92))],
)


def draw_emblem(canvas: Canvas, x: float, y: float, size: float) -> None:
    """Draw the emblem with its lower-left corner at (x, y), ``size`` points square."""
    scale = size / _VIEWBOX

    def point(px: float, py: float) -> tuple[float, float]:
        return x + px * scale, y + (_VIEWBOX - py) * scale

    def fill(shape: tuple[tuple[float, float], list[_Segment]], colour: colors.Color) -> None:
        start, segments = shape
        path = canvas.beginPath()
        path.moveTo(*point(*start))
        for segment in segments:
            if len(segment) == 3:
                (ax, ay), (bx, by), (cx, cy) = (point(*p) for p in segment)
                path.curveTo(ax, ay, bx, by, cx, cy)
            else:
                path.lineTo(*point(*segment[0]))
        path.close()
        canvas.setFillColor(colour)
        canvas.drawPath(path, stroke=0, fill=1)

    canvas.saveState()
    canvas.setFillColor(SQUARE)
    canvas.roundRect(x + 16 * scale, y + 16 * scale, 224 * scale, 224 * scale, 44 * scale,
                     stroke=0, fill=1)
    fill(_SHIELD, SHIELD)
    fill(_HEART, HEART)
    canvas.restoreState()


class Emblem(Flowable):
    """The emblem as a flowable, ``size`` points square."""

    def __init__(self, size: float) -> None:
        super().__init__()
        self.size = size
        self.width = size
        self.height = size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self.size, self.size

    def draw(self) -> None:
        draw_emblem(self.canv, 0, 0, self.size)
