"""The report's charts: SVG from matplotlib, text kept as text, the same bytes every run.

Each chart comes with its numbers in a table in the report; the charts use shades of
grey and hatching, so that they read on a grey-scale print. matplotlib is imported
here, on first use.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from logikmodell.numbers import Lang, format_decimal, format_percent
from logikmodell.returns.montecarlo import MonteCarlo
from logikmodell.returns.sensitivity import Sensitivity

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = [
    "cumulative_chart",
    "distribution_chart",
    "ledger_chart",
    "progress_chart",
    "tornado_chart",
]

_DARK = "#333333"
_LIGHT = "#b3b3b3"
_STYLE: dict[Any, Any] = {
    "svg.hashsalt": "logikmodell",  # fixed ids: the same SVG every run
    "svg.fonttype": "none",  # text stays text: searchable, selectable, scalable
    "font.family": ["Liberation Sans", "DejaVu Sans", "sans-serif"],
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
}


def _figure(height: float) -> tuple[Figure, Axes]:
    from matplotlib.figure import Figure

    figure = Figure(figsize=(7.0, height))
    return figure, figure.add_subplot()


def _svg(figure: Figure, title: str) -> str:
    """The figure as an inline ``<svg>`` element with ``role="img"`` and ``title``."""
    import matplotlib

    buffer = io.StringIO()
    with matplotlib.rc_context(_STYLE):
        figure.savefig(buffer, format="svg", metadata={"Date": None}, bbox_inches="tight")
    text = buffer.getvalue()
    text = text[text.index("<svg") :]
    text = re.sub(r"<metadata>.*?</metadata>\s*", "", text, flags=re.DOTALL)
    title = title.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
    return text.replace("<svg ", f'<svg role="img" aria-label="{title}" ', 1)


def _millions(value: float, lang: Lang) -> str:
    from fractions import Fraction

    return format_decimal(Fraction(value / 1e6), places=1, group=True, minus="−", lang=lang)


def _axis_in_millions(axes: Axes, lang: Lang, *, vertical: bool = False) -> None:
    from matplotlib.ticker import FuncFormatter

    formatter = FuncFormatter(lambda value, _pos: _millions(value, lang))
    (axes.yaxis if vertical else axes.xaxis).set_major_formatter(formatter)


def ledger_chart(
    labels: Sequence[str],
    costs: Sequence[float],
    benefits: Sequence[float],
    *,
    title: str,
    axis: str,
    pays: str,
    gains: str,
    lang: Lang,
    nets: Sequence[float] | None = None,
    net: str = "",
) -> str:
    """Who pays and who gains: per actor, what it pays (left) and gains (right).

    With ``nets`` (a model with transfers, whose bars then include them) each
    actor's net is marked too.
    """
    import matplotlib

    with matplotlib.rc_context(_STYLE):
        figure, axes = _figure(0.45 * len(labels) + 1.0)
        rows = range(len(labels))
        axes.barh(rows, [-c for c in costs], color=_LIGHT, hatch="//", edgecolor=_DARK, label=pays)
        axes.barh(rows, list(benefits), color=_DARK, label=gains)
        if nets is not None:
            axes.plot(
                list(nets),
                list(rows),
                marker="D",
                markersize=6,
                color="white",
                markeredgecolor="black",
                linestyle="",
                label=net,
            )
        axes.set_yticks(list(rows), list(labels))
        axes.invert_yaxis()
        axes.axvline(0, color="black", linewidth=0.8)
        axes.set_xlabel(axis)
        _axis_in_millions(axes, lang)
        axes.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
        return _svg(figure, title)


def tornado_chart(
    sensitivity: Sensitivity, labels: Sequence[str], *, title: str, axis: str, lang: Lang
) -> str:
    """The one-way table as a tornado: NPV at each parameter's low and high end."""
    import matplotlib

    rows = sensitivity.rows
    with matplotlib.rc_context(_STYLE):
        figure, axes = _figure(0.4 * len(rows) + 1.0)
        base = float(sensitivity.npv)
        for index, row in enumerate(rows):
            low, high = float(row.npv_low), float(row.npv_high)
            axes.barh(index, low - base, left=base, color=_LIGHT, hatch="//", edgecolor=_DARK)
            axes.barh(index, high - base, left=base, color=_DARK)
        axes.set_yticks(list(range(len(rows))), list(labels))
        axes.invert_yaxis()
        axes.axvline(base, color="black", linewidth=0.8)
        axes.axvline(0, color="black", linewidth=0.8, linestyle=":")
        axes.set_xlabel(axis)
        _axis_in_millions(axes, lang)
        return _svg(figure, title)


