"""The one place that runs Graphviz's ``dot``: an argument list, never a shell."""

from __future__ import annotations

import os
import shutil
import subprocess
import warnings

from logikmodell.errors import GraphvizNotFoundError, RenderError

__all__ = ["FORMATS", "GraphvizWarning", "find_dot", "run_dot"]

#: The output formats ``dot`` is asked for, by file suffix.
FORMATS = {".svg": "svg", ".png": "png", ".pdf": "pdf"}


class GraphvizWarning(UserWarning):
    """``dot`` succeeded but warned (for example about a missing font)."""


def find_dot() -> str:
    """The path of the ``dot`` executable.

    Raises:
        GraphvizNotFoundError: ``dot`` is not on the PATH.
    """
    found = shutil.which("dot", path=os.environ.get("PATH", os.defpath))
    if found is None:
        raise GraphvizNotFoundError
    return found


def run_dot(
    source: str, fmt: str, *, dpi: int | None = None, timeout: float | None = None
) -> bytes:
    """Lay out DOT text with ``dot`` and return the output's bytes.

    Args:
        source: the DOT text.
        fmt: ``svg``, ``png`` or ``pdf``.
        dpi: resolution for bitmap output.
        timeout: seconds before the layout is given up.

    Raises:
        GraphvizNotFoundError: ``dot`` is not on the PATH.
        RenderError: ``dot`` failed or timed out.

    Warns:
        GraphvizWarning: ``dot`` wrote warnings but produced output.
    """
    if fmt not in FORMATS.values():
        raise ValueError(f"unknown format {fmt!r}")
    args = [find_dot(), f"-T{fmt}"]
    if dpi is not None:
        args.append(f"-Gdpi={int(dpi)}")
    try:
        done = subprocess.run(  # noqa: S603 - a fixed argument list, no shell
            args,
            input=source.encode("utf-8"),
            capture_output=True,
            check=False,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        raise RenderError(-1, f"timed out after {timeout} s") from None
    except OSError as exc:
        raise RenderError(-1, str(exc)) from exc
    stderr = done.stderr.decode("utf-8", errors="replace")
    if done.returncode != 0:
        raise RenderError(done.returncode, stderr)
    if stderr.strip():
        warnings.warn(f"Graphviz 'dot': {stderr.strip()}", GraphvizWarning, stacklevel=3)
    return done.stdout
