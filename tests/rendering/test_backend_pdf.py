"""The dates in a PDF from ``dot``: fixed to SOURCE_DATE_EPOCH, or removed."""

from __future__ import annotations

import datetime as dt

import pytest

from logikmodell.rendering._backend import fixed_pdf_dates, source_date

_WHEN = dt.datetime(2026, 1, 1, 12, 30, 5, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("pdf", "fixed"),
    [
        (b"/CreationDate (D:20261202133252Z)", b"/CreationDate (D:20260101123005Z)"),
        (b"/ModDate (D:20261202133252+01'00')", b"/ModDate (D:20260101123005+00'00')"),
        (b"/CreationDate (D:20261202133252+01'00)", b"/CreationDate (D:20260101123005+00'00)"),
        (b"/CreationDate (D:20261202133252-05)", b"/CreationDate (D:20260101123005+00)"),
        (b"/CreationDate (D:20261202133252)", b"/CreationDate (D:20260101123005)"),
        (b"/CreationDate (2 Dec 2026)", b" " * len(b"/CreationDate (2 Dec 2026)")),
        (b"no dates at all", b"no dates at all"),
    ],
)
def test_dates_are_rewritten_in_place(pdf: bytes, fixed: bytes) -> None:
    assert fixed_pdf_dates(pdf, _WHEN) == fixed
    assert len(fixed_pdf_dates(pdf, None)) == len(pdf)
    assert b"D:2026" not in fixed_pdf_dates(pdf, None)


def test_source_date_epoch() -> None:
    assert source_date({"SOURCE_DATE_EPOCH": "1767225600"}) == dt.datetime(
        2026, 1, 1, tzinfo=dt.UTC
    )
    assert source_date({}) is None
    assert source_date({"SOURCE_DATE_EPOCH": "yesterday"}) is None
    assert source_date({"SOURCE_DATE_EPOCH": "-5"}) is None
    assert source_date({"SOURCE_DATE_EPOCH": "9" * 30}) is None
