"""Draw a logic model: DOT for Graphviz, SVG, PNG and PDF through ``dot``, and Mermaid.

:func:`to_dot` and :func:`to_mermaid` build text and run nothing; :func:`render`
and :func:`to_svg` run Graphviz's ``dot`` (from the OS package ``graphviz``)
for the image formats. Importing this package makes a
:class:`~logikmodell.graph.LogicModel` show itself in Jupyter as its SVG diagram
(it sets :attr:`LogicModel.svg_display <logikmodell.graph.LogicModel.svg_display>`).

Example:
    >>> from logikmodell.examples import load_example
    >>> dot = to_dot(load_example(), lang="en")
    >>> "Short-term outcomes" in dot.source
    True
"""

from __future__ import annotations

from collections.abc import Iterable
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING

from logikmodell._arguments import check_type
from logikmodell._files import write_atomically
from logikmodell.errors import DiagramDoesNotFitError, GraphvizNotFoundError, RenderError
from logikmodell.graph import LogicModel
from logikmodell.rendering._backend import FORMATS, GraphvizWarning, find_dot, run_dot
from logikmodell.rendering._findings import FindingLike, FindingsLike
from logikmodell.rendering._view import COMPACT_THRESHOLD
from logikmodell.rendering.dot import to_dot
from logikmodell.rendering.mermaid import to_mermaid

if TYPE_CHECKING:
    from logikmodell.followup import FollowUp

__all__ = [
    "COMPACT_THRESHOLD",
    "SUFFIXES",
    "DiagramDoesNotFitError",
    "FindingLike",
    "FindingsLike",
    "GraphvizNotFoundError",
    "GraphvizWarning",
    "RenderError",
    "find_dot",
    "render",
    "to_dot",
    "to_mermaid",
    "to_svg",
]

#: The file suffixes :func:`render` writes.
SUFFIXES = (".svg", ".png", ".pdf", ".dot", ".gv", ".mmd")


def to_svg(
    model: LogicModel,
    *,
    lang: str = "sv",
    findings: Iterable[FindingLike] | FindingsLike | None = None,
    goal: str | None = None,
    compact: bool | None = None,
    page: str | None = None,
    orientation: str = "landscape",
    follow_up: FollowUp | None = None,
) -> str:
    """The diagram as SVG text, laid out by ``dot``.

    Args:
        model: the model to draw.
        lang: ``"sv"`` (default) or ``"en"``.
        findings: findings to highlight.
        goal: draw only this node and the nodes with a path to it.
        compact: fold outputs and count indicators and risks; ``None`` decides by size.
        page: ``"a4"`` or ``"a3"``: scale the drawing down to fit that sheet (inside
            10 mm margins), its text never below 7 pt.
        orientation: ``"landscape"`` (default) or ``"portrait"``, with ``page``.
        follow_up: a follow-up of the model whose indicator statuses to show, as
            in :func:`~logikmodell.rendering.to_dot`.

    Returns:
        The SVG document, ready to embed in a page.

    Raises:
        DiagramDoesNotFitError: with ``page``, the text would print below 7 pt.
        GraphvizNotFoundError: ``dot`` is not on the PATH.
        RenderError: ``dot`` failed.
    """
    source = _source(model, lang, findings, goal, compact, page, orientation, follow_up)
    return run_dot(source, "svg").decode("utf-8")


def _source(
    model: LogicModel,
    lang: str,
    findings: Iterable[FindingLike] | FindingsLike | None,
    goal: str | None,
    compact: bool | None,
    page: str | None,
    orientation: str,
    follow_up: FollowUp | None = None,
) -> str:
    """The DOT text, fitted to ``page`` when one is asked for."""
    from logikmodell.i18n import check_lang
    from logikmodell.rendering._paper import fit_page

    source: str = to_dot(
        model, lang=lang, findings=findings, goal=goal, compact=compact, follow_up=follow_up
    ).source
    if page is None:
        return source
    return fit_page(source, page, orientation, lang=check_lang(lang))


# Jupyter shows a model as its diagram: the model's display is drawn from here.
LogicModel.svg_display = to_svg


def render(
    model: LogicModel,
    path: str | PathLike[str],
    *,
    lang: str = "sv",
    findings: Iterable[FindingLike] | FindingsLike | None = None,
    goal: str | None = None,
    compact: bool | None = None,
    dpi: int = 150,
    page: str | None = None,
    orientation: str = "landscape",
    follow_up: FollowUp | None = None,
) -> Path:
    """Write the diagram to a file; the format comes from the suffix.

    ``.svg``, ``.png`` and ``.pdf`` are laid out by Graphviz's ``dot``; ``.dot``
    (or ``.gv``) and ``.mmd`` (Mermaid) are text and need no Graphviz.

    Args:
        model: the model to draw.
        path: the file to write.
        lang: ``"sv"`` (default) or ``"en"``.
        findings: findings to highlight (not drawn in Mermaid).
        goal: draw only this node and the nodes with a path to it.
        compact: fold outputs and count indicators and risks; ``None`` decides by size.
        dpi: resolution of PNG output.
        page, orientation: fit the drawing to a sheet, as in
            :func:`~logikmodell.rendering.to_svg` (not for
            ``.mmd``).
        follow_up: a follow-up of the model (:func:`~logikmodell.followup.follow_up`):
            colour each indicator by its status, with a symbol and a word, and
            explain the colours in the legend (Mermaid: the symbols and words).

    Returns:
        The path written.

    Raises:
        InvalidValueError: an unknown suffix or ``lang``, or ``goal`` is a need.
        UnknownIdError: ``goal`` names no node.
        GraphvizNotFoundError: an image format was asked for and ``dot`` is missing.
        RenderError: ``dot`` failed.
        WriteError: the file cannot be written; a file already there is left as it was.
    """
    check_type("render()", "model", model, LogicModel)
    from logikmodell.errors import InvalidValueError

    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in SUFFIXES:
        raise InvalidValueError(
            "path", f"cannot tell the format of {str(target)!r}: use one of {', '.join(SUFFIXES)}"
        )
    if suffix == ".mmd":
        if page is not None:
            raise InvalidValueError("page", "a page size applies to Graphviz output, not .mmd")
        text = to_mermaid(model, lang=lang, goal=goal, compact=compact, follow_up=follow_up)
        data = text.encode("utf-8")
    else:
        source = _source(model, lang, findings, goal, compact, page, orientation, follow_up)
        if suffix in FORMATS:
            fmt = FORMATS[suffix]
            data = run_dot(source, fmt, dpi=dpi if fmt == "png" else None)
        else:
            data = source.encode("utf-8")
    write_atomically(target, data)
    return target
