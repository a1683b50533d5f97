"""Issue 14: a full disk or a read-only folder while saving, exporting or printing.

Each write (an export, a sign-in sheet PDF, a certificate batch, a backup, a participant save)
fails with one clear catalogue message (``error.disk_full``; for a file for the user
on a read-only folder ``error.output_locked``, for the vault ``error.folder_read_only``), the
vault is as it was (every table's row count, ``PRAGMA integrity_check``, the audit chain) and the
target folder holds no half-written or temporary file.

The faults are real where they can be: as root, a small tmpfs filled to the last byte by a filler
file (disk full) and a tmpfs mounted read-only; the vault itself is copied onto a small tmpfs
whose free space is then filled, and (read-only) the same tmpfs is remounted read-only under the
open vault. Where mounting is not possible (not root, no ``mount``), the OS errors are injected
at the write calls (``os.fsync`` raising ENOSPC, ``tempfile.mkstemp`` raising EROFS); the vault
on a full disk needs the real mount. Each test prints the mode it ran in (``mode: tmpfs`` or
``mode: injected``). Every mount is unmounted in the fixture's teardown.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path

import pytest
from cli_harness import CliVault
from sqlalchemy import select, text

from kdrt_desk.domain.certificates import IssueRequest
from kdrt_desk.domain.enums import ConsentScope
from kdrt_desk.domain.participant import Consent, ParticipantInput
from kdrt_desk.errors import UserError
from kdrt_desk.models import CertificateSerial, TrainingSession
from kdrt_desk.wiring import Services

FILLER = "pengisi.bin"
CONDITIONS = ("disk_full", "read_only")
OUTPUT_KEYS = {"disk_full": "error.disk_full", "read_only": "error.output_locked"}


def _mount(point: Path, *options: str) -> bool:
    if os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", ",".join(options), "tmpfs",
                           str(point)], capture_output=True, text=True)
    return done.returncode == 0


def _umount(point: Path) -> None:
    subprocess.run(["umount", "-l", str(point)], check=True, capture_output=True)


def fill(folder: Path) -> None:
    """Write a filler file until the file system has no byte left (unbuffered, so nothing
    is still to be written when it is closed)."""
    try:
        fd = os.open(folder / FILLER, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    except OSError as exc:  # not even an empty file fits
        assert exc.errno == errno.ENOSPC, exc
        return
    try:
        for block in (b"\0" * 65536, b"\0"):  # big blocks, then the last bytes one by one
            try:
                while os.write(fd, block):
                    pass
            except OSError as exc:
                assert exc.errno == errno.ENOSPC, exc
    finally:
        os.close(fd)


@dataclass
class Target:
    """The folder a file for the user is written to, and how its fault is made."""

    folder: Path
    condition: str
    mode: str
    monkeypatch: pytest.MonkeyPatch

    def fault(self) -> AbstractContextManager[object]:
        """The injected OS error for the length of the call (nothing in tmpfs mode)."""
        if self.mode == "tmpfs":
            return nullcontext()
        return _Injected(self.monkeypatch, self.condition)

    def leftovers(self) -> list[str]:
        return sorted(p.name for p in self.folder.iterdir() if p.name != FILLER)


class _Injected(AbstractContextManager[object]):
    def __init__(self, monkeypatch: pytest.MonkeyPatch, condition: str) -> None:
        self.patch = monkeypatch
        self.condition = condition

    def __enter__(self) -> object:
        def no_space(fd: int) -> None:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        def read_only(*args: object, **kwargs: object) -> tuple[int, str]:
            raise OSError(errno.EROFS, os.strerror(errno.EROFS))

        if self.condition == "disk_full":
            self.patch.setattr(os, "fsync", no_space)
        else:
            self.patch.setattr(tempfile, "mkstemp", read_only)
        return self

    def __exit__(self, *exc: object) -> None:
        self.patch.undo()


@pytest.fixture(params=CONDITIONS)
def target(request: pytest.FixtureRequest, tmp_path: Path,
           monkeypatch: pytest.MonkeyPatch) -> Iterator[Target]:
    condition = str(request.param)
    folder = tmp_path / "keluaran"
    folder.mkdir()
    options = ("size=256k",) if condition == "disk_full" else ("size=256k", "ro")
    mounted = _mount(folder, *options)
    try:
        if mounted and condition == "disk_full":
            fill(folder)
        mode = "tmpfs" if mounted else "injected"
        print(f"\nmode: {mode} ({condition})")
        yield Target(folder, condition, mode, monkeypatch)
    finally:
        if mounted:
            _umount(folder)


def snapshot(services: Services) -> dict[str, int]:
    """Every table's row count, after checking the file's integrity."""
    with services.vault.db.reading() as session:
        assert session.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        tables = session.execute(text(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )).scalars().all()
        return {name: int(session.execute(text(f'SELECT count(*) FROM "{name}"')).scalar() or 0)
                for name in tables}


def assert_refused(write: Callable[[], object], key: str) -> UserError:
    with pytest.raises(UserError) as raised:
        write()
    assert raised.value.key == key, (raised.value.key, str(raised.value))
    assert str(raised.value) and "Traceback" not in str(raised.value)
    return raised.value


@pytest.fixture
def services(demo_copy: CliVault) -> Iterator[Services]:
    opened = demo_copy.services()
    yield opened
    opened.close()


def _unchanged(services: Services, before: dict[str, int]) -> None:
    assert snapshot(services) == before, "the vault changed"
    assert services.audit.verify().ok


def test_export_to_a_full_or_read_only_folder(services: Services, target: Target) -> None:
    before = snapshot(services)
    with target.fault():
        assert_refused(lambda: services.work_exports.participants(
            target.folder / "peserta.xlsx"), OUTPUT_KEYS[target.condition])
    assert target.leftovers() == [], "a half-written export is left"
    _unchanged(services, before)


def test_sign_in_sheet_pdf_to_a_full_or_read_only_folder(services: Services,
                                                         target: Target) -> None:
    with services.vault.db.reading() as session:
        session_id = session.scalar(select(TrainingSession.id).where(
            TrainingSession.status == "held").order_by(TrainingSession.id).limit(1))
    assert session_id is not None
    before = snapshot(services)
    with target.fault():
        assert_refused(lambda: services.attendance.print_sign_in_sheet(
            session_id, target.folder / "daftar-hadir.pdf"), OUTPUT_KEYS[target.condition])
    assert target.leftovers() == [], "a half-written sign-in sheet is left"
    _unchanged(services, before)


def test_certificate_batch_to_a_full_or_read_only_folder(services: Services,
                                                         target: Target) -> None:
    certificates = services.certificates
    taken = [row for row in certificates.eligible(include_close=False)
             if row.eligible and row.existing_serial][:2]
    for row in taken:  # so that they can be issued again
        certificates.revoke(row.existing_serial, "uji disk penuh")
    requests = [IssueRequest(row.participant_id, row.module_id, row.group_id or 0)
                for row in taken]
    with services.vault.db.reading() as session:
        last = {c.year: c.last for c in session.scalars(select(CertificateSerial))}
    before = snapshot(services)
    with target.fault():
        assert_refused(lambda: certificates.issue(requests, target.folder / "sertifikat.pdf"),
                       OUTPUT_KEYS[target.condition])
    assert target.leftovers() == [], "a half-written certificate file is left"
    _unchanged(services, before)
    with services.vault.db.reading() as session:
        assert {c.year: c.last for c in session.scalars(select(CertificateSerial))} == last, \
            "a serial was consumed by a batch that failed"


def test_backup_to_a_full_or_read_only_folder(services: Services, target: Target) -> None:
    """A USB stick that is full or write-protected: the backup is refused with the same clear
    message, no partial backup is left on it, nothing is left in the data folder, and the last
    good backup on record stays the one it was."""
    from kdrt_desk.services.backups import PRIVATE_PREFIX

    before = snapshot(services)
    status = services.backups.status()
    with target.fault():
        assert_refused(lambda: services.backups.make(target.folder / "cadangan.kdrtbackup"),
                       OUTPUT_KEYS[target.condition])
    assert target.leftovers() == [], "a half-written backup is left"
    assert not list(services.vault.paths.data_dir.glob(f"{PRIVATE_PREFIX}*"))
    assert services.backups.status() == status, "a failed backup changed the record"
    _unchanged(services, before)


def _participant(index: int) -> ParticipantInput:
    today = date.today()
    return ParticipantInput(
        full_name=f"Peserta Disk Penuh {index}", estimated_age=33, phone="0812-3456-7890",
        kecamatan="Plaju", occupation=f"uji-disk-{index}", registered_on=today,
        consent=Consent(today, {ConsentScope.DATA_USE}))


@pytest.fixture
def vault_on_tmpfs(demo_copy: CliVault, tmp_path: Path) -> Iterator[CliVault]:
    """The demo copy moved onto a tmpfs with 4 MB beyond its files."""
    point = tmp_path / "brankas-kecil"
    point.mkdir()
    size = sum(p.stat().st_size for p in demo_copy.data_dir.iterdir()) + (4 << 20)
    assert _mount(point, f"size={size}"), "cannot mount a tmpfs for the vault (needs root)"
    try:
        moved = point / "vault"
        shutil.copytree(demo_copy.data_dir, moved, ignore=shutil.ignore_patterns("kdrt.lock"))
        demo_copy.data_dir = moved
        print("\nmode: tmpfs (vault)")
        yield demo_copy
    finally:
        _umount(point)


def test_participant_save_with_the_vault_on_a_full_disk(vault_on_tmpfs: CliVault) -> None:
    services = vault_on_tmpfs.services()
    folder = vault_on_tmpfs.data_dir.parent
    try:
        services.participants.register(_participant(0))  # the WAL has grown once
        before = snapshot(services)
        fill(folder)
        for index in range(1, 4):  # again and again: each one refused the same way
            assert_refused(partial(services.participants.register, _participant(index)),
                           "error.disk_full")
        (folder / FILLER).unlink()
        _unchanged(services, before)
        services.participants.register(_participant(9))  # space again: saving works
        after = snapshot(services)
        assert after["participant"] == before["participant"] + 1
    finally:
        services.close()
    reopened = vault_on_tmpfs.services()
    try:
        assert snapshot(reopened)["participant"] == before["participant"] + 1
        assert reopened.audit.verify().ok
    finally:
        reopened.close()


def test_opening_a_vault_in_a_read_only_folder(vault_on_tmpfs: CliVault) -> None:
    """Linux refuses to remount a file system read-only while the open vault's files are open
    for writing (``mount point is busy``), so a folder turning read-only under a save cannot
    happen for real; a vault in a folder that is read-only when it is opened can (a locked
    memory card, a copied disk): one clear line, no byte of it changed."""
    folder = vault_on_tmpfs.data_dir.parent
    data_dir = vault_on_tmpfs.data_dir
    files = {p.name: p.read_bytes() for p in data_dir.iterdir() if p.is_file()}
    remount = subprocess.run(["mount", "-o", "remount,ro", str(folder)],
                             capture_output=True, text=True)
    assert remount.returncode == 0, remount.stderr
    try:
        with pytest.raises(UserError) as raised:
            vault_on_tmpfs.open().close()
        assert raised.value.key == "error.folder_read_only", raised.value.key
        assert {p.name: p.read_bytes() for p in data_dir.iterdir() if p.is_file()} == files
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(folder)], check=True)
    services = vault_on_tmpfs.services()  # writable again: it opens and saves
    try:
        services.participants.register(_participant(1))
        assert snapshot(services)["participant"] > 0
    finally:
        services.close()