def progress_chart(
    labels: Sequence[str],
    progress: Sequence[float],
    expected: Sequence[float | None],
    *,
    title: str,
    axis: str,
    names: Sequence[str],
    lang: Lang,
) -> str:
    """Indicator progress towards target (bars) and where it is expected to be by now."""
    from fractions import Fraction

    import matplotlib
    from matplotlib.ticker import FuncFormatter

    with matplotlib.rc_context(_STYLE):
        figure, axes = _figure(0.4 * len(labels) + 1.2)
        rows = list(range(len(labels)))
        axes.barh(rows, [100 * p for p in progress], color=_LIGHT, edgecolor=_DARK, label=names[0])
        marked = [(row, 100 * e) for row, e in zip(rows, expected, strict=True) if e is not None]
        if marked:
            axes.plot(
                [x for _, x in marked],
                [row for row, _ in marked],
                marker="|",
                markersize=16,
                markeredgewidth=2,
                color="black",
                linestyle="",
                label=names[1],
            )
        axes.set_yticks(rows, list(labels))
        axes.invert_yaxis()
        axes.axvline(0, color="black", linewidth=0.8)
        axes.axvline(100, color="black", linewidth=0.8, linestyle=":")
        axes.xaxis.set_major_formatter(
            FuncFormatter(lambda value, _pos: format_percent(Fraction(value / 100), lang=lang))
        )
        axes.set_xlabel(axis)
        axes.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=2, frameon=False)
        return _svg(figure, title)


def cumulative_chart(
    years: Sequence[int],
    cumulative: Sequence[float],
    *,
    title: str,
    xlabel: str,
    ylabel: str,
    lang: Lang,
) -> str:
    """The cumulative discounted net benefit by year; payback where it crosses zero."""
    import matplotlib

    with matplotlib.rc_context(_STYLE):
        figure, axes = _figure(2.6)
        axes.plot(list(years), list(cumulative), color=_DARK, marker="o", markersize=3)
        axes.axhline(0, color="black", linewidth=0.8, linestyle=":")
        axes.set_xticks(list(years))
        axes.set_xlabel(xlabel)
        axes.set_ylabel(ylabel)
        _axis_in_millions(axes, lang, vertical=True)
        return _svg(figure, title)


def distribution_chart(
    simulation: MonteCarlo, *, title: str, axis: str, names: Sequence[str], lang: Lang
) -> str:
    """The simulated NPV: the 5–95 % interval, the median and the mean, against zero."""
    import matplotlib

    npv = simulation.npv
    with matplotlib.rc_context(_STYLE):
        figure, axes = _figure(1.4)
        axes.barh(
            0,
            npv.p95 - npv.p5,
            left=npv.p5,
            height=0.4,
            color=_LIGHT,
            edgecolor=_DARK,
            label=names[0],
        )
        axes.plot(
            [npv.p50], [0], marker="|", markersize=24, color=_DARK, linestyle="", label=names[1]
        )
        axes.plot(
            [npv.mean], [0], marker="D", markersize=6, color=_DARK, linestyle="", label=names[2]
        )
        axes.axvline(0, color="black", linewidth=0.8, linestyle=":")
        axes.set_yticks([])
        axes.set_xlabel(axis)
        _axis_in_millions(axes, lang)
        axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.6), ncols=3, frameon=False)
        return _svg(figure, title)
