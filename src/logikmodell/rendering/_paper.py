"""Fit a diagram to a sheet of paper without letting its text shrink below 7 pt.

Graphviz lays a diagram out at its natural size; ``size="W,H"`` scales it down
uniformly to fit W × H inches. Before asking for that, :func:`fit` measures the
natural size (one ``dot`` run) and the smallest font the DOT text uses, and refuses
a scale that would print that font below :data:`MIN_TEXT_PT`.
"""

from __future__ import annotations

import re
from fractions import Fraction

from logikmodell.errors import DiagramDoesNotFitError, InvalidValueError
from logikmodell.i18n import N_, translate
from logikmodell.numbers import Lang, format_decimal
from logikmodell.rendering._backend import run_dot

__all__ = [
    "MARGIN_MM",
    "MIN_TEXT_PT",
    "ORIENTATIONS",
    "PAGES",
    "fit",
    "fit_page",
    "paper_name",
    "printable_mm",
]

#: Paper sizes in millimetres, portrait (width, height).
PAGES = {"a4": (210.0, 297.0), "a3": (297.0, 420.0)}
ORIENTATIONS = ("landscape", "portrait")
_ORIENTATION_NAMES = {"landscape": N_("landscape"), "portrait": N_("portrait")}
#: The margin left free on every side of the sheet.
MARGIN_MM = 10.0
#: No text of a fitted diagram is smaller than this.
MIN_TEXT_PT = 7.0

_POINTS_PER_MM = 72 / 25.4
_PAD_IN = 0.3
_FONT_SIZE = re.compile(r'(?:point-size|fontsize)="?(\d+(?:\.\d+)?)', re.IGNORECASE)
_SVG_SIZE = re.compile(r'<svg[^>]*?\swidth="([\d.]+)pt"[^>]*?\sheight="([\d.]+)pt"', re.DOTALL)


def printable_mm(page: str, orientation: str) -> tuple[float, float]:
    """The width and height inside the margins of ``page`` in ``orientation``, in mm.

    Raises:
        InvalidValueError: an unknown page or orientation.
    """
    if page not in PAGES:
        raise InvalidValueError("page", f"expected one of {', '.join(PAGES)}, got {page!r}")
    if orientation not in ORIENTATIONS:
        raise InvalidValueError(
            "orientation", f"expected one of {', '.join(ORIENTATIONS)}, got {orientation!r}"
        )
    short, long = PAGES[page]
    width, height = (long, short) if orientation == "landscape" else (short, long)
    return width - 2 * MARGIN_MM, height - 2 * MARGIN_MM


def smallest_font(source: str) -> float:
    """The smallest font size, in points, that the DOT text asks for (14 if none)."""
    sizes = [float(size) for size in _FONT_SIZE.findall(source)]
    return min(sizes, default=14.0)


def natural_size(svg: str) -> tuple[float, float]:
    """The width and height, in points, of an SVG that ``dot`` wrote."""
    match = _SVG_SIZE.search(svg)
    if match is None:
        raise ValueError("the SVG has no size in points")
    return float(match[1]), float(match[2])


def fit(source: str, area_mm: tuple[float, float], *, lang: Lang, what: str) -> str:
    """``source`` with ``size`` set so that ``dot`` fits it into ``area_mm``.

    Args:
        source: the diagram's DOT text.
        area_mm: the width and height to fit into, in millimetres.
        lang: the language of the error message.
        what: how the message names the paper (``A4 landscape``).

    Raises:
        DiagramDoesNotFitError: the text would print below :data:`MIN_TEXT_PT`.
        GraphvizNotFoundError, RenderError: as :func:`~logikmodell.rendering.to_svg`.
    """
    width_pt, height_pt = (side * _POINTS_PER_MM - 2 * 72 * _PAD_IN for side in area_mm)
    natural = natural_size(run_dot(source, "svg").decode("utf-8"))
    scale = min(1.0, width_pt / natural[0], height_pt / natural[1])
    smallest = smallest_font(source) * scale
    if smallest < MIN_TEXT_PT:
        raise DiagramDoesNotFitError(
            translate(
                lang,
                "the diagram does not fit on {paper}: its smallest text would be {size} pt, "
                "below {floor} pt; use a larger page, --compact or --goal",
                paper=what,
                size=format_decimal(_tenths(smallest), places=1, fixed=True, lang=lang),
                floor=format_decimal(_tenths(MIN_TEXT_PT), places=0, lang=lang),
            ),
            scale=scale,
            smallest=smallest,
        )
    # Graphviz adds the graph's pad (0.3 inch a side) around the size it fits to.
    inches = f'"{area_mm[0] / 25.4 - 2 * _PAD_IN:.2f},{area_mm[1] / 25.4 - 2 * _PAD_IN:.2f}"'
    head, brace, rest = source.partition("{\n")
    return f"{head}{brace}\tsize={inches}\n{rest}"


def _tenths(value: float) -> Fraction:
    return Fraction(round(value * 10), 10)


def paper_name(page: str, orientation: str, lang: Lang) -> str:
    """``A4 landscape`` (``A4 liggande``): the paper, as a message names it."""
    return f"{page.upper()} {translate(lang, _ORIENTATION_NAMES[orientation])}"


def fit_page(source: str, page: str, orientation: str, *, lang: Lang) -> str:
    """:func:`fit` to the printable area of ``page`` in ``orientation``."""
    area = printable_mm(page, orientation)
    return fit(source, area, lang=lang, what=paper_name(page, orientation, lang))
