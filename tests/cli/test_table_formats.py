"""``--format csv`` and ``--format xlsx -o FILE`` on the table commands, run for real."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest

from conftest import run_logikmodell as _run
from logikmodell.examples import example_path


def _json(*args: str | Path) -> dict[str, object]:
    result = _run(*args, "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert isinstance(data, dict)
    return data


def test_costs_csv_on_stdout_is_the_summary_and_equals_the_json() -> None:
    result = _run("costs", example_path(), "--format", "csv")
    assert result.returncode == 0, result.stderr
    (row,) = csv.DictReader(io.StringIO(result.stdout))
    data = _json("costs", example_path())
    assert row == {
        "currency": "SEK",
        "total": data["total"],
        "per_participant": data["per_participant"],
        "unallocated": "0.00",
    }


def test_costs_csv_of_one_table_by_name() -> None:
    result = _run("costs", example_path(), "--format", "csv", "--table", "nodes")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    nodes = _json("costs", example_path())["nodes"]
    assert isinstance(nodes, dict)
    assert {row["node"]: row["attributed"] for row in rows} == {
        id: figures["attributed"] for id, figures in nodes.items()
    }


def test_returns_csv_to_a_folder_writes_every_table(tmp_path: Path) -> None:
    out = tmp_path / "tables"
    result = _run("returns", example_path(), "--format", "csv", "--sensitivity", "-o", out)
    assert result.returncode == 0, result.stderr
    names = ["summary", "actors", "years", "outcomes", "by_type", "sensitivity"]
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{name}.csv" for name in names)
    years = list(csv.DictReader(io.StringIO((out / "years.csv").read_text(encoding="utf-8"))))
    expected = _json("returns", example_path())["years"]
    assert isinstance(expected, list)
    assert [row["cumulative_net"] for row in years] == [y["cumulative_net"] for y in expected]
    assert all("," not in row["costs"] and " " not in row["costs"] for row in years)


def test_csv_to_a_file_writes_the_chosen_table(tmp_path: Path) -> None:
    target = tmp_path / "actors.csv"
    result = _run("returns", example_path(), "--format", "csv", "--table", "actors", "-o", target)
    assert result.returncode == 0, result.stderr
    assert target.read_text(encoding="utf-8").startswith(
        "actor,pv_costs,pv_benefits,transfers_in,transfers_out,net\n"
    )


def test_an_unknown_table_is_exit_2_naming_the_tables() -> None:
    result = _run("costs", example_path(), "--format", "csv", "--table", "nope")
    assert result.returncode == 2
    assert "summary, nodes, payers, years, stages" in result.stderr
    assert "Traceback" not in result.stderr


def test_xlsx_without_an_output_file_is_exit_2() -> None:
    result = _run("costs", example_path(), "--format", "xlsx", "--lang", "en")
    assert result.returncode == 2
    assert result.stderr == "logikmodell costs: --format xlsx writes a file: give -o FILE.xlsx\n"
    assert result.stdout == ""


@pytest.mark.needs_openpyxl
def test_xlsx_into_a_missing_folder_is_exit_2_cannot_write(tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "costs.xlsx"
    result = _run("costs", example_path(), "--format", "xlsx", "-o", target, "--lang", "en")
    assert result.returncode == 2
    assert result.stderr.startswith(f"cannot write {target}: ")
    assert not target.parent.exists()


@pytest.mark.needs_openpyxl
def test_costs_xlsx_reads_back(tmp_path: Path) -> None:
    import openpyxl

    target = tmp_path / "costs.xlsx"
    result = _run("costs", example_path(), "--format", "xlsx", "-o", target, "--lang", "sv")
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"Skrev {target}\n"
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["Sammanfattning", "Per nod", "Per betalare", "Per år", "Per steg"]
    years = book["Per år"]
    assert [cell.value for cell in years[1]] == ["År", "Kostnad"]
    assert [(row[0].value, row[1].value) for row in years.iter_rows(min_row=2)] == [
        (0, 2265000),
        (1, 2085000),
    ]
    assert years["B2"].number_format == '#,##0.00 "SEK"'
    assert list(tmp_path.iterdir()) == [target]  # no temporary file left beside it


def test_validate_csv_is_the_findings_and_keeps_the_exit_code(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        "logikmodell: 1\ntitle: Tom\nnodes:\n  - {id: r, kind: resource, label: R}\n",
        encoding="utf-8",
    )
    result = _run("validate", broken, "--format", "csv")
    assert result.returncode == 1  # LM109: no activity, no goal
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    as_json = _run("validate", broken, "--format", "json")
    findings = json.loads(as_json.stdout)["findings"]
    assert [row["code"] for row in rows] == [f["code"] for f in findings]
    assert rows[0]["code"] == "LM109"
    assert (rows[0]["path"], rows[0]["line"], rows[0]["column"]) == ("$", "1", "1")
    assert [row["message"] for row in rows] == [f["message"] for f in findings]


def test_validate_csv_of_several_files_has_a_file_column(tmp_path: Path) -> None:
    result = _run(
        "validate", example_path(), example_path(), "--format", "csv", "--table", "summary"
    )
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [row["file"] for row in rows] == [str(example_path())] * 2
    assert rows[0]["ok"] == "true"


def test_follow_up_and_evaluate_write_their_tables(tmp_path: Path) -> None:
    result = _run("follow-up", example_path(), "--format", "csv", "-o", tmp_path / "f")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "f").iterdir()) == [
        "indicators.csv",
        "resources.csv",
        "summary.csv",
    ]
    result = _run("evaluate", example_path(), "--format", "csv", "--table", "outcomes")
    assert result.returncode == 0, result.stderr
    outcomes = _json("evaluate", example_path())["outcomes"]
    assert isinstance(outcomes, dict)
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [row["outcome"] for row in rows] == list(outcomes)


@pytest.mark.needs_openpyxl
def test_evaluate_xlsx_has_a_sheet_per_table(tmp_path: Path) -> None:
    import openpyxl

    target = tmp_path / "evaluation.xlsx"
    result = _run("evaluate", example_path(), "--format", "xlsx", "-o", target, "--lang", "en")
    assert result.returncode == 0, result.stderr
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["Summary", "Indicators", "Outcomes", "Delivered", "Parts"]
    summary = book["Summary"]
    assert [cell.value for cell in summary["A"]] == ["Case", "planned", "realised"]
    assert isinstance(summary["D2"].value, float)
    assert summary["D2"].number_format == '#,##0.00 "SEK"'


def test_xlsx_without_openpyxl_is_exit_2_naming_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from logikmodell import cli

    monkeypatch.setitem(sys.modules, "openpyxl", None)
    target = tmp_path / "costs.xlsx"
    code = cli.main(["costs", str(example_path()), "--format", "xlsx", "-o", str(target)])
    assert code == 2
    err = capsys.readouterr().err
    assert err.startswith(f"cannot write {target}: ")
    assert "logikmodell[xlsx]" in err
    assert not target.exists()
