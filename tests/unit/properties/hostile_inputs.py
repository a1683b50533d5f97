"""Shared Hypothesis strategies for the property tests of the services (issue 14).

Generated values a user (or a pasted spreadsheet) could put in a form: very long strings,
control characters and NUL, right-to-left overrides and emoji, SQL and spreadsheet-formula
fragments, markup, dates from 1800 to 2200 and integers far outside any sensible range. Also
the one check every refusal must pass: a known user error whose message key is in the
catalogue in both languages.
"""

from __future__ import annotations

import os
import string
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st

from kdrt_desk import i18n
from kdrt_desk.errors import UserError, ValidationError
from kdrt_desk.i18n import text_in
from kdrt_desk.i18n.catalog import MESSAGES

# One settings object for every property test: a real vault per test function, many calls.
# The suite runs a fixed set of examples (the same on every run, in about a minute);
# KDRT_PROPERTY_EXAMPLES=2000 explores further, with fresh random examples each time.
_DEEPER = os.environ.get("KDRT_PROPERTY_EXAMPLES", "")
PROPERTY_SETTINGS = settings(
    max_examples=int(_DEEPER or 200), deadline=None, derandomize=not _DEEPER, database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                           HealthCheck.data_too_large])

SQL = "'; DROP TABLE participant;--"
FRAGMENTS = (
    SQL, "\" OR 1=1 --", "%", "_", "\\", "'", "%_%", "*", "x' UNION SELECT * FROM account --",
    "=HYPERLINK(\"http://example.invalid\",\"klik\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)",
    "=1+1", "<b>tebal</b>", "<script>alert(1)</script>", "&amp;", "<i>", "]]>", "{name}",
    "{0}", "%s", "\u202eterbalik", "\u200f", "\u2066x\u2069", "\x00", "\x1b[31m", "\x07",
    "\r\n", "\t", "\x7f", "\x85", "\u2028", "\ufeff", "\u200b", "\U0001f600", "\U0001f469\u200d"
    "\U0001f467", "\U0001f1ee\U0001f1e9", "\u0627\u0644\u0633\u0644\u0627\u0645", "\u05e9\u05dc",
    "e\u0301", "\ufffd", " ", "   ", "\u00a0", "\u3000", "Siti", "Ami", "0812-3456-7890",
)
CONTROL = st.characters(min_codepoint=0, max_codepoint=0x1F) | st.sampled_from(
    ["\x7f", "\x85", "\u202e", "\u202a", "\u2066", "\u200e", "\u200f", "\u061c"])
NORMAL = st.text(string.ascii_letters + " .-'", min_size=1, max_size=20)


def _long(n: int, fill: str) -> str:
    return (fill * (n // len(fill) + 1))[:n]


def long_text(low: int = 1000, high: int = 5000) -> st.SearchStrategy[str]:
    """A string of ``low``..``high`` characters, plain or made of one hostile fragment."""
    return st.builds(_long, st.integers(low, high), st.sampled_from(("a", "Siti ", *FRAGMENTS[:20],
                                                                     "\U0001f600")))


def hostile_text(max_size: int = 60) -> st.SearchStrategy[str]:
    """Any text a form field may receive, from the empty string to 5,000 characters."""
    fragment = st.sampled_from(FRAGMENTS)
    mixed = st.lists(fragment | NORMAL | CONTROL, min_size=1, max_size=6).map("".join)
    return st.one_of(
        st.just(""), fragment, mixed, NORMAL,
        st.text(max_size=max_size),  # any code point but surrogates, NUL included
        NORMAL.flatmap(lambda s: CONTROL.map(lambda c: s + c + s)),
        long_text(),
    )


def hostile_dates() -> st.SearchStrategy[date]:
    return st.one_of(st.dates(date(1800, 1, 1), date(2200, 12, 31)),
                     st.sampled_from([date(1800, 1, 1), date(1900, 2, 28), date(2000, 2, 29),
                                      date(2200, 12, 31), date(1970, 1, 1)]))


def hostile_ints() -> st.SearchStrategy[int]:
    return st.one_of(
        st.integers(-10, 200), st.sampled_from([-1, 0, 2**31 - 1, 2**31, 2**63 - 1, 2**63,
                                                -(2**63), -(2**63) - 1, 10**30, -(10**30)]),
        st.integers(-(2**70), 2**70))


def assert_known_refusal(error: UserError) -> None:
    """A refusal is a user error whose key (and every field error's key) reads in both
    languages, with its placeholders filled."""
    assert isinstance(error, UserError)
    errors = error.errors if isinstance(error, ValidationError) else [error]
    assert errors, "a ValidationError with no field errors tells the user nothing"
    event("refused: " + ", ".join(sorted({e.key for e in errors})))
    for problem in [error, *errors]:
        assert problem.key in MESSAGES, f"{problem.key!r} is not in the catalogue"
        indonesian, english = MESSAGES[problem.key]
        assert indonesian.strip() and english.strip(), problem.key
        for lang, text in (("id", indonesian), ("en", english)):
            with i18n_language(lang):  # every placeholder filled, none left over
                shown = problem.message
            assert shown == text_in(lang, problem.key, **problem.params)
            assert text.strip()
            assert "{" not in shown or "{" in str(problem.params), (problem.key, shown)


def count_saved() -> None:
    """Count a call that was saved (``--hypothesis-show-statistics`` shows saved and refused)."""
    event("saved")


@contextmanager
def i18n_language(lang: str) -> Iterator[None]:
    previous = i18n.language()
    i18n.set_language(lang)
    try:
        yield
    finally:
        i18n.set_language(previous)
