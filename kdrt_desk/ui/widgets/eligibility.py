"""The eligibility check list: the admin's criteria as boxes, the score and what is unmet."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from kdrt_desk import i18n
from kdrt_desk.domain.enums import CriterionKind
from kdrt_desk.domain.screening import Criterion, Eligibility
from kdrt_desk.i18n import t
from kdrt_desk.services.screening import evaluate_criteria
from kdrt_desk.ui.widgets.check_grid import make_read_only
from kdrt_desk.ui.widgets.errors import ErrorLabel
from kdrt_desk.ui.widgets.forms import hint_label
from kdrt_desk.ui.widgets.look import ERROR, OK, SECTION, mark


def criterion_label(criterion: Criterion) -> str:
    """The criterion's text in the UI language (the Indonesian one when no English is given)."""
    if i18n.language() == "en" and criterion.label_en.strip():
        return criterion.label_en
    return criterion.label_id or criterion.label_en or criterion.code


class EligibilityChecklist(QWidget):
    """The admin's criteria as check boxes, with the score and the unmet required ones below."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.criteria: list[Criterion] = []
        self.boxes: dict[str, QCheckBox] = {}
        self._pending: set[str] = set()
        self.loaded = False
        self.editable = True
        layout = QVBoxLayout(self)
        layout.addWidget(hint_label(t("ui.screening.criteria_intro")))
        self.list_area = QWidget()
        self.list_layout = QVBoxLayout(self.list_area)
        self.list_layout.setContentsMargins(0, 4, 0, 4)
        self.loading = QLabel(t("ui.screening.loading"))
        self.list_layout.addWidget(self.loading)
        layout.addWidget(self.list_area)
        self.score_label = mark(QLabel(), SECTION)
        self.unmet_label = QLabel()
        self.unmet_label.setWordWrap(True)
        self.unmet_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error = ErrorLabel()
        layout.addWidget(self.error)
        layout.addWidget(self.score_label)
        layout.addWidget(self.unmet_label)
        layout.addStretch(1)

    def set_criteria(self, criteria: list[Criterion]) -> None:
        """Show the active criteria; ticks of criteria switched off since are kept, unseen."""
        self.loading.hide()
        for box in self.boxes.values():
            box.deleteLater()
        self.boxes = {}
        met = self._pending
        shown = [c for c in sorted(criteria, key=lambda c: c.position) if c.active]
        self.criteria = shown
        self.loaded = True
        for criterion in shown:
            if criterion.kind == CriterionKind.REQUIRED:
                tag = t("ui.screening.criterion_required")
            else:
                tag = t("ui.screening.criterion_points", weight=criterion.weight)
            box = QCheckBox(f"{criterion_label(criterion)}  ({tag})")
            box.setChecked(criterion.code in met)
            make_read_only(box, not self.editable)
            box.toggled.connect(self._refresh)
            self.boxes[criterion.code] = box
            self.list_layout.addWidget(box)
        if not shown:
            self.loading.setText(t("ui.screening.no_criteria"))
            self.loading.setWordWrap(True)
            self.loading.show()
        self._refresh()

    def met(self) -> set[str]:
        """Ticked codes, plus stored ones of criteria no longer shown (kept as they were)."""
        kept = {code for code in self._pending if code not in self.boxes}
        return kept | {code for code, box in self.boxes.items() if box.isChecked()}

    def set_met(self, codes: set[str]) -> None:
        self._pending = set(codes)
        for code, box in self.boxes.items():
            box.setChecked(code in codes)
        self._refresh()

    def set_editable(self, editable: bool) -> None:
        self.editable = editable
        for box in self.boxes.values():
            make_read_only(box, not editable)

    def eligibility(self) -> Eligibility:
        """The service's own rule, applied to the criteria shown."""
        return evaluate_criteria(self.criteria, self.met())

    def _refresh(self) -> None:
        result = self.eligibility()
        self.score_label.setText(t("ui.screening.score", score=result.score,
                                   max=result.max_score) if self.loaded else "")
        if not self.criteria:
            self.unmet_label.clear()
        elif result.eligible:
            self.unmet_label.setText(t("ui.screening.all_required_met"))
            mark(self.unmet_label, OK)
        else:
            names = {c.code: criterion_label(c) for c in self.criteria}
            lines = "\n".join(f"• {names.get(code, code)}" for code in result.unmet_required)
            self.unmet_label.setText(t("ui.screening.unmet_required", lines=lines))
            mark(self.unmet_label, ERROR)
        self.changed.emit()
