"""Tables out of the results: rows, CSV, xlsx read back with openpyxl, and pandas."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

import logikmodell as lm
from logikmodell.errors import ExtraMissingError
from logikmodell.examples import load_example
from logikmodell.returns import monte_carlo, one_way
from logikmodell.tables import (
    Kind,
    Table,
    money_cell,
    number_cell,
    ore_cell,
    table,
    table_named,
    to_csv,
    to_pandas,
    to_xlsx,
    write_csv,
    write_xlsx,
)

RANGED = """\
logikmodell: 1
title: Spann
actors: [{id: kommun, label: Kommunen}, {id: stat, label: Staten}]
target_group: {label: Elever, size: 40}
nodes:
  - {id: r, kind: resource, label: Mentor, cost: 100 000 SEK, payer: kommun}
  - {id: a, kind: activity, label: Mentorskap}
  - id: o
    kind: long_term_outcome
    label: Behörighet
    quantity: 4 person
    quantity_low: 2 person
    quantity_high: 6 person
    duration_years: 2
    values: [{actor: stat, amount: 30 000 SEK/person/year}]
links:
  - {from: r, to: a}
  - {from: a, to: o}
"""


def _csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


# ---------------------------------------------------------------------- cells
def test_money_cells_are_decimals_with_two_places_rounded_half_away() -> None:
    assert ore_cell(12345) == Decimal("123.45")
    assert str(ore_cell(0)) == "0.00"
    assert str(ore_cell(-5)) == "-0.05"
    assert money_cell(Fraction(1, 200)) == Decimal("0.01")
    assert money_cell(Fraction(-1, 200)) == Decimal("-0.01")
    assert money_cell(None) is None


def test_number_cells_are_floats_and_none_out_of_range() -> None:
    assert number_cell(Fraction(1, 4)) == 0.25
    assert number_cell(float("inf")) is None
    assert number_cell(Fraction(10**400)) is None
    assert number_cell(None) is None


def test_a_row_of_the_wrong_length_is_refused() -> None:
    with pytest.raises(ValueError, match="2 cells for 1 columns"):
        table("t", "T", [("a", Kind.TEXT, "A")], [("x", "y")])


def test_csv_writes_money_plainly_and_missing_values_empty() -> None:
    one = table(
        "t",
        "T",
        [
            ("id", Kind.TEXT, "Id"),
            ("amount", Kind.MONEY, "Amount"),
            ("ratio", Kind.RATIO, "Ratio"),
            ("flag", Kind.BOOLEAN, "Flag"),
            ("day", Kind.DATE, "Day"),
        ],
        [
            ("a, with comma", Decimal("1234567890.10"), 0.5, True, dt.date(2027, 6, 30)),
            ("b", None, None, False, None),
        ],
        currency="SEK",
    )
    assert to_csv(one) == (
        'id,amount,ratio,flag,day\n"a, with comma",1234567890.10,0.5,true,2027-06-30\nb,,,false,\n'
    )


def test_table_named_lists_the_names_there_are() -> None:
    costs = lm.attribute_costs(load_example())
    assert table_named(costs.tables(), None).name == "summary"
    with pytest.raises(KeyError, match="summary, nodes, payers, years, stages"):
        costs.to_rows("nope")


# ---------------------------------------------------------------------- CSV = JSON
def test_the_costs_csv_reads_back_as_the_json_figures() -> None:
    costs = lm.attribute_costs(load_example())
    data = costs.to_dict()
    by_name = {one.name: one for one in costs.tables()}
    nodes = _csv_rows(to_csv(by_name["nodes"]))
    assert [row["node"] for row in nodes] == list(data["nodes"])  # type: ignore[call-overload]
    for row in nodes:
        figures = data["nodes"][row["node"]]  # type: ignore[index]
        assert row["attributed"] == figures["attributed"]
        assert row["upstream"] == figures["upstream"]
        assert (row["per_unit"] or None) == figures["per_unit"]
    payers = {row["payer"]: row["cost"] for row in _csv_rows(to_csv(by_name["payers"]))}
    assert payers == data["payers"]
    years = [
        {"year": int(row["year"]), "cost": row["cost"]}
        for row in _csv_rows(to_csv(by_name["years"]))
    ]
    assert years == data["years"]
    stages = {row["stage"]: row["cost"] for row in _csv_rows(to_csv(by_name["stages"]))}
    assert stages == data["stages"]["totals"]  # type: ignore[index]
    (summary,) = _csv_rows(to_csv(by_name["summary"]))
    assert summary["total"] == data["total"] == "4350000.00"
    assert summary["per_participant"] == data["per_participant"]


def test_the_returns_csv_reads_back_as_the_json_figures() -> None:
    appraisal = lm.appraise(load_example())
    data = appraisal.to_dict()
    by_name = {one.name: one for one in appraisal.tables()}
    (summary,) = _csv_rows(to_csv(by_name["summary"]))
    for key in ("pv_costs", "pv_benefits", "npv"):
        assert summary[key] == data[key]
    assert float(summary["bcr"]) == data["bcr"]
    assert float(summary["net_roi"]) == data["net_roi"]
    assert int(summary["payback_year"]) == data["payback_year"]
    actors = {row.pop("actor"): row for row in _csv_rows(to_csv(by_name["actors"]))}
    assert actors == data["actors"]
    years = _csv_rows(to_csv(by_name["years"]))
    assert len(years) == len(data["years"])  # type: ignore[arg-type]
    for row, year in zip(years, data["years"], strict=True):  # type: ignore[call-overload]
        assert int(row["year"]) == year["year"]
        assert row["costs"] == year["costs"]
        assert row["benefits"] == year["benefits"]
        assert row["cumulative_net"] == year["cumulative_net"]
        assert float(row["discount_factor"]) == year["discount_factor"]
    outcomes = _csv_rows(to_csv(by_name["outcomes"]))
    assert {row["outcome"]: float(row["break_even"]) for row in outcomes} == data["break_even"]


def test_the_cumulative_net_of_the_last_year_is_the_npv() -> None:
    appraisal = lm.appraise(load_example())
    rows = appraisal.to_rows("years")
    assert rows[-1]["cumulative_net"] == Decimal(str(appraisal.to_dict()["npv"]))
    payback = appraisal.payback_year
    assert payback is not None
    cumulative = [row["cumulative_net"] for row in rows]
    assert cumulative[payback] >= 0 > cumulative[payback - 1]  # type: ignore[operator]


def test_the_ledger_rows_sum_to_the_totals_to_the_ore() -> None:
    appraisal = lm.appraise(load_example())
    rows = appraisal.to_rows("actors")
    (summary,) = appraisal.to_rows()
    assert sum(row["net"] for row in rows) == summary["npv"]  # type: ignore[misc]
    assert sum(row["pv_costs"] for row in rows) == summary["pv_costs"]  # type: ignore[misc]


def test_sensitivity_and_monte_carlo_rows_match_their_json() -> None:
    model = lm.loads(RANGED)
    sensitivity = one_way(model)
    (row,) = sensitivity.to_rows()
    parameters = sensitivity.to_dict()["parameters"]
    assert isinstance(parameters, list)
    (expected,) = parameters
    assert {
        key: str(value) if isinstance(value, Decimal) else value for key, value in row.items()
    } == expected
    # NPV at 2 persons, benefits in years 1 and 2 discounted at 3.5 %:
    # 2 × 30 000 × (1/1.035 + 1/1.035²) − 100 000 = 13 981.66.
    df = Fraction(1000, 1035)
    assert row["npv_low"] == money_cell(2 * 30000 * (df + df * df) - 100000)
    assert row["npv_low"] == Decimal("13981.66")
    simulation = monte_carlo(model, 200, seed=3)
    rows = simulation.to_rows()
    data = simulation.to_dict()
    assert [r["statistic"] for r in rows] == ["mean", "p5", "p50", "p95"]
    assert {r["statistic"]: str(r["npv"]) for r in rows} == data["npv"]
    assert rows[0]["probability_npv_positive"] == data["probability_npv_positive"]


# ---------------------------------------------------------------------- xlsx
@pytest.mark.needs_openpyxl
def test_the_workbook_reads_back_with_numbers_formats_and_swedish_sheets(tmp_path: Path) -> None:
    import openpyxl

    appraisal = lm.appraise(load_example())
    path = write_xlsx(appraisal.tables(), tmp_path / "returns.xlsx", lang="sv")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == [
        "Sammanfattning",
        "Per aktör",
        "Per år",
        "Per effekt",
        "Per värdetyp",
    ]
    summary = book["Sammanfattning"]
    headers = [cell.value for cell in summary[1]]
    assert headers[:4] == ["Valuta", "Kostnader (nuvärde)", "Nyttor (nuvärde)", "Nettonuvärde"]
    assert summary.freeze_panes == "A2"
    assert summary["A1"].font.bold
    npv = summary["D2"]
    assert isinstance(npv.value, float)
    assert npv.value == float(appraisal.to_dict()["npv"])  # type: ignore[arg-type]
    assert npv.number_format == '#,##0.00 "SEK"'
    assert summary["E2"].number_format == "0.000"  # the benefit–cost ratio
    assert summary["F2"].number_format == "0.0%"  # the net return
    assert summary["G2"].value == appraisal.payback_year
    assert summary.column_dimensions["D"].width >= len("4,442,812.40 SEK")
    years = book["Per år"]
    assert [cell.value for cell in years["A"]][1:] == [row.year for row in appraisal.years]
    assert years["D2"].number_format == "0.0000"
    assert years["D3"].value == pytest.approx(float(appraisal.years[1].discount_factor))


@pytest.mark.needs_openpyxl
def test_the_workbook_writes_the_stage_note_and_keeps_empty_cells_empty() -> None:
    import openpyxl

    costs = lm.attribute_costs(load_example())
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx(costs.tables(), lang="en")))
    assert book.sheetnames == ["Summary", "Per node", "Per payer", "Per year", "Per stage"]
    stages = book["Per stage"]
    rows = len(costs.to_rows("stages"))
    assert str(stages.cell(row=rows + 3, column=1).value).startswith("The stages do not add up")
    nodes = book["Per node"]
    header = [cell.value for cell in nodes[1]]
    per_unit = header.index("Per unit") + 1
    assert nodes.cell(row=2, column=per_unit).value is None  # a resource has no per-unit cost
    terminal = header.index("Terminal") + 1
    assert nodes.cell(row=2, column=terminal).value is False


@pytest.mark.needs_openpyxl
def test_sheet_names_are_made_valid_and_unique() -> None:
    import openpyxl

    tables = [
        table("a", "Costs: [draft]/2026?", [("x", Kind.INTEGER, "X")], [(1,)]),
        table("b", "Costs: [draft]/2026?", [("x", Kind.INTEGER, "X")], [(2,)]),
    ]
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx(tables, lang="en")))
    assert book.sheetnames == ["Costs- -draft--2026-", "Costs- -draft--2026- 2"]


def test_a_missing_openpyxl_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(ExtraMissingError, match=r"pip install 'logikmodell\[xlsx\]'"):
        to_xlsx(lm.attribute_costs(load_example()).tables())


# ---------------------------------------------------------------------- pandas
@pytest.mark.needs_pandas
def test_to_pandas_keeps_money_exact_and_ratios_float() -> None:
    appraisal = lm.appraise(load_example())
    frame = appraisal.to_pandas("years")
    assert list(frame.columns) == [
        "year",
        "costs",
        "benefits",
        "discount_factor",
        "cumulative_net",
    ]
    assert str(frame["year"].dtype) == "int64"
    assert str(frame["discount_factor"].dtype) == "float64"
    assert frame["costs"].dtype == object
    assert frame["costs"].iloc[0] == Decimal("2265000.00")
    assert sum(frame["benefits"]) == sum(r["benefits"] for r in appraisal.to_rows("years"))  # type: ignore[misc]
    floats = appraisal.to_pandas("years", money="float")
    assert str(floats["costs"].dtype) == "float64"
    assert floats["costs"].iloc[0] == 2265000.0


@pytest.mark.needs_pandas
def test_to_pandas_of_a_summary_has_missing_values_as_nan_and_int64() -> None:
    import pandas

    costs = lm.attribute_costs(
        lm.loads(RANGED.replace("target_group: {label: Elever, size: 40}\n", ""))
    )
    summary = costs.to_pandas()
    assert summary.shape == (1, 4)
    assert summary["per_participant"].iloc[0] is None
    one = table(
        "t", "T", [("n", Kind.INTEGER, "N"), ("s", Kind.SHARE, "S")], [(1, None), (None, 0.5)]
    )
    frame = to_pandas(one)
    assert str(frame["n"].dtype) == "Int64"
    assert pandas.isna(frame["s"].iloc[0])


def test_a_missing_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ExtraMissingError, match=r"pip install 'logikmodell\[pandas\]'") as caught:
        lm.appraise(load_example()).to_pandas()
    assert isinstance(caught.value, ImportError)


def test_write_csv_writes_one_file_per_table(tmp_path: Path) -> None:
    costs = lm.attribute_costs(load_example())
    written = write_csv(costs.tables(), tmp_path / "out")
    assert [path.name for path in written] == [
        "summary.csv",
        "nodes.csv",
        "payers.csv",
        "years.csv",
        "stages.csv",
    ]
    assert (tmp_path / "out" / "years.csv").read_text(encoding="utf-8") == (
        "year,cost\n0,2265000.00\n1,2085000.00\n"
    )
    assert isinstance(costs.tables()[0], Table)
    assert json.loads(json.dumps(costs.to_dict()))["years"][0] == {"year": 0, "cost": "2265000.00"}


# ---------------------------------------------------------------------- the other results
def test_the_findings_rows_are_the_json_findings_in_the_language_asked() -> None:
    report = lm.validate(load_example())
    data = report.to_dict("sv")
    findings = data["findings"]
    assert isinstance(findings, list)
    rows = _csv_rows(to_csv(report.tables("sv")[0]))
    assert len(rows) == len(findings) > 0
    for row, finding in zip(rows, findings, strict=True):
        assert row["code"] == finding["code"]
        assert row["severity"] == finding["severity"]
        assert row["message"] == finding["message"]
        assert row["path"] == finding["path"]
        assert row["line"] == str(finding["line"])
        assert row["nodes"].split() == finding["nodes"]
    assert rows[0]["message"].startswith("Prestationen")
    (summary,) = report.to_rows("summary")
    assert summary == {"ok": data["ok"], **data["counts"]}  # type: ignore[dict-item]


def test_the_follow_up_rows_are_the_json_figures() -> None:
    result = lm.follow_up(load_example())
    data = result.to_dict()
    (summary,) = result.to_rows()
    spend = data["spend"]
    assert isinstance(spend, dict)
    assert summary["as_of"] == dt.date.fromisoformat(str(data["as_of"]))
    for key in ("planned_total", "planned", "spent"):
        assert str(summary[key]) == spend[key]
    assert summary["spend_ratio"] == spend["spend_ratio"]
    assert summary["flag"] == data["flag"]
    indicators = data["indicators"]
    assert isinstance(indicators, dict)
    rows = result.to_rows("indicators")
    assert [row["indicator"] for row in rows] == list(indicators)
    for row in rows:
        expected = indicators[row["indicator"]]
        assert (row["status"], row["progress"], row["expected"]) == (
            expected["status"],
            expected["progress"],
            expected["expected"],
        )
        latest = expected["latest"]
        if latest is None:
            assert row["latest_date"] is None
        else:
            assert row["latest_date"] == dt.date.fromisoformat(latest["date"])
            assert row["latest_value"] == latest["value"]
    resources = {line["resource"]: line for line in _csv_rows(to_csv(result.tables()[2]))}
    assert resources.keys() == spend["resources"].keys()
    for id, line in resources.items():
        assert line["spent"] == spend["resources"][id]["spent"]


def test_the_evaluation_rows_are_the_json_figures() -> None:
    from logikmodell.evaluation import evaluate

    result = evaluate(load_example(), scale_to=240)
    data = result.to_dict()
    summary = {row["case"]: row for row in result.to_rows()}
    for case in ("planned", "realised"):
        expected = data[case]
        assert isinstance(expected, dict)
        assert str(summary[case]["npv"]) == expected["npv"]
        assert summary[case]["bcr"] == expected["bcr"]
        assert summary[case]["fidelity"] == data["fidelity"]
    outcomes = data["outcomes"]
    assert isinstance(outcomes, dict)
    assert {
        row["outcome"]: {
            "planned": row["planned"],
            "realised": row["realised"],
            "from": row["from"],
        }
        for row in result.to_rows("outcomes")
    } == outcomes
    parts = data["parts"]
    assert isinstance(parts, dict)
    regrouped: dict[str, dict[str, object]] = {}
    for row in result.to_rows("parts"):
        regrouped.setdefault(str(row["activity"]), {})[str(row["goal"])] = row["reached"]
    assert regrouped == {activity: goals for activity, goals in parts.items() if goals}
    (scale,) = result.to_rows("scale_up")
    scale_data = data["scale_up"]
    assert isinstance(scale_data, dict)
    assert str(scale["npv"]) == scale_data["npv"]
    assert scale["participants"] == 240


@pytest.mark.needs_openpyxl
def test_dates_are_dates_and_shares_percentages_in_the_follow_up_workbook() -> None:
    import openpyxl

    result = lm.follow_up(load_example())
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx(result.tables(), lang="sv")))
    assert book.sheetnames == ["Sammanfattning", "Indikatorer", "Resurser"]
    summary = book["Sammanfattning"]
    assert summary["A2"].value == dt.datetime(2027, 6, 30)
    assert summary["A2"].number_format == "yyyy-mm-dd"
    assert summary["G2"].number_format == "0.0%"
    assert summary["G2"].value == pytest.approx(result.to_dict()["spend"]["spend_ratio"])  # type: ignore[index]
