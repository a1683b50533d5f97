"""Whether a ``-wal`` file left beside the vault still holds all its committed transactions.

SQLite replays a WAL frame by frame and stops, without a word, at the first frame whose salt or
cumulative checksum does not match: a byte flipped in the middle drops every transaction
committed after it, and the next write or checkpoint writes over the lost frames for good. So
before the vault is opened, the WAL's frames are read as SQLite would (the format of
https://www.sqlite.org/fileformat.html#the_write_ahead_log; SQLCipher encrypts the pages but
keeps SQLite's frame headers and checksums) and the file is called damaged when a frame of the
current generation that commits a transaction (its "database size after commit" is not zero)
lies at or after the first frame that fails, and a later one commits too. The last transaction
alone failing is what a power cut mid-write leaves (torn, never acknowledged: what the WAL is
for), so damage there cannot be told from it and is not called damage; nor are stale frames of
an older generation after the live ones (another salt), nor an empty or header-only file.
"""

from __future__ import annotations

import struct
from pathlib import Path

HEADER = 32
FRAME_HEADER = 24
MAGIC_LITTLE, MAGIC_BIG = 0x377F0682, 0x377F0683


def _checksum(data: bytes, big_endian: bool, s0: int, s1: int) -> tuple[int, int]:
    words = struct.unpack(f"{'>' if big_endian else '<'}{len(data) // 4}I", data)
    for index in range(0, len(words), 2):
        s0 = (s0 + words[index] + s1) & 0xFFFFFFFF
        s1 = (s1 + words[index + 1] + s0) & 0xFFFFFFFF
    return s0, s1


def _page_size(header: bytes) -> int | None:
    size = struct.unpack(">I", header[8:12])[0]
    size = 65536 if size == 1 else size
    return size if 512 <= size <= 65536 and size & (size - 1) == 0 else None


def committed_frames_lost(wal: Path) -> bool:
    """True when SQLite would silently drop a committed transaction held in ``wal``."""
    try:
        data = wal.read_bytes()
    except FileNotFoundError:
        return False
    if len(data) < HEADER + FRAME_HEADER:
        return False  # nothing committed can be in it
    magic = struct.unpack(">I", data[:4])[0]
    page_size = _page_size(data[:HEADER])
    if magic not in (MAGIC_LITTLE, MAGIC_BIG) or page_size is None:
        return any(data[HEADER:])  # the header is gone: its frames cannot be replayed
    big = magic == MAGIC_BIG
    sums = _checksum(data[:24], big, 0, 0)
    if sums != struct.unpack(">II", data[24:32]):
        return any(data[HEADER:])
    salt = data[16:24]
    frame_size = FRAME_HEADER + page_size
    failed = False
    lost_commits = 0
    for offset in range(HEADER, len(data) - frame_size + 1, frame_size):
        frame = data[offset:offset + FRAME_HEADER]
        commits = struct.unpack(">I", frame[4:8])[0] != 0
        same_generation = frame[8:16] == salt
        if not failed:
            if same_generation:
                sums = _checksum(frame[:8], big, *sums)
                sums = _checksum(data[offset + FRAME_HEADER:offset + frame_size], big, *sums)
                failed = sums != struct.unpack(">II", frame[16:24])
            else:
                failed = True  # an older generation's frames, or a damaged header: replay ends
        if failed and same_generation and commits:
            lost_commits += 1
    # the last commit after the failure may be a power cut's torn, never acknowledged write
    return lost_commits >= 2


__all__ = ["committed_frames_lost"]
