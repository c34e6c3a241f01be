"""The diagram coloured by follow-up status: every indicator shows its status by a
fill, a symbol and a word; the legend explains them; the heading gives date and flag."""

from __future__ import annotations

import datetime as dt
import re
import warnings
from pathlib import Path

import pytest
from render_helpers import svg_texts

import logikmodell as lm
from conftest import run_logikmodell as _run
from logikmodell.followup import follow_up
from logikmodell.rendering import render, to_dot, to_mermaid, to_svg
from logikmodell.rendering.dot import STATUS_STYLE, STYLE

#: One indicator of each status at 2026-07-02 (the latest measurement): baseline 0 on
#: 2026-01-01, target 100 on 2027-01-01, so expected = 182/365, shown as 50 %.
MODEL = """\
logikmodell: 1
title: Uppföljning i bild
period: {start: 2026-01-01, end: 2027-12-31}
nodes:
  - {id: r, kind: resource, label: Resurs, cost: 1000 SEK,
     actuals: [{year: 0, amount: 900 SEK}]}
  - {id: a, kind: activity, label: Aktivitet}
  - {id: o, kind: output, label: Prestation}
  - {id: s, kind: short_term_outcome, label: Kort, direction: increase}
  - {id: g, kind: long_term_outcome, label: Mål, direction: increase}
links:
  - {from: r, to: a}
  - {from: a, to: o}
  - {from: o, to: s}
  - {from: s, to: g}
indicators:
  - {id: i-achieved, measures: g, label: Uppnådd, baseline: {value: 0, date: 2026-01-01},
     target: {value: 100, date: 2027-01-01}, measurements: [{value: 100, date: 2026-07-02}]}
  - {id: i-behind, measures: g, label: Släpar, baseline: {value: 0, date: 2026-01-01},
     target: {value: 100, date: 2027-01-01}, measurements: [{value: 10, date: 2026-07-02}]}
  - {id: i-on, measures: s, label: Följer, baseline: {value: 0, date: 2026-01-01},
     target: {value: 100, date: 2027-01-01}, measurements: [{value: 50, date: 2026-07-02}]}
  - {id: i-none, measures: o, label: Omätt, baseline: {value: 0, date: 2026-01-01},
     target: {value: 100, date: 2027-01-01}}
  - {id: i-half, measures: a, label: Halv, baseline: {value: 0, date: 2026-01-01}}
"""


@pytest.fixture
def model() -> lm.LogicModel:
    return lm.loads(MODEL, "yaml")


def _label_of(source: str, text: str) -> str:
    """The DOT statement of the node whose label holds ``text``."""
    (statement,) = [line for line in source.splitlines() if text in line and "label=<" in line]
    return statement


def test_every_indicator_shows_its_status_under_it(model: lm.LogicModel) -> None:
    source = to_dot(model, lang="en", follow_up=follow_up(model)).source
    expected = {
        "Uppnådd": ("achieved", "● achieved: 100% of the way, 50% expected"),
        "Släpar": ("behind", "▼ behind: 10% of the way, 50% expected"),
        "Följer": ("on_track", "► on track: 50% of the way, 50% expected"),
        "Omätt": ("no_data", "○ no data"),
        "Halv": ("incomplete", "□ no baseline or target"),
    }
    for label, (status, line) in expected.items():
        statement = _label_of(source, label)
        kind = model.node(next(i.measures for i in model.indicators if i.label == label)).kind
        assert f'bgcolor="{STYLE[kind][0]}">' in statement  # the node keeps its own fill
        after = statement[statement.index(label) :].replace("<br/>\u2002 ", " ")  # unwrap
        fill, edge = STATUS_STYLE[status]
        row = f'bgcolor="{fill}" border="1" sides="l" color="{edge}"><font point-size="9">'
        assert row + line in after, (label, after)


def test_the_heading_gives_the_date_and_the_flag_and_the_legend_the_statuses(
    model: lm.LogicModel,
) -> None:
    source = to_dot(model, lang="en", follow_up=follow_up(model)).source
    # goal progress (1 + 0.1) / 2 = 0.55 < spend ratio 0.9 − 0.25: danger
    assert "Follow-up as of 2026-07-02; flag: DANGER" in source
    legend = source[source.index("Follow-up (status of each indicator)") :]
    words = re.findall(r'<td align="left"><font point-size="10">([^<]+)</font>', legend)
    assert words == ["behind", "no data", "no baseline or target", "on track", "achieved"]
    for status, (fill, edge) in STATUS_STYLE.items():
        assert f'bgcolor="{fill}" border="1" sides="l" color="{edge}"' in legend, status


def test_without_a_follow_up_nothing_of_it_is_drawn(model: lm.LogicModel) -> None:
    source = to_dot(model, lang="en").source
    assert "Follow-up" not in source
    for fill, _ in STATUS_STYLE.values():
        assert fill not in source


