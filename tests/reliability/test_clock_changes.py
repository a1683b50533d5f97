"""Issue 14: the PC's clock set back or forward by a day and by a year.

Office PCs lose their clock (a flat CMOS battery sets it back years) or are set wrong by hand.
Then ``audit verify`` must still pass (entries written under every clock), a lock-out must still
end (one made under a later clock must not last a year), and the rotation of automatic backups
must keep the backups made last, by their sequence number, not by the time in their name.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from support.constants import FAST_KDF
from support.participant_samples import sample

from kdrt_desk.errors import VaultError
from kdrt_desk.security.key_custody import KeyCustody
from kdrt_desk.security.secret_store import SecretStore
from kdrt_desk.security.vault_keys import LOCKOUT, MAX_TRIES, VaultKeys
from kdrt_desk.services import audit_log
from kdrt_desk.services.backups import KEEP_DAILY, KEEP_MONTHLY, KEEP_WEEKLY, AutoSettings
from kdrt_desk.wiring import Services

NOW = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)
SHIFTS = {"a day back": -timedelta(days=1), "a year back": -timedelta(days=365),
          "a day forward": timedelta(days=1), "a year forward": timedelta(days=365)}


class Clock:
    def __init__(self, now: datetime = NOW) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


class _Shifted(datetime):
    """``datetime`` whose ``now`` follows the test's clock (for the audit log's stamps)."""

    clock: Clock = Clock()

    @classmethod
    def now(cls, tz: object = None) -> _Shifted:  # type: ignore[override]
        moment = cls.clock()
        return cls.fromtimestamp(moment.timestamp(), tz=UTC)  # type: ignore[return-value]


@pytest.fixture
def shifted_audit(monkeypatch: pytest.MonkeyPatch) -> Iterator[Clock]:
    clock = Clock()
    monkeypatch.setattr(_Shifted, "clock", clock)
    monkeypatch.setattr(audit_log, "datetime", _Shifted)
    yield clock


def test_audit_verify_passes_after_entries_written_under_every_clock(
        admin: Services, shifted_audit: Clock) -> None:
    for name, shift in SHIFTS.items():
        shifted_audit.now = NOW + shift
        admin.participants.register(sample(full_name=f"Peserta Jam {name.title()}", nik="",
                                           phone=""))
        shifted_audit.now = NOW  # and back again
        admin.participants.register(sample(full_name=f"Peserta Kembali {name.title()}",
                                           nik="", phone=""))
    stamps = {e.at.year for e in admin.audit.entries(action="participant_created")}
    assert {2025, 2026, 2027} <= stamps, "the entries carry the shifted times"
    chain = admin.audit.verify()
    assert chain.ok and chain.first_broken_id is None, chain


def _keys(tmp_path: Path, clock: Clock) -> VaultKeys:
    keys = VaultKeys(tmp_path / "kdrt.keys", SecretStore(), FAST_KDF, clock)
    code = keys.new_recovery_code()
    KeyCustody.found(keys, "sari", "kata-sandi-sari", code)
    keys.save()
    return keys


@pytest.mark.parametrize("shift", list(SHIFTS.values()), ids=list(SHIFTS))
def test_a_lock_out_still_ends_when_the_clock_moves(tmp_path: Path, shift: timedelta) -> None:
    clock = Clock()
    keys = _keys(tmp_path, clock)
    for _n in range(MAX_TRIES):
        with pytest.raises(VaultError):
            keys.unlock("sari", "salah sekali")
    with pytest.raises(VaultError) as locked:
        keys.unlock("sari", "kata-sandi-sari")
    assert locked.value.key == "error.account_locked"
    clock.now = NOW + shift
    again = VaultKeys(tmp_path / "kdrt.keys", SecretStore(), FAST_KDF, clock)
    if shift < timedelta(0):  # set back: still locked, but for the lock-out time at most
        with pytest.raises(VaultError) as still:
            again.unlock("sari", "kata-sandi-sari")
        assert still.value.key == "error.account_locked"
        assert still.value.params["minutes"] <= LOCKOUT.total_seconds() // 60
        clock.now += LOCKOUT + timedelta(seconds=1)
    assert again.unlock("sari", "kata-sandi-sari") is not None  # the lock-out has ended


def test_rotation_keeps_the_newest_backups_by_sequence_whatever_the_clock(
        admin: Services) -> None:
    backups = admin.backups
    backups.set_auto_settings(AutoSettings(daily=True, on_close=True))
    clock = Clock(NOW - timedelta(days=40))
    backups.clock = clock  # type: ignore[assignment]
    made: list[Path] = []
    for _n in range(40):  # one a day for 40 days
        last = clock.now
        made.append(Path(backups.make_automatic()[0].path))
        clock.now += timedelta(days=1)
    for name, shift in SHIFTS.items():
        clock.now = last + shift  # the clock jumps from the time of the newest backup
        assert backups.automatic_due("daily"), f"{name}: a day away from the newest one"
        last = clock.now
        record, check = backups.make_automatic()
        assert check.ok, name
        made.append(Path(record.path))
        assert not backups.automatic_due("daily"), f"{name}: one was just made"
        kept = set(backups.status().automatic)
        assert made[-1] in kept, f"{name}: the backup made last was rotated away"
        assert made[-2] in kept, f"{name}: the one before it was rotated away"
    kept_files = sorted(backups.auto_folder.iterdir())
    assert len(kept_files) <= 1 + KEEP_DAILY + KEEP_WEEKLY + KEEP_MONTHLY
    sequences = [int(p.name.split("-")[1]) for p in kept_files]
    assert max(sequences) == 44 and len(set(sequences)) == len(sequences)
