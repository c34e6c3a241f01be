"""Follow-up data from CSV: every bad file in tests/data/bad-csv/ is refused with its
located lines; good data merges into the model, in a run or into the model file."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import attrs
import pytest

import logikmodell as lm
from logikmodell import cli
from logikmodell.errors import DataError
from logikmodell.io.data import merge_data, read_data, read_table

DATA = Path(__file__).parent.parent / "data"
BAD = DATA / "bad-csv"
MODEL = DATA / "followup-model.yaml"
EXPECTED: dict[str, list[str]] = json.loads((BAD / "expected.json").read_text(encoding="utf-8"))


def test_corpus_is_complete() -> None:
    assert {p.name for p in BAD.iterdir() if p.name != "expected.json"} == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_csv_is_refused_with_every_problem_located(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = BAD / name
    assert cli.main(["follow-up", str(MODEL), "--data", str(path)]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == len(EXPECTED[name]), lines
    for line, expected in zip(lines, EXPECTED[name], strict=True):
        assert line.startswith(f"{path}:{expected}"), (line, expected)


def test_problems_of_several_files_come_in_one_run(capsys: pytest.CaptureFixture[str]) -> None:
    first, second = BAD / "unknown_indicator.csv", BAD / "unknown_resource.csv"
    args = ["follow-up", str(MODEL), "--data", str(first), "--data", str(second)]
    assert cli.main(args) == 2
    lines = capsys.readouterr().err.splitlines()
    assert [line.split(":")[0] for line in lines] == [str(first), str(second)]


def test_subprocess_gives_exit_2_and_no_traceback() -> None:
    path = BAD / "three_problems.csv"
    result = subprocess.run(
        [sys.executable, "-m", "logikmodell", "follow-up", str(MODEL), "--data", str(path)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 3


def test_missing_file_is_located() -> None:
    with pytest.raises(DataError) as caught:
        read_data([DATA / "no-such.csv"])
    assert caught.value.lines()[0].startswith(f"{DATA / 'no-such.csv'}:1: -: cannot read")


def test_measurements_and_actuals_merge(tmp_path: Path) -> None:
    (tmp_path / "m.csv").write_text(
        'date,indicator,value,note\n2026-01-06,i,40,Exempel\n\n2026-01-04,i,"20,5"\n',
        encoding="utf-8",
    )
    (tmp_path / "a.csv").write_text(
        "resource;year;amount\nr;0;600\nr;2027;0,3 kSEK\n", encoding="utf-8-sig"
    )
    model = lm.load(MODEL)
    merged = merge_data(model, read_data([tmp_path / "m.csv", tmp_path / "a.csv"]))
    (indicator,) = merged.indicators
    assert [(m.date, m.value, m.note) for m in indicator.measurements] == [
        (dt.date(2026, 1, 2), 5, None),
        (dt.date(2026, 1, 4), Fraction(41, 2), None),
        (dt.date(2026, 1, 6), 40, "Exempel"),
    ]
    (resource,) = merged.of_type(lm.Resource)
    assert [(a.year, str(a.amount)) for a in resource.actuals] == [(0, "600 SEK"), (1, "0.3 kSEK")]
    assert len(model.indicators[0].measurements) == 1  # the original is unchanged
    result = lm.follow_up(merged, as_of=dt.date(2027, 1, 1))
    assert result.spent == 90_000
    assert result.indicator("i").progress == Fraction(2, 5)


def test_a_header_alone_is_no_data() -> None:
    table = read_table("indicator,date,value\n", "x.csv")
    assert table.rows == ()
    assert merge_data(lm.load(MODEL), [table]) == lm.load(MODEL)


def test_merge_writes_the_model_file_losslessly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "m.csv"
    data.write_text("indicator,date,value\ni,2026-01-06,40\n", encoding="utf-8")
    target = tmp_path / "model.yaml"
    target.write_bytes(MODEL.read_bytes())
    assert cli.main(["merge", str(target), "--data", str(data), "-o", str(target)]) == 0
    merged = lm.load(target)
    expected = merge_data(lm.load(MODEL), read_data([data]))
    assert merged == expected
    assert lm.dumps(merged) == target.read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    # Merging the same data again is a duplicate, and leaves the file as it was.
    before = target.read_bytes()
    assert cli.main(["merge", str(target), "--data", str(data), "-o", str(target)]) == 2
    assert "duplicate date 2026-01-06" in capsys.readouterr().err
    assert target.read_bytes() == before
    for fmt in ("json", "toml"):
        out = tmp_path / f"model.{fmt}"
        assert cli.main(["merge", str(MODEL), "--data", str(data), "-o", str(out)]) == 0
        assert lm.load(out) == expected


def test_merge_refuses_an_unknown_suffix_and_an_unwritable_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "m.csv"
    data.write_text("indicator,date,value\ni,2026-01-06,40\n", encoding="utf-8")
    assert cli.main(["merge", str(MODEL), "--data", str(data), "-o", str(tmp_path / "x.txt")]) == 2
    out = tmp_path / "missing" / "model.yaml"
    assert cli.main(["merge", str(MODEL), "--data", str(data), "-o", str(out)]) == 2
    assert capsys.readouterr().err.splitlines()[-1].startswith(f"cannot write {out}:")


def test_comparison_measurements_come_with_the_group_column(tmp_path: Path) -> None:
    from logikmodell.evaluation.effects import indicator_effect

    (tmp_path / "m.csv").write_text(
        "indicator,date,value,group\n"
        "i,2026-01-06,40,treated\n"
        "i,2026-01-06,30,Comparison\n"
        "i,2026-01-04,20,\n"
        "i,2026-01-02,4,comparison\n",
        encoding="utf-8",
    )
    model = lm.load(MODEL)
    with_base = model.copy()
    with_base.replace_indicator(
        attrs.evolve(
            model.indicators[0],
            comparison_baseline=lm.Observation(value=0, date=dt.date(2026, 1, 1)),
        )
    )
    merged = merge_data(with_base, read_data([tmp_path / "m.csv"]))
    (indicator,) = merged.indicators
    assert [(m.date.day, int(m.value)) for m in indicator.measurements if m.date] == [
        (2, 5),
        (4, 20),
        (6, 40),
    ]
    comparison = indicator.comparison_measurements
    assert [(m.date.day, int(m.value)) for m in comparison if m.date] == [(2, 4), (6, 30)]
    effect = indicator_effect(indicator)
    # at the latest common date, 2026-01-06: 40 − 30; (40 − 0) − (30 − 0)
    assert (effect.date, effect.difference, effect.did) == (
        dt.date(2026, 1, 6),
        Fraction(10),
        Fraction(10),
    )


def test_merge_writes_comparison_measurements_into_the_model_file(tmp_path: Path) -> None:
    data = tmp_path / "m.csv"
    data.write_text("indicator,group,date,value\ni,comparison,2026-01-02,3\n", encoding="utf-8")
    for fmt in ("yaml", "json", "toml"):
        out = tmp_path / f"model.{fmt}"
        assert cli.main(["merge", str(MODEL), "--data", str(data), "-o", str(out)]) == 0
        merged = lm.load(out)
        assert merged == merge_data(lm.load(MODEL), read_data([data]))
        (indicator,) = merged.indicators
        assert [(m.date, m.value) for m in indicator.comparison_measurements] == [
            (dt.date(2026, 1, 2), Fraction(3))
        ]
        assert len(indicator.measurements) == 1  # the treated series is as it was
    # The comparison value on 2026-01-02 is now in the file: merging it again is a
    # duplicate, while the same date for the treated group already was one.
    target = tmp_path / "model.yaml"
    assert cli.main(["merge", str(target), "--data", str(data), "-o", str(target)]) == 2
