"""The one preview-and-print dialog for every PDF the app makes (sign-in sheets, consent form,
recovery sheet, schedules, progress report, paper forms, certificates).

Use::

    from kdrt_desk.ui.widgets.pdf_preview import PdfPreviewDialog

    dialog = PdfPreviewDialog(
        parent, pdf_bytes,                   # the PDF, built by a service (``..._pdf(...)``)
        kind="certificate",                  # remembers printer + paper per kind (QSettings)
        title=t("..."),                      # shown in the window title
        suggested_name="sertifikat.pdf",     # "Simpan PDF…" offers it in Documents
        save=lambda path, overwrite: service.write_...(path, overwrite=overwrite),
        print_audit=lambda: service.record_..._printed(...),
    )
    dialog.open()                            # window-modal; ``dialog.saved`` / ``dialog.printed``

``save(path, overwrite) -> Path | None`` must write through the service (its OutputWriter refuses
the data folder; the service audits the file); a ``UserError`` it raises is shown to the user.
Without ``save`` the save and open buttons are hidden. ``print_audit()`` is called after the
user confirmed the print dialog and before a page is drawn (no audit entry, no printout: if it
raises, nothing prints). A preview that is only looked at and closed is not audited: nothing
left the vault but the screen. "Buka di penampil sistem" opens only the file the user saved
(no silent temporary copy of personal data outside the vault), so it is enabled after a save.

Pages are rendered with pypdfium2 (imported here on use, never at app start), one at a time on
the GUI thread's idle turns and only the pages in view, fitted to the window width and zoomable.
Printing draws each page at the printer's resolution (capped at 300 dpi) on a QPrinter, full
page, in the page's own orientation (an A4 landscape certificate prints landscape); A4 is the
default paper. Tests replace two seams: ``make_printer()`` (e.g. a QPrinter in PdfFormat with an
output file) and ``ask_print_options(printer)`` (the modal, native QPrintDialog).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QMarginsF,
    QRect,
    QSettings,
    QSize,
    QStandardPaths,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import QDesktopServices, QImage, QPageLayout, QPageSize, QPainter, QPixmap
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kdrt_desk.errors import UserError
from kdrt_desk.i18n import t
from kdrt_desk.ui.widgets import look
from kdrt_desk.ui.widgets.errors import show_error
from kdrt_desk.ui.widgets.files import choose_save_path
from kdrt_desk.ui.widgets.look import primary

SaveFile = Callable[[Path, bool], "Path | None"]
PrintAudit = Callable[[], None]

ZOOM_STEPS = (0.5, 0.67, 0.8, 1.0, 1.25, 1.5, 2.0, 3.0)
PRINT_DPI_CAP = 300
PRINT_DPI_FLOOR = 150
PAGE_GAP = 12
SETTINGS = ("KDRT Desk", "KDRT Desk")


def settings_key(kind: str, name: str) -> str:
    """Where the last printer and paper of a kind of document are kept (no personal data)."""
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in kind) or "pdf"
    return f"print/{safe}/{name}"


def remembered(kind: str) -> tuple[str, QPageSize]:
    """The last printer name ("" for none) and paper size used for ``kind``; A4 by default."""
    store = QSettings(*SETTINGS)
    name = str(store.value(settings_key(kind, "printer"), "") or "")
    paper = QPageSize(QPageSize.PageSizeId.A4)
    raw = store.value(settings_key(kind, "paper"), "")
    try:
        chosen = QPageSize.PageSizeId(int(str(raw)))
    except ValueError:
        chosen = None
    if chosen is not None and chosen != QPageSize.PageSizeId.Custom:
        paper = QPageSize(chosen)
    return name, paper


def remember(kind: str, printer: QPrinter) -> None:
    store = QSettings(*SETTINGS)
    if printer.outputFormat() == QPrinter.OutputFormat.NativeFormat and printer.printerName():
        store.setValue(settings_key(kind, "printer"), printer.printerName())
    paper = printer.pageLayout().pageSize().id()
    if paper != QPageSize.PageSizeId.Custom:
        store.setValue(settings_key(kind, "paper"), int(paper.value))
    store.sync()


def render_page(document: Any, index: int, width_px: int) -> QImage:
    """Page ``index`` of a pypdfium2 document as an image ``width_px`` wide (white paper)."""
    page = document[index]
    try:
        width_pt, _height_pt = page.get_size()
        bitmap = page.render(scale=max(width_px, 1) / max(width_pt, 1.0), rev_byteorder=True,
                             prefer_bgrx=True, fill_color=(255, 255, 255, 255))
        image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                       QImage.Format.Format_RGBX8888)
        return image.copy()  # own the pixels: the bitmap's buffer goes with it
    finally:
        page.close()


class PdfPreviewDialog(QDialog):
    """Shows ``pdf_bytes`` page by page; prints it, saves it (through ``save``), opens the
    saved file. See the module docstring for the arguments."""

    saved = Signal(str)
    printed = Signal(int)

    def __init__(self, parent: QWidget | None, pdf_bytes: bytes, *, kind: str, title: str,
                 suggested_name: str, save: SaveFile | None = None,
                 print_audit: PrintAudit | None = None, folder: Path | None = None,
                 saved: Path | None = None) -> None:
        super().__init__(parent)
        import pypdfium2 as pdfium  # on use: never at app start

        self.kind = kind
        self.suggested_name = suggested_name
        self._save = save
        self._print_audit = print_audit
        self.pdf_bytes = pdf_bytes  # what is shown and printed (tests read it back)
        self._folder = folder
        self.saved_path: Path | None = saved  # a file the service already wrote (opens)
        self.zoom = 1.0
        self.setWindowTitle(t("ui.print.title", title=title))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)

        self.document: Any = None
        self.page_sizes: list[tuple[float, float]] = []
        failure = ""
        try:
            self.document = pdfium.PdfDocument(pdf_bytes)
            self.page_sizes = [tuple(self.document.get_page_size(i))  # type: ignore[misc]
                               for i in range(len(self.document))]
        except pdfium.PdfiumError as exc:
            failure = t("ui.print.unreadable", reason=str(exc))

        layout = QVBoxLayout(self)
        tools = QHBoxLayout()
        self.zoom_out_button = QPushButton(t("ui.print.zoom_out"))
        self.zoom_in_button = QPushButton(t("ui.print.zoom_in"))
        self.fit_button = QPushButton(t("ui.print.fit_width"))
        self.zoom_label = QLabel()
        self.zoom_label.setMinimumWidth(self.zoom_label.fontMetrics().horizontalAdvance("300%")
                                        + 8)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.page_label = QLabel()
        self.page_label.setTextFormat(Qt.TextFormat.PlainText)
        self.zoom_out_button.clicked.connect(lambda: self.step_zoom(-1))
        self.zoom_in_button.clicked.connect(lambda: self.step_zoom(1))
        self.fit_button.clicked.connect(lambda: self.set_zoom(1.0))
        for widget in (self.zoom_out_button, self.zoom_label, self.zoom_in_button,
                       self.fit_button):
            tools.addWidget(widget)
            if isinstance(widget, QPushButton):
                widget.setAutoDefault(False)
        tools.addStretch(1)
        tools.addWidget(self.page_label)
        layout.addLayout(tools)

        self.pages = QWidget()
        self.pages.setObjectName("pdfPages")
        self.pages_layout = QVBoxLayout(self.pages)
        self.pages_layout.setSpacing(PAGE_GAP)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.page_labels: list[QLabel] = []
        self.rendered: dict[int, int] = {}  # page -> width it was rendered at
        for index in range(len(self.page_sizes)):
            label = QLabel(t("ui.print.rendering", page=index + 1))
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            look.mark(label, look.PAPER)
            self.pages_layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
            self.page_labels.append(label)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(self.pages)
        self.scroll_area.setWidgetResizable(False)
        self.scroll_area.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        look.mark(self.scroll_area, look.DESK)
        look.mark(self.scroll_area.viewport(), look.DESK)
        look.mark(self.pages, look.DESK)
        self.scroll_area.verticalScrollBar().valueChanged.connect(lambda _v: self._queue_render())
        layout.addWidget(self.scroll_area, 1)

        self.status = QLabel(failure)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setVisible(bool(failure))
        layout.addWidget(self.status)

        buttons = QHBoxLayout()
        self.print_button = primary(QPushButton(t("ui.print.print")))
        self.save_button = QPushButton(t("ui.print.save"))
        self.open_button = QPushButton(t("ui.print.open"))
        self.open_button.setToolTip(t("ui.print.open_hint"))
        self.open_button.setEnabled(False)
        self.close_button = QPushButton(t("ui.print.close"))
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_document)
        self.open_button.clicked.connect(self.open_saved)
        self.close_button.clicked.connect(self.reject)
        self.save_button.setVisible(save is not None)
        self.open_button.setVisible(save is not None or saved is not None)
        if saved is not None:
            self.open_button.setEnabled(True)
            self.open_button.setToolTip(str(saved))
        self.print_button.setEnabled(bool(self.page_sizes))
        for button in (self.save_button, self.open_button, self.close_button):
            button.setAutoDefault(False)
        self.print_button.setDefault(True)
        for button in (self.print_button, self.save_button, self.open_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)

        self._render_timer = QTimer(self)
        self._render_timer.setSingleShot(True)
        self._render_timer.setInterval(0)
        self._render_timer.timeout.connect(self._render_next)
        self._layout_timer = QTimer(self)
        self._layout_timer.setSingleShot(True)
        self._layout_timer.setInterval(60)
        self._layout_timer.timeout.connect(self._lay_out_pages)
        self.finished.connect(lambda _code: self._close_document())

        screen = QApplication.primaryScreen()
        available = screen.availableGeometry().size() if screen is not None else QSize(1024, 768)
        self.resize(min(820, available.width() - 40), min(940, available.height() - 60))
        self._lay_out_pages()
        self.scroll_area.setFocus()

    # -- pages ------------------------------------------------------------------------------
    @property
    def page_count(self) -> int:
        return len(self.page_sizes)

    def fit_width(self) -> int:
        """The page width (pixels) that fills the scroll area's width at zoom 100%."""
        bar = self.scroll_area.verticalScrollBar().sizeHint().width()
        return max(200, self.scroll_area.viewport().width() - bar - 2 * PAGE_GAP)

    def page_width(self) -> int:
        return max(80, round(self.fit_width() * self.zoom))

    def _lay_out_pages(self) -> None:
        width = self.page_width()
        for index, label in enumerate(self.page_labels):
            page_w, page_h = self.page_sizes[index]
            # a landscape page fits the same width as a portrait one
            label.setFixedSize(width, max(1, round(width * page_h / max(page_w, 1.0))))
            if self.rendered.get(index) not in (None, width):
                label.clear()
                label.setText(t("ui.print.rendering", page=index + 1))
                self.rendered.pop(index)
        self.pages.adjustSize()
        self.zoom_label.setText(t("ui.print.zoom_level", percent=round(self.zoom * 100)))
        self.zoom_out_button.setEnabled(self.zoom > ZOOM_STEPS[0])
        self.zoom_in_button.setEnabled(self.zoom < ZOOM_STEPS[-1])
        self._queue_render()

    def visible_pages(self) -> list[int]:
        top = self.scroll_area.verticalScrollBar().value()
        bottom = top + self.scroll_area.viewport().height()
        return [i for i, label in enumerate(self.page_labels)
                if label.geometry().bottom() >= top and label.geometry().top() <= bottom]

    def current_page(self) -> int:
        """The page most in view (1-based), for "Halaman 1 dari 3"."""
        top = self.scroll_area.verticalScrollBar().value()
        middle = top + self.scroll_area.viewport().height() // 3
        for index, label in enumerate(self.page_labels):
            if label.geometry().bottom() >= middle:
                return index + 1
        return max(1, self.page_count)

    def _queue_render(self) -> None:
        if self.page_count:
            self.page_label.setText(t("ui.print.page_of", page=self.current_page(),
                                      count=self.page_count))
        else:
            self.page_label.setText(t("ui.print.page_of", page=0, count=0))
        if self.document is not None:
            self._render_timer.start()

    def _render_next(self) -> None:
        """Render one page in view (or the next one after them), then yield to the event loop."""
        if self.document is None:
            return
        width = self.page_width()
        shown = self.visible_pages()
        wanted = shown + ([shown[-1] + 1] if shown and shown[-1] + 1 < self.page_count else [])
        for index in wanted:
            if self.rendered.get(index) != width:
                ratio = self.devicePixelRatioF()
                image = render_page(self.document, index, round(width * ratio))
                pixmap = QPixmap.fromImage(image)
                pixmap.setDevicePixelRatio(ratio)
                self.page_labels[index].setPixmap(pixmap)
                self.rendered[index] = width
                self._render_timer.start()
                return

    def step_zoom(self, step: int) -> None:
        if step > 0:
            bigger = [z for z in ZOOM_STEPS if z > self.zoom + 1e-6]
            self.set_zoom(bigger[0] if bigger else ZOOM_STEPS[-1])
        else:
            smaller = [z for z in ZOOM_STEPS if z < self.zoom - 1e-6]
            self.set_zoom(smaller[-1] if smaller else ZOOM_STEPS[0])

    def set_zoom(self, zoom: float) -> None:
        self.zoom = min(max(zoom, ZOOM_STEPS[0]), ZOOM_STEPS[-1])
        self._lay_out_pages()

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._layout_timer.start()

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self._layout_timer.start()

    def _close_document(self) -> None:
        self._render_timer.stop()
        if self.document is not None:
            self.document.close()
            self.document = None

    # -- printing ---------------------------------------------------------------------------
    def make_printer(self) -> QPrinter:
        """Seam: the printer to print on (tests give one in PdfFormat with an output file)."""
        return QPrinter(QPrinter.PrinterMode.HighResolution)

    def prepare_printer(self, printer: QPrinter) -> None:
        """The last printer and paper used for this kind of document (A4 by default)."""
        name, paper = remembered(self.kind)
        if (name and printer.outputFormat() == QPrinter.OutputFormat.NativeFormat
                and name in QPrinterInfo.availablePrinterNames()):
            printer.setPrinterName(name)
        printer.setPageSize(paper)
        printer.setDocName(self.suggested_name)
        first_w, first_h = self.page_sizes[0] if self.page_sizes else (1.0, 1.0)
        printer.setPageOrientation(QPageLayout.Orientation.Landscape if first_w > first_h
                                   else QPageLayout.Orientation.Portrait)

    def ask_print_options(self, printer: QPrinter) -> bool:
        """Seam: Qt's print dialog (modal and native); True when she chose to print."""
        dialog = QPrintDialog(printer, self)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile, False)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintSelection, False)
        dialog.setMinMax(1, max(1, self.page_count))
        return dialog.exec() == QDialog.DialogCode.Accepted

    def print_document(self) -> bool:
        """Ask for the printer, then print every page (or the range chosen); True when it
        was sent. A missing or failing printer is a message, never a crash."""
        if self.document is None or not self.page_count:
            return False
        printer = self.make_printer()
        self.prepare_printer(printer)
        no_printer = (printer.outputFormat() == QPrinter.OutputFormat.NativeFormat
                      and not QPrinterInfo.availablePrinterNames())
        if no_printer or not printer.isValid():  # told before a print dialog with no printer
            self._print_problem(t("ui.print.no_printer"))
            return False
        if not self.ask_print_options(printer):
            return False
        remember(self.kind, printer)
        pages = self._pages_to_print(printer)
        done = self.print_pages(printer, pages, self._audited)
        if done:
            if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat:
                text = t("ui.print.printed_file", path=printer.outputFileName(),
                         count=len(pages))
            else:
                text = t("ui.print.printed", printer=printer.printerName(), count=len(pages))
            self._say(text)
            self.printed.emit(len(pages))
        return done

    def _audited(self) -> bool:
        """The service's audit entry for the printout; False (and said why) when it failed."""
        if self._print_audit is None:
            return True
        try:
            self._print_audit()
        except UserError as exc:
            show_error(self, exc)
            return False
        return True

    def _pages_to_print(self, printer: QPrinter) -> list[int]:
        first, last = printer.fromPage(), printer.toPage()
        if printer.printRange() == QPrinter.PrintRange.PageRange and first > 0:
            return list(range(first - 1, min(last or self.page_count, self.page_count)))
        return list(range(self.page_count))

    def print_pages(self, printer: QPrinter, pages: list[int],
                    ready: Callable[[], bool] | None = None) -> bool:
        """Draw ``pages`` on ``printer``, each fitted to the paper in its own orientation.

        ``ready()`` runs once the printer has accepted the job and before a page is drawn
        (the audit): when it returns False the job is abandoned and nothing prints.
        """
        if not pages:
            return False
        printer.setFullPage(True)
        printer.setPageMargins(QMarginsF(0, 0, 0, 0),
                               QPageLayout.Unit.Millimeter)
        self._orient(printer, pages[0])
        painter = QPainter()
        if not painter.begin(printer):
            self._print_problem(t("ui.print.no_printer"))
            return False
        if ready is not None and not ready():
            printer.abort()
            painter.end()
            return False
        progress = QProgressDialog(t("ui.print.printing", page=1, count=len(pages)),
                                   t("ui.print.cancel"), 0, len(pages), self)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)
        try:
            for done, index in enumerate(pages):
                if progress.wasCanceled():
                    printer.abort()
                    self._say(t("ui.print.print_cancelled"))
                    return False
                progress.setLabelText(t("ui.print.printing", page=done + 1, count=len(pages)))
                progress.setValue(done)
                QApplication.processEvents()
                if done and (not self._orient(printer, index) or not printer.newPage()):
                    raise OSError(t("ui.print.no_printer"))
                self._draw_page(painter, printer, index)
            progress.setValue(len(pages))
        except (OSError, MemoryError) as exc:
            painter.end()
            self._print_problem(t("ui.print.failed", reason=str(exc) or type(exc).__name__))
            return False
        finally:
            progress.close()
        if not painter.end() or printer.printerState() == QPrinter.PrinterState.Error:
            self._print_problem(t("ui.print.failed", reason=printer.printerName() or "?"))
            return False
        return True

    def _orient(self, printer: QPrinter, index: int) -> bool:
        page_w, page_h = self.page_sizes[index]
        return printer.setPageOrientation(QPageLayout.Orientation.Landscape if page_w > page_h
                                          else QPageLayout.Orientation.Portrait)

    def _draw_page(self, painter: QPainter, printer: QPrinter, index: int) -> None:
        resolution = printer.resolution()
        area = printer.pageLayout().fullRectPixels(resolution)
        page_w, page_h = self.page_sizes[index]
        dpi = max(PRINT_DPI_FLOOR, min(resolution, PRINT_DPI_CAP))
        image = render_page(self.document, index, round(page_w / 72 * dpi))
        scale = min(area.width() / max(page_w, 1.0), area.height() / max(page_h, 1.0))
        width, height = round(page_w * scale), round(page_h * scale)
        target = QRect((area.width() - width) // 2, (area.height() - height) // 2,
                       width, height)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        painter.drawImage(target, image)

    def _print_problem(self, text: str) -> None:
        self._say(text)
        QMessageBox.warning(self, t("ui.print.error_title"), text)

    # -- saving and opening -----------------------------------------------------------------
    def default_path(self) -> Path:
        if self._folder is not None:
            return self._folder / self.suggested_name
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        return Path(folder) / self.suggested_name

    def save_document(self) -> Path | None:
        """Ask where, then write the PDF through the service (audited there)."""
        if self._save is None:
            return None
        chosen = choose_save_path(self, t("ui.print.save_title"), self.default_path(),
                                  t("ui.print.pdf_filter"))
        if chosen is None:
            return None
        return self.save_to(*chosen)

    def save_to(self, path: Path, overwrite: bool = False) -> Path | None:
        if self._save is None:
            return None
        try:
            written = self._save(path, overwrite) or path
        except UserError as exc:
            show_error(self, exc)
            return None
        except OSError as exc:
            QMessageBox.warning(self, t("ui.error_title"), exc.strerror or str(exc))
            return None
        self.saved_path = Path(written)
        self.open_button.setEnabled(True)
        self.open_button.setToolTip("")
        self._say(t("ui.print.saved", path=str(written)))
        self.saved.emit(str(written))
        return self.saved_path

    def open_saved(self) -> bool:
        """Open the file she saved in the system's PDF viewer (never an unsaved copy)."""
        if self.saved_path is None:
            return False
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.saved_path))):
            return True
        QMessageBox.warning(self, t("ui.error_title"),
                            t("ui.print.open_failed", path=str(self.saved_path)))
        return False

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))
