"""Berkas › Templat sertifikat…: the admin's certificate templates and the two certificate
settings (the verification URL the QR code holds, the programme's public name).

Pick a template on the left (or add one, archive one), change its look (colours, border, logo,
place), its wording in Indonesian and English, up to three signatories with their scanned
signature and up to four partner logos; "Pratinjau dengan nama asli" draws the unsaved form with
the name of a woman who is eligible now, so the admin sees it before a batch. The service checks
everything when saving (no revealing word, colours ``#RRGGBB``, real images, re-encoded); its
messages show beside their fields, on the page that holds them.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kdrt_desk.domain.certificates import (
    MAX_PARTNER_LOGOS,
    MAX_SIGNATORIES,
    BorderStyle,
    CertificateDesign,
    EligibleRow,
    IssueRequest,
    PartnerLogo,
    Signatory,
    TemplateInput,
    TemplateView,
)
from kdrt_desk.i18n import label, t
from kdrt_desk.security.permissions import Permission
from kdrt_desk.services.certificate_images import MAX_FILE_BYTES
from kdrt_desk.services.certificate_templates import default_design, validated_design
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.form_dialog import FormDialog
from kdrt_desk.ui.widgets.errors import ErrorLabel, failure_messages
from kdrt_desk.ui.widgets.forms import hint_label, new_form, plain, scrolled
from kdrt_desk.ui.widgets.look import HINT, OK, SECTION, mark
from kdrt_desk.wiring import Services

TEXT_LIMIT = 160
LANGUAGES = ("id", "en", "both")
Loaded = tuple[list[TemplateView], str, str, list[EligibleRow]]


def line(value: str = "", limit: int = TEXT_LIMIT) -> QLineEdit:
    edit = QLineEdit(value)
    edit.setMaxLength(limit)
    return edit


class ImageField(QWidget):
    """A chosen PNG or JPEG (kept as bytes; the service checks and re-encodes it), its
    thumbnail, and the buttons to choose another or remove it."""

    changed = Signal()

    def __init__(self, title: str, thumb: tuple[int, int] = (160, 60),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.thumb_size = thumb
        self.data = b""
        self.thumb = plain(mark(QLabel(), HINT))
        self.thumb.setFixedSize(*thumb)
        self.thumb.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thumb.setFrameShape(QFrame.Shape.Box)  # white paper, as on the certificate
        self.thumb.setBackgroundRole(QPalette.ColorRole.Base)
        self.thumb.setAutoFillBackground(True)
        self.choose_button = QPushButton(t("ui.cert.tpl_choose_image"))
        self.choose_button.clicked.connect(self.choose)
        self.remove_button = QPushButton(t("ui.cert.tpl_remove_image"))
        self.remove_button.clicked.connect(lambda: self.set_data(b""))
        self.problem = ErrorLabel()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.thumb, 0, Qt.AlignmentFlag.AlignTop)
        buttons = QVBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.problem)
        row.addLayout(buttons)
        row.addStretch(1)
        self.set_data(b"")

    def set_data(self, data: bytes) -> None:
        self.data = data
        self.problem.show_message("")
        pixmap = QPixmap()
        if data and pixmap.loadFromData(data):
            self.thumb.setPixmap(pixmap.scaled(self.thumb_size[0] - 4, self.thumb_size[1] - 4,
                                               Qt.AspectRatioMode.KeepAspectRatio,
                                               Qt.TransformationMode.SmoothTransformation))
        else:
            self.thumb.clear()
            self.thumb.setText(t("ui.cert.tpl_no_image") if not data else "?")
        self.remove_button.setEnabled(bool(data))
        self.changed.emit()

    def choose(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(self, self.title, "",
                                                    t("ui.cert.tpl_image_filter"))
        if not name:
            return
        try:
            with open(name, "rb") as chosen:  # a little over the limit: the service says so
                data = chosen.read(MAX_FILE_BYTES + 1)
        except OSError:
            self.problem.show_message(t("ui.cert.tpl_image_unreadable"))
            return
        self.set_data(data)


class ColourField(QWidget):
    """A colour as ``#RRGGBB``: typed, or chosen from the swatch."""

    def __init__(self, value: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.swatch = QPushButton()
        self.swatch.setFixedSize(48, 28)
        self.swatch.setIconSize(QSize(36, 18))
        self.swatch.setToolTip(t("ui.cert.tpl_pick_colour"))
        self.swatch.clicked.connect(self.pick)
        self.hex = line(value, 7)
        self.hex.setMaximumWidth(110)
        self.hex.textChanged.connect(lambda _text: self._paint())
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.swatch)
        row.addWidget(self.hex)
        row.addStretch(1)
        self._paint()

    def value(self) -> str:
        return self.hex.text().strip()

    def set_value(self, value: str) -> None:
        self.hex.setText(value)

    def _paint(self) -> None:
        """The swatch in the typed colour (empty while it is not a colour yet)."""
        colour = QColor(self.value())
        size = self.swatch.iconSize()
        pixmap = QPixmap(size)
        pixmap.fill(colour if colour.isValid() and len(self.value()) == 7
                    else self.palette().color(QPalette.ColorRole.Base))
        painter = QPainter(pixmap)
        painter.setPen(self.palette().color(QPalette.ColorRole.Dark))
        painter.drawRect(0, 0, size.width() - 1, size.height() - 1)
        painter.end()
        self.swatch.setIcon(QIcon(pixmap))

    def pick(self) -> None:
        chosen = QColorDialog.getColor(QColor(self.value()), self, t("ui.cert.tpl_pick_colour"))
        if chosen.isValid():
            self.hex.setText(chosen.name().upper())


