"""``logikmodell catalogue``, ``schema --catalogue`` and ``--catalogue FILE``."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from logikmodell import cli

DATA = Path(__file__).resolve().parents[1] / "data" / "references"
CATALOGUE = DATA / "kommun.yaml"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_lists_entries_in_swedish_form(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "catalogue", str(CATALOGUE), "--lang", "sv")
    assert code == 0
    assert "Testkatalog" in out
    assert "1\u00a0000 SEK/day" in out or "1 000 SEK/day" in out
    assert "121,5" in out  # the index, with a decimal comma
    assert "4 av 4 poster" in out


def test_lists_entries_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "catalogue", str(CATALOGUE), "--lang", "en")
    assert code == 0
    assert "121.5" in out
    assert "4 of 4 entries" in out


def test_searches(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "catalogue", str(CATALOGUE), "--search", "stöd", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert [entry["id"] for entry in data["entries"]] == ["stod-manad"]
    assert data["indices"]["pkv"]["values"]["2026"] == 121.5
    code, out, _ = run(capsys, "catalogue", str(CATALOGUE), "--search", "ingenting", "--lang", "en")
    assert "No entries match." in out


def test_writes_csv_that_reads_back(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "catalogue", str(CATALOGUE), "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows[0]["id"] == "placering-dygn"
    assert rows[0]["amount"] == "1000 SEK/day"
    assert rows[1]["confidence"] == "low"


def test_a_bad_catalogue_exits_2_with_located_lines(
    capsys: pytest.CaptureFixture[str],
) -> None:
    bad = DATA.parent / "catalogues" / "bad" / "many_problems.yaml"
    code, out, err = run(capsys, "catalogue", str(bad))
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 5
    # Each line names the file, the line and column, and the path.
    assert f"{bad}:3:1: $.extra: unknown key" in err
    assert f"{bad}:9:62: $.entries[2].includes_overhead: expected true or false" in err


def test_schema_of_a_catalogue(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "schema", "--catalogue")
    assert code == 0
    schema = json.loads(out)
    assert "logikmodell-catalogue" in schema["required"]
    code, out, _ = run(capsys, "schema")
    assert "reference" in json.loads(out)["$defs"]


def test_catalogue_option_allows_a_file_outside_the_folder(tmp_path: Path) -> None:
    model = tmp_path / "model" / "model.yaml"
    model.parent.mkdir()
    text = (DATA / "model.yaml").read_text(encoding="utf-8")
    model.write_text(text.replace("path: kommun.yaml", "path: ../kommun.yaml"), encoding="utf-8")
    shutil.copy(CATALOGUE, tmp_path / "kommun.yaml")

    def costs(*extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "logikmodell", "costs", str(model), "--format", "json", *extra],
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )

    refused = costs()
    assert refused.returncode == 2
    assert "$.catalogues[0].path: refused: the path leaves the model's folder" in refused.stderr
    allowed = costs("--catalogue", str(tmp_path / "kommun.yaml"))
    assert allowed.returncode == 0, allowed.stderr
    assert json.loads(allowed.stdout)["total"] == "85050.00"
    by_id = costs("--catalogue", f"kommun={tmp_path / 'kommun.yaml'}")
    assert by_id.returncode == 0, by_id.stderr
