"""Reading a document's bytes safely: regular files only, never blocking on a FIFO or a
device, and never more than the size limit, whatever the file system says its size is."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

#: Read in pieces of this many bytes, so that a file that grows while it is read stops at
#: the limit instead of filling memory.
PIECE_BYTES = 1024 * 1024
_KINDS = {
    stat.S_IFIFO: "a named pipe (FIFO)",
    stat.S_IFSOCK: "a socket",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
}


class ReadRefused(Exception):
    """A document that was not read, and why (a sentence for a ``file-error``)."""


def too_big(limit: int) -> ReadRefused:
    return ReadRefused(f"the file is larger than {limit // (1024 * 1024)} MB; it was not read")


def read_document(path: Path, limit: int) -> bytes:
    """The bytes of the regular file ``path``; ReadRefused for anything else or anything
    larger than ``limit`` bytes. OSError (a missing or unreadable file) passes through."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    descriptor = os.open(path, flags)  # non-blocking: opening a FIFO does not wait for a writer
    try:
        status = os.fstat(descriptor)
        mode = status.st_mode
        if stat.S_ISDIR(mode):
            raise ReadRefused("this is a folder, not a file")
        if not stat.S_ISREG(mode):
            kind = _KINDS.get(stat.S_IFMT(mode), "not a regular file")
            raise ReadRefused(f"this is {kind}, not a regular file; it was not read")
        if status.st_size > limit:
            raise too_big(limit)
        with os.fdopen(descriptor, "rb", closefd=False) as handle:
            return read_stream(handle, limit)
    finally:
        os.close(descriptor)


def read_stream(stream: BinaryIO, limit: int) -> bytes:
    """At most ``limit`` bytes of ``stream`` (standard input); ReadRefused if there is more."""
    pieces: list[bytes] = []
    total = 0
    while True:
        piece = stream.read(min(PIECE_BYTES, limit + 1 - total))
        if not piece:
            return b"".join(pieces)
        pieces.append(piece)
        total += len(piece)
        if total > limit:
            raise too_big(limit)
