"""Finding 11: guessing during a lock-out is recorded, and the lock-out cannot be edited away.

Someone guesses staf's password through the real CLI: five wrong ones lock the account; the next
try (even with the right password) is refused and reaches the audit log as
``login_during_lockout`` at the next good login. Then she deletes the lock-out from the plain
JSON of ``kdrt.keys`` (keeping the old MAC, fixing the file's checksum): every account is locked
and the key file records ``guard_tampered``.
"""

from __future__ import annotations

from attackers import edit_key_file, read_key_file, says
from cli_harness import CliVault, assert_clean_failure, message

from kdrt_desk.security.keyfile import account_slot_id


def test_lockout_is_recorded_and_cannot_be_edited_away(demo_copy: CliVault) -> None:
    wrong = demo_copy.env(KDRT_PASSWORD="tebakan-salah-sekali")
    for _ in range(5):
        guess = demo_copy.run("check", user="staf", env=wrong)
        assert_clean_failure(guess, message("error.wrong_login"))
    during = demo_copy.run("check", user="staf")  # the right password, too late
    line = assert_clean_failure(during)
    assert says(line, "error.account_locked"), line

    data = read_key_file(demo_copy)
    staf_slot = account_slot_id(data["vault_id"], "staf")
    assert data["guard"]["lockout"][staf_slot][1], "staf is locked in the guard"
    assert "login_during_lockout" in [e["event"] for e in data["guard"]["events"]]

    # the next good login (an admin's) carries the events into the audit log
    admin = demo_copy.services("admin")
    try:
        during_entries = admin.audit.entries(action="login_during_lockout")
        failed = admin.audit.entries(action="login_failed")
        locked = admin.audit.entries(action="account_locked")
    finally:
        admin.close()
    assert [e.target for e in during_entries] == ["staf"]
    assert [e.target for e in failed].count("staf") == 5
    assert [e.target for e in locked] == ["staf"]

    # she removes the lock-out from the file, keeping the guard's MAC as it was
    def unlock_staf(data: dict) -> None:  # type: ignore[type-arg]
        data["guard"]["lockout"].pop(staf_slot)
        data["guard"]["events"] = []

    edit_key_file(demo_copy, unlock_staf)
    for user in ("staf", "admin"):  # every account is locked now, not only hers
        refused = demo_copy.run("check", user=user)
        line = assert_clean_failure(refused)
        assert says(line, "error.account_locked"), (user, line)
        assert refused.stdout == ""
    events = [e["event"] for e in read_key_file(demo_copy)["guard"]["events"]]
    assert "guard_tampered" in events
