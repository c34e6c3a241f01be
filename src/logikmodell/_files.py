"""Writing a file so that a failure never leaves it half-written.

Every file the library writes goes through :func:`write_atomically`: the bytes go to
a temporary file in the target's folder, are flushed and synced to the disk, and the
temporary file is then renamed over the target in one step. A write that fails
midway (the disk full, a file-size limit, the process killed) leaves the target as it
was, so an in-place ``convert model.yaml model.yaml`` can never lose the model.

A symbolic link is followed: the file it points to is replaced, the link stays. A
target that is not a regular file (``/dev/null``, ``/dev/stdout``, a named pipe) has
nothing to rename over: the bytes are written to it directly.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from logikmodell.errors import WriteError

__all__ = ["write_atomically"]

# Paths that stand for something other than a file of their own (the terminal,
# another process's stream): written as they are, never renamed over.
_SPECIAL_FOLDERS = ("/dev/", "/proc/")


def write_atomically(target: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``target`` so that a failure leaves ``target`` untouched.

    Returns:
        The path written, as given.

    Raises:
        WriteError: the file cannot be written (a folder, a missing parent folder,
            no space left, a file-size limit, no permission); ``target`` is as it was.
    """
    path = Path(target)
    try:
        _write(path, data)
    except OSError as exc:
        raise WriteError(str(target), exc.strerror or str(exc), exc.errno) from exc
    return path


def _write(path: Path, data: bytes) -> None:
    real = Path(os.path.realpath(path))
    try:
        status: os.stat_result | None = os.stat(real)
    except FileNotFoundError:
        status = None
    if status is not None and stat.S_ISDIR(status.st_mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    special = str(path).startswith(_SPECIAL_FOLDERS) or str(real).startswith(_SPECIAL_FOLDERS)
    if special or (status is not None and not stat.S_ISREG(status.st_mode)):
        _write_in_place(path, data)
        return
    mode = None if status is None else stat.S_IMODE(status.st_mode)
    _replace(real, data, mode)


def _write_in_place(path: Path, data: bytes) -> None:
    """Write to a device or a stream: no temporary file, and nothing truncated
    (``/dev/stdout`` may be a file the shell opened for appending)."""
    handle = os.open(path, os.O_WRONLY | os.O_APPEND)
    with os.fdopen(handle, "wb") as stream:
        stream.write(data)
        stream.flush()


def _replace(real: Path, data: bytes, mode: int | None) -> None:
    """Write a temporary file beside ``real``, sync it, rename it over ``real``."""
    import tempfile

    handle, temporary = tempfile.mkstemp(dir=real.parent, prefix=f".{real.name}.", suffix=".tmp")
    try:
        if mode is None:  # a new file: as open() would make it, not mkstemp's 0o600
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(temporary, mode)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, real)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _sync_folder(real.parent)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable, where the system allows a folder to be synced."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass  # some file systems refuse to sync a folder; the rename has happened
    finally:
        os.close(handle)
