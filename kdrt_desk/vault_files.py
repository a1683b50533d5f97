"""Where a vault's files live in its data folder (cheap to import: used before login)."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

DB_NAME = "kdrt.db"
KEYS_NAME = "kdrt.keys"


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("KDRT Desk", "KDRT Desk", roaming=False))


def shared_data_dir(platform: str = sys.platform) -> Path | None:
    """The PC's shared folder (``C:\\ProgramData\\KDRT Desk``), Windows only: several Windows
    accounts of one PC work in one vault there (``services.windows_accounts``)."""
    if platform != "win32":
        return None
    from platformdirs import site_data_dir

    return Path(site_data_dir("KDRT Desk", "KDRT Desk"))


@dataclass(frozen=True)
class VaultPaths:
    data_dir: Path

    @property
    def database(self) -> Path:
        return self.data_dir / DB_NAME

    @property
    def keys(self) -> Path:
        return self.data_dir / KEYS_NAME

    def exists(self) -> bool:
        return self.keys.exists() or self.database.exists()


@dataclass(frozen=True)
class FolderChoice:
    """Where the app opens: this account's own folder, or (when that has no vault) the PC's
    shared one, if this Windows account may open it."""

    own: Path
    shared: Path | None

    def data_dir(self) -> Path:
        if self.shared is None or VaultPaths(self.own).exists():
            return self.own
        return self.shared if _probe(self.shared) else self.own

    def shared_closed(self) -> bool:
        """The PC has a shared folder this Windows account may not open (not named in it)."""
        return self.shared is not None and _probe(self.shared) is None


def _probe(folder: Path) -> bool | None:
    """Whether ``folder`` holds a vault; None when Windows refuses this account its files."""
    import os

    try:
        os.stat(folder / KEYS_NAME)
        return True
    except FileNotFoundError:
        pass
    except PermissionError:
        return None
    except OSError:
        return False
    try:
        os.stat(folder / DB_NAME)
        return True
    except PermissionError:
        return None
    except OSError:
        return False


def found_data_dir() -> Path:
    """The folder to open when none is given: this account's, else the PC's shared one."""
    return FolderChoice(default_data_dir(), shared_data_dir()).data_dir()
