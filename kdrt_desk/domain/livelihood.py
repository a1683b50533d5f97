"""Her livelihood over time (work status, income, savings, independence from the abuser) and
the business capital (modal usaha) she received, as plain data; the JSON stored sealed in
``LivelihoodRecord.details`` and ``BusinessCapital.details`` is made and read here."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class LivelihoodStatus(StrEnum):
    NONE = "none"  # no income-earning activity
    PLANNING = "planning"
    BUSINESS = "business"  # running her own business
    EMPLOYED = "employed"


class BusinessKind(StrEnum):
    FOOD = "food"
    SEWING = "sewing"
    CRAFTS = "crafts"
    TRADE = "trade"
    SERVICES = "services"
    OTHER = "other"


class SalesChannel(StrEnum):
    SOCIAL_MEDIA = "social_media"
    BAZAAR = "bazaar"
    MARKET_STALL = "market_stall"
    ORDERS = "orders"


class CapitalKind(StrEnum):
    GRANT = "grant"
    LOAN = "loan"


LIVELIHOOD_FIELDS = ("recorded_on", "status", "business_kind", "monthly_income", "savings",
                     "covers_basic_needs", "depends_on_abuser", "channels", "note")
CAPITAL_FIELDS = ("given_on", "amount", "source", "purpose", "kind", "repayments")


@dataclass
class LivelihoodInput:
    """One follow-up; amounts in whole Rupiah. ``confirmed``: an amount above the plausibility
    bound was confirmed by the person entering it."""

    recorded_on: date | None = None
    status: LivelihoodStatus | str = LivelihoodStatus.NONE
    business_kind: BusinessKind | str | None = None
    monthly_income: int | None = None
    savings: int | None = None
    covers_basic_needs: bool | None = None
    depends_on_abuser: bool | None = None
    channels: tuple[SalesChannel | str, ...] = ()
    note: str = ""
    confirmed: bool = False


@dataclass(frozen=True)
class LivelihoodView:
    id: int
    participant_id: int
    recorded_on: date
    status: LivelihoodStatus
    business_kind: BusinessKind | None
    monthly_income: int | None
    savings: int | None
    covers_basic_needs: bool | None
    depends_on_abuser: bool | None
    channels: tuple[SalesChannel, ...]
    note: str
    recorded_by: str = ""

    def as_input(self) -> LivelihoodInput:
        return LivelihoodInput(self.recorded_on, self.status, self.business_kind,
                               self.monthly_income, self.savings, self.covers_basic_needs,
                               self.depends_on_abuser, self.channels, self.note)


@dataclass
class CapitalInput:
    """Capital she received; ``source`` is a partner id (None: the centre itself)."""

    given_on: date | None = None
    amount: int | None = None
    source: int | None = None
    purpose: str = ""
    kind: CapitalKind | str = CapitalKind.GRANT
    repayments: tuple[tuple[date, int], ...] = ()
    confirmed: bool = False


@dataclass(frozen=True)
class CapitalView:
    id: int
    participant_id: int
    given_on: date
    amount: int
    source: int | None
    purpose: str
    kind: CapitalKind
    repayments: tuple[tuple[date, int], ...] = field(default_factory=tuple)
    source_name: str = ""
    recorded_by: str = ""

    @property
    def repaid(self) -> int:
        return sum(amount for _day, amount in self.repayments)

    @property
    def outstanding(self) -> int:
        """What is still owed on a loan (0 for a grant)."""
        return max(self.amount - self.repaid, 0) if self.kind is CapitalKind.LOAN else 0

    def as_input(self) -> CapitalInput:
        return CapitalInput(self.given_on, self.amount, self.source, self.purpose, self.kind,
                            self.repayments)


@dataclass(frozen=True)
class LivelihoodPoint:
    """One record for the indicators: plain data, in date order per participant."""

    recorded_on: date
    status: LivelihoodStatus
    business_kind: BusinessKind | None
    monthly_income: int | None
    covers_basic_needs: bool | None
    depends_on_abuser: bool | None


@dataclass(frozen=True)
class CapitalTotals:
    count: int
    disbursed: int
    repaid: int


# -- JSON ----------------------------------------------------------------------------------------
def livelihood_to_dict(status: LivelihoodStatus, business_kind: BusinessKind | None,
                       monthly_income: int | None, savings: int | None,
                       covers_basic_needs: bool | None, depends_on_abuser: bool | None,
                       channels: tuple[SalesChannel, ...], note: str) -> dict[str, object]:
    return {"status": status.value,
            "business_kind": None if business_kind is None else business_kind.value,
            "monthly_income": monthly_income, "savings": savings,
            "covers_basic_needs": covers_basic_needs, "depends_on_abuser": depends_on_abuser,
            "channels": [c.value for c in channels], "note": note}


def _int_or_none(value: object) -> int | None:
    return None if value is None else int(str(value))


def _bool_or_none(value: object) -> bool | None:
    return None if value is None else bool(value)


def livelihood_from_dict(data: dict[str, object], *, id: int, participant_id: int,
                         recorded_on: date, recorded_by: str = "") -> LivelihoodView:
    kind = data.get("business_kind")
    channels = data.get("channels") or []
    assert isinstance(channels, list)
    return LivelihoodView(
        id=id, participant_id=participant_id, recorded_on=recorded_on,
        status=LivelihoodStatus(str(data.get("status") or "none")),
        business_kind=None if kind is None else BusinessKind(str(kind)),
        monthly_income=_int_or_none(data.get("monthly_income")),
        savings=_int_or_none(data.get("savings")),
        covers_basic_needs=_bool_or_none(data.get("covers_basic_needs")),
        depends_on_abuser=_bool_or_none(data.get("depends_on_abuser")),
        channels=tuple(SalesChannel(str(c)) for c in channels),
        note=str(data.get("note") or ""), recorded_by=recorded_by)


def capital_to_dict(amount: int, source: int | None, purpose: str, kind: CapitalKind,
                    repayments: tuple[tuple[date, int], ...]) -> dict[str, object]:
    return {"amount": amount, "source": source, "purpose": purpose, "kind": kind.value,
            "repayments": [[day.isoformat(), value] for day, value in repayments]}


def capital_from_dict(data: dict[str, object], *, id: int, participant_id: int,
                      given_on: date, source_name: str = "",
                      recorded_by: str = "") -> CapitalView:
    payments = data.get("repayments") or []
    assert isinstance(payments, list)
    return CapitalView(
        id=id, participant_id=participant_id, given_on=given_on,
        amount=int(str(data.get("amount") or 0)), source=_int_or_none(data.get("source")),
        purpose=str(data.get("purpose") or ""),
        kind=CapitalKind(str(data.get("kind") or "grant")),
        repayments=tuple((date.fromisoformat(str(day)), int(value)) for day, value in payments),
        source_name=source_name, recorded_by=recorded_by)
