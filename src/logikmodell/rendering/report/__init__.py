"""The application report (beslutsunderlag): one self-contained HTML file, or a PDF.

:func:`report` writes what a fund's board reads with an application: the summary and
key figures, the diagram, needs, validation, indicators, risks, costs, returns, who
pays and who gains, sensitivity and the sources of the figures (DESIGN §17). The
words come from the message catalogues, the figures from the public API, and the
layout from Jinja2 templates in this package, which a fund may replace one by one
(``template_dir``). Jinja2 and matplotlib (extra ``report``) and WeasyPrint (extra
``pdf``) are imported on first use.
"""

from __future__ import annotations

from os import PathLike
from pathlib import Path

from logikmodell._files import write_atomically
from logikmodell.errors import InvalidValueError, LogikmodellError
from logikmodell.graph import LogicModel
from logikmodell.i18n import resolve_lang
from logikmodell.numbers import Lang

__all__ = ["ReportToolMissingError", "report", "report_html"]

#: Where the package's templates are.
TEMPLATES = Path(__file__).parent / "templates"


class ReportToolMissingError(LogikmodellError, ImportError):
    """An optional package the report needs is not installed; the message names the extra."""


def report_html(
    model: LogicModel,
    *,
    lang: str | None = None,
    monte_carlo: int | None = None,
    seed: int = 0,
    template_dir: str | PathLike[str] | None = None,
) -> str:
    """The report of ``model`` as one self-contained HTML document.

    Args:
        model: the model.
        lang: ``"sv"``, ``"en"``, or None for the language of the environment.
        monte_carlo: run a Monte Carlo simulation with this many draws.
        seed: the simulation's seed.
        template_dir: a folder of templates that replace the package's own, file by
            file (``report.html.j2``, ``report.css``, ``sections/<id>.html.j2``).

    Raises:
        ReportToolMissingError: Jinja2 or matplotlib is missing (extra ``report``).
        GraphvizNotFoundError: ``dot`` is not on the PATH (the diagram needs it).
    """
    from logikmodell.rendering.report.content import build
    from logikmodell.rendering.report.page import render_page

    language = resolve_lang(lang)
    content = build(model, lang=language, draws=monte_carlo, seed=seed)
    return render_page(content, template_dir=None if template_dir is None else Path(template_dir))


def report(
    model: LogicModel,
    path: str | PathLike[str],
    *,
    lang: str | None = None,
    monte_carlo: int | None = None,
    seed: int = 0,
    template_dir: str | PathLike[str] | None = None,
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
    """
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in (".html", ".htm", ".pdf"):
        raise InvalidValueError(
            "path", f"cannot tell the format of {str(target)!r}: use .html or .pdf"
        )
    html = report_html(
        model, lang=lang, monte_carlo=monte_carlo, seed=seed, template_dir=template_dir
    )
    if suffix == ".pdf":
        from logikmodell.rendering.report.pdf import html_to_pdf

        data = html_to_pdf(html, lang=_lang_of(html))
    else:
        data = html.encode("utf-8")
    write_atomically(target, data)
    return target


def _lang_of(html: str) -> Lang:
    return "en" if '<html lang="en">' in html[:200] else "sv"
