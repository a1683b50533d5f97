"""The rules of an assessment as entered: a known round, a date within her time with the centre,
one answer per item and each on the instrument's scale (an item left out is None)."""

from __future__ import annotations

from datetime import date

from kdrt_desk.domain.assessment import AssessmentInput, Round
from kdrt_desk.domain.instruments import Instrument
from kdrt_desk.errors import UserError, ValidationError
from kdrt_desk.i18n import format_date


def check_assessment(data: AssessmentInput, instrument: Instrument, *, registered_on: date,
                     today: date) -> tuple[Round, date, tuple[int | None, ...]]:
    errors: list[UserError] = []
    round_ = Round.OTHER
    try:
        round_ = Round(data.round)
    except ValueError:
        errors.append(UserError("error.choice_unknown", field="round"))
    day = data.assessed_on
    if day is None:
        errors.append(UserError("error.required", field="assessed_on"))
    elif day > today:
        errors.append(UserError("error.date_future", field="assessed_on"))
    elif day < registered_on:
        errors.append(UserError("error.assessment_before_registration", field="assessed_on",
                                registered=format_date(registered_on)))
    answers = tuple(data.answers)
    if len(answers) != len(instrument.items):
        errors.append(UserError("error.answers_count", field="answers",
                                count=len(instrument.items)))
    else:
        for number, answer in enumerate(answers, start=1):
            if answer is None:
                continue
            if (isinstance(answer, bool) or not isinstance(answer, int)
                    or not instrument.scale_min <= answer <= instrument.scale_max):
                errors.append(UserError("error.answer_out_of_scale", field=f"item_{number}",
                                        item=number, low=instrument.scale_min,
                                        high=instrument.scale_max))
    if all(a is None for a in answers) and answers:
        errors.append(UserError("error.answers_empty", field="answers"))
    if errors:
        raise ValidationError(errors)
    assert day is not None
    return round_, day, answers