def test_as_of_moves_the_statuses_and_only_drawn_statuses_are_in_the_legend(
    model: lm.LogicModel,
) -> None:
    early = follow_up(model, as_of=dt.date(2026, 3, 1))
    source = to_dot(model, lang="en", follow_up=early).source
    assert "Follow-up as of 2026-03-01" in source
    assert source.count("○ no data") == 4  # the measurements come after the date
    assert "▼ behind" not in source
    legend = source[source.index("Follow-up (status of each indicator)") :]
    assert "achieved" not in legend
    only_goal = to_dot(model, lang="en", follow_up=follow_up(model), goal="s").source
    legend = only_goal[only_goal.index("Follow-up (status of each indicator)") :]
    assert "behind" not in legend  # the goal's indicators are not drawn
    assert "on track" in legend


def test_a_compact_view_counts_the_indicators_by_status(model: lm.LogicModel) -> None:
    source = to_dot(model, lang="en", compact=True, follow_up=follow_up(model)).source
    goal = _label_of(source, "Mål")
    assert "2 indicators" in goal
    assert goal.index("▼ behind: 1") < goal.index("● achieved: 1")


def test_swedish_words_and_the_same_bytes_every_run(model: lm.LogicModel) -> None:
    result = follow_up(model)
    source = to_dot(model, lang="sv", follow_up=result).source
    unwrapped = source.replace("<br/>\u2002 ", " ")
    assert "▼ efter plan: 10\xa0% av vägen, väntat 50\xa0%" in unwrapped
    assert "Uppföljning per 2026-07-02; flagga: LARM" in source
    assert to_dot(lm.loads(MODEL, "yaml"), lang="sv", follow_up=result).source == source


def test_mermaid_shows_the_symbols_and_words(model: lm.LogicModel) -> None:
    text = to_mermaid(model, lang="en", follow_up=follow_up(model))
    assert "▼ behind: 10% of the way, 50% expected" in text
    assert "%% Follow-up as of 2026-07-02#59; flag: DANGER" in text  # ';' as an entity


def test_hostile_indicator_labels_stay_text_beside_their_status() -> None:
    hostile = MODEL.replace("label: Släpar", 'label: "</td></tr><tr><td>▼ achieved"')
    model = lm.loads(hostile, "yaml")
    source = to_dot(model, lang="en", follow_up=follow_up(model)).source
    assert "&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;▼ achieved" in source


# ---------------------------------------------------------------------- with dot
@pytest.mark.needs_dot
def test_the_svg_carries_each_status_as_text(model: lm.LogicModel) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a warning from dot fails the test
        svg = to_svg(model, lang="en", follow_up=follow_up(model))
    texts = " ".join(svg_texts(svg))
    for words in ("▼ behind", "● achieved", "► on track", "○ no data", "□ no baseline or target"):
        assert words in texts
    assert "Follow-up (status of each indicator)" in texts
    assert "Follow-up as of 2026-07-02; flag: DANGER" in texts
    assert STATUS_STYLE["behind"][0].lower() in svg.lower()  # the fill reaches the image


@pytest.mark.needs_dot
@pytest.mark.parametrize(
    ("suffix", "magic"), [(".svg", b"<?xml"), (".png", b"\x89PNG"), (".pdf", b"%PDF")]
)
def test_every_image_format(
    model: lm.LogicModel, tmp_path: Path, suffix: str, magic: bytes
) -> None:
    out = render(model, tmp_path / f"d{suffix}", lang="sv", follow_up=follow_up(model))
    assert out.read_bytes().startswith(magic)


@pytest.mark.needs_dot
def test_the_command_draws_the_follow_up_at_a_date_with_data(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(MODEL, encoding="utf-8")
    data = tmp_path / "m.csv"
    data.write_text("indicator,date,value\ni-none,2026-05-01,80\n", encoding="utf-8")
    out = tmp_path / "d.svg"
    args = ["render", str(path), "-o", str(out), "--lang", "en", "--follow-up"]
    result = _run(*args, "--as-of", "2026-06-01", "--data", str(data))
    assert result.returncode == 0, result.stderr
    texts = " ".join(svg_texts(out.read_text(encoding="utf-8")))
    assert "Follow-up as of 2026-06-01" in texts
    # i-none, measured in the data file: 80 of 100 by 2026-05-01, 151/365 expected
    assert "► on track: 80% of the way, 41%" in texts


def test_as_of_and_data_go_with_follow_up(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(MODEL, encoding="utf-8")
    out = tmp_path / "d.dot"
    result = _run("render", str(path), "-o", str(out), "--as-of", "2026-06-01", "--lang", "en")
    assert result.returncode == 2
    assert "--as-of/--data goes with --follow-up" in result.stderr
    assert not out.exists()
    result = _run("render", str(path), "-o", str(out), "--follow-up", "--as-of", "juni")
    assert result.returncode == 2
    assert "expected a date (YYYY-MM-DD)" in result.stderr
