"""``logikmodell follow-up`` on the embedded example: text in both languages, JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import logikmodell as lm
from logikmodell import cli
from logikmodell.examples import example_path, load_example

GOLDEN = Path(__file__).parent.parent / "golden"


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_text_matches_the_golden_file(lang: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["follow-up", str(example_path()), "--lang", lang]) == 0
    expected = (GOLDEN / f"example-follow-up-{lang}.txt").read_text(encoding="utf-8")
    assert capsys.readouterr().out == expected


def test_swedish_text_tells_what_is_behind_and_the_flag(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert cli.main(["follow-up", str(example_path()), "--lang", "sv"]) == 0
    out = capsys.readouterr().out
    assert "Effektindikatorer" in out
    assert "Processmått" in out
    assert "Efter plan:\n  - Genomsnittlig närvaro i målgruppen" in out
    assert "Flagga: VARNING." in out
    assert "utgifterna springer före resultaten" in out


def test_json_is_the_follow_up_of_the_example(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["follow-up", str(example_path()), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data == lm.follow_up(load_example()).to_dict()
    assert data["as_of"] == "2027-06-30"
    assert data["flag"] == "warning"
    # Hand-computed: (1 250 000 + 640 000) spent of the mentors' 2 480 000.
    assert data["spend"]["resources"]["mentorer"]["spent"] == "1890000.00"
    assert data["spend"]["spent"] == "3295000.00"
    # Närvaro: (83 − 78) / (88 − 78) on its target date.
    assert data["indicators"]["ind-narvaro"]["progress"] == 0.5
    assert data["indicators"]["ind-narvaro"]["status"] == "behind"


def test_as_of_moves_the_follow_up(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["follow-up", str(example_path()), "--format", "json", "--as-of", "2026-12-31"]
    assert cli.main(args) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["year"] == 0
    assert data["indicators"]["ind-narvaro"]["latest"] == {"date": "2026-12-31", "value": 81}
    # Year 0 alone: 2 235 000 spent of 2 265 000 planned for it.
    assert data["spend"]["planned"] == "2265000.00"
    assert data["spend"]["spent"] == "2235000.00"


def test_bad_as_of_is_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        cli.main(["follow-up", str(example_path()), "--as-of", "30/6/2027"])
    assert caught.value.code == 2
    assert "expected a date (YYYY-MM-DD)" in capsys.readouterr().err


def test_demo_writes_the_follow_up(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["demo", str(tmp_path), "--lang", "sv"]) == 0
    out = capsys.readouterr().out
    assert "Uppföljning av" in out
    data = json.loads((tmp_path / "follow-up.json").read_text(encoding="utf-8"))
    assert data == lm.follow_up(load_example()).to_dict()
