"""The application report (beslutsunderlag): one self-contained HTML file, or a PDF.

:func:`report` writes what a fund's board reads with an application: the summary and
key figures, the diagram, needs, validation, indicators, risks, costs, returns, who
pays and who gains (transfers included), sensitivity, and, once there are data, the
follow-up and the evaluation, and the sources of the figures (DESIGN §17). The
words come from the message catalogues, the figures from the public API, and the
layout from Jinja2 templates in this package, which a fund may replace one by one
(``template_dir``). Jinja2 and matplotlib (extra ``report``) and WeasyPrint (extra
``pdf``) are imported on first use.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from logikmodell._files import write_atomically
from logikmodell.errors import InvalidValueError, LogikmodellError
from logikmodell.graph import LogicModel
from logikmodell.i18n import resolve_lang
from logikmodell.numbers import Lang

if TYPE_CHECKING:
    from logikmodell.io.catalogues import Catalogues

__all__ = ["ReportToolMissingError", "report", "report_html"]

#: Where the package's templates are.
TEMPLATES = Path(__file__).parent / "templates"


class ReportToolMissingError(LogikmodellError, ImportError):
    """An optional package the report needs is not installed; the message names the extra."""


def report_html(
    model: LogicModel | str | os.PathLike[str],
    *,
    lang: str | None = None,
    monte_carlo: int | None = None,
    seed: int = 0,
    template_dir: str | os.PathLike[str] | None = None,
    data: Iterable[str | os.PathLike[str]] | None = None,
    catalogues: Catalogues | None = None,
) -> str:
    """The report of ``model`` as one self-contained HTML document.

    Args:
        model: the model, or the path of a model file to load.
        lang: ``"sv"``, ``"en"``, or None for the language of the environment.
        monte_carlo: run a Monte Carlo simulation with this many draws.
        seed: the simulation's seed.
        template_dir: a folder of templates that replace the package's own, file by
            file (``report.html.j2``, ``report.css``, ``sections/<id>.html.j2``).
        data: CSV files of measurements (``indicator,date,value``) and actuals
            (``resource,year,amount``) to merge into the model first, as
            ``logikmodell follow-up --data`` does; with measurements or actuals the
            report gains its follow-up section.
        catalogues: unit-cost catalogues for a model given by path, allowed
            wherever they lie (as for :func:`logikmodell.load`).

    Raises:
        ReportToolMissingError: Jinja2 or matplotlib is missing (extra ``report``).
        GraphvizNotFoundError: ``dot`` is not on the PATH (the diagram needs it).
        LoadError: the model file or a data file cannot be read.
        InvalidValueError: ``catalogues`` with a model that is already loaded.
    """
    from logikmodell.rendering.report.content import build
    from logikmodell.rendering.report.page import render_page

    language = resolve_lang(lang)
    prepared = _prepared(model, data=data, catalogues=catalogues)
    content = build(prepared, lang=language, draws=monte_carlo, seed=seed)
    return render_page(content, template_dir=None if template_dir is None else Path(template_dir))


def _prepared(
    model: LogicModel | str | os.PathLike[str],
    *,
    data: Iterable[str | os.PathLike[str]] | None,
    catalogues: Catalogues | None,
) -> LogicModel:
    """The model the report is of: loaded if need be, with its data merged in."""
    if isinstance(model, LogicModel):
        if catalogues is not None:
            raise InvalidValueError(
                "catalogues",
                "catalogues are read when a model is loaded: pass the model's path instead",
            )
    else:
        from logikmodell.io import load

        model = load(model, catalogues=catalogues)
    files = list(data or ())
    if files:
        from logikmodell.io.data import merge_data, read_data

        model = merge_data(model, read_data(files))
    return model


def report(
    model: LogicModel | str | os.PathLike[str],
    path: str | os.PathLike[str],
    *,
    lang: str | None = None,
    monte_carlo: int | None = None,
    seed: int = 0,
    template_dir: str | os.PathLike[str] | None = None,
    data: Iterable[str | os.PathLike[str]] | None = None,
    catalogues: Catalogues | None = None,
) -> Path:
    """Write the report of ``model`` to ``path``: ``.html``, or ``.pdf`` through WeasyPrint.

    The arguments are those of :func:`~logikmodell.rendering.report.report_html`.
    A PDF is the same document laid out for A4; with ``SOURCE_DATE_EPOCH`` set, the
    same model gives the same bytes.

    Returns:
        The path written.

    Raises:
        InvalidValueError: the suffix is neither ``.html`` nor ``.pdf``.
        ReportToolMissingError: a package the report needs is missing.
        LoadError: the model file or a data file cannot be read.
    """
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in (".html", ".htm", ".pdf"):
        raise InvalidValueError(
            "path", f"cannot tell the format of {str(target)!r}: use .html or .pdf"
        )
    html = report_html(
        model,
        lang=lang,
        monte_carlo=monte_carlo,
        seed=seed,
        template_dir=template_dir,
        data=data,
        catalogues=catalogues,
    )
    if suffix == ".pdf":
        from logikmodell.rendering.report.pdf import html_to_pdf

        data_bytes = html_to_pdf(html, lang=_lang_of(html))
    else:
        data_bytes = html.encode("utf-8")
    write_atomically(target, data_bytes)
    return target


def _lang_of(html: str) -> Lang:
    return "en" if '<html lang="en">' in html[:200] else "sv"
