"""The Windows version resource of ``KDRT Desk.exe``, built from ``kdrt_desk.__version__``.

The version is defined once, in ``kdrt_desk/__init__.py``; it is read here as text (the package
is not imported), so the spec and the installer scripts see the same number without building
anything. ``python installer/version_info.py`` prints it (build scripts may use that).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PRODUCT = "KDRT Desk"
COMPANY = "KDRT Desk"
DESCRIPTION = "KDRT Desk: administration for a KDRT survivors' empowerment programme"
EXE_NAME = "KDRT Desk.exe"


def read_version(root: Path = ROOT) -> str:
    """``__version__`` as written in ``kdrt_desk/__init__.py`` (e.g. ``"0.1.0"``)."""
    tree = ast.parse((root / "kdrt_desk" / "__init__.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
                isinstance(target, ast.Name) and target.id == "__version__"
                for target in node.targets):
            value = node.value
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                return value.value
    raise ValueError("kdrt_desk/__init__.py defines no literal __version__")


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """The four 16-bit numbers Windows wants: ``"1.2.3rc1"`` -> ``(1, 2, 3, 0)``."""
    match = re.match(r"^\s*(\d+(?:\.\d+){0,3})", version)
    if match is None:
        raise ValueError(f"not a version: {version!r}")
    numbers = [int(part) for part in match.group(1).split(".")]
    numbers += [0] * (4 - len(numbers))
    if any(n > 0xFFFF for n in numbers):
        raise ValueError(f"a part of {version!r} does not fit in 16 bits")
    return numbers[0], numbers[1], numbers[2], numbers[3]


def version_info(version: str | None = None, exe_name: str = EXE_NAME) -> object:
    """A ``PyInstaller.utils.win32.versioninfo.VSVersionInfo`` for ``EXE(version=...)``."""
    from PyInstaller.utils.win32.versioninfo import (
        FixedFileInfo,
        StringFileInfo,
        StringStruct,
        StringTable,
        VarFileInfo,
        VarStruct,
        VSVersionInfo,
    )

    version = version or read_version()
    numbers = version_tuple(version)
    dotted = ".".join(str(n) for n in numbers)
    strings = [
        StringStruct("CompanyName", COMPANY),
        StringStruct("FileDescription", PRODUCT),  # shown by Task Manager and the UAC prompt
        StringStruct("FileVersion", dotted),
        StringStruct("InternalName", Path(exe_name).stem),
        StringStruct("LegalCopyright", f"\u00a9 {COMPANY}"),
        StringStruct("OriginalFilename", exe_name),
        StringStruct("ProductName", PRODUCT),
        StringStruct("ProductVersion", version),
        StringStruct("Comments", DESCRIPTION),
    ]
    return VSVersionInfo(
        ffi=FixedFileInfo(filevers=numbers, prodvers=numbers, mask=0x3F, flags=0x0,
                          OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),
        kids=[
            StringFileInfo([StringTable("040904B0", strings)]),  # U.S. English, Unicode
            VarFileInfo([VarStruct("Translation", [0x0409, 1200])]),
        ],
    )


if __name__ == "__main__":
    print(read_version())
