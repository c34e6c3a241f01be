"""DOT building: golden text, determinism, generated ids, escaping, options, findings."""

from __future__ import annotations

import os
import re
from pathlib import Path

import attrs
import pytest
from render_helpers import HOSTILE, hostile_model, small_model

import logikmodell as lm
from logikmodell.examples import load_example
from logikmodell.rendering import to_dot
from logikmodell.rendering._text import html_text

GOLDEN = Path(__file__).parent.parent / "golden"


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_golden_dot(lang: str) -> None:
    source = to_dot(small_model(), lang=lang).source
    path = GOLDEN / f"small-{lang}.dot"
    if os.environ.get("LOGIKMODELL_UPDATE_GOLDEN") == "1":
        path.write_text(source, encoding="utf-8")
    assert source == path.read_text(encoding="utf-8")


def test_headings_follow_the_language() -> None:
    sv = to_dot(small_model()).source
    en = to_dot(small_model(), lang="en").source
    for heading in (
        "Resurser",
        "Aktiviteter",
        "Prestationer",
        "Kortsiktiga effekter",
        "Långsiktiga effekter",
        "Påverkan",
        "Behov",
    ):
        assert f"<b>{heading}</b>" in sv
    for heading in (
        "Resources",
        "Activities",
        "Outputs",
        "Short-term outcomes",
        "Long-term outcomes",
        "Impact",
        "Needs",
    ):
        assert f"<b>{heading}</b>" in en
    assert "40&#160;personer" in sv.replace("\u00a0", "&#160;")
    assert "40\u00a0people" in en
    assert "620\u00a0000\u00a0kr" in sv
    assert "SEK\u00a0620,000" in en


def test_unknown_language_is_refused() -> None:
    with pytest.raises(lm.LogikmodellError, match="lang"):
        to_dot(small_model(), lang="de")


def test_same_model_same_bytes_in_any_format() -> None:
    model = load_example()
    again = lm.loads(lm.dumps(model, format="json"), "json")
    first = to_dot(model).source
    assert first == to_dot(model).source
    assert first == to_dot(again).source


def test_node_ids_are_generated_never_user_text() -> None:
    model = load_example()
    source = to_dot(model).source
    statements = re.findall(r"^\s*([^\s\[{}]+) \[", source, re.M)
    assert statements
    for name in statements:
        assert re.fullmatch(r"n\d+|r\d+|node|edge|graph", name), name
    for node in model:
        assert not re.search(rf"^\s*{re.escape(node.id)}\b", source, re.M)


def test_every_chain_node_and_link_is_drawn() -> None:
    model = load_example()
    source = to_dot(model).source
    names = re.findall(r"^\s*(n\d+) \[label=", source, re.M)
    assert len(names) == len(model)
    arrows = re.findall(r"^\s*n\d+ -> n\d+", source, re.M)
    addresses = sum(len(getattr(n, "addresses", ())) for n in model)
    assert len(arrows) == len(model.links) + addresses


def test_decreasing_and_causal_links_are_marked() -> None:
    source = to_dot(small_model()).source
    edges = dict(re.findall(r"^\s*(n\d+ -> n\d+) \[(.*)\]$", source, re.M))
    # mentor -> samtal is delivery: grey, no sign
    plain = [attrs for attrs in edges.values() if "headlabel" not in attrs]
    signed = [attrs for attrs in edges.values() if "headlabel" in attrs]
    assert len(signed) == 4
    minus = [a for a in signed if "−" in a]
    assert len(minus) == 2
    assert all("#B3261E" in a and "arrowhead=tee" in a for a in minus)
    assert any("style=dashed" in a for a in signed)  # assumption
    assert any("penwidth=2.4" in a for a in signed)  # research
    assert any("style=dotted" in a for a in signed)  # no evidence stated
    assert len(plain) == 3  # two delivery links and one "addresses" line


def test_indicators_and_risks_sit_in_their_nodes() -> None:
    source = to_dot(small_model()).source
    narvaro = next(line for line in source.splitlines() if "<b>Närvaro</b>" in line)
    assert "Närvaro i procent" in narvaro
    assert "78&#160;% → 88&#160;% (till 2026)" in narvaro.replace("\u00a0", "&#160;")
    samtal = next(line for line in source.splitlines() if "<b>Mentorssamtal</b>" in line)
    assert "Risk 3×4: Mentorn slutar" in samtal


def test_title_owner_period_and_legend_form_the_graph_label() -> None:
    source = to_dot(small_model()).source
    label = next(line for line in source.splitlines() if line.strip().startswith("graph ["))
    assert "Mentorskap i åk 7" in label
    assert "Projektägare: Utbildningsnämnden" in label
    assert "2026-01-01 – 2026-12-31" in label
    assert "Teckenförklaring" not in label  # the legend has two headed blocks instead
    assert "Evidens" in label
    assert "Beprövad erfarenhet" in label
    assert "Evidens" not in to_dot(small_model(), legend=False).source


def _skeleton(source: str) -> str:
    """DOT text with every quoted string and HTML-like string (balanced <>) emptied."""
    out: list[str] = []
    index = 0
    while index < len(source):
        ch = source[index]
        if ch == '"':
            index += 1
            while source[index] != '"':
                index += 2 if source[index] == "\\" else 1
            out.append('""')
        elif ch == "<":
            depth = 0
            while True:
                depth += {"<": 1, ">": -1}.get(source[index], 0)
                if depth == 0:
                    break
                index += 1
            out.append("<>")
        else:
            out.append(ch)
        index += 1
    return "".join(out)