class CertificateTemplateDialog(FormDialog):
    """Templates and the certificate settings; stays open after a save (a list dialog)."""

    def __init__(self, services: Services, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(services, runner, parent)
        self.setWindowTitle(t("ui.cert.tpl_title"))
        self.views: list[TemplateView] = []
        self.current = TemplateView(0, t("ui.cert.tpl_new_name"), default_design())
        self.eligible: list[EligibleRow] = []
        self.loaded = False
        self.preview_dialog: QWidget | None = None
        self.signatory_slots: list[int] = []
        self.partner_slots: list[int] = []

        # the list of templates
        self.list = QListWidget()
        self.list.setMinimumWidth(200)
        self.list.currentRowChanged.connect(self._pick)
        self.show_archived = QCheckBox(t("ui.cert.tpl_show_archived"))
        self.show_archived.toggled.connect(lambda _on: self.refresh())
        self.new_button = QPushButton(t("ui.cert.tpl_new"))
        self.new_button.clicked.connect(self.new_template)
        self.archive_button = QPushButton(t("ui.cert.tpl_archive"))
        self.archive_button.clicked.connect(self.toggle_archived)
        left = QVBoxLayout()
        left.addWidget(mark(QLabel(t("ui.cert.tpl_list")), SECTION))
        left.addWidget(self.list, 1)
        left.addWidget(self.show_archived)
        left.addWidget(self.new_button)
        left.addWidget(self.archive_button)

        self.pages = QTabWidget()
        self.pages.addTab(self._look_page(), t("ui.cert.tpl_page_look"))
        self.pages.addTab(self._words_page(), t("ui.cert.tpl_page_words"))
        self.pages.addTab(scrolled(self._signatories_page()), t("ui.cert.tpl_page_signatories"))
        self.pages.addTab(scrolled(self._partners_page()), t("ui.cert.tpl_page_partners"))
        self.pages.addTab(self._settings_page(), t("ui.cert.tpl_page_settings"))

        self.preview_choice = QComboBox()
        self.preview_choice.setMinimumWidth(260)
        self.preview_button = QPushButton(t("ui.cert.tpl_preview"))
        self.preview_button.clicked.connect(self.preview)
        self.no_eligible = hint_label(t("ui.cert.tpl_no_eligible"))
        self.no_eligible.hide()
        preview_row = QHBoxLayout()
        preview_row.addWidget(QLabel(t("ui.cert.tpl_preview_with")))
        preview_row.addWidget(self.preview_choice, 1)
        preview_row.addWidget(self.preview_button)
        self.note = plain(mark(QLabel(), OK))
        self.note.setWordWrap(True)

        right = QVBoxLayout()
        right.addWidget(self.pages, 1)
        right.addLayout(preview_row)
        right.addWidget(self.no_eligible)
        body = QHBoxLayout()
        body.addLayout(left)
        body.addLayout(right, 1)
        self.make_buttons(t("ui.cert.tpl_save"), t("ui.cert.tpl_close"))
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.resize(1000, 700)
        self.set_design(self.current)
        self._update_buttons()
        self.refresh()

    # -- pages --------------------------------------------------------------------------------
    def _look_page(self) -> QWidget:
        page = QWidget()
        form = new_form(page)
        self.name = line(limit=80)
        self.issuer = line()
        self.language = QComboBox()
        for code in LANGUAGES:
            self.language.addItem(t(f"ui.cert.tpl_lang_{code}"), code)
        self.primary_colour = ColourField("")  # the template's own, once shown
        self.accent_colour = ColourField("")
        self.border = QComboBox()
        for style in BorderStyle:
            self.border.addItem(label(style), style.value)
        self.place = line()
        self.logo = ImageField(t("ui.cert.tpl_logo"), (120, 90))
        self.add_field(form, t("ui.cert.tpl_name"), "name", self.name, True)
        self.add_field(form, t("ui.cert.tpl_issuer"), "issuer_name", self.issuer, True,
                       hint=t("ui.cert.tpl_issuer_hint"))
        self.add_field(form, t("ui.cert.tpl_language"), "language", self.language)
        self.add_field(form, t("ui.cert.tpl_primary"), "primary_colour", self.primary_colour)
        self.add_field(form, t("ui.cert.tpl_accent"), "accent_colour", self.accent_colour)
        self.add_field(form, t("ui.cert.tpl_border"), "border", self.border)
        self.add_field(form, t("ui.cert.tpl_place"), "place", self.place, True)
        self.add_field(form, t("ui.cert.tpl_logo"), "logo", self.logo)
        return page

    def _words_page(self) -> QWidget:
        page = QWidget()
        form = new_form(page)
        self.words: dict[str, QLineEdit] = {}
        for field, key, required in (
                ("title_id", "ui.cert.tpl_title_id", True),
                ("title_en", "ui.cert.tpl_title_en", True),
                ("before_name_id", "ui.cert.tpl_before_id", False),
                ("before_name_en", "ui.cert.tpl_before_en", False),
                ("after_name_id", "ui.cert.tpl_after_id", False),
                ("after_name_en", "ui.cert.tpl_after_en", False)):
            self.words[field] = line()
            self.add_field(form, t(key), field, self.words[field], required)
        form.addRow("", hint_label(t("ui.cert.tpl_words_hint")))
        return page

    def _signatories_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.addWidget(hint_label(t("ui.cert.tpl_signatories_hint")))
        self.signatories: list[tuple[QLineEdit, QLineEdit, ImageField]] = []
        errors = ErrorLabel()
        self.errors.labels["signatories"] = errors
        column.addWidget(errors)
        for n in range(1, MAX_SIGNATORIES + 1):
            box = QGroupBox(t("ui.cert.tpl_signatory", number=n))
            form = new_form(box)
            name, title = line(limit=80), line(limit=80)
            image = ImageField(t("ui.cert.tpl_sig_image"), (180, 60))
            self.add_field(form, t("ui.cert.tpl_sig_name"), f"signatory_{n}", name)
            form.addRow(t("ui.cert.tpl_sig_title"), title)
            form.addRow(t("ui.cert.tpl_sig_image"), image)
            self.signatories.append((name, title, image))
            column.addWidget(box)
        column.addStretch(1)
        return page

    def _partners_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.addWidget(hint_label(t("ui.cert.tpl_partners_hint")))
        errors = ErrorLabel()
        self.errors.labels["partner_logos"] = errors
        column.addWidget(errors)
        self.partners: list[tuple[QLineEdit, ImageField]] = []
        for n in range(1, MAX_PARTNER_LOGOS + 1):
            box = QGroupBox(t("ui.cert.tpl_partner", number=n))
            form = new_form(box)
            name = line(limit=80)
            image = ImageField(t("ui.cert.tpl_partner", number=n), (120, 60))
            form.addRow(t("ui.cert.tpl_partner_name"), name)
            self.add_field(form, t("ui.cert.tpl_logo"), f"partner_logo_{n}", image)
            self.partners.append((name, image))
            column.addWidget(box)
        column.addStretch(1)
        return page

    def _settings_page(self) -> QWidget:
        page = QWidget()
        form: QFormLayout = new_form(page, wrap=True)
        self.verify_url = line(limit=200)
        self.verify_url.setPlaceholderText("https://…/verifikasi?kode={code}")
        self.programme = line()
        self.add_field(form, t("ui.cert.tpl_verify_url"), "verify_url", self.verify_url,
                       hint=t("ui.cert.tpl_verify_url_hint"))
        self.add_field(form, t("ui.cert.tpl_programme"), "programme_name", self.programme,
                       hint=t("ui.cert.tpl_programme_hint"))
        return page

    # -- loading ------------------------------------------------------------------------------
    def refresh(self, select: int | None = None) -> None:
        services, archived = self.services, self.show_archived.isChecked()
        may_issue = services.vault.actor.may(Permission.ISSUE_CERTIFICATES)
        wanted = self.current.id if select is None else select

        def load() -> Loaded:
            templates = services.certificates.templates
            rows = (services.certificates.eligible(include_close=False) if may_issue else [])
            return (templates.templates(include_archived=archived), templates.verify_url(),
                    templates.programme_name(), rows)

        self.runner.run(load, lambda got: self._loaded(got, wanted), self.on_failed,
                        latest=(self, "templates"))

    def _loaded(self, got: Loaded, wanted: int) -> None:
        views, url, programme, rows = got
        first = not self.loaded
        self.loaded = True
        self.views = views
        if first:
            self.verify_url.setText(url)
            self.programme.setText(programme)
        self.eligible = rows
        current = self.preview_choice.currentIndex()
        self.preview_choice.clear()
        for row in rows:
            self.preview_choice.addItem(f"{row.name} · {row.course}")
        if 0 <= current < len(rows):
            self.preview_choice.setCurrentIndex(current)
        self.no_eligible.setVisible(not rows)
        self.list.blockSignals(True)
        self.list.clear()
        for view in views:
            text = (t("ui.cert.tpl_default_mark", name=view.name) if not view.id
                    else t("ui.cert.tpl_archived_mark", name=view.name) if view.archived
                    else view.name)
            self.list.addItem(QListWidgetItem(text))
        ids = [v.id for v in views]
        index = ids.index(wanted) if wanted in ids else (0 if views else -1)
        self.list.setCurrentRow(index)
        self.list.blockSignals(False)
        if 0 <= index < len(views):
            self.set_design(views[index])
        self._update_buttons()

    def _pick(self, index: int) -> None:
        if 0 <= index < len(self.views):
            self.errors.clear()
            self.summary.show_message("")
            self.set_design(self.views[index])
            self._update_buttons()

    def _update_buttons(self) -> None:
        self.archive_button.setEnabled(bool(self.current.id))
        self.archive_button.setText(t("ui.cert.tpl_restore") if self.current.archived
                                    else t("ui.cert.tpl_archive"))
        self.preview_button.setEnabled(bool(self.eligible))
        self.preview_choice.setEnabled(bool(self.eligible))

    # -- the form -----------------------------------------------------------------------------
    def reject(self) -> None:
        """Closing with changes not saved asks first (a colour, a signatory typed in)."""
        shown = getattr(self, "shown_input", None)
        if shown is not None and self.collect() != shown:
            answer = QMessageBox.question(self, t("ui.cert.tpl_unsaved_title"),
                                          t("ui.cert.tpl_unsaved"))
            if answer != QMessageBox.StandardButton.Yes:
                return
        super().reject()

    def set_design(self, view: TemplateView) -> None:
        self.current = view
        design = view.design
        self.name.setText(view.name)
        self.issuer.setText(design.issuer_name)
        self.language.setCurrentIndex(max(self.language.findData(design.language), 0))
        self.primary_colour.set_value(design.primary_colour)
        self.accent_colour.set_value(design.accent_colour)
        self.border.setCurrentIndex(max(self.border.findData(design.border.value), 0))
        self.place.setText(design.place)
        self.logo.set_data(design.logo_png)
        for field, edit in self.words.items():
            edit.setText(str(getattr(design, field)))
        for n, (name, title, image) in enumerate(self.signatories):
            person = design.signatories[n] if n < len(design.signatories) else None
            name.setText(person.name if person else "")
            title.setText(person.title if person else "")
            image.set_data(person.signature_png if person else b"")
        for n, (partner, picture) in enumerate(self.partners):
            logo = design.partner_logos[n] if n < len(design.partner_logos) else None
            partner.setText(logo.name if logo else "")
            picture.set_data(logo.png if logo else b"")
        self.shown_input = self.collect()  # what closing without saving would throw away

    def new_template(self) -> None:
        self.list.blockSignals(True)
        self.list.clearSelection()
        self.list.setCurrentRow(-1)
        self.list.blockSignals(False)
        self.errors.clear()
        self.summary.show_message("")
        # the look and wording of the one shown as a start; a name of its own
        self.set_design(TemplateView(0, t("ui.cert.tpl_new_name"), self.current.design))
        self._update_buttons()
        self.pages.setCurrentIndex(0)
        self.name.setFocus()
        self.name.selectAll()

    def design(self) -> CertificateDesign:
        """What the form holds, unchecked (the service checks it); empty slots left out."""
        self.signatory_slots, self.partner_slots = [], []
        signatories = []
        for n, (name, title, image) in enumerate(self.signatories, start=1):
            if name.text().strip() or title.text().strip() or image.data:
                signatories.append(Signatory(name.text(), title.text(), image.data))
                self.signatory_slots.append(n)
        partners = []
        for n, (partner, picture) in enumerate(self.partners, start=1):
            if partner.text().strip() or picture.data:
                partners.append(PartnerLogo(partner.text(), picture.data))
                self.partner_slots.append(n)
        words = {field: edit.text() for field, edit in self.words.items()}
        return CertificateDesign(
            issuer_name=self.issuer.text(), **words,
            primary_colour=self.primary_colour.value(), accent_colour=self.accent_colour.value(),
            border=BorderStyle(str(self.border.currentData())), logo_png=self.logo.data,
            partner_logos=tuple(partners), signatories=tuple(signatories),
            place=self.place.text(), language=str(self.language.currentData()))

    def collect(self) -> TemplateInput:
        return TemplateInput(self.name.text(), self.design(), self.current.id)

    # -- saving, archiving, previewing --------------------------------------------------------
    def submit(self) -> None:
        data = self.collect()
        url, programme = self.verify_url.text(), self.programme.text()
        templates = self.services.certificates.templates

        def save() -> TemplateView:
            templates.save_settings(url, programme)  # quick to refuse; saved again is the same
            return templates.save(data)

        self.note.clear()
        self.run(save)

    def on_saved(self, result: object) -> None:
        assert isinstance(result, TemplateView)
        self.errors.clear()
        self.summary.show_message("")
        self.current = result
        self.note.setText(t("ui.cert.tpl_saved", name=result.name))
        self.saved.emit(result)
        self.refresh(select=result.id)

    def toggle_archived(self) -> None:
        view = self.current
        if not view.id:
            return
        templates, archived = self.services.certificates.templates, not view.archived

        def done(_none: object) -> None:
            self.note.setText(t("ui.cert.tpl_archived" if archived else "ui.cert.tpl_restored",
                                name=view.name))
            self.current = replace(view, archived=archived)
            self.refresh(select=view.id)

        self.runner.run(lambda: templates.set_archived(view.id, archived), done, self.on_failed)

    def preview(self) -> None:
        index = self.preview_choice.currentIndex()
        if not 0 <= index < len(self.eligible) or self.busy:
            return
        row = self.eligible[index]
        request = IssueRequest(row.participant_id, row.module_id, row.group_id)
        design = self.design()
        certificates = self.services.certificates

        def draw() -> bytes:
            return certificates.preview_pdf(request, design=validated_design(design))

        def show(data: bytes) -> None:
            from kdrt_desk.ui.widgets.pdf_preview import PdfPreviewDialog

            self.errors.clear()
            self.summary.show_message("")
            dialog = PdfPreviewDialog(self, data, kind="certificate",
                                      title=t("ui.cert.preview_title", name=row.name),
                                      suggested_name="sertifikat-contoh.pdf")
            dialog.finished.connect(lambda _code: dialog.deleteLater())
            self.preview_dialog = dialog
            dialog.open()

        self.runner.run(draw, show, self.on_failed)

    # -- errors -------------------------------------------------------------------------------
    def on_failed(self, exc: BaseException) -> None:
        errors = failure_messages(self, exc)
        if errors is not None:
            self.show_errors(self._slots(errors))

    def _slots(self, errors: dict[str, str]) -> dict[str, str]:
        """The service numbers the signatories and logos it was given; the form's slots may
        have gaps (an empty one left out)."""
        placed: dict[str, str] = {}
        for field, message in errors.items():
            for prefix, slots in (("signatory_", self.signatory_slots),
                                  ("partner_logo_", self.partner_slots)):
                number = field.removeprefix(prefix)
                if field.startswith(prefix) and number.isdigit() \
                        and 0 < int(number) <= len(slots):
                    field = f"{prefix}{slots[int(number) - 1]}"
            placed[field] = placed.get(field, "") + ("\n" if field in placed else "") + message
        return placed

    def show_errors(self, errors: dict[str, str]) -> None:
        super().show_errors(errors)
        for index in range(self.pages.count()):
            page = self.pages.widget(index)
            if page is not None and any(not e.isHidden() and page.isAncestorOf(e)
                                        for e in self.errors.labels.values()):
                self.pages.setCurrentIndex(index)
                break


__all__ = ["CertificateTemplateDialog", "ColourField", "ImageField"]
