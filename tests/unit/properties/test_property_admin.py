"""Property tests of the administration services (issue 14): centre settings and staff accounts.

Settings are saved as validated (read back equal after trimming) or refused with the stored
settings unchanged; a new account is saved (listed, its password works) or refused with no
account added.
"""

from __future__ import annotations

import itertools
from dataclasses import replace

from hostile_inputs import (
    PROPERTY_SETTINGS,
    assert_known_refusal,
    count_saved,
    hostile_ints,
    hostile_text,
)
from hypothesis import given
from hypothesis import strategies as st

from kdrt_desk.domain.enums import Role
from kdrt_desk.errors import UserError
from kdrt_desk.services.settings import PANIC_KEYS, CentreSettings
from kdrt_desk.wiring import Services


@st.composite
def settings_change(draw: st.DrawFn) -> tuple[str, object]:
    name = draw(st.sampled_from(("centre_name", "centre_address", "idle_minutes", "panic_key",
                                 "language")))
    if name == "idle_minutes":
        return name, draw(hostile_ints())
    if name == "panic_key":
        return name, draw(st.sampled_from(PANIC_KEYS) | hostile_text(max_size=10))
    if name == "language":
        return name, draw(st.sampled_from(("id", "en")) | hostile_text(max_size=5))
    return name, draw(hostile_text())


@PROPERTY_SETTINGS
@given(change=settings_change())
def test_settings_are_saved_trimmed_or_refused_and_kept(
        admin: Services, change: tuple[str, object]) -> None:
    before = admin.settings.current()
    new = replace(before, **{change[0]: change[1]})  # type: ignore[arg-type]
    try:
        admin.settings.update(new)
    except UserError as error:
        assert_known_refusal(error)
        assert admin.settings.current() == before
        return
    count_saved()
    assert admin.settings.current() == CentreSettings(
        new.centre_name.strip(), new.centre_address.strip(), new.idle_minutes, new.panic_key,
        new.language)


_numbers = itertools.count(1)


@st.composite
def account_change(draw: st.DrawFn) -> tuple[str, str, str, str]:
    """(username, role, password, display_name): a valid new account with one value hostile."""
    values = {"username": f"staf{next(_numbers)}", "role": draw(st.sampled_from(list(Role))).value,
              "password": "kata-sandi-baru-7", "display_name": "Siti Konselor"}
    name = draw(st.sampled_from(sorted(values)))
    values[name] = draw(st.sampled_from(("admin", " Rina ", "a", "")) | hostile_text(20)
                        if name == "username" else hostile_text())
    return values["username"], values["role"], values["password"], values["display_name"]


@PROPERTY_SETTINGS
@given(account=account_change())
def test_an_account_is_added_and_its_password_works_or_it_is_refused(
        admin: Services, account: tuple[str, str, str, str]) -> None:
    username, role, password, display_name = account
    before = admin.accounts.list_accounts()
    try:
        admin.accounts.add_account(username, role, password, display_name)
    except UserError as error:
        assert_known_refusal(error)
        assert admin.accounts.list_accounts() == before
        return
    count_saved()
    name = username.strip().lower()
    added = {a.username: a for a in admin.accounts.list_accounts()}
    assert len(added) == len(before) + 1
    assert (added[name].role, added[name].display_name) == (Role(role), display_name.strip())
    assert admin.vault.keys.check_password(name, password)
