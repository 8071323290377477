"""Zip archives, read member by member without unpacking to disk.

Nothing is extracted to the file system, and every read is bounded: a member
may not unpack to more than ``max_bytes`` (one record or file), the whole
archive not to more than ``max_archive_bytes`` — the declared sizes in the
zip directory are not trusted, the bytes actually inflated are counted.
Members with absolute paths or ``..`` components are refused.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO

from extractor.errors import InputError

SKIPPED_PREFIXES = ("__MACOSX/",)


class Budget:
    """A byte allowance shared by all reads from one archive."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.left = limit

    def spend(self, size: int) -> None:
        """Count ``size`` bytes; raises :class:`ArchiveTooLarge` past the limit."""
        self.left -= size
        if self.left < 0:
            raise ArchiveTooLarge(
                f"archive unpacks to more than {self.limit} bytes (zip bomb?); "
                "rest of the archive skipped"
            )


class ArchiveTooLarge(InputError):
    """The archive as a whole exceeds its unpacked-size budget."""


def read_capped(stream: IO[bytes], limit: int, budget: Budget | None = None) -> bytes:
    """All of ``stream``, or :class:`InputError` when it holds more than ``limit``."""
    data = stream.read(limit + 1)
    if budget is not None:
        budget.spend(len(data))
    if len(data) > limit:
        raise InputError(f"larger than --max-bytes ({limit} bytes)")
    return data


def iter_lines(
    stream: IO[bytes], limit: int, budget: Budget | None = None
) -> Iterator[tuple[int, bytes | InputError]]:
    """``(line number, bytes)`` of a stream, an :class:`InputError` for a line
    longer than ``limit`` (the rest of that line is skipped)."""
    lineno = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if budget is not None:
            budget.spend(len(line))
        lineno += 1
        if len(line) > limit and not line.endswith(b"\n"):
            yield lineno, InputError(f"line longer than --max-bytes ({limit} bytes)")
            _skip_rest_of_line(stream, limit, budget)
        else:
            yield lineno, line


def _skip_rest_of_line(stream: IO[bytes], limit: int, budget: Budget | None) -> None:
    while True:
        chunk = stream.readline(limit + 1)
        if budget is not None:
            budget.spend(len(chunk))
        if not chunk or chunk.endswith(b"\n"):
            return


def unsafe_name(name: str) -> str | None:
    """Why a member name is refused (absolute, ``..``, drive letter), or None."""
    parts = PurePosixPath(name.replace("\\", "/")).parts
    if name.startswith(("/", "\\")) or (parts and ":" in parts[0]):
        return "absolute member path refused"
    if ".." in parts:
        return "member path with '..' refused (path traversal)"
    return None


@dataclass
class Member:
    """One readable archive member."""

    archive: zipfile.ZipFile
    info: zipfile.ZipInfo
    budget: Budget

    @property
    def name(self) -> str:
        return self.info.filename

    def open(self) -> IO[bytes]:
        return self.archive.open(self.info)


def iter_members(path: Path, max_archive_bytes: int) -> Iterator[Member | InputError]:
    """The file members of a zip archive in archive order; refusals as errors."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as err:
        yield InputError(f"not a readable zip archive ({err})", str(path))
        return
    budget = Budget(max_archive_bytes)
    with archive:
        for info in archive.infolist():
            if info.is_dir() or info.filename.startswith(SKIPPED_PREFIXES):
                continue
            refusal = unsafe_name(info.filename) or _unsupported(info)
            if refusal:
                yield InputError(refusal, f"{path}/{info.filename}")
            else:
                yield Member(archive, info, budget)


def _unsupported(info: zipfile.ZipInfo) -> str | None:
    if info.flag_bits & 0x1:
        return "encrypted member skipped"
    if info.filename.lower().endswith(".zip"):
        return "nested archive skipped"
    return None
