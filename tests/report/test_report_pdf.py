"""The report as PDF through WeasyPrint: pages, extractable text, the same bytes twice."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from report_helpers import load_example

from logikmodell.rendering.report import report


def _tool(name: str) -> str:
    """The full path of a poppler tool (the markers skip or fail the test without it)."""
    found = shutil.which(name)
    assert found is not None
    return found


pytestmark = [pytest.mark.needs_dot, pytest.mark.needs_weasyprint, pytest.mark.needs_pdftotext]


def _pages(path: Path) -> int:
    info = subprocess.run([_tool("pdfinfo"), str(path)], capture_output=True, text=True, check=True)
    line = next(line for line in info.stdout.splitlines() if line.startswith("Pages:"))
    return int(line.split()[1])


def test_the_pdf_has_pages_and_its_text_can_be_read(tmp_path: Path) -> None:
    pdf = report(load_example(), tmp_path / "rapport.pdf", lang="sv")
    assert pdf.read_bytes().startswith(b"%PDF-")
    assert 8 <= _pages(pdf) <= 30
    text = subprocess.run(
        [_tool("pdftotext"), "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    for words in ("Tidiga insatser för fullföljda studier", "Sammanfattning", "Nettonuvärde"):
        assert words in text


def test_the_pdf_is_the_same_bytes_twice_with_source_date_epoch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01T00:00:00Z
    first = report(load_example(), tmp_path / "a.pdf", lang="sv").read_bytes()
    second = report(load_example(), tmp_path / "b.pdf", lang="sv").read_bytes()
    assert first == second
    info = subprocess.run(
        [_tool("pdfinfo"), str(tmp_path / "a.pdf")], capture_output=True, text=True, check=True
    ).stdout
    assert "2026" in next(line for line in info.splitlines() if line.startswith("CreationDate"))
