"""Through the real ``dot``: hostile labels, the columns of the SVG, every file format."""

from __future__ import annotations

import itertools
import warnings
from pathlib import Path

import pytest
from render_helpers import HOSTILE, hostile_model, small_model, svg_node_boxes, svg_texts

from logikmodell.examples import load_example
from logikmodell.model import NodeKind
from logikmodell.rendering import RenderError, render, to_dot, to_svg
from logikmodell.rendering._backend import run_dot

pytestmark = pytest.mark.needs_dot


def _normal(text: str) -> str:
    return " ".join(text.split())


def test_hostile_labels_survive_dot_verbatim() -> None:
    model = hostile_model()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a warning from dot fails the test
        svg = to_svg(model)
    texts = [_normal(t) for t in svg_texts(svg)]
    joined = " ".join(texts)
    for label in HOSTILE:
        for line in label.split("\n"):
            assert _normal(line) in texts or _normal(line) in joined, line
    # The escapes stayed text: no node got its own name or the graph's name.
    assert "n0" not in texts
    assert "logikmodell" not in texts


def test_hostile_labels_in_every_row_and_the_title() -> None:
    svg = to_svg(hostile_model())
    joined = _normal(" ".join(svg_texts(svg)))
    assert _normal(HOSTILE[0]) in joined  # the title
    assert "Projektägare: " + _normal(HOSTILE[1]) in joined  # the owner
    assert _normal(HOSTILE[2]) in joined  # the payer, in a resource row
    assert "Risk 2×2: -> x;" in joined


def test_stages_lie_in_their_columns_left_to_right() -> None:
    model = load_example()
    source = to_dot(model).source
    boxes = svg_node_boxes(run_dot(source, "svg").decode("utf-8"))
    order = [k for k in NodeKind if k.stage >= 0] + [NodeKind.NEED]
    name = {node.id: f"n{index}" for index, node in enumerate(model)}  # ids in model order
    assert len(boxes) == len(model)
    spans = []
    for kind in order:
        names = [name[node.id] for node in model.of_kind(kind)]
        lefts = [boxes[name][0] for name in names]
        rights = [boxes[name][1] for name in names]
        spans.append((kind, min(lefts), max(rights)))
    for (kind, _, right), (after, left, _) in itertools.pairwise(spans):
        assert right < left, f"{kind} reaches past the start of {after}"


def test_svg_names_the_columns_in_order() -> None:
    texts = svg_texts(to_svg(load_example(), lang="en"))
    headings = [
        "Resources",
        "Activities",
        "Outputs",
        "Short-term outcomes",
        "Long-term outcomes",
        "Impact",
        "Needs",
    ]
    assert [t for t in texts if t in headings] == headings


def test_swedish_letters_reach_the_svg_as_text() -> None:
    texts = svg_texts(to_svg(load_example()))
    assert "Långsiktiga effekter" in texts
    assert "Påverkan" in texts
    assert any("Ökad närvaro" in t for t in texts)


@pytest.mark.parametrize(
    ("suffix", "magic"),
    [(".svg", b"<?xml"), (".png", b"\x89PNG"), (".pdf", b"%PDF"), (".dot", b"digraph")],
)
def test_render_writes_each_format(tmp_path: Path, suffix: str, magic: bytes) -> None:
    path = render(small_model(), tmp_path / f"m{suffix}")
    assert path.read_bytes().startswith(magic)


def test_same_model_same_svg() -> None:
    assert to_svg(small_model()) == to_svg(small_model())


def test_dot_failure_is_a_render_error() -> None:
    with pytest.raises(RenderError, match="syntax error") as caught:
        run_dot("digraph { a -> }", "svg")
    assert caught.value.returncode != 0


def test_notebook_shows_the_svg() -> None:
    bundle = small_model()._repr_mimebundle_()
    assert bundle["image/svg+xml"].lstrip().startswith("<?xml")
    assert "Mentorskap i åk 7" in bundle["image/svg+xml"]
    assert bundle["text/plain"].startswith("<LogicModel")


@pytest.mark.needs_dot
@pytest.mark.parametrize("label", ["]", "]]", "Rad ett\n]", "[a]"])
def test_a_closing_bracket_in_a_label_lays_out(label: str) -> None:
    from logikmodell.graph import LogicModel
    from logikmodell.model import Activity

    model = LogicModel(title="0")
    model.add_node(Activity(id="a", label=label))
    assert f">{label.splitlines()[-1]}<" in to_svg(model)