@pytest.mark.parametrize("label", HOSTILE)
def test_hostile_text_is_escaped_in_dot(label: str) -> None:
    source = to_dot(hostile_model((label, "x", "y", "z"))).source
    escaped = html_text(label.split("\n")[0])
    assert escaped in source
    # No raw markup, bare quote or single backslash from the label reaches the DOT text.
    skeleton = _skeleton(source)
    for bad in ("<b>fet", "digraph", "evil", "x;", "-> x"):
        assert bad not in skeleton.replace("digraph logikmodell", "")
    assert skeleton.count("{") == skeleton.count("}")
    assert not re.search(r'(?<![\\=])"så', source)
    assert not re.search(r"(?<!\\)(?:\\\\)*\\[NGL]", source)


def test_backslash_escapes_are_doubled() -> None:
    assert html_text("\\N") == "\\\\N"
    assert html_text('<a href="x">&') == "&lt;a href=&quot;x&quot;&gt;&amp;"
    assert html_text("bell\x07") == "bell\ufffd"


def test_goal_draws_only_the_paths_to_it() -> None:
    model = load_example()
    source = to_dot(model, goal="placeringar").source
    for label in (
        "Familjestöd i hemmet",
        "Orosanmälningar om eleverna",
        "Placeringar utanför hemmet",
        "Hög och ökande skolfrånvaro i åk 7–9",
    ):
        assert label in source
    for label in ("Mentorssamtal varje vecka", "Unga i utanförskap", "Var fjärde elev"):
        assert label not in source
    assert "Endast vägar till: Placeringar utanför hemmet" in source


def test_goal_must_name_a_chain_node() -> None:
    with pytest.raises(lm.UnknownIdError, match="goal"):
        to_dot(load_example(), goal="saknas")
    with pytest.raises(lm.InvalidValueError, match="need"):
        to_dot(load_example(), goal="behov-halsa")


def test_compact_folds_outputs_and_counts_attachments() -> None:
    model = load_example()
    source = to_dot(model, compact=True).source
    names = re.findall(r"^\s*(n\d+) \[label=", source, re.M)
    assert len(names) == len(model) - 5  # the five outputs are folded
    assert "5 prestationer visas i sina aktiviteter" in source
    assert "→ Elever med mentor: 120\u00a0personer" in source
    assert "1 indikator · 1 risk" in source
    assert "Mentorssamtal per elev" not in source  # indicator counted, not listed
    assert "<b>Prestationer</b>" not in source


def test_compact_words_come_from_the_catalogue_in_english() -> None:
    source = to_dot(load_example(), compact=True, lang="en").source
    assert "Compact view: 5 outputs shown inside their activities; indicators and" in source
    assert "→ Elever med mentor: 120\u00a0people" in source
    assert "1 indicator · 1 risk" in source
    assert "<b>Evidence</b>" in source
    assert "Evidence not stated" in source
    assert "Kompakt" not in source
    assert "indikator" not in source


def test_compact_is_automatic_above_80_nodes() -> None:
    from logikmodell.model import Activity, Output

    model = small_model()
    assert "Kompakt vy" not in to_dot(model).source
    for index in range(80):
        model.add_node(Output(id=f"o{index}", label=f"Prestation {index}"))
        if index % 2:
            model.link("samtal", f"o{index}")
    model.add_node(Activity(id="extra", label="Extra"))
    source = to_dot(model).source
    assert "Kompakt vy: 41 prestationer visas i sina aktiviteter" in source
    assert "Kompakt vy" not in to_dot(model, compact=False).source


@attrs.frozen
class _Finding:
    code: str
    severity: str
    message: str
    nodes: tuple[str, ...]
    link: tuple[str, str] | None


def test_findings_colour_nodes_and_links() -> None:
    findings = [
        _Finding("LM301", "warning", "no indicator", ("behorighet",), None),
        _Finding(
            "LM201", "error", 'contradicts "x" \\N', ("stress", "narvaro"), ("stress", "narvaro")
        ),
    ]
    plain = to_dot(small_model()).source
    source = to_dot(small_model(), findings=findings).source
    behorighet = next(line for line in source.splitlines() if "<b>Behörighet</b>" in line)
    assert 'border="3"' in behorighet
    assert "#D97B00" in behorighet
    assert "LM301" in behorighet
    red = [line for line in source.splitlines() if "->" in line and "#C62828" in line]
    assert len(red) == 1
    assert "penwidth=3" in red[0]
    assert 'tooltip="LM201: contradicts \\"x\\" \\\\N"' in red[0]
    assert "#C62828" not in plain
    assert "LM301" not in plain


def test_findings_from_validate_are_accepted() -> None:
    model = small_model()
    model.link("samtal", "narvaro", effect=lm.Effect.DECREASES, evidence=lm.Evidence.RESEARCH)
    report = lm.validate(model)
    assert not report.ok
    source = to_dot(model, findings=report).source
    assert "#C62828" in source
    assert to_dot(model, findings=report.findings).source == source
