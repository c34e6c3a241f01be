"""The one place that runs Graphviz's ``dot``: an argument list, never a shell.

A PDF from ``dot`` (through cairo) carries the moment it was made as its creation
date, so two runs on the same model differ. :func:`fixed_pdf_dates` replaces that date
by ``SOURCE_DATE_EPOCH`` (the reproducible-builds convention: whole seconds since
1970, UTC) when it is set, and removes it when not, so that the same model gives the
same bytes.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import warnings
from collections.abc import Mapping

from logikmodell.errors import GraphvizNotFoundError, RenderError

__all__ = ["FORMATS", "GraphvizWarning", "find_dot", "fixed_pdf_dates", "run_dot", "source_date"]

#: The output formats ``dot`` is asked for, by file suffix.
FORMATS = {".svg": "svg", ".png": "png", ".pdf": "pdf"}


# A date entry of a PDF's document information: ``/CreationDate (D:20261202133252Z)``.
_PDF_DATE = re.compile(rb"/(?:CreationDate|ModDate)\s*\(([^)]{0,40})\)")
# The form of a date that can be rewritten in as many bytes: a zone of Z, +HH, +HH'mm or +HH'mm'.
_DATE_FORM = re.compile(rb"D:[0-9]{14}(Z|[+-][0-9]{2}(?:'[0-9]{2}'?)?)?")


def source_date(environ: Mapping[str, str] | None = None) -> dt.datetime | None:
    """The moment ``SOURCE_DATE_EPOCH`` names (UTC), or None when it is unset or not
    a whole number of seconds."""
    epoch = (os.environ if environ is None else environ).get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch.isdigit():
        return None
    try:
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    except (OverflowError, OSError, ValueError):
        return None


def fixed_pdf_dates(pdf: bytes, when: dt.datetime | None) -> bytes:
    """``pdf`` with its creation and modification dates set to ``when``, or removed.

    Each date is rewritten in place with as many bytes as it had, so that the
    cross-reference table's offsets stay right: ``D:YYYYMMDDHHmmSS`` and the zone
    as UTC (``Z``, ``+00``, ``+00'00'``). A date entry is blanked out with spaces when
    ``when`` is None, or when its date is of another form (the document information
    then has no date at all).

    Example:
        >>> when = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
        >>> fixed_pdf_dates(b"<< /CreationDate (D:20261202133252Z) >>", when)
        b'<< /CreationDate (D:20260101000000Z) >>'
        >>> fixed_pdf_dates(b"<< /CreationDate (D:20261202133252Z) >>", None)
        b'<<                                   >>'
    """

    def replace(match: re.Match[bytes]) -> bytes:
        form = _DATE_FORM.fullmatch(match[1])
        if when is None or form is None:
            return b" " * len(match[0])
        zone = form[1] or b""
        utc = b"Z" if zone == b"Z" else b"+00'00'"[: len(zone)]
        stamp = when.astimezone(dt.UTC).strftime("D:%Y%m%d%H%M%S").encode("ascii")
        return match[0].replace(match[1], stamp + utc)

    return _PDF_DATE.sub(replace, pdf)


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

    A PDF's dates are fixed (:func:`fixed_pdf_dates`) to ``SOURCE_DATE_EPOCH``, or
    removed when it is unset.

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
    if fmt == "pdf":
        return fixed_pdf_dates(done.stdout, source_date())
    return done.stdout
