"""The report as PDF, laid out by WeasyPrint (extra ``pdf``), the same bytes every run.

WeasyPrint writes the document's creation date from ``<meta name="dcterms.created">``;
the page sets it from ``SOURCE_DATE_EPOCH`` when that is set (the reproducible-builds
convention), so that the same model gives byte-identical PDFs.
"""

from __future__ import annotations

import datetime as dt
import os

from logikmodell.numbers import Lang

__all__ = ["html_to_pdf"]


def html_to_pdf(html: str, *, lang: Lang) -> bytes:
    """Lay out ``html`` on A4 pages and return the PDF."""
    from logikmodell.rendering.report import ReportToolMissingError

    try:
        import weasyprint
    except (ImportError, OSError) as exc:
        raise ReportToolMissingError(
            f"a PDF needs WeasyPrint and its libraries: pip install 'logikmodell[pdf]' ({exc})"
        ) from None
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is not None and epoch.strip().isdigit():
        stamp = dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        html = html.replace("<head>", f'<head>\n<meta name="dcterms.created" content="{stamp}">', 1)
    document = weasyprint.HTML(string=html).render()
    data: bytes = document.write_pdf()
    return data
