"""The checks of a livelihood follow-up and of business capital, before either is stored:
dates within her time with the centre, no negative amounts, a plausibility bound that asks for
confirmation, a business kind only for a business, repayments that fit the loan."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from kdrt_desk.domain.livelihood import (
    BusinessKind,
    CapitalInput,
    CapitalKind,
    LivelihoodInput,
    LivelihoodStatus,
    SalesChannel,
)
from kdrt_desk.domain.text import control_character_problems
from kdrt_desk.errors import UserError, ValidationError
from kdrt_desk.i18n import format_rupiah

NOTE_LIMIT = 200
PURPOSE_LIMIT = 200
MAX_REPAYMENTS = 120  # ten years of monthly instalments
DEFAULT_INCOME_BOUND = 50_000_000  # Rupiah a month
DEFAULT_CAPITAL_BOUND = 100_000_000
# No confirmation makes an amount above this real (Rp 1 trillion): it is a typing slip, and a
# figure this size would lose digits in a spreadsheet export (15 significant digits).
MAX_AMOUNT = 1_000_000_000_000


class ConfirmationNeededError(UserError):
    """An amount above the plausibility bound: saved only when the input says ``confirmed``."""

    def __init__(self, field: str, amount: int, bound: int) -> None:
        super().__init__("error.livelihood.confirm_amount", field=field,
                         amount=format_rupiah(amount), bound=format_rupiah(bound))
        self.amount = amount
        self.bound = bound


@dataclass(frozen=True)
class CleanLivelihood:
    recorded_on: date
    status: LivelihoodStatus
    business_kind: BusinessKind | None
    monthly_income: int | None
    savings: int | None
    covers_basic_needs: bool | None
    depends_on_abuser: bool | None
    channels: tuple[SalesChannel, ...]
    note: str


@dataclass(frozen=True)
class CleanCapital:
    given_on: date
    amount: int
    source: int | None
    purpose: str
    kind: CapitalKind
    repayments: tuple[tuple[date, int], ...]


def _one_line(value: object) -> str:
    return " ".join(str(value or "").split())


def _day_errors(field: str, day: date | None, registered_on: date, today: date
                ) -> list[UserError]:
    if day is None:
        return [UserError("error.required", field=field)]
    if not isinstance(day, date):
        return [UserError("error.livelihood.date_invalid", field=field)]
    if day > today:
        return [UserError("error.date_future", field=field)]
    if day < registered_on:
        return [UserError("error.livelihood.before_registration", field=field)]
    return []


def _amount_errors(field: str, value: object, required: bool = False) -> list[UserError]:
    if value is None:
        return [UserError("error.required", field=field)] if required else []
    if isinstance(value, bool) or not isinstance(value, int):
        return [UserError("error.livelihood.whole_rupiah", field=field)]
    if value < 0:
        return [UserError("error.livelihood.negative", field=field)]
    if value > MAX_AMOUNT:
        return [UserError("error.number_too_large", field=field)]
    return []


def validate_livelihood(data: LivelihoodInput, *, registered_on: date, today: date,
                        income_bound: int = DEFAULT_INCOME_BOUND) -> CleanLivelihood:
    """Every rule of a follow-up; ``ConfirmationNeededError`` last, when all else is right."""
    errors: list[UserError] = control_character_problems(data)
    errors += _day_errors("recorded_on", data.recorded_on, registered_on, today)
    status = LivelihoodStatus.NONE
    try:
        status = LivelihoodStatus(data.status)
    except ValueError:
        errors.append(UserError("error.choice_unknown", field="status"))
    kind: BusinessKind | None = None
    status_known = not any(e.field == "status" for e in errors)
    if data.business_kind is not None:
        try:
            kind = BusinessKind(data.business_kind)
        except ValueError:
            errors.append(UserError("error.choice_unknown", field="business_kind"))
        else:
            if status_known and status is not LivelihoodStatus.BUSINESS:
                errors.append(UserError("error.livelihood.kind_without_business",
                                        field="business_kind"))
    channels: list[SalesChannel] = []
    for channel in data.channels:
        try:
            value = SalesChannel(channel)
        except ValueError:
            errors.append(UserError("error.choice_unknown", field="channels"))
            break
        if value not in channels:
            channels.append(value)
    errors += _amount_errors("monthly_income", data.monthly_income)
    errors += _amount_errors("savings", data.savings)
    for name in ("covers_basic_needs", "depends_on_abuser"):
        if getattr(data, name) not in (None, True, False):
            errors.append(UserError("error.choice_unknown", field=name))
    note = _one_line(data.note)
    if len(note) > NOTE_LIMIT:
        errors.append(UserError("error.too_long", field="note", limit=NOTE_LIMIT))
    if errors:
        raise ValidationError(errors)
    assert data.recorded_on is not None
    if data.monthly_income is not None and data.monthly_income > income_bound \
            and not data.confirmed:
        raise ConfirmationNeededError("monthly_income", data.monthly_income, income_bound)
    return CleanLivelihood(data.recorded_on, status, kind, data.monthly_income, data.savings,
                           data.covers_basic_needs, data.depends_on_abuser, tuple(channels),
                           note)


def validate_capital(data: CapitalInput, *, registered_on: date, today: date,
                     partners: Iterable[int] = (),
                     capital_bound: int = DEFAULT_CAPITAL_BOUND) -> CleanCapital:
    """Every rule of a capital record; ``partners``: the known partner ids."""
    errors: list[UserError] = control_character_problems(data)
    errors += _day_errors("given_on", data.given_on, registered_on, today)
    amount_errors = _amount_errors("amount", data.amount, required=True)
    errors += amount_errors
    if errors == [] and data.amount == 0:
        errors.append(UserError("error.livelihood.amount_zero", field="amount"))
    kind = CapitalKind.GRANT
    try:
        kind = CapitalKind(data.kind)
    except ValueError:
        errors.append(UserError("error.choice_unknown", field="kind"))
    if data.source is not None and data.source not in set(partners):
        errors.append(UserError("error.partner_unknown", field="source"))
    purpose = _one_line(data.purpose)
    if len(purpose) > PURPOSE_LIMIT:
        errors.append(UserError("error.too_long", field="purpose", limit=PURPOSE_LIMIT))
    repayments = tuple(sorted(data.repayments, key=lambda r: r[0]))
    if repayments and kind is CapitalKind.GRANT:
        errors.append(UserError("error.livelihood.grant_repaid", field="repayments"))
    elif len(repayments) > MAX_REPAYMENTS:
        errors.append(UserError("error.livelihood.too_many_repayments", field="repayments",
                                limit=MAX_REPAYMENTS))
    elif repayments:
        errors += _repayment_errors(repayments, data.given_on,
                                    None if amount_errors else data.amount, today)
    if errors:
        raise ValidationError(errors)
    assert data.given_on is not None and isinstance(data.amount, int)
    if data.amount > capital_bound and not data.confirmed:
        raise ConfirmationNeededError("amount", data.amount, capital_bound)
    return CleanCapital(data.given_on, data.amount, data.source, purpose, kind, repayments)


def _repayment_errors(repayments: tuple[tuple[date, int], ...], given_on: date | None,
                      amount: int | None, today: date) -> list[UserError]:
    errors: list[UserError] = []
    for day, value in repayments:
        if not isinstance(day, date):
            return [UserError("error.livelihood.date_invalid", field="repayments")]
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            return [UserError("error.livelihood.repayment_amount", field="repayments")]
        if value > MAX_AMOUNT:
            return [UserError("error.number_too_large", field="repayments")]
        if given_on is not None and day < given_on:
            errors.append(UserError("error.livelihood.repaid_before_given",
                                    field="repayments"))
            break
        if day > today:
            errors.append(UserError("error.date_future", field="repayments"))
            break
    total = sum(value for _day, value in repayments)
    if isinstance(amount, int) and total > amount:
        errors.append(UserError("error.livelihood.repaid_too_much", field="repayments",
                                repaid=format_rupiah(total), amount=format_rupiah(amount)))
    return errors
