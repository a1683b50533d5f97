"""Write files so a crash or a full disk leaves the old or the new version, never half; and
the one writer of files for the user, which never writes into the vault's data folder.

Files that only count once a transaction commits (a certificate naming a serial) are staged:
written in full under a hidden temporary name beside their place, placed by a rename after the
commit. A process killed before the commit leaves only such a temporary file, never a file that
looks real, and the next batch into that folder sweeps it (``sweep_staged``)."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

STAGED_SUFFIX = ".kdrt-part"
# Windows refuses to replace a file another program has open (an antivirus scan, the search
# indexer, a backup client: each lets go within moments); retried for about a second. A file
# kept open (a workbook open in Excel) still fails, with its clear message.
WINDOWS_HOLD_TRIES = 10
WINDOWS_HOLD_PAUSE = 0.1


def replace_file(source: str | Path, target: str | Path, *, platform: str | None = None,
                 replace: Callable[[str | Path, str | Path], None] | None = None,
                 sleep: Callable[[float], None] = time.sleep) -> None:
    """``os.replace``, retried on Windows while another program briefly holds ``target``."""
    replace = replace or os.replace  # looked up at each call (a fault test may wrap it)
    if (platform or sys.platform) != "win32":
        replace(source, target)
        return
    for attempt in range(WINDOWS_HOLD_TRIES):
        try:
            replace(source, target)
            return
        except PermissionError:
            if attempt == WINDOWS_HOLD_TRIES - 1:
                raise
            sleep(WINDOWS_HOLD_PAUSE)


@dataclass(frozen=True)
class Staged:
    """A file written in full under a temporary name, waiting to be placed at ``target``."""

    temporary: Path
    target: Path


def write_atomically(path: Path, data: bytes) -> None:
    """Write, fsync, rename over ``path``, fsync the folder (so the rename itself survives a
    power cut): a crash at any step leaves the old file or the new one."""
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        replace_file(tmp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    sync_folder(path.parent)


def stage(path: Path, data: bytes) -> Staged:
    """Write ``data`` in full (fsynced) under a hidden temporary name in ``path``'s folder."""
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=STAGED_SUFFIX,
                                    dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        _hide(Path(tmp_name))
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    return Staged(Path(tmp_name), path)


def place(staged: Staged) -> Path:
    """Rename a staged file into its place and fsync the folder."""
    replace_file(staged.temporary, staged.target)
    sync_folder(staged.target.parent)
    return staged.target


def discard(staged: Staged) -> None:
    with contextlib.suppress(OSError):
        os.unlink(staged.temporary)


def sweep_staged(folder: Path) -> int:
    """Remove the staged files a killed process left in ``folder`` (only ours: hidden names
    ending in ``STAGED_SUFFIX``); how many went."""
    removed = 0
    try:
        entries = list(folder.iterdir())
    except OSError:
        return 0
    for entry in entries:
        if entry.name.startswith(".") and entry.name.endswith(STAGED_SUFFIX):
            with contextlib.suppress(OSError):
                entry.unlink()
                removed += 1
    return removed


def _hide(path: Path) -> None:
    """Windows shows dot files: mark the temporary file hidden there too."""
    if os.name != "nt":
        return
    import ctypes

    file_attribute_hidden = 0x2
    with contextlib.suppress(AttributeError, OSError):
        ctypes.windll.kernel32.SetFileAttributesW(str(path), file_attribute_hidden)  # type: ignore[attr-defined]


def sync_folder(folder: Path) -> None:
    """fsync a folder's entry list (POSIX; Windows has no folder handles to sync, and its
    ``MoveFileEx`` replace is written through by NTFS's journal)."""
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems (e.g. network shares) refuse: the rename is done anyway
    finally:
        os.close(fd)


class OutputWriter:
    """The one way the app writes a file for the user (a PDF, and later xlsx, ics, backups).

    It refuses any path inside the vault's data folder, or one that is a vault file by another
    name (a link, another case, a hard link), so a printout can never replace the database or
    the key file; it replaces an existing file only when the user said so (``overwrite``: a
    confirmation in the GUI, ``--overwrite`` in the CLI); and it writes atomically.
    """

    def __init__(self, protected: Path) -> None:
        self.protected = protected

    def check(self, path: Path, *, overwrite: bool) -> Path:
        """The real path to write, or a ``UserError`` saying why not (nothing is written)."""
        from kdrt_desk.errors import UserError

        target = Path(os.path.abspath(Path(path).expanduser()))
        if target.is_dir():
            raise UserError("error.output_is_folder", path=str(target))
        real = target.resolve()
        if not real.parent.is_dir():
            raise UserError("error.output_folder_missing", folder=str(real.parent))
        if self._inside_data_folder(real) or self._is_vault_file(real):
            raise UserError("error.output_in_data_folder", folder=str(self.protected))
        if real.exists() and not overwrite:
            raise UserError("error.output_exists", path=str(target))
        return real

    def write(self, path: Path, data: bytes, *, overwrite: bool) -> Path:
        from kdrt_desk.errors import UserError

        real = self.check(path, overwrite=overwrite)
        try:
            write_atomically(real, data)
        except OSError as exc:
            # refused: a file held open by another program (Windows: a PDF reader, Excel) or a
            # read-only folder; the file that was there is untouched
            raise UserError(self._write_error(exc), path=str(real)) from exc
        return real

    def stage(self, path: Path, data: bytes, *, overwrite: bool) -> Staged:
        """``write`` in two steps: checked and written in full now under a temporary name,
        placed by ``place`` once the work it belongs to has committed."""
        from kdrt_desk.errors import UserError

        real = self.check(path, overwrite=overwrite)
        try:
            return stage(real, data)
        except OSError as exc:
            raise UserError(self._write_error(exc), path=str(real)) from exc

    def place(self, staged: Staged, *, overwrite: bool) -> Path:
        from kdrt_desk.errors import UserError

        if staged.target.exists() and not overwrite:
            discard(staged)
            raise UserError("error.output_exists", path=str(staged.target))
        try:
            return place(staged)
        except OSError as exc:
            discard(staged)
            raise UserError(self._write_error(exc), path=str(staged.target)) from exc

    @staticmethod
    def _write_error(exc: OSError) -> str:
        from kdrt_desk.errors import os_error_key

        key = os_error_key(exc)
        return {"error.file_unwritable": "error.export_unwritable",
                "error.folder_read_only": "error.output_locked"}.get(key, key)

    def _inside_data_folder(self, real: Path) -> bool:
        data = self.protected.resolve()
        for folder in (real, *real.parents):
            if os.path.normcase(str(folder)) == os.path.normcase(str(data)):
                return True
            try:
                if folder.exists() and data.exists() and os.path.samefile(folder, data):
                    return True  # the same folder under another case or a mount
            except OSError:
                continue
        return False

    def _is_vault_file(self, real: Path) -> bool:
        """A hard link to a vault file elsewhere (the replace would not touch it, but a file
        we would write over must never share its inode)."""
        if not real.exists() or not self.protected.is_dir():
            return False
        try:
            for entry in self.protected.iterdir():
                if entry.is_file() and os.path.samefile(entry, real):
                    return True
        except OSError:
            return True
        return False
